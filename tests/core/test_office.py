"""机关设置: stored per database, validated, audited, changed by a 科室负责人 once set up."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from inspector.core.audit import SYSTEM, Actor
from inspector.core.enums import RateFormula
from inspector.core.errors import PermissionDenied, ValidationError
from inspector.core.inspectors import InspectorInput, InspectorService
from inspector.core.office import (
    OFFICE_REFUSAL,
    OfficeService,
    OfficeSettings,
    demo_office,
    rate_formula_text,
)
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.db.models import AuditEvent, Sequence
from tests.conftest import clear_office


def test_the_test_office_is_configured_and_a_cleared_one_is_not(db) -> None:
    office = OfficeService(db)
    assert office.get() == dataclasses.replace(demo_office(), repeat_days=0)  # see configure_office
    assert office.is_configured()
    clear_office(db)
    assert office.get() == OfficeSettings()
    assert not office.is_configured()


def test_a_district_sets_itself_up_and_the_change_is_audited(db) -> None:
    clear_office(db)
    office = OfficeService(db)
    saved = office.save(
        SYSTEM,
        OfficeSettings(
            authority="  常州市武进区应急管理局 ",
            prefix=" 武 进 ",
            region="武进区",
            reconsideration_government="常州市武进区人民政府",
            court="常州市武进区人民法院",
            rate_formula=RateFormula.OPEN.value,
            review_days=7,
        ),
    )
    assert saved.authority == "常州市武进区应急管理局" and saved.prefix == "武进"
    got = office.get()
    assert got == saved and got.configured and got.rate == RateFormula.OPEN and got.review_days == 7
    assert got.reporting_unit == "常州市武进区应急管理局"  # 填报单位 defaults to the authority
    assert got.reconsideration_bodies() == "常州市武进区人民政府"
    with db.reading() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.entity_type == "office"))
    assert event is not None and "填写机关设置" in event.summary and "执法机关名称" in event.summary
    assert event.after["prefix"] == "武进"


def test_every_wrong_field_is_named(db) -> None:
    office = OfficeService(db)
    bad = dataclasses.replace(
        demo_office(),
        authority="",
        prefix="（新北）",
        word_order="应急责改〔",
        review_days=0,
        rate_formula="x",
    )
    with pytest.raises(ValidationError) as err:
        office.save(SYSTEM, bad)
    fields = {e.field for e in err.value.errors}
    assert fields == {"authority", "prefix", "word_order", "review_days", "rate_formula"}
    assert "括号" in (err.value.for_field("prefix") or "")
    assert (err.value.for_field("word_order") or "").startswith("责令限期整改指令书代字")
    assert office.get() == dataclasses.replace(demo_office(), repeat_days=0)  # nothing written


def test_only_a_supervisor_changes_a_configured_office(db) -> None:
    registry = InspectorService(db)
    boss = registry.create(SYSTEM, InspectorInput("王科长", "32041100001", role="科室负责人"))
    staff = registry.create(Actor(boss, "王科长", True), InspectorInput("李检查", "32041100002"))
    office = OfficeService(db)
    with pytest.raises(PermissionDenied, match=OFFICE_REFUSAL):
        office.update(Actor(staff, "李检查", is_supervisor=True), phone="0519-1")  # the flag is not trusted
    assert not office.can_edit(Actor(staff, "李检查", is_supervisor=True))  # the dialog asks the same rule
    assert office.can_edit(Actor(boss, "王科长")) and office.can_edit(SYSTEM)
    office.update(Actor(boss, "王科长"), phone="0519-88888888")
    assert office.get().phone == "0519-88888888"
    clear_office(db)  # first set-up: anyone may fill it in
    assert office.can_edit(Actor(staff, "李检查"))
    office.save(Actor(staff, "李检查"), demo_office())
    assert office.is_configured()


def test_rate_formulas_are_named_in_words() -> None:
    assert "本期发现的隐患" in rate_formula_text(RateFormula.FOUND)
    assert "含往期结转" in rate_formula_text(RateFormula.OPEN)


def test_upgrade_keeps_what_old_documents_printed(tmp_path: Path) -> None:
    """A database from before 机关设置 that issued documents under the built-in 新北 values keeps
    printing them; its old prefix setting moves over; the chain counter starts above old numbers."""
    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(db.engine), "0004")
    db.dispose()
    with sqlite3.connect(path) as c:
        c.execute("INSERT INTO settings (key, value) VALUES ('document_prefix', '常新')")
        c.execute(
            "INSERT INTO enterprises (name, credit_code, address, jurisdiction, industry, legal_representative,"
            " principal, safety_director, phone, status, hazardous_processes, plant_in_plant, notes, version)"
            " VALUES ('甲公司', '91320411MA1ABCDE1X', '', '春江镇', '', '', '', '', '', '在产', '', 0, '', 1)"
        )
        c.execute(
            "INSERT INTO inspections (enterprise_id, inspected_on, kind, representative, place, notes)"
            " VALUES (1, '2026-05-06', '执法检查', '', '', '')"
        )
        for kind, seq in (("现场检查记录", 3), ("责令限期整改指令书", 7)):
            c.execute(
                "INSERT INTO documents (kind, year, seq, number, issued_on, enterprise_id, inspection_id)"
                " VALUES (?, 2026, ?, ?, '2026-05-06', 1, 1)",
                (kind, seq, f"（常新）旧〔2026〕{seq}号"),
            )
    c.close()
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db, backup_dir=tmp_path / "backups")
    office = OfficeService(db).get()
    assert office.configured
    assert (office.prefix, office.authority, office.court) == (
        "常新",
        "常州市新北区应急管理局",
        "常州市新北区人民法院",
    )
    with db.reading() as s:
        assert s.scalar(select(Sequence.value).where(Sequence.name == "chain", Sequence.year == 2026)) == 7
    with sqlite3.connect(path) as c:
        assert c.execute("SELECT doc_year, doc_serial FROM inspections").fetchone() == (2026, 3)
        assert c.execute("SELECT COUNT(*) FROM settings WHERE key = 'document_prefix'").fetchone() == (0,)
    c.close()
    db.dispose()


def test_upgrade_of_a_database_that_never_printed_asks_for_the_office(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    db = Database(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(db.engine), "0004")
    migrate.upgrade(db, backup_dir=tmp_path / "backups")
    assert not OfficeService(db).is_configured()
    db.dispose()
