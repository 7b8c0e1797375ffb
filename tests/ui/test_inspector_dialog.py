"""检查人员管理 and 选择当前检查人员, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.ui.inspector_dialog import (
    ChooseInspectorDialog,
    InspectorEditDialog,
    InspectorRegistryDialog,
    choose_current_inspector,
    remembered_inspector_id,
)
from inspector.ui.settings import Settings


@pytest.fixture
def team(ui_services: Services) -> dict[str, int]:
    """A supervisor, two inspectors and one who has left (停用)."""
    s = ui_services.inspectors
    boss = s.create(SYSTEM, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    boss_actor = s.actor_for(boss)
    ids = {
        "boss": boss,
        "zhang": s.create(boss_actor, InspectorInput("张伟", "32041120002", "安监科")),
        "li": s.create(boss_actor, InspectorInput("李娜", "", "春江镇安监办")),
        "gone": s.create(boss_actor, InspectorInput("陈晨", "32041120009", "薛家镇安监办")),
    }
    s.set_active(boss_actor, ids["gone"], False)
    return ids


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def cell(table, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    item = table.item(row, col)
    return item.text() if item is not None else ""


def row_of(table, name: str) -> int:  # type: ignore[no-untyped-def]
    for r in range(table.rowCount()):
        if cell(table, r, 0) == name:
            return r
    return -1


def double_click_row(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# -- registry -------------------------------------------------------------------------------------------
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


def test_form_shows_validation_inline_and_keeps_input(qtbot, ui_services: Services, team, messages) -> None:
    editor = InspectorEditDialog(ui_services, ui_services.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(editor)
    editor.show()
    error = editor.form.error_labels["name"]
    assert error.isHidden()  # a fresh form is not red
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert not error.isHidden() and error.text() == "姓名不能为空"
    assert len(ui_services.inspectors.list(active_only=False)) == 4

    # A certificate number someone already has: the field says so, the typed text stays.
    editor.form.name_edit.setText("周敏")
    assert error.isHidden()  # fixed as the user types
    qtbot.keyClicks(editor.form.certificate_edit, "32041120002")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    cert_error = editor.form.error_labels["certificate_no"]
    assert not cert_error.isHidden() and "已登记为“张伟”" in cert_error.text()
    assert messages.texts("warning") == ["执法证号 32041120002 已登记为“张伟”"]
    assert editor.form.name_edit.text() == "周敏"
    assert editor.form.certificate_edit.text() == "32041120002"
    assert len(ui_services.inspectors.list(active_only=False)) == 4


def test_form_limits_name_length_with_the_cores_rule(qtbot, ui_services: Services) -> None:
    editor = InspectorEditDialog(ui_services, SYSTEM)
    qtbot.addWidget(editor)
    editor.form.name_edit.setMaxLength(200)  # bypass the edit's own limit to reach the core rule
    editor.form.name_edit.setText("张" * 51)
    label = editor.form.error_labels["name"]
    assert not label.isHidden() and "50" in label.text()


# -- chooser --------------------------------------------------------------------------------------------
def test_chooser_lists_active_inspectors_and_preselects_the_remembered(qtbot, ui_services, team) -> None:
    dialog = ChooseInspectorDialog(ui_services, team["li"])
    qtbot.addWidget(dialog)
    t = dialog.table
    names = {cell(t, r, 0) for r in range(t.rowCount())}
    assert names == {"赵科长", "张伟", "李娜"}  # 陈晨 has left
    assert dialog.selected_id() == team["li"]
    assert cell(t, row_of(t, "赵科长"), 3) == "科室负责人"
    assert cell(t, row_of(t, "张伟"), 3) == "检查员"
    assert not dialog.is_first_run()
    assert dialog.ok_button.isEnabled()


def test_chooser_ok_and_double_click_choose(qtbot, ui_services, team) -> None:
    dialog = ChooseInspectorDialog(ui_services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(row_of(dialog.table, "张伟"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert dialog.chosen_id == team["zhang"]

    again = ChooseInspectorDialog(ui_services, None)
    qtbot.addWidget(again)
    again.show()
    double_click_row(qtbot, again.table, row_of(again.table, "李娜"))
    assert again.result() == QDialog.DialogCode.Accepted.value
    assert again.chosen_id == team["li"]


def _drive_chooser(
    monkeypatch: pytest.MonkeyPatch, name: str | None, seen: list[ChooseInspectorDialog]
) -> None:
    """Replace the blocking exec: pick ``name`` and press 确定 (or 取消 when None)."""

    def exec_(self: ChooseInspectorDialog) -> int:
        seen.append(self)
        if name is None:
            self.reject()
        else:
            self.table.selectRow(row_of(self.table, name))
            self.ok_button.click()
        return self.result()

    monkeypatch.setattr(ChooseInspectorDialog, "exec", exec_)


def test_choose_current_inspector_remembers(
    qtbot, monkeypatch, ui_services, team, settings, tmp_path
) -> None:
    seen: list[ChooseInspectorDialog] = []
    _drive_chooser(monkeypatch, "张伟", seen)
    actor = choose_current_inspector(None, ui_services, settings)
    assert actor == Actor(id=team["zhang"], name="张伟", is_supervisor=False)
    assert len(seen) == 1

    # Next start (same settings file, even a new Settings object): no dialog at all.
    monkeypatch.setattr(ChooseInspectorDialog, "exec", lambda self: pytest.fail("asked again"))
    reopened = Settings(tmp_path / "settings.ini")
    assert remembered_inspector_id(reopened) == team["zhang"]
    assert choose_current_inspector(None, ui_services, reopened) == actor


def test_choose_current_inspector_asks_when_told_or_when_the_remembered_left(
    qtbot, monkeypatch, ui_services, team, settings
) -> None:
    seen: list[ChooseInspectorDialog] = []
    _drive_chooser(monkeypatch, "张伟", seen)
    choose_current_inspector(None, ui_services, settings)

    _drive_chooser(monkeypatch, "赵科长", seen)
    boss = choose_current_inspector(None, ui_services, settings, ask=True)  # 切换检查人员
    assert boss is not None and boss.is_supervisor and boss.id == team["boss"]
    assert seen[-1].remembered_id == team["zhang"]  # the chooser started on the last one
    assert remembered_inspector_id(settings) == team["boss"]

    ui_services.inspectors.set_active(boss, team["zhang"], False)
    ui_services.inspectors.set_active(boss, team["li"], True)
    _drive_chooser(monkeypatch, "李娜", seen)
    choose_current_inspector(None, ui_services, settings)  # remembered boss is fine: no dialog
    assert len(seen) == 2
    settings_id = remembered_inspector_id(settings)
    assert settings_id == team["boss"]
    ui_services.inspectors.create(boss, InspectorInput("孙科长", "", "安监科", "科室负责人"))
    other_boss = ui_services.inspectors.actor_for(
        next(r.id for r in ui_services.inspectors.list() if r.name == "孙科长")
    )
    ui_services.inspectors.set_active(other_boss, team["boss"], False)
    actor = choose_current_inspector(None, ui_services, settings)  # the remembered one left: ask
    assert len(seen) == 3
    assert actor is not None and actor.name == "李娜"


def test_choose_current_inspector_cancel_returns_none(
    qtbot, monkeypatch, ui_services, team, settings
) -> None:
    seen: list[ChooseInspectorDialog] = []
    _drive_chooser(monkeypatch, None, seen)
    assert choose_current_inspector(None, ui_services, settings) is None
    assert remembered_inspector_id(settings) is None


def test_first_run_registers_oneself(qtbot, monkeypatch, ui_services: Services, settings) -> None:
    dialog = ChooseInspectorDialog(ui_services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.is_first_run()
    assert dialog.ok_button.text() == "登记并开始使用" and dialog.ok_button.isEnabled()

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # nothing typed yet
    assert dialog.isVisible()
    assert dialog.first_form.error_labels["name"].text() == "姓名不能为空"
    assert ui_services.inspectors.list(active_only=False) == []

    dialog.first_form.name_edit.setText("周敏")
    qtbot.keyClicks(dialog.first_form.certificate_edit, "32041120088")
    dialog.first_form.unit_combo.setEditText("区应急管理局")
    dialog.first_form.role_combo.setCurrentIndex(dialog.first_form.role_combo.findData("科室负责人"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    [row] = ui_services.inspectors.list()
    assert (row.name, row.certificate_no, row.unit, row.is_supervisor) == (
        "周敏",
        "32041120088",
        "区应急管理局",
        True,
    )
    assert dialog.chosen_id == row.id


def test_first_run_through_choose_current_inspector(
    qtbot, monkeypatch, ui_services: Services, settings
) -> None:
    def exec_(self: ChooseInspectorDialog) -> int:
        assert self.is_first_run()
        self.first_form.name_edit.setText("新来的")
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(ChooseInspectorDialog, "exec", exec_)
    actor = choose_current_inspector(None, ui_services, settings)
    assert actor is not None and actor.name == "新来的" and actor.id is not None
    assert remembered_inspector_id(settings) == actor.id
    assert ui_services.inspectors.get(actor.id).role == "检查员"


def test_manage_button_opens_registry_and_the_list_follows(qtbot, ui_services: Services, team) -> None:
    dialog = ChooseInspectorDialog(ui_services, team["boss"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.manage_button, Qt.MouseButton.LeftButton)
    registry = dialog.registry
    assert isinstance(registry, InspectorRegistryDialog) and registry.isVisible()
    assert registry.actor.id == team["boss"]  # managing as the selected supervisor
    assert registry.add_button.isEnabled()
    editor = registry.open_editor(None)
    editor.form.name_edit.setText("吴刚")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    registry.close()
    qtbot.waitUntil(lambda: dialog.registry is None)
    assert row_of(dialog.table, "吴刚") >= 0
    assert dialog.selected_id() == team["boss"]  # the selection survives the reload
