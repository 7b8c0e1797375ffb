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

Both breakdowns come from the same counting rules (``_hazard_counts``) applied to groups: on SQLite
to the monthly tallies that triggers keep (migration 0013) plus the hazards of the months a period
cuts through, on PostgreSQL to one scan of the hazards. The delays come from the open hazards past
their deadline, grouped by what ``classify`` reads. The page runs it off the GUI thread
(tests/bench/test_bench_statistics.py measures it at a million hazards; tests/core/
test_statistics_tallies.py checks both ways against the rules applied to every row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from inspector.core import chart_data
from inspector.core.chart_data import ChartData
from inspector.core.checklists.history import FailedItemRow, failed_items
from inspector.core.enums import HazardCategory, HazardLevel, HazardState, RateFormula
from inspector.core.ledger_summary import closure_rate
from inspector.core.office import read_office
from inspector.core.overdue import OverdueKind, classify
from inspector.core.pinyin import sort_key
from inspector.db.engine import Database, read_beside
from inspector.db.models import OPEN_HAZARDS_SQL, Enterprise, Hazard, Inspection
from inspector.db.tallies import hazard_tallies

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


@dataclass(frozen=True)
class _Columns:
    """The columns the counting rules read: of ``hazards``, or of ``hazard_tallies`` (months as
    their first day, so a rule applied to whole months gives the same answer)."""

    found_on: Any
    closed_on: Any
    level: Any
    state: Any


_HAZARD = _Columns(Hazard.found_on, Hazard.closed_on, Hazard.level, Hazard.state)
_TALLY = _Columns(
    hazard_tallies.c.found_month,
    # '' while open, NULL to the rules (as 销号日期 is): ``literal_column`` so no date is bound for ''
    func.nullif(hazard_tallies.c.closed_month, literal_column("''"), type_=Date),
    hazard_tallies.c.level,
    hazard_tallies.c.state,
)


def _conditions(period: Period, as_of: date, h: _Columns = _HAZARD) -> list[Any]:
    """What puts a hazard (or a tally row) in each figure of ``_SQL_FIELDS``: the counting rules,
    stated once for both."""
    in_period = and_(h.found_on >= period.start, h.found_on <= period.end)
    closed_by = and_(h.closed_on.is_not(None), h.closed_on <= as_of)
    return [
        _open_in(period, h),
        in_period,
        and_(in_period, h.level == HazardLevel.MAJOR.value),
        and_(closed_by, h.closed_on >= period.start),
        and_(in_period, closed_by),
        h.state != HazardState.CLOSED.value,
    ]


def _hazard_counts(period: Period, as_of: date, h: _Columns = _HAZARD, weight: Any = None) -> list[Any]:
    """The figures as ``count(*) FILTER (WHERE …)`` over hazards, or as ``sum(weight) FILTER (…)``
    over tally rows."""
    aggregate = func.count() if weight is None else func.sum(weight)
    return [aggregate.filter(c) for c in _conditions(period, as_of, h)]


def _open_in(period: Period, h: _Columns = _HAZARD) -> Any:
    """隐患总数's rule: found by the period's end and not closed before its start."""
    return and_(h.found_on <= period.end, or_(h.closed_on.is_(None), h.closed_on >= period.start))


@dataclass(frozen=True)
class Cuts:
    """The months (as their first day) whose hazards must be counted from their days.

    A tally knows a hazard's months, not its days: read with a month's first day, the rules put
    all of the month on one side of a bound inside it — before the period's start (发现日期 and
    销号日期 are compared with it), within its end (发现日期) and within the 已销号 cut-off
    ``as_of`` (销号日期). That is exact unless a hazard lies on the other side, which one probe of a
    date index tells: the running month is cut by ``as_of`` = today only if something was closed
    after today."""

    found: tuple[date, ...]
    closed: tuple[date, ...]

    @classmethod
    def of(cls, s: Session, period: Period, as_of: date) -> Cuts:
        found: set[date] = set()
        closed: set[date] = set()

        def cut(column: Any, first: date, after: date, into: set[date]) -> None:
            """Cut the month of ``first`` if a hazard's ``column`` lies from ``first`` to ``after``
            (exclusive): the days its month-level reading puts on the wrong side."""
            probe = select(column).where(column >= first, column < after).limit(1)
            if first < after and s.execute(probe).first() is not None:
                into.add(first.replace(day=1))

        if period.start.day != 1:  # read as after the start, the month's hazards fall before it
            after = _next_month(period.start.replace(day=1))
            cut(Hazard.found_on, period.start, after, found)
            cut(Hazard.closed_on, period.start, after, closed)
        # read as within the end (or the cut-off), the month's later days would count too
        cut(Hazard.found_on, period.end + timedelta(days=1), _next_month(period.end.replace(day=1)), found)
        cut(Hazard.closed_on, as_of + timedelta(days=1), _next_month(as_of.replace(day=1)), closed)
        return cls(tuple(sorted(found)), tuple(sorted(closed)))


def _in_months(column: Any, months: tuple[date, ...]) -> Any:
    return or_(*(and_(column >= m, column < _next_month(m)) for m in months))


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


CUT_LOOKUP_COST = 8  # a hazard read by a date index vs its share of one scan (measured at 1M)
_SQL_FIELDS = ("total", "found", "found_major", "closed", "closed_found", "open_now")


def late_groups(s: Session, today: date) -> Any:
    """Today's open hazards that may be late, grouped by what ``classify`` reads (and by 属地 and
    category, to be summed per 属地 / 类别): ``(jurisdiction, category, state, deadline,
    reported_done_on, n)`` rows.

    Only a superset is selected here — past the deadline, or 待复查 (the office's period runs from
    the report) — and ``classify`` decides. The partial index ix_hazards_open_late holds every
    hazard column read, so no hazard row is read; grouping by 属地 rather than by enterprise
    leaves a third of the rows to convert (10,000 instead of 25,000 at a million hazards)."""
    return s.execute(late_statement(today))


def late_statement(today: date) -> Any:
    """``late_groups``' statement."""
    keys = (Enterprise.jurisdiction, Hazard.category, Hazard.state, Hazard.deadline, Hazard.reported_done_on)
    return (
        select(*keys, func.count())
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .where(
            OPEN_HAZARDS_SQL,
            or_(Hazard.deadline < today, Hazard.state == HazardState.PENDING_REVIEW.value),
        )
        .group_by(*keys)
    )


def _set_counts(row: StatRow, counts: Any) -> None:
    for name, value in zip(_SQL_FIELDS, counts, strict=True):
        setattr(row, name, getattr(row, name) + int(value or 0))


def _visits_and_delays(s: Session, period: Period, today: date) -> tuple[list[Any], list[Any]]:
    """Visits per enterprise in the period and the open hazards' delay groups (``late_groups``):
    read beside the hazard counts, on a session of the same snapshot.

    ``enterprise_id > 0`` steers SQLite to the covering (enterprise_id, inspected_on) index instead
    of looking every visit of the year up by row from the date index.
    """
    visits = (
        select(Inspection.enterprise_id, func.count())
        .where(
            Inspection.enterprise_id > 0,
            Inspection.inspected_on >= period.start,
            Inspection.inspected_on <= period.end,
        )
        .group_by(Inspection.enterprise_id)
    )
    return list(s.execute(visits)), list(late_groups(s, today))


class StatisticsService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today, *, tallies: bool = True) -> None:
        """``tallies=False`` counts every hazard on SQLite too, as on PostgreSQL: the figures must
        not change (tests/core/test_statistics_tallies.py compares the two)."""
        self.db = db
        self.clock = clock
        self.tallies = tallies

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
            late = [
                (cat, state, deadline, reported, int(n))
                for place, cat, state, deadline, reported, n in late_groups(s, today)
                if jurisdiction is None or place == jurisdiction
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
    def _scan(
        s: Session, period: Period, as_of: date, where: dict[int, str], cuts: Cuts | None = None
    ) -> Iterator[Any]:
        """(属地, category, *counts) counted from the hazards: all of them, or with ``cuts`` only
        those found or closed in the months they name (each through its own date index: two
        statements, not one scan for an OR of both).

        Only the hazards some figure counts are read (the rules' conditions OR-ed), so the same
        hazards count here as in the tallies, even one whose dates the program would not have let
        through (closed before it was found). SQLite walks the covering index ix_hazards_stats in
        (enterprise, category) order, so the GROUP BY needs no sort, and the enterprises are
        summed per 属地 here through ``where``; PostgreSQL hash-aggregates by 属地 itself, which
        leaves a few dozen rows to send instead of tens of thousands."""
        counted = select(*_hazard_counts(period, as_of)).where(or_(*_conditions(period, as_of)))
        by_town = cuts is not None or s.get_bind().dialect.name != "sqlite"
        if by_town:
            keys: tuple[Any, ...] = (Enterprise.jurisdiction, Hazard.category)
            stmt = counted.add_columns(*keys).join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        else:
            keys = (Hazard.enterprise_id, Hazard.category)
            stmt = counted.add_columns(*keys)
        parts = [stmt]
        if cuts is not None:
            parts = []
            if cuts.found:
                parts.append(stmt.where(_in_months(Hazard.found_on, cuts.found)))
            if cuts.closed:
                closed = stmt.where(_in_months(Hazard.closed_on, cuts.closed))
                parts.append(closed.where(~_in_months(Hazard.found_on, cuts.found)) if cuts.found else closed)
        width = len(_SQL_FIELDS)
        for part in parts:
            for row in s.execute(part.group_by(*keys)):
                counts, (key, category) = row[:width], row[width:]
                yield (key if by_town else where[key]), category, *counts

    def _counts(self, s: Session, period: Period, as_of: date, where: dict[int, str]) -> Iterator[Any]:
        """(属地, category, *counts) in parts that add up to the period's figures.

        On SQLite the whole months come from ``hazard_tallies`` (migration 0013: a few thousand rows
        instead of a million) and the hazards found or closed in a month the period cuts are read
        from ``hazards`` through the date indexes. Looking a hazard up that way costs about eight
        times its share of a scan, so when the cut months hold more than an eighth of the hazards (a
        custom period cutting several busy months) one scan is cheaper, as on PostgreSQL."""
        if self.tallies and s.get_bind().dialect.name == "sqlite":
            t = hazard_tallies.c
            cuts = Cuts.of(s, period, as_of)
            cut = or_(t.found_month.in_(cuts.found), t.closed_month.in_(cuts.closed))  # never NULL
            in_cuts, total = s.execute(select(func.sum(t.n).filter(cut), func.sum(t.n))).one()
            if (in_cuts or 0) * CUT_LOOKUP_COST <= (total or 0):
                tallies = select(t.jurisdiction, t.category, *_hazard_counts(period, as_of, _TALLY, t.n))
                yield from s.execute(tallies.where(~cut).group_by(t.jurisdiction, t.category)).tuples()
                if cuts.found or cuts.closed:
                    yield from self._scan(s, period, as_of, where, cuts)
                return
        yield from self._scan(s, period, as_of, where)

    def compute(self, period: Period) -> Statistics:
        """Set-based: the counts grouped by (属地 or enterprise, category) give both breakdowns,
        summed here (``_counts``); the visits come from the (enterprise, date) index alone and the
        delays from the open hazards past their deadline (``late_groups``), both read in a second
        thread on a session of the same snapshot while the counts are read here."""
        today = self.clock()
        as_of = min(period.end, today)
        with (
            self.db.reading_pair() as (s, helper),
            read_beside(helper, s, lambda t: _visits_and_delays(t, period, today)) as visits_and_delays,
        ):
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
            # Summed as plain lists (tens of thousands of groups), set on the rows once.
            sums: dict[tuple[bool, str], list[int]] = {}
            width = len(_SQL_FIELDS)
            for place_name, cat, *counts in self._counts(s, period, as_of, where):
                if not any(counts):
                    continue  # a tally whose hazards all moved away or count nowhere in the period
                for line in ((True, place_name), (False, cat)):
                    acc = sums.get(line)
                    if acc is None:
                        acc = sums[line] = [0] * width
                    for i in range(width):
                        acc[i] += counts[i] or 0
            for (by_place, name), acc in sums.items():
                _set_counts(place(name) if by_place else category(name), acc)

            visits, delays = visits_and_delays()
            for eid, n in visits:
                r = place(where[eid])
                r.inspections += int(n)
                r.inspected_enterprises += 1
            for town, cat, state, deadline, reported, n in delays:
                kind = classify(state, deadline, reported, today, office.review_days)
                for r in (place(town), category(cat)):
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
