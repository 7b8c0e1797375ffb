"""Issuing enforcement documents (执法文书): number, snapshot and audit in one transaction.

A document is issued once. Its number comes from ``numbering.next_document_number`` and is never
reused; what was printed is frozen as a JSON payload so that a reprint (or a later look in the
enterprise file) shows the very same text and number, even after the hazards were edited or closed.
The printable content is described by the plain dataclasses below, which the PDF renderers in
``inspector.reports`` take as input (the layout code never sees SQL).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspector.core import audit
from inspector.core.audit import Actor
from inspector.core.enums import DocumentKind, ReviewResult
from inspector.core.errors import DomainError, NotFoundError
from inspector.core.numbering import chain_serial, next_document_number
from inspector.core.office import OfficeSettings, require_configured
from inspector.db.engine import Database
from inspector.db.models import (
    Document,
    Enterprise,
    Hazard,
    Inspection,
    PhotoBlob,
    ReInspection,
    document_hazards,
)

PAYLOAD_VERSION = 1

# ---------------------------------------------------------------------------------------------
# What a document prints: plain DTOs, serialisable to the JSON payload and back.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Authority:
    """The issuing office as printed (a snapshot of core.office at issue time)."""

    name: str
    reconsideration_body: str  # 常州市新北区人民政府 (or "…人民政府或者…")
    court: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Party:
    """The enterprise as printed on the document."""

    name: str
    address: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    principal: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Officer:
    """An enforcement officer with the certificate number the law requires on the document."""

    name: str
    certificate_no: str = ""


@dataclass(frozen=True)
class PhotoRef:
    """A photo in the appendix; the bytes stay in PhotoBlob and are fetched at render time."""

    sha256: str
    phase: str  # 整改前/整改后
    caption: str = ""


@dataclass(frozen=True)
class HazardItem:
    number: str
    location: str
    description: str
    legal_basis: str = ""
    level: str = "一般隐患"
    category: str = ""
    deadline: date | None = None
    rectified_on_spot: bool = False
    photos: tuple[PhotoRef, ...] = ()


@dataclass(frozen=True)
class ReviewItem:
    """One hazard's re-inspection result on the 整改复查意见书."""

    number: str
    location: str
    description: str
    result: str  # 合格/不合格
    opinion: str = ""
    reviewed_on: date | None = None
    new_deadline: date | None = None
    photos: tuple[PhotoRef, ...] = ()

    @property
    def passed(self) -> bool:
        return self.result == ReviewResult.PASSED.value


@dataclass(frozen=True)
class InspectionRecordDoc:
    """现场检查记录."""

    number: str
    issued_on: date
    authority: Authority
    enterprise: Party
    inspection_kind: str
    inspected_on: date
    start_time: time | None
    end_time: time | None
    place: str
    officers: tuple[Officer, ...]
    representative: str
    notes: str
    hazards: tuple[HazardItem, ...]
    kind: str = DocumentKind.INSPECTION_RECORD.value


@dataclass(frozen=True)
class RectificationOrderDoc:
    """责令限期整改指令书."""

    number: str
    issued_on: date
    authority: Authority
    enterprise: Party
    inspected_on: date
    officers: tuple[Officer, ...]
    hazards: tuple[HazardItem, ...]
    deadline: date  # the latest of the hazards' deadlines: 于××年××月××日前整改完毕
    has_major: bool = False
    kind: str = DocumentKind.RECTIFICATION_ORDER.value


@dataclass(frozen=True)
class ReviewOpinionDoc:
    """整改复查意见书."""

    number: str
    issued_on: date
    authority: Authority
    enterprise: Party
    order_number: str
    order_issued_on: date
    reviewed_on: date
    officers: tuple[Officer, ...]
    items: tuple[ReviewItem, ...]
    new_deadline: date | None = None  # for the items that failed
    reinspection_ids: tuple[int, ...] = field(default=())
    kind: str = DocumentKind.REVIEW_OPINION.value

    @property
    def all_passed(self) -> bool:
        return all(i.passed for i in self.items)


DocumentContent = InspectionRecordDoc | RectificationOrderDoc | ReviewOpinionDoc

_CONTENT_TYPES: dict[str, type[Any]] = {
    DocumentKind.INSPECTION_RECORD.value: InspectionRecordDoc,
    DocumentKind.RECTIFICATION_ORDER.value: RectificationOrderDoc,
    DocumentKind.REVIEW_OPINION.value: ReviewOpinionDoc,
}

T = TypeVar("T")


def to_payload(content: DocumentContent) -> dict[str, Any]:
    """The JSON snapshot stored on the Document row."""
    data: dict[str, Any] = audit.jsonable(dataclasses.asdict(content))
    data["payload_version"] = PAYLOAD_VERSION
    return data


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        (item_tp, *_rest) = get_args(tp)
        return tuple(_decode(item_tp, v) for v in value)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _from_dict(tp, value)
    if tp is date:
        return date.fromisoformat(value)
    if tp is time:
        return time.fromisoformat(value)
    if tp is datetime:
        return datetime.fromisoformat(value)
    return value


def _from_dict(cls: type[T], data: dict[str, Any]) -> T:
    hints = get_type_hints(cls)
    kwargs = {
        f.name: _decode(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


def from_payload(payload: dict[str, Any]) -> DocumentContent:
    """Rebuild the printable content exactly as it was issued."""
    cls = _CONTENT_TYPES.get(payload.get("kind", ""))
    if cls is None:
        raise DomainError(f"无法识别的文书内容（{payload.get('kind')!r}）")
    return _from_dict(cls, payload)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------
# Loading from the database.
# ---------------------------------------------------------------------------------------------


def _party(e: Enterprise) -> Party:
    return Party(
        name=e.name,
        address=e.address,
        credit_code=e.credit_code,
        legal_representative=e.legal_representative,
        principal=e.principal,
        phone=e.phone,
    )


def _photos(h: Hazard, phases: Iterable[str] | None = None) -> tuple[PhotoRef, ...]:
    wanted = set(phases) if phases is not None else None
    return tuple(
        PhotoRef(p.sha256, p.phase, p.caption) for p in h.photos if wanted is None or p.phase in wanted
    )


def _hazard_item(h: Hazard) -> HazardItem:
    return HazardItem(
        number=h.number,
        location=h.location,
        description=h.description,
        legal_basis=h.legal_basis,
        level=h.level,
        category="／".join(x for x in (h.category, h.subcategory) if x),
        deadline=h.deadline,
        rectified_on_spot=h.rectified_on_spot,
        photos=_photos(h, ["整改前"]),
    )


def _authority(office: OfficeSettings) -> Authority:
    return Authority(
        office.authority, office.reconsideration_bodies(), office.court, office.address, office.phone
    )


def _load_inspection(s: Session, inspection_id: int, lock: bool = False) -> Inspection:
    stmt = (
        select(Inspection)
        .where(Inspection.id == inspection_id)
        .options(
            selectinload(Inspection.enterprise),
            selectinload(Inspection.inspectors),
            selectinload(Inspection.hazards).selectinload(Hazard.photos),
        )
    )
    if lock:
        stmt = stmt.with_for_update(of=Inspection)
    inspection = s.scalar(stmt)
    if inspection is None:
        raise NotFoundError(f"未找到检查记录（编号 {inspection_id}）")
    return inspection


def _officers(people: Iterable[Any]) -> tuple[Officer, ...]:
    return tuple(Officer(p.name, p.certificate_no) for p in sorted(people, key=lambda p: p.id))


def build_inspection_record(
    s: Session, inspection: Inspection, number: str, issued_on: date, settings: OfficeSettings
) -> InspectionRecordDoc:
    return InspectionRecordDoc(
        number=number,
        issued_on=issued_on,
        authority=_authority(settings),
        enterprise=_party(inspection.enterprise),
        inspection_kind=inspection.kind,
        inspected_on=inspection.inspected_on,
        start_time=inspection.start_time,
        end_time=inspection.end_time,
        place=inspection.place,
        officers=_officers(inspection.inspectors),
        representative=inspection.representative,
        notes=inspection.notes,
        hazards=tuple(_hazard_item(h) for h in inspection.hazards),
    )


def order_hazards(inspection: Inspection) -> list[Hazard]:
    """The hazards an order covers: all found in the inspection except those fixed on the spot."""
    return [h for h in inspection.hazards if not h.rectified_on_spot]


def build_rectification_order(
    s: Session, inspection: Inspection, number: str, issued_on: date, settings: OfficeSettings
) -> RectificationOrderDoc:
    hazards = order_hazards(inspection)
    if not hazards:
        raise DomainError(
            "本次检查没有需要限期整改的隐患（立查立改的隐患不列入指令书），无需出具责令限期整改指令书"
        )
    missing = [h.number for h in hazards if h.deadline is None]
    if missing:
        raise DomainError(f"以下隐患尚未确定整改期限，请先填写后再出具指令书：{'、'.join(missing)}")
    deadline = max(h.deadline for h in hazards if h.deadline is not None)
    return RectificationOrderDoc(
        number=number,
        issued_on=issued_on,
        authority=_authority(settings),
        enterprise=_party(inspection.enterprise),
        inspected_on=inspection.inspected_on,
        officers=_officers(inspection.inspectors),
        hazards=tuple(_hazard_item(h) for h in hazards),
        deadline=deadline,
        has_major=any(h.level == "重大隐患" for h in hazards),
    )


# ---------------------------------------------------------------------------------------------
# Issuing.
# ---------------------------------------------------------------------------------------------


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
    """One line of an enterprise's list of documents (一企一档)."""

    id: int
    kind: str
    number: str
    issued_on: date
    inspection_id: int | None


def _issued(doc: Document, reprint: bool) -> IssuedDocument:
    if doc.payload is None:
        raise DomainError(f"文书 {doc.number} 缺少打印内容，无法重印")
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


def _existing_for_inspection(s: Session, kind: DocumentKind, inspection_id: int) -> Document | None:
    return s.scalar(
        select(Document)
        .where(Document.kind == kind.value, Document.inspection_id == inspection_id)
        .order_by(Document.id)
        .limit(1)
    )


def _order_covering(s: Session, hazard_id: int) -> Document | None:
    """The latest 责令限期整改指令书 that listed this hazard."""
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


def _reviews_of_order(s: Session, order_id: int) -> list[Document]:
    return list(
        s.scalars(
            select(Document)
            .where(Document.kind == DocumentKind.REVIEW_OPINION.value, Document.refers_to_id == order_id)
            .order_by(Document.id)
        )
    )


def _covered_reinspections(doc: Document) -> set[int]:
    return set((doc.payload or {}).get("reinspection_ids") or [])


class DocumentService:
    """Issues, reprints and lists 执法文书; each call is one transaction with its audit event."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- issuing ----------------------------------------------------------------------------

    def issue(
        self, actor: Actor, kind: DocumentKind, target_id: int, issued_on: date | None = None
    ) -> IssuedDocument:
        """Issue or reprint: record/order take an inspection id, the review opinion a hazard id."""
        if kind == DocumentKind.INSPECTION_RECORD:
            return self.issue_inspection_record(actor, target_id, issued_on)
        if kind == DocumentKind.RECTIFICATION_ORDER:
            return self.issue_rectification_order(actor, target_id, issued_on)
        return self.issue_review_opinion(actor, target_id, issued_on)

    def issue_inspection_record(
        self, actor: Actor, inspection_id: int, issued_on: date | None = None
    ) -> IssuedDocument:
        """现场检查记录 of one inspection; dated the day of the visit unless told otherwise."""
        return self._issue_for_inspection(actor, DocumentKind.INSPECTION_RECORD, inspection_id, issued_on)

    def issue_rectification_order(
        self, actor: Actor, inspection_id: int, issued_on: date | None = None
    ) -> IssuedDocument:
        """责令限期整改指令书 for the hazards of one inspection that were not fixed on the spot."""
        return self._issue_for_inspection(actor, DocumentKind.RECTIFICATION_ORDER, inspection_id, issued_on)

    def _issue_for_inspection(
        self, actor: Actor, kind: DocumentKind, inspection_id: int, issued_on: date | None
    ) -> IssuedDocument:
        with self.db.transaction() as s:
            # Lock the inspection (PostgreSQL) so two inspectors printing at once get one number.
            inspection = _load_inspection(s, inspection_id, lock=True)
            existing = _existing_for_inspection(s, kind, inspection_id)
            if existing is not None:
                audit.record(
                    s, actor, "document", existing.id, "reprint", f"重印{kind.value}：{existing.number}"
                )
                return _issued(existing, reprint=True)
            settings = require_configured(s)
            if kind == DocumentKind.INSPECTION_RECORD:
                hazards = list(inspection.hazards)
            else:
                hazards = order_hazards(inspection)
            day = inspection.inspected_on  # dated in the visit's chain, never the day of printing
            year, serial = chain_serial(s, inspection)
            seq, sub, number = next_document_number(s, settings, kind, year, serial)
            content: DocumentContent
            if kind == DocumentKind.INSPECTION_RECORD:
                content = build_inspection_record(s, inspection, number, day, settings)
            else:
                content = build_rectification_order(s, inspection, number, day, settings)
            doc = Document(
                kind=kind.value,
                year=year,
                seq=seq,
                serial=serial,
                sub=sub,
                number=number,
                issued_on=day,
                enterprise_id=inspection.enterprise_id,
                inspection_id=inspection.id,
                payload=to_payload(content),
                issued_by_id=actor.id,
                hazards=hazards,
            )
            s.add(doc)
            s.flush()
            self._audit_issue(s, actor, doc)
            return _issued(doc, reprint=False)

    def issue_review_opinion(
        self, actor: Actor, hazard_id: int, issued_on: date | None = None
    ) -> IssuedDocument:
        """整改复查意见书 for the hazard's latest re-inspection.

        It covers every hazard of the same order re-inspected on the same day and not yet in an
        opinion, so one visit gives one opinion; printing again for any of them gives that one back.
        """
        with self.db.transaction() as s:
            hazard = s.get(Hazard, hazard_id)
            if hazard is None:
                raise NotFoundError(f"未找到隐患（编号 {hazard_id}）")
            latest = s.scalar(
                select(ReInspection)
                .where(ReInspection.hazard_id == hazard_id)
                .order_by(ReInspection.reviewed_on.desc(), ReInspection.id.desc())
                .limit(1)
            )
            if latest is None:
                raise DomainError(
                    f"隐患 {hazard.number} 还没有复查记录，请先登记复查结果再出具整改复查意见书"
                )
            order = _order_covering(s, hazard_id)
            if order is None:
                raise DomainError(
                    f"隐患 {hazard.number} 未列入任何责令限期整改指令书，无法出具整改复查意见书"
                    "（请先出具指令书）"
                )
            # Lock the order (PostgreSQL): opinions are grouped per order and day, so two inspectors
            # printing for two hazards of one order at once must not both issue one.
            s.execute(select(Document.id).where(Document.id == order.id).with_for_update())
            reviews = _reviews_of_order(s, order.id)
            for doc in reviews:
                if latest.id in _covered_reinspections(doc):
                    audit.record(s, actor, "document", doc.id, "reprint", f"重印整改复查意见书：{doc.number}")
                    return _issued(doc, reprint=True)
            covered = set().union(*(_covered_reinspections(d) for d in reviews)) if reviews else set()
            order_hazard_ids = [h.id for h in order.hazards]
            same_day = list(
                s.scalars(
                    select(ReInspection)
                    .where(
                        ReInspection.hazard_id.in_(order_hazard_ids),
                        ReInspection.reviewed_on == latest.reviewed_on,
                    )
                    .options(
                        selectinload(ReInspection.inspectors),
                        selectinload(ReInspection.hazard).selectinload(Hazard.photos),
                    )
                    .order_by(ReInspection.hazard_id, ReInspection.id)
                )
            )
            # One result per hazard: its last re-inspection of that day, unless already in an opinion.
            by_hazard: dict[int, ReInspection] = {}
            for r in same_day:
                by_hazard[r.hazard_id] = r
            chosen = [r for r in by_hazard.values() if r.id not in covered]
            if latest.id not in {r.id for r in chosen}:
                chosen.append(latest)
            chosen.sort(key=lambda r: r.hazard.number)

            day = latest.reviewed_on  # dated the day of the re-inspection
            settings = require_configured(s)
            year, serial = order.year, order.serial if order.serial is not None else order.seq
            seq, sub, number = next_document_number(s, settings, DocumentKind.REVIEW_OPINION, year, serial)
            officers: dict[int, Any] = {}
            for r in chosen:
                for person in r.inspectors:
                    officers[person.id] = person
            failed_deadlines = [
                r.new_deadline for r in chosen if r.result != ReviewResult.PASSED.value and r.new_deadline
            ]
            enterprise = s.get(Enterprise, order.enterprise_id)
            assert enterprise is not None
            content = ReviewOpinionDoc(
                number=number,
                issued_on=day,
                authority=_authority(settings),
                enterprise=_party(enterprise),
                order_number=order.number,
                order_issued_on=order.issued_on,
                reviewed_on=latest.reviewed_on,
                officers=_officers(officers.values()),
                items=tuple(
                    ReviewItem(
                        number=r.hazard.number,
                        location=r.hazard.location,
                        description=r.hazard.description,
                        result=r.result,
                        opinion=r.opinion,
                        reviewed_on=r.reviewed_on,
                        new_deadline=r.new_deadline,
                        photos=_photos(r.hazard),
                    )
                    for r in chosen
                ),
                new_deadline=max(failed_deadlines) if failed_deadlines else None,
                reinspection_ids=tuple(sorted(r.id for r in chosen)),
            )
            doc = Document(
                kind=DocumentKind.REVIEW_OPINION.value,
                year=year,
                seq=seq,
                serial=serial,
                sub=sub,
                number=number,
                issued_on=day,
                enterprise_id=order.enterprise_id,
                inspection_id=None,
                refers_to_id=order.id,
                payload=to_payload(content),
                issued_by_id=actor.id,
                hazards=[r.hazard for r in chosen],
            )
            s.add(doc)
            s.flush()
            self._audit_issue(s, actor, doc)
            return _issued(doc, reprint=False)

    @staticmethod
    def _audit_issue(s: Session, actor: Actor, doc: Document) -> None:
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
        )

    # -- reading ----------------------------------------------------------------------------

    def get(self, document_id: int) -> IssuedDocument:
        with self.db.reading() as s:
            doc = s.get(Document, document_id)
            if doc is None:
                raise NotFoundError(f"未找到文书（编号 {document_id}）")
            return _issued(doc, reprint=True)

    def of_enterprise(self, enterprise_id: int) -> list[DocumentRow]:
        """All documents issued to one enterprise, newest first (一企一档)."""
        with self.db.reading() as s:
            rows = s.execute(
                select(
                    Document.id, Document.kind, Document.number, Document.issued_on, Document.inspection_id
                )
                .where(Document.enterprise_id == enterprise_id)
                .order_by(Document.issued_on.desc(), Document.id.desc())
            )
            return [DocumentRow(*r) for r in rows]

    def of_inspections(self, inspection_ids: Iterable[int]) -> dict[int, list[DocumentRow]]:
        """The record and order issued for each of some inspections (a list page), one query.

        Inspections without documents are absent; each list is in issuing order.
        """
        ids = sorted(set(inspection_ids))
        if not ids:
            return {}
        out: dict[int, list[DocumentRow]] = {}
        with self.db.reading() as s:
            rows = s.execute(
                select(
                    Document.id, Document.kind, Document.number, Document.issued_on, Document.inspection_id
                )
                .where(Document.inspection_id.in_(ids))
                .order_by(Document.id)
            )
            for r in rows:
                out.setdefault(r.inspection_id, []).append(DocumentRow(*r))
        return out

    def photo_bytes(self, content: DocumentContent) -> dict[str, bytes]:
        """The photo bytes a document's appendix shows, keyed by content hash."""
        shas = sorted(
            {
                p.sha256
                for item in (content.items if isinstance(content, ReviewOpinionDoc) else content.hazards)
                for p in item.photos
            }
        )
        if not shas:
            return {}
        with self.db.reading() as s:
            return dict(
                s.execute(select(PhotoBlob.sha256, PhotoBlob.content).where(PhotoBlob.sha256.in_(shas))).all()
            )


__all__ = [
    "Authority",
    "DocumentContent",
    "DocumentRow",
    "DocumentService",
    "HazardItem",
    "InspectionRecordDoc",
    "IssuedDocument",
    "Officer",
    "Party",
    "PhotoRef",
    "RectificationOrderDoc",
    "ReviewItem",
    "ReviewOpinionDoc",
    "from_payload",
    "to_payload",
]
