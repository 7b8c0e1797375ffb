"""What a document prints: plain frozen DTOs, stored as a JSON snapshot on the Document row.

A reprint rebuilds the DTO from the snapshot, never from the live records, so it shows the same
number, date and text however the hazards, the enterprise or the 机关设置 changed since. The PDF
renderers in ``inspector.reports.documents`` take these DTOs and never see SQL.

Payload versions: 1 (before 机关设置 and chains: Authority without address/phone), 2 (now). Every
field added since has a default, so an old snapshot still decodes.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from inspector.core import audit
from inspector.core.enums import DocumentKind, HazardLevel, ReviewResult
from inspector.core.errors import DomainError
from inspector.i18n import QT_TRANSLATE_NOOP, say

PAYLOAD_VERSION = 2


@dataclass(frozen=True)
class Authority:
    """The issuing office as printed (a snapshot of core.office when the document was issued)."""

    name: str
    reconsideration_body: str  # 常州市新北区人民政府 (or "…人民政府或者…")
    court: str
    address: str = ""
    phone: str = ""

    @property
    def footer(self) -> str:
        parts = [f"地址：{self.address}" if self.address else "", f"电话：{self.phone}" if self.phone else ""]
        return "　".join(p for p in parts if p)


@dataclass(frozen=True)
class Party:
    """The enterprise as printed on the document."""

    name: str
    address: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    principal: str = ""
    phone: str = ""
    head_title: str = ""  # 职务 of the 法定代表人（负责人）

    @property
    def head(self) -> str:
        """The 法定代表人（负责人）: the legal representative, else the principal in charge."""
        return self.legal_representative or self.principal


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
    level: str = HazardLevel.GENERAL.value
    category: str = ""
    deadline: date | None = None  # as ordered at the visit (never a later extension)
    rectified_on_spot: bool = False
    photos: tuple[PhotoRef, ...] = ()
    onsite_measures: tuple[str, ...] = ()  # 现场处理措施 (OnsiteMeasure values)

    @property
    def is_major(self) -> bool:
        return self.level == HazardLevel.MAJOR.value


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
    order_item: int = 0  # its 序号 on the order (第…项), 0 when unknown (old snapshots)

    @property
    def passed(self) -> bool:
        return self.result == ReviewResult.PASSED.value


@dataclass(frozen=True)
class ChecklistLine:
    """One checklist item's result as the 现场检查记录 prints it (frozen with the record)."""

    number: str  # 第十一条（三）, 第2项
    content: str  # 检查内容
    result: str  # 合格/不合格/不适用
    unverified: bool = False  # the item's wording is 待核实: marked so, never shown as official
    note: str = ""
    hazard_number: str = ""  # the hazard registered for a failed item


@dataclass(frozen=True)
class ChecklistSection:
    """One checklist version a visit used: title + 文号, then its items in the list's order."""

    title: str
    number: str = ""  # 文号 of a standard; "" for an office checklist
    version: int | None = None
    lines: tuple[ChecklistLine, ...] = ()

    def count(self, result: str) -> int:
        return sum(1 for line in self.lines if line.result == result)


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
    checklists: tuple[ChecklistSection, ...] = ()  # 检查内容 and results (none before issue 11)


@dataclass(frozen=True)
class OnsiteDecisionDoc:
    """现场处理措施决定书: measures that cannot wait for the rectification deadline."""

    number: str
    issued_on: date
    authority: Authority
    enterprise: Party
    inspected_on: date
    officers: tuple[Officer, ...]
    items: tuple[HazardItem, ...]
    basis: str  # 处理依据
    kind: str = DocumentKind.ONSITE_DECISION.value

    def measures(self) -> tuple[str, ...]:
        """Every measure decided, in the order of the first item that needs it."""
        return tuple(dict.fromkeys(m for item in self.items for m in item.onsite_measures))


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
    deadline: date  # the latest of the items' deadlines
    has_major: bool = False
    kind: str = DocumentKind.RECTIFICATION_ORDER.value

    def deadline_groups(self) -> list[tuple[date, tuple[int, ...]]]:
        """(deadline, 1-based item numbers) per distinct deadline, earliest first: the form orders
        "对上述第1、3项问题于…前整改完毕" once per date."""
        groups: dict[date, list[int]] = {}
        for i, h in enumerate(self.hazards, 1):
            groups.setdefault(h.deadline or self.deadline, []).append(i)
        return [(d, tuple(items)) for d, items in sorted(groups.items())]


@dataclass(frozen=True)
class ReviewOpinionDoc:
    """整改复查意见书: the result of one re-inspection visit for the items of one order."""

    number: str
    issued_on: date
    authority: Authority
    enterprise: Party
    order_number: str
    order_issued_on: date
    reviewed_on: date
    officers: tuple[Officer, ...]
    items: tuple[ReviewItem, ...]
    new_deadline: date | None = None  # the latest new deadline of the items that failed
    reinspection_ids: tuple[int, ...] = field(default=())
    kind: str = DocumentKind.REVIEW_OPINION.value

    @property
    def all_passed(self) -> bool:
        return all(i.passed for i in self.items)


@dataclass(frozen=True)
class DeliveredItem:
    """One row of the 文书送达回执."""

    title: str  # 责令限期整改指令书
    number: str
    place: str
    delivered_on: date
    method: str


@dataclass(frozen=True)
class DeliveryReceiptDoc:
    """文书送达回执: the enterprise signs for the documents handed over."""

    number: str
    issued_on: date
    authority: Authority
    case_name: str  # 案件名称
    addressee: str  # 受送达单位（个人）
    recipient: str  # who received them
    items: tuple[DeliveredItem, ...]
    servers: tuple[Officer, ...]
    note: str = ""
    kind: str = DocumentKind.DELIVERY_RECEIPT.value


@dataclass(frozen=True)
class InspectionSchemeDoc:
    """现场检查方案 (core.schemes): the first document of a visit's chain, approved before it.

    ``draft`` marks a print of a 方案 not yet approved: no number, marked so on the page.
    """

    number: str
    issued_on: date
    authority: Authority
    enterprise: Party
    industry: str  # 所属行业
    contact: str  # 联系人 (and phone)
    planned_on: date  # 检查时间
    officers: tuple[Officer, ...]
    content: str  # 检查内容
    method: str  # 检查方式
    review_opinion: str = ""
    reviewer: str = ""
    reviewed_on: date | None = None
    approval_opinion: str = ""
    approver: str = ""
    approved_on: date | None = None
    remarks: str = ""
    draft: bool = False
    state: str = ""  # SchemeState value when printed
    kind: str = DocumentKind.INSPECTION_PLAN.value


DocumentContent = (
    InspectionRecordDoc
    | OnsiteDecisionDoc
    | RectificationOrderDoc
    | ReviewOpinionDoc
    | DeliveryReceiptDoc
    | InspectionSchemeDoc
)

_CONTENT_TYPES: dict[str, type[Any]] = {
    DocumentKind.INSPECTION_RECORD.value: InspectionRecordDoc,
    DocumentKind.ONSITE_DECISION.value: OnsiteDecisionDoc,
    DocumentKind.RECTIFICATION_ORDER.value: RectificationOrderDoc,
    DocumentKind.REVIEW_OPINION.value: ReviewOpinionDoc,
    DocumentKind.DELIVERY_RECEIPT.value: DeliveryReceiptDoc,
    DocumentKind.INSPECTION_PLAN.value: InspectionSchemeDoc,
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
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]  # cls is a dataclass type, a TypeVar to mypy
        if f.name in data
    }
    return cls(**kwargs)


def from_payload(payload: dict[str, Any]) -> DocumentContent:
    """Rebuild the printable content exactly as it was issued."""
    cls = _CONTENT_TYPES.get(payload.get("kind", ""))
    if cls is None:
        raise DomainError(
            say(QT_TRANSLATE_NOOP("core", "无法识别的文书内容（{kind}）"), kind=repr(payload.get("kind")))
        )
    return _from_dict(cls, payload)  # type: ignore[no-any-return]  # the table maps kinds to content classes


def photo_refs(content: DocumentContent) -> tuple[PhotoRef, ...]:
    """Every photo a document's appendix shows."""
    if isinstance(content, ReviewOpinionDoc):
        return tuple(p for item in content.items for p in item.photos)
    if isinstance(content, InspectionRecordDoc | RectificationOrderDoc):
        return tuple(p for item in content.hazards for p in item.photos)
    if isinstance(content, OnsiteDecisionDoc):
        return tuple(p for item in content.items for p in item.photos)
    return ()
