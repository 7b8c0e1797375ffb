"""The one date field: typed in any common form, shown as understood, clearable, a calendar on its day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from inspector.ui.date_field import DateField, date_errors

TODAY = date(2026, 11, 16)


def _field(qtbot: QtBot, **kw: object) -> DateField:
    field = DateField(today=TODAY, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(field)
    field.show()
    return field


def test_typed_dashes_are_kept_and_understood(qtbot: QtBot) -> None:
    field = _field(qtbot)
    qtbot.keyClicks(field.edit, "2026-12-12")
    assert field.text() == "2026-12-12"  # not swallowed into 20261212
    assert field.value() == date(2026, 12, 12)
    assert field.understood.text() == "周六"


def test_other_forms_are_rewritten_the_standard_way_on_leaving(qtbot: QtBot) -> None:
    field = _field(qtbot)
    qtbot.keyClicks(field.edit, "20261212")
    assert field.understood.text() == "= 2026-12-12 周六"
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.text() == "2026-12-12"
    field.edit.clear()
    qtbot.keyClicks(field.edit, "12/12")
    assert field.value() == date(2026, 12, 12)


def test_unreadable_text_stays_with_its_reason(qtbot: QtBot) -> None:
    field = _field(qtbot)
    qtbot.keyClicks(field.edit, "2026-02-30")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.text() == "2026-02-30"
    assert field.value() is None
    assert field.problem() == "没有这一天：2026年2月30日"
    assert field.understood.text() == "没有这一天：2026年2月30日"
    assert [(e.field, e.message) for e in date_errors({"deadline": field})] == [
        ("deadline", "没有这一天：2026年2月30日")
    ]


def test_optional_field_clears_and_required_one_says_so(qtbot: QtBot) -> None:
    optional = _field(qtbot, value=date(2026, 12, 1))
    assert optional.edit.isClearButtonEnabled()
    optional.clear()
    assert optional.value() is None and optional.problem() is None
    required = _field(qtbot, allow_empty=False)
    assert required.value() == TODAY
    required.clear()
    assert required.problem() == "请填写日期"


def test_calendar_opens_on_the_value_or_today_and_a_pick_fills_the_text(qtbot: QtBot) -> None:
    field = _field(qtbot)
    qtbot.mouseClick(field.pick, Qt.MouseButton.LeftButton)
    cal = field.calendar
    assert (cal.yearShown(), cal.monthShown()) == (2026, 11)  # never January 1900
    assert cal.selectedDate() == QDate(2026, 11, 16)
    field.menu.close()
    field.set_value(date(2027, 3, 9))
    qtbot.mouseClick(field.pick, Qt.MouseButton.LeftButton)
    assert (cal.yearShown(), cal.monthShown()) == (2027, 3)
    cal.clicked.emit(QDate(2027, 3, 20))
    assert field.text() == "2027-03-20"
    assert not field.menu.isVisible()


def test_read_only_field_neither_types_nor_picks(qtbot: QtBot) -> None:
    field = _field(qtbot, value=date(2026, 12, 1))
    field.set_read_only(True)
    qtbot.keyClicks(field.edit, "9")
    assert field.text() == "2026-12-01"
    assert not field.pick.isEnabled()
