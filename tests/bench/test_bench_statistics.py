"""The 统计 page at 1,000,000 hazards: a year's statistics and its charts' figures (issue 13 asks for
under 0.5 s), each paired with the floor any per-row plan pays on the same database in the same
run — one bare scan of the hazards evaluating the same counted conditions, with no grouping at all.
On SQLite and, with ``INSPECTOR_BENCH_PG_URL``, on a team server."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import and_, func, or_, select

from inspector.core.statistics import Period, StatisticsService
from inspector.db.engine import Database
from inspector.db.models import Hazard
from tests.bench.conftest import BENCH_TODAY, backend

YEAR = Period.year(BENCH_TODAY.year)
BUDGET_S = 0.5


def _bare_scan(db: Database) -> Any:
    """The peer: the counted conditions of the statistics over every hazard, one row out."""
    p, as_of = YEAR, BENCH_TODAY
    in_period = and_(Hazard.found_on >= p.start, Hazard.found_on <= p.end)
    stmt = select(
        func.count().filter(
            and_(Hazard.found_on <= p.end, or_(Hazard.closed_on.is_(None), Hazard.closed_on >= p.start))
        ),
        func.count().filter(in_period),
        func.count().filter(Hazard.closed_on.between(p.start, as_of)),
        func.count().filter(Hazard.state != "已销号"),
    )
    with db.reading() as s:
        return s.execute(stmt).one()


def _median_s(fn: Callable[[], object], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def test_year_statistics(benchmark: Any, million: Database, record_budget: Any, record_ratio: Any) -> None:
    svc = StatisticsService(million, lambda: BENCH_TODAY)
    stats = benchmark.pedantic(svc.compute, args=(YEAR,), rounds=5, warmup_rounds=1)
    assert stats.by_jurisdiction[-1].found > 0
    ours = benchmark.stats.stats.median
    record_budget(
        f"统计 a year at 1M hazards (StatisticsService.compute, {backend(million)})", ours, BUDGET_S
    )
    peer = _median_s(lambda: _bare_scan(million))
    ratio = record_ratio(
        f"统计 a year / one bare scan of the counted conditions ({backend(million)})", ours, peer, 2.0
    )
    benchmark.extra_info.update(ours_s=ours, bare_scan_s=peer, ratio=ratio.value)


def test_year_chart_data(benchmark: Any, million: Database, record_budget: Any) -> None:
    svc = StatisticsService(million, lambda: BENCH_TODAY)
    data = benchmark.pedantic(svc.charts, args=(YEAR,), rounds=5, warmup_rounds=1)
    assert sum(m.found for m in data.months) > 0
    record_budget(
        f"统计 charts of a year at 1M hazards (StatisticsService.charts, {backend(million)})",
        benchmark.stats.stats.median,
        BUDGET_S,
    )


def test_home_chart_data(benchmark: Any, million: Database, record_budget: Any) -> None:
    svc = StatisticsService(million, lambda: BENCH_TODAY)
    data = benchmark.pedantic(svc.recent_charts, rounds=5, warmup_rounds=1)
    assert len(data.months) == 12
    record_budget(
        f"工作台 charts, last 12 months at 1M hazards ({backend(million)})",
        benchmark.stats.stats.median,
        BUDGET_S,
    )
