"""Hazards (隐患): registration, lifecycle actions, the filtered list and the detail view.

Public API
----------
- ``HazardInput`` — one hazard as a form or an inspection row supplies it;
  ``hazard_input_errors(data, found_on) -> list[FieldError]``.
- ``register_hazard(session, actor, enterprise_id, found_on, data, today, inspection_id=None)
  -> Hazard`` — numbering, supervision of major hazards, initial plan / 立查立改, audit events;
  used inside the caller's transaction (an inspection records several at once).
- ``HazardFilter`` (all optional) and ``SORTABLE`` (whitelisted sort keys).
- ``HazardRow`` (list line), ``HazardDetail`` (+ ``PlanView``, ``ReviewView``, ``ExtensionView``,
  ``SupervisionView``), ``HazardCounts``, ``RecordedHazard``.
- ``HazardService(db, clock=date.today)``:
  ``count(f)``, ``page(f, offset, limit, sort="found_on", descending=True) -> list[HazardRow]``,
  ``detail(hazard_id) -> HazardDetail``, ``find_by_number(number) -> int | None``,
  ``counts_by_state(enterprise_id=None) -> HazardCounts`` (一企一档),
  ``record(actor, enterprise_id, data, found_on=None, inspection_id=None) -> RecordedHazard``,
  ``act(actor, hazard_id, command, version=None) -> int`` (new version; every lifecycle action),
  ``add_photos(actor, hazard_id, photos, version=None) -> int``,
  ``act_with_photos(actor, hazard_id, command, photos, version=None) -> int`` (action + photos, one transaction),
  ``batch_extend(actor, hazard_ids, new_deadline, reason) -> int``,
  ``actions(hazard_id, actor) -> list[Action]``.

Lists stay fast on a million hazards: every filter is an indexed predicate on ``hazards`` (or an
IN-subquery on a small table), the page query selects ids first and joins enterprises only for the
rows shown (or when sorting by an enterprise column), and keyword search uses the SQLite FTS5
trigram table for keywords of 3+ characters (LIKE for 1–2, ILIKE on PostgreSQL).
NULL deadlines sort first ascending on SQLite and last on PostgreSQL (native order keeps the index).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Select, and_, any_, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit
from inspector.core.actors import acting, verify
from inspector.core.audit import Actor, AuditEntry
from inspector.core.enums import HazardLevel, HazardSource, HazardState
from inspector.core.errors import ConcurrentEditError, DomainError, FieldError, NotFoundError, ValidationError
from inspector.core.hazard_inspectors import inspector_names
from inspector.core.inputs import length_errors, merge, require_id, sanitized
from inspector.core.lifecycle import (
    DETAIL_LABELS,
    ENTITY,
    MEASURE_SEPARATOR,
    ON_SPOT_REFUSAL,
    PLAN_LABELS,
    Action,
    AddPhotos,
    Command,
    ExtendDeadline,
    HazardDetails,
    HazardFacts,
    PlanInput,
    RectifyOnSpot,
    SavePlan,
    StartRectification,
    allowed_actions,
    clean_onsite_measures,
    clean_plan,
    days_left,
    details_errors,
    due_within_clause,
    hazard_snapshot,
    is_overdue,
    list_for_supervision,
    may_rectify_on_spot,
    missing_plan_elements,
    onsite_measures_of,
    overdue_clause,
    transition,
)
from inspector.core.numbering import HAZARD_NUMBER_PATTERN, next_hazard_number
from inspector.core.photos import LoadedPhoto, PhotoInput, PhotoMeta, load_photo, photo_metas, store_photo
from inspector.core.validation import choice_error, parse_date
from inspector.db.engine import Database
from inspector.db.models import (
    DeadlineExtension,
    Enterprise,
    Hazard,
    Inspection,
    Inspector,
    ReInspection,
    Setting,
    Supervision,
    inspection_inspectors,
)

# Appending a note or a photo cannot conflict with anyone's edit: a stale form still appends.
APPEND_ONLY = frozenset({Action.ADD_NOTE, Action.ADD_PHOTOS})
STALE_MESSAGE = "该隐患已被他人修改，请刷新后重试"
SUPERVISING_UNIT_KEY = "supervising_unit"
DEFAULT_SUPERVISING_UNIT = "区应急管理局"
FTS_MIN_CHARS = 3  # trigram MATCH finds nothing for 1–2 characters (PITFALLS.md)


# ---------------------------------------------------------------------------------------------
# Registration.


@dataclass
class HazardInput:
    """One hazard as recorded. ``deadline`` is a shortcut for ``plan.deadline`` (the plan's wins)."""

    ITEM_PREFIX: ClassVar[str] = "第{n}条隐患 "  # how a visit's messages name its n-th hazard
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
        choice_error(data.level, DETAIL_LABELS["level"], HazardLevel) if data.level else "隐患等级不能为空"
    )
    if level_error:
        errors.append(FieldError("level", level_error))
    if data.rectified_on_spot and not may_rectify_on_spot(data.level):
        errors.append(FieldError("rectified_on_spot", ON_SPOT_REFUSAL))
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
    audit.record(session, actor, ENTITY, h.id, "create", summary, None, after)
    if data.rectified_on_spot:
        transition(session, actor, h, RectifyOnSpot(on=found_on, measures=data.on_spot_measures), today)
    elif _plan_has_content(data.plan):
        complete = not missing_plan_elements(clean)
        transition(session, actor, h, StartRectification(plan) if complete else SavePlan(plan), today)
    return h


# ---------------------------------------------------------------------------------------------
# Queries.


@dataclass(frozen=True)
class HazardFilter:
    """Every criterion is optional and they combine with AND. ``text`` matches 隐患编号, 部位, 描述
    and 企业名称; several words must all match."""

    text: str = ""
    jurisdiction: str | None = None
    enterprise_id: int | None = None
    inspection_id: int | None = None
    category: str | None = None
    subcategory: str | None = None
    level: str | None = None
    state: str | None = None
    open_only: bool = False  # not 已销号
    overdue_only: bool = False
    due_within_days: int | None = None  # open, not overdue, deadline within N days
    supervised_only: bool = False  # 挂牌督办中 (listed, not delisted)
    inspector_id: int | None = None  # found on an inspection this inspector took part in
    found_from: date | None = None
    found_to: date | None = None


SORTABLE: dict[str, Any] = {
    "number": Hazard.number,
    "found_on": Hazard.found_on,
    "deadline": Hazard.deadline,
    "state": Hazard.state,
    "level": Hazard.level,
    "category": Hazard.category,
    "enterprise_name": Enterprise.name,
    "jurisdiction": Enterprise.jurisdiction,
    "id": Hazard.id,
}
_JOIN_SORTS = frozenset({"enterprise_name", "jurisdiction"})


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(keyword: str) -> str:
    return '"' + keyword.replace('"', '""') + '"'


def _keyword_clause(keyword: str, sqlite: bool) -> ColumnElement[bool]:
    if HAZARD_NUMBER_PATTERN.fullmatch(keyword):  # a whole 隐患编号: the unique index, no scan
        return Hazard.number == keyword.upper()
    pattern = f"%{_escape_like(keyword)}%"

    def like(col: Any) -> ColumnElement[bool]:
        return col.like(pattern, escape="\\") if sqlite else col.ilike(pattern, escape="\\")

    if sqlite and len(keyword) >= FTS_MIN_CHARS:
        own: ColumnElement[bool] = Hazard.id.in_(
            select(literal_column("rowid"))
            .select_from(text("hazards_fts"))
            .where(literal_column("hazards_fts").op("MATCH")(_fts_phrase(keyword)))
        )
    else:
        own = or_(like(Hazard.number), like(Hazard.location), like(Hazard.description))
    names = select(Enterprise.id).where(like(Enterprise.name))
    if sqlite or len(keyword) < FTS_MIN_CHARS:
        by_name = Hazard.enterprise_id.in_(names)
    else:  # = ANY(ARRAY(…)) lets PostgreSQL combine it with the trigram indexes (BitmapOr);
        # 1–2 characters have no trigrams, and there the scan with IN stays faster (化工: 1.4 s vs 4.4 s)
        by_name = Hazard.enterprise_id == any_(func.array(names.scalar_subquery()))
    return or_(own, by_name)


def filter_clauses(
    f: HazardFilter, today: date, sqlite: bool, ordered_page: bool = False
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filter, on ``hazards`` alone (no join needed).

    ``ordered_page``: for a LIMITed page in index order on SQLite, broad criteria (属地, 检查人员,
    类别 alone) are written so SQLite cannot drive the query from their index (``col + 0``). It
    then walks the sort index and stops after one page instead of sorting a sixth of the table:
    without ANALYZE statistics SQLite guesses the other way (measured on 1 M hazards: 1.1 s → 2 ms).
    Counts keep the indexable form.
    """
    w: list[ColumnElement[bool]] = []

    def broad(col: Any, neutral: int | str) -> Any:
        return col + neutral if sqlite and ordered_page else col

    if f.enterprise_id is not None:
        w.append(Hazard.enterprise_id == f.enterprise_id)
    if f.inspection_id is not None:
        w.append(Hazard.inspection_id == f.inspection_id)
    if f.jurisdiction:
        w.append(
            broad(Hazard.enterprise_id, 0).in_(
                select(Enterprise.id).where(Enterprise.jurisdiction == f.jurisdiction)
            )
        )
    if f.category:
        # Two values only: never selective alone. With a state criterion the state index must
        # drive, also for counts (类别+未销号 on 1 M: 577 ms from the category index, 76 ms).
        if f.subcategory:
            category = Hazard.category
        elif sqlite and (f.open_only or f.state):
            category = Hazard.category + ""
        else:
            category = broad(Hazard.category, "")
        w.append(category == f.category)
    if f.subcategory:
        w.append(Hazard.subcategory == f.subcategory)
    if f.level:
        w.append(Hazard.level == f.level)
    if f.state:
        w.append(Hazard.state == f.state)
    if f.open_only:
        w.append(Hazard.state.in_([s.value for s in HazardState if s != HazardState.CLOSED]))
    if f.overdue_only:
        w.append(overdue_clause(today))
    if f.due_within_days is not None:
        w.append(due_within_clause(today, f.due_within_days))
    if f.supervised_only:
        w.append(Hazard.id.in_(select(Supervision.hazard_id).where(Supervision.delisted_on.is_(None))))
    if f.inspector_id is not None:
        w.append(
            broad(Hazard.inspection_id, 0).in_(
                select(inspection_inspectors.c.inspection_id).where(
                    inspection_inspectors.c.inspector_id == f.inspector_id
                )
            )
        )
    if f.found_from is not None:
        w.append(Hazard.found_on >= f.found_from)
    if f.found_to is not None:
        w.append(Hazard.found_on <= f.found_to)
    for keyword in f.text.split():
        w.append(_keyword_clause(keyword, sqlite))
    return w


@dataclass(frozen=True)
class HazardRow:
    """One line of the hazard list (隐患台账)."""

    id: int
    number: str
    enterprise_id: int
    enterprise_name: str
    jurisdiction: str
    location: str
    description: str
    category: str
    subcategory: str
    level: str
    state: str
    deadline: date | None
    found_on: date
    is_overdue: bool
    days_left: int | None
    supervised: bool  # 挂牌督办中


def _supervised_expr() -> Any:
    return exists().where(Supervision.hazard_id == Hazard.id, Supervision.delisted_on.is_(None))


def load_rows(session: Session, ids: Sequence[int], today: date) -> list[HazardRow]:
    """Rows for the given ids, in that order (one query, however many ids)."""
    if not ids:
        return []
    stmt = (
        select(
            Hazard.id,
            Hazard.number,
            Hazard.enterprise_id,
            Enterprise.name,
            Enterprise.jurisdiction,
            Hazard.location,
            Hazard.description,
            Hazard.category,
            Hazard.subcategory,
            Hazard.level,
            Hazard.state,
            Hazard.deadline,
            Hazard.found_on,
            _supervised_expr(),
        )
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .where(Hazard.id.in_(list(ids)))
    )
    by_id = {r[0]: r for r in session.execute(stmt)}
    out = []
    for i in ids:
        r = by_id[i]
        state, deadline = r[10], r[11]
        out.append(
            HazardRow(
                *r[:13],
                is_overdue=is_overdue(state, deadline, today),
                days_left=days_left(state, deadline, today),
                supervised=bool(r[13]),
            )
        )
    return out


@dataclass(frozen=True)
class PlanView:
    responsible_unit: str
    responsible_person: str
    measures: str
    funds: Decimal | None
    deadline: date | None
    contingency: str
    missing: list[str]  # five-in-place elements not yet filled


@dataclass(frozen=True)
class ReviewView:
    id: int
    reviewed_on: date
    result: str
    opinion: str
    inspectors: list[str]
    previous_deadline: date | None
    new_deadline: date | None


@dataclass(frozen=True)
class ExtensionView:
    old_deadline: date | None
    new_deadline: date
    reason: str
    by_name: str
    at: datetime


@dataclass(frozen=True)
class SupervisionView:
    listed_on: date
    unit: str
    delisted_on: date | None


@dataclass(frozen=True)
class HazardDetail:
    """Everything the hazard page shows, including the timeline from the audit trail."""

    id: int
    number: str
    version: int
    enterprise_id: int
    enterprise_name: str
    jurisdiction: str
    inspection_id: int | None
    source: str
    location: str
    description: str
    category: str
    subcategory: str
    level: str
    legal_basis: str
    found_on: date
    state: str
    deadline: date | None
    rectified_on_spot: bool
    reported_done_on: date | None
    closed_on: date | None
    notes: str
    is_overdue: bool
    days_left: int | None
    plan: PlanView | None
    reinspections: list[ReviewView]
    extensions: list[ExtensionView]
    supervision: SupervisionView | None
    photos: list[PhotoMeta]
    timeline: list[AuditEntry]
    onsite_measures: tuple[str, ...] = ()  # 现场处理措施

    @property
    def facts(self) -> HazardFacts:
        return HazardFacts(self.state, self.level, self.deadline, self.inspection_id is not None)

    def plan_input(self) -> PlanInput:
        """The plan as form input (for editing)."""
        p = self.plan
        if p is None:
            return PlanInput(deadline=self.deadline)
        return PlanInput(
            p.responsible_unit, p.responsible_person, p.measures, p.funds, self.deadline, p.contingency
        )

    def details(self) -> HazardDetails:
        return HazardDetails(
            self.location, self.description, self.category, self.subcategory, self.legal_basis, self.source
        )


@dataclass(frozen=True)
class HazardCounts:
    """一企一档 summary: counts per stored state plus the derived ones."""

    by_state: dict[str, int]
    overdue: int
    supervised: int

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @property
    def open(self) -> int:
        return self.total - self.by_state.get(HazardState.CLOSED.value, 0)


@dataclass(frozen=True)
class RecordedHazard:
    id: int
    number: str


class HazardService:
    """Hazard list, detail and every change (through ``lifecycle.transition``), one transaction each."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    # -- queries ------------------------------------------------------------------------------

    def _where(self, stmt: Select[Any], f: HazardFilter, ordered_page: bool = False) -> Select[Any]:
        clauses = filter_clauses(f, self.clock(), self.db.is_sqlite, ordered_page)
        return stmt.where(and_(*clauses)) if clauses else stmt

    def inspector_names(self, hazard_ids: Sequence[int]) -> dict[int, str]:
        """``{hazard id: "张检查、李检查"}``: who took part in the visit that found each hazard."""
        return inspector_names(self.db, hazard_ids)

    def count(self, f: HazardFilter) -> int:
        with self.db.reading() as s:
            return int(s.scalar(self._where(select(func.count()).select_from(Hazard), f)) or 0)

    def page(
        self, f: HazardFilter, offset: int, limit: int, sort: str = "found_on", descending: bool = True
    ) -> list[HazardRow]:
        """One window of the filtered list. Ids first (no join unless sorting by an enterprise
        column), then the shown rows in one query: deep offsets stay cheap."""
        key = sort if sort in SORTABLE else "found_on"
        col = SORTABLE[key]
        order = [col.desc(), Hazard.id.desc()] if descending else [col.asc(), Hazard.id.asc()]
        stmt = self._where(select(Hazard.id), f, ordered_page=key not in _JOIN_SORTS)
        if key in _JOIN_SORTS:
            stmt = stmt.join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        stmt = stmt.order_by(*order).offset(max(offset, 0)).limit(max(limit, 0))
        with self.db.reading() as s:
            ids = list(s.scalars(stmt))
            return load_rows(s, ids, self.clock())

    def find_by_number(self, number: str) -> int | None:
        with self.db.reading() as s:
            return s.scalar(select(Hazard.id).where(Hazard.number == number.strip().upper()))

    def counts_by_state(self, enterprise_id: int | None = None) -> HazardCounts:
        today = self.clock()
        with self.db.reading() as s:
            where = [Hazard.enterprise_id == enterprise_id] if enterprise_id is not None else []
            by_state = {st.value: 0 for st in HazardState}
            for state, n in s.execute(
                select(Hazard.state, func.count()).where(*where).group_by(Hazard.state)
            ):
                by_state[state] = int(n)
            overdue = s.scalar(select(func.count()).select_from(Hazard).where(*where, overdue_clause(today)))
            supervised = s.scalar(
                select(func.count())
                .select_from(Hazard)
                .where(
                    *where,
                    Hazard.id.in_(select(Supervision.hazard_id).where(Supervision.delisted_on.is_(None))),
                )
            )
            return HazardCounts(by_state, int(overdue or 0), int(supervised or 0))

    def detail(self, hazard_id: int) -> HazardDetail:
        today = self.clock()
        with self.db.reading() as s:
            h = s.scalar(
                select(Hazard)
                .where(Hazard.id == hazard_id)
                .options(
                    selectinload(Hazard.plan),
                    selectinload(Hazard.supervision),
                    selectinload(Hazard.reinspections).selectinload(ReInspection.inspectors),
                    selectinload(Hazard.enterprise),
                )
            )
            if h is None:
                raise NotFoundError(f"未找到隐患（编号 {hazard_id}）")
            ext_rows = s.execute(
                select(DeadlineExtension, Inspector.name)
                .outerjoin(Inspector, Inspector.id == DeadlineExtension.by_id)
                .where(DeadlineExtension.hazard_id == h.id)
                .order_by(DeadlineExtension.id)
            ).all()
            plan = None
            if h.plan is not None:
                p = h.plan
                plan = PlanView(
                    p.responsible_unit,
                    p.responsible_person,
                    p.measures,
                    p.funds,
                    h.deadline,
                    p.contingency,
                    missing_plan_elements(PlanInput.of(h)),
                )
            sup = h.supervision
            return HazardDetail(
                id=h.id,
                number=h.number,
                version=h.version,
                enterprise_id=h.enterprise_id,
                enterprise_name=h.enterprise.name,
                jurisdiction=h.enterprise.jurisdiction,
                inspection_id=h.inspection_id,
                source=h.source,
                location=h.location,
                description=h.description,
                category=h.category,
                subcategory=h.subcategory,
                level=h.level,
                legal_basis=h.legal_basis,
                found_on=h.found_on,
                state=h.state,
                deadline=h.deadline,
                rectified_on_spot=h.rectified_on_spot,
                reported_done_on=h.reported_done_on,
                closed_on=h.closed_on,
                notes=h.notes,
                is_overdue=is_overdue(h.state, h.deadline, today),
                days_left=days_left(h.state, h.deadline, today),
                plan=plan,
                reinspections=[
                    ReviewView(
                        r.id,
                        r.reviewed_on,
                        r.result,
                        r.opinion,
                        [i.name for i in r.inspectors],
                        r.previous_deadline,
                        r.new_deadline,
                    )
                    for r in h.reinspections
                ],
                extensions=[
                    ExtensionView(e.old_deadline, e.new_deadline, e.reason, name or "", e.at)
                    for e, name in ext_rows
                ],
                supervision=SupervisionView(sup.listed_on, sup.unit, sup.delisted_on) if sup else None,
                photos=photo_metas(s, h.id),
                timeline=audit.history(s, ENTITY, h.id),
                onsite_measures=onsite_measures_of(h),
            )

    def actions(self, hazard_id: int, actor: Actor) -> list[Action]:
        """The buttons to show for this hazard and this actor."""
        with self.db.reading() as s:
            return allowed_actions(HazardFacts.of(self._get(s, hazard_id)), verify(s, actor))

    # -- changes ------------------------------------------------------------------------------

    def record(
        self,
        actor: Actor,
        enterprise_id: int,
        data: HazardInput,
        found_on: date | str | None = None,
        inspection_id: int | None = None,
    ) -> RecordedHazard:
        """A hazard outside an inspection visit (企业自查, 群众举报, 上级交办)."""
        require_id(enterprise_id, "企业", field="enterprise_id")
        if inspection_id is not None:
            require_id(inspection_id, "检查记录", field="inspection_id")
        data = sanitized(data)
        today = self.clock()
        found = today if found_on is None else parse_date(found_on, "发现日期", field="found_on")
        photos: list[LoadedPhoto] = []
        errors = hazard_input_errors(data, found, photos)
        if found > today:
            errors.insert(0, FieldError("found_on", "发现日期不能晚于今天"))
        if errors:
            raise ValidationError(errors)
        with acting(self.db, actor) as (s, actor):
            if s.get(Enterprise, enterprise_id) is None:
                raise NotFoundError(f"未找到企业（编号 {enterprise_id}）")
            if inspection_id is not None:
                insp = s.get(Inspection, inspection_id)
                if insp is None:
                    raise NotFoundError(f"未找到检查记录（编号 {inspection_id}）")
                if insp.enterprise_id != enterprise_id:
                    raise ValidationError(
                        [FieldError("inspection_id", "隐患所属企业与检查记录的被检查单位不一致")]
                    )
            h = register_hazard(s, actor, enterprise_id, found, data, today, inspection_id, photos)
            return RecordedHazard(h.id, h.number)

    def act(self, actor: Actor, hazard_id: int, command: Command, version: int | None = None) -> int:
        """Apply one lifecycle action. ``version`` is what the form showed; newer means someone
        else saved first (ConcurrentEditError). Returns the hazard's new version."""
        require_id(hazard_id, "隐患", field="hazard_id")
        command = sanitized(command)
        try:
            with acting(self.db, actor) as (s, actor):
                h = self._get(s, hazard_id, lock=True)
                stale = version is not None and h.version != version
                if stale and command.action not in APPEND_ONLY:
                    raise ConcurrentEditError(STALE_MESSAGE)
                transition(s, actor, h, command, self.clock())
                s.flush()
                return h.version
        except StaleDataError:
            raise ConcurrentEditError(STALE_MESSAGE) from None

    def add_photos(
        self, actor: Actor, hazard_id: int, photos: list[PhotoInput], version: int | None = None
    ) -> int:
        return self.act(actor, hazard_id, AddPhotos(list(photos)), version)

    def act_with_photos(
        self,
        actor: Actor,
        hazard_id: int,
        command: Command,
        photos: Sequence[PhotoInput],
        version: int | None = None,
    ) -> int:
        """One form, one transaction: an action (e.g. 登记整改完成, 立查立改) and the 整改后 photos
        taken with it. Either both are written (two audit events, the action first) or neither."""
        if not photos:
            return self.act(actor, hazard_id, command, version)
        require_id(hazard_id, "隐患", field="hazard_id")
        command = sanitized(command)
        photos = sanitized(AddPhotos(list(photos))).photos
        try:
            with acting(self.db, actor) as (s, actor):
                h = self._get(s, hazard_id, lock=True)
                if version is not None and h.version != version:
                    raise ConcurrentEditError(STALE_MESSAGE)
                today = self.clock()
                transition(s, actor, h, command, today)
                transition(s, actor, h, AddPhotos(list(photos)), today)  # a bad file rolls back both
                s.flush()
                return h.version
        except StaleDataError:
            raise ConcurrentEditError(STALE_MESSAGE) from None

    def batch_extend(
        self, actor: Actor, hazard_ids: Sequence[int], new_deadline: date | str, reason: str
    ) -> int:
        """延期 for several hazards at once: all or none, each checked, one audit event each."""
        extension = sanitized(ExtendDeadline(new_deadline, reason))
        new_deadline, reason = extension.new_deadline or "", extension.reason
        if not isinstance(hazard_ids, list | tuple | set | frozenset):
            raise ValidationError([FieldError("hazard_ids", "请选择要延期的隐患")])
        ids = list(dict.fromkeys(require_id(i, "隐患", field="hazard_ids") for i in hazard_ids))
        if not ids:
            raise ValidationError([FieldError("hazard_ids", "请选择要延期的隐患")])
        errors: list[FieldError] = []
        try:
            with acting(self.db, actor) as (s, actor):
                hazards = {h.id: h for h in s.scalars(select(Hazard).where(Hazard.id.in_(ids)))}
                for hid in ids:
                    h = hazards.get(hid)
                    if h is None:
                        errors.append(FieldError("hazard_ids", f"未找到隐患（编号 {hid}）"))
                        continue
                    try:  # refusals happen before any change, and any refusal rolls back the batch
                        transition(s, actor, h, ExtendDeadline(new_deadline, reason), self.clock())
                    except ValidationError as e:  # the field stays, the message names the hazard
                        errors += [FieldError(fe.field, f"{h.number}：{fe.message}") for fe in e.errors]
                    except DomainError as e:
                        errors.append(FieldError("hazard_ids", f"{h.number}：{e.message}"))
                if errors:
                    raise ValidationError(errors)
                return len(ids)
        except StaleDataError:
            raise ConcurrentEditError(STALE_MESSAGE) from None

    @staticmethod
    def _get(s: Session, hazard_id: int, lock: bool = False) -> Hazard:
        """The hazard; ``lock`` holds its row until commit (PostgreSQL; SQLite's write lock is
        already taken), so concurrent actions on one hazard wait instead of failing at flush."""
        h = s.get(Hazard, hazard_id, with_for_update=lock or None)
        if h is None:
            raise NotFoundError(f"未找到隐患（编号 {hazard_id}）")
        return h
