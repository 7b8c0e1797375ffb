"""送达: documents handed over, recorded per document, with the 文书送达回执 that lists them.

Remedy periods (复议 60 days, 诉讼 six months) run from delivery, so each issued document knows its
送达日期 once delivered. One receipt lists up to five documents of one visit's chain delivered
together (same day, place, way and recipient), like the printed form's five rows; it is numbered
in that chain (（新北）应急回〔2026〕12号) and dated the delivery day. A document is delivered once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.audit import Actor
from inspector.core.documents import building as B
from inspector.core.documents.content import DeliveredItem, DeliveryReceiptDoc, Officer, to_payload
from inspector.core.enums import DeliveryMethod, DocumentKind
from inspector.core.errors import FieldError, NotFoundError, ValidationError
from inspector.core.inputs import length_errors, merge
from inspector.core.numbering import chain_serial, next_document_number
from inspector.core.office import OfficeSettings
from inspector.core.validation import parse_date
from inspector.db.models import Delivery, Document, Enterprise, Inspection, Inspector
from inspector.i18n import QT_TRANSLATE_NOOP, say

MAX_ROWS = 5
LABELS = {
    "documents": "送达文书",
    "delivered_on": "送达日期",
    "method": "送达方式",
    "place": "送达地点",
    "recipient": "收件人",
    "servers": "送达人",
    "note": "备注",
}
DELIVERABLE = frozenset(
    {
        DocumentKind.INSPECTION_RECORD.value,
        DocumentKind.ONSITE_DECISION.value,
        DocumentKind.RECTIFICATION_ORDER.value,
        DocumentKind.REVIEW_OPINION.value,
    }
)


@dataclass(frozen=True)
class DeliveryInput:
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "document_ids": LABELS["documents"],
        "delivered_on": LABELS["delivered_on"],
        "method": LABELS["method"],
        "place": LABELS["place"],
        "recipient": LABELS["recipient"],
        "server_ids": LABELS["servers"],
        "note": LABELS["note"],
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"method": 10, "place": 200, "recipient": 50, "note": 500}

    document_ids: list[int]
    delivered_on: date | str | None
    method: str = DeliveryMethod.DIRECT.value
    place: str = ""
    recipient: str = ""
    server_ids: list[int] = field(default_factory=list)
    note: str = ""


def _one(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, message)])


def _visit_of(s: Session, doc: Document) -> int | None:
    """The inspection whose chain a document belongs to."""
    if doc.inspection_id is not None:
        return doc.inspection_id
    if doc.refers_to_id is not None:
        order = s.get(Document, doc.refers_to_id)
        return order.inspection_id if order is not None else None
    return None


def record_delivery(
    s: Session, actor: Actor, office: OfficeSettings, data: DeliveryInput, today: date
) -> tuple[Document, list[Document]]:
    """Validate, write one Delivery per document and the receipt; returns (receipt, delivered).
    ``today`` comes from the service's clock."""
    errors: list[FieldError] = []
    ids = list(dict.fromkeys(data.document_ids))
    if not ids:
        raise _one("document_ids", say(QT_TRANSLATE_NOOP("core", "请选择要送达的文书")))
    if len(ids) > MAX_ROWS:
        raise _one(
            "document_ids",
            say(
                QT_TRANSLATE_NOOP("core", "一份送达回执最多列{most}份文书，当前选择了{count}份"),
                most=MAX_ROWS,
                count=len(ids),
            ),
        )
    docs = list(s.scalars(select(Document).where(Document.id.in_(ids)).order_by(Document.id)))
    missing = sorted(set(ids) - {d.id for d in docs})
    if missing:
        raise NotFoundError(
            say(QT_TRANSLATE_NOOP("core", "未找到文书（编号 {id}）"), id="、".join(map(str, missing)))
        )
    wrong = [d.number for d in docs if d.kind not in DELIVERABLE]
    if wrong:
        raise _one(
            "document_ids",
            say(QT_TRANSLATE_NOOP("core", "这些文书不需要送达：{numbers}"), numbers="、".join(wrong)),
        )
    already = list(
        s.scalars(
            select(Document.number)
            .join(Delivery, Delivery.document_id == Document.id)
            .where(Document.id.in_(ids))
        )
    )
    if already:
        raise _one(
            "document_ids",
            say(QT_TRANSLATE_NOOP("core", "以下文书已登记送达：{numbers}"), numbers="、".join(already)),
        )
    visits = {_visit_of(s, d) for d in docs}
    if len(visits) != 1 or None in visits:
        raise _one("document_ids", say(QT_TRANSLATE_NOOP("core", "一份送达回执只能列同一次检查的文书")))
    (visit_id,) = visits
    assert visit_id is not None

    on: date | None = None
    try:
        on = (
            parse_date(data.delivered_on, LABELS["delivered_on"], field="delivered_on")
            if data.delivered_on
            else None
        )
    except ValidationError as e:
        errors.extend(e.errors)
    else:
        if on is None:
            errors.append(FieldError("delivered_on", say(QT_TRANSLATE_NOOP("core", "送达日期不能为空"))))
        elif on > today:
            errors.append(FieldError("delivered_on", say(QT_TRANSLATE_NOOP("core", "送达日期不能晚于今天"))))
        else:
            latest = max(d.issued_on for d in docs)
            if on < latest:
                errors.append(
                    FieldError(
                        "delivered_on",
                        say(
                            QT_TRANSLATE_NOOP("core", "送达日期不能早于文书的日期（{day:%Y-%m-%d}）"),
                            day=latest,
                        ),
                    )
                )
    method = (data.method or "").strip()
    if method not in {m.value for m in DeliveryMethod}:
        errors.append(
            FieldError(
                "method",
                say(QT_TRANSLATE_NOOP("core", "送达方式应为：{methods}"), methods="、".join(DeliveryMethod)),
            )
        )
    place, recipient, note = data.place.strip(), data.recipient.strip(), data.note.strip()
    for key, value, limit in (("place", place, 200), ("recipient", recipient, 50)):
        if not value:
            errors.append(
                FieldError(key, say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label=LABELS[key]))
            )
        elif len(value) > limit:
            errors.append(
                FieldError(
                    key,
                    say(
                        QT_TRANSLATE_NOOP("core", "{label}过长：最多{limit}个字符"),
                        label=LABELS[key],
                        limit=limit,
                    ),
                )
            )
    if len(note) > 500:
        errors.append(
            FieldError(
                "note",
                say(
                    QT_TRANSLATE_NOOP("core", "{label}过长：最多{limit}个字符"),
                    label=LABELS["note"],
                    limit=500,
                ),
            )
        )
    server_ids = list(dict.fromkeys(data.server_ids))
    servers: list[Inspector] = []
    if len(server_ids) != 2:
        errors.append(FieldError("server_ids", say(QT_TRANSLATE_NOOP("core", "送达人须为两名执法人员"))))
    else:
        found = {i.id: i for i in s.scalars(select(Inspector).where(Inspector.id.in_(server_ids)))}
        servers = [found[i] for i in server_ids if i in found]
        if len(servers) != 2:
            errors.append(
                FieldError("server_ids", say(QT_TRANSLATE_NOOP("core", "送达人不在检查人员名册中")))
            )
        elif not all(p.active for p in servers):
            names = "、".join(p.name for p in servers if not p.active)
            errors.append(
                FieldError(
                    "server_ids", say(QT_TRANSLATE_NOOP("core", "{names}已停用，不能作为送达人"), names=names)
                )
            )
    errors = merge(errors, length_errors(data))
    if errors:
        raise ValidationError(errors)
    assert on is not None

    inspection = s.get(Inspection, visit_id)
    assert inspection is not None
    enterprise = s.get(Enterprise, inspection.enterprise_id)
    assert enterprise is not None
    year, serial = chain_serial(s, inspection)
    seq, sub, number = next_document_number(s, office, DocumentKind.DELIVERY_RECEIPT, year, serial)
    content = DeliveryReceiptDoc(
        number=number,
        issued_on=on,
        authority=B.authority(office),
        case_name=f"{enterprise.name}安全生产{inspection.kind}（{inspection.inspected_on.year}年"
        f"{inspection.inspected_on.month}月{inspection.inspected_on.day}日）",
        addressee=enterprise.name,
        recipient=recipient,
        items=tuple(DeliveredItem(d.kind, d.number, place, on, method) for d in docs),
        servers=tuple(Officer(p.name, p.certificate_no) for p in servers),
        note=note,
    )
    receipt = Document(
        kind=DocumentKind.DELIVERY_RECEIPT.value,
        year=year,
        seq=seq,
        serial=serial,
        sub=sub,
        number=number,
        issued_on=on,
        enterprise_id=enterprise.id,
        inspection_id=inspection.id,
        payload=to_payload(content),
        issued_by_id=actor.id,
    )
    s.add(receipt)
    s.flush()
    for d in docs:
        s.add(
            Delivery(
                document_id=d.id,
                receipt_id=receipt.id,
                delivered_on=on,
                method=method,
                place=place,
                recipient=recipient,
                server1_id=servers[0].id,
                server2_id=servers[1].id,
                note=note,
                recorded_by_id=actor.id,
            )
        )
    s.flush()
    return receipt, docs
