"""The inspector registry: validation, supervisor-only maintenance, actors."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector.core.audit import Actor
from inspector.core.errors import DuplicateError, NotFoundError, PermissionDenied, ValidationError
from inspector.core.inspectors import InspectorInput, InspectorService
from inspector.db.models import AuditEvent

SETUP = Actor(id=None, name="张检查")  # whoever installs the app, before any supervisor exists


@pytest.fixture
def svc(db) -> InspectorService:
    return InspectorService(db)


def test_first_supervisor_can_be_registered_by_anyone_then_only_supervisors_maintain(svc) -> None:
    assert svc.can_edit_registry(SETUP)  # no supervisor yet: anyone sets the registry up
    boss_id = svc.create(SETUP, InspectorInput("赵科长", " 3204 1120 001 ", "安监科", "科室负责人"))
    assert not svc.can_edit_registry(SETUP)
    boss = svc.actor_for(boss_id)
    assert (boss.id, boss.name, boss.is_supervisor) == (boss_id, "赵科长", True)
    assert svc.get(boss_id).certificate_no == "3204112000" + "1"  # blanks removed
    with pytest.raises(PermissionDenied) as info:
        svc.create(SETUP, InspectorInput("李检查", "32041120002"))
    assert str(info.value) == "检查人员名册须由科室负责人维护"
    iid = svc.create(boss, InspectorInput("李检查", "32041120002", "安监科"))
    inspector = svc.actor_for(iid)
    assert not inspector.is_supervisor
    assert svc.can_edit_registry(boss) and not svc.can_edit_registry(inspector)
    assert not svc.can_edit_registry(Actor(iid, "李检查", is_supervisor=True))  # the flag is not trusted
    with pytest.raises(PermissionDenied, match="检查人员名册须由科室负责人维护"):
        svc.update(inspector, iid, InspectorInput("李检查", "32041120002", "安监科", "科室负责人"))


def test_validation_messages_name_the_field(svc) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create(SETUP, InspectorInput(" ", "x" * 51, "", "局长"))
    assert [(e.field, e.message) for e in info.value.errors] == [
        ("name", "姓名不能为空"),
        ("certificate_no", "执法证号过长：最多50个字符，当前51个"),
        ("role", "角色“局长”无效，可选：检查员、科室负责人"),
    ]


def test_duplicate_certificate_refused(svc) -> None:
    boss = svc.actor_for(svc.create(SETUP, InspectorInput("赵科长", "001", role="科室负责人")))
    svc.create(boss, InspectorInput("甲", ""))
    svc.create(boss, InspectorInput("乙", ""))  # no certificate is not a duplicate
    with pytest.raises(DuplicateError) as info:
        svc.create(boss, InspectorInput("丙", "001"))
    assert str(info.value) == "执法证号 001 已登记为“赵科长”"


def test_update_and_deactivate_are_audited(svc, db) -> None:
    boss = svc.actor_for(svc.create(SETUP, InspectorInput("赵科长", "001", role="科室负责人")))
    iid = svc.create(boss, InspectorInput("李检查", "002", "安监科"))
    svc.update(boss, iid, InspectorInput("李检查", "002", "春江镇安监办"))
    svc.set_active(boss, iid, False)
    assert [r.name for r in svc.list()] == ["赵科长"]
    assert [(r.name, r.active) for r in svc.list(active_only=False)] == [("赵科长", True), ("李检查", False)]
    with pytest.raises(PermissionDenied) as info:
        svc.actor_for(iid)
    assert str(info.value) == "检查人员“李检查”已停用，不能办理业务"
    with db.reading() as s:
        events = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == "inspector", AuditEvent.entity_id == iid)
            .order_by(AuditEvent.id)
        ).all()
    assert [(e.action, e.summary) for e in events] == [
        ("create", "登记检查人员：李检查（检查员）"),
        ("update", "修改检查人员信息：李检查"),
        ("update", "修改检查人员信息：李检查"),
    ]
    assert (events[1].before, events[1].after) == ({"unit": "安监科"}, {"unit": "春江镇安监办"})
    assert events[2].after == {"active": False}


def test_last_active_supervisor_cannot_be_removed(svc) -> None:
    boss_id = svc.create(SETUP, InspectorInput("赵科长", "001", role="科室负责人"))
    boss = svc.actor_for(boss_id)
    with pytest.raises(PermissionDenied) as info:
        svc.set_active(boss, boss_id, False)
    assert str(info.value) == "至少须保留一名在岗的科室负责人"
    with pytest.raises(PermissionDenied, match="至少须保留一名在岗的科室负责人"):
        svc.update(boss, boss_id, InspectorInput("赵科长", "001", role="检查员"))
    second = svc.create(boss, InspectorInput("钱科长", "003", role="科室负责人"))
    svc.set_active(boss, boss_id, False)
    assert [r.id for r in svc.list() if r.is_supervisor] == [second]


def test_unknown_inspector(svc) -> None:
    with pytest.raises(NotFoundError, match="未找到检查人员（编号 77）"):
        svc.actor_for(77)
