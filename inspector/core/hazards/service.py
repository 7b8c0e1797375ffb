"""HazardService: the hazard use cases, one transaction each, every change through ``transition``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit
from inspector.core.actors import acting, verify
from inspector.core.audit import Actor
from inspector.core.enums import HazardState
from inspector.core.errors import ConcurrentEditError, DomainError, FieldError, NotFoundError, ValidationError
from inspector.core.hazard_inspectors import inspector_names
from inspector.core.hazards.batch import NONE_CHOSEN, NOT_FOUND, OF_HAZARD, BatchExtension, extend_eligible
from inspector.core.hazards.query import (
    JOIN_SORTS,
    SORTABLE,
    HazardFilter,
    HazardRow,
    filter_clauses,
    keyset_clause,
    load_rows,
    order_by,
)
from inspector.core.hazards.registration import (
    HazardInput,
    hazard_input_errors,
    register_hazard,
)
from inspector.core.hazards.views import (
    ExtensionView,
    HazardCounts,
    HazardDetail,
    PlanView,
    RecordedHazard,
    ReviewView,
    SupervisionView,
)
from inspector.core.inputs import require_id, sanitized
from inspector.core.lifecycle import (
    ENTITY,
    Action,
    AddPhotos,
    Command,
    ExtendDeadline,
    HazardFacts,
    PlanInput,
    allowed_actions,
    days_left,
    is_overdue,
    missing_plan_elements,
    onsite_measures_of,
    overdue_clause,
    transition,
)
from inspector.core.photos import LoadedPhoto, PhotoInput, photo_metas
from inspector.core.validation import parse_date
from inspector.db.engine import Database
from inspector.db.models import (
    DeadlineExtension,
    Enterprise,
    Hazard,
    Inspection,
    Inspector,
    ReInspection,
    Supervision,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

# Appending a note or a photo cannot conflict with anyone's edit: a stale form still appends.
APPEND_ONLY = frozenset({Action.ADD_NOTE, Action.ADD_PHOTOS})
STALE_MESSAGE = QT_TRANSLATE_NOOP("core", "该隐患已被他人修改，请刷新后重试")  # raised as say(STALE_MESSAGE)


# Sorts whose index walk meets open hazards densely: the newest first (open hazards are recent),
# or one enterprise after another. Elsewhere (oldest first, 整改时限, 等级…) the walk would pass
# most of a million closed rows, so the state index picks the open rows and they are sorted
# (about 50,000 in a district: ~10 ms, against 200–350 ms of walking on 1 M hazards).
_NEWEST_FIRST = frozenset({"found_on", "number", "id"})


def _walks(key: str, descending: bool) -> bool:
    return key in JOIN_SORTS or (descending and key in _NEWEST_FIRST)


class HazardService:
    """Hazard list, detail and every change (through ``lifecycle.transition``), one transaction each."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    # -- queries ------------------------------------------------------------------------------

    def _where(
        self, stmt: Select[Any], f: HazardFilter, ordered_page: bool = False, state_walk: bool = False
    ) -> Select[Any]:
        clauses = filter_clauses(f, self.clock(), self.db.is_sqlite, ordered_page, state_walk)
        return stmt.where(and_(*clauses)) if clauses else stmt

    def inspector_names(self, hazard_ids: Sequence[int]) -> dict[int, str]:
        """``{hazard id: "张检查、李检查"}``: who took part in the visit that found each hazard."""
        return inspector_names(self.db, hazard_ids)

    def count(self, f: HazardFilter, cap: int | None = None) -> int:
        """How many hazards match; with ``cap``, counting stops there (a list shows "cap+" until
        the exact count, which a 1–2 character search takes a second for, arrives)."""
        inner = self._where(select(Hazard.id), f)
        if cap is not None:
            inner = inner.limit(cap)
        with self.db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(inner.subquery())) or 0)

    def _ids(self, f: HazardFilter, sort: str, descending: bool) -> Select[Any]:
        key = sort if sort in SORTABLE else "found_on"
        stmt = self._where(
            select(Hazard.id), f, ordered_page=key not in JOIN_SORTS, state_walk=_walks(key, descending)
        )
        if key in JOIN_SORTS:
            stmt = stmt.join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        return stmt.order_by(*order_by(key, descending))

    def page(
        self,
        f: HazardFilter,
        offset: int,
        limit: int,
        sort: str = "found_on",
        descending: bool = True,
        after: HazardRow | None = None,
    ) -> list[HazardRow]:
        """One window of the filtered list: ids first (no join unless sorting by an enterprise
        column), then the shown rows in one query. ``after`` (the previous page's last row) seeks
        with the sort's index instead of walking ``offset`` rows (keyset paging)."""
        key = sort if sort in SORTABLE else "found_on"
        stmt = self._ids(f, key, descending)
        if after is not None:
            stmt = stmt.where(keyset_clause(key, descending, after, self.db.is_sqlite))
        else:
            stmt = stmt.offset(max(offset, 0))
        stmt = stmt.limit(max(limit, 0))
        with self.db.reading() as s:
            ids = list(s.connection().scalars(stmt))
            return load_rows(s, ids, self.clock())

    def position(
        self, f: HazardFilter, row: HazardRow, sort: str = "found_on", descending: bool = True
    ) -> int:
        """The 0-based place of ``row`` in the list under ``f`` and this order (a re-sort keeps
        the selection in view): how many rows come before it, an index range count."""
        key = sort if sort in SORTABLE else "found_on"
        stmt = self._where(select(Hazard.id), f).where(
            keyset_clause(key, not descending, row, self.db.is_sqlite, expanded=True)
        )
        if key in JOIN_SORTS:
            stmt = stmt.join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        with self.db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

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
                raise NotFoundError(say(NOT_FOUND, id=hazard_id))
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
            too_late = say(QT_TRANSLATE_NOOP("core", "{label}不能晚于今天"), label="发现日期")
            errors.insert(0, FieldError("found_on", too_late))
        if errors:
            raise ValidationError(errors)
        with acting(self.db, actor) as (s, actor):
            if s.get(Enterprise, enterprise_id) is None:
                raise NotFoundError(
                    say(QT_TRANSLATE_NOOP("core", "未找到企业（编号 {id}）"), id=enterprise_id)
                )
            if inspection_id is not None:
                insp = s.get(Inspection, inspection_id)
                if insp is None:
                    raise NotFoundError(
                        say(QT_TRANSLATE_NOOP("core", "未找到检查记录（编号 {id}）"), id=inspection_id)
                    )
                if insp.enterprise_id != enterprise_id:
                    other = say(QT_TRANSLATE_NOOP("core", "隐患所属企业与检查记录的被检查单位不一致"))
                    raise ValidationError([FieldError("inspection_id", other)])
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
                    raise ConcurrentEditError(say(STALE_MESSAGE))
                transition(s, actor, h, command, self.clock())
                s.flush()
                return h.version
        except StaleDataError:
            raise ConcurrentEditError(say(STALE_MESSAGE)) from None

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
                    raise ConcurrentEditError(say(STALE_MESSAGE))
                today = self.clock()
                transition(s, actor, h, command, today)
                transition(s, actor, h, AddPhotos(list(photos)), today)  # a bad file rolls back both
                s.flush()
                return h.version
        except StaleDataError:
            raise ConcurrentEditError(say(STALE_MESSAGE)) from None

    def batch_extend(
        self, actor: Actor, hazard_ids: Sequence[int], new_deadline: date | str, reason: str
    ) -> int:
        """延期 for several hazards at once: all or none, each checked, one audit event each."""
        extension = sanitized(ExtendDeadline(new_deadline, reason))
        new_deadline, reason = extension.new_deadline or "", extension.reason
        if not isinstance(hazard_ids, list | tuple | set | frozenset):
            raise ValidationError([FieldError("hazard_ids", say(NONE_CHOSEN))])
        ids = list(dict.fromkeys(require_id(i, "隐患", field="hazard_ids") for i in hazard_ids))
        if not ids:
            raise ValidationError([FieldError("hazard_ids", say(NONE_CHOSEN))])
        errors: list[FieldError] = []
        try:
            with acting(self.db, actor) as (s, actor):
                hazards = {h.id: h for h in s.scalars(select(Hazard).where(Hazard.id.in_(ids)))}
                for hid in ids:
                    h = hazards.get(hid)
                    if h is None:
                        errors.append(FieldError("hazard_ids", say(NOT_FOUND, id=hid)))
                        continue
                    try:  # refusals happen before any change, and any refusal rolls back the batch
                        transition(s, actor, h, ExtendDeadline(new_deadline, reason), self.clock())
                    except ValidationError as e:  # the field stays, the message names the hazard
                        errors += [
                            FieldError(fe.field, say(OF_HAZARD, number=h.number, reason=fe.message))
                            for fe in e.errors
                        ]
                    except DomainError as e:
                        errors.append(
                            FieldError("hazard_ids", say(OF_HAZARD, number=h.number, reason=e.message))
                        )
                if errors:
                    raise ValidationError(errors)
                return len(ids)
        except StaleDataError:
            raise ConcurrentEditError(say(STALE_MESSAGE)) from None

    def extend_eligible(
        self, actor: Actor, hazard_ids: Sequence[int], new_deadline: date | str, reason: str
    ) -> BatchExtension:
        """批量延期 that skips the hazards whose state does not allow 延期 (待复查, 已销号, no
        deadline yet) and says why; the others are extended in one transaction, or none of them
        when the date or reason is refused (see ``batch.extend_eligible``)."""
        try:
            return extend_eligible(self.db, actor, hazard_ids, new_deadline, reason, self.clock())
        except StaleDataError:
            raise ConcurrentEditError(say(STALE_MESSAGE)) from None

    @staticmethod
    def _get(s: Session, hazard_id: int, lock: bool = False) -> Hazard:
        """The hazard; ``lock`` holds its row until commit (PostgreSQL; SQLite's write lock is
        already taken), so concurrent actions on one hazard wait instead of failing at flush."""
        h = s.get(Hazard, hazard_id, with_for_update=lock or None)
        if h is None:
            raise NotFoundError(say(NOT_FOUND, id=hazard_id))
        return h
