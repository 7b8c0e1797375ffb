"""Roster apply: one transaction, nothing written on errors unless partial, updates never duplicate."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, select

from inspector.core import roster
from inspector.core.enterprises import LABELS, EnterpriseFilter
from inspector.core.errors import DomainError
from inspector.db.models import AuditEvent, Enterprise
from tests.factories import (
    credit_code,
    roster_file,
    roster_line,
    roster_row,
    roster_with_bad_rows,
)

L = LABELS


def count(services) -> int:
    return services.enterprises.count(EnterpriseFilter())


def audit_events(services) -> list[AuditEvent]:
    with services.db.reading() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_nothing_is_written_when_any_row_is_bad(services, actor, tmp_path: Path) -> None:
    result = roster.apply(services, actor, roster.preview(services, roster_with_bad_rows(tmp_path)))
    assert not result.ok
    assert not result.written
    assert result.summary().startswith("未导入：有7行存在错误，未写入任何数据。")
    assert "第5行 企业名称：企业名称不能为空" in result.summary()
    assert count(services) == 0
    assert audit_events(services) == []


def test_partial_import_writes_only_good_rows(services, actor, tmp_path: Path) -> None:
    result = roster.apply(
        services, actor, roster.preview(services, roster_with_bad_rows(tmp_path)), partial=True
    )
    assert result.ok
    assert (result.created, result.updated, result.skipped) == (2, 0, 7)
    assert result.summary().splitlines()[0] == "导入完成：新增2家，更新0家，跳过错误行7行。"
    assert count(services) == 2
    with services.db.reading() as s:
        assert set(s.scalars(select(Enterprise.credit_code))) == {credit_code(1), credit_code(10)}
    events = audit_events(services)
    assert [(e.entity_type, e.action) for e in events] == [("enterprise", "create")] * 2 + [
        ("roster_import", "import")
    ]
    assert events[-1].summary == "导入企业名录：新增2家，更新0家"
    assert all(e.actor_name == "张检查" for e in events)


def test_import_file_is_preview_plus_apply(services, actor, tmp_path: Path) -> None:
    assert not roster.import_file(services, actor, roster_with_bad_rows(tmp_path)).ok
    assert roster.import_file(services, actor, roster_with_bad_rows(tmp_path), partial=True).created == 2


def test_reimport_updates_instead_of_duplicating(services, actor, tmp_path: Path) -> None:
    roster.import_file(services, actor, roster_file(tmp_path, roster_row(1), roster_row(2), name="a.xlsx"))
    assert count(services) == 2

    changed = roster_file(
        tmp_path,
        roster_row(1, phone="13912345678", risk_grade="黄色"),
        roster_row(2),
        roster_row(3),
        name="b.xlsx",
    )
    p = roster.preview(services, changed)
    assert [r.status.value for r in p.rows] == ["更新", "无变化", "新增"]
    assert p.rows[0].changes == ["联系电话", "风险等级"]
    assert p.rows[0].detail == "变更：联系电话、风险等级"
    assert p.summary_line() == "共3行：新增1，更新1，错误0，无变化1"

    result = roster.apply(services, actor, p)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    assert count(services) == 3
    with services.db.reading() as s:
        e = s.scalars(select(Enterprise).where(Enterprise.credit_code == credit_code(1))).one()
        assert (e.phone, e.risk_grade, e.version) == ("13912345678", "黄", 2)
        update = s.scalars(select(AuditEvent).where(AuditEvent.action == "update")).one()
        assert update.entity_id == e.id
        assert update.before == {"phone": "0519-85123456", "risk_grade": None}
        assert update.after == {"phone": "13912345678", "risk_grade": "黄"}
        summaries = list(
            s.scalars(select(AuditEvent.summary).where(AuditEvent.entity_type == "roster_import"))
        )
        assert summaries == ["导入企业名录：新增2家，更新0家", "导入企业名录：新增1家，更新1家"]


def test_blank_cells_keep_stored_values_and_none_word_clears(services, actor, tmp_path: Path) -> None:
    roster.import_file(
        services,
        actor,
        roster_file(tmp_path, roster_row(1, major_hazard_grade="二级", principal="张三"), name="a.xlsx"),
    )
    p = roster.preview(
        services,
        roster_file(
            tmp_path, roster_row(1, principal=None, phone=None, major_hazard_grade="无"), name="b.xlsx"
        ),
    )
    assert p.rows[0].changes == ["重大危险源等级"]
    roster.apply(services, actor, p)
    with services.db.reading() as s:
        e = s.scalars(select(Enterprise)).one()
        assert (e.principal, e.phone, e.major_hazard_grade) == ("张三", "0519-85123456", None)


def test_lookups_are_bulk_not_per_row(services, actor, tmp_path: Path) -> None:
    rows = [roster_row(n) for n in range(1, 1201)]
    roster.import_file(services, actor, roster_file(tmp_path, *rows, name="a.xlsx"))
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", seen)
    try:
        p = roster.preview(
            services,
            roster_file(
                tmp_path, *[roster_row(n, phone="13900000000") for n in range(1, 1201)], name="b.xlsx"
            ),
        )
        result = roster.apply(services, actor, p)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", seen)
    assert result.updated == 1200
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # 3 chunks × (enterprises + categories), twice; plus who acts (and, on PostgreSQL, whose login)
    assert len(selects) <= 13


def test_cancel_during_apply_writes_nothing(services, actor, tmp_path: Path) -> None:
    p = roster.preview(services, roster_file(tmp_path, *[roster_row(n) for n in range(1, 501)]))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 400

    result = roster.apply(services, actor, p, progress=progress)
    assert result.cancelled and not result.ok
    assert result.summary() == "已取消导入，未写入任何数据。"
    assert calls == [(200, 500), (400, 500)]
    assert count(services) == 0
    assert audit_events(services) == []


def test_template_example_row_is_ignored(services, actor, tmp_path: Path) -> None:
    path = roster.write_template(tmp_path / "t.xlsx")
    with pytest.raises(DomainError, match="只有模板的示例行"):
        roster.preview(services, path)
    wb = load_workbook(path)
    wb.worksheets[0].append(roster_line(roster.template_headers(), **roster_row(1)))
    wb.save(path)
    p = roster.preview(services, path)
    assert [r.row for r in p.rows] == [3]
    assert p.notices == ["第2行是模板中的示例企业，已忽略"]
    assert (
        roster.apply(services, actor, p).summary()
        == "导入完成：新增1家，更新0家。\n第2行是模板中的示例企业，已忽略"
    )
