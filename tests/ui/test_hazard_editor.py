"""HazardEditor alone: what one hazard's form gives the core, and its 立查立改 / deadline rules."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from inspector.core.enums import HazardLevel, OnsiteMeasure
from inspector.ui.hazard_editor import DEFAULT_DEADLINE_DAYS, HazardEditor
from tests.ui.conftest import fill_hazard

FOUND_ON = date(2026, 11, 2)


def editor(qtbot: QtBot) -> HazardEditor:
    e = HazardEditor(FOUND_ON)
    qtbot.addWidget(e)
    e.show()
    return e


def test_a_general_hazard_with_a_deadline(qtbot: QtBot) -> None:
    e = editor(qtbot)
    assert e.is_empty()
    fill_hazard(e, "仓库", "消防通道堵塞", "现场管理 › 消防")
    e.onsite_boxes[OnsiteMeasure.SUSPEND.value].setChecked(True)
    d = e.data()
    assert (d.location, d.description, d.category, d.subcategory) == (
        "仓库",
        "消防通道堵塞",
        "现场管理",
        "消防",
    )
    assert d.level == HazardLevel.GENERAL.value and not d.rectified_on_spot
    assert d.deadline == FOUND_ON + timedelta(days=DEFAULT_DEADLINE_DAYS)
    assert d.onsite_measures == (OnsiteMeasure.SUSPEND.value,)
    assert not e.after_photos.isVisible()  # 整改后 photos only for 立查立改


def test_on_spot_drops_the_deadline_and_a_major_hazard_cannot_be_on_spot(qtbot: QtBot) -> None:
    e = editor(qtbot)
    e.onsite_boxes[OnsiteMeasure.WITHDRAW.value].setChecked(True)
    e.on_spot.setChecked(True)
    e.on_spot_measures.setText("当场清理")
    d = e.data()
    assert d.rectified_on_spot and d.deadline is None and d.on_spot_measures == "当场清理"
    assert d.onsite_measures == ()  # fixed on the spot: no 现场处理措施
    assert e.after_photos.isVisible() and not e.deadline.isEnabled()

    e.major.setChecked(True)
    assert not e.on_spot.isEnabled()
    d = e.data()
    assert not d.rectified_on_spot and d.on_spot_measures == "" and d.deadline is not None


def test_a_new_visit_date_moves_the_default_deadline_but_keeps_the_chosen_span(qtbot: QtBot) -> None:
    e = editor(qtbot)
    later = FOUND_ON + timedelta(days=3)
    e.set_found_on(later)
    assert e.data().deadline == later + timedelta(days=DEFAULT_DEADLINE_DAYS)
    e.deadline_buttons[0].click()  # 7天
    e.set_found_on(FOUND_ON)
    assert e.data().deadline == FOUND_ON + timedelta(days=7)


def test_an_error_line_goes_once_its_field_is_edited(qtbot: QtBot) -> None:
    e = editor(qtbot)
    e.activateWindow()
    qtbot.waitUntil(e.isActiveWindow)
    e.show_errors({"description": "隐患描述不能为空", "deadline": "整改期限不能早于检查日期"})
    assert e.has_errors() and e.errors["description"].isVisible()
    e.focus_error()
    assert e.description.hasFocus()
    e.description.setPlainText("灭火器过期")
    assert not e.errors["description"].isVisible() and e.errors["deadline"].isVisible()
