"""逾期 and 时限: one rule, in Python and in SQL, and the deadline as first ordered.

逾期 is derived, never stored: not closed and today past the deadline (the deadline day itself is
still in time). Lists, sheets and counts all read it from here.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import ColumnElement, and_

from inspector.core.lifecycle.rules import OPEN_STATES, S
from inspector.db.models import Hazard


def is_overdue(state: str, deadline: date | None, today: date) -> bool:
    """逾期: not closed and today is past the deadline (the deadline day itself is still in time)."""
    return state != S.CLOSED and deadline is not None and today > deadline


def days_left(state: str, deadline: date | None, today: date) -> int | None:
    """Days until the deadline (negative when overdue); None when closed or no deadline yet."""
    if state == S.CLOSED or deadline is None:
        return None
    return (deadline - today).days


class Due(StrEnum):
    """How an open hazard's deadline stands, read from ``days_left`` (one reading for every list)."""

    OVERDUE = "overdue"  # past the deadline: 逾期
    TODAY = "today"  # the deadline is today: still in time
    AHEAD = "ahead"


def due(days: int | None) -> Due | None:
    """``days_left`` as a Due; None when closed or no deadline yet. Agrees with ``is_overdue``."""
    if days is None:
        return None
    return Due.OVERDUE if days < 0 else Due.TODAY if days == 0 else Due.AHEAD


def due_text(days: int | None) -> str:
    """剩5天 / 今日到期 / 逾期3天 ("" when closed or no deadline): the words lists and sheets print."""
    kind = due(days)
    if kind is None or days is None:
        return ""
    return {Due.OVERDUE: f"逾期{-days}天", Due.TODAY: "今日到期", Due.AHEAD: f"剩{days}天"}[kind]


def overdue_clause(today: date) -> ColumnElement[bool]:
    """``is_overdue`` as SQL. Written as ``state IN (open)`` so ix_hazards_state_deadline serves it."""
    return and_(Hazard.state.in_(OPEN_STATES), Hazard.deadline < today)


def due_within_clause(today: date, days: int) -> ColumnElement[bool]:
    """Open, not yet overdue, deadline within ``days`` days (today counts as day 0)."""
    return and_(
        Hazard.state.in_(OPEN_STATES), Hazard.deadline >= today, Hazard.deadline <= _plus(today, days)
    )


def _plus(d: date, days: int) -> date:
    return date.fromordinal(d.toordinal() + days)


def ordered_deadline(h: Hazard) -> date | None:
    """The deadline as ordered at the visit: before any 延期 or failed 复查 replaced it.

    Each extension keeps the deadline it replaced, and so does each failed re-inspection; the
    oldest of those changes holds the first deadline. The 责令限期整改指令书 prints this one.
    """
    changes: list[tuple[datetime, int, date | None]] = [
        (e.at or datetime.max, 0, e.old_deadline) for e in h.extensions
    ]
    changes += [
        (datetime.combine(r.reviewed_on, time.max), 1, r.previous_deadline)
        for r in h.reinspections
        if r.new_deadline is not None
    ]
    if not changes:
        return h.deadline
    return min(changes, key=lambda c: (c[0], c[1]))[2]
