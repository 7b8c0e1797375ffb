"""The start page (工作台): the counts an inspector acts on, each with the filter behind it.

Public API
----------
- ``Tile(key, label, count, filter: HazardFilter)`` — clicking a tile opens the hazard list with
  ``filter``; the list then shows exactly ``count`` rows (same rule, same query builder).
- ``DUE_SOON_DAYS = 10``.
- ``DashboardService(db, clock=date.today)``:
  ``tiles(enterprise_id=None, jurisdiction=None) -> list[Tile]`` — 未销号, 逾期, 10日内到期,
  挂牌督办 for the district, one 属地 or one enterprise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select

from inspector.core.hazards import HazardFilter, filter_clauses
from inspector.db.engine import Database
from inspector.db.models import Hazard

DUE_SOON_DAYS = 10  # the reminder of issue 12: "hazards due within 10 days"


@dataclass(frozen=True)
class Tile:
    key: str  # "open" | "overdue" | "due_soon" | "supervised"
    label: str
    count: int
    filter: HazardFilter


class DashboardService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def tiles(self, enterprise_id: int | None = None, jurisdiction: str | None = None) -> list[Tile]:
        """Counted with the hazard list's own filter builder, so a click never shows a different number."""
        base = HazardFilter(enterprise_id=enterprise_id, jurisdiction=jurisdiction)
        specs = [
            ("open", "未销号隐患", replace(base, open_only=True)),
            # 逾期 as the tracker and the lifecycle mean it: open and past the deadline. Not
            # "逾期未整改": some of these wait for the office's 复查 (the ledger tells them apart).
            ("overdue", "逾期", replace(base, overdue_only=True)),
            ("due_soon", f"{DUE_SOON_DAYS}日内到期", replace(base, due_within_days=DUE_SOON_DAYS)),
            ("supervised", "挂牌督办重大隐患", replace(base, supervised_only=True)),
        ]
        today = self.clock()
        with self.db.reading() as s:
            return [
                Tile(
                    key,
                    label,
                    int(
                        s.scalar(
                            select(func.count())
                            .select_from(Hazard)
                            .where(*filter_clauses(f, today, self.db.is_sqlite))
                        )
                        or 0
                    ),
                    f,
                )
                for key, label, f in specs
            ]
