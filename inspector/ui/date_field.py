"""The one date field of the app: typed in any common form, or picked from a calendar.

A QDateEdit fights the typist (its sections swallow a typed 2026-12-12 into 20261212) and has
no empty state. This field is a line edit read by ``inspector.core.dates.parse_date``: what was
understood shows beside it (the day and its weekday), what was not stays as typed with the
reason, so nothing typed is dropped. The calendar opens on the field's day, or today. An
optional field is emptied with the line edit's clear button (empty = no date).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QPoint, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from inspector.core.dates import EXAMPLE, DateTextError, format_date, parse_date
from inspector.core.errors import FieldError
from inspector.ui.style import ERROR_TEXT, MUTED_TEXT

WEEKDAYS = (
    str(QT_TRANSLATE_NOOP("DateField", "周一")),
    str(QT_TRANSLATE_NOOP("DateField", "周二")),
    str(QT_TRANSLATE_NOOP("DateField", "周三")),
    str(QT_TRANSLATE_NOOP("DateField", "周四")),
    str(QT_TRANSLATE_NOOP("DateField", "周五")),
    str(QT_TRANSLATE_NOOP("DateField", "周六")),
    str(QT_TRANSLATE_NOOP("DateField", "周日")),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _today() -> date:
    today: date = QDate.currentDate().toPython()  # type: ignore[assignment]  # the stub says object
    return today


class DateField(QWidget):
    """``value()`` is the day typed or picked (None when empty); ``problem()`` says why the text is
    no day. ``changed`` fires on every edit and pick."""

    changed = Signal()

    def __init__(
        self,
        value: date | None = None,
        allow_empty: bool = True,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.allow_empty = allow_empty
        self._today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("date_text")
        self.setFocusProxy(self.edit)  # a form focusing the field puts the cursor in its text
        self.edit.setPlaceholderText(EXAMPLE)
        self.edit.setClearButtonEnabled(allow_empty)
        self.edit.setToolTip(
            self.tr(
                "可输入 2026-12-12、2026/12/12、2026.12.12、20261212、2026年12月12日，或只写月日（12-12）表示今年"
            )
        )
        width = self.edit.fontMetrics().horizontalAdvance("2026年12月12日") + 40
        self.edit.setFixedWidth(width)
        self.pick = QToolButton(self)
        self.pick.setObjectName("date_pick")
        self.pick.setText("▾")
        self.pick.setToolTip(self.tr("从日历中选择"))
        self.pick.clicked.connect(self.open_calendar)
        self.understood = QLabel(self)
        self.understood.setObjectName("date_understood")
        self.understood.setWordWrap(True)
        self.understood.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.edit)
        row.addWidget(self.pick)
        row.addWidget(self.understood, 1)
        self.menu = QMenu(self)
        self.calendar = QCalendarWidget(self.menu)
        self.calendar.setObjectName("date_calendar")
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._tidy)
        self.set_value(value if value is not None or allow_empty else self.today())

    # -- reading -----------------------------------------------------------------------------------
    def today(self) -> date:
        return self._today if self._today is not None else _today()

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> date | None:
        """The day shown; None when empty — or when the text is no day (``problem()`` says so:
        forms check it before they submit, see ``date_errors``)."""
        if not self.edit.text().strip():
            return None
        try:
            return parse_date(self.edit.text(), self.today())
        except DateTextError:
            return None

    def problem(self) -> str | None:
        """Why the text cannot be taken (None when it can: a day, or empty where that is allowed)."""
        if not self.edit.text().strip():
            return None if self.allow_empty else self.tr("请填写日期")
        try:
            parse_date(self.edit.text(), self.today())
        except DateTextError as e:
            return str(e)
        return None

    # -- writing -----------------------------------------------------------------------------------
    def set_value(self, value: date | None) -> None:
        self.edit.setText(format_date(value))

    def clear(self) -> None:
        self.edit.clear()

    def make_compact(self) -> None:
        """For a filter bar: the text sized for 2026-12-12 (a longer form still fits, scrolled)."""
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("2026-12-12") + 36)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.edit.setClearButtonEnabled(self.allow_empty and not read_only)
        self.pick.setEnabled(not read_only)

    def open_calendar(self) -> QCalendarWidget:
        """Show the calendar under the field, on the field's day (today when empty or unreadable)."""
        day = self.value() or self.today()
        self.calendar.setSelectedDate(_qdate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.menu.popup(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        return self.calendar

    def _picked(self, picked: QDate) -> None:
        day: date = picked.toPython()  # type: ignore[assignment]  # the stub says object
        self.set_value(day)
        self.menu.close()

    def _text_changed(self, _text: str) -> None:
        self._show_understood()
        self.changed.emit()

    def _tidy(self) -> None:
        """On leaving the field a readable text is rewritten the standard way (20261212 → 2026-12-12)."""
        day = self.value()
        if day is not None and self.edit.text() != format_date(day):
            self.edit.setText(format_date(day))

    def _show_understood(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.understood.clear()
            return
        problem = self.problem()
        if problem is not None:
            self.understood.setStyleSheet(ERROR_TEXT)
            self.understood.setText(problem)
            return
        day = self.value()
        assert day is not None
        weekday = QCoreApplication.translate("DateField", WEEKDAYS[day.weekday()])
        shown = weekday if text == format_date(day) else f"= {format_date(day)} {weekday}"
        self.understood.setStyleSheet(MUTED_TEXT)
        self.understood.setText(shown)


def date_errors(fields: Mapping[str, DateField]) -> list[FieldError]:
    """A FieldError for each enabled field whose text is no day: a form refuses to submit with
    them rather than send the core an empty date the user did not mean."""
    errors = []
    for name, field in fields.items():
        if not field.isEnabled():
            continue
        problem = field.problem()
        if problem is not None:
            errors.append(FieldError(name, problem))
    return errors
