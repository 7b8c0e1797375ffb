"""Issuing 执法文书 along the chain: dates and numbers of the visit, snapshots, two officers."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from inspector.core import audit
from inspector.core.audit import SYSTEM, Actor
from inspector.core.documents import (
    DocumentService,
    OnsiteDecisionDoc,
    RectificationOrderDoc,
    ReviewOpinionDoc,
    from_payload,
    to_payload,
)
from inspector.core.errors import DomainError, NotFoundError
from inspector.core.office import NOT_CONFIGURED, OfficeService
from inspector.db.models import AuditEvent, Document, Hazard, Inspection, Inspector, Sequence
from tests.conftest import clear_office
from tests.reports import builders as b

DAY = date(2026, 11, 22)


@pytest.fixture
def documents(db) -> DocumentService:
    return DocumentService(db)


def test_order_is_dated_the_visit_day_and_numbered_in_the_visit_chain(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3, on=date(2026, 9, 3))
    issued = documents.issue_rectification_order(actor, case.inspection_id)

    assert issued.number == "（新北）应急责改〔2026〕1号"
    assert issued.issued_on == date(2026, 9, 3)  # the visit's day, whatever day it is printed
    assert not issued.reprint
    content = issued.content
    assert isinstance(content, RectificationOrderDoc)
    assert content.issued_on == date(2026, 9, 3)
    assert [h.number for h in content.hazards] == case.hazard_numbers
    assert [h.deadline for h in content.hazards] == case.deadlines
    assert content.deadline_groups() == [(d, (i,)) for i, d in enumerate(case.deadlines, 1)]
    assert [o.certificate_no for o in content.officers] == ["32041100123", "32041100456"]
    assert content.authority.name == "常州市新北区应急管理局"
    assert content.authority.address == "常州市新北区锦绣路2号"


def test_one_visit_shares_one_serial_each_kind_with_its_own_word(db, documents, actor) -> None:
    with db.transaction() as s:
        first = b.order_case(s, n_hazards=1)
        second = b.order_case(s, n_hazards=1, n=2)
        s.get(Hazard, second.hazard_ids[0]).onsite_measures = "责令从危险区域内撤出作业人员"
    assert (
        documents.issue_rectification_order(actor, second.inspection_id).number
        == "（新北）应急责改〔2026〕1号"
    )
    assert (
        documents.issue_inspection_record(actor, first.inspection_id).number == "（新北）应急检记〔2026〕2号"
    )
    assert (
        documents.issue_inspection_record(actor, second.inspection_id).number == "（新北）应急检记〔2026〕1号"
    )
    assert (
        documents.issue_onsite_decision(actor, second.inspection_id).number == "（新北）应急现决〔2026〕1号"
    )
    assert (
        documents.issue_rectification_order(actor, first.inspection_id).number
        == "（新北）应急责改〔2026〕2号"
    )
    with db.reading() as s:
        serials = dict(s.execute(select(Inspection.id, Inspection.doc_serial)).all())
    assert serials == {second.inspection_id: 1, first.inspection_id: 2}


def test_the_year_in_the_number_is_the_visit_year(db, documents, actor) -> None:
    with db.transaction() as s:
        december = b.order_case(s, n_hazards=1, on=date(2026, 12, 30))
        january = b.order_case(s, n_hazards=1, n=2, on=date(2027, 1, 4))
    assert (
        documents.issue_rectification_order(actor, january.inspection_id).number
        == "（新北）应急责改〔2027〕1号"
    )
    late = documents.issue_rectification_order(actor, december.inspection_id)  # printed in January
    assert late.number == "（新北）应急责改〔2026〕1号"
    assert late.issued_on == date(2026, 12, 30)


def test_reprint_returns_the_same_document_and_number_and_is_audited(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    first = documents.issue_rectification_order(actor, case.inspection_id)
    with db.transaction() as s:  # the hazard is edited after the order was served
        s.get(Hazard, case.hazard_ids[0]).description = "改过的描述"
    again = documents.issue_rectification_order(actor, case.inspection_id)

    assert again.reprint
    assert (again.id, again.number, again.issued_on) == (first.id, first.number, first.issued_on)
    assert again.content == first.content  # the frozen text, not the edited one
    with db.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == 1
        actions = [e.action for e in audit.history(s, "document", first.id)]
    assert actions == ["issue", "reprint"]


def test_order_printed_after_an_extension_and_a_failed_review_shows_the_ordered_deadlines(
    db, documents, actor
) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, on=date(2026, 9, 3))
        people = list(s.scalars(select(Inspector)))
        h1, h2 = (s.get(Hazard, i) for i in case.hazard_ids)
        b.extension(s, h1, date(2027, 1, 10), at=datetime(2026, 11, 1, 9, 0))
        failed = b.reinspection(
            s, h2, date(2026, 12, 3), people, result="不合格", opinion="未完成", new_deadline=date(2027, 2, 1)
        )
        failed.previous_deadline = h2.deadline
        h2.deadline = date(2027, 2, 1)
    order = documents.issue_rectification_order(actor, case.inspection_id)
    assert isinstance(order.content, RectificationOrderDoc)
    assert [h.deadline for h in order.content.hazards] == case.deadlines  # as ordered on 9-3
    assert order.issued_on == date(2026, 9, 3)


def test_numbers_never_repeat_over_many_documents(db, documents, actor) -> None:
    with db.transaction() as s:
        cases = [b.order_case(s, n_hazards=1, n=n) for n in range(1, 31)]
    numbers = []
    for case in cases:
        numbers.append(documents.issue_rectification_order(actor, case.inspection_id).number)
        numbers.append(documents.issue_inspection_record(actor, case.inspection_id).number)
    for case in cases[::3]:  # reprints in between must not consume numbers
        documents.issue_rectification_order(actor, case.inspection_id)

    assert len(numbers) == len(set(numbers)) == 60
    assert [n for n in numbers if "责改" in n] == [f"（新北）应急责改〔2026〕{i}号" for i in range(1, 31)]
    with db.reading() as s:
        stored = list(s.scalars(select(Document.number)))
    assert len(stored) == len(set(stored)) == 60


def test_a_number_printed_before_is_never_printed_again(db, documents, actor) -> None:
    """An old document (from before chains, or under an old prefix) holds 〔2026〕1号 already."""
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
        ent = s.get(Hazard, case.hazard_ids[0]).enterprise_id
        s.add(
            Document(
                kind="责令限期整改指令书",
                year=2026,
                seq=90,
                serial=1,
                sub=1,
                number="（新北）应急责改〔2026〕1号",
                issued_on=DAY,
                enterprise_id=ent,
                payload={},
            )
        )
    issued = documents.issue_rectification_order(actor, case.inspection_id)
    assert issued.number == "（新北）应急责改〔2026〕1-2号"


def test_failed_issue_gives_no_document_and_burns_no_number(db, documents, actor) -> None:
    with db.transaction() as s:
        ent = b.enterprise(s, 1)
        insp = b.inspection(s, ent, b.officers(s), DAY)
        b.hazard(s, ent, DAY, insp=insp, deadline=None)
        ok = b.order_case(s, n_hazards=1, n=2)
    with pytest.raises(DomainError, match="尚未确定整改期限"):
        documents.issue_rectification_order(actor, insp.id)
    assert (
        documents.issue_rectification_order(actor, ok.inspection_id).number == "（新北）应急责改〔2026〕1号"
    )
    with db.reading() as s:
        assert s.get(Inspection, insp.id).doc_serial is None


def test_two_officers_with_certificates_are_required(db, documents, actor) -> None:
    with db.transaction() as s:
        ent = b.enterprise(s, 1)
        alone = b.inspection(s, ent, [b.inspector(s, "张明", "32041100123")], DAY)
        b.hazard(s, ent, DAY, insp=alone, deadline=date(2026, 12, 1))
        pair = b.inspection(s, ent, [s.get(Inspector, 1), b.inspector(s, "王新", "")], DAY)
        b.hazard(s, ent, DAY, insp=pair, deadline=date(2026, 12, 1))
    with pytest.raises(DomainError) as err:
        documents.issue_rectification_order(actor, alone.id)
    assert "须有两名持执法证的执法人员" in err.value.message
    assert "只登记了1名检查人员" in err.value.message
    with pytest.raises(DomainError) as err:
        documents.issue_inspection_record(actor, pair.id)
    assert "王新未登记执法证号" in err.value.message
    with db.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == 0


def test_order_leaves_out_hazards_rectified_on_the_spot(db, documents, actor) -> None:
    with db.transaction() as s:
        ent = b.enterprise(s, 1)
        insp = b.inspection(s, ent, b.officers(s), DAY)
        spot = b.hazard(
            s, ent, DAY, insp=insp, on_spot=True, state="已销号", closed_on=DAY, description="通道堆放杂物"
        )
        kept = b.hazard(s, ent, DAY, insp=insp, deadline=date(2026, 12, 10))
    order = documents.issue_rectification_order(actor, insp.id)
    record = documents.issue_inspection_record(actor, insp.id)
    assert order.hazard_ids == (kept.id,)
    assert set(record.hazard_ids) == {spot.id, kept.id}

    with db.transaction() as s:
        ent2 = b.enterprise(s, 2)
        insp2 = b.inspection(s, ent2, b.officers(s), DAY)
        b.hazard(s, ent2, DAY, insp=insp2, on_spot=True, state="已销号", closed_on=DAY)
    with pytest.raises(DomainError, match="没有需要限期整改的隐患"):
        documents.issue_rectification_order(actor, insp2.id)


def test_onsite_decision_lists_the_hazards_given_measures(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3)
        s.get(
            Hazard, case.hazard_ids[1]
        ).onsite_measures = "责令从危险区域内撤出作业人员；责令停止使用相关设施、设备"
        s.get(Hazard, case.hazard_ids[2]).onsite_measures = "责令从危险区域内撤出作业人员"
    decision = documents.issue_onsite_decision(actor, case.inspection_id)
    content = decision.content
    assert isinstance(content, OnsiteDecisionDoc)
    assert [i.number for i in content.items] == case.hazard_numbers[1:]
    assert content.measures() == ("责令从危险区域内撤出作业人员", "责令停止使用相关设施、设备")
    assert decision.issued_on == DAY
    assert "第六十五条第一款第（三）项" in content.basis

    with db.transaction() as s:
        other = b.order_case(s, n_hazards=1, n=2)
    with pytest.raises(DomainError, match="没有需要现场处理措施的隐患"):
        documents.issue_onsite_decision(actor, other.inspection_id)


def test_each_review_keeps_its_own_opinion_dated_that_day(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3)
    order = documents.issue_rectification_order(actor, case.inspection_id)
    with db.transaction() as s:
        people = list(s.scalars(select(Inspector)))
        h1, h2, h3 = (s.get(Hazard, i) for i in case.hazard_ids)
        b.reinspection(s, h1, date(2026, 12, 3), people, opinion="已整改")
        failed = b.reinspection(
            s,
            h2,
            date(2026, 12, 3),
            people,
            result="不合格",
            opinion="联锁仍未投用",
            new_deadline=date(2026, 12, 20),
        )
        b.reinspection(s, h3, date(2026, 12, 9), people)  # another visit: another opinion
        passed_later = b.reinspection(s, h2, date(2026, 12, 19), people, opinion="联锁已投用")
    review = documents.issue_review_opinion(actor, case.hazard_ids[1], failed.id)

    assert review.number == "（新北）应急复查〔2026〕1号"  # the order's serial
    assert review.issued_on == date(2026, 12, 3)  # the day of that re-inspection
    assert review.refers_to_id == order.id
    content = review.content
    assert isinstance(content, ReviewOpinionDoc)
    assert (content.order_number, content.order_issued_on) == (order.number, DAY)
    assert [(i.number, i.result, i.order_item) for i in content.items] == [
        (case.hazard_numbers[0], "合格", 1),
        (case.hazard_numbers[1], "不合格", 2),
    ]
    assert content.new_deadline == date(2026, 12, 20)

    same = documents.issue_review_opinion(actor, case.hazard_ids[0])
    assert same.reprint and same.number == review.number
    later = documents.issue_review_opinion(actor, case.hazard_ids[2])
    assert later.number == "（新北）应急复查〔2026〕1-2号"
    assert later.issued_on == date(2026, 12, 9)
    final = documents.issue_review_opinion(actor, case.hazard_ids[1], passed_later.id)
    assert final.number == "（新北）应急复查〔2026〕1-3号"
    assert [i.result for i in final.content.items] == ["合格"]
    # The failed one still prints as it was, after the pass.
    assert documents.issue_review_opinion(actor, case.hazard_ids[1], failed.id).content == content


def test_review_opinion_needs_a_reinspection_an_order_and_two_certified_reviewers(
    db, documents, actor
) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    with pytest.raises(DomainError, match="还没有复查记录"):
        documents.issue_review_opinion(actor, case.hazard_ids[0])
    with db.transaction() as s:
        one = s.scalars(select(Inspector)).first()
        b.reinspection(s, s.get(Hazard, case.hazard_ids[0]), date(2026, 12, 3), [one])
    with pytest.raises(DomainError, match="未列入任何责令限期整改指令书"):
        documents.issue_review_opinion(actor, case.hazard_ids[0])
    documents.issue_rectification_order(actor, case.inspection_id)
    with pytest.raises(DomainError, match="2026-12-03的复查只登记了1名检查人员"):
        documents.issue_review_opinion(actor, case.hazard_ids[0])
    with pytest.raises(NotFoundError):
        documents.issue_review_opinion(actor, 999_999)
    with pytest.raises(NotFoundError):
        documents.issue_rectification_order(actor, 999_999)


def test_issue_writes_an_audit_event_with_the_number(db, documents) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
        officer_id = s.scalar(select(Inspector.id).limit(1))
    who = Actor(id=officer_id, name="张明")
    issued = documents.issue_rectification_order(who, case.inspection_id)
    with db.reading() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.entity_type == "document"))
        doc = s.get(Document, issued.id)
        assert doc.issued_by_id == officer_id
    assert event.action == "issue"
    assert event.actor_name == "张明"
    assert issued.number in event.summary
    assert event.after["hazards"] == case.hazard_numbers


def test_payload_round_trips_and_old_snapshots_still_decode(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, with_photos=True)
    issued = documents.issue_inspection_record(actor, case.inspection_id)
    payload = to_payload(issued.content)
    assert payload["payload_version"] == 2
    assert from_payload(payload) == issued.content
    assert documents.get(issued.id).content == issued.content
    assert len(documents.photo_bytes(issued.content)) == 2
    old = dict(payload, payload_version=1)
    old["authority"] = {"name": "常州市新北区应急管理局", "reconsideration_body": "某政府", "court": "某法院"}
    for h in old["hazards"]:
        del h["onsite_measures"]
    decoded = from_payload(old)
    assert decoded.authority.address == "" and decoded.authority.court == "某法院"


def test_a_changed_office_changes_new_documents_only(db, documents, actor) -> None:
    with db.transaction() as s:
        first = b.order_case(s, n_hazards=1)
        second = b.order_case(s, n_hazards=1, n=2)
    old = documents.issue_rectification_order(actor, first.inspection_id)
    OfficeService(db).update(
        SYSTEM,
        authority="常州市武进区应急管理局",
        prefix="武进",
        word_order="武应急责改",
        reconsideration_government="常州市武进区人民政府",
        court="常州市武进区人民法院",
    )
    new = documents.issue_rectification_order(actor, second.inspection_id)
    assert new.number == "（武进）武应急责改〔2026〕2号"
    assert new.content.authority.name == "常州市武进区应急管理局"
    again = documents.issue_rectification_order(actor, first.inspection_id)
    assert again.number == old.number == "（新北）应急责改〔2026〕1号"
    assert again.content.authority.name == "常州市新北区应急管理局"


def test_nothing_is_issued_before_the_office_is_set_up(db, documents, actor) -> None:
    clear_office(db)
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    with pytest.raises(DomainError) as err:
        documents.issue_rectification_order(actor, case.inspection_id)
    assert err.value.message == NOT_CONFIGURED
    with db.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == 0
        assert s.scalar(select(func.count()).select_from(Sequence).where(Sequence.name == "chain")) == 0


def test_documents_of_an_enterprise_newest_first(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    record = documents.issue_inspection_record(actor, case.inspection_id)
    order = documents.issue_rectification_order(actor, case.inspection_id)
    rows = documents.of_enterprise(case.enterprise_id)
    assert [r.number for r in rows] == [order.number, record.number]
    assert documents.of_hazard(case.hazard_ids[0])[0].number == record.number


def test_documents_of_inspections_in_one_call(db, documents, actor) -> None:
    with db.transaction() as s:
        first = b.order_case(s, n_hazards=2)
        second = b.order_case(s, n_hazards=1, n=2)
    order = documents.issue_rectification_order(actor, first.inspection_id)
    record = documents.issue_inspection_record(actor, first.inspection_id)

    found = documents.of_inspections([first.inspection_id, second.inspection_id, first.inspection_id])

    assert list(found) == [first.inspection_id]  # the second visit has none yet
    assert [(d.kind, d.number) for d in found[first.inspection_id]] == [
        ("责令限期整改指令书", order.number),
        ("现场检查记录", record.number),
    ]
    assert documents.of_inspections([]) == {}


def test_two_inspectors_printing_at_once_get_one_document(db, actor) -> None:
    """Threads of one process on one server; tests/core/test_document_processes.py runs processes."""
    import threading

    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    barrier = threading.Barrier(4)
    results: list[str] = []
    errors: list[BaseException] = []

    def issue() -> None:
        try:
            barrier.wait()
            results.append(DocumentService(db).issue_rectification_order(actor, case.inspection_id).number)
        except BaseException as e:  # reported below, not swallowed
            errors.append(e)

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == ["（新北）应急责改〔2026〕1号"] * 4
    with db.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == 1


def test_review_opinions_printed_at_once_for_two_hazards_are_one_document(db, actor) -> None:
    import threading

    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    DocumentService(db).issue_rectification_order(actor, case.inspection_id)
    with db.transaction() as s:
        people = list(s.scalars(select(Inspector)))
        for hid in case.hazard_ids:
            b.reinspection(s, s.get(Hazard, hid), date(2026, 12, 3), people)
    barrier = threading.Barrier(2)
    numbers: list[str] = []

    def issue(hazard_id: int) -> None:
        barrier.wait()
        numbers.append(DocumentService(db).issue_review_opinion(actor, hazard_id).number)

    threads = [threading.Thread(target=issue, args=(hid,)) for hid in case.hazard_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert numbers == ["（新北）应急复查〔2026〕1号"] * 2
