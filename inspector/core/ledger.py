"""The monthly hazard ledger (月度隐患排查治理台账): which hazards, and what they looked like at month end.

Rows are the hazards found in the month plus those still open at any time in it: found on or
before the last day and not closed before the first day. Every column describes the hazard *as of
the month end*, reconstructed from the business dates (销号日期, 整改完成日期, 复查日期, deadline
changes), so the November ledger reads the same whether it is exported on 1 December or in March.

The query streams in chunks (``yield_per``; a server-side cursor on PostgreSQL) and fetches the
names of inspectors, reviewers and categories with one query per chunk, never one per row.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from inspector.core.enums import CategoryKind, HazardCategory, HazardLevel, HazardState
from inspector.core.errors import Cancelled, DomainError
from inspector.db.engine import Database
from inspector.db.models import (
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

NO_CATEGORY = "未分类"
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


@dataclass(frozen=True)
class LedgerRow:
    """One line of the ledger, every value as of the month end."""

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
    closed_on: date | None  # 销号日期 if by month end
    overdue: bool  # at month end
    notes: str
    found_on: date
    found_in_month: bool
    supervision_unit: str = ""
    listed_on: date | None = None
    delisted_on: date | None = None  # if by month end

    @property
    def is_major(self) -> bool:
        return self.level == HazardLevel.MAJOR.value

    @property
    def is_closed(self) -> bool:
        return self.state == HazardState.CLOSED.value


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


def overdue_at(state: str, deadline: date | None, end: date) -> bool:
    """The lifecycle's rule (not closed and the day is past the deadline) applied at ``end``."""
    return state != HazardState.CLOSED.value and deadline is not None and end > deadline


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
    latest_review: dict[int, tuple[int, date]]  # hazard id → (re-inspection id, date) by month end
    reviewers: dict[int, str]
    deadline_then: dict[int, date | None]  # hazard id → deadline in force at month end, if changed since
    extensions: dict[int, int]  # hazard id → extensions granted by month end


def _chunk_facts(session: Session, rows: Sequence[Any], end: date) -> _ChunkFacts:
    hazard_ids = [r[0] for r in rows]
    inspection_ids = sorted({r[18] for r in rows if r[18] is not None})
    cutoff = datetime.combine(end + timedelta(days=1), time.min)

    latest: dict[int, tuple[int, date]] = {}
    changes: dict[int, list[tuple[datetime, int, date | None]]] = defaultdict(list)
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
        elif new_deadline is not None and previous is not None:  # a failed review moved the deadline later
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


def _notes(r: Any, extensions: int, supervision_listed: bool, end: date) -> str:
    parts = []
    notes = (r[13] or "").strip()
    if r[10] and "立查立改" not in notes:
        parts.append("立查立改")
    if supervision_listed:
        delisted = r[28] is not None and r[28] <= end
        parts.append(f"挂牌督办（{r[26]}）" + ("，已摘牌" if delisted else ""))
    if extensions:
        parts.append(f"延期{extensions}次")
    if notes:
        parts.append(notes)
    return "；".join(parts)


def iter_rows(session: Session, f: LedgerFilter, chunk: int = 500) -> Iterator[LedgerRow]:
    """Stream the ledger rows in print order: 属地, 企业, found date, 隐患编号."""
    start, end = f.first_day, f.last_day
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
            state = state_at(r[8], r[11], r[12], planned, end)
            deadline = facts.deadline_then[hid] if hid in facts.deadline_then else r[9]
            review = facts.latest_review.get(hid)
            responsible = "／".join(x for x in (r[21], r[22]) if x)
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
                responsible=responsible,
                measures=r[23] or "",
                funds=r[24],
                deadline=deadline,
                contingency=r[25] or "",
                state=state,
                done_on=r[11]
                if r[11] is not None and r[11] <= end
                else (r[12] if r[12] is not None and r[12] <= end else None),
                reviewed_on=review[1] if review else None,
                reviewers=facts.reviewers.get(review[0], "") if review else "",
                closed_on=r[12] if state == HazardState.CLOSED.value else None,
                overdue=overdue_at(state, deadline, end),
                notes=_notes(r, facts.extensions.get(hid, 0), r[26] is not None, end),
                found_on=r[2],
                found_in_month=r[2] >= start,
                supervision_unit=r[26] or "",
                listed_on=r[27],
                delisted_on=r[28] if r[28] is not None and r[28] <= end else None,
            )


# -- the summary -------------------------------------------------------------------------------


@dataclass
class Counts:
    """One line of the summary; the columns add up: total = new + carried = closed + open."""

    total: int = 0  # 隐患总数 = the rows of the ledger
    new: int = 0  # 本月新发现
    carried: int = 0  # 往月结转 (found earlier, still open on the 1st)
    closed: int = 0  # 已销号 by month end
    open: int = 0  # 未销号 at month end
    overdue: int = 0  # of which 逾期
    major_open: int = 0  # of which 重大隐患
    funds: Decimal = Decimal("0.00")  # 整改资金 planned for these hazards

    def add(self, row: LedgerRow) -> None:
        self.total += 1
        self.funds += row.funds or 0
        if row.found_in_month:
            self.new += 1
        else:
            self.carried += 1
        if row.is_closed:
            self.closed += 1
        else:
            self.open += 1
            self.overdue += row.overdue
            self.major_open += row.is_major

    @property
    def rate(self) -> float | None:
        """整改率 = 已销号 ÷ 隐患总数; None when there is nothing to rectify."""
        return self.closed / self.total if self.total else None


@dataclass
class LedgerSummary:
    """Counts by 属地, 监管类别, 隐患等级 and 隐患类别, and the major hazards, built row by row."""

    total: Counts = field(default_factory=Counts)
    by_jurisdiction: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_level: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_hazard_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    majors: list[LedgerRow] = field(default_factory=list)

    def add(self, row: LedgerRow) -> None:
        self.total.add(row)
        self.by_jurisdiction[row.jurisdiction].add(row)
        for kind in row.categories.split("、") if row.categories else [NO_CATEGORY]:
            self.by_category[kind].add(row)
        self.by_level[row.level].add(row)
        self.by_hazard_category[row.main_category].add(row)
        if row.is_major:
            self.majors.append(row)

    def jurisdictions(self) -> list[tuple[str, Counts]]:
        return sorted(self.by_jurisdiction.items())

    def categories(self) -> list[tuple[str, Counts]]:
        order = {c.value: n for n, c in enumerate(CategoryKind)}
        return sorted(self.by_category.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))

    def levels(self) -> list[tuple[str, Counts]]:
        return [(lv.value, self.by_level.get(lv.value) or Counts()) for lv in HazardLevel]

    def hazard_categories(self) -> list[tuple[str, Counts]]:
        known = [(c.value, self.by_hazard_category.get(c.value) or Counts()) for c in HazardCategory]
        other = sorted(
            (k, v) for k, v in self.by_hazard_category.items() if k not in {c.value for c in HazardCategory}
        )
        return known + other


CANCEL_CHECK_ROWS = 200


def summarize(rows: Iterator[LedgerRow] | Sequence[LedgerRow]) -> LedgerSummary:
    summary = LedgerSummary()
    for row in rows:
        summary.add(row)
    return summary


def month_summary(
    db: Database, f: LedgerFilter, cancelled: Callable[[], bool] = lambda: False
) -> LedgerSummary:
    """The 汇总 sheet's figures without writing a workbook (the 月度台账 page's preview).

    ``cancelled`` is asked every ``CANCEL_CHECK_ROWS`` rows; once it answers True this raises
    ``Cancelled``, so a preview the user has moved on from stops reading a million rows.
    """
    summary = LedgerSummary()
    with db.reading() as s:
        for n, row in enumerate(iter_rows(s, f)):
            if n % CANCEL_CHECK_ROWS == 0 and cancelled():
                raise Cancelled("已取消统计")
            summary.add(row)
    return summary


def jurisdictions_in_use(session: Session) -> list[str]:
    return list(session.scalars(select(Enterprise.jurisdiction).distinct().order_by(Enterprise.jurisdiction)))
