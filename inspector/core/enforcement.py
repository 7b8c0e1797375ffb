"""安全生产行政执法统计: the return a district office files for the city each month, quarter or year.

Per 属地, for one period: enterprises checked, visits by 检查类型, documents issued by kind,
hazards found and closed by level, majors listed for supervision (挂牌督办) and delisted (摘牌).
Every figure is a count of events *dated inside the period* by its own business date (检查日期,
文书日期, 发现日期, 销号日期, 挂牌/摘牌日期), so a return reads the same whenever it is printed,
and each is attributed to the enterprise's 属地 as registered now.

Each family of figures is one GROUP BY query over an indexed date column, filtered to the period
and pivoted per 属地 with ``SUM(CASE …)``: nothing is loaded row by row into Python, and a year on
200 000 hazards takes a fraction of a second (see the README).

Public API
----------
- ``PeriodKind``, ``ReturnPeriod`` (``month`` / ``quarter`` / ``year`` / ``between`` /
  ``containing``), ``parse_period(text)``, ``reporting_period(kind, today)``.
- ``ReturnRow``, ``EnforcementReturn``, ``VISIT_KINDS``, ``DOCUMENT_KINDS``, ``LEVELS``.
- ``EnforcementService(db, clock)``: ``compute(period)``, ``reporting_period(kind)``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Row, Subquery, and_, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from inspector.core.enums import DocumentKind, HazardLevel, InspectionKind
from inspector.core.errors import DomainError
from inspector.core.office import OfficeSettings, read_office
from inspector.core.pinyin import sort_key
from inspector.db.engine import Database
from inspector.db.models import Document, Enterprise, Hazard, Inspection, Supervision
from inspector.i18n import QT_TRANSLATE_NOOP, say

TOTAL_LABEL = "合计"
NO_JURISDICTION = "（未填属地）"
VISIT_KINDS: tuple[str, ...] = tuple(k.value for k in InspectionKind)
DOCUMENT_KINDS: tuple[str, ...] = tuple(k.value for k in DocumentKind)
LEVELS: tuple[str, ...] = (HazardLevel.GENERAL.value, HazardLevel.MAJOR.value)

# Returns are filed in the first days after a period ends: until then "this month" means the last one.
REPORTING_DAYS = 10
YEARS = (2000, 2100)
QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


class PeriodKind(StrEnum):
    MONTH = "月"
    QUARTER = "季"
    YEAR = "年"
    CUSTOM = "自定义"


# -- periods -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReturnPeriod:
    """An inclusive date range and what kind of period it is (it decides the title's wording)."""

    start: date
    end: date
    kind: PeriodKind = PeriodKind.CUSTOM

    @classmethod
    def month(cls, year: int, month: int) -> ReturnPeriod:
        return cls(
            date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), PeriodKind.MONTH
        )

    @classmethod
    def quarter(cls, year: int, quarter: int) -> ReturnPeriod:
        first = 3 * quarter - 2
        end = date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        return cls(date(year, first, 1), end, PeriodKind.QUARTER)

    @classmethod
    def year(cls, year: int) -> ReturnPeriod:
        return cls(date(year, 1, 1), date(year, 12, 31), PeriodKind.YEAR)

    @classmethod
    def between(cls, start: date, end: date) -> ReturnPeriod:
        """A range; one that is exactly a month, a quarter or a year is named as such."""
        if end < start:
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "统计期间的结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}"
                    ),
                    end=end,
                    start=start,
                )
            )
        for candidate in _whole_periods(start):
            if candidate.end == end:
                return candidate
        return cls(start, end, PeriodKind.CUSTOM)

    @classmethod
    def containing(cls, kind: PeriodKind, day: date) -> ReturnPeriod:
        if kind == PeriodKind.MONTH:
            return cls.month(day.year, day.month)
        if kind == PeriodKind.QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind == PeriodKind.YEAR:
            return cls.year(day.year)
        return cls(day, day, PeriodKind.CUSTOM)

    @property
    def label(self) -> str:
        """``2026年11月``, ``2026年第三季度``, ``2026年``, ``2026年7月1日至8月15日``."""
        s, e = self.start, self.end
        if self.kind == PeriodKind.MONTH:
            return f"{s.year}年{s.month}月"
        if self.kind == PeriodKind.QUARTER:
            return f"{s.year}年{QUARTER_NAMES[(s.month - 1) // 3]}"
        if self.kind == PeriodKind.YEAR:
            return f"{s.year}年"
        if (s.month, s.day, e.month, e.day) == (1, 1, 6, 30) and s.year == e.year:
            return f"{s.year}年上半年"
        if (s.month, s.day, e.month, e.day) == (7, 1, 12, 31) and s.year == e.year:
            return f"{s.year}年下半年"
        tail = f"{e.month}月{e.day}日" if e.year == s.year else f"{e.year}年{e.month}月{e.day}日"
        return f"{s.year}年{s.month}月{s.day}日至{tail}"

    @property
    def code(self) -> str:
        """What ``parse_period`` reads back: ``2026-11``, ``2026Q3``, ``2026``, ``2026-07-01..2026-08-15``."""
        if self.kind == PeriodKind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == PeriodKind.YEAR:
            return str(self.start.year)
        return f"{self.start:%Y-%m-%d}..{self.end:%Y-%m-%d}"

    def text(self) -> str:
        return f"{self.start:%Y-%m-%d} 至 {self.end:%Y-%m-%d}"


def _whole_periods(start: date) -> Iterable[ReturnPeriod]:
    if start.day != 1:
        return ()
    found = [ReturnPeriod.month(start.year, start.month)]
    if start.month % 3 == 1:
        found.append(ReturnPeriod.quarter(start.year, start.month // 3 + 1))
    if start.month == 1:
        found.append(ReturnPeriod.year(start.year))
    return found


_YEAR = r"(\d{4})\s*年?"
_PATTERNS: tuple[tuple[PeriodKind, re.Pattern[str]], ...] = (
    (PeriodKind.YEAR, re.compile(rf"^{_YEAR}$")),
    (PeriodKind.QUARTER, re.compile(r"^(\d{4})\s*[-/.]?\s*[Qq]\s*(\d{1,2})$")),
    (PeriodKind.QUARTER, re.compile(r"^(\d{4})\s*年\s*第?\s*([一二三四1-4])\s*季度?$")),
    (PeriodKind.MONTH, re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")),
)
_RANGE = re.compile(r"^(.+?)\s*(?:\.\.|至|到|~|～)\s*(.+)$")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
FORMATS = QT_TRANSLATE_NOOP(
    "core", "2026-11（月）、2026Q3 或 2026-Q3（季）、2026（年）、2026-07-01..2026-09-30（自定义）"
)


def _bad(text: str, why: str = "") -> DomainError:
    if not why:
        return DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "统计期间不正确：“{text}”；应为 {formats}"),
                text=text,
                formats=say(FORMATS),
            )
        )
    return DomainError(
        say(
            QT_TRANSLATE_NOOP("core", "统计期间不正确：“{text}”，{why}；应为 {formats}"),
            text=text,
            why=why,
            formats=say(FORMATS),
        )
    )


def _year(text: str, raw: str) -> int:
    year = int(raw)
    if not YEARS[0] <= year <= YEARS[1]:
        raise _bad(
            text,
            say(QT_TRANSLATE_NOOP("core", "年份应在 {first} 到 {last} 之间"), first=YEARS[0], last=YEARS[1]),
        )
    return year


def _day(text: str, part: str) -> date:
    m = _DATE.match(part.strip())
    if not m:
        raise _bad(text, say(QT_TRANSLATE_NOOP("core", "“{part}”不是日期"), part=part.strip()))
    try:
        return date(_year(text, m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise _bad(text, say(QT_TRANSLATE_NOOP("core", "没有 {part} 这一天"), part=part.strip())) from None


def parse_period(text: str) -> ReturnPeriod:
    """Read a period the way people type it; a Chinese message names the bad value.

    ``2026-11`` / ``2026年11月``, ``2026Q3`` / ``2026-Q3`` / ``2026年第三季度``, ``2026`` /
    ``2026年``, and ``2026-07-01..2026-09-30`` (also with 至 or ~ between the dates).
    """
    raw = (text or "").strip()
    if not raw:
        raise DomainError(
            say(QT_TRANSLATE_NOOP("core", "请填写统计期间，如 {formats}"), formats=say(FORMATS))
        )
    m = _RANGE.match(raw)
    if m:
        return ReturnPeriod.between(_day(raw, m.group(1)), _day(raw, m.group(2)))
    for kind, pattern in _PATTERNS:
        m = pattern.match(raw)
        if not m:
            continue
        year = _year(raw, m.group(1))
        if kind == PeriodKind.YEAR:
            return ReturnPeriod.year(year)
        part = m.group(2)
        number = _CN_DIGITS.get(part) or int(part)
        if kind == PeriodKind.QUARTER:
            if not 1 <= number <= 4:
                raise _bad(raw, say(QT_TRANSLATE_NOOP("core", "季度应为 1 到 4")))
            return ReturnPeriod.quarter(year, number)
        if not 1 <= number <= 12:
            raise _bad(raw, say(QT_TRANSLATE_NOOP("core", "月份应在 1 到 12 之间")))
        return ReturnPeriod.month(year, number)
    if _DATE.match(raw):
        day = _day(raw, raw)
        return ReturnPeriod.between(day, day)
    raise _bad(raw)


def reporting_period(kind: PeriodKind, today: date) -> ReturnPeriod:
    """The period being reported on ``today``: the previous one during its first days."""
    if kind == PeriodKind.CUSTOM:
        return ReturnPeriod.between(date(today.year, 1, 1), today)
    return ReturnPeriod.containing(kind, today - timedelta(days=REPORTING_DAYS))


# -- the figures ---------------------------------------------------------------------------------


def _zeros(keys: tuple[str, ...]) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


@dataclass
class ReturnRow:
    """One 属地's line of the return (or the 合计 line)."""

    jurisdiction: str
    enterprises_checked: int = 0  # distinct enterprises with a visit in the period
    visits: dict[str, int] = field(default_factory=lambda: _zeros(VISIT_KINDS))
    visits_total: int = 0
    documents: dict[str, int] = field(default_factory=lambda: _zeros(DOCUMENT_KINDS))
    documents_total: int = 0
    found: dict[str, int] = field(default_factory=lambda: _zeros(LEVELS))
    found_total: int = 0
    closed: dict[str, int] = field(default_factory=lambda: _zeros(LEVELS))
    closed_total: int = 0
    listed: int = 0  # 挂牌督办
    delisted: int = 0  # 摘牌

    def figures(self) -> list[int]:
        """Every number of the line, in the return's column order (see ``FIGURE_GROUPS``)."""
        return [
            self.enterprises_checked,
            *(self.visits[k] for k in VISIT_KINDS),
            self.visits_total,
            *(self.documents[k] for k in DOCUMENT_KINDS),
            self.documents_total,
            *(self.found[k] for k in LEVELS),
            self.found_total,
            *(self.closed[k] for k in LEVELS),
            self.closed_total,
            self.listed,
            self.delisted,
        ]

    def add(self, other: ReturnRow) -> None:
        for name in ("visits", "documents", "found", "closed"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v
        for name in (
            "enterprises_checked",
            "visits_total",
            "documents_total",
            "found_total",
            "closed_total",
            "listed",
            "delisted",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


# (group heading, sub-headings) in the order of ReturnRow.figures(); the workbook and the dialog use it.
FIGURE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("检查企业数（家）", ("",)),
    ("检查次数（次）", (*VISIT_KINDS, "小计")),
    ("执法文书（份）", (*DOCUMENT_KINDS, "小计")),
    ("发现隐患（项）", (*LEVELS, "小计")),
    ("整改销号隐患（项）", (*LEVELS, "小计")),
    ("重大隐患挂牌督办（项）", ("挂牌督办", "摘牌")),
)
FIGURE_COUNT = sum(len(subs) for _g, subs in FIGURE_GROUPS)


@dataclass(frozen=True)
class EnforcementReturn:
    period: ReturnPeriod
    rows: list[ReturnRow]  # one per 属地 with enterprises registered, by name
    total: ReturnRow  # 合计
    computed_on: date

    def lines(self) -> list[ReturnRow]:
        return [*self.rows, self.total]

    def row(self, jurisdiction: str) -> ReturnRow:
        for r in self.lines():
            if r.jurisdiction == jurisdiction:
                return r
        raise KeyError(jurisdiction)


def _within(column: InstrumentedAttribute[Any], period: ReturnPeriod) -> ColumnElement[bool]:
    return and_(column >= period.start, column <= period.end)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((condition, 1), else_=0))


def _n(value: Any) -> int:
    return int(value or 0)


@dataclass(frozen=True)
class ReturnData:
    """What the 执法统计表 prints: the figures and the office that files them."""

    figures: EnforcementReturn
    office: OfficeSettings


class EnforcementService:
    """Computes the return; one short read-only session, five GROUP BY queries."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def reporting_period(self, kind: PeriodKind) -> ReturnPeriod:
        return reporting_period(kind, self.clock())

    def compute(self, period: ReturnPeriod) -> EnforcementReturn:
        with self.db.reading() as s:
            rows = {
                j: ReturnRow(j)
                for j in s.scalars(select(Enterprise.jurisdiction).group_by(Enterprise.jurisdiction))
            }

            def row(j: str) -> ReturnRow:
                return rows.setdefault(j, ReturnRow(j))

            _visits(s, period, row)
            _documents(s, period, row)
            _hazards(s, period, row)
            _supervisions(s, period, row)
        places = sorted(rows.values(), key=lambda r: sort_key(r.jurisdiction))
        for r in places:
            r.jurisdiction = r.jurisdiction or NO_JURISDICTION
        total = ReturnRow(TOTAL_LABEL)
        for r in places:
            total.add(r)
        return EnforcementReturn(period, places, total, self.clock())

    def return_data(self, period: ReturnPeriod | str) -> ReturnData:
        """The figures of ``period`` (text as ``parse_period`` reads it) and the 机关设置, for the
        workbook (``reports.enforcement.export_return``)."""
        chosen = parse_period(period) if isinstance(period, str) else period
        figures = self.compute(chosen)
        with self.db.reading() as s:
            return ReturnData(figures, read_office(s))


RowFor = Callable[[str], ReturnRow]


def _per_place(s: Session, inner: Subquery, keys: tuple[str, ...] = ()) -> Iterable[Row[Any]]:
    """Roll a per-enterprise subquery up to 属地: (属地, *keys, enterprises, *sums of the rest).

    Counting per enterprise first groups by an integer over the period's rows, and only the
    few thousand per-enterprise lines are then joined to ``enterprises``: on SQLite this halves
    the time of joining every visit or hazard to its enterprise.
    """
    grouped = [inner.c[k] for k in keys]
    sums = [func.sum(c) for c in inner.c if c.name != "eid" and c.name not in keys]
    q = (
        select(Enterprise.jurisdiction, *grouped, func.count(), *sums)
        .join(Enterprise, Enterprise.id == inner.c.eid)
        .group_by(Enterprise.jurisdiction, *grouped)
    )
    return s.execute(q)


def _visits(s: Session, period: ReturnPeriod, row: RowFor) -> None:
    inner = (
        select(
            Inspection.enterprise_id.label("eid"),
            func.count().label("n"),
            *(_count_if(Inspection.kind == k).label(f"k{i}") for i, k in enumerate(VISIT_KINDS)),
        )
        .where(_within(Inspection.inspected_on, period))
        .group_by(Inspection.enterprise_id)
        .subquery()
    )
    for j, enterprises, total, *kinds in _per_place(s, inner):
        r = row(j)
        r.enterprises_checked, r.visits_total = _n(enterprises), _n(total)
        r.visits = {k: _n(v) for k, v in zip(VISIT_KINDS, kinds, strict=True)}


def _documents(s: Session, period: ReturnPeriod, row: RowFor) -> None:
    # ``documents.issued_on`` has no index yet (a migration should add one): the period is a
    # scan. Grouping by ``enterprise_id + 0`` keeps SQLite from walking the enterprise_id index
    # instead, a random table read per document that took twice as long as the plain scan.
    eid = (Document.enterprise_id + 0).label("eid")
    inner = (
        select(
            eid,
            func.count().label("n"),
            *(_count_if(Document.kind == k).label(f"k{i}") for i, k in enumerate(DOCUMENT_KINDS)),
        )
        .where(_within(Document.issued_on, period))
        .group_by(eid)
        .subquery()
    )
    for j, _enterprises, total, *kinds in _per_place(s, inner):
        r = row(j)
        r.documents_total = _n(total)
        r.documents = {k: _n(v) for k, v in zip(DOCUMENT_KINDS, kinds, strict=True)}


def _hazards(s: Session, period: ReturnPeriod, row: RowFor) -> None:
    """Found (发现日期) and closed (销号日期) in one pass: both dates are indexed, and SQLite and
    PostgreSQL combine the two index ranges of the OR (a bitmap / multi-index OR)."""
    found, closed = _within(Hazard.found_on, period), _within(Hazard.closed_on, period)
    inner = (
        select(
            Hazard.enterprise_id.label("eid"),
            Hazard.level.label("level"),
            _count_if(found).label("found"),
            _count_if(closed).label("closed"),
        )
        .where(or_(found, closed))
        .group_by(Hazard.enterprise_id, Hazard.level)
        .subquery()
    )
    for j, level, _enterprises, n_found, n_closed in _per_place(s, inner, ("level",)):
        r = row(j)
        r.found[level] = r.found.get(level, 0) + _n(n_found)
        r.closed[level] = r.closed.get(level, 0) + _n(n_closed)
        r.found_total += _n(n_found)
        r.closed_total += _n(n_closed)


def _supervisions(s: Session, period: ReturnPeriod, row: RowFor) -> None:
    """Joined straight through: supervisions are the few major hazards, while rolling up per
    enterprise first made SQLite walk every hazard in enterprise order to probe for them."""
    listed, delisted = _within(Supervision.listed_on, period), _within(Supervision.delisted_on, period)
    q = (
        select(Enterprise.jurisdiction, _count_if(listed), _count_if(delisted))
        .select_from(Supervision)
        .join(Hazard, Hazard.id == Supervision.hazard_id)
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .where(or_(listed, delisted))
        .group_by(Enterprise.jurisdiction)
    )
    for j, n_listed, n_delisted in s.execute(q):
        r = row(j)
        r.listed, r.delisted = _n(n_listed), _n(n_delisted)


__all__ = [
    "DOCUMENT_KINDS",
    "FIGURE_COUNT",
    "FIGURE_GROUPS",
    "LEVELS",
    "TOTAL_LABEL",
    "VISIT_KINDS",
    "EnforcementReturn",
    "EnforcementService",
    "PeriodKind",
    "ReturnData",
    "ReturnPeriod",
    "ReturnRow",
    "parse_period",
    "reporting_period",
]
