"""The core checks who acts from the registry, inside the transaction, never from the flag it is handed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector.core.audit import Actor
from inspector.core.errors import PermissionDenied
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import MAJOR_CLOSE_REFUSAL, ReportDone, Review, StartRectification
from inspector.db.models import AuditEvent
from tests.core.test_lifecycle_support import World, day, full_plan, hazard_input


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def _major_waiting_for_review(w: World) -> int:
    hid = w.hazards.record(w.actor, w.enterprise_id, hazard_input(1, level="重大隐患"), day(-5)).id
    w.hazards.act(w.actor, hid, StartRectification(full_plan(day(14))))
    w.hazards.act(w.actor, hid, ReportDone(day(-2)))
    return hid


def _close(w: World, hid: int, who: Actor) -> None:
    w.hazards.act(who, hid, Review("合格", [w.supervisor_id], day(-1)))


def test_a_forged_supervisor_flag_does_not_close_a_major_hazard(w: World) -> None:
    hid = _major_waiting_for_review(w)
    forged = Actor(w.actor.id, w.actor.name, is_supervisor=True)
    with pytest.raises(PermissionDenied, match=MAJOR_CLOSE_REFUSAL):
        _close(w, hid, forged)
    assert w.hazard(hid).state == "待复查"
    _close(w, hid, w.boss)
    assert w.hazard(hid).state == "已销号"


def test_a_demoted_supervisor_loses_his_rights_at_once(w: World) -> None:
    second = w.inspectors.create(w.boss, InspectorInput("钱科长", "32041120009", "安监科", "科室负责人"))
    stale = w.inspectors.actor_for(second)  # what a window opened this morning still holds
    assert stale.is_supervisor
    w.inspectors.update(w.boss, second, InspectorInput("钱科长", "32041120009", "安监科", "检查员"))
    hid = _major_waiting_for_review(w)
    with pytest.raises(PermissionDenied, match=MAJOR_CLOSE_REFUSAL):
        _close(w, hid, stale)
    assert w.hazards.actions(hid, stale) == w.hazards.actions(hid, w.actor)  # no supervisor buttons


def test_a_deactivated_inspector_records_nothing(w: World) -> None:
    active = w.actor
    w.inspectors.set_active(w.boss, w.inspector_ids[0], False)
    before = w.audit_count()
    with pytest.raises(PermissionDenied, match="已停用"):
        w.inspections.record(
            active, w.visit(hazard_input(1, deadline=day(10)), inspector_ids=w.inspector_ids[1:2])
        )
    with pytest.raises(PermissionDenied, match="已停用"):
        w.hazards.record(active, w.enterprise_id, hazard_input(2), day(-1))
    assert w.audit_count() == before
    with pytest.raises(PermissionDenied, match="不在检查人员名册中"):
        w.hazards.record(Actor(999_999, "冒名"), w.enterprise_id, hazard_input(3), day(-1))


def test_the_audit_trail_names_the_registered_person_not_the_name_handed_in(w: World) -> None:
    hid = w.hazards.record(Actor(w.actor.id, "别人的名字"), w.enterprise_id, hazard_input(1), day(-3)).id
    with w.db.reading() as s:
        names = list(
            s.scalars(
                select(AuditEvent.actor_name).where(
                    AuditEvent.entity_type == "hazard", AuditEvent.entity_id == hid
                )
            )
        )
    assert names and set(names) == {"张检查"}
