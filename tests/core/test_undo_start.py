"""撤销开始整改: one transition like the others, audited, and only while nothing else happened since."""

from __future__ import annotations

import pytest

from inspector.core.errors import DomainError
from inspector.core.lifecycle import (
    Action,
    AddNote,
    StartRectification,
    UndoStart,
    allowed_actions,
)
from tests.core.test_lifecycle_support import World, day, full_plan


@pytest.fixture
def w(db) -> World:  # type: ignore[no-untyped-def]
    return World.build(db)


def test_undo_right_after_start_goes_back_to_reported_with_the_plan_kept(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(w.actor, hid, StartRectification(full_plan(day(14))))
    w.hazards.act(w.actor, hid, UndoStart())
    d = w.hazards.detail(hid)
    assert (d.state, d.deadline) == ("待整改", day(14))
    assert d.plan is not None and not d.plan.missing
    events = w.events(hid)
    assert [e.action for e in events][-2:] == ["start", "undo_start"]
    assert events[-1].summary.endswith("撤销开始整改，退回待整改（整改方案保留）")
    assert (events[-1].before["state"], events[-1].after["state"]) == ("整改中", "待整改")


def test_no_undo_once_something_else_happened(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(w.actor, hid, StartRectification(full_plan(day(14))))
    w.hazards.act(w.actor, hid, AddNote("企业已采购配件"))
    before = len(w.events(hid))
    with pytest.raises(DomainError, match="开始整改之后该隐患已有其他记录，不能撤销开始整改"):
        w.hazards.act(w.actor, hid, UndoStart())
    assert w.hazard(hid).state == "整改中" and len(w.events(hid)) == before


def test_undo_is_refused_outside_rectifying_and_never_a_standing_button(w: World) -> None:
    hid = w.new_hazard()
    with pytest.raises(DomainError, match="不能撤销开始整改"):
        w.hazards.act(w.actor, hid, UndoStart())
    w.hazards.act(w.actor, hid, StartRectification(full_plan(day(14))))
    assert Action.UNDO_START not in allowed_actions(w.hazards.detail(hid).facts, w.actor)
