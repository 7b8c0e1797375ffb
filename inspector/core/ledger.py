"""The monthly hazard ledger (月度隐患排查治理台账): which hazards, and what they looked like then.

Rows are the hazards found in the month plus those still open at any time in it: found on or
before the last day and not closed before the first day. Every column describes the hazard *as of
one day* — the month end, or today while the month is not over (DOMAIN.md: a deadline still ahead
is never 逾期) — reconstructed from the business dates (销号日期, 整改完成日期, 复查日期, deadline
changes), so the November ledger reads the same whether it is exported on 1 December or in March.
Whose delay an open hazard is (逾期未整改 / 逾期未复查) is decided by ``core.overdue.classify``.

The query streams in chunks (``yield_per``; a server-side cursor on PostgreSQL) and fetches the
names of inspectors, reviewers and categories with one query per chunk, never one per row.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from inspector.core.enums import CategoryKind, HazardLevel, HazardState, RateFormula
from inspector.core.errors import Cancelled, DomainError
from inspector.core.ledger_summary import NO_CATEGORY, Counts, LedgerSummary, summarize
from inspector.core.office import NOT_CONFIGURED, OfficeSettings, read_office
from inspector.core.overdue import OverdueKind, classify
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
            raise DomainError(f"月份格式不正确：“{month}”，应为“年-月”，如 2026-11")
        year, mon = int(m.group(1)), int(m.group(2))
        if not 1 <= mon <= 12:
            raise DomainError(f"月份不正确：“{month}”，月份应在 1 到 12 之间")
        if not 2000 <= year <= 2100:
            raise DomainError(f"年份不正确：“{month}”")
        if category and category not in {c.value for c in CategoryKind}:
            raise DomainError(f"监管类别“{category}”不存在，可选：{'、'.join(c.value for c in CategoryKind)}")
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
        return self.level == HazardLevel.MAJOR.value

    @property
    def is_closed(self) -> bool:
        return self.state == HazardState.CLOSED.value

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


def _names_by(session: Session, table: Any, key: str, ids: Sequence[int]) -> dict[int, str]:
    """Inspector names per inspection / re-inspection id, in a stable order, one query."""
    if not ids:
        return {}
    col = table.c[key]
    rows = session.execute(
        select(col, Inspector.name)
        .join(Inspector, Inspector.id == table.c.inspector_id)
        .where(col.in_(list(ids)))
        .order_by(col, Inspector.id)
    )
    out: dict[int, list[str]] = defaultdict(list)
    for owner, name in rows:
        out[owner].append(name)
    return {k: "、".join(v) for k, v in out.items()}


@dataclass
class _ChunkFacts:
    inspectors: dict[int, str]
    latest_review: dict[int, tuple[int, date]]  # hazard id → (re-inspection id, date) by the as-of day
    reviewers: dict[int, str]
    deadline_then: dict[int, date | None]  # hazard id → deadline in force on the as-of day, if changed since
    extensions: dict[int, int]  # hazard id → extensions granted by the as-of day
    reported_then: dict[int, date | None]  # hazard id → 整改完成日期 pending then, if a later review undid it


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _reports_pending(session: Session, hazard_ids: Sequence[int], end: date) -> dict[int, date | None]:
    """The report waiting for 复查 on ``end``, for hazards whose report a later failed review erased.

    A failed 复查 clears ``reported_done_on``; the report's date survives in the audit trail
    (执法全过程记录). Replaying the reports and reviews dated by ``end`` in event order gives the one
    pending then, if any. Few hazards need this, so it is one small query per chunk at most.
    Hazards without such events (imported or demo data) keep their stored date.
    """
    if not hazard_ids:
        return {}
    pending: dict[int, date | None] = {}
    for hid, action, after in session.execute(
        select(AuditEvent.entity_id, AuditEvent.action, AuditEvent.after)
        .where(
            AuditEvent.entity_type == "hazard",
            AuditEvent.entity_id.in_(list(hazard_ids)),
            AuditEvent.action.in_(("report_done", "review")),
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


def _chunk_facts(session: Session, rows: Sequence[Any], end: date) -> _ChunkFacts:
    hazard_ids = [r[0] for r in rows]
    inspection_ids = sorted({r[18] for r in rows if r[18] is not None})
    cutoff = datetime.combine(end + timedelta(days=1), time.min)

    latest: dict[int, tuple[int, date]] = {}
    changes: dict[int, list[tuple[datetime, int, date | None]]] = defaultdict(list)
    failed_later: set[int] = set()
    for rid, hid, on, new_deadline, previous in session.execute(
        select(
            ReInspection.id,
            ReInspection.hazard_id,
            ReInspection.reviewed_on,
            ReInspection.new_deadline,
            ReInspection.previous_deadline,
        ).where(ReInspection.hazard_id.in_(hazard_ids))
    ):
        if on <= end:
            if hid not in latest or (on, rid) > (latest[hid][1], latest[hid][0]):
                latest[hid] = (rid, on)
        elif new_deadline is not None:  # a failed review after the day: deadline moved, report erased
            failed_later.add(hid)
            if previous is not None:
                changes[hid].append((datetime.combine(on, time.max), rid, previous))

    extensions: dict[int, int] = defaultdict(int)
    for hid, eid, at, old in session.execute(
        select(
            DeadlineExtension.hazard_id,
            DeadlineExtension.id,
            DeadlineExtension.at,
            DeadlineExtension.old_deadline,
        ).where(DeadlineExtension.hazard_id.in_(hazard_ids))
    ):
        if at is not None and at >= cutoff:
            changes[hid].append((at, eid, old))
        else:
            extensions[hid] += 1

    return _ChunkFacts(
        inspectors=_names_by(session, inspection_inspectors, "inspection_id", inspection_ids),
        latest_review=latest,
        reviewers=_names_by(
            session, reinspection_inspectors, "reinspection_id", [v[0] for v in latest.values()]
        ),
        deadline_then={hid: min(c)[2] for hid, c in changes.items()},
        extensions=dict(extensions),
        reported_then=_reports_pending(session, sorted(failed_later), end),
    )


def _categories(session: Session, enterprise_ids: Sequence[int], cache: dict[int, str]) -> None:
    wanted = [i for i in enterprise_ids if i not in cache]
    if not wanted:
        return
    order = {c.value: n for n, c in enumerate(CategoryKind)}
    found: dict[int, list[str]] = defaultdict(list)
    for eid, kind in session.execute(
        select(EnterpriseCategory.enterprise_id, EnterpriseCategory.kind).where(
            EnterpriseCategory.enterprise_id.in_(wanted)
        )
    ):
        found[eid].append(kind)
    for eid in wanted:
        cache[eid] = "、".join(sorted(found.get(eid, []), key=lambda k: (order.get(k, 99), k)))


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


def iter_rows(
    session: Session,
    f: LedgerFilter,
    chunk: int = 500,
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
    start, end = f.first_day, basis.as_of
    stmt = (
        select(*_COLUMNS)
        .select_from(Hazard)
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .outerjoin(Inspection, Inspection.id == Hazard.inspection_id)
        .outerjoin(RectificationPlan, RectificationPlan.hazard_id == Hazard.id)
        .outerjoin(Supervision, and_(Supervision.hazard_id == Hazard.id, Supervision.listed_on <= end))
        .order_by(Enterprise.jurisdiction, Enterprise.name, Enterprise.id, Hazard.found_on, Hazard.number)
        .execution_options(yield_per=chunk)
    )
    stmt = _where(stmt, f)
    categories: dict[int, str] = {}
    seq = 0
    result = session.execute(stmt)
    for part in result.partitions():
        facts = _chunk_facts(session, part, end)
        _categories(session, sorted({r[15] for r in part}), categories)
        for r in part:
            seq += 1
            hid = r[0]
            planned = bool(r[23]) and r[9] is not None  # measures and a deadline: rectification under way
            reported = facts.reported_then[hid] if hid in facts.reported_then else r[11]
            state = state_at(r[8], reported, r[12], planned, end)
            deadline = facts.deadline_then[hid] if hid in facts.deadline_then else r[9]
            if reported is not None and reported <= end:
                done_on: date | None = reported
            else:
                done_on = r[12] if r[12] is not None and r[12] <= end else None
            review = facts.latest_review.get(hid)
            yield LedgerRow(
                seq=seq,
                hazard_id=hid,
                number=r[1],
                jurisdiction=r[16],
                enterprise_name=r[17],
                categories=categories[r[15]],
                inspected_on=r[19] or r[2],
                inspection_kind=r[20] or r[14],
                inspectors=facts.inspectors.get(r[18], ""),
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
                reviewed_on=review[1] if review else None,
                reviewers=facts.reviewers.get(review[0], "") if review else "",
                closed_on=r[12] if state == HazardState.CLOSED.value else None,
                overdue_kind=classify(state, deadline, done_on, end, basis.review_days),
                notes=_notes(r, facts.extensions.get(hid, 0), end),
                found_on=r[2],
                found_in_month=r[2] >= start,
                supervision_unit=r[26] or "",
                listed_on=r[27],
                delisted_on=r[28] if r[28] is not None and r[28] <= end else None,
            )


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
    ``cancelled`` is asked every ``CANCEL_CHECK_ROWS`` rows; once it answers True this raises
    ``Cancelled``, so a preview the user has moved on from stops reading a million rows.
    """
    with db.reading() as s:
        basis = Basis.of(s, f, today)
        summary = LedgerSummary(basis)
        for n, row in enumerate(iter_rows(s, f, basis=basis)):
            if n % CANCEL_CHECK_ROWS == 0 and cancelled():
                raise Cancelled("已取消统计")
            summary.add(row)
    return summary


def jurisdictions_in_use(session: Session) -> list[str]:
    return list(session.scalars(select(Enterprise.jurisdiction).distinct().order_by(Enterprise.jurisdiction)))


class _StreamedRows:
    """The ledger rows, streamed from their own reading session each time they are iterated."""

    def __init__(self, db: Database, f: LedgerFilter, basis: Basis) -> None:
        self.db, self.filter, self.basis = db, f, basis

    def __iter__(self) -> Iterator[LedgerRow]:
        with self.db.reading() as s:
            yield from iter_rows(s, self.filter, basis=self.basis)


@dataclass(frozen=True)
class LedgerData:
    """What the month's workbook prints: the core gathers it, ``reports.ledger`` writes it."""

    filter: LedgerFilter
    basis: Basis
    office: OfficeSettings
    today: date  # the export day: 填报日期
    total: int  # rows, for the progress bar
    rows: Iterable[LedgerRow]  # in print order, streamed


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
                raise DomainError(NOT_CONFIGURED)
            total = count_rows(s, f)
            basis = Basis.of(s, f, today)
        return LedgerData(f, basis, office, today, total, _StreamedRows(self.db, f, basis))


__all__ = [
    "NO_CATEGORY",
    "Basis",
    "Counts",
    "LedgerData",
    "LedgerFilter",
    "LedgerRow",
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
