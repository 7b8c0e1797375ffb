"""Issuing, reprinting and delivering 执法文书: number, snapshot and audit in one transaction.

A document is issued once per (visit, kind) — per re-inspection day for an opinion, per delivery
for a receipt. Issuing it again gives the very same document back (a reprint: same number, date and
text, from the frozen payload). Numbers follow the visit's chain (core.numbering) and dates the
chain's events (core.documents.building), never the day of printing.

On SQLite the write lock is taken before the "already issued?" check (``Database.transaction``
begins IMMEDIATE), on PostgreSQL the visit's row is locked; either way two people printing one
visit at once get one document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.checklists import visit_results
from inspector.core.documents import building as B
from inspector.core.documents.content import (
    DocumentContent,
    ReviewItem,
    ReviewOpinionDoc,
    from_payload,
    photo_refs,
    to_payload,
)
from inspector.core.documents.delivery import DeliveryInput, record_delivery
from inspector.core.enums import DocumentKind, ReviewResult
from inspector.core.errors import DomainError, NotFoundError
from inspector.core.inputs import require_id, sanitized
from inspector.core.numbering import chain_serial, next_document_number
from inspector.core.office import require_configured
from inspector.db.engine import Database
from inspector.db.models import (
    Delivery,
    Document,
    Enterprise,
    Hazard,
    Inspection,
    PhotoBlob,
    ReInspection,
    document_hazards,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

VISIT_KINDS = (DocumentKind.INSPECTION_RECORD, DocumentKind.ONSITE_DECISION, DocumentKind.RECTIFICATION_ORDER)


@dataclass(frozen=True)
class IssuedDocument:
    """An issued document with its frozen content; ``reprint`` says it already existed."""

    id: int
    kind: DocumentKind
    number: str
    issued_on: date
    enterprise_id: int
    inspection_id: int | None
    refers_to_id: int | None
    hazard_ids: tuple[int, ...]
    content: DocumentContent
    reprint: bool = False


@dataclass(frozen=True)
class DocumentRow:
    """One line of a list of documents (一企一档, a visit's chain, a hazard's documents)."""

    id: int
    kind: str
    number: str
    issued_on: date
    inspection_id: int | None
    delivered_on: date | None = None
    delivery_method: str = ""


def _issued(doc: Document, reprint: bool) -> IssuedDocument:
    if doc.payload is None:
        raise DomainError(
            say(QT_TRANSLATE_NOOP("core", "文书 {number} 缺少打印内容，无法重印"), number=doc.number)
        )
    return IssuedDocument(
        id=doc.id,
        kind=DocumentKind(doc.kind),
        number=doc.number,
        issued_on=doc.issued_on,
        enterprise_id=doc.enterprise_id,
        inspection_id=doc.inspection_id,
        refers_to_id=doc.refers_to_id,
        hazard_ids=tuple(h.id for h in doc.hazards),
        content=from_payload(doc.payload),
        reprint=reprint,
    )


def load_inspection(s: Session, inspection_id: int, lock: bool = False) -> Inspection:
    stmt = (
        select(Inspection)
        .where(Inspection.id == inspection_id)
        .options(
            selectinload(Inspection.enterprise),
            selectinload(Inspection.inspectors),
            selectinload(Inspection.hazards).selectinload(Hazard.photos),
            selectinload(Inspection.hazards).selectinload(Hazard.extensions),
            selectinload(Inspection.hazards).selectinload(Hazard.reinspections),
        )
    )
    if lock:
        stmt = stmt.with_for_update(of=Inspection)
    inspection = s.scalar(stmt)
    if inspection is None:
        raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到检查记录（编号 {id}）"), id=inspection_id))
    return inspection


def _existing_for_inspection(s: Session, kind: DocumentKind, inspection_id: int) -> Document | None:
    return s.scalar(
        select(Document)
        .where(Document.kind == kind.value, Document.inspection_id == inspection_id)
        .order_by(Document.id)
        .limit(1)
    )


def _order_covering(s: Session, hazard_id: int) -> Document | None:
    """The 责令限期整改指令书 that listed this hazard (the latest, should there be several)."""
    return s.scalar(
        select(Document)
        .join(document_hazards, document_hazards.c.document_id == Document.id)
        .where(
            document_hazards.c.hazard_id == hazard_id,
            Document.kind == DocumentKind.RECTIFICATION_ORDER.value,
        )
        .order_by(Document.issued_on.desc(), Document.id.desc())
        .limit(1)
    )


def _covered_reinspections(doc: Document) -> set[int]:
    return set((doc.payload or {}).get("reinspection_ids") or [])


def _reviews_of_order(s: Session, order_id: int) -> list[Document]:
    return list(
        s.scalars(
            select(Document)
            .where(Document.kind == DocumentKind.REVIEW_OPINION.value, Document.refers_to_id == order_id)
            .order_by(Document.id)
        )
    )


def _order_serial(order: Document) -> tuple[int, int]:
    return order.year, order.serial if order.serial is not None else order.seq


def _audit_issue(s: Session, actor: Actor, doc: Document, today: date) -> None:
    audit.record(
        s,
        actor,
        "document",
        doc.id,
        "issue",
        f"出具{doc.kind}：{doc.number}",
        None,
        {
            "kind": doc.kind,
            "number": doc.number,
            "issued_on": doc.issued_on,
            "enterprise_id": doc.enterprise_id,
            "inspection_id": doc.inspection_id,
            "refers_to_id": doc.refers_to_id,
            "hazards": [h.number for h in doc.hazards],
        },
        today=today,
    )


def _reprint(s: Session, actor: Actor, doc: Document, today: date) -> IssuedDocument:
    audit.record(s, actor, "document", doc.id, "reprint", f"重印{doc.kind}：{doc.number}", today=today)
    return _issued(doc, reprint=True)


def _rows(s: Session, stmt: Any) -> list[DocumentRow]:
    rows = s.execute(
        stmt.add_columns(Delivery.delivered_on, Delivery.method).outerjoin(
            Delivery, Delivery.document_id == Document.id
        )
    )
    return [
        DocumentRow(doc_id, kind, number, issued_on, inspection_id, delivered_on, method or "")
        for doc_id, kind, number, issued_on, inspection_id, delivered_on, method in rows
    ]


def _row_select() -> Any:
    return select(Document.id, Document.kind, Document.number, Document.issued_on, Document.inspection_id)


class DocumentService:
    """Issues, reprints, delivers and lists 执法文书; each call is one transaction."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    # -- issuing ----------------------------------------------------------------------------

    def issue(self, actor: Actor, kind: DocumentKind, target_id: int) -> IssuedDocument:
        """Issue or reprint. Visit documents take an inspection id, the opinion a hazard id (its
        latest re-inspection); a 文书送达回执 is issued by ``deliver``."""
        if kind in VISIT_KINDS:
            return self.issue_for_visit(actor, kind, target_id)
        if kind == DocumentKind.REVIEW_OPINION:
            return self.issue_review_opinion(actor, target_id)
        raise DomainError(say(QT_TRANSLATE_NOOP("core", "{kind}不能这样出具"), kind=kind.value))

    def issue_inspection_record(self, actor: Actor, inspection_id: int) -> IssuedDocument:
        return self.issue_for_visit(actor, DocumentKind.INSPECTION_RECORD, inspection_id)

    def issue_rectification_order(self, actor: Actor, inspection_id: int) -> IssuedDocument:
        return self.issue_for_visit(actor, DocumentKind.RECTIFICATION_ORDER, inspection_id)

    def issue_onsite_decision(self, actor: Actor, inspection_id: int) -> IssuedDocument:
        return self.issue_for_visit(actor, DocumentKind.ONSITE_DECISION, inspection_id)

    def issue_for_visit(self, actor: Actor, kind: DocumentKind, inspection_id: int) -> IssuedDocument:
        """现场检查记录, 现场处理措施决定书 or 责令限期整改指令书 of one visit, dated the visit day."""
        if kind not in VISIT_KINDS:
            raise DomainError(say(B.NOT_FOR_VISIT, kind=kind.value))
        require_id(inspection_id, "检查记录", field="inspection_id")
        with acting(self.db, actor) as (s, actor):
            inspection = load_inspection(s, inspection_id, lock=True)
            existing = _existing_for_inspection(s, kind, inspection_id)
            if existing is not None:
                return _reprint(s, actor, existing, self.clock())
            office = require_configured(s)
            year, serial = chain_serial(s, inspection)
            seq, sub, number = next_document_number(s, office, kind, year, serial)
            checklists = visit_results(s, inspection.id) if kind == DocumentKind.INSPECTION_RECORD else []
            content = B.build_for_visit(kind, inspection, number, office, checklists)
            doc = Document(
                kind=kind.value,
                year=year,
                seq=seq,
                serial=serial,
                sub=sub,
                number=number,
                issued_on=inspection.inspected_on,
                enterprise_id=inspection.enterprise_id,
                inspection_id=inspection.id,
                payload=to_payload(content),
                issued_by_id=actor.id,
                hazards=B.hazards_for(kind, inspection),
            )
            s.add(doc)
            s.flush()
            _audit_issue(s, actor, doc, self.clock())
            return _issued(doc, reprint=False)

    def issue_review_opinion(
        self, actor: Actor, hazard_id: int, reinspection_id: int | None = None
    ) -> IssuedDocument:
        """整改复查意见书 of one re-inspection of the hazard (default: its latest), dated that day.

        One opinion covers every item of the same order re-inspected that day and not yet in an
        opinion, so one visit gives one opinion; every 复查, failed ones too, keeps its own.
        Printing again for any of its items gives that opinion back.
        """
        require_id(hazard_id, "隐患", field="hazard_id")
        if reinspection_id is not None:
            require_id(reinspection_id, "复查记录", field="reinspection_id")
        with acting(self.db, actor) as (s, actor):
            hazard = s.get(Hazard, hazard_id)
            if hazard is None:
                raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到隐患（编号 {id}）"), id=hazard_id))
            review = self._review_of(s, hazard, reinspection_id)
            order = _order_covering(s, hazard_id)
            if order is None:
                raise DomainError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "隐患 {number} 未列入任何责令限期整改指令书，无法出具整改复查意见书"
                            "（请先出具指令书）",
                        ),
                        number=hazard.number,
                    )
                )
            # Lock the order (PostgreSQL): two people printing for two items of one order at once
            # must not both issue an opinion for that day.
            s.execute(select(Document.id).where(Document.id == order.id).with_for_update())
            reviews = _reviews_of_order(s, order.id)
            for doc in reviews:
                if review.id in _covered_reinspections(doc):
                    return _reprint(s, actor, doc, self.clock())
            covered = set().union(*(_covered_reinspections(d) for d in reviews)) if reviews else set()
            chosen = self._same_day_results(s, order, review, covered)
            office = require_configured(s)
            officers: dict[int, Any] = {}
            for r in chosen:
                for person in r.inspectors:
                    officers[person.id] = person
            who = say(QT_TRANSLATE_NOOP("core", "{day:%Y-%m-%d}的复查"), day=review.reviewed_on)
            people = B.certified_officers(DocumentKind.REVIEW_OPINION, officers.values(), who)
            year, serial = _order_serial(order)
            seq, sub, number = next_document_number(s, office, DocumentKind.REVIEW_OPINION, year, serial)
            enterprise = s.get(Enterprise, order.enterprise_id)
            assert enterprise is not None
            order_items = {h.id: i for i, h in enumerate(order.hazards, 1)}
            failed = [
                r.new_deadline for r in chosen if r.result != ReviewResult.PASSED.value and r.new_deadline
            ]
            content = ReviewOpinionDoc(
                number=number,
                issued_on=review.reviewed_on,
                authority=B.authority(office),
                enterprise=B.party(enterprise),
                order_number=order.number,
                order_issued_on=order.issued_on,
                reviewed_on=review.reviewed_on,
                officers=people,
                items=tuple(
                    ReviewItem(
                        number=r.hazard.number,
                        location=r.hazard.location,
                        description=r.hazard.description,
                        result=r.result,
                        opinion=r.opinion,
                        reviewed_on=r.reviewed_on,
                        new_deadline=r.new_deadline,
                        photos=B.photos(r.hazard),
                        order_item=order_items.get(r.hazard_id, 0),
                    )
                    for r in chosen
                ),
                new_deadline=max(failed) if failed else None,
                reinspection_ids=tuple(sorted(r.id for r in chosen)),
            )
            doc = Document(
                kind=DocumentKind.REVIEW_OPINION.value,
                year=year,
                seq=seq,
                serial=serial,
                sub=sub,
                number=number,
                issued_on=review.reviewed_on,
                enterprise_id=order.enterprise_id,
                inspection_id=None,
                refers_to_id=order.id,
                payload=to_payload(content),
                issued_by_id=actor.id,
                hazards=[r.hazard for r in chosen],
            )
            s.add(doc)
            s.flush()
            _audit_issue(s, actor, doc, self.clock())
            return _issued(doc, reprint=False)

    @staticmethod
    def _review_of(s: Session, hazard: Hazard, reinspection_id: int | None) -> ReInspection:
        stmt = select(ReInspection).where(ReInspection.hazard_id == hazard.id)
        if reinspection_id is not None:
            review = s.scalar(stmt.where(ReInspection.id == reinspection_id))
            if review is None:
                raise NotFoundError(
                    say(
                        QT_TRANSLATE_NOOP("core", "隐患 {number} 没有编号为 {id} 的复查记录"),
                        number=hazard.number,
                        id=reinspection_id,
                    )
                )
            return review
        latest = s.scalar(stmt.order_by(ReInspection.reviewed_on.desc(), ReInspection.id.desc()).limit(1))
        if latest is None:
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "隐患 {number} 还没有复查记录，请先登记复查结果再出具整改复查意见书"
                    ),
                    number=hazard.number,
                )
            )
        return latest

    @staticmethod
    def _same_day_results(
        s: Session, order: Document, review: ReInspection, covered: set[int]
    ) -> list[ReInspection]:
        """The results of the order's items re-inspected on the review's day, one per hazard (its
        last of that day), without those already in an opinion; ordered as on the order."""
        same_day = s.scalars(
            select(ReInspection)
            .where(
                ReInspection.hazard_id.in_([h.id for h in order.hazards]),
                ReInspection.reviewed_on == review.reviewed_on,
            )
            .options(
                selectinload(ReInspection.inspectors),
                selectinload(ReInspection.hazard).selectinload(Hazard.photos),
            )
            .order_by(ReInspection.hazard_id, ReInspection.id)
        )
        by_hazard: dict[int, ReInspection] = {}
        for r in same_day:
            if r.id not in covered:
                by_hazard[r.hazard_id] = r
        by_hazard[review.hazard_id] = review
        position = {h.id: i for i, h in enumerate(order.hazards)}
        return sorted(by_hazard.values(), key=lambda r: position.get(r.hazard_id, 0))

    # -- delivery ---------------------------------------------------------------------------

    def deliver(self, actor: Actor, data: DeliveryInput) -> IssuedDocument:
        """送达: record how the documents were handed over and issue their 文书送达回执."""
        data = sanitized(data)
        with acting(self.db, actor) as (s, actor):
            office = require_configured(s)
            receipt, delivered = record_delivery(s, actor, office, data, self.clock())
            for d in delivered:
                audit.record(
                    s,
                    actor,
                    "document",
                    d.id,
                    "deliver",
                    f"送达{d.kind}：{d.number}（{receipt.issued_on:%Y-%m-%d}，回执 {receipt.number}）",
                    today=self.clock(),
                )
            _audit_issue(s, actor, receipt, self.clock())
            return _issued(receipt, reprint=False)

    # -- reading ----------------------------------------------------------------------------

    def get(self, document_id: int) -> IssuedDocument:
        with self.db.reading() as s:
            doc = s.get(Document, document_id)
            if doc is None:
                raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到文书（编号 {id}）"), id=document_id))
            return _issued(doc, reprint=True)

    def reprint(self, actor: Actor, document_id: int) -> IssuedDocument:
        """Any issued document again, exactly as issued (audited as a reprint)."""
        with acting(self.db, actor) as (s, actor):
            doc = s.get(Document, document_id)
            if doc is None:
                raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到文书（编号 {id}）"), id=document_id))
            return _reprint(s, actor, doc, self.clock())

    def of_enterprise(self, enterprise_id: int) -> list[DocumentRow]:
        """All documents issued to one enterprise, newest first (一企一档), with their 送达."""
        with self.db.reading() as s:
            return _rows(
                s,
                _row_select()
                .where(Document.enterprise_id == enterprise_id)
                .order_by(Document.issued_on.desc(), Document.id.desc()),
            )

    def of_inspections(self, inspection_ids: Iterable[int]) -> dict[int, list[DocumentRow]]:
        """The documents issued for each of some inspections (a list page), one query.

        Inspections without documents are absent; each list is in issuing order.
        """
        ids = sorted(set(inspection_ids))
        if not ids:
            return {}
        out: dict[int, list[DocumentRow]] = {}
        with self.db.reading() as s:
            for row in _rows(s, _row_select().where(Document.inspection_id.in_(ids)).order_by(Document.id)):
                assert row.inspection_id is not None
                out.setdefault(row.inspection_id, []).append(row)
        return out

    def chain(self, inspection_id: int) -> list[DocumentRow]:
        """Every document of one visit's chain in issuing order: the visit's own, the opinions of
        its order and the receipts of any of them."""
        with self.db.reading() as s:
            own = select(Document.id).where(Document.inspection_id == inspection_id)
            opinions = select(Document.id).where(Document.refers_to_id.in_(own))
            receipts = select(Delivery.receipt_id).where(
                Delivery.document_id.in_(own.union(opinions)), Delivery.receipt_id.is_not(None)
            )
            return _rows(
                s,
                _row_select()
                .where(Document.id.in_(own) | Document.id.in_(opinions) | Document.id.in_(receipts))
                .order_by(Document.id),
            )

    def of_hazard(self, hazard_id: int) -> list[DocumentRow]:
        """The documents that list one hazard (record, decision, order, opinions), oldest first."""
        with self.db.reading() as s:
            return _rows(
                s,
                _row_select()
                .join(document_hazards, document_hazards.c.document_id == Document.id)
                .where(document_hazards.c.hazard_id == hazard_id)
                .order_by(Document.issued_on, Document.id),
            )

    def photo_bytes(self, content: DocumentContent) -> dict[str, bytes]:
        """The photo bytes a document's appendix shows, keyed by content hash."""
        shas = sorted({p.sha256 for p in photo_refs(content)})
        if not shas:
            return {}
        with self.db.reading() as s:
            rows = s.execute(select(PhotoBlob.sha256, PhotoBlob.content).where(PhotoBlob.sha256.in_(shas)))
            return {sha: content for sha, content in rows}
