"""After saving a visit: its documents offered for printing through the window's print path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.core.enums import DocumentKind
from inspector.core.hazards.views import RecordedHazard
from inspector.core.inspections import RecordedInspection
from inspector.ui.visit_print_prompt import VisitPrintPrompt


def _prompt(qtbot: QtBot, hazards: list[RecordedHazard]) -> tuple[VisitPrintPrompt, list[tuple[str, int]]]:
    printed: list[tuple[str, int]] = []
    prompt = VisitPrintPrompt(
        "已登记检查记录", RecordedInspection(7, hazards, []), lambda k, i: printed.append((k, i))
    )
    qtbot.addWidget(prompt)
    prompt.show()
    return prompt, printed


def test_a_visit_with_hazards_offers_the_record_and_the_order(qtbot: QtBot) -> None:
    prompt, printed = _prompt(qtbot, [RecordedHazard(3, "YH2026-000003")])
    assert set(prompt.buttons) == {DocumentKind.INSPECTION_RECORD, DocumentKind.RECTIFICATION_ORDER}
    qtbot.mouseClick(prompt.buttons[DocumentKind.INSPECTION_RECORD], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(prompt.buttons[DocumentKind.RECTIFICATION_ORDER], Qt.MouseButton.LeftButton)
    assert printed == [("现场检查记录", 7), ("责令限期整改指令书", 7)]
    assert prompt.isVisible() and prompt.close_button.text() == "关闭"


def test_a_visit_without_hazards_offers_only_the_record(qtbot: QtBot) -> None:
    prompt, printed = _prompt(qtbot, [])
    assert list(prompt.buttons) == [DocumentKind.INSPECTION_RECORD]
    qtbot.mouseClick(prompt.close_button, Qt.MouseButton.LeftButton)
    assert not prompt.isVisible() and printed == []
