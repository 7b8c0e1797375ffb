"""A current-month ledger (November 2026 exported on the 15th) and reference counts in plain SQL.

Every business date in ``MID`` lies on or before ``MID_TODAY``, so what the database stores *is*
the state on the as-of day, and the reference counts below can read the stored columns directly:
they restate DOMAIN.md's counting rules in SQL, independently of ``core.ledger``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from inspector.db.engine import Database
from tests.reports import builders as b

MID_TODAY = date(2026, 11, 15)
FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
REVIEW_DAYS = 10


@dataclass(frozen=True)
class Case:
    key: str
    found: date
    deadline: date | None
    state: str = "整改中"
    reported: date | None = None
    closed: date | None = None
    level: str = "一般隐患"
    dust: bool = False  # 孟河镇 dust + storage enterprise, else 春江镇 chemical user
    category: str = "现场管理"
    listed: date | None = None
    on_spot: bool = False
    expect: str = "否"  # 是否逾期 on 15 November


MID = (
    Case("carried_overdue", date(2026, 10, 20), date(2026, 11, 10), expect="逾期未整改"),
    Case("due_today", date(2026, 11, 3), date(2026, 11, 15)),
    Case("due_later", date(2026, 11, 3), date(2026, 11, 20)),
    Case("new_overdue", date(2026, 11, 2), date(2026, 11, 12), state="待整改", expect="逾期未整改"),
    Case("pending_in_time", date(2026, 11, 1), date(2026, 11, 12), "待复查", date(2026, 11, 10)),
    Case(
        "pending_office_late",
        date(2026, 10, 20),
        date(2026, 11, 1),
        "待复查",
        date(2026, 10, 30),
        dust=True,
        expect="逾期未复查",
    ),
    Case(
        "reported_late",
        date(2026, 10, 25),
        date(2026, 11, 5),
        "待复查",
        date(2026, 11, 8),
        dust=True,
        expect="逾期未整改",
    ),
    Case("review_due_today", date(2026, 11, 1), date(2026, 11, 30), "待复查", date(2026, 11, 5)),
    Case(
        "major_closed",
        date(2026, 11, 4),
        date(2026, 11, 12),
        "已销号",
        date(2026, 11, 9),
        date(2026, 11, 10),
        level="重大隐患",
        dust=True,
        listed=date(2026, 11, 4),
    ),
    Case("major_open", date(2026, 11, 5), date(2026, 11, 30), level="重大隐患", listed=date(2026, 11, 5)),
    Case(
        "major_carried",
        date(2026, 9, 10),
        date(2026, 12, 20),
        level="重大隐患",
        dust=True,
        listed=date(2026, 9, 12),
    ),
    Case(
        "closed_before",
        date(2026, 10, 1),
        date(2026, 10, 15),
        "已销号",
        date(2026, 10, 14),
        date(2026, 10, 20),
    ),
    Case(
        "carried_closed",
        date(2026, 10, 10),
        date(2026, 11, 8),
        "已销号",
        date(2026, 11, 4),
        date(2026, 11, 6),
    ),
    Case(
        "on_spot",
        date(2026, 11, 6),
        None,
        "已销号",
        date(2026, 11, 6),
        date(2026, 11, 6),
        category="基础管理",
        on_spot=True,
    ),
)
IN_LEDGER = [c for c in MID if c.key != "closed_before"]


def build_mid(db: Database) -> dict[str, int]:
    """The enterprises, officers and hazards of ``MID``; returns hazard ids by key."""
    ids: dict[str, int] = {}
    with db.transaction() as s:
        people = b.officers(s)
        chem = b.enterprise(s, 1, categories=("危化品使用",))
        dust = b.enterprise(s, 2, jurisdiction="孟河镇", categories=("涉爆粉尘", "危化品储存"))
        for n, c in enumerate(MID):
            ent = dust if c.dust else chem
            insp = b.inspection(s, ent, people, c.found)
            h = b.hazard(
                s,
                ent,
                c.found,
                insp=insp,
                description=f"隐患 {c.key}",
                deadline=c.deadline,
                state=c.state,
                reported_done_on=c.reported,
                closed_on=c.closed,
                level=c.level,
                category=c.category,
                subcategory="安全教育培训" if c.category == "基础管理" else "设备设施",
                on_spot=c.on_spot,
                funds=Decimal(100 * (n + 1)),
            )
            if c.closed and not c.on_spot:
                b.reinspection(s, h, c.closed, people)
            if c.listed:
                b.supervise(s, h, c.listed, c.closed)
            ids[c.key] = h.id
    return ids


# -- the reference counts ---------------------------------------------------------------------------

GROUPINGS = {
    "属地": ("e.jurisdiction", ""),
    "监管类别": ("ec.kind", "JOIN enterprise_categories ec ON ec.enterprise_id = e.id"),
    "隐患等级": ("h.level", ""),
    "隐患类别": ("h.category", ""),
    "合计": ("'合计'", ""),
}
FIELDS = (
    "total",
    "new",
    "new_major",
    "carried",
    "closed",
    "closed_new",
    "open",
    "late_rect",
    "late_review",
    "major_open",
)

_SQL = """
SELECT {key} AS k,
  COUNT(*) AS total,
  SUM(CASE WHEN h.found_on >= :first THEN 1 ELSE 0 END) AS new,
  SUM(CASE WHEN h.found_on >= :first AND h.level = '重大隐患' THEN 1 ELSE 0 END) AS new_major,
  SUM(CASE WHEN h.found_on < :first THEN 1 ELSE 0 END) AS carried,
  SUM(CASE WHEN h.closed_on <= :asof THEN 1 ELSE 0 END) AS closed,
  SUM(CASE WHEN h.closed_on <= :asof AND h.found_on >= :first THEN 1 ELSE 0 END) AS closed_new,
  SUM(CASE WHEN h.closed_on IS NULL OR h.closed_on > :asof THEN 1 ELSE 0 END) AS open,
  SUM(CASE WHEN (h.closed_on IS NULL OR h.closed_on > :asof)
            AND ((h.reported_done_on IS NULL AND h.deadline < :asof) OR h.reported_done_on > h.deadline)
      THEN 1 ELSE 0 END) AS late_rect,
  SUM(CASE WHEN (h.closed_on IS NULL OR h.closed_on > :asof)
            AND h.reported_done_on <= h.deadline AND h.reported_done_on < :review_cut
      THEN 1 ELSE 0 END) AS late_review,
  SUM(CASE WHEN (h.closed_on IS NULL OR h.closed_on > :asof) AND h.level = '重大隐患' THEN 1 ELSE 0 END)
      AS major_open,
  COALESCE(SUM(p.funds), 0) AS funds
FROM hazards h
JOIN enterprises e ON e.id = h.enterprise_id
LEFT JOIN rectification_plans p ON p.hazard_id = h.id
{join}
WHERE h.found_on <= :last AND (h.closed_on IS NULL OR h.closed_on >= :first)
{group}
"""


def reference_counts(
    db: Database, grouping: str, as_of: date = MID_TODAY, review_days: int = REVIEW_DAYS
) -> dict[str, dict[str, Any]]:
    """Per group: the ten counts and the funds, straight from the tables.

    逾期未整改: open, and not reported by the deadline (no report and the deadline before the day,
    or a report after the deadline). 逾期未复查: open, reported by the deadline, and the day more
    than ``review_days`` after the report (the earlier of report and deadline).
    """
    key, join = GROUPINGS[grouping]
    params = {
        "first": FIRST,
        "last": LAST,
        "asof": as_of,
        "review_cut": as_of - timedelta(days=review_days),
    }
    with db.engine.connect() as c:
        group = "" if grouping == "合计" else f"GROUP BY {key}"
        sql = _SQL.format(key=key, join=join, group=group)
        rows = c.execute(text(sql), params).mappings().all()
    out = {}
    for r in rows:
        values = {f: int(r[f] or 0) for f in FIELDS}
        values["funds"] = Decimal(str(r["funds"]))
        out[str(r["k"])] = values
    return out


def rate(values: dict[str, Any], formula: str) -> float | None:
    """整改率 from the reference counts: found → closed_new/new, open → closed/total."""
    if formula == "found":
        return values["closed_new"] / values["new"] if values["new"] else None
    return values["closed"] / values["total"] if values["total"] else None
