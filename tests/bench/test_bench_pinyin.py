"""Pinyin search and the pinyin-sorted registry at 100,000 enterprises: each within 150 ms, from an index.

The demo generator's district names (常州…化工有限公司 and the like) repeat their first syllables a
lot, which is the hard case for a prefix search: ``cz`` matches a large share of the registry.
The query plans are checked too, so an index lost in a later migration shows up as a failure here
rather than as a slow picker.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from inspector.core.demo import generate
from inspector.core.enterprises import EnterpriseFilter, EnterpriseService
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.db.models import Enterprise
from tests.bench.conftest import BENCH_TODAY, CACHE_ENV

ENTERPRISES = 100_000
BUDGET_S = 0.150


@pytest.fixture(scope="module")
def registry_100k(_sqlite_template: Path, bench_dir: Path) -> Iterator[Database]:
    """100,000 demo enterprises (no hazards), kept in ``INSPECTOR_BENCH_CACHE`` per schema head."""
    name = f"enterprises100k-{migrate.head_revision()}"
    cache = os.environ.get(CACHE_ENV)
    cached = Path(cache) / f"{name}.sqlite3" if cache else None
    path = bench_dir / f"{name}.sqlite3"
    if cached is not None and cached.exists():
        shutil.copy(cached, path)
    else:
        shutil.copy(_sqlite_template, path)
        built = Database(f"sqlite:///{path}")
        generate(built, enterprises=ENTERPRISES, hazards=0, seed=2026, today=BENCH_TODAY)
        with built.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        built.dispose()
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, cached.with_suffix(".part"))
            cached.with_suffix(".part").replace(cached)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def service(registry_100k: Database) -> EnterpriseService:
    return EnterpriseService(registry_100k)


@pytest.fixture(scope="module")
def sample(registry_100k: Database) -> tuple[str, str]:
    """The initials and full pinyin of an enterprise in the middle of the table."""
    with registry_100k.reading() as s:
        row = s.execute(
            select(Enterprise.name_initials, Enterprise.name_pinyin).where(Enterprise.id == ENTERPRISES // 2)
        ).one()
    return row[0], row[1]


def plans(db: Database, call: Callable[[], Any]) -> list[str]:
    """EXPLAIN QUERY PLAN of every SELECT on ``enterprises`` that ``call`` sends."""
    sent: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM enterprises" in statement:
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    with db.engine.connect() as c:
        return [
            " | ".join(str(r[-1]) for r in c.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in sent
        ]


def _median(benchmark: Any) -> float:
    return float(benchmark.stats.stats.median)


def test_picker_pinyin_initials(
    benchmark: Any, service: EnterpriseService, sample: tuple[str, str], record_budget: Any
) -> None:
    """Typing the first three initials into the enterprise picker: 30 matches in pinyin order."""
    text = sample[0][:3]
    rows = benchmark(service.search_names, text, 30)
    assert rows
    record_budget(f"pinyin: picker search '{text}' at 100k enterprises", _median(benchmark), BUDGET_S)
    (plan,) = plans(service.db, lambda: service.search_names(text, 30))
    assert "ix_enterprises_name_initials" in plan and "ix_enterprises_name_pinyin" in plan, plan
    assert "SCAN enterprises" not in plan, plan


def test_registry_full_pinyin_count_and_first_page(
    benchmark: Any, service: EnterpriseService, sample: tuple[str, str], record_budget: Any
) -> None:
    """The registry search box with a full-pinyin prefix: the count line and the first 100 rows."""
    f = EnterpriseFilter(text=sample[1][:8])

    def search() -> tuple[int, int]:
        return service.count(f), len(service.page(f, 0, 100))

    total, shown = benchmark(search)
    assert total >= 1 and shown >= 1
    record_budget(f"pinyin: registry search '{f.text}' count + first page", _median(benchmark), BUDGET_S)
    for plan in plans(service.db, search)[:2]:
        assert "SCAN enterprises" not in plan, plan


@pytest.mark.parametrize(("sort", "descending"), [("name", False), ("name", True), ("jurisdiction", False)])
def test_sorted_first_page(
    benchmark: Any, service: EnterpriseService, record_budget: Any, sort: str, descending: bool
) -> None:
    """The unfiltered registry opened (or re-sorted) by name or 属地: walks the pinyin index."""
    rows = benchmark(service.page, EnterpriseFilter(), 0, 100, sort, descending)
    assert len(rows) == 100
    way = "descending" if descending else "ascending"
    record_budget(f"pinyin: registry first page by {sort} ({way})", _median(benchmark), BUDGET_S)
    plan = plans(service.db, lambda: service.page(EnterpriseFilter(), 0, 100, sort, descending))[0]
    index = {"name": "ix_enterprises_name_pinyin", "jurisdiction": "ix_enterprises_place_order"}[sort]
    assert index in plan and "TEMP B-TREE" not in plan, plan


def test_jurisdiction_list(benchmark: Any, service: EnterpriseService, record_budget: Any) -> None:
    """The 属地 drop-down of every filter bar, in pinyin order."""
    places = benchmark(service.jurisdictions)
    assert places
    record_budget("pinyin: 属地 list at 100k enterprises", _median(benchmark), BUDGET_S)
    (plan,) = plans(service.db, service.jurisdictions)
    assert "ix_enterprises_place_order" in plan and "TEMP B-TREE" not in plan, plan
