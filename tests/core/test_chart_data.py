"""The charts' figures, checked against counts made from the raw rows in Python, and against the
statistics and the 工作台 tiles that carry the same words."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from inspector.core.chart_data import AGE_BUCKETS, bucket_of, month_starts, recent_period
from inspector.core.dashboard import DashboardService
from inspector.core.demo import generate
from inspector.core.lifecycle import is_overdue
from inspector.core.overdue import OverdueKind, classify, review_due
from inspector.core.statistics import Period, StatisticsService
from inspector.db.models import Enterprise, Hazard, Supervision

TODAY = date(2026, 11, 20)


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    generate(db, enterprises=30, hazards=1500, seed=7, today=TODAY)
    return db


def _rows(db):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        place = dict(s.execute(select(Enterprise.id, Enterprise.jurisdiction)).all())
        listed = set(s.scalars(select(Supervision.hazard_id).where(Supervision.delisted_on.is_(None))))
        return [(h, place[h.enterprise_id], h.id in listed) for h in s.scalars(select(Hazard))]


def test_month_helpers() -> None:
    assert month_starts(date(2026, 11, 15), date(2027, 2, 1)) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2027, 2, 1),
    ]
    assert recent_period(date(2026, 3, 9), 12) == (date(2025, 4, 1), date(2026, 3, 9))
    assert [bucket_of(d) for d in (1, 7, 8, 30, 31, 90, 91, 4000)] == [0, 0, 1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize("jurisdiction", [None, "first"])
def test_the_charts_match_the_rows(demo, jurisdiction) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(demo)
    if jurisdiction == "first":
        jurisdiction = sorted({j for _h, j, _l in rows})[0]
    mine = [(h, listed) for h, j, listed in rows if jurisdiction is None or j == jurisdiction]
    period = Period.year(2026)
    data = StatisticsService(demo, lambda: TODAY).charts(period, jurisdiction)
    assert (data.start, data.end, data.as_of, data.today) == (period.start, period.end, TODAY, TODAY)

    assert [m.month.month for m in data.months] == list(range(1, 13))
    for m in data.months:
        found = sum(1 for h, _ in mine if (h.found_on.year, h.found_on.month) == (2026, m.month.month))
        closed = sum(
            1
            for h, _ in mine
            if h.closed_on is not None
            and h.closed_on <= TODAY
            and (h.closed_on.year, h.closed_on.month) == (2026, m.month.month)
        )
        assert (m.found, m.closed) == (found, closed)
    assert sum(m.found for m in data.months) > 0 and sum(m.closed for m in data.months) > 0

    rect = [0] * len(AGE_BUCKETS)
    review = [0] * len(AGE_BUCKETS)
    for h, _ in mine:
        kind = classify(h.state, h.deadline, h.reported_done_on, TODAY, 10)
        if kind == OverdueKind.RECTIFICATION:
            rect[bucket_of((TODAY - h.deadline).days)] += 1
        elif kind == OverdueKind.REVIEW:
            review[bucket_of((TODAY - review_due(h.reported_done_on, h.deadline, 10)).days)] += 1
    assert [b.rectification for b in data.ageing] == rect
    assert [b.review for b in data.ageing] == review
    assert [(b.low, b.high) for b in data.ageing] == list(AGE_BUCKETS)
    assert jurisdiction is not None or sum(rect) > 0

    places: dict[str, tuple[int, int]] = {}
    for h, j, listed in rows:
        if listed and (jurisdiction is None or j == jurisdiction):
            n, late = places.get(j, (0, 0))
            places[j] = (n + 1, late + is_overdue(h.state, h.deadline, TODAY))
    assert {p.key: (p.listed, p.overdue) for p in data.supervised} == places


def test_the_same_words_give_the_same_numbers(demo) -> None:  # type: ignore[no-untyped-def]
    """Ageing sums to 目前逾期未整改 / 未复查; 挂牌督办 sums to the 工作台 tile; a month of the
    trend is that month's 本期发现 and 已销号."""
    svc = StatisticsService(demo, lambda: TODAY)
    data = svc.charts(Period.year(2026))
    total = svc.compute(Period.year(2026)).by_jurisdiction[-1]
    assert sum(b.rectification for b in data.ageing) == total.overdue_rectification_now
    assert sum(b.review for b in data.ageing) == total.overdue_review_now
    tiles = {t.key: t.count for t in DashboardService(demo, lambda: TODAY).tiles()}
    assert sum(p.listed for p in data.supervised) == tiles["supervised"]
    march = svc.compute(Period(date(2026, 3, 1), date(2026, 3, 31))).by_jurisdiction[-1]
    assert (data.months[2].found, data.months[2].closed) == (march.found, march.closed)


def test_recent_charts_cover_the_last_twelve_months(demo) -> None:  # type: ignore[no-untyped-def]
    data = StatisticsService(demo, lambda: TODAY).recent_charts()
    assert (data.start, data.end) == (date(2025, 12, 1), TODAY)
    assert [m.month for m in data.months][:2] == [date(2025, 12, 1), date(2026, 1, 1)]
    assert len(data.months) == 12


def test_top_places_names_the_biggest_and_sums_the_rest() -> None:
    from inspector.core.chart_data import SupervisedPlace, top_places

    places = [
        SupervisedPlace("春江镇", 4, 0),
        SupervisedPlace("孟河镇", 1, 0),
        SupervisedPlace("罗溪镇", 3, 1),
        SupervisedPlace("西夏墅镇", 2, 1),
        SupervisedPlace("奔牛镇", 1, 1),
    ]
    shown = top_places(places, 3)
    assert [(p.key, p.listed, p.overdue) for p in shown] == [
        ("春江镇", 4, 0),
        ("罗溪镇", 3, 1),
        ("其他", 4, 2),
    ]
    assert sum(p.listed for p in shown) == sum(p.listed for p in places)
    assert top_places(places[:3], 3) == places[:3]
