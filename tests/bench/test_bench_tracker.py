"""The 隐患 tracker at 1,000,000 hazards: each operation a user meets, through HazardService (what
the list model calls), each under the issue's 150 ms; beside it the same statements as raw SQL,
so the fixed per-query cost of the service (compile, session, row building) shows (under 20 ms).

On SQLite (the bench file) and on a team server (``INSPECTOR_BENCH_PG_URL``: the same million
hazards, filled once and kept there; without it the PostgreSQL cases are skipped).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from inspector.core.hazards import HazardFilter, HazardService
from inspector.core.hazards.query import COUNT_CAP
from inspector.db.engine import Database
from tests.bench.conftest import BENCH_TODAY, backend

BUDGET_S, OVERHEAD_S = 0.150, 0.020
OPEN = HazardFilter(open_only=True)
ALL = HazardFilter()
SORTS = ("found_on", "number", "deadline", "state", "level", "category", "enterprise_name", "jurisdiction")


@pytest.fixture(scope="module")
def service(million: Database) -> HazardService:
    def today() -> date:
        return BENCH_TODAY

    return HazardService(million, today)


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
    """The same statements on one open DB-API connection (no ORM, no session): the peer."""
    log = SqlLog(db)
    try:
        call()
    finally:
        log.stop()
    queries = [(s, p) for s, p in log.statements if s.lstrip().upper().startswith("SELECT")]
    if not db.is_sqlite:
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            return median(lambda: [cur.execute(s, p).fetchall() for s, p in queries])
        finally:
            raw.close()
    path = db.engine.url.database
    conn = sqlite3.connect(str(path))
    try:
        return median(lambda: [conn.execute(s, p).fetchall() for s, p in queries])
    finally:
        conn.close()


def plans(db: Database, call: Callable[[], object]) -> list[str]:
    """The query plans of what ``call`` runs: SQLite's lines, or PostgreSQL's nodes."""
    log = SqlLog(db)
    try:
        call()
    finally:
        log.stop()
    out: list[str] = []
    explain = "EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN "
    with db.engine.connect() as c:
        for s, p in log.statements:
            if s.lstrip().upper().startswith("SELECT"):
                out += [r[-1] for r in c.exec_driver_sql(explain + s, p if not db.is_sqlite else tuple(p))]
    return out


def full_sorts(db: Database, shown: list[str]) -> list[str]:
    """Plan steps that sort all the rows a page is cut from: SQLite's temporary B-tree, PostgreSQL's
    Sort. (An Incremental Sort over an ordered index sorts only the ties it reads, up to the page.)"""
    if db.is_sqlite:
        return [p for p in shown if "TEMP B-TREE" in p]
    return [p for p in shown if re.match(r"\s*(->\s+)?Sort\s+\(", p)]


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
    name = f"{name} ({backend(db)})"
    record_budget(f"tracker {name}", ours, BUDGET_S)
    record_budget(f"tracker {name}: fixed cost (service − raw SQL)", max(ours - peer, 0.0), OVERHEAD_S)
    benchmark.extra_info.update(ours_ms=ours * 1000, raw_sql_ms=peer * 1000)
    print(f"\n{name}: {ours * 1000:.1f} ms, raw SQL {peer * 1000:.1f} ms")


def test_open_default_view_first_page(benchmark, service, million, record_budget, record_ratio) -> None:
    """What the list shows first: 未销号, newest first, before any count."""
    call = lambda: service.page(OPEN, 0, 200)  # noqa: E731
    assert not full_sorts(million, plans(million, call))
    measure("未销号 first page", benchmark, million, call, record_budget, record_ratio)


def test_open_default_view_count(benchmark, service, million, record_budget, record_ratio) -> None:
    measure("未销号 count", benchmark, million, lambda: service.count(OPEN), record_budget, record_ratio)


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", SORTS)
def test_all_first_page_each_sort(
    benchmark, service, million, record_budget, record_ratio, sort: str, descending: bool
) -> None:
    call = lambda: service.page(ALL, 0, 200, sort, descending)  # noqa: E731
    shown = plans(million, call)
    assert not full_sorts(million, shown), shown
    name = f"全部 first page by {sort} {'desc' if descending else 'asc'}"
    measure(name, benchmark, million, call, record_budget, record_ratio)


def test_all_count(benchmark, service, million, record_budget, record_ratio) -> None:
    measure("全部 count", benchmark, million, lambda: service.count(ALL), record_budget, record_ratio)


@pytest.mark.parametrize("sort", ["found_on", "level", "enterprise_name"])
def test_deep_page_by_keyset(benchmark, service, million, record_budget, record_ratio, sort: str) -> None:
    """Page 2,500 (row 500,000) of 全部, read after the previous page's last row."""
    anchor = service.page(ALL, 499_999, 1, sort, True)[0]
    call = lambda: service.page(ALL, 0, 200, sort, True, after=anchor)  # noqa: E731
    measure(
        f"全部 deep page (row 500,000) by {sort}, keyset",
        benchmark,
        million,
        call,
        record_budget,
        record_ratio,
    )


@pytest.mark.parametrize("keyword", ["化", "消防", "粉尘"])
def test_short_search_page_and_capped_count(
    benchmark, service, million, record_budget, record_ratio, keyword: str
) -> None:
    """A 1–2 character search: its first page and the capped count that follows it."""
    f = HazardFilter(text=keyword)
    call = lambda: (service.page(f, 0, 200), service.count(f, cap=COUNT_CAP))  # noqa: E731
    measure(
        f"search {keyword!r}: first page + count capped at {COUNT_CAP:,}",
        benchmark,
        million,
        call,
        record_budget,
        record_ratio,
    )


def test_overdue_view_most_overdue_first(benchmark, service, million, record_budget, record_ratio) -> None:
    f = HazardFilter(overdue_only=True)
    call = lambda: service.page(f, 0, 200, "deadline", False)  # noqa: E731
    measure("逾期 first page, most overdue first", benchmark, million, call, record_budget, record_ratio)


def test_position_after_a_resort(benchmark, service, million, record_budget, record_ratio) -> None:
    row = service.page(OPEN, 5_000, 1)[0]
    call = lambda: service.position(OPEN, row, "level", True)  # noqa: E731
    measure(
        "position of the selected hazard after a re-sort (未销号 by 等级)",
        benchmark,
        million,
        call,
        record_budget,
        record_ratio,
    )
