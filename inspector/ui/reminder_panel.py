"""今日提醒 on the 工作台: campaign deadlines with what they still lack, hazards due within 10 days,
复查 owed (core.reminders). Each line is a link to the list behind it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from inspector.core.reminders import Reminder
from inspector.ui.style import LINK_COLOUR, REMINDER_PANEL_STYLE, REMINDER_URGENT_COLOUR, SECTION_HEADING


class ReminderPanel(QFrame):
    """Hidden while there is nothing to remind. Signals: ``campaign_clicked(campaign id)``,
    ``filter_clicked(HazardFilter)``."""

    campaign_clicked = Signal(int)
    filter_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReminderPanel")
        self.setStyleSheet(REMINDER_PANEL_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        title = QLabel(self.tr("今日提醒"))
        title.setStyleSheet(SECTION_HEADING)
        layout.addWidget(title)
        self.lines = QLabel()
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setWordWrap(True)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.lines.linkActivated.connect(self._open)
        layout.addWidget(self.lines)
        self.reminders: list[Reminder] = []
        self.hide()

    def set_reminders(self, reminders: list[Reminder]) -> None:
        """The hazards due soon are left out: the 工作台's tile beside the panel counts them."""
        reminders = [r for r in reminders if r.key != "due"]
        self.reminders = reminders
        items = []
        for n, r in enumerate(reminders):
            colour = REMINDER_URGENT_COLOUR if r.urgent else LINK_COLOUR
            items.append(f"• <a href='{n}' style='color:{colour}; text-decoration:none'>{escape(r.text)}</a>")
        self.lines.setText("<br>".join(items))
        self.setVisible(bool(reminders))

    def _open(self, href: str) -> None:
        r = self.reminders[int(href)]
        if r.campaign_id is not None:
            self.campaign_clicked.emit(r.campaign_id)
        elif r.filter is not None:
            self.filter_clicked.emit(r.filter)
