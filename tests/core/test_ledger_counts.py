"""The 汇总 counted in SQL (``core.ledger_counts``) equals counting every ledger row, on demo data.

Demo data has what makes the month-end view hard: 延期 granted later, failed 复查 after the month,
reports waiting for 复查, majors carried over. Several months (over, and still running), 属地 and
监管类别 filters and the office's 复查 period are tried, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from inspector.core.audit import Actor
from inspector.core.demo import generate
from inspector.core.ledger import Basis, LedgerFilter, LedgerSummary, iter_rows, month_summary, summarize
from inspector.core.ledger_counts import changed_after
from inspector.core.office import OfficeService
from inspector.db.engine import Database
from inspector.db.models import Enterprise, Hazard

TODAY = date(2026, 11, 20)


def _by_rows(db: Database, f: LedgerFilter, today: date) -> LedgerSummary:
    with db.reading() as s:
        basis = Basis.of(s, f, today)
        return summarize(iter_rows(s, f, basis=basis), basis)


@pytest.fixture
def demo(db: Database) -> Database:
    generate(db, enterprises=60, hazards=1200, seed=7, today=TODAY)
    return db


def test_the_sql_summary_is_the_summary_of_the_rows(demo: Database, actor: Actor) -> None:
    with demo.reading() as s:
        towns = list(s.scalars(select(Enterprise.jurisdiction).distinct().order_by(Enterprise.jurisdiction)))
        # the demo does exercise the row path: hazards changed after a month's end
        later = s.scalar(select(func.count(Hazard.id)).where(changed_after(date(2026, 6, 30))))
    assert len(towns) >= 2 and later
    filters = [
        LedgerFilter(2026, 6),
        LedgerFilter(2026, 9),
        LedgerFilter(2026, 11),  # still running on TODAY: judged on the day
        LedgerFilter(2026, 3, towns[0]),
        LedgerFilter(2026, 8, towns[1], "涉爆粉尘"),
        LedgerFilter(2026, 10, None, "危险化学品"),
        LedgerFilter(2025, 1),  # before any data
    ]
    for f in filters:
        expected = _by_rows(demo, f, TODAY)
        assert month_summary(demo, f, today=TODAY) == expected, f
    OfficeService(demo).update(actor, review_days=3)
    for f in filters[:3]:
        expected = _by_rows(demo, f, TODAY)
        assert expected.total.overdue_review or f.month == 11
        assert month_summary(demo, f, today=TODAY) == expected, f


def test_the_summary_read_in_one_session_while_another_program_writes(demo: Database) -> None:
    """SQLite gives one session while a writer holds the lock: the parts are then read in turn."""
    if not demo.is_sqlite:
        pytest.skip("the SQLite write lock")
    f = LedgerFilter(2026, 6)
    expected = _by_rows(demo, f, TODAY)
    with demo.transaction() as w:
        w.execute(select(1))  # BEGIN IMMEDIATE: the write lock, held until the block ends
        with demo.reading_pair() as (_main, helper):
            assert helper is None
        assert month_summary(demo, f, today=TODAY) == expected
