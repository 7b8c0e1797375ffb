"""The hazard list, the dashboard and the monthly ledger count, as the UI calls them, on 200,000 hazards.

The clock is fixed to the day the data was generated for, so overdue/due-soon sets are the same
every run.
"""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.dashboard import DashboardService
from inspector.core.hazards import HazardFilter, HazardService
from inspector.core.ledger import LedgerFilter, count_rows
from inspector.db.engine import Database
from tests.bench.conftest import BENCH_TODAY, HAZARD_DB_HAZARDS

FILTERS = {
    "all": HazardFilter(),
    "open": HazardFilter(open_only=True),
    "overdue": HazardFilter(overdue_only=True),
    "jurisdiction": HazardFilter(jurisdiction="春江镇"),
    "jurisdiction_open": HazardFilter(jurisdiction="春江镇", open_only=True),
    "subcategory": HazardFilter(category="现场管理", subcategory="粉尘防爆"),
    "inspector": HazardFilter(inspector_id=3),
    "text_fts": HazardFilter(text="除尘系统"),  # ≥ 3 characters: FTS5 trigram on SQLite
    "text_short": HazardFilter(text="木业"),  # 2 characters: LIKE fallback (enterprise names)
    "found_month": HazardFilter(found_from=BENCH_TODAY.replace(day=1), found_to=BENCH_TODAY),
}


@pytest.fixture(scope="module")
def hazards(hazards_200k: Database) -> HazardService:
    return HazardService(hazards_200k, clock=lambda: BENCH_TODAY)


@pytest.mark.parametrize("name", list(FILTERS))
def test_count(benchmark: Any, hazards: HazardService, name: str) -> None:
    n = benchmark(hazards.count, FILTERS[name])
    assert 0 < n <= HAZARD_DB_HAZARDS


@pytest.mark.parametrize("name", ["all", "open", "jurisdiction", "inspector", "text_fts"])
def test_first_page(benchmark: Any, hazards: HazardService, name: str) -> None:
    assert benchmark(hazards.page, FILTERS[name], 0, 100)


@pytest.mark.parametrize("sort", ["found_on", "number", "deadline", "enterprise_name"])
def test_deep_page(benchmark: Any, hazards: HazardService, sort: str) -> None:
    """Scrolling to the end of the unfiltered list."""
    rows = benchmark(hazards.page, FILTERS["all"], HAZARD_DB_HAZARDS - 100, 100, sort)
    assert len(rows) == 100


def test_dashboard_tiles(benchmark: Any, hazards_200k: Database) -> None:
    service = DashboardService(hazards_200k, clock=lambda: BENCH_TODAY)
    tiles = benchmark(service.tiles)
    assert tiles and tiles[0].count > 0


def test_monthly_ledger_count(benchmark: Any, hazards_200k: Database) -> None:
    f = LedgerFilter(BENCH_TODAY.year, BENCH_TODAY.month - 1)

    def count() -> int:
        with hazards_200k.reading() as s:
            return count_rows(s, f)

    assert benchmark(count) > 0
