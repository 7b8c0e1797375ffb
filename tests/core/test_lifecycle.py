"""Every transition and every refusal of the hazard lifecycle, with the exact Chinese messages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from inspector.core.audit import Actor
from inspector.core.errors import ConcurrentEditError, DomainError, PermissionDenied, ValidationError
from inspector.core.hazards import HazardFilter
from inspector.core.hazards import service as hazards_module
from inspector.core.lifecycle import (
    Action,
    AddNote,
    AddPhotos,
    EditDetails,
    ExtendDeadline,
    HazardDetails,
    HazardFacts,
    PlanIncompleteError,
    PlanInput,
    RaiseToMajor,
    RectifyOnSpot,
    ReportDone,
    Review,
    SavePlan,
    StartRectification,
    allowed_actions,
    days_left,
    is_overdue,
    may_close,
)
from inspector.core.photos import PhotoInput
from inspector.db.models import DeadlineExtension, Hazard, ReInspection, Supervision
from tests.core.test_lifecycle_support import FOUND, JPEG, TODAY, World, day, full_plan


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def _state(w: World, hid: int) -> tuple[str, int, int]:
    h = w.hazard(hid)
    return h.state, h.version, len(w.events(hid))


def refused(w: World, hid: int, command, exc=DomainError, actor: Actor | None = None) -> str:
    """Apply and expect a refusal that changes nothing; returns the message."""
    before = _state(w, hid)
    with pytest.raises(exc) as info:
        w.hazards.act(actor or w.actor, hid, command)
    assert _state(w, hid) == before
    return str(info.value)


def rectifying(w: World, **kw) -> int:
    hid = w.new_hazard(**kw)
    w.hazards.act(w.actor, hid, StartRectification(full_plan(day(14))))
    return hid


def pending(w: World, **kw) -> int:
    hid = rectifying(w, **kw)
    w.hazards.act(w.actor, hid, ReportDone(day(-1)))
    return hid


# -- recording ----------------------------------------------------------------------------------


def test_recorded_hazard_waits_for_a_plan_with_one_audit_event(w: World) -> None:
    hid = w.new_hazard()
    h = w.hazard(hid)
    assert (h.state, h.number, h.found_on, h.level, h.deadline) == (
        "待整改",
        "YH2026-000001",
        FOUND,
        "一般隐患",
        None,
    )
    [event] = w.events(hid)
    assert (event.action, event.actor_name) == ("create", "张检查")
    assert event.summary == "YH2026-000001 登记一般隐患：1号车间 粉尘收集系统未设置防爆泄压装置1"
    assert event.after["state"] == "待整改"


def test_recording_with_a_complete_plan_starts_rectification(w: World) -> None:
    hid = w.new_hazard(plan=full_plan(day(20)))
    h = w.hazard(hid)
    assert (h.state, h.deadline) == ("整改中", day(20))
    assert [e.action for e in w.events(hid)] == ["create", "start"]


def test_recording_with_a_partial_plan_saves_it_and_waits(w: World) -> None:
    hid = w.new_hazard(plan=PlanInput(measures="加装泄压装置"), deadline=day(30))
    d = w.hazards.detail(hid)
    assert d.state == "待整改" and d.deadline == day(30)
    assert d.plan is not None and d.plan.missing == ["整改责任单位", "整改责任人", "整改资金", "应急预案"]
    assert [e.action for e in w.events(hid)] == ["create", "save_plan"]


# -- 五到位 and 整改中 ----------------------------------------------------------------------------


def test_start_without_a_plan_lists_every_missing_element(w: World) -> None:
    hid = w.new_hazard()
    msg = refused(w, hid, StartRectification(), PlanIncompleteError)
    assert msg == "整改责任单位、整改责任人、整改措施、整改资金、整改时限、应急预案未填写，不能进入整改中"


def test_start_with_funds_missing_says_exactly_that(w: World) -> None:
    hid = w.new_hazard()
    msg = refused(w, hid, StartRectification(full_plan(funds=None)), PlanIncompleteError)
    assert msg == "整改资金未填写，不能进入整改中"
    msg = refused(w, hid, StartRectification(full_plan(funds=" ", contingency="")), PlanIncompleteError)
    assert msg == "整改资金、应急预案未填写，不能进入整改中"


def test_zero_funds_count_as_filled(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(w.actor, hid, StartRectification(full_plan(funds=0)))
    h = w.hazard(hid)
    assert h.state == "整改中"
    assert w.hazards.detail(hid).plan.funds == Decimal("0.00")


def test_plan_field_errors(w: World) -> None:
    hid = w.new_hazard()
    msg = refused(w, hid, SavePlan(full_plan(funds="-5")), ValidationError)
    assert msg == "整改资金不能为负数"
    msg = refused(w, hid, SavePlan(full_plan(funds="三千")), ValidationError)
    assert msg == "整改资金应为数字（单位：元）"
    msg = refused(w, hid, SavePlan(full_plan(date(2026, 11, 5))), ValidationError)
    assert msg == "整改时限不能早于发现日期（2026-11-06）"


def test_saved_plan_then_start_moves_to_rectifying(w: World) -> None:
    hid = w.new_hazard()
    v1 = w.hazard(hid).version
    v2 = w.hazards.act(w.actor, hid, SavePlan(full_plan(contingency="")))
    assert v2 == v1 + 1  # a plan-only change still moves the version (stale forms are refused)
    assert w.events(hid)[-1].summary == "YH2026-000001 保存整改方案，尚缺：应急预案"
    assert w.hazard(hid).state == "待整改"
    assert refused(w, hid, StartRectification(), PlanIncompleteError) == "应急预案未填写，不能进入整改中"
    w.hazards.act(w.actor, hid, SavePlan(full_plan(funds="1,500元")))
    w.hazards.act(w.actor, hid, StartRectification())
    h = w.hazard(hid)
    assert (h.state, h.deadline) == ("整改中", day(14))
    ev = w.events(hid)[-1]
    assert (ev.action, ev.summary) == ("start", "YH2026-000001 五到位齐全，进入整改中（整改时限 2026-11-30）")
    assert ev.before == {"state": "待整改"} and ev.after == {"state": "整改中"}
    assert w.hazards.detail(hid).plan.funds == Decimal("1500.00")


def test_rectifying_plan_keeps_five_in_place_and_deadline_changes_need_extension(w: World) -> None:
    hid = rectifying(w)
    msg = refused(w, hid, SavePlan(full_plan(day(14), measures="")))
    assert msg == "整改中的隐患须保持五到位：整改措施不能清空"
    msg = refused(w, hid, SavePlan(full_plan(day(40))), ValidationError)
    assert msg == "整改中的隐患变更整改时限须办理延期（说明理由）"
    w.hazards.act(w.actor, hid, SavePlan(full_plan(day(14), funds="5000")))
    ev = w.events(hid)[-1]
    assert ev.before == {"plan.funds": "3000.00"} and ev.after == {"plan.funds": "5000.00"}


def test_start_is_only_from_reported(w: World) -> None:
    hid = rectifying(w)
    assert refused(w, hid, StartRectification()) == "隐患当前状态为“整改中”，不能开始整改"


# -- 待复查 and 复查 ------------------------------------------------------------------------------


def test_report_done_moves_to_pending_review(w: World) -> None:
    hid = rectifying(w)
    w.hazards.act(w.actor, hid, ReportDone(day(-1)))
    h = w.hazard(hid)
    assert (h.state, h.reported_done_on) == ("待复查", day(-1))
    assert w.events(hid)[-1].summary == "YH2026-000001 企业报告整改完成（2026-11-15），待复查"


def test_report_done_refusals(w: World) -> None:
    hid = w.new_hazard()
    assert refused(w, hid, ReportDone()) == "隐患当前状态为“待整改”，不能登记整改完成"
    hid = rectifying(w)
    assert refused(w, hid, ReportDone(day(1)), ValidationError) == "整改完成日期不能晚于今天"
    assert (
        refused(w, hid, ReportDone(date(2026, 11, 1)), ValidationError)
        == "整改完成日期不能早于发现日期（2026-11-06）"
    )


def test_review_pass_closes(w: World) -> None:
    hid = pending(w)
    w.hazards.act(w.actor, hid, Review("合格", w.inspector_ids[:2], TODAY, "已按要求整改"))
    h = w.hazard(hid)
    assert (h.state, h.closed_on) == ("已销号", TODAY)
    assert w.events(hid)[-1].summary == "YH2026-000001 复查合格（张检查、李检查），销号"
    [r] = w.hazards.detail(hid).reinspections
    assert (r.result, r.inspectors, r.opinion, r.new_deadline) == (
        "合格",
        ["张检查", "李检查"],
        "已按要求整改",
        None,
    )


def test_review_fail_returns_to_rectifying_with_a_new_deadline_and_keeps_the_old(w: World) -> None:
    hid = pending(w)
    w.hazards.act(w.actor, hid, Review("不合格", [w.inspector_ids[0]], TODAY, "泄压口朝向人员通道", day(10)))
    h = w.hazard(hid)
    assert (h.state, h.deadline, h.reported_done_on, h.closed_on) == ("整改中", day(10), None, None)
    with w.db.reading() as s:
        r = s.scalars(select(ReInspection).where(ReInspection.hazard_id == hid)).one()
        assert (r.result, r.previous_deadline, r.new_deadline) == ("不合格", day(14), day(10))
    ev = w.events(hid)[-1]
    assert ev.summary == "YH2026-000001 复查不合格（张检查），退回整改中，新整改时限 2026-11-26"
    assert ev.before["deadline"] == "2026-11-30" and ev.after["deadline"] == "2026-11-26"
    assert ev.after["review"]["opinion"] == "泄压口朝向人员通道"
    # …and the loop goes round again.
    w.hazards.act(w.actor, hid, ReportDone(TODAY))
    w.hazards.act(w.actor, hid, Review("合格", [w.inspector_ids[1]], TODAY))
    assert w.hazard(hid).state == "已销号"


def test_review_refusals(w: World) -> None:
    hid = rectifying(w)
    assert refused(w, hid, Review("合格", [w.inspector_ids[0]])) == "隐患当前状态为“整改中”，不能复查"
    hid = pending(w)
    ids = [w.inspector_ids[0]]
    assert refused(w, hid, Review("合格", []), ValidationError) == "复查人员不能为空"
    assert refused(w, hid, Review("", ids), ValidationError) == "复查结果不能为空"
    assert (
        refused(w, hid, Review("基本合格", ids), ValidationError)
        == "复查结果“基本合格”无效，可选：合格、不合格"
    )
    assert refused(w, hid, Review("合格", [9999]), ValidationError) == "未找到检查人员（编号 9999）"
    assert (
        refused(w, hid, Review("合格", ids, day(-2)), ValidationError)
        == "复查日期不能早于整改完成日期（2026-11-15）"
    )
    assert refused(w, hid, Review("合格", ids, day(1)), ValidationError) == "复查日期不能晚于今天"
    assert (
        refused(w, hid, Review("不合格", ids, TODAY, "", day(5)), ValidationError)
        == "复查不合格须填写复查意见"
    )
    assert (
        refused(w, hid, Review("不合格", ids, TODAY, "仍未整改"), ValidationError)
        == "复查不合格须重新确定整改时限"
    )
    assert refused(w, hid, Review("不合格", ids, TODAY, "仍未整改", TODAY), ValidationError) == (
        "新整改时限须晚于复查日期（2026-11-16）"
    )
    assert refused(w, hid, Review("不合格", ids, TODAY, ""), ValidationError) == (
        "复查不合格须填写复查意见；复查不合格须重新确定整改时限"
    )


# -- 立查立改 ---------------------------------------------------------------------------------------


def test_rectify_on_spot_closes_a_general_hazard(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(w.actor, hid, RectifyOnSpot(FOUND, "当场清理积尘"))
    h = w.hazard(hid)
    assert (h.state, h.rectified_on_spot, h.closed_on, h.reported_done_on) == ("已销号", True, FOUND, FOUND)
    assert w.hazards.detail(hid).plan.measures == "当场清理积尘"
    assert w.events(hid)[-1].summary == "YH2026-000001 立查立改，当场整改销号"


def test_rectify_on_spot_refusals(w: World) -> None:
    hid = w.new_hazard(level="重大隐患")
    assert refused(w, hid, RectifyOnSpot()) == "重大隐患不能立查立改，须制定整改方案并挂牌督办"
    hid = rectifying(w)
    assert refused(w, hid, RectifyOnSpot()) == "隐患当前状态为“整改中”，不能立查立改"


def test_on_spot_flag_when_recording(w: World) -> None:
    hid = w.new_hazard(rectified_on_spot=True, on_spot_measures="补齐警示标识")
    h = w.hazard(hid)
    assert (h.state, h.rectified_on_spot, h.closed_on) == ("已销号", True, FOUND)
    with pytest.raises(ValidationError, match="重大隐患不能立查立改"):
        w.new_hazard(rectified_on_spot=True, level="重大隐患")


# -- 延期 ----------------------------------------------------------------------------------------


def test_extension_keeps_the_old_deadline_and_the_reason(w: World) -> None:
    hid = rectifying(w)
    w.hazards.act(w.actor, hid, ExtendDeadline(day(45), "防爆泄压装置需定制，供货周期长"))
    assert w.hazard(hid).deadline == day(45)
    with w.db.reading() as s:
        ext = s.scalars(select(DeadlineExtension).where(DeadlineExtension.hazard_id == hid)).one()
        assert (ext.old_deadline, ext.new_deadline, ext.by_id) == (day(14), day(45), w.inspector_ids[0])
    [view] = w.hazards.detail(hid).extensions
    assert (view.reason, view.by_name) == ("防爆泄压装置需定制，供货周期长", "张检查")
    assert w.events(hid)[-1].summary == (
        "YH2026-000001 延期：整改时限 2026-11-30 → 2026-12-31（理由：防爆泄压装置需定制，供货周期长）"
    )


def test_extension_refusals(w: World) -> None:
    hid = w.new_hazard()
    assert refused(w, hid, ExtendDeadline(day(30), "x")) == "尚未确定整改时限，不能延期；请先填写整改方案"
    hid = rectifying(w)
    assert refused(w, hid, ExtendDeadline(day(30), "  "), ValidationError) == "延期须说明理由"
    assert (
        refused(w, hid, ExtendDeadline(day(14), "再等等"), ValidationError)
        == "新整改时限须晚于原整改时限（2026-11-30）"
    )
    assert refused(w, hid, ExtendDeadline(None, ""), ValidationError) == "延期须说明理由；新整改时限不能为空"
    assert (
        refused(w, hid, ExtendDeadline("明年", "等设备"), ValidationError)
        == "新整改时限“明年”不是有效日期，应如 2026-11-03"
    )
    pid = pending(w)
    assert refused(w, pid, ExtendDeadline(day(60), "等设备")) == "隐患当前状态为“待复查”，不能延期"


# -- 重大隐患: 挂牌督办 and 摘牌 -------------------------------------------------------------------------


def test_major_hazard_is_listed_when_recorded(w: World) -> None:
    hid = w.new_hazard(level="重大隐患")
    sup = w.hazards.detail(hid).supervision
    assert (sup.listed_on, sup.unit, sup.delisted_on) == (FOUND, "区应急管理局", None)
    assert w.events(hid)[0].summary.endswith("，挂牌督办（督办单位：区应急管理局）")
    hid2 = w.new_hazard(level="重大隐患", supervision_unit="区安委办")
    assert w.hazards.detail(hid2).supervision.unit == "区安委办"


def test_closing_a_major_hazard_needs_a_supervisor_and_delists_it(w: World) -> None:
    hid = pending(w, level="重大隐患")
    msg = refused(w, hid, Review("合格", [w.inspector_ids[0]], TODAY), PermissionDenied)
    assert msg == "重大隐患须由科室负责人复查销号"
    # A plain inspector may still record a failed review.
    w.hazards.act(w.actor, hid, Review("不合格", [w.inspector_ids[0]], TODAY, "未完成", day(7)))
    w.hazards.act(w.actor, hid, ReportDone(TODAY))
    w.hazards.act(w.boss, hid, Review("合格", [w.supervisor_id, w.inspector_ids[0]], TODAY))
    d = w.hazards.detail(hid)
    assert (d.state, d.closed_on, d.supervision.delisted_on) == ("已销号", TODAY, TODAY)
    assert w.events(hid)[-1].summary == "YH2026-000001 复查合格（赵科长、张检查），销号并摘牌"
    assert w.events(hid)[-1].actor_name == "赵科长"


def test_raising_a_general_hazard_lists_it(w: World) -> None:
    hid = rectifying(w)
    w.hazards.act(w.actor, hid, RaiseToMajor("区安委办", TODAY, "涉及铝镁粉尘，可能导致重大事故"))
    d = w.hazards.detail(hid)
    assert (d.level, d.state, d.supervision.listed_on, d.supervision.unit) == (
        "重大隐患",
        "整改中",
        TODAY,
        "区安委办",
    )
    ev = w.events(hid)[-1]
    assert ev.summary == "YH2026-000001 升级为重大隐患，挂牌督办（督办单位：区安委办）"
    assert ev.after["level"] == "重大隐患" and ev.after["reason"].startswith("涉及铝镁粉尘")
    assert refused(w, hid, RaiseToMajor("区安委办")) == "该隐患已是重大隐患"
    hid2 = w.new_hazard()
    assert refused(w, hid2, RaiseToMajor(" "), ValidationError) == "督办单位不能为空"


# -- 已销号 never reopens --------------------------------------------------------------------------


def test_closed_hazard_refuses_every_change_but_notes_and_photos(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(w.actor, hid, RectifyOnSpot())
    commands = {
        "填写整改方案": SavePlan(full_plan()),
        "开始整改": StartRectification(full_plan()),
        "登记整改完成": ReportDone(),
        "复查": Review("合格", [w.inspector_ids[0]]),
        "立查立改": RectifyOnSpot(),
        "延期": ExtendDeadline(day(60), "理由"),
        "升级为重大隐患": RaiseToMajor("区安委办"),
        "修改隐患信息": EditDetails(HazardDetails("别处", "别的", "现场管理")),
    }
    for label, command in commands.items():
        assert refused(w, hid, command, actor=w.boss) == f"隐患已销号，不能{label}；如需更正，请追加说明"
    w.hazards.act(w.actor, hid, AddNote("部位应为2号车间，原记录笔误"))
    w.hazards.act(w.actor, hid, AddPhotos([PhotoInput("整改后", JPEG, filename="after.jpg")]))
    h = w.hazard(hid)
    assert h.state == "已销号"
    assert h.notes == "2026-11-16 张检查：部位应为2号车间，原记录笔误"
    assert [e.action for e in w.events(hid)] == ["create", "rectify_on_spot", "add_note", "add_photos"]
    assert refused(w, hid, AddNote("  "), ValidationError) == "说明内容不能为空"


def test_edit_details_while_open(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(
        w.actor, hid, EditDetails(HazardDetails("2号车间", "除尘器未接地", "现场管理", "电气", "GB 15577"))
    )
    d = w.hazards.detail(hid)
    assert (d.location, d.description, d.subcategory) == ("2号车间", "除尘器未接地", "电气")
    assert w.events(hid)[-1].summary == "YH2026-000001 修改隐患信息：隐患部位、隐患描述、隐患子类、依据"
    # Saving the same values again is no change: no event, no new version.
    before = _state(w, hid)
    w.hazards.act(w.actor, hid, EditDetails(d.details()))
    assert _state(w, hid) == before
    msg = refused(w, hid, EditDetails(HazardDetails("", "x", "现场管理", "财务")), ValidationError)
    assert msg == "隐患部位不能为空；隐患子类“财务”无效，可选：" + "、".join(
        (
            "设备设施",
            "作业环境",
            "特殊作业",
            "电气",
            "消防",
            "危化品储存",
            "粉尘防爆",
            "燃气",
            "工艺管理",
            "其他现场管理",
        )
    )


# -- who may do what ------------------------------------------------------------------------------


def test_allowed_actions_per_state() -> None:
    boss = Actor(1, "赵科长", is_supervisor=True)
    inspector = Actor(2, "张检查")
    A = Action
    general = lambda state, deadline=date(2026, 12, 1): HazardFacts(state, "一般隐患", deadline)  # noqa: E731
    assert allowed_actions(general("待整改", None), inspector) == [
        A.SAVE_PLAN,
        A.START,
        A.RECTIFY_ON_SPOT,
        A.RAISE_TO_MAJOR,
        A.EDIT,
        A.ONSITE_MEASURES,
        A.ADD_NOTE,
        A.ADD_PHOTOS,
    ]
    assert allowed_actions(general("待整改"), inspector) == [
        A.SAVE_PLAN,
        A.START,
        A.RECTIFY_ON_SPOT,
        A.EXTEND,
        A.RAISE_TO_MAJOR,
        A.EDIT,
        A.ONSITE_MEASURES,
        A.ADD_NOTE,
        A.ADD_PHOTOS,
    ]
    assert allowed_actions(general("整改中"), inspector) == [
        A.SAVE_PLAN,
        A.REPORT_DONE,
        A.EXTEND,
        A.RAISE_TO_MAJOR,
        A.EDIT,
        A.ONSITE_MEASURES,
        A.ADD_NOTE,
        A.ADD_PHOTOS,
    ]
    assert allowed_actions(general("待复查"), inspector) == [
        A.REVIEW,
        A.RAISE_TO_MAJOR,
        A.EDIT,
        A.ONSITE_MEASURES,
        A.ADD_NOTE,
        A.ADD_PHOTOS,
    ]
    assert allowed_actions(general("已销号"), boss) == [A.ADD_NOTE, A.ADD_PHOTOS]
    major = HazardFacts("待整改", "重大隐患", date(2026, 12, 1))
    assert A.RECTIFY_ON_SPOT not in allowed_actions(major, boss)
    assert A.RAISE_TO_MAJOR not in allowed_actions(major, boss)
    pending_major = HazardFacts("待复查", "重大隐患", date(2026, 12, 1))
    assert not may_close(pending_major, inspector) and may_close(pending_major, boss)
    assert may_close(general("待复查"), inspector)


def test_service_offers_the_same_actions(w: World) -> None:
    hid = pending(w)
    assert w.hazards.actions(hid, w.actor) == allowed_actions(w.hazards.detail(hid).facts, w.actor)


# -- 逾期 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "deadline", "expected"),
    [
        ("整改中", date(2026, 11, 16), False),  # the deadline day itself is still in time
        ("整改中", date(2026, 11, 15), True),  # one day past
        ("待整改", date(2026, 11, 15), True),
        ("待复查", date(2026, 11, 15), True),
        ("已销号", date(2026, 11, 1), False),  # closed is never overdue
        ("待整改", None, False),  # no deadline yet
        ("整改中", date(2026, 11, 17), False),
    ],
)
def test_overdue_rule_at_the_boundary(state: str, deadline: date | None, expected: bool) -> None:
    assert is_overdue(state, deadline, TODAY) is expected


def test_overdue_sql_agrees_with_python_at_the_boundary(w: World) -> None:
    """Same hazards, walking the clock across the deadline: the filter and the rule agree."""
    a = rectifying(w)  # deadline day(14)
    b = w.new_hazard(deadline=day(15))
    c = w.new_hazard()  # no deadline
    d = w.new_hazard(deadline=day(14))
    w.hazards.act(w.actor, d, RectifyOnSpot())
    for offset, expected in [(13, set()), (14, set()), (15, {a}), (16, {a, b})]:
        w.clock.today = day(offset)
        rows = w.hazards.page(HazardFilter(overdue_only=True), 0, 10)
        assert {r.id for r in rows} == expected
        assert all(r.is_overdue for r in rows)
        assert w.hazards.count(HazardFilter(overdue_only=True)) == len(expected)
        for hid in (a, b, c, d):
            h = w.hazard(hid)
            assert is_overdue(h.state, h.deadline, w.clock.today) is (hid in expected)
    assert days_left("整改中", day(14), day(16)) == -2
    assert days_left("已销号", day(14), day(16)) is None


# -- optimistic locking -----------------------------------------------------------------------------


def test_stale_version_is_refused_with_a_chinese_message(w: World) -> None:
    hid = w.new_hazard()
    seen = w.hazards.detail(hid).version
    w.hazards.act(w.actor, hid, SavePlan(full_plan()), version=seen)
    before = _state(w, hid)
    with pytest.raises(ConcurrentEditError) as info:
        w.hazards.act(w.actor, hid, StartRectification(), version=seen)
    msg = str(info.value)
    assert msg == "该隐患已被他人修改，请刷新后重试"
    assert _state(w, hid) == before


def test_version_column_detects_a_concurrent_update(w: World) -> None:
    """Another writer bumps the row between our read and our write: the ORM's UPDATE matches nothing."""
    hid = w.new_hazard()
    with pytest.raises(StaleDataError), w.db.transaction() as s:
        h = s.get(Hazard, hid)
        s.execute(Hazard.__table__.update().where(Hazard.id == hid).values(version=Hazard.version + 1))
        h.notes = "mine"
        s.flush()


def test_stale_data_at_flush_becomes_concurrent_edit_error(w: World, monkeypatch: pytest.MonkeyPatch) -> None:
    hid = w.new_hazard()

    def racing_transition(*args, **kwargs):
        raise StaleDataError(
            "UPDATE statement on table 'hazards' expected to update 1 row(s); 0 were matched."
        )

    monkeypatch.setattr(hazards_module, "transition", racing_transition)
    with pytest.raises(ConcurrentEditError, match="该隐患已被他人修改"):
        w.hazards.act(w.actor, hid, AddNote("x"))


def test_supervision_rows_are_unique_per_hazard(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(w.actor, hid, RaiseToMajor("区安委办"))
    with w.db.reading() as s:
        assert len(s.scalars(select(Supervision).where(Supervision.hazard_id == hid)).all()) == 1
