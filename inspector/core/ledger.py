"""The monthly hazard ledger (月度隐患排查治理台账): which hazards, and what they looked like then.

Rows are the hazards found in the month plus those still open at any time in it: found on or
before the last day and not closed before the first day. Every column describes the hazard *as of
one day* — the month end, or today while the month is not over (DOMAIN.md: a deadline still ahead
is never 逾期) — reconstructed from the business dates (销号日期, 整改完成日期, 复查日期, deadline
changes), so the November ledger reads the same whether it is exported on 1 December or in March.
Whose delay an open hazard is (逾期未整改 / 逾期未复查) is decided by ``core.overdue.classify``.

Set-based: one statement gives every row with the facts it needs (correlated look-ups on indexed
keys, evaluated in the database) and its row count; the inspectors' names and the enterprises'
监管类别 are read once each. The rows stream (``yield_per``; a server-side cursor on PostgreSQL).

One room past 600 lines: the filter, the month-end rules and the one statement that carries them
belong together; the counted summary (``ledger_counts``, ``ledger_summary``) lives apart.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, String, and_, cast, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from inspector.core.enums import CategoryKind, HazardLevel, HazardState, RateFormula
from inspector.core.errors import DomainError
from inspector.core.ledger_summary import NO_CATEGORY, Counts, LedgerSummary, summarize
from inspector.core.office import NOT_CONFIGURED, OfficeSettings, read_office
from inspector.core.overdue import OverdueKind, classify
from inspector.core.pinyin import sort_key
from inspector.db.engine import Database
from inspector.db.models import (
    AuditEvent,
    DeadlineExtension,
    Enterprise,
    EnterpriseCategory,
    Hazard,
    Inspection,
    Inspector,
    RectificationPlan,
    ReInspection,
    Supervision,
    inspection_inspectors,
    reinspection_inspectors,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

# The ledger's row order, which its 序号 number: 属地 and names in pinyin order as the registry lists
# them (homophones by text, then id), each enterprise's hazards by date found.
PRINT_ORDER = (
    Enterprise.jurisdiction_pinyin,
    Enterprise.jurisdiction,
    Enterprise.name_pinyin,
    Enterprise.name,
    Enterprise.id,
    Hazard.found_on,
    Hazard.number,
)

_MAJOR, _CLOSED = HazardLevel.MAJOR.value, HazardState.CLOSED.value  # read per row: plain strings
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


@dataclass(frozen=True)
class LedgerFilter:
    """One month, optionally one 属地 and one 监管类别."""

    year: int
    month: int
    jurisdiction: str | None = None
    category: str | None = None

    @classmethod
    def parse(cls, month: str, jurisdiction: str | None = None, category: str | None = None) -> LedgerFilter:
        """``2026-11`` (also 2026/11, 2026年11月); a Chinese message says what is wrong."""
        m = _MONTH.match(month or "")
        if not m:
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP("core", "月份格式不正确：“{month}”，应为“年-月”，如 2026-11"),
                    month=month,
                )
            )
        year, mon = int(m.group(1)), int(m.group(2))
        if not 1 <= mon <= 12:
            raise DomainError(
                say(QT_TRANSLATE_NOOP("core", "月份不正确：“{month}”，月份应在 1 到 12 之间"), month=month)
            )
        if not 2000 <= year <= 2100:
            raise DomainError(say(QT_TRANSLATE_NOOP("core", "年份不正确：“{month}”"), month=month))
        if category and category not in {c.value for c in CategoryKind}:
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP("core", "监管类别“{category}”不存在，可选：{choices}"),
                    category=category,
                    choices="、".join(c.value for c in CategoryKind),
                )
            )
        return cls(year, mon, (jurisdiction or "").strip() or None, (category or "").strip() or None)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    def as_of(self, today: date) -> date:
        """The day states and 逾期 are judged on: the month end, or ``today`` (the services' clock)
        while the month runs."""
        return min(self.last_day, today)


@dataclass(frozen=True)
class Basis:
    """How a ledger judges its rows: on which day, with which 复查 period and 整改率 reading.

    Printed with the figures (汇总, the page's preview), so a reader knows what was counted.
    """

    as_of: date
    month_end: date
    review_days: int = 10
    formula: RateFormula = RateFormula.FOUND

    @classmethod
    def of(cls, session: Session, f: LedgerFilter, today: date) -> Basis:
        """The office's settings (机关设置) applied to ``f`` on ``today`` (the services' clock)."""
        office = read_office(session)
        return cls(f.as_of(today), f.last_day, office.review_days, office.rate)

    @property
    def month_over(self) -> bool:
        return self.as_of >= self.month_end


@dataclass(frozen=True)
class LedgerRow:
    """One line of the ledger, every value as of the as-of day (``Basis.as_of``)."""

    seq: int
    hazard_id: int
    number: str
    jurisdiction: str
    enterprise_name: str
    categories: str  # 监管类别, 、-joined
    inspected_on: date  # 检查日期 (the day it was found when no inspection)
    inspection_kind: str  # 检查类型, or the source (企业自查 …) when no inspection
    inspectors: str
    location: str
    description: str
    hazard_category: str  # 基础管理／设备设施
    main_category: str  # 基础管理 / 现场管理, for the summary
    level: str
    responsible: str  # 整改责任单位/人
    measures: str
    funds: Decimal | None
    deadline: date | None  # the deadline in force at month end
    contingency: str
    state: str  # at month end
    done_on: date | None  # 整改完成日期 (enterprise's report) if by month end
    reviewed_on: date | None  # latest re-inspection by month end
    reviewers: str
    closed_on: date | None  # 销号日期 if by the as-of day
    overdue_kind: OverdueKind  # 是否逾期 on the as-of day
    notes: str
    found_on: date
    found_in_month: bool
    supervision_unit: str = ""
    listed_on: date | None = None
    delisted_on: date | None = None  # if by the as-of day

    @property
    def is_major(self) -> bool:
        return self.level == _MAJOR

    @property
    def is_closed(self) -> bool:
        return self.state == _CLOSED

    @property
    def overdue(self) -> bool:
        """Late, whoever's delay it is (逾期未整改 or 逾期未复查)."""
        return self.overdue_kind != OverdueKind.NONE


# -- the month-end view of one hazard ----------------------------------------------------------


def state_at(
    state: str, reported_done_on: date | None, closed_on: date | None, planned: bool, end: date
) -> str:
    """The stored state wound back to ``end`` using the business dates.

    Closed by then → 已销号. Closed or reported later → it was waiting for the report or the
    review: 待复查 if the enterprise had reported completion by then, else 整改中 when a plan
    existed, else 待整改. Otherwise the stored state (nothing after ``end`` changed it).
    """
    if closed_on is not None and closed_on <= end:
        return HazardState.CLOSED.value
    if reported_done_on is not None and reported_done_on <= end:
        return HazardState.PENDING_REVIEW.value
    if state in (HazardState.CLOSED.value, HazardState.PENDING_REVIEW.value):
        return HazardState.RECTIFYING.value if planned else HazardState.REPORTED.value
    return state


# -- the query ---------------------------------------------------------------------------------


def _where(stmt: Select[Any], f: LedgerFilter) -> Select[Any]:
    stmt = stmt.where(
        Hazard.found_on <= f.last_day,
        or_(Hazard.closed_on.is_(None), Hazard.closed_on >= f.first_day),
    )
    if f.jurisdiction:
        stmt = stmt.where(Enterprise.jurisdiction == f.jurisdiction)
    if f.category:
        stmt = stmt.where(
            Hazard.enterprise_id.in_(
                select(EnterpriseCategory.enterprise_id).where(EnterpriseCategory.kind == f.category)
            )
        )
    return stmt


def count_rows(session: Session, f: LedgerFilter) -> int:
    stmt = (
        select(func.count(Hazard.id))
        .select_from(Hazard)
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
    )
    return int(session.scalar(_where(stmt, f)) or 0)


_COLUMNS = (
    Hazard.id,
    Hazard.number,
    Hazard.found_on,
    Hazard.location,
    Hazard.description,
    Hazard.category,
    Hazard.subcategory,
    Hazard.level,
    Hazard.state,
    Hazard.deadline,
    Hazard.rectified_on_spot,
    Hazard.reported_done_on,
    Hazard.closed_on,
    Hazard.notes,
    Hazard.source,
    Enterprise.id,
    Enterprise.jurisdiction,
    Enterprise.name,
    Inspection.id,
    Inspection.inspected_on,
    Inspection.kind,
    RectificationPlan.responsible_unit,
    RectificationPlan.responsible_person,
    RectificationPlan.measures,
    RectificationPlan.funds,
    RectificationPlan.contingency,
    Supervision.unit,
    Supervision.listed_on,
    Supervision.delisted_on,
)
# Positions of the facts the statement adds after ``_COLUMNS`` (see ``_statement``).
(
    _INSPECTOR_IDS,
    _REVIEW_ID,
    _REVIEWED_ON,
    _REVIEWER_IDS,
    _EXTENSIONS,
    _EXT_ID,
    _EXT_AT,
    _EXT_OLD,
    _FAIL_ID,
    _FAIL_ON,
    _FAIL_PREVIOUS,
    _FAILED_LATER,
    _TOTAL,
) = range(len(_COLUMNS), len(_COLUMNS) + 13)


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _statement(f: LedgerFilter, end: date, *, counted: bool = True) -> Select[Any]:
    """The ledger in one statement: each row carries the facts it needs as of ``end``.

    Correlated look-ups on indexed keys, evaluated inside the database (no query per row or per
    chunk): the ids of the visit's inspectors and of the latest 复查's reviewers by ``end`` (names
    and their order come from ``_names``), the extensions granted by then, the first deadline
    change after it (an extension, or a failed 复查 that moved the deadline), whether a later
    failed 复查 erased a report, and (``counted``) the row count for the progress bar (a window
    count, which makes the database number every row before the first is sent).
    """
    cutoff = datetime.combine(end + timedelta(days=1), time.min)
    review = aliased(ReInspection)
    extension = aliased(DeadlineExtension)
    failed = aliased(ReInspection)
    r2 = aliased(ReInspection)
    x2 = aliased(DeadlineExtension)
    latest_review = (
        select(r2.id)
        .where(r2.hazard_id == Hazard.id, r2.reviewed_on <= end)
        .order_by(r2.reviewed_on.desc(), r2.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    first_extension_after = (
        select(x2.id)
        .where(x2.hazard_id == Hazard.id, x2.at >= cutoff)
        .order_by(x2.at, x2.id)
        .limit(1)
        .scalar_subquery()
    )
    later_failures = (r2.hazard_id == Hazard.id, r2.reviewed_on > end, r2.new_deadline.is_not(None))
    first_failure_after = (
        select(r2.id)
        .where(*later_failures, r2.previous_deadline.is_not(None))
        .order_by(r2.reviewed_on, r2.id)
        .limit(1)
        .scalar_subquery()
    )
    ii, ri = inspection_inspectors, reinspection_inspectors
    inspector_ids = (
        select(func.aggregate_strings(cast(ii.c.inspector_id, String), ","))
        .where(ii.c.inspection_id == Hazard.inspection_id)
        .scalar_subquery()
    )
    reviewer_ids = (
        select(func.aggregate_strings(cast(ri.c.inspector_id, String), ","))
        .where(ri.c.reinspection_id == review.id)
        .scalar_subquery()
    )
    extensions = (
        select(func.count(x2.id))
        .where(x2.hazard_id == Hazard.id, or_(x2.at.is_(None), x2.at < cutoff))
        .scalar_subquery()
    )
    stmt = (
        select(
            *_COLUMNS,
            inspector_ids,
            review.id,
            review.reviewed_on,
            reviewer_ids,
            extensions,
            extension.id,
            extension.at,
            extension.old_deadline,
            failed.id,
            failed.reviewed_on,
            failed.previous_deadline,
            exists().where(*later_failures),
            *([func.count().over()] if counted else []),
        )
        .select_from(Hazard)
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .outerjoin(Inspection, Inspection.id == Hazard.inspection_id)
        .outerjoin(RectificationPlan, RectificationPlan.hazard_id == Hazard.id)
        .outerjoin(Supervision, and_(Supervision.hazard_id == Hazard.id, Supervision.listed_on <= end))
        .outerjoin(review, review.id == latest_review)
        .outerjoin(extension, extension.id == first_extension_after)
        .outerjoin(failed, failed.id == first_failure_after)
        .order_by(*PRINT_ORDER)
    )
    return _where(stmt, f)


def _names(session: Session) -> dict[int, str]:
    """Every inspector's name by id: a few dozen rows, read once per ledger."""
    return dict(session.execute(select(Inspector.id, Inspector.name)).tuples().all())


def _joined_names(ids: str | None, names: dict[int, str]) -> str:
    """``"3,1"`` → ``张明、李华`` in inspector id order (the database's aggregate has no order)."""
    if not ids:
        return ""
    return "、".join(names.get(i, "") for i in sorted(int(x) for x in ids.split(",")))


def _categories(session: Session, f: LedgerFilter) -> dict[int, str]:
    """监管类别 of every enterprise the filter can reach, 、-joined in CategoryKind order; one query."""
    order = {c.value: n for n, c in enumerate(CategoryKind)}
    stmt = select(EnterpriseCategory.enterprise_id, EnterpriseCategory.kind)
    if f.jurisdiction:
        stmt = stmt.join(Enterprise, Enterprise.id == EnterpriseCategory.enterprise_id).where(
            Enterprise.jurisdiction == f.jurisdiction
        )
    found: dict[int, list[str]] = defaultdict(list)
    for eid, kind in session.execute(stmt):
        found[eid].append(kind)
    return {
        eid: "、".join(sorted(kinds, key=lambda k: (order.get(k, 99), k))) for eid, kinds in found.items()
    }


def _reports_pending(session: Session, end: date) -> dict[int, date | None]:
    """The report waiting for 复查 on ``end``, for hazards whose report a later failed review erased.

    A failed 复查 clears ``reported_done_on``; the report's date survives in the audit trail
    (执法全过程记录). Replaying the reports and reviews dated by ``end`` in event order gives the one
    pending then, if any. One statement, run only once a ledger meets such a hazard; hazards
    without such events (imported or demo data) keep their stored date.
    """
    later = exists().where(
        ReInspection.hazard_id == AuditEvent.entity_id,
        ReInspection.reviewed_on > end,
        ReInspection.new_deadline.is_not(None),
    )
    pending: dict[int, date | None] = {}
    for hid, action, after in session.execute(
        select(AuditEvent.entity_id, AuditEvent.action, AuditEvent.after)
        .where(
            AuditEvent.entity_type == "hazard",
            AuditEvent.action.in_(("report_done", "review")),
            later,
        )
        .order_by(AuditEvent.id)
    ):
        after = after or {}
        if action == "report_done":
            on = _date(after.get("reported_done_on"))
            pending.setdefault(hid, None)
            if on is not None and on <= end:
                pending[hid] = on
        else:
            on = _date((after.get("review") or {}).get("reviewed_on"))
            pending.setdefault(hid, None)
            if on is not None and on <= end:
                pending[hid] = None
    return pending


def _deadline_then(r: Any) -> tuple[bool, date | None]:
    """(changed, the deadline in force on the day) from the first change after it, if any."""
    changes = []
    if r[_EXT_ID] is not None:
        changes.append((r[_EXT_AT], r[_EXT_ID], r[_EXT_OLD]))
    if r[_FAIL_ID] is not None:
        changes.append((datetime.combine(r[_FAIL_ON], time.max), r[_FAIL_ID], r[_FAIL_PREVIOUS]))
    if not changes:
        return False, None
    return True, min(changes)[2]


def _notes(r: Any, extensions: int, end: date) -> str:
    """备注: 立查立改, the 挂牌督办 state on ``end`` (listed by then / delisted by then), 延期, notes."""
    parts = []
    notes = (r[13] or "").strip()
    if r[10] and "立查立改" not in notes:
        parts.append("立查立改")
    if r[26] is not None:  # the join keeps only a supervision listed by ``end``; 督办单位 is its own column
        delisted = r[28] is not None and r[28] <= end
        parts.append(f"{r[27]:%Y-%m-%d}挂牌督办，" + (f"{r[28]:%Y-%m-%d}摘牌" if delisted else "未摘牌"))
    if extensions:
        parts.append(f"延期{extensions}次")
    if notes:
        parts.append(notes)
    return "；".join(parts)


class LedgerRows:
    """The rows of one ledger as they stream from its single statement; ``total`` is known once
    iteration has started (the statement counts its own rows), or at its end if not ``counted``."""

    def __init__(
        self,
        session: Session,
        f: LedgerFilter,
        basis: Basis,
        chunk: int = 1000,
        where: ColumnElement[bool] | None = None,
        *,
        counted: bool = True,
    ) -> None:
        """``where`` keeps only some of the rows (their 序号 then counts only those)."""
        self.session, self.filter, self.basis, self.chunk = session, f, basis, chunk
        self.where = where
        self.counted = counted
        self.total: int | None = None

    def __iter__(self) -> Iterator[LedgerRow]:
        session, f, basis = self.session, self.filter, self.basis
        start, end = f.first_day, basis.as_of
        names = _names(session)
        joined: dict[str | None, str] = {}  # a few teams of inspectors sign thousands of rows

        def team(ids: str | None) -> str:
            found = joined.get(ids)
            if found is None:
                found = joined[ids] = _joined_names(ids, names)
            return found

        categories = _categories(session, f)
        pending: dict[int, date | None] | None = None
        seq = 0
        stmt = _statement(f, end, counted=self.counted)
        if self.where is not None:
            stmt = stmt.where(self.where)
        stmt = stmt.execution_options(yield_per=self.chunk)
        for part in session.execute(stmt).partitions():
            if self.total is None and self.counted:
                self.total = int(part[0][_TOTAL])
            for r in part:
                seq += 1
                hid = r[0]
                planned = bool(r[23]) and r[9] is not None  # measures and a deadline: under way
                reported = r[11]
                if r[_FAILED_LATER]:
                    if pending is None:
                        pending = _reports_pending(session, end)
                    if hid in pending:
                        reported = pending[hid]
                state = state_at(r[8], reported, r[12], planned, end)
                changed, then = _deadline_then(r)
                deadline = then if changed else r[9]
                if reported is not None and reported <= end:
                    done_on: date | None = reported
                else:
                    done_on = r[12] if r[12] is not None and r[12] <= end else None
                yield LedgerRow(
                    seq=seq,
                    hazard_id=hid,
                    number=r[1],
                    jurisdiction=r[16],
                    enterprise_name=r[17],
                    categories=categories.get(r[15], ""),
                    inspected_on=r[19] or r[2],
                    inspection_kind=r[20] or r[14],
                    inspectors=team(r[_INSPECTOR_IDS]),
                    location=r[3],
                    description=r[4],
                    hazard_category="／".join(x for x in (r[5], r[6]) if x),
                    main_category=r[5],
                    level=r[7],
                    responsible="／".join(x for x in (r[21], r[22]) if x),
                    measures=r[23] or "",
                    funds=r[24],
                    deadline=deadline,
                    contingency=r[25] or "",
                    state=state,
                    done_on=done_on,
                    reviewed_on=r[_REVIEWED_ON],
                    reviewers=team(r[_REVIEWER_IDS]),
                    closed_on=r[12] if state == HazardState.CLOSED.value else None,
                    overdue_kind=classify(state, deadline, done_on, end, basis.review_days),
                    notes=_notes(r, r[_EXTENSIONS], end),
                    found_on=r[2],
                    found_in_month=r[2] >= start,
                    supervision_unit=r[26] or "",
                    listed_on=r[27],
                    delisted_on=r[28] if r[28] is not None and r[28] <= end else None,
                )
        if self.total is None:
            self.total = seq


def iter_rows(
    session: Session,
    f: LedgerFilter,
    chunk: int = 1000,
    *,
    today: date | None = None,
    basis: Basis | None = None,
) -> Iterator[LedgerRow]:
    """Stream the ledger rows in print order: 属地, 企业, found date, 隐患编号.

    Each row is as of ``basis.as_of``; without a basis, the office's settings on ``today`` (the
    services' clock) — the month end once the month is over. One of the two is needed.
    """
    if basis is None:
        if today is None:
            raise TypeError("iter_rows needs the basis or the day it is judged on (today)")
        basis = Basis.of(session, f, today)
    return iter(LedgerRows(session, f, basis, chunk))


# -- the summary (counted in core.ledger_summary) ------------------------------------------------


CANCEL_CHECK_ROWS = 200


def month_summary(
    db: Database,
    f: LedgerFilter,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    today: date,
) -> LedgerSummary:
    """The 汇总 sheet's figures without writing a workbook (the 月度台账 page's preview).

    Judged as of ``today`` (the services' clock) while the month runs, else its last day.
    Counted mostly by the database (``core.ledger_counts``), its parts read in parallel from
    two sessions on one snapshot; ``cancelled`` is asked every ``CANCEL_CHECK_ROWS`` rows of the
    row-by-row part and at its end; once it answers True this raises ``Cancelled``, so a preview
    the user has moved on from stops.
    """
    from inspector.core.ledger_counts import count_summary  # it builds on this module

    with db.reading_pair() as (s, helper):
        return count_summary(s, f, Basis.of(s, f, today), cancelled, helper=helper)


def jurisdictions_in_use(session: Session) -> list[str]:
    return sorted(session.scalars(select(Enterprise.jurisdiction).distinct()), key=sort_key)


class _StreamedRows:
    """The ledger rows, streamed from their own reading session each time they are iterated;
    ``total`` is the row count of the latest iteration, known once its first row arrived."""

    def __init__(self, db: Database, f: LedgerFilter, basis: Basis) -> None:
        self.db, self.filter, self.basis = db, f, basis
        self.total: int | None = None

    def __iter__(self) -> Iterator[LedgerRow]:
        with self.db.reading() as s:
            rows = LedgerRows(s, self.filter, self.basis)
            for row in rows:
                self.total = rows.total
                yield row
            self.total = rows.total


@dataclass(frozen=True)
class LedgerData:
    """What the month's workbook prints: the core gathers it, ``reports.ledger`` writes it.

    ``rows`` stream in print order from one statement that also counts them: ``rows.total`` is
    known once the first row arrived (the progress bar's total), so no separate count is run.
    """

    filter: LedgerFilter
    basis: Basis
    office: OfficeSettings
    today: date  # the export day: 填报日期
    rows: _StreamedRows

    @property
    def total(self) -> int | None:
        return self.rows.total


class LedgerService:
    """The 月度台账: its figures (the page's preview) and its rows (the workbook)."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def count(self, f: LedgerFilter) -> int:
        with self.db.reading() as s:
            return count_rows(s, f)

    def jurisdictions(self) -> list[str]:
        """The 属地 that have enterprises, for a filter's choices and the CLI's check."""
        with self.db.reading() as s:
            return jurisdictions_in_use(s)

    def summary(
        self, f: LedgerFilter, cancelled: Callable[[], bool] = lambda: False, *, today: date | None = None
    ) -> LedgerSummary:
        """The 汇总 figures without a workbook (see ``month_summary``); ``today``: the clock's."""
        return month_summary(self.db, f, cancelled, today=today or self.clock())

    def export_data(self, f: LedgerFilter, *, today: date | None = None) -> LedgerData:
        """Everything the workbook prints, judged on ``today`` (the clock's) while the month runs.

        Refused before anything is written when the 机关设置 is not filled in: a ledger without
        its 辖区 and 填报单位 cannot be filed."""
        today = today or self.clock()
        with self.db.reading() as s:
            office = read_office(s)
            if not office.configured:
                raise DomainError(say(NOT_CONFIGURED))
            basis = Basis(f.as_of(today), f.last_day, office.review_days, office.rate)
        return LedgerData(f, basis, office, today, _StreamedRows(self.db, f, basis))


__all__ = [
    "NO_CATEGORY",
    "Basis",
    "Counts",
    "LedgerData",
    "LedgerFilter",
    "LedgerRow",
    "LedgerRows",
    "LedgerService",
    "LedgerSummary",
    "OverdueKind",
    "count_rows",
    "iter_rows",
    "jurisdictions_in_use",
    "month_summary",
    "state_at",
    "summarize",
]
