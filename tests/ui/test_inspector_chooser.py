"""选择当前检查人员 and the start-up choice, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.ui.inspector_chooser import (
    ChooseInspectorDialog,
    choose_current_inspector,
    remembered_inspector_id,
)
from inspector.ui.inspector_registry import InspectorRegistryDialog
from inspector.ui.settings import Settings
from tests.ui.conftest import cell, double_click_row, row_of


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


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


def test_choosing_someone_deactivated_meanwhile_says_so_and_rereads(
    qtbot, ui_services: Services, team, messages
) -> None:
    dialog = ChooseInspectorDialog(ui_services, team["li"])
    qtbot.addWidget(dialog)
    dialog.show()
    boss = ui_services.inspectors.actor_for(team["boss"])
    ui_services.inspectors.set_active(boss, team["li"], False)  # at another desk, after the list was read
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.chosen_id == 0
    assert messages.texts("warning") == ["检查人员“李娜”已停用，不能办理业务"]
    assert row_of(dialog.table, "李娜") == -1  # the list was read again
