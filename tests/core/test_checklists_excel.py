"""Office checklists to and from Excel: the round trip keeps every field; bad rows are named by
their Excel row number and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from inspector.core.checklists import ChecklistService, OfficeChecklistInput, OfficeItemInput
from inspector.core.checklists.excel import (
    ChecklistFileError,
    export_checklist,
    import_checklist,
    read_checklist,
)
from inspector.db.models import ChecklistVersion
from tests.core.test_lifecycle_support import World
from tests.factories import write_xlsx


@pytest.fixture
def w(db) -> World:
    return World.build(db)


@pytest.fixture
def svc(w: World) -> ChecklistService:
    return ChecklistService(w.db, w.clock)


ITEMS = [
    OfficeItemInput("基础管理", "建立粉尘清扫制度并有记录", "《工贸企业粉尘防爆安全规定》第十条", False),
    OfficeItemInput("现场管理", "=SUM(A1)除尘器泄爆口朝向安全区域\n第二行", "GB 15577-2018 第6.3条", True),
    OfficeItemInput("", "无类别无依据的项", "", False),
]


def _fields(c):  # type: ignore[no-untyped-def]
    return (
        c.title,
        c.applies_to,
        [(i.category, i.content, i.basis, i.major) for i in c.items],
    )


def _versions(w: World) -> int:
    with w.db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(ChecklistVersion)) or 0)


def test_the_excel_round_trip_keeps_every_field(w: World, svc: ChecklistService, tmp_path: Path) -> None:
    made = svc.create(w.boss, OfficeChecklistInput("粉尘防爆专项检查表", ["涉爆粉尘", "燃气"], list(ITEMS)))
    path = export_checklist(made, tmp_path / "表.xlsx")
    ws = load_workbook(path).active
    assert ws is not None
    assert ws["C5"].data_type == "s" and str(ws["C5"].value).startswith("=SUM")  # text, not a formula
    back = import_checklist(svc, w.boss, path)
    assert back.code != made.code and _fields(back) == _fields(made)
    # Importing onto the same checklist with nothing changed adds no version.
    assert import_checklist(svc, w.boss, path, code=made.code).version == 1


def test_all_categories_round_trip_as_all(w: World, svc: ChecklistService, tmp_path: Path) -> None:
    made = svc.create(w.boss, OfficeChecklistInput("通用表", [], [OfficeItemInput(content="证照齐全")]))
    path = export_checklist(made, tmp_path / "a.xlsx")
    assert read_checklist(path).applies_to == []
    assert _fields(import_checklist(svc, w.boss, path, name="通用表")) == _fields(made)


def test_a_shipped_standard_exports_with_its_unverified_marks(svc: ChecklistService, tmp_path: Path) -> None:
    gm = svc.current("GM-2023")
    sheet = read_checklist(export_checklist(gm, tmp_path / "gm.xlsx"))
    assert len(sheet.items) == len(gm.items) and all(i.major for i in sheet.items)
    marked = [i.basis for i in sheet.items if i.basis.endswith("（条文待核实）")]
    assert len(marked) == 2


def test_bad_rows_are_named_by_row_and_nothing_is_written(
    w: World, svc: ChecklistService, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            ["检查表名称", "自查表"],
            ["适用监管类别", "涉爆粉尘、化工"],
            ["类别", "检查内容", "检查依据", "是否重大隐患判定项"],
            ["现场管理", "好的一项", "", "是"],
            ["现场管理", "", "某依据", "否"],
            [None, None, None, None],
            ["现场管理", "第三项", "", "也许"],
            ["现场管理", "x" * 2001, "", ""],
        ],
    )
    before = _versions(w)
    with pytest.raises(ChecklistFileError) as e:
        import_checklist(svc, w.boss, path)
    got = [(x.row, x.field) for x in e.value.errors]
    assert (5, "检查内容") in got and (7, "是否重大隐患判定项") in got and (8, "检查内容") in got
    assert (2, "适用监管类别") in got
    assert "第7行 是否重大隐患判定项：是否重大隐患判定项“也许”无效" in str(e.value)
    assert _versions(w) == before


def test_a_file_without_the_content_column_is_refused(
    svc: ChecklistService, w: World, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["名称", "内容"], ["a", "b"]])
    with pytest.raises(ChecklistFileError, match="检查内容"):
        import_checklist(svc, w.boss, path)
    (tmp_path / "not.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ChecklistFileError, match="无法读取"):
        import_checklist(svc, w.boss, tmp_path / "not.xlsx")


def test_a_plain_sheet_takes_its_name_from_the_command(
    w: World, svc: ChecklistService, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "plain.xlsx",
        [["序号", "检查内容", "类别"], [1, "消防通道畅通", "现场管理"], [2, "应急预案已备案", "基础管理"]],
    )
    with pytest.raises(ChecklistFileError, match="检查表名称不能为空"):
        import_checklist(svc, w.boss, path)
    made = import_checklist(svc, w.boss, path, name="消防检查表")
    assert [(i.category, i.content, i.major) for i in made.items] == [
        ("现场管理", "消防通道畅通", False),
        ("基础管理", "应急预案已备案", False),
    ]
