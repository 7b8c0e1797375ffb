"""One clock: ``Services.on(db, clock)`` dates every audit event and every hazard change on its day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from inspector.core.audit import Actor, stamp
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import AddNote
from inspector.db.engine import Database
from inspector.db.models import AuditEvent, Hazard
from tests.core.test_lifecycle_support import hazard_input
from tests.factories import enterprise_input

DAY = date(2026, 11, 20)  # not the real today: the trail must follow the clock, not the wall


def test_the_trail_and_updated_at_follow_the_services_clock(db: Database) -> None:
    services = Services.on(db, clock=lambda: DAY)
    admin = Actor(None, "管理员")
    services.inspectors.create(admin, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    eid = services.enterprises.create(admin, enterprise_input(1))
    recorded = services.hazards.record(admin, eid, hazard_input())
    services.hazards.act(admin, recorded.id, AddNote("补充说明"))
    services.office.update(admin, region="新北区（测试）")
    with db.reading() as s:
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        hazard = s.get(Hazard, recorded.id)
        assert hazard is not None
        assert hazard.updated_at.date() == DAY
    assert {e.entity_type for e in events} >= {"inspector", "enterprise", "hazard", "office"}
    assert {e.at.date() for e in events} == {DAY}


def test_stamp_is_now_on_the_real_day_and_the_clock_day_otherwise() -> None:
    assert stamp().date() == date.today()
    assert stamp(date.today()).date() == date.today()
    assert stamp(DAY).date() == DAY
    assert stamp(DAY).microsecond == 0
