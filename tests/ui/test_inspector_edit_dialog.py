"""新增 / 编辑检查人员: the form's validation and the core's refusals shown at their fields."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.ui.inspector_edit_dialog import InspectorEditDialog


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


def test_a_refusal_from_the_core_lands_under_its_field(
    qtbot, monkeypatch, ui_services: Services, messages
) -> None:
    """Past the form's own check, the core's ValidationError comes back through the op to the
    field it names — no warning box, nothing saved, the dialog still open."""
    editor = InspectorEditDialog(ui_services, SYSTEM)
    qtbot.addWidget(editor)
    editor.show()
    monkeypatch.setattr(editor.form, "show_all", lambda: {})  # let the empty form reach the core
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    error = editor.form.error_labels["name"]
    assert not error.isHidden() and error.text() == "姓名不能为空"
    assert messages.shown == []
    assert editor.isVisible() and ui_services.inspectors.list(active_only=False) == []
