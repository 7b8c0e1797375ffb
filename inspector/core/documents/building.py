"""From the records to what a document prints: the chain's rules in one place.

- Every enforcement document names two officers with their 执法证号 (``certified_officers``).
- The record, the 现场处理措施决定书 and the order are dated the inspection day; the opinion the
  re-inspection day (the service passes those dates; nothing here reads the clock).
- The order lists the hazards not fixed on the spot, each with the deadline ordered at the visit
  (``lifecycle.ordered_deadline``), never one moved later by 延期 or a failed 复查.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from inspector.core.checklists import VisitChecklist
from inspector.core.documents.content import (
    Authority,
    ChecklistLine,
    ChecklistSection,
    HazardItem,
    InspectionRecordDoc,
    Officer,
    OnsiteDecisionDoc,
    Party,
    PhotoRef,
    RectificationOrderDoc,
)
from inspector.core.enums import DocumentKind, HazardLevel, PhotoPhase
from inspector.core.errors import DomainError
from inspector.core.lifecycle import onsite_measures_of, ordered_deadline
from inspector.core.office import OfficeSettings
from inspector.db.models import Enterprise, Hazard, Inspection
from inspector.i18n import QT_TRANSLATE_NOOP, say

# 安全生产法（2021）第六十五条第一款第（三）项: the power to order on-site measures for hazards.
ONSITE_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第（三）项"
MIN_OFFICERS = 2
NOT_FOR_VISIT = QT_TRANSLATE_NOOP("core", "{kind}不是按检查记录出具的文书")


def authority(office: OfficeSettings) -> Authority:
    return Authority(
        office.authority, office.reconsideration_bodies(), office.court, office.address, office.phone
    )


def party(e: Enterprise) -> Party:
    return Party(
        name=e.name,
        address=e.address,
        credit_code=e.credit_code,
        legal_representative=e.legal_representative,
        principal=e.principal,
        phone=e.phone,
        head_title=e.head_title,
    )


def certified_officers(
    kind: DocumentKind, people: Iterable[Any], who: str | None = None
) -> tuple[Officer, ...]:
    """The officers a document names: those with a 执法证号, at least two, or a refusal saying
    who lacks one (DOCUMENTS.md: enforcement needs two officers with their certificates).

    ``who`` names the officers' event in the refusal, already said (default: 本次检查)."""
    people = sorted(people, key=lambda p: p.id)
    certified = [p for p in people if (p.certificate_no or "").strip()]
    if len(certified) >= MIN_OFFICERS:
        return tuple(Officer(p.name, p.certificate_no.strip()) for p in certified)
    lacking = [p.name for p in people if not (p.certificate_no or "").strip()]
    event = say(QT_TRANSLATE_NOOP("core", "本次检查")) if who is None else who
    if not people:
        detail = say(QT_TRANSLATE_NOOP("core", "{who}没有登记检查人员"), who=event)
    else:
        parts = []
        if certified:
            names = "、".join(p.name for p in certified)
            parts.append(say(QT_TRANSLATE_NOOP("core", "持证的只有{names}"), names=names))
        if lacking:
            parts.append(say(QT_TRANSLATE_NOOP("core", "{names}未登记执法证号"), names="、".join(lacking)))
        if len(people) < MIN_OFFICERS:
            parts.append(
                say(QT_TRANSLATE_NOOP("core", "{who}只登记了{count}名检查人员"), who=event, count=len(people))
            )
        detail = "；".join(parts)
    raise DomainError(
        say(
            QT_TRANSLATE_NOOP(
                "core",
                "出具{kind}须有两名持执法证的执法人员：{detail}。"
                "请在“检查人员管理”中补登执法证号，或补充执法人员后再出具",
            ),
            kind=kind.value,
            detail=detail,
        )
    )


def photos(h: Hazard, phases: Iterable[str] | None = None) -> tuple[PhotoRef, ...]:
    wanted = set(phases) if phases is not None else None
    return tuple(
        PhotoRef(p.sha256, p.phase, p.caption) for p in h.photos if wanted is None or p.phase in wanted
    )


def hazard_item(h: Hazard) -> HazardItem:
    return HazardItem(
        number=h.number,
        location=h.location,
        description=h.description,
        legal_basis=h.legal_basis,
        level=h.level,
        category="／".join(x for x in (h.category, h.subcategory) if x),
        deadline=ordered_deadline(h),
        rectified_on_spot=h.rectified_on_spot,
        photos=photos(h, [PhotoPhase.BEFORE.value]),
        onsite_measures=onsite_measures_of(h),
    )


def record_hazards(inspection: Inspection) -> list[Hazard]:
    return list(inspection.hazards)


def order_hazards(inspection: Inspection) -> list[Hazard]:
    """The hazards an order covers: all found in the inspection except those fixed on the spot."""
    return [h for h in inspection.hazards if not h.rectified_on_spot]


def decision_hazards(inspection: Inspection) -> list[Hazard]:
    """The hazards a 现场处理措施决定书 covers: those given an on-site measure."""
    return [h for h in inspection.hazards if onsite_measures_of(h)]


def hazards_for(kind: DocumentKind, inspection: Inspection) -> list[Hazard]:
    if kind == DocumentKind.INSPECTION_RECORD:
        return record_hazards(inspection)
    if kind == DocumentKind.ONSITE_DECISION:
        return decision_hazards(inspection)
    return order_hazards(inspection)


def checklist_sections(visits: Iterable[VisitChecklist]) -> tuple[ChecklistSection, ...]:
    """The 检查内容 and results a visit recorded, as the record freezes them: per checklist version
    its title and 文号, then each item answered with its number, text and result; an item whose
    wording is not verified is marked 待核实 (never presented as official)."""
    return tuple(
        ChecklistSection(
            title=v.checklist.title,
            number=v.checklist.number,
            version=v.checklist.version,
            lines=tuple(
                ChecklistLine(
                    number=r.item.number,
                    content=r.item.content,
                    result=r.result,
                    unverified=not r.item.verified,
                    note=r.note,
                    hazard_number=r.hazard_number or "",
                )
                for r in v.results
            ),
        )
        for v in visits
        if v.results
    )


def build_inspection_record(
    inspection: Inspection,
    number: str,
    office: OfficeSettings,
    checklists: Iterable[VisitChecklist] = (),
) -> InspectionRecordDoc:
    return InspectionRecordDoc(
        number=number,
        issued_on=inspection.inspected_on,
        authority=authority(office),
        enterprise=party(inspection.enterprise),
        inspection_kind=inspection.kind,
        inspected_on=inspection.inspected_on,
        start_time=inspection.start_time,
        end_time=inspection.end_time,
        place=inspection.place,
        officers=certified_officers(DocumentKind.INSPECTION_RECORD, inspection.inspectors),
        representative=inspection.representative,
        notes=inspection.notes,
        hazards=tuple(hazard_item(h) for h in record_hazards(inspection)),
        checklists=checklist_sections(checklists),
    )


def build_onsite_decision(inspection: Inspection, number: str, office: OfficeSettings) -> OnsiteDecisionDoc:
    hazards = decision_hazards(inspection)
    if not hazards:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "本次检查没有需要现场处理措施的隐患，无需出具现场处理措施决定书"
                    "（可在隐患上选择“责令从危险区域内撤出作业人员”等现场处理措施）",
                )
            )
        )
    return OnsiteDecisionDoc(
        number=number,
        issued_on=inspection.inspected_on,
        authority=authority(office),
        enterprise=party(inspection.enterprise),
        inspected_on=inspection.inspected_on,
        officers=certified_officers(DocumentKind.ONSITE_DECISION, inspection.inspectors),
        items=tuple(hazard_item(h) for h in hazards),
        basis=ONSITE_BASIS,
    )


def build_rectification_order(
    inspection: Inspection, number: str, office: OfficeSettings
) -> RectificationOrderDoc:
    hazards = order_hazards(inspection)
    if not hazards:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "本次检查没有需要限期整改的隐患（立查立改的隐患不列入指令书），无需出具责令限期整改指令书",
                )
            )
        )
    items = tuple(hazard_item(h) for h in hazards)
    missing = [i.number for i in items if i.deadline is None]
    if missing:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "以下隐患尚未确定整改期限，请先填写后再出具指令书：{numbers}"),
                numbers="、".join(missing),
            )
        )
    deadline = max(i.deadline for i in items if i.deadline is not None)
    return RectificationOrderDoc(
        number=number,
        issued_on=inspection.inspected_on,
        authority=authority(office),
        enterprise=party(inspection.enterprise),
        inspected_on=inspection.inspected_on,
        officers=certified_officers(DocumentKind.RECTIFICATION_ORDER, inspection.inspectors),
        hazards=items,
        deadline=deadline,
        has_major=any(i.level == HazardLevel.MAJOR.value for i in items),
    )


def build_for_visit(
    kind: DocumentKind,
    inspection: Inspection,
    number: str,
    office: OfficeSettings,
    checklists: Iterable[VisitChecklist] = (),
) -> InspectionRecordDoc | OnsiteDecisionDoc | RectificationOrderDoc:
    """``checklists``: what the visit recorded on its checklists (the record prints them)."""
    if kind == DocumentKind.INSPECTION_RECORD:
        return build_inspection_record(inspection, number, office, checklists)
    if kind == DocumentKind.ONSITE_DECISION:
        return build_onsite_decision(inspection, number, office)
    if kind == DocumentKind.RECTIFICATION_ORDER:
        return build_rectification_order(inspection, number, office)
    raise DomainError(say(NOT_FOR_VISIT, kind=kind.value))
