"""The registry list (企业台账) on a district-sized table: counts and windows the UI asks for."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.enterprises import EnterpriseFilter, EnterpriseService
from inspector.db.engine import Database
from tests.bench.conftest import ENTERPRISES_10K

FILTERS = {
    "all": EnterpriseFilter(),
    "text_name": EnterpriseFilter(text="化工"),
    "text_one_char": EnterpriseFilter(text="木"),
    "text_code": EnterpriseFilter(text="MA1"),
    "jurisdiction": EnterpriseFilter(jurisdiction="春江镇"),
    "category": EnterpriseFilter(category="涉爆粉尘"),
    "combined": EnterpriseFilter(
        text="常州", jurisdiction="滨江经济开发区", category="危化品生产", status="在产"
    ),
}


@pytest.fixture(scope="module")
def service(enterprises_10k: Database) -> EnterpriseService:
    return EnterpriseService(enterprises_10k)


@pytest.mark.parametrize("name", list(FILTERS))
def test_count(benchmark: Any, service: EnterpriseService, name: str) -> None:
    n = benchmark(service.count, FILTERS[name])
    assert 0 < n <= ENTERPRISES_10K


@pytest.mark.parametrize("name", ["all", "text_name", "category", "combined"])
def test_first_page(benchmark: Any, service: EnterpriseService, name: str) -> None:
    rows = benchmark(service.page, FILTERS[name], 0, 100)
    assert rows


@pytest.mark.parametrize("sort", ["name", "jurisdiction", "credit_code", "risk_grade"])
def test_deep_page(benchmark: Any, service: EnterpriseService, sort: str) -> None:
    """Scrolling to the end of the list: OFFSET near the last row."""
    rows = benchmark(service.page, FILTERS["all"], ENTERPRISES_10K - 100, 100, sort, True)
    assert len(rows) == 100


def test_deep_page_filtered(benchmark: Any, service: EnterpriseService) -> None:
    f = FILTERS["category"]
    offset = max(0, service.count(f) - 50)
    rows = benchmark(service.page, f, offset, 100)
    assert 0 < len(rows) <= 50
