"""检查人员管理: the registry through the real widgets (add, edit, 停用 / 恢复在岗, read-only)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.core.context import Services
from inspector.ui.inspector_edit_dialog import InspectorEditDialog
from inspector.ui.inspector_registry import InspectorRegistryDialog
from tests.ui.conftest import cell, double_click_row, row_of


def test_registry_lists_everyone_with_role_and_status(qtbot, ui_services: Services, team) -> None:
    dialog = InspectorRegistryDialog(ui_services, ui_services.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(dialog)
    t = dialog.table
    assert t.rowCount() == 4
    boss = row_of(t, "赵科长")
    assert (cell(t, boss, 1), cell(t, boss, 2), cell(t, boss, 3), cell(t, boss, 4)) == (
        "32041120001",
        "安监科",
        "科室负责人",
        "在岗",
    )
    assert cell(t, row_of(t, "李娜"), 1) == "（未填写）"
    assert cell(t, row_of(t, "陈晨"), 4) == "已停用"
    assert row_of(t, "陈晨") == 3  # the inactive come last
    assert dialog.count_label.text() == "在岗 3 人，共 4 人"


def test_registry_add_through_the_form(qtbot, ui_services: Services, team) -> None:
    dialog = InspectorRegistryDialog(ui_services, ui_services.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(dialog)
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    editor = dialog.edit_dialog
    assert isinstance(editor, InspectorEditDialog) and editor.isVisible()
    assert editor.windowTitle() == "新增检查人员"
    editor.form.name_edit.setText("周敏")  # Chinese text: setText, never keyClicks (Qt assert)
    qtbot.keyClicks(editor.form.certificate_edit, "32041120077")
    editor.form.unit_combo.setEditText("区应急管理局执法大队")
    editor.form.role_combo.setCurrentIndex(editor.form.role_combo.findData("科室负责人"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert not editor.isVisible()
    saved = {r.name: r for r in ui_services.inspectors.list(active_only=False)}
    assert saved["周敏"].certificate_no == "32041120077"
    assert saved["周敏"].unit == "区应急管理局执法大队"
    assert saved["周敏"].is_supervisor and saved["周敏"].active
    assert changed == [True]
    row = row_of(dialog.table, "周敏")
    assert row >= 0 and dialog.selected_id() == saved["周敏"].id


def test_registry_edit_selected(qtbot, ui_services: Services, team) -> None:
    dialog = InspectorRegistryDialog(ui_services, ui_services.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(dialog)
    assert not dialog.edit_button.isEnabled()  # nothing selected yet
    double_click_row(qtbot, dialog.table, row_of(dialog.table, "李娜"))  # double-click edits
    editor = dialog.edit_dialog
    assert editor is not None and editor.windowTitle() == "编辑检查人员 — 李娜"
    assert editor.form.unit_combo.currentText() == "春江镇安监办"
    qtbot.keyClicks(editor.form.certificate_edit, "32041120033")
    editor.form.unit_combo.setEditText("春江镇应急管理办公室")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    data = ui_services.inspectors.get(team["li"])
    assert (data.certificate_no, data.unit, data.active) == ("32041120033", "春江镇应急管理办公室", True)
    assert cell(dialog.table, row_of(dialog.table, "李娜"), 2) == "春江镇应急管理办公室"


def test_registry_deactivate_and_reactivate(qtbot, ui_services: Services, team, messages) -> None:
    dialog = InspectorRegistryDialog(ui_services, ui_services.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(dialog)
    dialog.table.selectRow(row_of(dialog.table, "张伟"))
    assert dialog.toggle_button.text() == "停用"

    messages.answer = QMessageBox.StandardButton.Cancel  # asked first; cancelling changes nothing
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert ui_services.inspectors.get(team["zhang"]).active
    assert "停用“张伟”" in messages.texts("question")[0]

    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert not ui_services.inspectors.get(team["zhang"]).active
    assert team["zhang"] not in [r.id for r in ui_services.inspectors.list(active_only=True)]
    assert cell(dialog.table, row_of(dialog.table, "张伟"), 4) == "已停用"
    assert dialog.selected_id() == team["zhang"]
    assert dialog.toggle_button.text() == "恢复在岗"

    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)  # reactivating asks nothing
    assert ui_services.inspectors.get(team["zhang"]).active
    assert cell(dialog.table, row_of(dialog.table, "张伟"), 4) == "在岗"
    assert len(messages.texts("question")) == 2


def test_registry_shows_the_cores_refusal(qtbot, ui_services: Services, team, messages) -> None:
    """The last active supervisor cannot be deactivated: the core's message is shown as is."""
    dialog = InspectorRegistryDialog(ui_services, ui_services.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(dialog)
    dialog.table.selectRow(row_of(dialog.table, "赵科长"))
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert messages.texts("warning") == ["至少须保留一名在岗的科室负责人"]
    assert ui_services.inspectors.get(team["boss"]).active
    assert cell(dialog.table, row_of(dialog.table, "赵科长"), 4) == "在岗"


def test_registry_is_read_only_for_a_plain_inspector(qtbot, ui_services: Services, team) -> None:
    dialog = InspectorRegistryDialog(ui_services, ui_services.inspectors.actor_for(team["zhang"]))
    qtbot.addWidget(dialog)
    dialog.table.selectRow(row_of(dialog.table, "李娜"))
    assert not dialog.add_button.isEnabled()
    assert not dialog.edit_button.isEnabled()
    assert not dialog.toggle_button.isEnabled()
    assert "须由科室负责人维护" in dialog.note_label.text()
