"""Registering a hazard: the input, its checks, 编号, 挂牌督办 and the first plan or 立查立改."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core import audit
from inspector.core.audit import Actor
from inspector.core.enums import HazardLevel, HazardSource, HazardState
from inspector.core.errors import FieldError, ValidationError
from inspector.core.inputs import length_errors, merge
from inspector.core.lifecycle import (
    DETAIL_LABELS,
    ENTITY,
    MEASURE_SEPARATOR,
    ON_SPOT_REFUSAL,
    PLAN_LABELS,
    HazardDetails,
    PlanInput,
    RectifyOnSpot,
    SavePlan,
    StartRectification,
    clean_onsite_measures,
    clean_plan,
    details_errors,
    hazard_snapshot,
    list_for_supervision,
    may_rectify_on_spot,
    missing_plan_elements,
    transition,
)
from inspector.core.numbering import next_hazard_number
from inspector.core.photos import LoadedPhoto, PhotoInput, load_photo, store_photo
from inspector.core.validation import choice_error
from inspector.db.models import (
    Hazard,
    Setting,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

SUPERVISING_UNIT_KEY = "supervising_unit"
DEFAULT_SUPERVISING_UNIT = "区应急管理局"


@dataclass
class HazardInput:
    """One hazard as recorded. ``deadline`` is a shortcut for ``plan.deadline`` (the plan's wins)."""

    # How a visit's messages name its n-th hazard: say(HazardInput.ITEM_PREFIX, n=n).
    ITEM_PREFIX: ClassVar[str] = QT_TRANSLATE_NOOP("core", "第{n}条隐患 ")
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        **DETAIL_LABELS,
        "deadline": PLAN_LABELS["deadline"],
        "plan": "整改方案",
        "rectified_on_spot": "立查立改",
        "on_spot_measures": "现场整改措施",
        "onsite_measures": "现场处理措施",
        "photos": "照片",
        "supervision_unit": "督办单位",
        "notes": "备注",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        **HazardDetails.TEXT_LIMITS,
        "level": 10,
        "deadline": 30,
        "on_spot_measures": 1000,
        "supervision_unit": 100,
        "notes": 2000,
    }

    location: str = ""
    description: str = ""
    category: str = ""
    subcategory: str = ""
    level: str = HazardLevel.GENERAL.value
    legal_basis: str = ""
    source: str = HazardSource.INSPECTION.value
    deadline: date | str | None = None
    plan: PlanInput | None = None
    rectified_on_spot: bool = False
    on_spot_measures: str = ""
    onsite_measures: tuple[str, ...] = ()  # 现场处理措施 for the 现场处理措施决定书 (OnsiteMeasure values)
    photos: list[PhotoInput] = field(default_factory=list)
    supervision_unit: str = ""  # 督办单位 for a major hazard; default: the team setting
    notes: str = ""

    def details(self) -> HazardDetails:
        return HazardDetails(
            self.location, self.description, self.category, self.subcategory, self.legal_basis, self.source
        )

    def effective_plan(self) -> PlanInput:
        p = self.plan or PlanInput()
        if p.deadline is None or str(p.deadline).strip() == "":
            p = PlanInput(
                p.responsible_unit, p.responsible_person, p.measures, p.funds, self.deadline, p.contingency
            )
        return p


def _plan_has_content(p: PlanInput | None) -> bool:
    return p is not None and any(
        v is not None and str(v).strip() != ""
        for v in (p.responsible_unit, p.responsible_person, p.measures, p.funds, p.contingency)
    )


def hazard_input_errors(
    data: HazardInput, found_on: date, loaded_photos: list[LoadedPhoto] | None = None
) -> list[FieldError]:
    """Every field error of one hazard (unprefixed), photos included, before anything is written.
    Photos that pass are appended to ``loaded_photos`` so files are read only once."""
    errors = list(details_errors(data.details()).errors)
    level_error = (
        choice_error(data.level, DETAIL_LABELS["level"], HazardLevel)
        if data.level
        else say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label=DETAIL_LABELS["level"])
    )
    if level_error:
        errors.append(FieldError("level", level_error))
    if data.rectified_on_spot and not may_rectify_on_spot(data.level):
        errors.append(FieldError("rectified_on_spot", say(ON_SPOT_REFUSAL)))
    try:
        clean_plan(data.effective_plan(), found_on)
    except ValidationError as e:
        errors.extend(e.errors)
    try:
        clean_onsite_measures(data.onsite_measures)
    except ValidationError as e:  # the command calls them ``measures``; here they are this field
        errors.extend(FieldError("onsite_measures", fe.message) for fe in e.errors)
    for p in data.photos:
        try:
            loaded = load_photo(p)
        except ValidationError as e:
            errors.extend(e.errors)
        else:
            if loaded_photos is not None:
                loaded_photos.append(loaded)
    return merge(errors, length_errors(data))


def supervising_unit(session: Session) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == SUPERVISING_UNIT_KEY))
    return value or DEFAULT_SUPERVISING_UNIT


def register_hazard(
    session: Session,
    actor: Actor,
    enterprise_id: int,
    found_on: date,
    data: HazardInput,
    today: date,
    inspection_id: int | None = None,
    photos: Sequence[LoadedPhoto] | None = None,
) -> Hazard:
    """Create one validated hazard inside the caller's transaction (see ``hazard_input_errors``).

    Writes a "create" event; a complete plan then starts rectification, a partial one is saved,
    立查立改 closes it — each as its own lifecycle event, so the timeline reads like what happened.
    """
    d = data.details().cleaned()
    plan = data.effective_plan()
    clean = clean_plan(plan, found_on)
    h = Hazard(
        number=next_hazard_number(session, found_on.year),
        enterprise_id=enterprise_id,
        inspection_id=inspection_id,
        source=d.source,
        location=d.location,
        description=d.description,
        category=d.category,
        subcategory=d.subcategory,
        level=data.level,
        legal_basis=d.legal_basis,
        found_on=found_on,
        state=HazardState.REPORTED.value,
        deadline=clean.deadline,
        rectified_on_spot=False,
        onsite_measures=MEASURE_SEPARATOR.join(clean_onsite_measures(data.onsite_measures)),
        notes=data.notes.strip(),
    )
    session.add(h)
    summary = f"{h.number} 登记{data.level}：{d.location} {d.description[:40]}"
    if data.level == HazardLevel.MAJOR:
        unit = data.supervision_unit.strip() or supervising_unit(session)
        list_for_supervision(h, found_on, unit)
        summary += f"，挂牌督办（督办单位：{unit}）"
    loaded = list(photos) if photos is not None else [load_photo(p) for p in data.photos]
    for p in loaded:
        store_photo(session, h, p)
    session.flush()
    after = hazard_snapshot(h)
    after["number"] = h.number
    if loaded:
        after["photos"] = [{"phase": p.phase, "filename": p.filename, "sha256": p.sha256} for p in loaded]
    audit.record(session, actor, ENTITY, h.id, "create", summary, None, after, today=today)
    if data.rectified_on_spot:
        transition(session, actor, h, RectifyOnSpot(on=found_on, measures=data.on_spot_measures), today)
    elif _plan_has_content(data.plan):
        complete = not missing_plan_elements(clean)
        transition(session, actor, h, StartRectification(plan) if complete else SavePlan(plan), today)
    return h
