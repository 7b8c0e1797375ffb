"""恢复备份: the backups listed through ops, and a refused restore told as a message."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.errors import DomainError
from inspector.ui.restore_dialog import RestoreDialog
from tests.factories import enterprise_input


def test_a_refused_restore_is_a_warning_and_nothing_is_restored(
    qtbot: Any, ui_services: Services, messages: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui_services.enterprises.create(SYSTEM, enterprise_input(1))
    ui_services.maintenance.backup_now()

    def refuse(_path: object) -> None:
        raise DomainError("数据库正被另一个窗口使用，请先关闭其他窗口")

    monkeypatch.setattr(ui_services.maintenance, "restore", refuse)
    messages.answer = QMessageBox.StandardButton.Yes
    dialog = RestoreDialog(ui_services)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and not dialog.empty.isVisibleTo(dialog)
    dialog.list.setCurrentRow(0)
    assert dialog.restore_selected() is False
    assert messages.texts("warning") == ["数据库正被另一个窗口使用，请先关闭其他窗口"]
    assert dialog.restored is None
