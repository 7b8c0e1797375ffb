"""``preview_version``: what importing a file as the next version would change, before writing."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from inspector.core.audit import Actor
from inspector.core.checklists import OfficeChecklistInput, OfficeItemInput
from inspector.core.checklists.excel import export_checklist, import_checklist, preview_version
from inspector.core.context import Services

BOSS = Actor(id=None, name="管理员")


def test_the_preview_counts_added_removed_and_changed_items(services: Services, tmp_path: Path) -> None:
    c = services.checklists.create(
        BOSS,
        OfficeChecklistInput(
            "用电安全检查表", [], [OfficeItemInput("电气", f"检查内容{n}") for n in range(1, 5)]
        ),
    )
    path = export_checklist(c, tmp_path / "a.xlsx")
    same = preview_version(services.checklists, c.code, path)
    assert same.unchanged and (same.added, same.removed, same.changed) == (0, 0, 0)

    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.cell(row=1, column=2).value = "用电安全检查表（2027）"
    ws.cell(row=5, column=3).value = "检查内容2（修订）"
    ws.delete_rows(7)  # 检查内容4
    ws.append([5, "电气", "检查内容5", "", "否"])
    ws.append([6, "电气", "检查内容6", "", "是"])
    wb.save(path)
    p = preview_version(services.checklists, c.code, path)
    assert not p.unchanged and not p.errors
    assert (p.items_before, p.items_after, p.version) == (4, 5, 1)
    assert (p.added, p.removed, p.changed) == (1, 0, 2)  # 4→5 read as a change, 6 added, 2 reworded
    assert p.renamed and p.title == "用电安全检查表（2027）" and not p.categories_changed
    assert services.checklists.current(c.code).version == 1  # nothing written by the preview

    imported = import_checklist(services.checklists, BOSS, path, name=p.title, code=c.code)
    assert imported.version == 2 and imported.title == "用电安全检查表（2027）"


def test_a_file_without_a_name_keeps_the_lists_title(services: Services, tmp_path: Path) -> None:
    c = services.checklists.create(
        BOSS, OfficeChecklistInput("消防检查表", [], [OfficeItemInput("", "灭火器")])
    )
    path = export_checklist(c, tmp_path / "b.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.cell(row=1, column=2).value = None
    ws.cell(row=4, column=3).value = "灭火器过期"
    wb.save(path)
    p = preview_version(services.checklists, c.code, path)
    assert p.title == "消防检查表" and not p.renamed and p.changed == 1
