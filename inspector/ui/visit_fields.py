"""Small pieces the visit's two forms share: a field's label, its error line, Qt/Python dates."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector.ui.style import ERROR_TEXT, REQUIRED_MARK


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def pytime(t: QTime) -> time:
    return time(t.hour(), t.minute())


def error_label(name: str) -> QLabel:
    """A field's message line: hidden until the core refuses something about that field."""
    label = QLabel()
    label.setObjectName(f"error_{name}")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_TEXT)
    label.hide()
    return label


def field_label(text: str, required: bool = False) -> QLabel:
    label = QLabel((REQUIRED_MARK + " " if required else "") + text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 5, 0, 0)
    return label


def field_cell(widget: QWidget | None, error: QLabel, extra: QWidget | None = None) -> QWidget:
    """A field with its (hidden) error line underneath, so a message sits next to its field."""
    cell = QWidget()
    lay = QVBoxLayout(cell)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    if widget is not None:
        lay.addWidget(widget)
    if extra is not None:
        lay.addWidget(extra)
    lay.addWidget(error)
    return cell
