"""The ledger's 汇总: counts by 属地, 监管类别, 隐患等级 and 隐患类别, built row by row.

Every label means one thing, here and on the 统计 page (core.statistics uses the same words):
隐患总数 = the rows (本月新发现 + 往月结转: every hazard open at any time in the month);
其中重大隐患 = majors *found* in the month, closed or not; 已销号 = closed in the month by the
as-of day, whenever found; 本月新发现中已销号 = those of them found in the month; 未销号 = open on
the as-of day, split by ``core.overdue.classify`` into 逾期未整改 and 逾期未复查; 未销号重大隐患 =
majors open on the as-of day. 整改率 follows the office's reading (``RateFormula``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from inspector.core.enums import CategoryKind, HazardCategory, HazardLevel, RateFormula
from inspector.core.overdue import OverdueKind
from inspector.core.pinyin import sort_key

if TYPE_CHECKING:
    from inspector.core.ledger import Basis, LedgerRow

NO_CATEGORY = "未分类"
_RECTIFICATION, _REVIEW = OverdueKind.RECTIFICATION.value, OverdueKind.REVIEW.value


def closure_rate(formula: RateFormula, closed_new: int, new: int, closed: int, total: int) -> float | None:
    """整改率 in the office's reading; None when its denominator is 0.

    FOUND: 本期发现中已销号 ÷ 本期发现 — only hazards found in the period, above and below the
    line, so it never exceeds 100 %. OPEN: 已销号 ÷ 隐患总数 (carried-over hazards included).
    """
    if RateFormula(formula) == RateFormula.FOUND:
        return closed_new / new if new else None
    return closed / total if total else None


@dataclass
class Counts:
    """One line of the summary. Adds up: total = new + carried = closed + open."""

    total: int = 0  # 隐患总数 = the rows of the ledger
    new: int = 0  # 本月新发现
    new_major: int = 0  # 其中重大隐患 (found in the month, closed or not)
    carried: int = 0  # 往月结转 (found earlier, still open on the 1st)
    closed: int = 0  # 已销号 in the month, by the as-of day
    closed_new: int = 0  # 本月新发现中已销号
    open: int = 0  # 未销号 on the as-of day
    overdue_rectification: int = 0  # of which 逾期未整改 (the enterprise's delay)
    overdue_review: int = 0  # of which 逾期未复查 (the office's delay)
    major_open: int = 0  # 未销号重大隐患
    funds: Decimal = Decimal("0.00")  # 整改资金 planned for these hazards

    def add_alike(
        self, n: int, funds: Decimal | int, new: bool, major: bool, closed: bool, overdue: str
    ) -> None:
        """``add`` for ``n`` rows alike (a group the database counted; ``funds`` their sum)."""
        self.total += n
        self.funds += funds
        if new:
            self.new += n
            if major:
                self.new_major += n
        else:
            self.carried += n
        if closed:
            self.closed += n
            if new:
                self.closed_new += n
        else:
            self.open += n
            if overdue == _RECTIFICATION:
                self.overdue_rectification += n
            elif overdue == _REVIEW:
                self.overdue_review += n
            if major:
                self.major_open += n

    def rate(self, formula: RateFormula) -> float | None:
        return closure_rate(formula, self.closed_new, self.new, self.closed, self.total)


@dataclass
class LedgerSummary:
    """The figures of one ledger and the ``basis`` they were judged on (as-of day, 整改率 reading)."""

    basis: Basis
    total: Counts = field(default_factory=Counts)
    by_jurisdiction: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_level: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_hazard_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    majors: list[LedgerRow] = field(default_factory=list)

    def add_group(
        self, town: str, kinds: str, level: str, category: str, facts: tuple[int, Any, bool, bool, bool, str]
    ) -> None:
        """``facts`` (n, funds, new, major, closed, overdue) of rows alike onto every line they
        count on: 合计, their 属地, each of the enterprise's 监管类别 (、-joined), 等级, 隐患类别."""
        self.total.add_alike(*facts)
        self.by_jurisdiction[town].add_alike(*facts)
        for kind in kinds.split("、") if kinds else [NO_CATEGORY]:
            self.by_category[kind].add_alike(*facts)
        self.by_level[level].add_alike(*facts)
        self.by_hazard_category[category].add_alike(*facts)

    def rate(self, counts: Counts) -> float | None:
        """整改率 of one line in this ledger's reading."""
        return counts.rate(self.basis.formula)

    def jurisdictions(self) -> list[tuple[str, Counts]]:
        return sorted(self.by_jurisdiction.items(), key=lambda kv: sort_key(kv[0]))

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


class SummaryTally:
    """Rows counted into a ``LedgerSummary`` by what it reads of them: one dict update per row,
    folded into the summary's lines once at the end (``fold``). The ledger export counts 100,000
    rows this way instead of updating five lines per row."""

    def __init__(self, summary: LedgerSummary) -> None:
        self.summary = summary
        self._groups: dict[tuple[str, str, str, str, bool, bool, bool, str], list[Any]] = {}

    def add(self, row: LedgerRow) -> None:
        major = row.is_major
        key = (
            row.jurisdiction,
            row.categories,
            row.level,
            row.main_category,
            row.found_in_month,
            major,
            row.is_closed,
            row.overdue_kind,
        )
        acc = self._groups.get(key)
        if acc is None:
            acc = self._groups[key] = [0, 0]
        acc[0] += 1
        if row.funds:
            acc[1] += row.funds
        if major:
            self.summary.majors.append(row)

    def fold(self) -> LedgerSummary:
        """Add what was counted to the summary (once; the tally is empty afterwards)."""
        for (town, kinds, level, category, new, major, closed, overdue), (n, funds) in self._groups.items():
            self.summary.add_group(town, kinds, level, category, (n, funds, new, major, closed, overdue))
        self._groups.clear()
        return self.summary


def summarize(rows: Iterable[LedgerRow], basis: Basis) -> LedgerSummary:
    tally = SummaryTally(LedgerSummary(basis))
    for row in rows:
        tally.add(row)
    return tally.fold()


__all__ = ["NO_CATEGORY", "Counts", "LedgerSummary", "closure_rate", "summarize"]
