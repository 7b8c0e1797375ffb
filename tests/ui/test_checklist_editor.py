"""The checklist editor's long cells: 检查内容 typed on two lines in the multi-line editor
survives saving and reopening, and the row wraps it instead of cutting it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from inspector.core.context import Services
from inspector.ui.checklist_dialog import ChecklistDialog
from inspector.ui.checklist_editor import COLUMN_OF, ChecklistEditor


def _open_cell_editor(qtbot: QtBot, editor: ChecklistEditor, row: int, field: str) -> QPlainTextEdit:
    cell = editor.table.item(row, COLUMN_OF[field])
    assert cell is not None
    editor.table.setCurrentItem(cell)
    editor.table.editItem(cell)
    found = editor.table.viewport().findChild(QPlainTextEdit, "multi_line_editor")
    assert isinstance(found, QPlainTextEdit) and found.isVisible()
    return found


def test_a_two_line_content_survives_save_and_reload(
    qtbot: QtBot, ui_services: Services, team: dict[str, int], messages: Any
) -> None:
    s = ui_services
    dialog = ChecklistDialog(s, s.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert isinstance(editor, ChecklistEditor)
    editor.name_edit.setText("Dust checks")
    single_height = editor.table.rowHeight(0)

    text_edit = _open_cell_editor(qtbot, editor, 0, "content")
    assert text_edit.height() > single_height * 2  # opened taller than the one-line row
    qtbot.keyClicks(text_edit, "Dust collector has no explosion vent;")
    qtbot.keyClick(text_edit, Qt.Key.Key_Return)  # a new line, not the end of editing
    assert text_edit.isVisible()
    qtbot.keyClicks(text_edit, "no spark detection in the duct.")
    qtbot.keyClick(text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done
    qtbot.waitUntil(lambda: not text_edit.isVisible())
    typed = "Dust collector has no explosion vent;\nno spark detection in the duct."
    cell = editor.table.item(0, COLUMN_OF["content"])
    assert cell is not None and cell.text() == typed
    lines = editor.table.fontMetrics().lineSpacing() * 2
    qtbot.waitUntil(lambda: editor.table.rowHeight(0) >= max(lines, editor.table.sizeHintForRow(0)))

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert messages.shown == [] and not editor.isVisible()
    saved = dialog.current()
    assert saved is not None and saved.items[0].content == typed
    assert s.checklists.current(saved.code).items[0].content == typed

    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    again = dialog.editor
    assert isinstance(again, ChecklistEditor) and again is not editor
    reopened = again.table.item(0, COLUMN_OF["content"])
    assert reopened is not None and reopened.text() == typed
    text_edit = _open_cell_editor(qtbot, again, 0, "content")
    assert text_edit.toPlainText() == typed
    qtbot.keyClick(text_edit, Qt.Key.Key_Escape)  # cancels the cell edit, keeps the text
    assert reopened.text() == typed


def test_the_basis_column_is_multi_line_too(
    qtbot: QtBot, ui_services: Services, team: dict[str, int], messages: Any
) -> None:
    s = ui_services
    editor = ChecklistEditor(s, s.inspectors.actor_for(team["boss"]))
    qtbot.addWidget(editor)
    editor.show()
    text_edit = _open_cell_editor(qtbot, editor, 0, "basis")
    qtbot.keyClicks(text_edit, "GB 15577")
    qtbot.keyClick(text_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(text_edit, "6.3")
    qtbot.keyClick(text_edit, Qt.Key.Key_Tab)  # Tab commits and moves on, as in the other cells
    qtbot.waitUntil(lambda: not text_edit.isVisible())
    assert editor.items()[0].basis == "GB 15577\n6.3"
    messages.answer = QMessageBox.StandardButton.Discard  # closing at the end drops the typed row
