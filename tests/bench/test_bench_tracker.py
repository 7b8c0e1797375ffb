"""The 隐患 tracker at 1,000,000 hazards: each operation a user meets, through HazardService (what
the list model calls), each under the issue's 150 ms; beside it the same statements as raw SQL,
so the fixed per-query cost of the service (compile, session, row building) shows (under 20 ms).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from inspector.core.hazards import HazardFilter, HazardService
from inspector.core.hazards.query import COUNT_CAP
from inspector.db.engine import Database
from tests.bench.conftest import BENCH_TODAY

BUDGET_S, OVERHEAD_S = 0.150, 0.020
OPEN = HazardFilter(open_only=True)
ALL = HazardFilter()
SORTS = ("found_on", "number", "deadline", "state", "level", "category", "enterprise_name", "jurisdiction")


@pytest.fixture(scope="module")
def service(hazards_1m: Database) -> HazardService:
    def today() -> date:
        return BENCH_TODAY

    return HazardService(hazards_1m, today)


class SqlLog:
    """The statements one service call runs, kept to replay them as raw SQL."""

    def __init__(self, db: Database) -> None:
        self.statements: list[tuple[str, Any]] = []
        from sqlalchemy import event

        event.listen(db.engine, "before_cursor_execute", self._seen)
        self._db = db

    def _seen(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        self.statements.append((statement, params))

    def stop(self) -> None:
        from sqlalchemy import event

        event.remove(self._db.engine, "before_cursor_execute", self._seen)


def median(fn: Callable[[], object], runs: int = 7) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def raw_time(db: Database, call: Callable[[], object]) -> float:
    """The same statements, on one open sqlite3 connection (no ORM, no session): the peer."""
    log = SqlLog(db)
    try:
        call()
    finally:
        log.stop()
    queries = [(s, p) for s, p in log.statements if s.lstrip().upper().startswith("SELECT")]
    path = db.engine.url.database
    conn = sqlite3.connect(str(path))
    try:
        return median(lambda: [conn.execute(s, p).fetchall() for s, p in queries])
    finally:
        conn.close()


def plans(db: Database, call: Callable[[], object]) -> list[str]:
    log = SqlLog(db)
    try:
        call()
    finally:
        log.stop()
    out: list[str] = []
    with db.engine.connect() as c:
        for s, p in log.statements:
            if s.lstrip().upper().startswith("SELECT"):
                out += [r[-1] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + s, tuple(p))]
    return out


def measure(
    name: str,
    benchmark: Any,
    db: Database,
    call: Callable[[], object],
    record_budget: Callable[[str, float, float], None],
    record_ratio: Callable[[str, float, float, float], Any],
) -> None:
    benchmark.pedantic(call, rounds=7, warmup_rounds=1)
    ours = float(benchmark.stats.stats.median)
    peer = raw_time(db, call)
    record_budget(f"tracker {name}", ours, BUDGET_S)
    record_budget(f"tracker {name}: fixed cost (service − raw SQL)", max(ours - peer, 0.0), OVERHEAD_S)
    benchmark.extra_info.update(ours_ms=ours * 1000, raw_sql_ms=peer * 1000)
    print(f"\n{name}: {ours * 1000:.1f} ms, raw SQL {peer * 1000:.1f} ms")


def test_open_default_view_first_page(benchmark, service, hazards_1m, record_budget, record_ratio) -> None:
    """What the list shows first: 未销号, newest first, before any count."""
    call = lambda: service.page(OPEN, 0, 200)  # noqa: E731
    assert not [p for p in plans(hazards_1m, call) if "TEMP B-TREE" in p]
    measure("未销号 first page", benchmark, hazards_1m, call, record_budget, record_ratio)


def test_open_default_view_count(benchmark, service, hazards_1m, record_budget, record_ratio) -> None:
    measure("未销号 count", benchmark, hazards_1m, lambda: service.count(OPEN), record_budget, record_ratio)


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", SORTS)
def test_all_first_page_each_sort(
    benchmark, service, hazards_1m, record_budget, record_ratio, sort: str, descending: bool
) -> None:
    call = lambda: service.page(ALL, 0, 200, sort, descending)  # noqa: E731
    shown = plans(hazards_1m, call)
    assert not [p for p in shown if "TEMP B-TREE" in p], shown
    name = f"全部 first page by {sort} {'desc' if descending else 'asc'}"
    measure(name, benchmark, hazards_1m, call, record_budget, record_ratio)


def test_all_count(benchmark, service, hazards_1m, record_budget, record_ratio) -> None:
    measure("全部 count", benchmark, hazards_1m, lambda: service.count(ALL), record_budget, record_ratio)


@pytest.mark.parametrize("sort", ["found_on", "level", "enterprise_name"])
def test_deep_page_by_keyset(benchmark, service, hazards_1m, record_budget, record_ratio, sort: str) -> None:
    """Page 2,500 (row 500,000) of 全部, read after the previous page's last row."""
    anchor = service.page(ALL, 499_999, 1, sort, True)[0]
    call = lambda: service.page(ALL, 0, 200, sort, True, after=anchor)  # noqa: E731
    measure(
        f"全部 deep page (row 500,000) by {sort}, keyset",
        benchmark,
        hazards_1m,
        call,
        record_budget,
        record_ratio,
    )


@pytest.mark.parametrize("keyword", ["化", "消防", "粉尘"])
def test_short_search_page_and_capped_count(
    benchmark, service, hazards_1m, record_budget, record_ratio, keyword: str
) -> None:
    """A 1–2 character search: its first page and the capped count that follows it."""
    f = HazardFilter(text=keyword)
    call = lambda: (service.page(f, 0, 200), service.count(f, cap=COUNT_CAP))  # noqa: E731
    measure(
        f"search {keyword!r}: first page + count capped at {COUNT_CAP:,}",
        benchmark,
        hazards_1m,
        call,
        record_budget,
        record_ratio,
    )


def test_overdue_view_most_overdue_first(benchmark, service, hazards_1m, record_budget, record_ratio) -> None:
    f = HazardFilter(overdue_only=True)
    call = lambda: service.page(f, 0, 200, "deadline", False)  # noqa: E731
    measure("逾期 first page, most overdue first", benchmark, hazards_1m, call, record_budget, record_ratio)


def test_position_after_a_resort(benchmark, service, hazards_1m, record_budget, record_ratio) -> None:
    row = service.page(OPEN, 5_000, 1)[0]
    call = lambda: service.position(OPEN, row, "level", True)  # noqa: E731
    measure(
        "position of the selected hazard after a re-sort (未销号 by 等级)",
        benchmark,
        hazards_1m,
        call,
        record_budget,
        record_ratio,
    )
