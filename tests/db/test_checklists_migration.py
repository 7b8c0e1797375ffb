"""Migration 0008 (checklists) upgrades a database that already holds visits and hazards."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import func, inspect, select, text

from inspector.core.audit import SYSTEM
from inspector.core.context import Services, open_database
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.db.models import Hazard, Inspection
from tests.core.test_lifecycle_support import FOUND, TODAY, hazard_input
from tests.factories import enterprise_input

TABLES = {"checklists", "checklist_versions", "checklist_items", "checklist_results"}


def _database_at_0007_with_a_visit(path: Path) -> None:
    db = Database(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(db.engine), "0007")
    assert migrate.current_revision(db.engine) == "0007"
    assert not TABLES & set(inspect(db.engine).get_table_names())
    services = Services.on(db, clock=lambda: TODAY)
    eid = services.enterprises.create(SYSTEM, enterprise_input(1, categories=["涉爆粉尘"], dust_workers=12))
    ids = [
        services.inspectors.create(SYSTEM, InspectorInput("张检查", "32041120002", "安监科")),
        services.inspectors.create(SYSTEM, InspectorInput("李检查", "32041120003", "安监科")),
    ]
    services.inspections.record(
        SYSTEM,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=FOUND,
            inspector_ids=ids,
            start_time="09:00",
            end_time="10:00",
            hazards=[hazard_input(1), hazard_input(2)],
        ),
    )
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


def test_0008_upgrades_a_database_with_visits_and_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "inspector.sqlite3"
    _database_at_0007_with_a_visit(path)
    db = open_database(f"sqlite:///{path}")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert TABLES <= set(inspect(db.engine).get_table_names())
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 1
        assert list(s.scalars(select(Hazard.number).order_by(Hazard.id))) == [
            "YH2026-000001",
            "YH2026-000002",
        ]
    with db.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM checklist_results")).scalar() == 0
    db.dispose()


def test_0008_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "inspector.sqlite3"
    _database_at_0007_with_a_visit(path)
    db = open_database(f"sqlite:///{path}")
    command.downgrade(migrate.alembic_config(db.engine), "0007")
    assert not TABLES & set(inspect(db.engine).get_table_names())
    command.upgrade(migrate.alembic_config(db.engine), "head")
    assert TABLES <= set(inspect(db.engine).get_table_names())
    db.dispose()
