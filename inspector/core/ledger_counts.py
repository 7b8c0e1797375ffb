"""The 汇总 figures counted in the database: one GROUP BY, plus the few rows it cannot judge.

Counting the ledger rows one by one costs a full row each (names, texts, look-ups) for a few
numbers. Most hazards need none of that: nothing dated after the as-of day changed their deadline
or erased their report, so their state, 整改完成日期 and deadline *then* follow from the stored
columns by the rules of ``core.ledger.state_at`` and ``core.overdue.classify``, written here as
CASE expressions. Those are grouped by 属地, the enterprise's 监管类别, 隐患等级, 隐患类别, new or
carried over, closed or not and the kind of delay — a few hundred groups for a month.

Row by row, through the ledger's own statement (so by the very same code as the workbook):
- hazards changed after the day (a 延期 granted later, a later failed 复查 that moved the deadline
  or erased a report, whose state then needs the audit replay);
- major hazards, which the summary lists in full (``LedgerSummary.majors``), with their 序号.

The grouped count and the 序号 are database work only; they run in a second thread, on a second
session that sees the same snapshot, while this thread builds the rows read one by one.

``tests/core/test_ledger_counts.py`` checks the result equals counting every ledger row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from inspector.core.enums import HazardLevel, HazardState
from inspector.core.errors import Cancelled
from inspector.core.ledger_summary import LedgerSummary, SummaryTally
from inspector.core.overdue import OverdueKind
from inspector.db.engine import read_beside
from inspector.db.models import (
    DeadlineExtension,
    Enterprise,
    EnterpriseCategory,
    Hazard,
    RectificationPlan,
    ReInspection,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:  # core.ledger imports this module lazily; no cycle at run time
    from inspector.core.ledger import Basis, LedgerFilter

S = HazardState
MAJOR = HazardLevel.MAJOR.value
CANCELLED = QT_TRANSLATE_NOOP("core", "已取消统计")


def changed_after(end: Any) -> ColumnElement[bool]:
    """A deadline change or a failed 复查 dated after ``end``: its state then needs the row path."""
    cutoff = datetime.combine(end + timedelta(days=1), time.min)
    return or_(
        exists().where(DeadlineExtension.hazard_id == Hazard.id, DeadlineExtension.at >= cutoff),
        exists().where(
            ReInspection.hazard_id == Hazard.id,
            ReInspection.reviewed_on > end,
            ReInspection.new_deadline.is_not(None),
        ),
    )


def _grouped(f: LedgerFilter, basis: Basis) -> Any:
    """The statement counting the hazards whose month-end view the stored columns give."""
    from inspector.core.ledger import _where

    end, first = basis.as_of, f.first_day
    review_cut = end - timedelta(days=basis.review_days)
    reported, closed, deadline = Hazard.reported_done_on, Hazard.closed_on, Hazard.deadline
    closed_then = and_(closed.is_not(None), closed <= end)
    reported_then = and_(reported.is_not(None), reported <= end)
    planned = and_(
        RectificationPlan.measures.is_not(None), RectificationPlan.measures != "", deadline.is_not(None)
    )
    state = case(  # core.ledger.state_at
        (closed_then, literal(S.CLOSED.value)),
        (reported_then, literal(S.PENDING_REVIEW.value)),
        (
            Hazard.state.in_((S.CLOSED.value, S.PENDING_REVIEW.value)),
            case((planned, literal(S.RECTIFYING.value)), else_=literal(S.REPORTED.value)),
        ),
        else_=Hazard.state,
    )
    # core.overdue.classify with 整改完成日期 = the report when by ``end`` (closed rows are never late):
    # in time and waiting for 复查 → late once ``end`` is past report + review_days.
    overdue = case(
        (closed_then, literal(OverdueKind.NONE.value)),
        (
            and_(reported_then, or_(deadline.is_(None), reported <= deadline)),
            case(
                (reported < review_cut, literal(OverdueKind.REVIEW.value)),
                else_=literal(OverdueKind.NONE.value),
            ),
        ),
        (and_(deadline.is_not(None), deadline < end), literal(OverdueKind.RECTIFICATION.value)),
        else_=literal(OverdueKind.NONE.value),
    )
    # Each enterprise's categories joined once (SQLite builds the derived table and an automatic
    # index on it), not looked up again for every hazard by a correlated subquery.
    kinds_of = (
        select(
            EnterpriseCategory.enterprise_id.label("enterprise_id"),
            func.aggregate_strings(EnterpriseCategory.kind, "、").label("kinds"),
        )
        .group_by(EnterpriseCategory.enterprise_id)
        .subquery()
    )
    kinds = kinds_of.c.kinds
    inner = (
        select(
            Enterprise.jurisdiction.label("town"),
            kinds.label("kinds"),
            Hazard.level.label("level"),
            Hazard.category.label("category"),
            (Hazard.found_on >= first).label("new"),
            state.label("state"),
            overdue.label("overdue"),
            func.round(RectificationPlan.funds * 100).label("cents"),
        )
        .select_from(Hazard)
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .outerjoin(RectificationPlan, RectificationPlan.hazard_id == Hazard.id)
        .outerjoin(kinds_of, kinds_of.c.enterprise_id == Hazard.enterprise_id)
        .where(Hazard.level != MAJOR, ~changed_after(end))
    )
    sub = _where(inner, f).subquery()
    keys = (sub.c.town, sub.c.kinds, sub.c.level, sub.c.category, sub.c.new, sub.c.state, sub.c.overdue)
    return select(*keys, func.count(), func.sum(sub.c.cents)).group_by(*keys)


def _major_seqs(session: Session, f: LedgerFilter) -> dict[int, int]:
    """序号 of the month's major hazards: their place in the ledger's print order (one window query)."""
    from inspector.core.ledger import PRINT_ORDER, _where

    numbered = select(
        Hazard.id.label("id"),
        Hazard.level.label("level"),
        func.row_number().over(order_by=PRINT_ORDER).label("seq"),
    ).join(Enterprise, Enterprise.id == Hazard.enterprise_id)
    sub = _where(numbered, f).subquery()
    # Only the majors leave the database: numbering the month's rows is cheap, shipping them is not.
    stmt = select(sub.c.id, sub.c.seq).where(sub.c.level == MAJOR)
    return {hid: seq for hid, seq in session.execute(stmt)}


def _counted_in_database(session: Session, f: LedgerFilter, basis: Basis) -> tuple[list[Any], dict[int, int]]:
    """The grouped count and the majors' 序号: pure database work, which another thread can wait on."""
    return list(session.execute(_grouped(f, basis))), _major_seqs(session, f)


def count_summary(
    session: Session,
    f: LedgerFilter,
    basis: Basis,
    cancelled: Callable[[], bool] = lambda: False,
    *,
    helper: Session | None = None,
) -> LedgerSummary:
    """The summary ``summarize(iter_rows(...))`` would give, counted mostly by the database.

    ``helper``: a second session on the same snapshot (``Database.reading_pair``). The grouped
    count and the 序号 then run on it in a thread of their own, which waits on the database while
    this one builds the rows read one by one (with a second core: 2.2–2.4 s → 1.7 s for a month
    of 109,000 rows).
    """
    from inspector.core.ledger import CANCEL_CHECK_ROWS, LedgerRows

    def in_database(t: Session) -> tuple[list[Any], dict[int, int]]:
        return _counted_in_database(t, f, basis)

    with read_beside(helper, session, in_database) as counted:
        summary = LedgerSummary(basis)
        rows = LedgerRows(
            session, f, basis, where=or_(Hazard.level == MAJOR, changed_after(basis.as_of)), counted=False
        )
        tally = SummaryTally(summary)
        for n, row in enumerate(rows):
            if n % CANCEL_CHECK_ROWS == 0 and cancelled():
                raise Cancelled(say(CANCELLED))
            tally.add(row)
        tally.fold()
        if cancelled():
            raise Cancelled(say(CANCELLED))
        groups, seqs = counted()
    summary.majors[:] = [replace(m, seq=seqs[m.hazard_id]) for m in summary.majors]
    for town, kinds, level, category, new, state, overdue, n, cents in groups:
        money = Decimal(int(cents or 0)) / 100
        closed = state == S.CLOSED.value
        summary.add_group(town, kinds or "", level, category, (n, money, bool(new), False, closed, overdue))
    return summary


__all__ = ["changed_after", "count_summary"]
