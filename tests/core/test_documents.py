"""Issuing 执法文书: one number per document, never reused; reprints give the same document back."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from inspector.core import audit
from inspector.core.audit import Actor
from inspector.core.documents import (
    DocumentService,
    RectificationOrderDoc,
    ReviewOpinionDoc,
    from_payload,
    to_payload,
)
from inspector.core.enums import DocumentKind
from inspector.core.errors import DomainError, NotFoundError
from inspector.db.models import AuditEvent, Document, Hazard, Inspector
from tests.reports import builders as b

DAY = date(2026, 11, 22)


@pytest.fixture
def documents(db) -> DocumentService:
    return DocumentService(db)


def test_order_gets_the_first_number_of_the_year_with_the_default_prefix(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3)
    issued = documents.issue_rectification_order(actor, case.inspection_id, DAY)

    assert issued.number == "（新北）应急责改〔2026〕1号"
    assert issued.kind == DocumentKind.RECTIFICATION_ORDER
    assert issued.issued_on == DAY
    assert not issued.reprint
    assert set(issued.hazard_ids) == set(case.hazard_ids)
    content = issued.content
    assert isinstance(content, RectificationOrderDoc)
    assert [h.number for h in content.hazards] == case.hazard_numbers
    assert content.deadline == max(case.deadlines)
    assert content.enterprise.name == "常州市新北区测试化工有限公司1"
    assert [o.certificate_no for o in content.officers] == ["32041100123", "32041100456"]
    assert content.has_major


def test_reprint_returns_the_same_document_and_number_and_is_audited(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    first = documents.issue_rectification_order(actor, case.inspection_id, DAY)
    with db.transaction() as s:  # the hazard is edited after the order was served
        s.get(Hazard, case.hazard_ids[0]).description = "改过的描述"
    again = documents.issue_rectification_order(actor, case.inspection_id, date(2026, 12, 1))

    assert again.reprint
    assert (again.id, again.number, again.issued_on) == (first.id, first.number, first.issued_on)
    assert again.content == first.content  # the frozen text, not the edited one
    with db.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == 1
    with db.reading() as s:
        actions = [e.action for e in audit.history(s, "document", first.id)]
    assert actions == ["issue", "reprint"]


def test_record_and_order_of_one_inspection_are_numbered_per_kind(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    record = documents.issue_inspection_record(actor, case.inspection_id)
    order = documents.issue_rectification_order(actor, case.inspection_id, DAY)
    assert record.number == "（新北）应急检记〔2026〕1号"
    assert record.issued_on == DAY  # a record is dated the day of the visit
    assert order.number == "（新北）应急责改〔2026〕1号"


def test_numbers_never_repeat_over_many_documents(db, documents, actor) -> None:
    cases = []
    with db.transaction() as s:
        for n in range(1, 41):
            cases.append(b.order_case(s, n_hazards=1, n=n))
    numbers = []
    for case in cases:
        numbers.append(documents.issue_rectification_order(actor, case.inspection_id, DAY).number)
        numbers.append(documents.issue_inspection_record(actor, case.inspection_id).number)
    for case in cases[::3]:  # reprints in between must not consume numbers
        documents.issue_rectification_order(actor, case.inspection_id, DAY)
    late = documents.issue_rectification_order  # next year restarts at 1 with the year in the number

    assert len(numbers) == len(set(numbers)) == 80
    orders = [n for n in numbers if "责改" in n]
    assert orders == [f"（新北）应急责改〔2026〕{i}号" for i in range(1, 41)]
    with db.transaction() as s:
        extra = b.order_case(s, n_hazards=1, n=99)
    assert late(actor, extra.inspection_id, date(2027, 1, 4)).number == "（新北）应急责改〔2027〕1号"
    with db.reading() as s:
        stored = list(s.scalars(select(Document.number)))
    assert len(stored) == len(set(stored)) == 81


def test_failed_issue_gives_no_document_and_burns_no_number(db, documents, actor) -> None:
    with db.transaction() as s:
        ent = b.enterprise(s, 1)
        insp = b.inspection(s, ent, b.officers(s), DAY)
        b.hazard(s, ent, DAY, insp=insp, deadline=None)
        ok = b.order_case(s, n_hazards=1, n=2)
    with pytest.raises(DomainError, match="尚未确定整改期限"):
        documents.issue_rectification_order(actor, insp.id, DAY)
    assert documents.issue_rectification_order(actor, ok.inspection_id, DAY).number.endswith("〔2026〕1号")


def test_order_leaves_out_hazards_rectified_on_the_spot(db, documents, actor) -> None:
    with db.transaction() as s:
        ent = b.enterprise(s, 1)
        insp = b.inspection(s, ent, b.officers(s), DAY)
        spot = b.hazard(
            s, ent, DAY, insp=insp, on_spot=True, state="已销号", closed_on=DAY, description="通道堆放杂物"
        )
        kept = b.hazard(s, ent, DAY, insp=insp, deadline=date(2026, 12, 10))
    order = documents.issue_rectification_order(actor, insp.id, DAY)
    record = documents.issue_inspection_record(actor, insp.id)
    assert order.hazard_ids == (kept.id,)
    assert set(record.hazard_ids) == {spot.id, kept.id}

    with db.transaction() as s:
        ent2 = b.enterprise(s, 2)
        insp2 = b.inspection(s, ent2, b.officers(s), DAY)
        b.hazard(s, ent2, DAY, insp=insp2, on_spot=True, state="已销号", closed_on=DAY)
    with pytest.raises(DomainError, match="没有需要限期整改的隐患"):
        documents.issue_rectification_order(actor, insp2.id, DAY)


def test_review_opinion_refers_to_the_order_and_covers_the_same_day_results(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3)
    order = documents.issue_rectification_order(actor, case.inspection_id, DAY)
    with db.transaction() as s:
        people = list(s.scalars(select(Inspector)))
        h1, h2, h3 = (s.get(Hazard, i) for i in case.hazard_ids)
        b.reinspection(s, h1, date(2026, 12, 3), people, opinion="已整改")
        b.reinspection(
            s,
            h2,
            date(2026, 12, 3),
            people,
            result="不合格",
            opinion="联锁仍未投用",
            new_deadline=date(2026, 12, 20),
        )
        b.reinspection(s, h3, date(2026, 12, 9), people)  # another visit: another opinion
    review = documents.issue_review_opinion(actor, case.hazard_ids[1], date(2026, 12, 4))

    assert review.number == "（新北）应急复查〔2026〕1号"
    assert review.refers_to_id == order.id
    content = review.content
    assert isinstance(content, ReviewOpinionDoc)
    assert content.order_number == order.number
    assert content.order_issued_on == DAY
    assert content.reviewed_on == date(2026, 12, 3)
    assert [(i.number, i.result) for i in content.items] == [
        (case.hazard_numbers[0], "合格"),
        (case.hazard_numbers[1], "不合格"),
    ]
    assert content.new_deadline == date(2026, 12, 20)
    assert not content.all_passed

    same = documents.issue_review_opinion(actor, case.hazard_ids[0], date(2026, 12, 5))
    assert same.reprint and same.number == review.number
    later = documents.issue_review_opinion(actor, case.hazard_ids[2], date(2026, 12, 9))
    assert later.number == "（新北）应急复查〔2026〕2号"
    assert [i.number for i in later.content.items] == [case.hazard_numbers[2]]


def test_review_opinion_needs_a_reinspection_and_an_order(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    with pytest.raises(DomainError, match="还没有复查记录"):
        documents.issue_review_opinion(actor, case.hazard_ids[0])
    with db.transaction() as s:
        b.reinspection(
            s, s.get(Hazard, case.hazard_ids[0]), date(2026, 12, 3), list(s.scalars(select(Inspector)))
        )
    with pytest.raises(DomainError, match="未列入任何责令限期整改指令书"):
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
    issued = documents.issue_rectification_order(who, case.inspection_id, DAY)
    with db.reading() as s:
        event = s.scalar(select(AuditEvent).where(AuditEvent.entity_type == "document"))
        doc = s.get(Document, issued.id)
        assert doc.issued_by_id == officer_id
    assert event.action == "issue"
    assert event.actor_name == "张明"
    assert issued.number in event.summary
    assert event.after["hazards"] == case.hazard_numbers


def test_payload_round_trips_to_the_same_content(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, with_photos=True)
    issued = documents.issue_inspection_record(actor, case.inspection_id)
    payload = to_payload(issued.content)
    assert payload["payload_version"] == 1
    assert from_payload(payload) == issued.content
    assert documents.get(issued.id).content == issued.content
    assert len(documents.photo_bytes(issued.content)) == 2


def test_documents_of_an_enterprise_newest_first(db, documents, actor) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    record = documents.issue_inspection_record(actor, case.inspection_id)
    order = documents.issue_rectification_order(actor, case.inspection_id, date(2026, 11, 23))
    rows = documents.of_enterprise(case.enterprise_id)
    assert [r.number for r in rows] == [order.number, record.number]


def test_two_inspectors_printing_at_once_get_one_document(db, actor) -> None:
    """On the team server the inspection row is locked while issuing: one number, one document."""
    if db.is_sqlite:
        pytest.skip("row locks are a PostgreSQL matter; one SQLite file has one writer at a time")
    import threading

    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    barrier = threading.Barrier(4)
    results: list[str] = []
    errors: list[BaseException] = []

    def issue() -> None:
        try:
            barrier.wait()
            results.append(
                DocumentService(db).issue_rectification_order(actor, case.inspection_id, DAY).number
            )
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
    if db.is_sqlite:
        pytest.skip("row locks are a PostgreSQL matter; one SQLite file has one writer at a time")
    import threading

    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    DocumentService(db).issue_rectification_order(actor, case.inspection_id, DAY)
    with db.transaction() as s:
        people = list(s.scalars(select(Inspector)))
        for hid in case.hazard_ids:
            b.reinspection(s, s.get(Hazard, hid), date(2026, 12, 3), people)
    barrier = threading.Barrier(2)
    numbers: list[str] = []

    def issue(hazard_id: int) -> None:
        barrier.wait()
        numbers.append(DocumentService(db).issue_review_opinion(actor, hazard_id, date(2026, 12, 4)).number)

    threads = [threading.Thread(target=issue, args=(hid,)) for hid in case.hazard_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert numbers == ["（新北）应急复查〔2026〕1号"] * 2


def test_documents_of_inspections_in_one_call(db, documents, actor) -> None:
    with db.transaction() as s:
        first = b.order_case(s, n_hazards=2)
        second = b.order_case(s, n_hazards=1, n=2)
    order = documents.issue_rectification_order(actor, first.inspection_id, DAY)
    record = documents.issue_inspection_record(actor, first.inspection_id, DAY)

    found = documents.of_inspections([first.inspection_id, second.inspection_id, first.inspection_id])

    assert list(found) == [first.inspection_id]  # the second visit has none yet
    assert [(d.kind, d.number) for d in found[first.inspection_id]] == [
        ("责令限期整改指令书", order.number),
        ("现场检查记录", record.number),
    ]
    assert documents.of_inspections([]) == {}
