"""Whose delay is it: 逾期未整改 (the enterprise's) or 逾期未复查 (the office's).

The lifecycle says a hazard is 逾期 when it is not closed and the day is past its deadline
(``lifecycle.is_overdue``). For the ledger and the 统计 page that one rule is not enough: an
enterprise that reported its rectification done on time and now waits for the office's 复查 is
not late — the office is, once its own period has run out. 《安全生产违法行为行政处罚办法》 gives
the office 10 days (``OfficeSettings.review_days``) from the request or from the end of the
rectification period, whichever comes first.

``classify`` is the one place that decides; the ledger rows, their colours, the ledger summary
and the 统计 page all call it. It is built on ``is_overdue``, applied at the as-of day, so no
second overdue rule exists: the office's deadline is ``review_due`` and the same rule judges it.

Public API: ``OverdueKind`` (the 是否逾期 column's words), ``classify(...)``, ``review_due(...)``.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from inspector.core.enums import HazardState
from inspector.core.lifecycle import is_overdue


class OverdueKind(StrEnum):
    """What the 是否逾期 column prints."""

    NONE = "否"
    RECTIFICATION = "逾期未整改"  # the enterprise has not rectified (reported done) in time
    REVIEW = "逾期未复查"  # reported done in time; the office has not re-inspected in its period


def review_due(reported_on: date, deadline: date | None, review_days: int) -> date:
    """The last day of the office's 复查 period: ``review_days`` after the report or the deadline,
    whichever is earlier."""
    start = reported_on if deadline is None else min(reported_on, deadline)
    return start + timedelta(days=review_days)


def classify(
    state: str, deadline: date | None, reported_on: date | None, as_of: date, review_days: int
) -> OverdueKind:
    """The delay of one hazard as it stood on ``as_of``.

    ``state``, ``deadline`` and ``reported_on`` (整改完成日期) are the values in force on that day.
    - closed: never late;
    - 待复查 and reported on or before the deadline (or with no deadline): the enterprise is in
      time; 逾期未复查 once ``as_of`` is past ``review_due``;
    - otherwise (not reported, or reported after the deadline): 逾期未整改 when ``is_overdue``.

    ``reported_on`` must not be later than ``as_of`` (the ledger winds later reports back).
    """
    if state == HazardState.CLOSED.value:
        return OverdueKind.NONE
    reported_in_time = (
        state == HazardState.PENDING_REVIEW.value
        and reported_on is not None
        and (deadline is None or reported_on <= deadline)
    )
    if reported_in_time:
        assert reported_on is not None
        due = review_due(reported_on, deadline, review_days)
        return OverdueKind.REVIEW if is_overdue(state, due, as_of) else OverdueKind.NONE
    # Not reported, or reported after the deadline (then ``as_of`` is past it too): the enterprise's.
    return OverdueKind.RECTIFICATION if is_overdue(state, deadline, as_of) else OverdueKind.NONE


__all__ = ["OverdueKind", "classify", "review_due"]
