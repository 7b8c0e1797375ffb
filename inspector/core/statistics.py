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

Each breakdown is one GROUP BY over the hazards (one scan), plus one over the open hazards grouped
by what ``classify`` reads, so a million hazards take about a second on SQLite: the page runs it
off the GUI thread.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from inspector.core.checklists.history import FailedItemRow, failed_items
from inspector.core.enums import HazardCategory, HazardLevel, HazardState, RateFormula
from inspector.core.ledger_summary import closure_rate
from inspector.core.office import read_office
from inspector.core.overdue import OverdueKind, classify
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


def _hazard_sums(period: Period, as_of: date) -> list[Any]:
    in_period = and_(Hazard.found_on >= period.start, Hazard.found_on <= period.end)
    closed_by = and_(Hazard.closed_on.is_not(None), Hazard.closed_on <= as_of)
    open_in_period = and_(
        Hazard.found_on <= period.end, or_(Hazard.closed_on.is_(None), Hazard.closed_on >= period.start)
    )

    def count(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    return [
        count(open_in_period),
        count(in_period),
        count(and_(in_period, Hazard.level == HazardLevel.MAJOR.value)),
        count(and_(closed_by, Hazard.closed_on >= period.start)),
        count(and_(in_period, closed_by)),
        count(Hazard.state != HazardState.CLOSED.value),
    ]


_SQL_FIELDS = ("total", "found", "found_major", "closed", "closed_found", "open_now")


def _set_sums(row: StatRow, sums: Any) -> None:
    for name, value in zip(_SQL_FIELDS, sums, strict=True):
        setattr(row, name, int(value or 0))


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
            return sorted(str(j) for j in s.scalars(select(Enterprise.jurisdiction).distinct()) if j)

    def compute(self, period: Period) -> Statistics:
        today = self.clock()
        as_of = min(period.end, today)
        with self.db.reading() as s:
            office = read_office(s)
            formula = office.rate
            rows: dict[str, StatRow] = {}

            def place(j: str) -> StatRow:
                return rows.setdefault(j, StatRow(j, formula))

            for j, n in s.execute(
                select(Enterprise.jurisdiction, func.count()).group_by(Enterprise.jurisdiction)
            ):
                place(j).enterprises = int(n)
            visits = (
                select(
                    Enterprise.jurisdiction, func.count(), func.count(func.distinct(Inspection.enterprise_id))
                )
                .join(Enterprise, Enterprise.id == Inspection.enterprise_id)
                .where(Inspection.inspected_on >= period.start, Inspection.inspected_on <= period.end)
                .group_by(Enterprise.jurisdiction)
            )
            for j, n, distinct in s.execute(visits):
                r = place(j)
                r.inspections, r.inspected_enterprises = int(n), int(distinct)
            by_place = (
                select(Enterprise.jurisdiction, *_hazard_sums(period, as_of))
                .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
                .group_by(Enterprise.jurisdiction)
            )
            for j, *sums in s.execute(by_place):
                _set_sums(place(j), sums)

            cats: dict[str, StatRow] = {}
            for cat, *sums in s.execute(
                select(Hazard.category, *_hazard_sums(period, as_of)).group_by(Hazard.category)
            ):
                _set_sums(cats.setdefault(cat, StatRow(cat, formula)), sums)

            # The delays of today's open hazards, grouped by what ``classify`` reads.
            late = (
                select(
                    Enterprise.jurisdiction,
                    Hazard.category,
                    Hazard.state,
                    Hazard.deadline,
                    Hazard.reported_done_on,
                    func.count(),
                )
                .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
                .where(Hazard.state != HazardState.CLOSED.value)
                .group_by(
                    Enterprise.jurisdiction,
                    Hazard.category,
                    Hazard.state,
                    Hazard.deadline,
                    Hazard.reported_done_on,
                )
            )
            delays: dict[tuple[str, str], defaultdict[OverdueKind, int]] = defaultdict(
                lambda: defaultdict(int)
            )
            for j, cat, state, deadline, reported, n in s.execute(late):
                kind = classify(state, deadline, reported, today, office.review_days)
                if kind != OverdueKind.NONE:
                    delays[(j, cat)][kind] += int(n)
            for (j, cat), kinds in delays.items():
                for r in (place(j), cats.setdefault(cat, StatRow(cat, formula))):
                    r.overdue_rectification_now += kinds[OverdueKind.RECTIFICATION]
                    r.overdue_review_now += kinds[OverdueKind.REVIEW]

        places = sorted(rows.values(), key=lambda r: r.key)
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
