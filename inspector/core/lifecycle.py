"""The hazard lifecycle (隐患闭环管理): the rules, who may do what, and the one transition function.

States (stored, HazardState): 待整改 → 整改中 → 待复查 → 已销号; 待整改 → 已销号 by 立查立改 for
general hazards. 逾期 is derived, never stored (``is_overdue`` / ``overdue_clause``, one rule).
Nothing leaves 已销号: a correction is a new event (追加说明), never a silent reopen.

Public API
----------
- ``OPEN_STATES``; ``is_overdue(state, deadline, today) -> bool``; ``days_left(state, deadline, today)``;
  ``overdue_clause(today)`` / ``due_within_clause(today, days)`` — the same rules as SQL expressions;
  ``ordered_deadline(hazard)`` — the deadline as first ordered, before 延期 or a failed 复查.
- ``Action`` (StrEnum) and ``ACTION_LABELS`` (Chinese button texts).
- Commands, one per action (frozen dataclasses): ``SavePlan``, ``StartRectification``, ``ReportDone``,
  ``Review``, ``RectifyOnSpot``, ``ExtendDeadline``, ``RaiseToMajor``, ``EditDetails``,
  ``SetOnsiteMeasures`` (``clean_onsite_measures``), ``AddNote``, ``AddPhotos``. ``PlanInput`` holds the five-in-place (五到位); ``HazardDetails`` the descriptive fields.
- ``HazardFacts.of(hazard)``; ``refusal(action, facts, actor) -> str | None``;
  ``allowed_actions(facts, actor) -> list[Action]`` (the UI shows them as buttons);
  ``may_close(facts, actor)``.
- ``missing_plan_fields(plan, deadline=None) -> list[str]`` (attribute names, form order) and
  ``missing_plan_elements`` (their Chinese labels); ``PlanIncompleteError`` (``.fields``, ``.missing``); ``clean_plan(plan, found_on) -> CleanPlan`` (field checks);
  ``PLAN_LABELS`` / ``DETAIL_LABELS`` (form labels = the words in the messages).
- ``transition(session, actor, hazard, command, today) -> AuditEvent | None`` — validates, applies, and
  writes exactly one audit event (entity_type "hazard"). Services call it inside their transaction;
  a refusal raises a DomainError before anything is changed (None: an edit that changed nothing).
- ``details_errors(details) -> Collector``, ``list_for_supervision(hazard, on, unit)``,
  ``hazard_snapshot(hazard)`` — shared with hazard registration (core.hazards).

Refusals: ``DomainError`` (wrong state; message says which), ``ValidationError`` (a field, named),
``PlanIncompleteError`` (five-in-place), ``PermissionDenied`` (重大隐患须由科室负责人复查销号).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from inspector.core import audit
from inspector.core.audit import Actor
from inspector.core.enums import (
    HAZARD_SUBCATEGORIES,
    DocumentKind,
    HazardCategory,
    HazardLevel,
    HazardSource,
    HazardState,
    OnsiteMeasure,
    ReviewResult,
)
from inspector.core.errors import DomainError, FieldError, PermissionDenied, ValidationError
from inspector.core.inputs import length_errors
from inspector.core.photos import PhotoInput, load_photo, store_photo
from inspector.core.validation import (
    Collector,
    choice_error,
    max_length_error,
    parse_date,
    parse_money,
    required_error,
)
from inspector.db.models import (
    AuditEvent,
    DeadlineExtension,
    Document,
    Hazard,
    Inspector,
    RectificationPlan,
    ReInspection,
    Supervision,
    document_hazards,
)

S = HazardState
OPEN_STATES: tuple[str, ...] = (S.REPORTED.value, S.RECTIFYING.value, S.PENDING_REVIEW.value)
ENTITY = "hazard"

# ---------------------------------------------------------------------------------------------
# 逾期: one rule, in Python and in SQL.


def is_overdue(state: str, deadline: date | None, today: date) -> bool:
    """逾期: not closed and today is past the deadline (the deadline day itself is still in time)."""
    return state != S.CLOSED and deadline is not None and today > deadline


def days_left(state: str, deadline: date | None, today: date) -> int | None:
    """Days until the deadline (negative when overdue); None when closed or no deadline yet."""
    if state == S.CLOSED or deadline is None:
        return None
    return (deadline - today).days


class Due(StrEnum):
    """How an open hazard's deadline stands, read from ``days_left`` (one reading for every list)."""

    OVERDUE = "overdue"  # past the deadline: 逾期
    TODAY = "today"  # the deadline is today: still in time
    AHEAD = "ahead"


def due(days: int | None) -> Due | None:
    """``days_left`` as a Due; None when closed or no deadline yet. Agrees with ``is_overdue``."""
    if days is None:
        return None
    return Due.OVERDUE if days < 0 else Due.TODAY if days == 0 else Due.AHEAD


def due_text(days: int | None) -> str:
    """剩5天 / 今日到期 / 逾期3天 ("" when closed or no deadline): the words lists and sheets print."""
    kind = due(days)
    if kind is None or days is None:
        return ""
    return {Due.OVERDUE: f"逾期{-days}天", Due.TODAY: "今日到期", Due.AHEAD: f"剩{days}天"}[kind]


def overdue_clause(today: date) -> ColumnElement[bool]:
    """``is_overdue`` as SQL. Written as ``state IN (open)`` so ix_hazards_state_deadline serves it."""
    return and_(Hazard.state.in_(OPEN_STATES), Hazard.deadline < today)


def due_within_clause(today: date, days: int) -> ColumnElement[bool]:
    """Open, not yet overdue, deadline within ``days`` days (today counts as day 0)."""
    return and_(
        Hazard.state.in_(OPEN_STATES), Hazard.deadline >= today, Hazard.deadline <= _plus(today, days)
    )


def _plus(d: date, days: int) -> date:
    return date.fromordinal(d.toordinal() + days)


def ordered_deadline(h: Hazard) -> date | None:
    """The deadline as ordered at the visit: before any 延期 or failed 复查 replaced it.

    Each extension keeps the deadline it replaced, and so does each failed re-inspection; the
    oldest of those changes holds the first deadline. The 责令限期整改指令书 prints this one.
    """
    changes: list[tuple[datetime, int, date | None]] = [
        (e.at or datetime.max, 0, e.old_deadline) for e in h.extensions
    ]
    changes += [
        (datetime.combine(r.reviewed_on, time.max), 1, r.previous_deadline)
        for r in h.reinspections
        if r.new_deadline is not None
    ]
    if not changes:
        return h.deadline
    return min(changes, key=lambda c: (c[0], c[1]))[2]


# ---------------------------------------------------------------------------------------------
# Actions and who may do them.


class Action(StrEnum):
    SAVE_PLAN = "save_plan"
    START = "start"
    REPORT_DONE = "report_done"
    REVIEW = "review"
    RECTIFY_ON_SPOT = "rectify_on_spot"
    EXTEND = "extend"
    RAISE_TO_MAJOR = "raise_to_major"
    EDIT = "edit"
    ONSITE_MEASURES = "onsite_measures"
    ADD_NOTE = "add_note"
    ADD_PHOTOS = "add_photos"


ACTION_LABELS: dict[Action, str] = {
    Action.SAVE_PLAN: "填写整改方案",
    Action.START: "开始整改",
    Action.REPORT_DONE: "登记整改完成",
    Action.REVIEW: "复查",
    Action.RECTIFY_ON_SPOT: "立查立改",
    Action.EXTEND: "延期",
    Action.RAISE_TO_MAJOR: "升级为重大隐患",
    Action.EDIT: "修改隐患信息",
    Action.ONSITE_MEASURES: "现场处理措施",
    Action.ADD_NOTE: "追加说明",
    Action.ADD_PHOTOS: "添加照片",
}

_ALL = frozenset(S)
_OPEN = frozenset(OPEN_STATES)
ALLOWED_STATES: dict[Action, frozenset[str]] = {
    Action.SAVE_PLAN: frozenset({S.REPORTED, S.RECTIFYING}),
    Action.START: frozenset({S.REPORTED}),
    Action.REPORT_DONE: frozenset({S.RECTIFYING}),
    Action.REVIEW: frozenset({S.PENDING_REVIEW}),
    Action.RECTIFY_ON_SPOT: frozenset({S.REPORTED}),
    Action.EXTEND: frozenset({S.REPORTED, S.RECTIFYING}),
    Action.RAISE_TO_MAJOR: _OPEN,
    Action.EDIT: _OPEN,
    Action.ONSITE_MEASURES: _OPEN,
    Action.ADD_NOTE: _ALL,
    Action.ADD_PHOTOS: _ALL,
}

MAJOR_CLOSE_REFUSAL = "重大隐患须由科室负责人复查销号"
ON_SPOT_REFUSAL = "重大隐患不能立查立改，须制定整改方案并挂牌督办"


def may_rectify_on_spot(level: str) -> bool:
    """立查立改 is for general hazards only: a major one needs a plan and supervision."""
    return level != HazardLevel.MAJOR


@dataclass(frozen=True)
class HazardFacts:
    """What the permission rules look at; built from a model or from a detail DTO."""

    state: str
    level: str
    deadline: date | None = None
    from_inspection: bool = True  # found on an inspection visit (its chain has the documents)

    @classmethod
    def of(cls, h: Hazard) -> HazardFacts:
        return cls(h.state, h.level, h.deadline, h.inspection_id is not None)

    @property
    def is_major(self) -> bool:
        return self.level == HazardLevel.MAJOR


def refusal(action: Action, facts: HazardFacts, actor: Actor) -> str | None:
    """Why ``action`` is not possible now (Chinese), or None when it is. One place for the rules."""
    label = ACTION_LABELS[action]
    if facts.state not in ALLOWED_STATES[action]:
        if facts.state == S.CLOSED:
            return f"隐患已销号，不能{label}；如需更正，请追加说明"
        return f"隐患当前状态为“{facts.state}”，不能{label}"
    if action == Action.RECTIFY_ON_SPOT and not may_rectify_on_spot(facts.level):
        return ON_SPOT_REFUSAL
    if action == Action.EXTEND and facts.deadline is None:
        return "尚未确定整改时限，不能延期；请先填写整改方案"
    if action == Action.RAISE_TO_MAJOR and facts.is_major:
        return "该隐患已是重大隐患"
    if action == Action.ONSITE_MEASURES and not facts.from_inspection:
        return "该隐患不是检查中发现的，不能作出现场处理措施决定"
    return None


def allowed_actions(facts: HazardFacts, actor: Actor) -> list[Action]:
    """The actions to offer as buttons. REVIEW is offered to everyone (a failed review needs no
    supervisor); use ``may_close`` to enable the 合格 choice for major hazards."""
    return [a for a in Action if refusal(a, facts, actor) is None]


def may_close(facts: HazardFacts, actor: Actor) -> bool:
    """Whether a passing review by ``actor`` may close (销号) this hazard."""
    return actor.is_supervisor or not facts.is_major


# ---------------------------------------------------------------------------------------------
# Inputs.

PLAN_LABELS: dict[str, str] = {
    "responsible_unit": "整改责任单位",
    "responsible_person": "整改责任人",
    "measures": "整改措施",
    "funds": "整改资金",
    "deadline": "整改时限",
    "contingency": "应急预案",
}

DETAIL_LABELS: dict[str, str] = {
    "location": "隐患部位",
    "description": "隐患描述",
    "category": "隐患类别",
    "subcategory": "隐患子类",
    "level": "隐患等级",
    "legal_basis": "依据",
    "source": "隐患来源",
}


@dataclass(frozen=True)
class PlanInput:
    """整改方案（五到位）. Empty strings / None mean "not filled"; funds may be 0 but must be filled."""

    FIELD_LABELS: ClassVar[dict[str, str]] = PLAN_LABELS
    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "responsible_unit": 200,
        "responsible_person": 50,
        "measures": 2000,
        "funds": 30,
        "deadline": 30,
        "contingency": 2000,
    }

    responsible_unit: str = ""
    responsible_person: str = ""
    measures: str = ""
    funds: Decimal | int | float | str | None = None
    deadline: date | str | None = None
    contingency: str = ""

    @classmethod
    def of(cls, h: Hazard) -> PlanInput:
        p = h.plan
        if p is None:
            return cls(deadline=h.deadline)
        return cls(p.responsible_unit, p.responsible_person, p.measures, p.funds, h.deadline, p.contingency)


@dataclass(frozen=True)
class CleanPlan:
    responsible_unit: str
    responsible_person: str
    measures: str
    funds: Decimal | None
    deadline: date | None
    contingency: str


def clean_plan(plan: PlanInput, found_on: date) -> CleanPlan:
    """Field checks (not completeness): money, dates, lengths. Raises ValidationError."""
    c = Collector()
    L = PLAN_LABELS
    unit, person = plan.responsible_unit.strip(), plan.responsible_person.strip()
    c.check("responsible_unit", max_length_error(unit, L["responsible_unit"], 200))
    c.check("responsible_person", max_length_error(person, L["responsible_person"], 50))
    funds: Decimal | None = None
    if plan.funds is not None and str(plan.funds).strip() != "":
        try:
            funds = parse_money(plan.funds, L["funds"], field="funds")
        except ValidationError as e:
            c.errors.extend(e.errors)
    deadline: date | None = None
    if plan.deadline is not None and str(plan.deadline).strip() != "":
        try:
            deadline = parse_date(plan.deadline, L["deadline"], field="deadline")
        except ValidationError as e:
            c.errors.extend(e.errors)
        else:
            if deadline < found_on:
                c.check("deadline", f"整改时限不能早于发现日期（{found_on.isoformat()}）")
    c.raise_if_any()
    return CleanPlan(unit, person, plan.measures.strip(), funds, deadline, plan.contingency.strip())


def missing_plan_fields(plan: PlanInput | CleanPlan, deadline: date | str | None = None) -> list[str]:
    """Attribute names (PLAN_LABELS keys) of the five-in-place elements not yet filled, in form order."""
    values = {
        "responsible_unit": plan.responsible_unit,
        "responsible_person": plan.responsible_person,
        "measures": plan.measures,
        "funds": plan.funds,
        "deadline": deadline if deadline is not None else plan.deadline,
        "contingency": plan.contingency,
    }
    return [k for k, v in values.items() if v is None or (isinstance(v, str) and not v.strip())]


def missing_plan_elements(plan: PlanInput | CleanPlan, deadline: date | str | None = None) -> list[str]:
    """Chinese labels of the five-in-place elements not yet filled, in form order."""
    return [PLAN_LABELS[k] for k in missing_plan_fields(plan, deadline)]


@dataclass(frozen=True)
class PlanElement:
    """One of the five in place (五到位) and the plan fields it needs."""

    name: str  # 责任, 措施, 资金, 时限, 预案
    fields: tuple[str, ...]  # PLAN_LABELS keys


FIVE_IN_PLACE: tuple[PlanElement, ...] = (
    PlanElement("责任", ("responsible_unit", "responsible_person")),
    PlanElement("措施", ("measures",)),
    PlanElement("资金", ("funds",)),
    PlanElement("时限", ("deadline",)),
    PlanElement("预案", ("contingency",)),
)


@dataclass(frozen=True)
class ElementState:
    """How far one element of the five is in place: the labels of its fields still empty."""

    name: str
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def five_in_place(plan: PlanInput | CleanPlan, deadline: date | str | None = None) -> list[ElementState]:
    """Each of the five elements with what it still lacks, in their usual order (the plan's chips)."""
    missing = set(missing_plan_fields(plan, deadline))
    return [
        ElementState(e.name, tuple(PLAN_LABELS[f] for f in e.fields if f in missing)) for e in FIVE_IN_PLACE
    ]


class PlanIncompleteError(DomainError):
    """Not all five in place; ``fields`` names them so a form can mark its inputs, ``missing``
    holds their labels for the message."""

    def __init__(self, fields: list[str]) -> None:
        self.fields = list(fields)
        self.missing = [PLAN_LABELS[f] for f in self.fields]
        super().__init__(f"{'、'.join(self.missing)}未填写，不能进入整改中")


@dataclass(frozen=True)
class HazardDetails:
    """The descriptive fields of a hazard (not its level or lifecycle)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = DETAIL_LABELS
    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "location": 200,
        "description": 2000,
        "category": 10,
        "subcategory": 30,
        "legal_basis": 500,
        "source": 10,
    }

    location: str = ""
    description: str = ""
    category: str = ""
    subcategory: str = ""
    legal_basis: str = ""
    source: str = HazardSource.INSPECTION.value

    def cleaned(self) -> HazardDetails:
        return HazardDetails(
            *(
                v.strip()
                for v in (
                    self.location,
                    self.description,
                    self.category,
                    self.subcategory,
                    self.legal_basis,
                    self.source,
                )
            )
        )


def details_errors(d: HazardDetails) -> Collector:
    d = d.cleaned()
    c = Collector()
    L = DETAIL_LABELS
    c.check(
        "location",
        required_error(d.location, L["location"]) or max_length_error(d.location, L["location"], 200),
    )
    c.check("description", required_error(d.description, L["description"]))
    c.check(
        "category",
        required_error(d.category, L["category"]) or choice_error(d.category, L["category"], HazardCategory),
    )
    if d.subcategory and d.category in HAZARD_SUBCATEGORIES:
        subs = HAZARD_SUBCATEGORIES[HazardCategory(d.category)]
        c.check("subcategory", choice_error(d.subcategory, L["subcategory"], subs))
    c.check(
        "source",
        required_error(d.source, L["source"]) or choice_error(d.source, L["source"], HazardSource),
    )
    return c


# ---------------------------------------------------------------------------------------------
# Commands: one per action.


@dataclass(frozen=True)
class SavePlan:
    """Save the plan (partial is fine). While 整改中 it must stay complete and 时限 changes go
    through 延期, so the old deadline is never lost."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"plan": "整改方案"}

    plan: PlanInput
    action = Action.SAVE_PLAN


@dataclass(frozen=True)
class StartRectification:
    """待整改 → 整改中, only with all five in place; ``plan`` (if given) is saved first."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"plan": "整改方案"}

    plan: PlanInput | None = None
    action = Action.START


@dataclass(frozen=True)
class ReportDone:
    """整改中 → 待复查: the enterprise reports the rectification finished (整改完成日期)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"on": "整改完成日期", "note": "说明"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"note": 1000}

    on: date | str | None = None  # default: today
    note: str = ""
    action = Action.REPORT_DONE


@dataclass(frozen=True)
class Review:
    """复查: 合格 → 已销号 (and 摘牌); 不合格 → 整改中 with a new, later deadline."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "result": "复查结果",
        "inspector_ids": "复查人员",
        "reviewed_on": "复查日期",
        "opinion": "复查意见",
        "new_deadline": "新整改时限",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"result": 4, "opinion": 1000}

    result: str
    inspector_ids: list[int] = field(default_factory=list)
    reviewed_on: date | str | None = None  # default: today
    opinion: str = ""
    new_deadline: date | str | None = None
    action = Action.REVIEW


@dataclass(frozen=True)
class RectifyOnSpot:
    """立查立改: a general hazard fixed during the visit, 待整改 → 已销号."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"on": "整改日期", "measures": "整改措施"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"measures": 1000}

    on: date | str | None = None  # default: today
    measures: str = ""
    action = Action.RECTIFY_ON_SPOT


@dataclass(frozen=True)
class ExtendDeadline:
    """延期: needs a reason and a later deadline; the old one is kept in DeadlineExtension."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"new_deadline": "新整改时限", "reason": "延期理由"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"reason": 500}

    new_deadline: date | str | None
    reason: str
    action = Action.EXTEND


@dataclass(frozen=True)
class RaiseToMajor:
    """一般隐患 → 重大隐患, listed for supervision (挂牌督办) at once."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"unit": "督办单位", "on": "挂牌日期", "reason": "理由"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"unit": 100, "reason": 500}

    unit: str  # 督办单位
    on: date | str | None = None  # listed on; default: today
    reason: str = ""
    action = Action.RAISE_TO_MAJOR


@dataclass(frozen=True)
class EditDetails:
    """Correct what was recorded (部位, 描述, 类别, 依据, 来源) while the hazard is open."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"details": "隐患信息"}

    details: HazardDetails
    action = Action.EDIT


@dataclass(frozen=True)
class SetOnsiteMeasures:
    """现场处理措施 (撤出作业人员, 停产停业, 停止使用设施设备) for the 现场处理措施决定书; fixed once
    that decision is issued."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"measures": "现场处理措施"}

    measures: tuple[str, ...]
    action = Action.ONSITE_MEASURES


@dataclass(frozen=True)
class AddNote:
    """追加说明: the only change a closed hazard accepts; appended to 备注 with date and name."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"text": "说明"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": 1000}

    text: str
    action = Action.ADD_NOTE


@dataclass(frozen=True)
class AddPhotos:
    """添加照片 (整改前 or 整改后), checked and stored with the hazard."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"photos": "照片"}

    photos: list[PhotoInput]
    action = Action.ADD_PHOTOS


Command = (
    SavePlan
    | StartRectification
    | ReportDone
    | Review
    | RectifyOnSpot
    | ExtendDeadline
    | RaiseToMajor
    | EditDetails
    | SetOnsiteMeasures
    | AddNote
    | AddPhotos
)

# ---------------------------------------------------------------------------------------------
# The transition function.

_SNAP_FIELDS = (
    "state",
    "level",
    "location",
    "description",
    "category",
    "subcategory",
    "legal_basis",
    "source",
    "deadline",
    "rectified_on_spot",
    "onsite_measures",
    "reported_done_on",
    "closed_on",
    "notes",
)
_PLAN_FIELDS = ("responsible_unit", "responsible_person", "measures", "funds", "contingency")


def hazard_snapshot(h: Hazard) -> dict[str, Any]:
    """The audited view of a hazard: its fields, the plan and the supervision."""
    snap = audit.snapshot(h, _SNAP_FIELDS)
    if h.plan is not None:
        snap.update({f"plan.{k}": v for k, v in audit.snapshot(h.plan, _PLAN_FIELDS).items()})
    if h.supervision is not None:
        snap.update(
            {
                f"supervision.{k}": v
                for k, v in audit.snapshot(h.supervision, ("listed_on", "unit", "delisted_on")).items()
            }
        )
    return snap


def list_for_supervision(h: Hazard, on: date, unit: str) -> None:
    """挂牌督办; a hazard has at most one supervision row, kept after 摘牌 as the record."""
    if h.supervision is None:
        h.supervision = Supervision(listed_on=on, unit=unit)
    else:  # raised again after a correction: re-list on the same record
        h.supervision.listed_on, h.supervision.unit, h.supervision.delisted_on = on, unit, None


@dataclass
class _Ctx:
    session: Session
    actor: Actor
    hazard: Hazard
    today: date
    extra: dict[str, Any] = field(default_factory=dict)  # added to the event's "after"

    def date_or_today(self, value: date | str | None, field: str, label: str) -> date:
        if value is None or (isinstance(value, str) and not value.strip()):
            return self.today
        return parse_date(value, label, field=field)


def _one(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, message)])


def _check_day(
    ctx: _Ctx, d: date, field: str, label: str, not_before: date | None = None, what: str = ""
) -> None:
    h = ctx.hazard
    if d > ctx.today:
        raise _one(field, f"{label}不能晚于今天")
    if d < h.found_on:
        raise _one(field, f"{label}不能早于发现日期（{h.found_on.isoformat()}）")
    if not_before is not None and d < not_before:
        raise _one(field, f"{label}不能早于{what}（{not_before.isoformat()}）")


def _set_plan(h: Hazard, p: CleanPlan) -> None:
    if h.plan is None:
        h.plan = RectificationPlan()
    h.plan.responsible_unit = p.responsible_unit
    h.plan.responsible_person = p.responsible_person
    h.plan.measures = p.measures
    h.plan.funds = p.funds
    h.plan.contingency = p.contingency
    h.deadline = p.deadline


def _save_plan(ctx: _Ctx, cmd: SavePlan) -> str:
    h = ctx.hazard
    p = clean_plan(cmd.plan, h.found_on)
    if h.state == S.RECTIFYING:
        missing = missing_plan_elements(p)
        if missing:
            raise DomainError(f"整改中的隐患须保持五到位：{'、'.join(missing)}不能清空")
        if p.deadline != h.deadline:
            raise _one("deadline", "整改中的隐患变更整改时限须办理延期（说明理由）")
    if h.deadline is not None and p.deadline != h.deadline:
        order = issued_number(ctx.session, h.id, DocumentKind.RECTIFICATION_ORDER)
        if order is not None:
            raise _one(
                "deadline",
                f"整改时限已写入责令限期整改指令书（{order}），变更须办理延期（说明理由）",
            )
    _set_plan(h, p)
    missing = missing_plan_elements(p)
    return "保存整改方案（五到位齐全）" if not missing else f"保存整改方案，尚缺：{'、'.join(missing)}"


def _start(ctx: _Ctx, cmd: StartRectification) -> str:
    h = ctx.hazard
    p = clean_plan(cmd.plan if cmd.plan is not None else PlanInput.of(h), h.found_on)
    missing = missing_plan_fields(p)
    if missing:
        raise PlanIncompleteError(missing)
    _set_plan(h, p)
    h.state = S.RECTIFYING
    return f"五到位齐全，进入整改中（整改时限 {h.deadline.isoformat() if h.deadline else ''}）"


def _report_done(ctx: _Ctx, cmd: ReportDone) -> str:
    h = ctx.hazard
    label = "整改完成日期"
    on = ctx.date_or_today(cmd.on, "on", label)
    _check_day(ctx, on, "on", label)
    h.reported_done_on = on
    h.state = S.PENDING_REVIEW
    if cmd.note.strip():
        ctx.extra["note"] = cmd.note.strip()
    return f"企业报告整改完成（{on.isoformat()}），待复查"


def _review(ctx: _Ctx, cmd: Review) -> str:
    h, s = ctx.hazard, ctx.session
    c = Collector()
    result_error = required_error(cmd.result, "复查结果") or choice_error(
        cmd.result, "复查结果", ReviewResult
    )
    c.check("result", result_error)
    ids = list(dict.fromkeys(cmd.inspector_ids))
    if not ids:
        c.check("inspector_ids", "复查人员不能为空")
    c.raise_if_any()
    on = ctx.date_or_today(cmd.reviewed_on, "reviewed_on", "复查日期")
    _check_day(ctx, on, "reviewed_on", "复查日期", h.reported_done_on, "整改完成日期")
    inspectors = list(s.scalars(select(Inspector).where(Inspector.id.in_(ids))))
    unknown = sorted(set(ids) - {i.id for i in inspectors})
    if unknown:
        raise _one("inspector_ids", f"未找到检查人员（编号 {'、'.join(map(str, unknown))}）")
    inspectors.sort(key=lambda i: ids.index(i.id))
    passed = cmd.result == ReviewResult.PASSED
    opinion = cmd.opinion.strip()
    new_deadline: date | None = None
    if passed:
        if not may_close(HazardFacts.of(h), ctx.actor):
            raise PermissionDenied(MAJOR_CLOSE_REFUSAL)
    else:
        if not opinion:
            c.check("opinion", "复查不合格须填写复查意见")
        if cmd.new_deadline is None or str(cmd.new_deadline).strip() == "":
            c.check("new_deadline", "复查不合格须重新确定整改时限")
        else:
            try:
                new_deadline = parse_date(cmd.new_deadline, "新整改时限", field="new_deadline")
            except ValidationError as e:
                c.errors.extend(e.errors)
            else:
                if new_deadline <= on:
                    c.check("new_deadline", f"新整改时限须晚于复查日期（{on.isoformat()}）")
        c.raise_if_any()
    review = ReInspection(reviewed_on=on, result=cmd.result, opinion=opinion, inspectors=inspectors)
    h.reinspections.append(review)
    ctx.extra["review"] = {
        "reviewed_on": on,
        "result": cmd.result,
        "opinion": opinion,
        "inspectors": [i.name for i in inspectors],
    }
    names = "、".join(i.name for i in inspectors)
    if passed:
        h.state = S.CLOSED
        h.closed_on = on
        delisted = h.supervision is not None and h.supervision.delisted_on is None
        if delisted:
            assert h.supervision is not None
            h.supervision.delisted_on = on
        return f"复查合格（{names}），销号" + ("并摘牌" if delisted else "")
    assert new_deadline is not None
    review.previous_deadline = h.deadline
    review.new_deadline = new_deadline
    h.deadline = new_deadline
    h.reported_done_on = None
    h.state = S.RECTIFYING
    return f"复查不合格（{names}），退回整改中，新整改时限 {new_deadline.isoformat()}"


def _on_spot(ctx: _Ctx, cmd: RectifyOnSpot) -> str:
    h = ctx.hazard
    on = ctx.date_or_today(cmd.on, "on", "整改日期")
    _check_day(ctx, on, "on", "整改日期")
    measures = cmd.measures.strip()
    if measures:
        if h.plan is None:
            h.plan = RectificationPlan()
        h.plan.measures = measures
    h.rectified_on_spot = True
    h.reported_done_on = on
    h.closed_on = on
    h.state = S.CLOSED
    return "立查立改，当场整改销号"


def _extend(ctx: _Ctx, cmd: ExtendDeadline) -> str:
    h = ctx.hazard
    c = Collector()
    reason = cmd.reason.strip()
    c.check("reason", None if reason else "延期须说明理由")
    new: date | None = None
    if cmd.new_deadline is None or str(cmd.new_deadline).strip() == "":
        c.check("new_deadline", "新整改时限不能为空")
    else:
        try:
            new = parse_date(cmd.new_deadline, "新整改时限", field="new_deadline")
        except ValidationError as e:
            c.errors.extend(e.errors)
        else:
            old = h.deadline
            if old is not None and new <= old:
                c.check("new_deadline", f"新整改时限须晚于原整改时限（{old.isoformat()}）")
    c.raise_if_any()
    assert new is not None and h.deadline is not None
    old = h.deadline
    h.extensions.append(
        DeadlineExtension(old_deadline=old, new_deadline=new, reason=reason, by_id=ctx.actor.id)
    )
    h.deadline = new
    ctx.extra["reason"] = reason
    return f"延期：整改时限 {old.isoformat()} → {new.isoformat()}（理由：{reason}）"


def _raise(ctx: _Ctx, cmd: RaiseToMajor) -> str:
    h = ctx.hazard
    unit = cmd.unit.strip()
    if not unit:
        raise _one("unit", "督办单位不能为空")
    on = ctx.date_or_today(cmd.on, "on", "挂牌日期")
    _check_day(ctx, on, "on", "挂牌日期")
    h.level = HazardLevel.MAJOR
    list_for_supervision(h, on, unit)
    if cmd.reason.strip():
        ctx.extra["reason"] = cmd.reason.strip()
    return f"升级为重大隐患，挂牌督办（督办单位：{unit}）"


def _edit(ctx: _Ctx, cmd: EditDetails) -> str | None:
    h = ctx.hazard
    d = cmd.details.cleaned()
    details_errors(d).raise_if_any()
    changed = [DETAIL_LABELS[k] for k in DETAIL_LABELS if k != "level" and getattr(h, k) != getattr(d, k)]
    if not changed:
        return None
    for k in ("location", "description", "category", "subcategory", "legal_basis", "source"):
        setattr(h, k, getattr(d, k))
    return f"修改隐患信息：{'、'.join(changed)}"


MEASURE_SEPARATOR = "；"  # the measures themselves contain 、 (停止使用相关设施、设备)


def onsite_measures_of(h: Hazard) -> tuple[str, ...]:
    return tuple(m for m in (h.onsite_measures or "").split(MEASURE_SEPARATOR) if m)


def clean_onsite_measures(measures: Any) -> tuple[str, ...]:
    """Known measures in their standard order; anything else is a ValidationError."""
    label = "现场处理措施"
    if isinstance(measures, str):
        measures = measures.replace(";", MEASURE_SEPARATOR).split(MEASURE_SEPARATOR)
    if not isinstance(measures, list | tuple | set | frozenset):
        raise _one("measures", f"{label}应为以下之一或几项：{'、'.join(OnsiteMeasure)}")
    chosen = {str(m).strip() for m in measures if str(m).strip()}
    unknown = sorted(chosen - {m.value for m in OnsiteMeasure})
    if unknown:
        raise _one("measures", f"{label}“{'、'.join(unknown)}”无效，可选：{'、'.join(OnsiteMeasure)}")
    return tuple(m.value for m in OnsiteMeasure if m.value in chosen)


def _onsite(ctx: _Ctx, cmd: SetOnsiteMeasures) -> str | None:
    h = ctx.hazard
    chosen = clean_onsite_measures(cmd.measures)
    if MEASURE_SEPARATOR.join(chosen) == (h.onsite_measures or ""):
        return None
    decision = issued_number(ctx.session, h.id, DocumentKind.ONSITE_DECISION)
    if decision is not None:
        raise DomainError(
            f"现场处理措施已写入现场处理措施决定书（{decision}），不能再修改；如需更正，请追加说明"
        )
    h.onsite_measures = MEASURE_SEPARATOR.join(chosen)
    return f"现场处理措施：{h.onsite_measures}" if chosen else "取消现场处理措施"


def issued_number(session: Session, hazard_id: int, kind: DocumentKind) -> str | None:
    """The number of the first document of ``kind`` that lists the hazard, if one was issued."""
    return session.scalar(
        select(Document.number)
        .join(document_hazards, document_hazards.c.document_id == Document.id)
        .where(document_hazards.c.hazard_id == hazard_id, Document.kind == kind.value)
        .order_by(Document.id)
        .limit(1)
    )


def _add_note(ctx: _Ctx, cmd: AddNote) -> str:
    h = ctx.hazard
    text = cmd.text.strip()
    if not text:
        raise _one("text", "说明内容不能为空")
    line = f"{ctx.today.isoformat()} {ctx.actor.name}：{text}"
    h.notes = f"{h.notes}\n{line}" if h.notes else line
    return f"追加说明：{text}"


def _add_photos(ctx: _Ctx, cmd: AddPhotos) -> str:
    if not cmd.photos:
        raise _one("photos", "请选择要添加的照片")
    loaded = [load_photo(p) for p in cmd.photos]  # all checked before any is stored
    for p in loaded:
        store_photo(ctx.session, ctx.hazard, p)
    ctx.extra["photos"] = [{"phase": p.phase, "filename": p.filename, "sha256": p.sha256} for p in loaded]
    counts: dict[str, int] = {}
    for p in loaded:
        counts[p.phase] = counts.get(p.phase, 0) + 1
    return "添加照片：" + "、".join(f"{phase}{n}张" for phase, n in counts.items())


_HANDLERS: dict[Action, Callable[[_Ctx, Any], str | None]] = {
    Action.SAVE_PLAN: _save_plan,
    Action.START: _start,
    Action.REPORT_DONE: _report_done,
    Action.REVIEW: _review,
    Action.RECTIFY_ON_SPOT: _on_spot,
    Action.EXTEND: _extend,
    Action.RAISE_TO_MAJOR: _raise,
    Action.EDIT: _edit,
    Action.ONSITE_MEASURES: _onsite,
    Action.ADD_NOTE: _add_note,
    Action.ADD_PHOTOS: _add_photos,
}


def transition(
    session: Session, actor: Actor, hazard: Hazard, command: Command, today: date
) -> AuditEvent | None:
    """Validate and apply one action, writing exactly one audit event.

    Every check happens before the hazard is touched, and callers run this inside one transaction,
    so a refusal (DomainError) changes nothing. Returns None only for an edit that changed nothing.
    """
    action = command.action
    why = refusal(action, HazardFacts.of(hazard), actor)
    if why is not None:
        raise DomainError(why)
    too_long = length_errors(command)
    if too_long:
        raise ValidationError(too_long)
    before = hazard_snapshot(hazard)
    ctx = _Ctx(session, actor, hazard, today)
    summary = _HANDLERS[action](ctx, command)
    if summary is None:
        return None
    # Touch the row so version_id_col moves even when only a child (plan, photo) changed: a stale
    # form is then refused for every kind of change. flag_modified forces the UPDATE even when the
    # timestamp happens to equal the stored one (same second).
    hazard.updated_at = datetime.now().replace(microsecond=0)
    flag_modified(hazard, "updated_at")
    session.flush()
    old, new = audit.diff(before, hazard_snapshot(hazard))
    new.update(ctx.extra)
    return audit.record(
        session, actor, ENTITY, hazard.id, action.value, f"{hazard.number} {summary}", old, new
    )
