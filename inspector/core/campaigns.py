"""专项行动: full coverage of a target set by a deadline, and where that coverage stands today.

"3月底前，对前期排查的14家涉爆粉尘企业开展全覆盖检查": a campaign names its enterprises (a target
set, core.targets), a window (``starts_on`` … ``deadline``) and optionally the checklist to use.
An enterprise is covered by any visit in the window that is not a 复查 (a follow-up of hazards,
not a check); the visit need not be tagged, so one logged before the campaign was entered, or by
an inspector who forgot to say it was for the campaign, still counts. On a day ``as_of`` each
target enterprise is

- 已检查: a visit in the window;
- 逾期后检查: no visit in the window, but one after the deadline (up to ``as_of``);
- 未检查: no visit yet and the deadline not passed;
- 逾期未检查: no visit and the deadline passed.

Everything is counted in SQL (one grouped query over the inspections of the window joined to
the target set), so a campaign over thousands of enterprises answers at once; the list of rows
is windowed (``rows(offset, limit)``) for the UI. Campaigns are the office's: a 科室负责人 sets
them up (core.actors.require_office_role).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, ClassVar

from sqlalchemy import Date, Select, and_, case, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit
from inspector.core.actors import acting, require_office_role
from inspector.core.audit import Actor
from inspector.core.enums import CoverageState, InspectionKind
from inspector.core.errors import ConcurrentEditError, FieldError, NotFoundError, ValidationError
from inspector.core.inputs import length_errors
from inspector.core.pinyin import sort_key
from inspector.core.targets import TargetSet, condition
from inspector.core.targets import validate as validate_target
from inspector.db import models as m
from inspector.db.engine import Database
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "campaign"
# Messages, raised as say(EDIT_REFUSAL) in the language of the moment.
EDIT_REFUSAL = QT_TRANSLATE_NOOP("core", "专项行动须由科室负责人部署或修改")
STALE = QT_TRANSLATE_NOOP("core", "该专项行动已被他人修改，请关闭后重新打开再编辑")
REQUIRED = QT_TRANSLATE_NOOP("core", "{label}不能为空")
MAX_DAYS = 3 * 366


@dataclass
class CampaignInput:
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "title": "专项行动名称",
        "basis": "工作要求",
        "target": "目标企业",
        "starts_on": "开始日期",
        "deadline": "截止日期",
        "checklist_code": "检查表",
        "notes": "备注",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"title": 200, "basis": 2000, "notes": 2000}

    title: str = ""
    basis: str = ""
    target: TargetSet = field(default_factory=TargetSet)
    starts_on: date | None = None
    deadline: date | None = None
    checklist_code: str | None = None
    plan_item_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class CampaignRow:
    id: int
    title: str
    target: TargetSet
    starts_on: date
    deadline: date
    checklist_code: str | None
    version: int


@dataclass(frozen=True)
class Coverage:
    """A campaign's coverage on ``as_of``: counts per state, overall and per 属地."""

    campaign_id: int
    title: str
    starts_on: date
    deadline: date
    as_of: date
    counts: dict[CoverageState, int]
    by_jurisdiction: tuple[tuple[str, dict[CoverageState, int]], ...]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def covered(self) -> int:
        return self.counts[CoverageState.COVERED] + self.counts[CoverageState.LATE]

    @property
    def missing(self) -> int:
        return self.counts[CoverageState.PENDING] + self.counts[CoverageState.OVERDUE]

    @property
    def days_left(self) -> int:
        return (self.deadline - self.as_of).days


@dataclass(frozen=True)
class CoverageRow:
    enterprise_id: int
    name: str
    credit_code: str
    jurisdiction: str
    address: str
    state: CoverageState
    checked_on: date | None  # the first visit that covers it
    visits: int  # counted visits since the start


def validate(data: CampaignInput) -> list[FieldError]:
    L = CampaignInput.FIELD_LABELS
    errors = list(length_errors(data))
    if not data.title.strip():
        errors.append(FieldError("title", say(REQUIRED, label=L["title"])))
    if data.starts_on is None:
        errors.append(FieldError("starts_on", say(REQUIRED, label=L["starts_on"])))
    if data.deadline is None:
        errors.append(FieldError("deadline", say(REQUIRED, label=L["deadline"])))
    if data.starts_on and data.deadline:
        if data.deadline < data.starts_on:
            errors.append(FieldError("deadline", say(QT_TRANSLATE_NOOP("core", "截止日期不能早于开始日期"))))
        elif (data.deadline - data.starts_on).days > MAX_DAYS:
            errors.append(FieldError("deadline", say(QT_TRANSLATE_NOOP("core", "专项行动最长三年"))))
    return errors + validate_target(data.target)


def _summary(c: m.Campaign) -> dict[str, Any]:
    return {
        "title": c.title,
        "basis": c.basis,
        "target": TargetSet.from_json(c.target).describe(),
        "starts_on": c.starts_on,
        "deadline": c.deadline,
        "checklist_code": c.checklist_code,
        "notes": c.notes,
    }


def _apply(row: m.Campaign, data: CampaignInput) -> None:
    assert data.starts_on is not None and data.deadline is not None  # validated
    row.title = data.title.strip()
    row.basis = data.basis.strip()
    row.target = data.target.to_json()
    row.starts_on = data.starts_on
    row.deadline = data.deadline
    row.checklist_code = data.checklist_code or None
    row.plan_item_id = data.plan_item_id
    row.notes = data.notes.strip()


def _state_query(c: m.Campaign, as_of: date) -> Select[Any]:
    """Per target enterprise: its columns, the state on ``as_of``, first covering visit, visits."""
    visits = (
        select(
            m.Inspection.enterprise_id.label("eid"),
            func.min(case((m.Inspection.inspected_on <= c.deadline, m.Inspection.inspected_on))).label(
                "first_in"
            ),
            func.min(m.Inspection.inspected_on).label("first_any"),
            func.count(m.Inspection.id).label("n"),
        )
        .where(
            m.Inspection.inspected_on >= c.starts_on,
            m.Inspection.inspected_on <= as_of,
            m.Inspection.kind != InspectionKind.REVIEW.value,
        )
        .group_by(m.Inspection.enterprise_id)
        .subquery()
    )
    missing = CoverageState.OVERDUE if as_of > c.deadline else CoverageState.PENDING
    state = case(
        (visits.c.first_in.is_not(None), CoverageState.COVERED.value),
        (visits.c.first_any.is_not(None), CoverageState.LATE.value),
        else_=literal(missing.value),
    )
    return (
        select(
            m.Enterprise.id,
            m.Enterprise.name,
            m.Enterprise.credit_code,
            m.Enterprise.jurisdiction,
            m.Enterprise.address,
            m.Enterprise.jurisdiction_pinyin,
            m.Enterprise.name_pinyin,
            state.label("state"),
            func.coalesce(visits.c.first_in, visits.c.first_any, type_=Date).label("checked_on"),
            func.coalesce(visits.c.n, 0).label("visits"),
        )
        .outerjoin(visits, visits.c.eid == m.Enterprise.id)
        .where(condition(TargetSet.from_json(c.target)))
    )


def _get(s: Session, campaign_id: int) -> m.Campaign:
    c = s.get(m.Campaign, campaign_id)
    if c is None:
        raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "专项行动不存在")))
    return c


def coverage_in(s: Session, campaign_id: int, as_of: date) -> Coverage:
    c = _get(s, campaign_id)
    per = _state_query(c, as_of).subquery()
    counts = {state: 0 for state in CoverageState}
    by: dict[str, dict[CoverageState, int]] = {}
    for j, state, n in s.execute(
        select(per.c.jurisdiction, per.c.state, func.count()).group_by(per.c.jurisdiction, per.c.state)
    ):
        st = CoverageState(state)
        counts[st] += int(n)
        by.setdefault(str(j), {x: 0 for x in CoverageState})[st] += int(n)
    places = tuple(sorted(by.items(), key=lambda item: sort_key(item[0])))
    return Coverage(c.id, c.title, c.starts_on, c.deadline, as_of, counts, places)


def rows_in(
    s: Session,
    campaign_id: int,
    as_of: date,
    states: tuple[CoverageState, ...] = (),
    offset: int = 0,
    limit: int | None = None,
) -> list[CoverageRow]:
    """Missing enterprises first (逾期未检查, 未检查), then by 属地 and name in pinyin order."""
    c = _get(s, campaign_id)
    per = _state_query(c, as_of).subquery()
    order = case(
        (per.c.state == CoverageState.OVERDUE.value, 0),
        (per.c.state == CoverageState.PENDING.value, 1),
        (per.c.state == CoverageState.LATE.value, 2),
        else_=3,
    )
    place_order = (per.c.jurisdiction_pinyin, per.c.jurisdiction, per.c.name_pinyin, per.c.name, per.c.id)
    stmt = select(per).order_by(order, *place_order).offset(offset)
    if states:
        stmt = stmt.where(per.c.state.in_([x.value for x in states]))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        CoverageRow(
            int(r.id),
            r.name,
            r.credit_code,
            r.jurisdiction,
            r.address,
            CoverageState(r.state),
            r.checked_on,
            int(r.visits),
        )
        for r in s.execute(stmt)
    ]


def _row(c: m.Campaign) -> CampaignRow:
    return CampaignRow(
        c.id, c.title, TargetSet.from_json(c.target), c.starts_on, c.deadline, c.checklist_code, c.version
    )


class CampaignService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def create(self, actor: Actor, data: CampaignInput) -> int:
        errors = validate(data)
        if errors:
            raise ValidationError(errors)
        with acting(self.db, actor) as (s, who):
            require_office_role(s, who, say(EDIT_REFUSAL))
            row = m.Campaign(created_by_id=who.id)
            _apply(row, data)
            s.add(row)
            s.flush()
            audit.record(
                s,
                who,
                ENTITY,
                row.id,
                "create",
                f"部署专项行动“{row.title}”",
                after=_summary(row),
                today=self.clock(),
            )
            return row.id

    def update(self, actor: Actor, campaign_id: int, data: CampaignInput, version: int) -> None:
        errors = validate(data)
        if errors:
            raise ValidationError(errors)
        try:
            with acting(self.db, actor) as (s, who):
                require_office_role(s, who, say(EDIT_REFUSAL))
                row = _get(s, campaign_id)
                if row.version != version:
                    raise ConcurrentEditError(say(STALE))
                before = _summary(row)
                _apply(row, data)
                s.flush()
                b, a = audit.diff(before, _summary(row))
                audit.record(
                    s, who, ENTITY, row.id, "update", f"修改专项行动“{row.title}”", b, a, today=self.clock()
                )
        except StaleDataError:
            raise ConcurrentEditError(say(STALE)) from None

    def get(self, campaign_id: int) -> tuple[CampaignInput, int]:
        with self.db.reading() as s:
            c = _get(s, campaign_id)
            data = CampaignInput(
                title=c.title,
                basis=c.basis,
                target=TargetSet.from_json(c.target),
                starts_on=c.starts_on,
                deadline=c.deadline,
                checklist_code=c.checklist_code,
                plan_item_id=c.plan_item_id,
                notes=c.notes,
            )
            return data, c.version

    def campaigns(self, running_on: date | None = None) -> list[CampaignRow]:
        """All campaigns, latest deadline first; with ``running_on``, those not ended by then
        (their deadline within the last 30 days counts: coverage is still chased)."""
        stmt = select(m.Campaign).order_by(m.Campaign.deadline.desc(), m.Campaign.id.desc())
        if running_on is not None:
            stmt = stmt.where(
                m.Campaign.starts_on <= running_on, m.Campaign.deadline >= running_on - timedelta(days=30)
            )
        with self.db.reading() as s:
            return [_row(c) for c in s.scalars(stmt)]

    def coverage(self, campaign_id: int, as_of: date | None = None) -> Coverage:
        with self.db.reading() as s:
            return coverage_in(s, campaign_id, as_of or self.clock())

    def rows(
        self,
        campaign_id: int,
        states: tuple[CoverageState, ...] = (),
        offset: int = 0,
        limit: int | None = None,
        as_of: date | None = None,
    ) -> list[CoverageRow]:
        with self.db.reading() as s:
            return rows_in(s, campaign_id, as_of or self.clock(), states, offset, limit)

    def missing(self, campaign_id: int, as_of: date | None = None) -> list[CoverageRow]:
        """The enterprises the campaign still lacks (逾期未检查 first)."""
        return self.rows(campaign_id, (CoverageState.OVERDUE, CoverageState.PENDING), as_of=as_of)

    def for_enterprise(self, enterprise_id: int, on: date | None = None) -> list[CampaignRow]:
        """Campaigns running on ``on`` whose target holds the enterprise (the visit form offers
        their checklist)."""
        day = on or self.clock()
        with self.db.reading() as s:
            found = []
            for c in s.scalars(
                select(m.Campaign).where(m.Campaign.starts_on <= day, m.Campaign.deadline >= day)
            ):
                hit = s.scalar(
                    select(m.Enterprise.id).where(
                        and_(m.Enterprise.id == enterprise_id, condition(TargetSet.from_json(c.target)))
                    )
                )
                if hit is not None:
                    found.append(_row(c))
            return found
