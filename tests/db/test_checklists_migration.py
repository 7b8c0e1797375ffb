"""Migration 0008 (checklists) upgrades a database that already holds visits and hazards."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import func, inspect, select, text

from inspector.core.audit import SYSTEM
from inspector.core.checklists import ChecklistResultInput
from inspector.core.context import Services, open_database
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.db.models import Hazard, Inspection
from tests.core.test_lifecycle_support import FOUND, TODAY, hazard_input
from tests.factories import enterprise_input

TABLES = {"checklists", "checklist_versions", "checklist_items", "checklist_results"}


def _database_at_0007_with_a_visit(path: Path) -> None:
    """A visit recorded by today's services, then the schema taken back to 0007 (today's services
    read tables that 0007 lacks, so they cannot write into an old schema directly)."""
    db = Database(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(db.engine), "head")
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
    command.downgrade(migrate.alembic_config(db.engine), "0007")
    assert migrate.current_revision(db.engine) == "0007"
    assert not TABLES & set(inspect(db.engine).get_table_names())
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


def test_0008_upgrades_a_database_with_visits_and_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "inspector.sqlite3"
    _database_at_0007_with_a_visit(path)
    db = open_database(f"sqlite:///{path}")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert set(inspect(db.engine).get_table_names()) >= TABLES
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 1
        assert list(s.scalars(select(Hazard.number).order_by(Hazard.id))) == [
            "YH2026-000001",
            "YH2026-000002",
        ]
    with db.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM checklist_results")).scalar() == 0
    # The upgraded database takes a visit with checklist results; numbering carries on.
    services = Services.on(db, clock=lambda: TODAY)
    [enterprise] = services.enterprises.page(EnterpriseFilter(), 0, 10)
    gm = next(c for c in services.checklists.offered(enterprise.id) if c.code == "GM-2023")
    item = next(i for i in gm.items if i.number == "第十一条（三）")
    assert item.id is not None
    draft = services.checklists.draft_hazard(item.id).hazard
    draft.location, draft.category = "除尘器", "现场管理"
    old = services.inspections.get(1)
    visit = services.inspections.record(
        SYSTEM,
        InspectionInput(
            enterprise_id=enterprise.id,
            inspected_on=FOUND,
            inspector_ids=[i.id for i in old.inspectors],
            start_time="14:00",
            end_time="15:00",
            hazards=[draft],
            checklist_results=[ChecklistResultInput(item.id, "不合格", hazard=1)],
        ),
    )
    assert [h.number for h in visit.hazards] == ["YH2026-000003"]
    assert services.checklists.results(visit.id)[0].results[0].proposed_major
    assert len(services.inspections.get(1).hazards) == 2  # the old visit as it was
    db.dispose()


def test_0008_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "inspector.sqlite3"
    _database_at_0007_with_a_visit(path)
    db = open_database(f"sqlite:///{path}")
    command.downgrade(migrate.alembic_config(db.engine), "0007")
    assert not TABLES & set(inspect(db.engine).get_table_names())
    command.upgrade(migrate.alembic_config(db.engine), "head")
    assert set(inspect(db.engine).get_table_names()) >= TABLES
    db.dispose()
