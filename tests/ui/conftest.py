"""GUI fixtures: services on a temp SQLite file, recorded (never blocking) message boxes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableWidget

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.db.engine import Database
from inspector.ui.action_dialogs import ActionDialog
from inspector.ui.hazard_editor import HazardEditor

# The offscreen platform's default screen is 800x800, smaller than the main window's minimum
# width, so restoring a saved size would be clamped. Give it a laptop-sized screen instead
# (only when plain "offscreen" is in use and before the QApplication exists).
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}"
    )


@pytest.fixture
def ui_services(sqlite_db: Database) -> Services:
    return Services.on(sqlite_db)


@dataclass
class Messages:
    """Every message box the code tried to show: (kind, title, text)."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel

    def texts(self, kind: str | None = None) -> list[str]:
        return [t for k, _title, t in self.shown if kind is None or k == kind]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[Messages]:
    """Replace QMessageBox's blocking calls; ``answer`` is what question() returns."""
    rec = Messages()

    def static(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            rec.shown.append((kind, title, text))
            return rec.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))

    def exec_(box: QMessageBox) -> int:
        text = "\n".join(x for x in (box.text(), box.informativeText(), box.detailedText()) if x)
        rec.shown.append(("exec", box.windowTitle(), text))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    yield rec


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[Any], None]], list[ActionDialog]]:
    """The next action dialogs run ``fill(dialog)`` and press 确定 instead of blocking in exec()."""
    opened: list[ActionDialog] = []

    def use(fill: Callable[[Any], None]) -> list[ActionDialog]:
        def exec_(dialog: ActionDialog) -> int:
            opened.append(dialog)
            fill(dialog)
            dialog.ok_button.click()
            return dialog.result()

        monkeypatch.setattr(ActionDialog, "exec", exec_)
        return opened

    return use


# --- ui-registry: the inspector registry's people and table readers ---


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


def cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text() if item is not None else ""


def row_of(table: QTableWidget, name: str) -> int:
    for r in range(table.rowCount()):
        if cell(table, r, 0) == name:
            return r
    return -1


def double_click_row(qtbot: Any, table: QTableWidget, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- builders for the visit's forms (VisitDialog, HazardEditor) ---


def choose_category(editor: HazardEditor, text: str) -> None:
    """Pick a 隐患类别 by its shown text ("现场管理 › 电气")."""
    i = editor.category.findText(text)
    assert i > 0, text
    editor.category.setCurrentIndex(i)


def fill_hazard(editor: HazardEditor, location: str, description: str, category: str) -> None:
    """The three fields every hazard needs. Chinese text cannot go through QTest.keyClicks (Qt
    asserts); setText is what an input method's commit does."""
    editor.location.setText(location)
    editor.description.setPlainText(description)
    choose_category(editor, category)
