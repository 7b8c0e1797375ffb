"""The figures behind the charts of the 统计 page and the 工作台, in plain dataclasses (no Qt).

- ``months``: hazards found and closed (销号) in each month of the period — found by ``found_on``,
  closed by ``closed_on`` up to the as-of day, the same days 本期发现 and 已销号 count;
- ``ageing``: today's late hazards by how long they are late, apart by whose delay it is
  (``core.overdue.classify``): 逾期未整改 counts the days past the deadline, 逾期未复查 the days
  past the office's 复查 period (``review_due``). Each kind sums to the 统计 page's 目前逾期未整改
  and 目前逾期未复查;
- ``supervised``: the 重大隐患 under 挂牌督办 (listed, not delisted) per 属地, with how many of them
  are past their deadline (逾期 as the tracker means it); the sum is the 工作台's 挂牌督办 tile.

整改率 per 属地 is ``Statistics.by_jurisdiction`` itself, so the bar and the table cell agree.

Every query is set-based: dates grouped over the date indexes, the late and the supervised hazards
grouped by what the rules read, summed per 属地 through the enterprise → 属地 map.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core.lifecycle import is_overdue
from inspector.core.overdue import OverdueKind, classify, review_due
from inspector.core.pinyin import sort_key
from inspector.db.models import Enterprise, Hazard, Supervision

AGE_BUCKETS: tuple[tuple[int, int | None], ...] = ((1, 7), (8, 30), (31, 90), (91, None))
"""Days late, inclusive; ``None``: no upper bound (更久)."""


@dataclass(frozen=True)
class MonthCount:
    month: date  # its first day
    found: int
    closed: int


@dataclass(frozen=True)
class AgeBucket:
    low: int
    high: int | None
    rectification: int  # 逾期未整改, by days past the deadline
    review: int  # 逾期未复查, by days past the 复查 period


@dataclass(frozen=True)
class SupervisedPlace:
    key: str  # 属地
    listed: int  # 挂牌督办中
    overdue: int  # of them past the deadline


@dataclass(frozen=True)
class ChartData:
    start: date
    end: date
    as_of: date  # closings counted up to this day
    today: date  # ageing and supervision as of today
    jurisdiction: str | None = None  # one 属地, or the whole district
    months: list[MonthCount] = field(default_factory=list)
    ageing: list[AgeBucket] = field(default_factory=list)
    supervised: list[SupervisedPlace] = field(default_factory=list)


def month_starts(start: date, end: date) -> list[date]:
    """The first day of every month that the period touches."""
    out, d = [], date(start.year, start.month, 1)
    while d <= end:
        out.append(d)
        d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return out


def recent_period(today: date, months: int = 12) -> tuple[date, date]:
    """The last ``months`` calendar months up to today (this month included), for the 工作台."""
    year, month = today.year, today.month - (months - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1), today


def late_days(
    kind: OverdueKind,
    deadline: date | None,
    reported_on: date | None,
    today: date,
    review_days: int,
) -> int:
    """How many days a late hazard is late: past the deadline (逾期未整改) or past the office's
    复查 period (逾期未复查)."""
    if kind == OverdueKind.REVIEW:
        assert reported_on is not None  # classify says REVIEW only for a hazard reported in time
        return (today - review_due(reported_on, deadline, review_days)).days
    assert deadline is not None
    return (today - deadline).days


def bucket_of(days: int) -> int:
    """The index in ``AGE_BUCKETS`` of a hazard late by ``days`` (≥ 1)."""
    for i, (_low, high) in enumerate(AGE_BUCKETS):
        if high is None or days <= high:
            return i
    return len(AGE_BUCKETS) - 1


def _in_place(jurisdiction: str | None) -> list[Any]:
    if jurisdiction is None:
        return []
    return [Hazard.enterprise_id.in_(select(Enterprise.id).where(Enterprise.jurisdiction == jurisdiction))]


def months(s: Session, start: date, end: date, as_of: date, jurisdiction: str | None) -> list[MonthCount]:
    """Found and closed per month: each a GROUP BY over its date index (in index order, no sort)."""
    found: dict[date, int] = {}
    closed: dict[date, int] = {}
    for counts, column, last in ((found, Hazard.found_on, end), (closed, Hazard.closed_on, as_of)):
        rows = s.execute(
            select(column, func.count())
            .where(column >= start, column <= last, *_in_place(jurisdiction))
            .group_by(column)
        )
        for day, n in rows:
            first = date(day.year, day.month, 1)
            counts[first] = counts.get(first, 0) + int(n)
    return [MonthCount(m, found.get(m, 0), closed.get(m, 0)) for m in month_starts(start, end)]


def ageing(
    late_rows: list[tuple[str, str, date | None, date | None, int]], today: date, review_days: int
) -> list[AgeBucket]:
    """``late_rows``: (category, state, deadline, reported_done_on, n) of today's open hazards that
    may be late (``statistics.late_groups``, narrowed to a 属地 by the caller)."""
    rect = [0] * len(AGE_BUCKETS)
    review = [0] * len(AGE_BUCKETS)
    for _cat, state, deadline, reported, n in late_rows:
        kind = classify(state, deadline, reported, today, review_days)
        if kind == OverdueKind.NONE:
            continue
        days = late_days(kind, deadline, reported, today, review_days)
        (rect if kind == OverdueKind.RECTIFICATION else review)[bucket_of(days)] += n
    return [AgeBucket(low, high, rect[i], review[i]) for i, (low, high) in enumerate(AGE_BUCKETS)]


def supervised(s: Session, today: date, jurisdiction: str | None) -> list[SupervisedPlace]:
    """Majors under 挂牌督办 per 属地 — the listed ones (``delisted_on`` empty), as the tile counts."""
    q = (
        select(Enterprise.jurisdiction, Hazard.state, Hazard.deadline, func.count())
        .select_from(Supervision)
        .join(Hazard, Hazard.id == Supervision.hazard_id)
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .where(Supervision.delisted_on.is_(None))
        .group_by(Enterprise.jurisdiction, Hazard.state, Hazard.deadline)
    )
    if jurisdiction is not None:
        q = q.where(Enterprise.jurisdiction == jurisdiction)
    listed: dict[str, int] = {}
    late: dict[str, int] = {}
    for j, state, deadline, n in s.execute(q):
        listed[j] = listed.get(j, 0) + int(n)
        if is_overdue(state, deadline, today):
            late[j] = late.get(j, 0) + int(n)
    return [SupervisedPlace(j, listed[j], late.get(j, 0)) for j in sorted(listed, key=sort_key)]


OTHER_PLACES = "其他"


def top_places(places: Sequence[SupervisedPlace], n: int) -> list[SupervisedPlace]:
    """The ``n`` 属地 with the most listed majors (ties by name), the rest summed as 其他: a
    compact chart names every bar it draws rather than every other one."""
    if len(places) <= n:
        return list(places)
    ranked = sorted(places, key=lambda p: (-p.listed, sort_key(p.key)))
    rest = ranked[n - 1 :]
    other = SupervisedPlace(OTHER_PLACES, sum(p.listed for p in rest), sum(p.overdue for p in rest))
    return [*sorted(ranked[: n - 1], key=lambda p: sort_key(p.key)), other]


__all__ = [
    "AGE_BUCKETS",
    "OTHER_PLACES",
    "AgeBucket",
    "ChartData",
    "MonthCount",
    "SupervisedPlace",
    "ageing",
    "bucket_of",
    "late_days",
    "month_starts",
    "months",
    "recent_period",
    "supervised",
    "top_places",
]
