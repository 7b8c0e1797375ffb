"""检查表管理 through the real widgets: the catalogue, creating and editing an office list (a new
version, the old one kept), the Excel round trip, field errors on their row, and the permission."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector.core.checklists import ChecklistSource
from inspector.core.context import Services
from inspector.ui.checklist_dialog import ChecklistDialog
from inspector.ui.checklist_editor import COLUMN_OF, ChecklistEditor
from inspector.ui.ops import wait_idle
from tests.ui.conftest import Messages
from tests.ui.test_english import english  # noqa: F401  (the fixture)


def _dialog(qtbot, services: Services, who: int) -> ChecklistDialog:  # type: ignore[no-untyped-def]
    dialog = ChecklistDialog(services, services.inspectors.actor_for(who))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _row_of(dialog: ChecklistDialog, title: str) -> int:
    return next(n for n, c in enumerate(dialog.lists) if c.title == title)


def _set_cell(editor: ChecklistEditor, row: int, field: str, text: str) -> None:
    """What typing into the cell commits (Chinese text cannot go through QTest.keyClicks)."""
    cell = editor.table.item(row, COLUMN_OF[field])
    assert cell is not None
    cell.setText(text)


def _tick_major(editor: ChecklistEditor, row: int) -> None:
    cell = editor.table.item(row, COLUMN_OF["major"])
    assert cell is not None
    cell.setCheckState(Qt.CheckState.Checked)


def _new_list(qtbot, dialog: ChecklistDialog) -> ChecklistEditor:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert isinstance(editor, ChecklistEditor) and editor.isVisible()
    editor.name_edit.setText("粉尘防爆专项检查表")
    editor.category_boxes["涉爆粉尘"].setChecked(True)
    _set_cell(editor, 0, "category", "除尘系统")
    _set_cell(editor, 0, "content", "除尘器未设置泄爆装置")
    _set_cell(editor, 0, "basis", "GB 15577-2018 第6.3条")
    _tick_major(editor, 0)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    _set_cell(editor, 1, "category", "清扫制度")
    _set_cell(editor, 1, "content", "未建立粉尘清扫制度")
    return editor


def test_the_catalogue_marks_standards_and_unverified_text(qtbot, ui_services: Services, team) -> None:
    dialog = _dialog(qtbot, ui_services, team["zhang"])
    texts = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert any("应急管理部令第10号" in t and "部分条目待核实" in t for t in texts)
    assert any(t.startswith("城镇燃气经营安全重大隐患判定标准（待核实）") for t in texts)
    dialog.list.setCurrentRow(_row_of(dialog, "工贸企业重大事故隐患判定标准"))
    assert "应急管理部令第10号" in dialog.facts_label.text()
    assert dialog.status_note.isVisible() and "待核实" in dialog.status_note.text()
    statuses = {dialog.items_table.item(r, 5).text() for r in range(dialog.items_table.rowCount())}
    assert "待核实" in statuses
    unverified = next(
        r for r in range(dialog.items_table.rowCount()) if dialog.items_table.item(r, 5).text() == "待核实"
    )
    assert dialog.items_table.item(unverified, 3).text().endswith("（条文待核实）")
    assert not dialog.edit_button.isEnabled()  # shipped standards are read-only
    assert dialog.export_button.isEnabled()
    dialog.list.setCurrentRow(_row_of(dialog, "城镇燃气经营安全重大隐患判定标准"))
    assert dialog.items_table.rowCount() == 0 and dialog.empty_label.isVisible()
    assert not dialog.export_button.isEnabled()


def test_create_then_edit_makes_version_two_and_keeps_version_one(
    qtbot, ui_services: Services, team, messages: Messages
) -> None:
    dialog = _dialog(qtbot, ui_services, team["boss"])
    editor = _new_list(qtbot, dialog)
    assert "第1版" in editor.version_note.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible() and messages.shown == []

    shown = dialog.current()
    assert shown is not None and shown.source is ChecklistSource.OFFICE and shown.version == 1
    assert dialog.items_table.rowCount() == 2
    t = dialog.items_table
    assert [t.item(0, c).text() for c in range(6)] == [
        "第1项",
        "除尘系统",
        "除尘器未设置泄爆装置",
        "GB 15577-2018 第6.3条",
        "是",
        "本机关检查表",
    ]
    assert t.item(1, 4).text() == ""
    assert "本机关 · 第1版 · 2项" in dialog.list.currentItem().text()

    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert isinstance(editor, ChecklistEditor)
    assert "保存后生成第2版" in editor.version_note.text() and "第1版仍保留" in editor.version_note.text()
    assert editor.name_edit.text() == "粉尘防爆专项检查表" and editor.table.rowCount() == 2
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    _set_cell(editor, 2, "content", "未按规定设置火花探测报警装置")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()

    current = dialog.current()
    assert current is not None and current.version == 2 and len(current.items) == 3
    versions = [dialog.version_combo.itemText(i) for i in range(dialog.version_combo.count())]
    assert len(versions) == 2 and "第2版" in versions[0] and "当前" in versions[0]
    assert "第1版" in versions[1]
    assert dialog.choose_version(1)
    assert dialog.shown is not None and dialog.shown.version == 1
    assert dialog.items_table.rowCount() == 2
    assert "以前的第1版" in dialog.status_note.text()
    assert [v.version for v in ui_services.checklists.versions(current.code)] == [1, 2]


def test_an_item_error_is_shown_on_its_row(qtbot, ui_services: Services, team, messages: Messages) -> None:
    dialog = _dialog(qtbot, ui_services, team["boss"])
    editor = _new_list(qtbot, dialog)
    editor.name_edit.clear()
    _set_cell(editor, 1, "content", "")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    error = editor.errors["name"]
    assert error.isVisible() and "检查表名称不能为空" in error.text()
    cell = editor.table.item(1, COLUMN_OF["content"])
    assert cell is not None and "第2项" in cell.toolTip()
    assert (
        cell.background().color().name()
        != editor.table.item(0, COLUMN_OF["content"]).background().color().name()
    )
    assert editor.table.currentRow() == 1
    assert "第2项 检查内容不能为空" in editor.message.text()
    assert ui_services.checklists.catalogue()[-1].source is ChecklistSource.STANDARD  # nothing stored
    _set_cell(editor, 1, "content", "未建立粉尘清扫制度")  # typing clears the mark
    assert cell.background().style() == Qt.BrushStyle.NoBrush


def test_export_and_reimport_round_trip(
    qtbot, ui_services: Services, team, messages: Messages, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, ui_services, team["boss"])
    qtbot.mouseClick(_new_list(qtbot, dialog).save_button, Qt.MouseButton.LeftButton)
    original = dialog.current()
    assert original is not None
    target = tmp_path / "导出"
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_idle()
    written = tmp_path / "导出.xlsx"
    assert written.exists() and str(written) in dialog.status_label.text()
    assert asked[0].endswith("粉尘防爆专项检查表（第1版）.xlsx")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(written), "")))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert messages.shown == []
    imported = dialog.current()
    assert imported is not None and imported.code != original.code and imported.version == 1
    assert "已从 导出.xlsx 导入" in dialog.status_label.text()
    fields = lambda c: (  # noqa: E731
        c.title,
        c.applies_to,
        [(i.category, i.content, i.basis, i.major) for i in c.items],
    )
    assert fields(imported) == fields(original)


def test_a_bad_file_names_its_rows_and_imports_nothing(
    qtbot, ui_services: Services, team, messages: Messages, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["检查表名称", "坏表"])
    ws.append(["序号", "类别", "检查内容", "检查依据", "是否重大隐患判定项"])
    ws.append([1, "电气", "", "", "也许"])
    path = tmp_path / "坏表.xlsx"
    wb.save(path)
    dialog = _dialog(qtbot, ui_services, team["boss"])
    before = len(dialog.lists)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "")))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    (text,) = messages.texts("warning")
    assert "未导入" in text and "第3行" in text
    assert len(ui_services.checklists.catalogue()) == before


def test_an_inspector_cannot_save(qtbot, ui_services: Services, team, messages: Messages) -> None:
    dialog = _dialog(qtbot, ui_services, team["zhang"])
    assert not dialog.new_button.isEnabled() and not dialog.import_button.isEnabled()
    assert "须由科室负责人" in dialog.note_label.text()
    # Even with the editor open (a role changed meanwhile), the core refuses and nothing is stored.
    editor = dialog.open_editor(None)
    editor.name_edit.setText("自拟检查表")
    _set_cell(editor, 0, "content", "消防通道堵塞")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert any("科室负责人" in t for t in messages.texts("warning"))
    assert "科室负责人" in editor.message.text()
    assert all(c.source is ChecklistSource.STANDARD for c in ui_services.checklists.catalogue())


def test_the_menu_opens_the_dialog(qtbot, ui_services: Services, team) -> None:
    from inspector.ui.main_window import MainWindow

    window = MainWindow(ui_services, ui_services.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(window)
    action = next(
        a for menu in window.menuBar().actions() for a in menu.menu().actions() if a.text() == "检查表管理…"
    )
    action.trigger()
    dialog = window.findChild(ChecklistDialog)
    assert dialog is not None and dialog.isVisible() and dialog.list.count() >= 3
    dialog.close()


@pytest.mark.usefixtures("english")
def test_the_dialog_and_editor_speak_english(qtbot, ui_services: Services, team) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_english import CJK, chinese_left

    dialog = _dialog(qtbot, ui_services, team["zhang"])
    chrome = [
        b.text() for b in (dialog.new_button, dialog.import_button, dialog.edit_button, dialog.export_button)
    ]
    chrome += [dialog.note_label.text(), dialog.status_note.text(), dialog.edit_button.toolTip()]
    t = dialog.items_table
    chrome += [str(t.model().headerData(c, Qt.Orientation.Horizontal)) for c in range(t.columnCount())]
    assert [x for x in chrome if CJK.search(x.replace(team_name(ui_services, team), ""))] == []
    editor = dialog.open_editor(None)
    assert chinese_left(editor) == []


def team_name(services: Services, team: dict[str, int]) -> str:
    return services.inspectors.actor_for(team["zhang"]).name


def test_cancel_asks_before_losing_typed_items(
    qtbot, ui_services: Services, team, messages: Messages
) -> None:
    dialog = _dialog(qtbot, ui_services, team["boss"])
    editor = _new_list(qtbot, dialog)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible() and "尚未保存" in messages.texts("question")[0]  # 取消 keeps the form
    messages.answer = QMessageBox.StandardButton.Discard
    editor.reject()
    assert not editor.isVisible()
    untouched = dialog.open_editor(None)
    untouched.reject()  # nothing typed: closes without asking
    assert not untouched.isVisible() and len(messages.texts("question")) == 2
