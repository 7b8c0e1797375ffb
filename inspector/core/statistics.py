"""统计: how each 属地 is doing over a period — visits, hazards found, closed, open, overdue.

The district office asks for exactly these figures at year end and in spot checks ("春江镇今年
查了多少家、发现多少隐患、整改率多少、还有多少逾期"). The words mean what they mean on the
monthly ledger's 汇总 (core.ledger_summary), so a period of one month gives the ledger's figures:

- 隐患总数: hazards open at any time in the period (found by its end, not closed before its start);
- 本期发现 / 其中重大隐患: found in the period / the majors among them, closed or not;
- 已销号: closed in the period, by its end (or today, if earlier) — whenever found;
  本期发现中已销号: those of them found in the period;
- 整改率: the office's reading (机关设置, ``RateFormula``), named with the figure.

目前未销号, 目前逾期未整改 and 目前逾期未复查 are as of today, whatever the period, because that is
what needs acting on; the delay is classified by ``core.overdue.classify``, the ledger's rule.

Both breakdowns come from one GROUP BY over the hazards (one scan, no row look-ups), plus one over
the open hazards past their deadline grouped by what ``classify`` reads; the page runs it off the
GUI thread (tests/bench/test_bench_statistics.py measures it at a million hazards).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from inspector.core import chart_data
from inspector.core.chart_data import ChartData
from inspector.core.checklists.history import FailedItemRow, failed_items
from inspector.core.enums import HazardCategory, HazardLevel, HazardState, RateFormula
from inspector.core.ledger_summary import closure_rate
from inspector.core.office import read_office
from inspector.core.overdue import OverdueKind, classify
from inspector.core.pinyin import sort_key
from inspector.db.engine import Database
from inspector.db.models import Enterprise, Hazard, Inspection

TOTAL_LABEL = "合计"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    def text(self) -> str:
        return f"{self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}"


_SUMMED = (
    "enterprises",
    "inspected_enterprises",
    "inspections",
    "total",
    "found",
    "found_major",
    "closed",
    "closed_found",
    "open_now",
    "overdue_rectification_now",
    "overdue_review_now",
)


@dataclass
class StatRow:
    """One line of a breakdown; ``key`` is the 属地 or the 隐患类别 (or 合计)."""

    key: str
    formula: RateFormula = RateFormula.FOUND
    enterprises: int = 0
    inspected_enterprises: int = 0  # distinct enterprises visited in the period
    inspections: int = 0
    total: int = 0  # 隐患总数
    found: int = 0  # 本期发现
    found_major: int = 0  # 其中重大隐患
    closed: int = 0  # 已销号 (in the period)
    closed_found: int = 0  # 本期发现中已销号
    open_now: int = 0  # 目前未销号
    overdue_rectification_now: int = 0  # 目前逾期未整改
    overdue_review_now: int = 0  # 目前逾期未复查

    @property
    def closure_rate(self) -> float | None:
        """整改率 in the office's reading; None when its denominator is 0."""
        return closure_rate(self.formula, self.closed_found, self.found, self.closed, self.total)

    def add(self, other: StatRow) -> None:
        for name in _SUMMED:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Statistics:
    period: Period
    as_of: date  # 已销号 counted up to this day: the period's end, or today if earlier
    today: date  # the 目前… figures
    formula: RateFormula = RateFormula.FOUND
    review_days: int = 10
    by_jurisdiction: list[StatRow] = field(default_factory=list)  # ends with the 合计 row
    by_category: list[StatRow] = field(default_factory=list)  # ends with the 合计 row


def _total(rows: list[StatRow], formula: RateFormula) -> StatRow:
    total = StatRow(TOTAL_LABEL, formula)
    for r in rows:
        total.add(r)
    return total


def _hazard_counts(period: Period, as_of: date) -> list[Any]:
    """The counted figures of ``_SQL_FIELDS``, as ``count(*) FILTER (WHERE …)`` over one scan."""
    in_period = and_(Hazard.found_on >= period.start, Hazard.found_on <= period.end)
    closed_by = and_(Hazard.closed_on.is_not(None), Hazard.closed_on <= as_of)
    return [
        func.count().filter(_open_in(period)),
        func.count().filter(in_period),
        func.count().filter(and_(in_period, Hazard.level == HazardLevel.MAJOR.value)),
        func.count().filter(and_(closed_by, Hazard.closed_on >= period.start)),
        func.count().filter(and_(in_period, closed_by)),
        func.count().filter(Hazard.state != HazardState.CLOSED.value),
    ]


def _open_in(period: Period) -> Any:
    """隐患总数's rule: found by the period's end and not closed before its start."""
    return and_(
        Hazard.found_on <= period.end, or_(Hazard.closed_on.is_(None), Hazard.closed_on >= period.start)
    )


_SQL_FIELDS = ("total", "found", "found_major", "closed", "closed_found", "open_now")
OPEN_STATES = tuple(s.value for s in HazardState if s is not HazardState.CLOSED)


def late_groups(s: Session, today: date) -> Any:
    """Today's open hazards that may be late, grouped by what ``classify`` reads (and by enterprise
    and category, to be summed per 属地 / 类别): ``(enterprise_id, category, state, deadline,
    reported_done_on, n)`` rows.

    Only a superset is selected here — past the deadline, or 待复查 (the office's period runs from
    the report) — and ``classify`` decides; the (state, deadline) index finds them without reading
    the other open hazards."""
    return s.execute(
        select(
            Hazard.enterprise_id,
            Hazard.category,
            Hazard.state,
            Hazard.deadline,
            Hazard.reported_done_on,
            func.count(),
        )
        .where(
            Hazard.state.in_(OPEN_STATES),
            or_(Hazard.deadline < today, Hazard.state == HazardState.PENDING_REVIEW.value),
        )
        .group_by(
            Hazard.enterprise_id, Hazard.category, Hazard.state, Hazard.deadline, Hazard.reported_done_on
        )
    )


def _set_counts(row: StatRow, counts: Any) -> None:
    for name, value in zip(_SQL_FIELDS, counts, strict=True):
        setattr(row, name, getattr(row, name) + int(value or 0))


class StatisticsService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def failed_items(
        self,
        period: Period,
        jurisdiction: str | None = None,
        *,
        per_jurisdiction: bool = False,
        limit: int = 20,
    ) -> list[FailedItemRow]:
        """The checklist items failed most often in the period's visits (core.checklists.history):
        over every 属地, one 属地 (``jurisdiction``), or ranked per 属地."""
        with self.db.reading() as s:
            return failed_items(
                s,
                period.start,
                period.end,
                jurisdiction=jurisdiction,
                per_jurisdiction=per_jurisdiction,
                limit=limit,
            )

    def jurisdictions(self) -> list[str]:
        """The 属地 of the registered enterprises, for a filter."""
        with self.db.reading() as s:
            return sorted(
                (str(j) for j in s.scalars(select(Enterprise.jurisdiction).distinct()) if j), key=sort_key
            )

    def charts(self, period: Period, jurisdiction: str | None = None) -> ChartData:
        """The charts' figures for a period (core.chart_data), over the district or one 属地."""
        today = self.clock()
        as_of = min(period.end, today)
        with self.db.reading() as s:
            review_days = read_office(s).review_days
            where = None
            if jurisdiction is not None:
                where = set(s.scalars(select(Enterprise.id).where(Enterprise.jurisdiction == jurisdiction)))
            late = [
                (cat, state, deadline, reported, int(n))
                for eid, cat, state, deadline, reported, n in late_groups(s, today)
                if where is None or eid in where
            ]
            return ChartData(
                period.start,
                period.end,
                as_of,
                today,
                jurisdiction,
                chart_data.months(s, period.start, period.end, as_of, jurisdiction),
                chart_data.ageing(late, today, review_days),
                chart_data.supervised(s, today, jurisdiction),
            )

    def recent_charts(self, jurisdiction: str | None = None, months: int = 12) -> ChartData:
        """The 工作台's charts: the last ``months`` calendar months up to today."""
        start, end = chart_data.recent_period(self.clock(), months)
        return self.charts(Period(start, end), jurisdiction)

    @staticmethod
    def _scan(s: Session, period: Period, as_of: date) -> list[Any]:
        """The counted figures per (enterprise, category): one pass over the covering index
        ix_hazards_stats (enterprise_id, category, found_on, closed_on, level, state), in its
        order, so no table row is read and the GROUP BY needs no sort (migration 0011)."""
        stmt = (
            select(Hazard.enterprise_id, Hazard.category, *_hazard_counts(period, as_of))
            .where(or_(_open_in(period), Hazard.state != HazardState.CLOSED.value))
            .group_by(Hazard.enterprise_id, Hazard.category)
        )
        return list(s.execute(stmt).tuples())

    def compute(self, period: Period) -> Statistics:
        """Set-based: one scan of the hazards grouped by (enterprise, category) gives both breakdowns,
        summed here through the enterprise → 属地 map; the visits come from the (enterprise, date)
        index alone and the delays from the open hazards past their deadline. No hazard is read
        twice and none is looked up by row."""
        today = self.clock()
        as_of = min(period.end, today)
        with self.db.reading() as s:
            office = read_office(s)
            formula = office.rate
            rows: dict[str, StatRow] = {}
            cats: dict[str, StatRow] = {}

            def place(j: str) -> StatRow:
                row = rows.get(j)
                if row is None:
                    row = rows[j] = StatRow(j, formula)
                return row

            def category(c: str) -> StatRow:
                row = cats.get(c)
                if row is None:
                    row = cats[c] = StatRow(c, formula)
                return row

            where: dict[int, str] = {}
            for eid, j in s.execute(select(Enterprise.id, Enterprise.jurisdiction)):
                where[eid] = j
                place(j).enterprises += 1
            # ``enterprise_id > 0`` steers SQLite to the covering (enterprise_id, inspected_on) index
            # instead of looking every visit of the year up by row from the date index.
            visits = (
                select(Inspection.enterprise_id, func.count())
                .where(
                    Inspection.enterprise_id > 0,
                    Inspection.inspected_on >= period.start,
                    Inspection.inspected_on <= period.end,
                )
                .group_by(Inspection.enterprise_id)
            )
            for eid, n in s.execute(visits):
                r = place(where[eid])
                r.inspections += int(n)
                r.inspected_enterprises += 1
            # Summed as plain lists (tens of thousands of groups), set on the rows once.
            sums: dict[tuple[bool, str], list[int]] = {}
            width = len(_SQL_FIELDS)
            for eid, cat, *counts in self._scan(s, period, as_of):
                for line in ((True, where[eid]), (False, cat)):
                    acc = sums.get(line)
                    if acc is None:
                        acc = sums[line] = [0] * width
                    for i in range(width):
                        acc[i] += counts[i] or 0
            for (by_place, name), acc in sums.items():
                _set_counts(place(name) if by_place else category(name), acc)

            for eid, cat, state, deadline, reported, n in late_groups(s, today):
                kind = classify(state, deadline, reported, today, office.review_days)
                for r in (place(where[eid]), category(cat)):
                    if kind == OverdueKind.RECTIFICATION:
                        r.overdue_rectification_now += int(n)
                    elif kind == OverdueKind.REVIEW:
                        r.overdue_review_now += int(n)

        places = sorted(rows.values(), key=lambda r: sort_key(r.key))
        order = {c.value: n for n, c in enumerate(HazardCategory)}
        categories = sorted(cats.values(), key=lambda r: (order.get(r.key, 99), r.key))
        return Statistics(
            period,
            as_of,
            today,
            formula,
            office.review_days,
            [*places, _total(places, formula)],
            [*categories, _total(categories, formula)],
        )
