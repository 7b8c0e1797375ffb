"""The 现场检查方案 form: its input, its checks, and the proposal drafted from an enterprise.

A proposal (``propose``) is only a prefilled form, nothing is written: 地址, 所属行业 and 联系人 come
from the enterprise; a source (a campaign, a plan item, a drawn enterprise) gives 检查内容 its
title, basis and checklist, and a 双随机 draw also gives its two drawn inspectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.errors import FieldError, ValidationError
from inspector.core.inputs import length_errors, merge
from inspector.core.validation import Collector, parse_date
from inspector.db.models import (
    Campaign,
    Checklist,
    ChecklistVersion,
    DrawEntry,
    Enterprise,
    Inspector,
    InspectorConflict,
    PlanItem,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

LABELS: dict[str, str] = {
    "enterprise_id": "被检查单位",
    "planned_on": "检查时间",
    "contact": "联系人",
    "inspector1_id": "执法人员（主办）",
    "inspector2_id": "执法人员（协办）",
    "content": "检查内容",
    "method": "检查方式",
    "remarks": "备注",
    "plan_item_id": "计划事项",
    "campaign_id": "专项行动",
    "draw_entry_id": "双随机抽查结果",
}
NO_ENTERPRISE = QT_TRANSLATE_NOOP("core", "未找到被检查单位（编号 {id}）")
NO_DRAW_ENTRY = QT_TRANSLATE_NOOP("core", "未找到双随机抽查结果（编号 {id}）")
NO_CAMPAIGN = QT_TRANSLATE_NOOP("core", "未找到专项行动（编号 {id}）")
NO_PLAN_ITEM = QT_TRANSLATE_NOOP("core", "未找到计划事项（编号 {id}）")
REQUIRED = QT_TRANSLATE_NOOP("core", "{label}不能为空")
DEFAULT_METHOD = "现场检查、查阅资料、询问有关人员"
DEFAULT_CONTENT = "安全生产主体责任落实情况，安全生产管理制度、操作规程、教育培训，重大危险源和重点部位管控，事故隐患排查治理情况。"


@dataclass
class SchemeInput:
    """What the 方案 form holds. ``planned_on`` may be text from the command line."""

    FIELD_LABELS: ClassVar[dict[str, str]] = LABELS
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"contact": 50, "content": 5000, "method": 1000, "remarks": 2000}

    enterprise_id: int | None = None
    planned_on: date | str | None = None
    contact: str = ""
    inspector1_id: int | None = None
    inspector2_id: int | None = None
    content: str = ""
    method: str = DEFAULT_METHOD
    remarks: str = ""
    plan_item_id: int | None = None
    campaign_id: int | None = None
    draw_entry_id: int | None = None


@dataclass(frozen=True)
class Checked:
    enterprise: Enterprise
    planned_on: date
    inspector1: Inspector
    inspector2: Inspector


def contact_of(e: Enterprise) -> str:
    """联系人: the principal (else the safety director, the legal representative) and the phone."""
    person = (e.principal or e.safety_director or e.legal_representative).strip()
    return " ".join(x for x in (person, e.phone.strip()) if x)[:50]


def _checklist_title(s: Session, code: str | None) -> str:
    if not code:
        return ""
    title = s.scalar(
        select(ChecklistVersion.title)
        .join(Checklist, Checklist.id == ChecklistVersion.checklist_id)
        .where(Checklist.code == code)
        .order_by(ChecklistVersion.version.desc())
        .limit(1)
    )
    return f"对照《{title}》逐项检查" if title else f"对照检查表（{code}）逐项检查"


def _content_from(title: str, basis: str, checklist: str) -> str:
    lines = [f"{title}。" if title and title[-1] not in "。；" else title]
    if basis.strip():
        lines.append(f"依据：{basis.strip()}")
    if checklist:
        lines.append(f"{checklist}。")
    return "\n".join(x for x in lines if x)


def propose(
    s: Session,
    enterprise_id: int,
    planned_on: date,
    *,
    plan_item_id: int | None = None,
    campaign_id: int | None = None,
    draw_entry_id: int | None = None,
) -> SchemeInput:
    """A 方案 form prefilled for ``enterprise_id`` (and its source); refuses unknown records."""
    e = s.get(Enterprise, enterprise_id)
    if e is None:
        raise ValidationError([FieldError("enterprise_id", say(NO_ENTERPRISE, id=enterprise_id))])
    data = SchemeInput(
        enterprise_id=e.id,
        planned_on=planned_on,
        contact=contact_of(e),
        content=DEFAULT_CONTENT,
        plan_item_id=plan_item_id,
        campaign_id=campaign_id,
        draw_entry_id=draw_entry_id,
    )
    c = Collector()
    if draw_entry_id is not None:
        entry = s.get(DrawEntry, draw_entry_id)
        if entry is None:
            c.check("draw_entry_id", say(NO_DRAW_ENTRY, id=draw_entry_id))
        else:
            data.inspector1_id, data.inspector2_id = entry.inspector1_id, entry.inspector2_id
            if plan_item_id is None and entry.draw.plan_item_id is not None:
                data.plan_item_id = plan_item_id = entry.draw.plan_item_id
            data.remarks = f"双随机抽查确定（抽查编号 {entry.draw_id}，第{entry.position}家）。"
    if campaign_id is not None:
        campaign = s.get(Campaign, campaign_id)
        if campaign is None:
            c.check("campaign_id", say(NO_CAMPAIGN, id=campaign_id))
        else:
            checklist = _checklist_title(s, campaign.checklist_code)
            data.content = _content_from(campaign.title, campaign.basis, checklist)
    elif plan_item_id is not None:
        item = s.get(PlanItem, plan_item_id)
        if item is None:
            c.check("plan_item_id", say(NO_PLAN_ITEM, id=plan_item_id))
        else:
            checklist = _checklist_title(s, item.checklist_code)
            data.content = _content_from(item.title, item.basis, checklist)
    c.raise_if_any()
    return data


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _person(s: Session, c: Collector, key: str, person_id: int | None) -> Inspector | None:
    label = LABELS[key]
    if person_id is None:
        c.check(key, say(QT_TRANSLATE_NOOP("core", "请选择{label}"), label=label))
        return None
    person = s.get(Inspector, person_id)
    if person is None:
        c.check(key, say(QT_TRANSLATE_NOOP("core", "未找到{label}（编号 {id}）"), label=label, id=person_id))
    elif not person.active:
        c.check(key, say(QT_TRANSLATE_NOOP("core", "{label}“{name}”已停用"), label=label, name=person.name))
    elif not person.certificate_no.strip():
        message = say(
            QT_TRANSLATE_NOOP("core", "{label}“{name}”未登记执法证号，不能作为执法人员"),
            label=label,
            name=person.name,
        )
        c.check(key, message)
    else:
        return person
    return None


def _conflicted(s: Session, enterprise_id: int, inspector_id: int, today: date) -> bool:
    """A 回避 declared for this enterprise and not withdrawn by ``today``."""
    return (
        s.scalar(
            select(InspectorConflict.id)
            .where(
                InspectorConflict.enterprise_id == enterprise_id,
                InspectorConflict.inspector_id == inspector_id,
                (InspectorConflict.withdrawn_on.is_(None)) | (InspectorConflict.withdrawn_on > today),
            )
            .limit(1)
        )
        is not None
    )


def check(s: Session, data: SchemeInput, today: date) -> Checked:
    """Every error of the form at once; nothing is written here.

    检查时间 may not lie before ``today`` (a 方案 is made before the visit); the 执法人员 are two
    different active inspectors, each with a 执法证号 and without a 回避 for the enterprise.
    """
    c = Collector()
    enterprise = s.get(Enterprise, data.enterprise_id) if data.enterprise_id is not None else None
    if data.enterprise_id is None:
        c.check(
            "enterprise_id", say(QT_TRANSLATE_NOOP("core", "请选择{label}"), label=LABELS["enterprise_id"])
        )
    elif enterprise is None:
        c.check("enterprise_id", say(NO_ENTERPRISE, id=data.enterprise_id))

    planned_on: date | None = None
    if _empty(data.planned_on):
        c.check("planned_on", say(REQUIRED, label=LABELS["planned_on"]))
    else:
        try:
            planned_on = parse_date(data.planned_on, LABELS["planned_on"], field="planned_on")
        except ValidationError as e:
            c.errors.extend(e.errors)
        else:
            if planned_on < today:
                c.check(
                    "planned_on",
                    say(QT_TRANSLATE_NOOP("core", "检查时间不能早于今天：现场检查方案应在检查前制定并审批")),
                )

    first = _person(s, c, "inspector1_id", data.inspector1_id)
    second = _person(s, c, "inspector2_id", data.inspector2_id)
    if data.inspector1_id is not None and data.inspector1_id == data.inspector2_id:
        c.check("inspector2_id", say(QT_TRANSLATE_NOOP("core", "两名执法人员不能是同一人")))
    if enterprise is not None:
        for key, person in (("inspector1_id", first), ("inspector2_id", second)):
            if person is not None and _conflicted(s, enterprise.id, person.id, today):
                message = say(
                    QT_TRANSLATE_NOOP("core", "{name}已申报对“{enterprise}”回避，不能担任本次执法人员"),
                    name=person.name,
                    enterprise=enterprise.name,
                )
                c.check(key, message)

    for key in ("content", "method"):
        if _empty(getattr(data, key)):
            c.check(key, say(REQUIRED, label=LABELS[key]))

    if data.draw_entry_id is not None:
        entry = s.get(DrawEntry, data.draw_entry_id)
        if entry is None:
            c.check("draw_entry_id", say(NO_DRAW_ENTRY, id=data.draw_entry_id))
        elif enterprise is not None and entry.enterprise_id != enterprise.id:
            c.check(
                "enterprise_id", say(QT_TRANSLATE_NOOP("core", "被检查单位与双随机抽查结果中的企业不一致"))
            )
    if data.plan_item_id is not None and s.get(PlanItem, data.plan_item_id) is None:
        c.check("plan_item_id", say(NO_PLAN_ITEM, id=data.plan_item_id))
    if data.campaign_id is not None and s.get(Campaign, data.campaign_id) is None:
        c.check("campaign_id", say(NO_CAMPAIGN, id=data.campaign_id))

    c.errors = merge(c.errors, length_errors(data))
    c.raise_if_any()
    assert enterprise is not None and planned_on is not None and first is not None and second is not None
    return Checked(enterprise, planned_on, first, second)
