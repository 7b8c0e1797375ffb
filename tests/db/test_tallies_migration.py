"""Migration 0013 (统计 tallies) counts the hazards recorded before it, and goes back cleanly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from inspector.core.demo import generate
from inspector.core.statistics import TOTAL_LABEL, Period, StatisticsService
from inspector.db import migrate
from inspector.db.engine import Database

TODAY = date(2026, 11, 20)
RECOUNT = (
    "SELECT e.jurisdiction, h.category, substr(h.found_on, 1, 8) || '01', coalesce(substr(h.closed_on, 1, 8) || '01', ''),"
    " h.level, CASE h.state WHEN '已销号' THEN '已销号' ELSE '未销号' END, count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id"
    " GROUP BY 1, 2, 3, 4, 5, 6"
)
KEPT = "SELECT jurisdiction, category, found_month, closed_month, level, state, n FROM hazard_tallies"


def _year_total(db: Database, *, tallies: bool = True) -> tuple[int, int, int]:
    """The year's 合计 from the tallies, or from counting every hazard."""
    total = (
        StatisticsService(db, lambda: TODAY, tallies=tallies).compute(Period.year(2026)).by_jurisdiction[-1]
    )
    assert total.key == TOTAL_LABEL
    return total.found, total.closed, total.open_now


def test_0013_tallies_the_hazards_already_recorded_and_downgrades(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = migrate.alembic_config(db.engine)
    command.upgrade(cfg, "0012")
    generate(db, enterprises=12, hazards=400, seed=5, today=TODAY)  # written by an 0012 program
    command.upgrade(cfg, "head")
    with db.engine.connect() as c:
        assert set(c.exec_driver_sql(KEPT).tuples()) == set(c.exec_driver_sql(RECOUNT).tuples())
    scanned = _year_total(db, tallies=False)
    assert _year_total(db) == scanned
    assert scanned[0] > 0

    command.downgrade(cfg, "0012")
    assert "hazard_tallies" not in inspect(db.engine).get_table_names()
    with db.engine.connect() as c:
        names = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master").all()}
        assert not {n for n in names if "tall" in n or n == "ix_hazards_open_late"}
        assert c.execute(text("SELECT count(*) FROM hazards")).scalar() == 400
    command.upgrade(cfg, "head")
    assert _year_total(db) == scanned
    db.dispose()
