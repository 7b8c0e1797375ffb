"""The 五到位 form on its own: ticks from the core's rule, editability by state, refusals in place."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot

from inspector.core.errors import FieldError
from inspector.core.lifecycle import PLAN_LABELS, PlanIncompleteError
from inspector.ui.hazard_plan import PlanEditor, money_text


def editor(qtbot: QtBot) -> PlanEditor:
    form = PlanEditor()
    qtbot.addWidget(form)
    form.set_mode(editable=True, rectifying=False, on_spot=False)
    form.show()
    return form


def test_each_element_ticks_as_it_is_typed_and_marks_the_form_dirty(qtbot: QtBot) -> None:
    form = editor(qtbot)
    assert not form.dirty and not form.save_button.isEnabled()
    assert form.status.text() == "尚缺 5 项"  # five ✗ chips: 责任 counts once for unit and person
    form.inputs["responsible_unit"].setText("生产部")  # type: ignore[attr-defined]
    form.inputs["responsible_person"].setText("王建国")  # type: ignore[attr-defined]
    assert form.element_chips["责任"].property("complete")
    assert not form.element_chips["资金"].property("complete")
    assert form.dirty and form.save_button.isEnabled() and form.revert_button.isVisible()
    form.inputs["measures"].setPlainText("加装泄爆片")  # type: ignore[attr-defined]
    form.inputs["funds"].setText("0")  # type: ignore[attr-defined]
    form.inputs["deadline"].set_value(date(2026, 12, 31))  # type: ignore[attr-defined]
    form.inputs["contingency"].setPlainText("停机并设置警戒区")  # type: ignore[attr-defined]
    assert form.status.text() == "五到位齐全"
    plan = form.plan_input()
    assert (plan.funds, plan.deadline) == ("0", date(2026, 12, 31))
    with qtbot.waitSignal(form.save_requested):
        form.save_button.click()


def test_read_only_when_not_offered_and_deadline_locked_while_rectifying(qtbot: QtBot) -> None:
    form = editor(qtbot)
    form.set_mode(editable=False, rectifying=False, on_spot=False)
    assert form.inputs["measures"].isReadOnly()  # type: ignore[attr-defined]
    assert not form.save_button.isVisible()
    form.set_mode(editable=True, rectifying=True, on_spot=False)
    assert form.inputs["deadline"].edit.isReadOnly() and form.deadline_hint.isVisible()  # type: ignore[attr-defined]
    form.set_mode(editable=False, rectifying=False, on_spot=True)
    assert form.status.text().startswith("立查立改")
    assert not any(c.isVisible() for c in form.element_chips.values())


def test_the_count_beside_the_chips_is_the_number_of_crosses(qtbot: QtBot) -> None:
    form = editor(qtbot)
    qtbot.keyClicks(form.inputs["responsible_unit"], "Production")  # 责任 still lacks the person
    qtbot.keyClicks(form.inputs["measures"], "vent panel")
    crosses = [c for c in form.element_chips.values() if c.text().startswith("✗")]
    assert len(crosses) == 4
    assert form.status.text() == "尚缺 4 项"


def test_a_red_error_goes_as_soon_as_its_field_is_corrected(qtbot: QtBot) -> None:
    form = editor(qtbot)
    form.show_incomplete(PlanIncompleteError(["funds", "contingency"]))
    qtbot.keyClicks(form.inputs["funds"], "0")
    assert not form.errors["funds"].isVisible()
    assert form.errors["contingency"].isVisible() and form.message.isVisible()
    qtbot.keyClicks(form.inputs["contingency"], "fence off")
    assert not form.errors["contingency"].isVisible() and not form.message.isVisible()
    form.show_field_errors([FieldError("deadline", "整改时限不能早于发现日期")])
    qtbot.keyClicks(form.inputs["deadline"].edit, "2026-12-31")  # type: ignore[attr-defined]
    assert not form.errors["deadline"].isVisible()


def test_a_plan_that_cannot_change_is_visibly_read_only(qtbot: QtBot) -> None:
    form = editor(qtbot)
    form.set_mode(editable=False, rectifying=False, on_spot=False)
    assert form.read_only_note.isVisible()
    qtbot.keyClicks(form.inputs["measures"], "x")
    qtbot.keyClicks(form.inputs["deadline"].edit, "2026-12-31")  # type: ignore[attr-defined]
    assert form.plan_input().measures == "" and form.plan_input().deadline is None
    assert not form.inputs["deadline"].pick.isEnabled()  # type: ignore[attr-defined]
    form.set_mode(editable=True, rectifying=False, on_spot=False)
    assert not form.read_only_note.isVisible()


def test_refusals_show_under_their_fields_and_the_rest_above_the_buttons(qtbot: QtBot) -> None:
    form = editor(qtbot)
    form.show_field_errors([FieldError("funds", "整改资金不能为负数"), FieldError("plan", "其他问题")])
    assert form.errors["funds"].isVisible() and form.errors["funds"].text() == "整改资金不能为负数"
    assert form.message.text() == "其他问题"
    form.clear_errors()
    assert not form.errors["funds"].isVisible() and not form.message.isVisible()
    form.show_incomplete(PlanIncompleteError(["funds", "contingency"]))
    assert form.errors["contingency"].isVisible()
    assert form.errors["contingency"].text() == f"{PLAN_LABELS['contingency']}未填写"
    assert form.message.text() == PlanIncompleteError(["funds", "contingency"]).message


def test_money_is_shown_as_typed() -> None:
    assert [money_text(v) for v in (None, Decimal("3000.00"), Decimal("12.50"), Decimal("0"))] == [
        "",
        "3000",
        "12.5",
        "0",
    ]
