"""On a team server, each person logs in as themselves and PostgreSQL itself enforces the rules:
a 检查员 login cannot close a major hazard or change the audit trail, even from plain SQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.errors import DomainError, PermissionDenied
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import MAJOR_CLOSE_REFUSAL, ReportDone, Review, StartRectification
from inspector.core.team import TeamService
from inspector.db.engine import Database
from tests.core.test_lifecycle_support import full_plan
from tests.factories import enterprise_input

TODAY = date.today()


@pytest.fixture
def team(db: Database):  # type: ignore[no-untyped-def]
    if db.is_sqlite:
        pytest.skip("team server rules are PostgreSQL's")
    staff = TeamService(db)
    zhang = staff.add_user("zhangming", "s3cret-zhang", InspectorInput("张明", "32041100001"))
    zhao = staff.add_user("zhaoke", "s3cret-zhao", InspectorInput("赵科长", "32041100002"), supervisor=True)
    logins = {}
    for login, password in (("zhangming", "s3cret-zhang"), ("zhaoke", "s3cret-zhao")):
        url = make_url(db.url).set(username=login, password=password)
        logins[login] = Database(url.render_as_string(hide_password=False))
    yield db, logins, zhang.inspector_id, zhao.inspector_id
    for d in logins.values():
        d.dispose()


def _major_waiting(s: Services, eid: int, ids: list[int]) -> int:
    actor = s.inspectors.login_actor()
    assert actor is not None
    visit = s.inspections.record(
        actor,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=TODAY - timedelta(days=5),
            kind="执法检查",
            inspector_ids=ids,
            start_time="09:00",
            end_time="10:00",
            hazards=[
                HazardInput("储罐区", "防火堤破损", "现场管理", level="重大隐患", supervision_unit="区安委办")
            ],
        ),
    )
    hid = visit.hazards[0].id
    s.hazards.act(actor, hid, StartRectification(full_plan(TODAY + timedelta(days=9))))
    s.hazards.act(actor, hid, ReportDone(TODAY - timedelta(days=1)))
    return hid


def test_a_login_acts_as_its_own_person_and_the_server_refuses_the_rest(team) -> None:  # type: ignore[no-untyped-def]
    owner, logins, zhang_id, zhao_id = team
    eid = Services.on(owner).enterprises.create(SYSTEM, enterprise_input(1))
    as_zhang = Services.on(logins["zhangming"])
    me = as_zhang.inspectors.login_actor()
    assert me is not None and (me.id, me.name, me.is_supervisor) == (zhang_id, "张明", False)
    hid = _major_waiting(as_zhang, eid, [zhang_id, zhao_id])  # the day's work goes through

    review = Review("合格", [zhang_id, zhao_id], TODAY)
    with pytest.raises(PermissionDenied, match=MAJOR_CLOSE_REFUSAL):
        as_zhang.hazards.act(me, hid, review)
    with pytest.raises(PermissionDenied, match="只能以本人的数据库登录办理业务"):
        as_zhang.hazards.act(as_zhang.inspectors.actor_for(zhao_id), hid, review)  # posing as 赵科长

    engine = logins["zhangming"].engine
    for sql, why in (
        ("UPDATE hazards SET state = '已销号', closed_on = CURRENT_DATE WHERE id = :h", MAJOR_CLOSE_REFUSAL),
        ("UPDATE supervisions SET delisted_on = CURRENT_DATE WHERE hazard_id = :h", "销号摘牌"),
        ("UPDATE audit_events SET summary = '改过了'", "permission denied"),
        ("DELETE FROM audit_events", "permission denied"),
        ("UPDATE inspectors SET role = '科室负责人' WHERE id = :z", "permission denied"),
        ("INSERT INTO settings (key, value) VALUES ('office.authority', '假机关')", "permission denied"),
    ):
        with pytest.raises(DBAPIError, match=why), engine.begin() as conn:
            conn.execute(text(sql), {"h": hid, "z": zhang_id})
    with engine.begin() as conn:
        assert conn.execute(text("SELECT state FROM hazards WHERE id = :h"), {"h": hid}).scalar() == "待复查"

    as_zhao = Services.on(logins["zhaoke"])
    boss = as_zhao.inspectors.login_actor()
    assert boss is not None and boss.is_supervisor
    as_zhao.hazards.act(boss, hid, review)
    assert as_zhao.hazards.detail(hid).state == "已销号"


def test_add_user_checks_its_input(team) -> None:  # type: ignore[no-untyped-def]
    owner, *_ = team
    with pytest.raises(DomainError, match="登录名只用小写字母"):
        TeamService(owner).add_user("张明", "long-enough", InspectorInput("张明"))
    with pytest.raises(DomainError, match="密码至少8位"):
        TeamService(owner).add_user("wangwu", "short", InspectorInput("王五"))


def test_a_staff_login_records_checklist_results_but_cannot_rewrite_a_version(team) -> None:  # type: ignore[no-untyped-def]
    from inspector.core.checklists import ChecklistResultInput, OfficeChecklistInput, OfficeItemInput

    owner, logins, zhang_id, zhao_id = team
    eid = Services.on(owner).enterprises.create(
        SYSTEM, enterprise_input(1, categories=["涉爆粉尘"], dust_workers=12)
    )
    as_zhang = Services.on(logins["zhangming"])
    me = as_zhang.inspectors.login_actor()
    assert me is not None
    gm = next(c for c in as_zhang.checklists.offered(eid) if c.code == "GM-2023")  # stored by staff
    item = gm.items[0]
    assert item.id is not None
    draft = as_zhang.checklists.draft_hazard(item.id).hazard
    draft.location, draft.category = "承包区域", "基础管理"
    visit = as_zhang.inspections.record(
        me,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=TODAY,
            inspector_ids=[zhang_id, zhao_id],
            start_time="09:00",
            end_time="10:00",
            hazards=[draft],
            checklist_results=[ChecklistResultInput(item.id, "不合格", hazard=1)],
        ),
    )
    assert as_zhang.checklists.results(visit.id)[0].results[0].hazard_id == visit.hazards[0].id
    with pytest.raises(PermissionDenied):
        as_zhang.checklists.create(me, OfficeChecklistInput("自制表", [], [OfficeItemInput(content="x")]))
    boss = Services.on(logins["zhaoke"])
    boss_actor = boss.inspectors.login_actor()
    assert boss_actor is not None
    assert boss.checklists.create(
        boss_actor, OfficeChecklistInput("科室表", [], [OfficeItemInput(content="x")])
    )
    engine = logins["zhangming"].engine
    for sql in ("UPDATE checklist_items SET content = '改过了'", "DELETE FROM checklist_results"):
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.execute(text(sql))
