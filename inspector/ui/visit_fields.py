"""Small pieces the visit's two forms share: a field's label, Qt/Python dates (the error
line and the field cell every form uses are in ``ui.widgets``)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QLabel

from inspector.ui.style import REQUIRED_MARK


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def pytime(t: QTime) -> time:
    return time(t.hour(), t.minute())


def field_label(text: str, required: bool = False) -> QLabel:
    label = QLabel((REQUIRED_MARK + " " if required else "") + text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 5, 0, 0)
    return label
