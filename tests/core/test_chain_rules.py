"""Lifecycle rules the documents depend on: an ordered deadline moves only by 延期, on-site measures
are fixed once their 决定书 is issued, and a visit records its measures with its hazards."""

from __future__ import annotations

import pytest

from inspector.core.documents import DocumentService
from inspector.core.enums import OnsiteMeasure
from inspector.core.errors import DomainError, ValidationError
from inspector.core.lifecycle import ExtendDeadline, SavePlan, SetOnsiteMeasures, ordered_deadline
from inspector.db.models import Hazard
from tests.core.test_lifecycle_support import World, day, full_plan, hazard_input


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def _visit(w: World, **overrides: object) -> tuple[int, int]:
    recorded = w.inspections.record(w.actor, w.visit(hazard_input(1, deadline=day(10), **overrides)))
    return recorded.id, recorded.hazards[0].id


def test_the_deadline_in_an_issued_order_changes_only_by_extension(w: World) -> None:
    visit, hid = _visit(w)
    w.hazards.act(w.actor, hid, SavePlan(full_plan(day(12))))  # before the order: a plain edit
    DocumentService(w.db).issue_rectification_order(w.actor, visit)
    with pytest.raises(ValidationError) as err:
        w.hazards.act(w.actor, hid, SavePlan(full_plan(day(20))))
    assert "已写入责令限期整改指令书" in err.value.for_field("deadline") or ""
    w.hazards.act(w.actor, hid, SavePlan(full_plan(day(12), measures="另一措施")))  # same deadline: fine
    w.hazards.act(w.actor, hid, ExtendDeadline(day(30), "设备到货晚"))
    h = w.hazard(hid)
    assert h.deadline == day(30)
    with w.db.reading() as s:
        assert ordered_deadline(s.get(Hazard, hid)) == day(12)


def test_onsite_measures_are_recorded_with_the_visit_and_fixed_by_the_decision(w: World) -> None:
    visit, hid = _visit(w, onsite_measures=(OnsiteMeasure.SUSPEND.value, OnsiteMeasure.WITHDRAW.value))
    # stored in the standard order, whatever order they were ticked in
    assert w.hazards.detail(hid).onsite_measures == (
        OnsiteMeasure.WITHDRAW.value,
        OnsiteMeasure.SUSPEND.value,
    )
    w.hazards.act(w.actor, hid, SetOnsiteMeasures((OnsiteMeasure.STOP_EQUIPMENT.value,)))
    assert w.hazards.detail(hid).onsite_measures == (OnsiteMeasure.STOP_EQUIPMENT.value,)
    assert "现场处理措施：责令停止使用相关设施、设备" in w.events(hid)[-1].summary
    DocumentService(w.db).issue_onsite_decision(w.actor, visit)
    with pytest.raises(DomainError, match="已写入现场处理措施决定书"):
        w.hazards.act(w.actor, hid, SetOnsiteMeasures(()))


def test_unknown_onsite_measures_are_refused_by_name(w: World) -> None:
    with pytest.raises(ValidationError) as err:
        w.inspections.record(w.actor, w.visit(hazard_input(1, deadline=day(10), onsite_measures=("查封",))))
    assert "现场处理措施“查封”无效" in str(err.value)
    hid = w.new_hazard()  # 企业自查: no visit, no 决定书
    with pytest.raises(DomainError, match="不是检查中发现的"):
        w.hazards.act(w.actor, hid, SetOnsiteMeasures((OnsiteMeasure.WITHDRAW.value,)))
