"""Whose delay: 逾期未整改 (the enterprise's) apart from 待复查 / 逾期未复查 (the office's)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from inspector.core.lifecycle import is_overdue
from inspector.core.overdue import OverdueKind, classify, review_due

D = date(2026, 11, 15)
NONE, LATE, REVIEW = OverdueKind.NONE, OverdueKind.RECTIFICATION, OverdueKind.REVIEW


def test_a_deadline_today_or_later_is_never_overdue() -> None:
    for state in ("待整改", "整改中"):
        assert classify(state, D, None, D, 10) == NONE
        assert classify(state, D + timedelta(days=1), None, D, 10) == NONE
        assert classify(state, D - timedelta(days=1), None, D, 10) == LATE
    assert classify("整改中", None, None, D, 10) == NONE  # no deadline yet


def test_closed_is_never_late() -> None:
    assert classify("已销号", D - timedelta(days=30), D - timedelta(days=29), D, 10) == NONE


def test_reported_in_time_waits_for_the_office() -> None:
    deadline = date(2026, 11, 12)
    reported = date(2026, 11, 10)
    assert review_due(reported, deadline, 10) == date(2026, 11, 20)
    assert classify("待复查", deadline, reported, D, 10) == NONE  # past the deadline, still not late
    assert classify("待复查", deadline, reported, date(2026, 11, 20), 10) == NONE
    assert classify("待复查", deadline, reported, date(2026, 11, 21), 10) == REVIEW
    assert classify("待复查", deadline, reported, date(2026, 11, 13), 3) == NONE
    assert classify("待复查", deadline, reported, date(2026, 11, 14), 3) == REVIEW


def test_the_review_period_runs_from_the_earlier_of_report_and_deadline() -> None:
    # reported on the deadline day itself: in time, the period runs from that day
    assert review_due(date(2026, 11, 5), date(2026, 11, 5), 10) == date(2026, 11, 15)
    assert review_due(date(2026, 11, 5), date(2026, 11, 30), 10) == date(2026, 11, 15)
    assert review_due(date(2026, 11, 5), None, 10) == date(2026, 11, 15)
    assert classify("待复查", None, date(2026, 11, 1), D, 10) == REVIEW


def test_reported_after_the_deadline_is_the_enterprises_delay() -> None:
    assert classify("待复查", date(2026, 11, 5), date(2026, 11, 8), D, 10) == LATE


@given(
    st.sampled_from(["待整改", "整改中", "待复查", "已销号"]),
    st.one_of(st.none(), st.dates(date(2026, 10, 1), date(2026, 12, 31))),
    st.one_of(st.none(), st.integers(0, 60)),
    st.dates(date(2026, 10, 1), date(2026, 12, 31)),
    st.integers(1, 60),
)
def test_never_late_unless_the_lifecycle_says_a_deadline_has_passed(
    state: str, deadline: date | None, report_offset: int | None, as_of: date, days: int
) -> None:
    """逾期未整改 implies ``is_overdue``; nothing is late before its deadline or review due day."""
    reported = None if report_offset is None or state != "待复查" else as_of - timedelta(days=report_offset)
    kind = classify(state, deadline, reported, as_of, days)
    if kind == LATE:
        assert is_overdue(state, deadline, as_of)
    if kind == REVIEW:
        assert reported is not None and as_of > review_due(reported, deadline, days)
    if deadline is not None and deadline >= as_of and reported is None:
        assert kind == NONE
