"""Rules asked by every caller (UI and reports): 立查立改, the due words, the five in place."""

from __future__ import annotations

from datetime import date

from inspector.core.audit import Actor
from inspector.core.enums import HazardLevel, HazardState
from inspector.core.lifecycle import (
    ON_SPOT_REFUSAL,
    Action,
    Due,
    HazardFacts,
    PlanInput,
    days_left,
    due,
    due_text,
    five_in_place,
    is_overdue,
    may_rectify_on_spot,
    refusal,
)

TODAY = date(2026, 11, 10)


def test_on_spot_is_for_general_hazards_only() -> None:
    assert may_rectify_on_spot(HazardLevel.GENERAL.value)
    assert not may_rectify_on_spot(HazardLevel.MAJOR.value)
    facts = HazardFacts(HazardState.REPORTED.value, HazardLevel.MAJOR.value)
    assert refusal(Action.RECTIFY_ON_SPOT, facts, Actor(1, "王科长", True)) == ON_SPOT_REFUSAL


def test_due_agrees_with_is_overdue_and_prints_one_way() -> None:
    for deadline, kind, words in (
        (date(2026, 11, 7), Due.OVERDUE, "逾期3天"),
        (TODAY, Due.TODAY, "今日到期"),
        (date(2026, 11, 15), Due.AHEAD, "剩5天"),
    ):
        left = days_left(HazardState.RECTIFYING.value, deadline, TODAY)
        assert due(left) == kind and due_text(left) == words
        assert (kind == Due.OVERDUE) == is_overdue(HazardState.RECTIFYING.value, deadline, TODAY)
    closed = days_left(HazardState.CLOSED.value, date(2026, 11, 7), TODAY)
    assert due(closed) is None and due_text(closed) == ""


def test_five_in_place_groups_the_plan_fields() -> None:
    states = five_in_place(PlanInput(responsible_unit="车间", measures="更换", deadline=TODAY))
    assert [s.name for s in states] == ["责任", "措施", "资金", "时限", "预案"]
    assert [s.missing for s in states] == [("整改责任人",), (), ("整改资金",), (), ("应急预案",)]
    assert [s.complete for s in states] == [False, True, False, True, False]
