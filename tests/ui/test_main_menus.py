"""The main window's commands (main_menus): shortcuts, menus, and what a command runs through ops."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.context import Services
from inspector.core.errors import DomainError
from tests.ui.test_main_window import open_window


def test_menu_shortcuts(qtbot, ui_services) -> None:
    window = open_window(qtbot, ui_services)
    shortcuts = {
        a.text(): a.shortcut().toString()
        for a in (
            window.import_action,
            window.quit_action,
            window.new_action,
            window.edit_action,
            window.find_action,
            window.refresh_action,
        )
    }
    assert shortcuts == {
        "导入企业名录…": "Ctrl+I",
        "退出": "Ctrl+Q",
        "新增企业": "Ctrl+N",
        "编辑": "Ctrl+E",
        "查找": "Ctrl+F",
        "刷新": "F5",
    }
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "企业(&E)", "检查(&I)", "视图(&V)", "帮助(&H)"]
    assert window.visit_action.shortcut().toString() == "Ctrl+Shift+N"


def test_a_refused_backup_is_a_warning_from_ops(
    qtbot: Any, ui_services: Services, messages: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise DomainError("备份文件夹无法写入")

    monkeypatch.setattr(ui_services.maintenance, "backup_now", refuse)
    window = open_window(qtbot, ui_services)
    window.backup_action.setEnabled(True)
    window.backup_action.trigger()
    assert messages.shown == [("warning", "备份", "备份文件夹无法写入")]
    assert not window.statusBar().currentMessage().startswith("已备份到")
