"""Ledger-style queries on 200,000 hazards, guarding the hazard indexes in db/models.py.

Plain Core queries (what the list, the dashboard and the monthly ledger need), so they measure the
schema and its indexes rather than any one service's code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select

from inspector.db.engine import Database
from inspector.db.models import Enterprise, Hazard
from tests.bench.conftest import BENCH_TODAY

OPEN = ("待整改", "整改中", "待复查")


def _scalar(db: Database, stmt: Any) -> Any:
    with db.reading() as s:
        return s.scalar(stmt)


def _all(db: Database, stmt: Any) -> list[Any]:
    with db.reading() as s:
        return list(s.execute(stmt))


def test_count_open(benchmark: Any, hazards_200k: Database) -> None:
    n = benchmark(_scalar, hazards_200k, select(func.count(Hazard.id)).where(Hazard.state.in_(OPEN)))
    assert n > 0


def test_overdue_by_jurisdiction(benchmark: Any, hazards_200k: Database) -> None:
    stmt = (
        select(Enterprise.jurisdiction, func.count(Hazard.id))
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .where(Hazard.state.in_(OPEN), Hazard.deadline < BENCH_TODAY)
        .group_by(Enterprise.jurisdiction)
    )
    rows = benchmark(_all, hazards_200k, stmt)
    assert rows


def test_open_list_of_one_jurisdiction_page(benchmark: Any, hazards_200k: Database) -> None:
    stmt = (
        select(Hazard.id, Hazard.number, Enterprise.name, Hazard.deadline)
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .where(Enterprise.jurisdiction == "春江镇", Hazard.state.in_(OPEN))
        .order_by(Hazard.deadline, Hazard.id)
        .limit(100)
    )
    assert benchmark(_all, hazards_200k, stmt)


def test_all_hazards_deep_page(benchmark: Any, hazards_200k: Database) -> None:
    stmt = (
        select(Hazard.id, Hazard.number)
        .order_by(Hazard.found_on.desc(), Hazard.id.desc())
        .offset(199_900)
        .limit(100)
    )
    assert len(benchmark(_all, hazards_200k, stmt)) == 100


def test_monthly_ledger_rows_count(benchmark: Any, hazards_200k: Database) -> None:
    """Found in the month or open at any time in it: the monthly ledger's row set."""
    start, end = date(2026, 10, 1), date(2026, 10, 31)
    stmt = select(func.count(Hazard.id)).where(
        Hazard.found_on <= end, or_(Hazard.closed_on.is_(None), Hazard.closed_on >= start)
    )
    assert benchmark(_scalar, hazards_200k, stmt) > 0


def test_enterprise_open_hazards(benchmark: Any, hazards_200k: Database) -> None:
    """一企一档: one enterprise's open hazards."""
    stmt = select(func.count(Hazard.id)).where(and_(Hazard.enterprise_id == 123, Hazard.state.in_(OPEN)))
    assert benchmark(_scalar, hazards_200k, stmt) >= 0
