"""现场检查方案: drafted, 审核 and 审批 by 科室负责人 only, numbered on approval as the first
document of the chain, and the visit logged from it shares that serial."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.documents import InspectionSchemeDoc
from inspector.core.enums import DocumentKind, SchemeState
from inspector.core.errors import ConcurrentEditError, DomainError, PermissionDenied, ValidationError
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.schemes import SchemeDecision, SchemeFilter, SchemeInput
from inspector.db.engine import Database
from inspector.db.models import Campaign, Document, Draw, DrawEntry, InspectorConflict
from tests.factories import enterprise_input

DAY = date(2026, 3, 2)
VISIT = date(2026, 3, 5)
AGREE = SchemeDecision(True, "同意按此方案实施检查。")


@dataclass
class Office:
    s: Services
    eid: int
    zhang: Actor  # 检查员, 执法证
    li: Actor  # 检查员, 执法证
    wang: Actor  # 检查员 without a 执法证号
    zhao: Actor  # 科室负责人
    qian: Actor  # 科室负责人


@pytest.fixture
def office(db: Database) -> Office:
    clock = [DAY]
    s = Services.on(db, clock=lambda: clock[0])
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    ids = [
        s.inspectors.create(SYSTEM, InspectorInput("张明", "32041100001")),
        s.inspectors.create(SYSTEM, InspectorInput("李强", "32041100002")),
        s.inspectors.create(SYSTEM, InspectorInput("王五")),
        s.inspectors.create(SYSTEM, InspectorInput("赵科长", "32041100009", role="科室负责人")),
    ]
    zhao = s.inspectors.actor_for(ids[3])
    ids.append(s.inspectors.create(zhao, InspectorInput("钱科长", "32041100010", role="科室负责人")))
    return Office(s, eid, *(s.inspectors.actor_for(i) for i in ids))


def form(o: Office, **overrides: object) -> SchemeInput:
    data = o.s.schemes.propose(o.eid, planned_on=VISIT)
    data.inspector1_id, data.inspector2_id = o.zhang.id, o.li.id
    return replace(data, **overrides)  # type: ignore[arg-type]  # the test's field overrides


def approved(o: Office) -> tuple[int, str]:
    sid = o.s.schemes.create(o.zhang, form(o))
    o.s.schemes.submit(o.zhang, sid)
    o.s.schemes.review(o.zhao, sid, SchemeDecision(True, "同意。"))
    issued = o.s.schemes.approve(o.qian, sid, AGREE)
    assert issued is not None
    return sid, issued.number


def visit(o: Office, scheme_id: int | None, on: date = VISIT, eid: int | None = None) -> InspectionInput:
    return InspectionInput(
        enterprise_id=eid or o.eid,
        inspected_on=on,
        kind="执法检查",
        inspector_ids=[o.zhang.id or 0, o.li.id or 0],
        start_time="09:00",
        end_time="10:30",
        scheme_id=scheme_id,
    )


def test_the_proposal_comes_from_the_enterprise(office: Office) -> None:
    data = office.s.schemes.propose(office.eid, planned_on=VISIT)
    assert data.contact == "王建国 0519-85123456"
    assert data.method == "现场检查、查阅资料、询问有关人员"
    assert data.content and data.planned_on == VISIT


def test_lifecycle_numbers_the_scheme_and_the_visit_shares_its_serial(office: Office) -> None:
    o = office
    sid = o.s.schemes.create(o.zhang, form(o, remarks="请携带执法记录仪。"))
    assert o.s.schemes.get(sid).state == SchemeState.DRAFT
    o.s.schemes.submit(o.zhang, sid)
    assert [r.id for r in o.s.schemes.rows(SchemeFilter(waiting=True))] == [sid]
    o.s.schemes.review(o.zhao, sid, SchemeDecision(True, "内容完整，同意。"))
    detail = o.s.schemes.get(sid)
    assert (detail.state, detail.reviewer, detail.reviewed_on) == (SchemeState.REVIEWED, "赵科长", DAY)
    issued = o.s.schemes.approve(o.qian, sid, AGREE)
    assert issued is not None and issued.number == "（新北）应急检查〔2026〕1号"
    content = issued.content
    assert isinstance(content, InspectionSchemeDoc) and not content.draft
    assert (content.reviewer, content.approver, content.approved_on) == ("赵科长", "钱科长", DAY)
    assert [p.name for p in content.officers] == ["张明", "李强"]
    detail = o.s.schemes.get(sid)
    assert (detail.state, detail.number, detail.document_id) == (
        SchemeState.APPROVED,
        issued.number,
        issued.id,
    )
    assert [r.id for r in o.s.schemes.rows(SchemeFilter(usable=True))] == [sid]

    # another visit meanwhile draws the next serial: the 方案's own stays reserved
    other = o.s.inspections.record(o.zhang, replace(visit(o, None, on=DAY), kind="日常检查"))
    assert o.s.documents.issue_inspection_record(o.zhang, other.id).number == "（新北）应急检记〔2026〕2号"

    recorded = o.s.inspections.record(o.zhang, visit(o, sid, on=DAY))
    record = o.s.documents.issue_inspection_record(o.zhang, recorded.id)
    assert record.number == "（新北）应急检记〔2026〕1号"
    assert o.s.schemes.get(sid).inspection_id == recorded.id
    assert o.s.schemes.rows(SchemeFilter(usable=True)) == []

    again = o.s.documents.reprint(o.zhang, issued.id)
    assert again.number == issued.number and again.content == issued.content
    assert o.s.schemes.preview(sid) == issued.content
    actions = [e.action for e in o.s.schemes.get(sid).timeline]
    assert actions == ["create", "submit", "review", "approve", "visit"]
    assert [r.kind for r in o.s.documents.of_enterprise(o.eid)].count(DocumentKind.INSPECTION_PLAN) == 1


def test_a_checker_can_neither_review_nor_approve(office: Office) -> None:
    o = office
    sid = o.s.schemes.create(o.zhang, form(o))
    o.s.schemes.submit(o.zhang, sid)
    for who in (o.zhang, o.li, SYSTEM):
        with pytest.raises(PermissionDenied, match="须由科室负责人审核"):
            o.s.schemes.review(who, sid, AGREE)
    # a forged flag changes nothing: the registry says 张明 is a 检查员
    forged = Actor(o.zhang.id, "张明", is_supervisor=True)
    with pytest.raises(PermissionDenied):
        o.s.schemes.review(forged, sid, AGREE)
    assert o.s.schemes.get(sid).state == SchemeState.SUBMITTED
    o.s.schemes.review(o.zhao, sid, AGREE)
    for who in (o.zhang, forged, SYSTEM):
        with pytest.raises(PermissionDenied, match="须由科室负责人审批"):
            o.s.schemes.approve(who, sid, AGREE)
    detail = o.s.schemes.get(sid)
    assert (detail.state, detail.number, detail.approver) == (SchemeState.REVIEWED, "", "")
    assert not o.s.schemes.may_decide(o.zhang) and o.s.schemes.may_decide(o.zhao)


def test_the_approver_is_not_the_reviewer_unless_the_office_has_one_supervisor(office: Office) -> None:
    o = office
    sid = o.s.schemes.create(o.zhang, form(o))
    o.s.schemes.submit(o.zhang, sid)
    o.s.schemes.review(o.zhao, sid, AGREE)
    with pytest.raises(PermissionDenied, match="审批人不能与审核人为同一人"):
        o.s.schemes.approve(o.zhao, sid, AGREE)
    assert o.qian.id is not None
    o.s.inspectors.set_active(o.zhao, o.qian.id, False)  # 钱科长 leaves: 赵科长 is the only one
    issued = o.s.schemes.approve(o.zhao, sid, AGREE)
    assert issued is not None
    content = issued.content
    assert isinstance(content, InspectionSchemeDoc) and content.reviewer == content.approver == "赵科长"


def test_returned_schemes_are_edited_and_submitted_again(office: Office) -> None:
    o = office
    sid = o.s.schemes.create(o.zhang, form(o))
    with pytest.raises(DomainError, match="不能审核"):
        o.s.schemes.review(o.zhao, sid, AGREE)  # still a draft
    o.s.schemes.submit(o.zhang, sid)
    with pytest.raises(ValidationError) as e:
        o.s.schemes.review(o.zhao, sid, SchemeDecision(False, "  "))
    assert e.value.errors[0].field == "opinion"
    o.s.schemes.review(o.zhao, sid, SchemeDecision(False, "检查内容不具体，请补充。"))
    detail = o.s.schemes.get(sid)
    assert (detail.state, detail.review_opinion) == (SchemeState.RETURNED, "检查内容不具体，请补充。")
    o.s.schemes.update(o.zhang, sid, replace(detail.data, content="粉尘防爆专项检查。"), detail.version)
    with pytest.raises(ConcurrentEditError):
        o.s.schemes.update(o.zhang, sid, detail.data, detail.version)  # the form was stale
    o.s.schemes.submit(o.zhang, sid)
    detail = o.s.schemes.get(sid)
    assert (detail.state, detail.review_opinion, detail.reviewer) == (SchemeState.SUBMITTED, "", "")
    o.s.schemes.review(o.zhao, sid, AGREE)
    assert o.s.schemes.approve(o.qian, sid, SchemeDecision(False, "检查时间与专项行动冲突。")) is None
    detail = o.s.schemes.get(sid)
    assert detail.state == SchemeState.RETURNED and detail.approval_opinion == "检查时间与专项行动冲突。"
    with pytest.raises(DomainError, match="不能审批"):
        o.s.schemes.approve(o.qian, sid, AGREE)


def test_the_form_names_every_wrong_field(office: Office, db: Database) -> None:
    o = office
    with db.transaction() as s:
        s.add(InspectorConflict(inspector_id=o.li.id, enterprise_id=o.eid, reason="亲属", declared_on=DAY))
    bad = form(o, planned_on=DAY - timedelta(days=1), inspector2_id=o.li.id, content=" ", method="")
    with pytest.raises(ValidationError) as e:
        o.s.schemes.create(o.zhang, bad)
    fields = {x.field: x.message for x in e.value.errors}
    assert set(fields) == {"planned_on", "inspector2_id", "content", "method"}
    assert "回避" in fields["inspector2_id"]
    with pytest.raises(ValidationError) as e:
        o.s.schemes.create(o.zhang, form(o, inspector2_id=o.zhang.id))
    assert e.value.for_field("inspector2_id") == "两名执法人员不能是同一人"
    with pytest.raises(ValidationError) as e:
        o.s.schemes.create(o.zhang, form(o, inspector2_id=o.wang.id))
    assert "未登记执法证号" in (e.value.for_field("inspector2_id") or "")


def test_a_visit_is_logged_only_from_an_approved_unused_scheme_of_its_enterprise(office: Office) -> None:
    o = office
    draft = o.s.schemes.create(o.zhang, form(o))
    with pytest.raises(ValidationError) as e:
        o.s.inspections.record(o.zhang, visit(o, draft, on=DAY))
    assert e.value.errors[0].field == "scheme_id" and "须经审批" in e.value.errors[0].message
    sid, _number = approved(o)
    other = o.s.enterprises.create(SYSTEM, enterprise_input(2))
    with pytest.raises(ValidationError, match="被检查单位与本次检查不一致"):
        o.s.inspections.record(o.zhang, visit(o, sid, on=DAY, eid=other))
    with pytest.raises(ValidationError, match="早于方案审批日期"):
        o.s.inspections.record(o.zhang, visit(o, sid, on=DAY - timedelta(days=1)))
    o.s.inspections.record(o.zhang, visit(o, sid, on=DAY))
    with pytest.raises(ValidationError, match="已登记过检查"):
        o.s.inspections.record(o.zhang, visit(o, sid, on=DAY))


def test_a_scheme_whose_day_has_passed_is_not_approved(office: Office) -> None:
    o = office
    sid = o.s.schemes.create(o.zhang, form(o, planned_on=DAY))
    o.s.schemes.submit(o.zhang, sid)
    o.s.schemes.review(o.zhao, sid, AGREE)
    later = Services.on(o.s.db, clock=lambda: DAY + timedelta(days=1))
    with pytest.raises(DomainError, match="已过"):
        later.schemes.approve(o.qian, sid, AGREE)


def test_a_draw_and_a_campaign_prefill_the_people_and_the_content(office: Office, db: Database) -> None:
    o = office
    with db.transaction() as s:
        campaign = Campaign(
            title="涉爆粉尘企业全覆盖检查",
            basis="区安委办〔2026〕3号",
            target={"kind": "ids", "ids": [o.eid]},
            starts_on=DAY,
            deadline=DAY + timedelta(days=28),
        )
        draw = Draw(
            seed="42",
            count=1,
            pool=[o.eid],
            inspector_pool=[o.zhang.id, o.li.id],
            options={},
            digest="0" * 64,
            drawn_at=datetime(2026, 3, 1, 9),
            entries=[
                DrawEntry(position=1, enterprise_id=o.eid, inspector1_id=o.li.id, inspector2_id=o.zhang.id)
            ],
        )
        s.add_all([campaign, draw])
        s.flush()
        campaign_id, entry_id = campaign.id, draw.entries[0].id
    data = o.s.schemes.propose(o.eid, planned_on=VISIT, campaign_id=campaign_id, draw_entry_id=entry_id)
    assert (data.inspector1_id, data.inspector2_id) == (o.li.id, o.zhang.id)
    assert data.content.startswith("涉爆粉尘企业全覆盖检查。") and "区安委办〔2026〕3号" in data.content
    assert "双随机" in data.remarks
    sid = o.s.schemes.create(o.zhang, data)
    row = o.s.schemes.rows()[0]
    assert row.id == sid and row.source == "双随机抽查"
    with db.reading() as s:
        assert s.scalar(select(Document.id)) is None  # nothing issued before approval
