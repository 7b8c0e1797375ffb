"""统计 by 属地 and by 隐患类别, checked against counts made from the raw rows (Python and plain SQL),
and against the monthly ledger: the same words mean the same figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from inspector.core.ledger import LedgerFilter, month_summary
from inspector.core.lifecycle import RectifyOnSpot
from inspector.core.office import OfficeService
from inspector.core.statistics import TOTAL_LABEL, Period, StatisticsService
from inspector.db.models import Enterprise, Hazard, Inspection
from tests.core.test_lifecycle_support import ADMIN, FOUND, TODAY, World, day, hazard_input
from tests.factories import enterprise_input
from tests.reports.ledger_cases import MID_TODAY, build_mid, rate, reference_counts


@pytest.fixture
def w(db) -> World:
    world = World.build(db)
    other = world.enterprises.create(ADMIN, enterprise_input(2, jurisdiction="孟河镇"))
    world.enterprises.create(ADMIN, enterprise_input(3, jurisdiction="孟河镇"))  # never visited
    # 春江镇: a visit in the period with three hazards (one fixed on the spot, one major, one overdue)
    world.inspections.record(
        world.actor,
        world.visit(
            hazard_input(1, rectified_on_spot=True, on_spot_measures="当场整改"),
            hazard_input(2, level="重大隐患"),
            hazard_input(3, deadline=day(-2), category="基础管理", subcategory="安全教育培训"),
        ),
    )
    # 孟河镇: last year's hazard still open (counts as open now, not as found in the period)
    old = world.hazards.record(
        world.actor, other, hazard_input(4, deadline=day(-100)), FOUND - timedelta(days=400)
    )
    # and one found this year, closed on the spot later
    h = world.hazards.record(world.actor, other, hazard_input(5), FOUND)
    world.hazards.act(world.actor, h.id, RectifyOnSpot(measures="当场清理"))
    assert old.id
    return world


def _expected(w: World, period: Period) -> dict[str, tuple[int, ...]]:
    """(found, major, closed in the period, open now, overdue now) per 属地, straight from the rows
    (no hazard here waits for 复查, so overdue now is plain "open and past the deadline")."""
    as_of = min(period.end, TODAY)
    with w.db.reading() as s:
        place = dict(s.execute(select(Enterprise.id, Enterprise.jurisdiction)).all())
        out: dict[str, list[int]] = {}
        for h in s.scalars(select(Hazard)):
            row = out.setdefault(place[h.enterprise_id], [0, 0, 0, 0, 0])
            found = period.start <= h.found_on <= period.end
            row[0] += found
            row[1] += found and h.level == "重大隐患"
            row[2] += h.closed_on is not None and period.start <= h.closed_on <= as_of
            row[3] += h.state != "已销号"
            row[4] += h.state != "已销号" and h.deadline is not None and h.deadline < TODAY
    return {k: tuple(v) for k, v in out.items()}


def test_by_jurisdiction_matches_the_rows(w: World) -> None:
    period = Period.year(2026)
    stats = StatisticsService(w.db, w.clock).compute(period)
    got = {
        r.key: (r.found, r.found_major, r.closed, r.open_now, r.overdue_rectification_now)
        for r in stats.by_jurisdiction
    }
    expected = _expected(w, period)
    assert {k: got[k] for k in expected} == expected
    assert got["春江镇"] == (3, 1, 1, 2, 1)
    assert got["孟河镇"] == (1, 0, 1, 1, 1)

    rows = {r.key: r for r in stats.by_jurisdiction}
    assert (rows["孟河镇"].enterprises, rows["孟河镇"].inspections, rows["孟河镇"].inspected_enterprises) == (
        2,
        0,
        0,
    )
    assert (rows["春江镇"].enterprises, rows["春江镇"].inspections, rows["春江镇"].inspected_enterprises) == (
        1,
        1,
        1,
    )
    assert rows["春江镇"].closure_rate == pytest.approx(1 / 3)
    total = stats.by_jurisdiction[-1]
    assert total.key == TOTAL_LABEL
    assert (total.enterprises, total.found, total.open_now) == (3, 4, 3)
    with w.db.reading() as s:
        assert total.inspections == len(s.scalars(select(Inspection.id)).all())


def test_by_category_and_an_empty_period(w: World) -> None:
    stats = StatisticsService(w.db, w.clock).compute(Period.year(2026))
    cats = {r.key: (r.found, r.closed, r.open_now) for r in stats.by_category}
    assert cats == {"基础管理": (1, 0, 1), "现场管理": (3, 2, 2), TOTAL_LABEL: (4, 2, 3)}

    empty = StatisticsService(w.db, w.clock).compute(Period(day(1), day(30)))
    total = empty.by_jurisdiction[-1]
    assert (total.found, total.inspections, total.closure_rate) == (0, 0, None)
    assert total.open_now == 3  # open work is counted as of today, whatever the period
    assert total.total == 3  # 隐患总数: the three still open were open in that period too


def test_a_month_gives_the_ledgers_figures_under_the_same_words(db, actor) -> None:
    """统计 for November, on 15 November, against the 月度台账 summary and against plain SQL."""
    build_mid(db)
    nov = Period(date(2026, 11, 1), date(2026, 11, 30))
    for formula in ("found", "open"):
        OfficeService(db).update(actor, rate_formula=formula)
        stats = StatisticsService(db, lambda: MID_TODAY).compute(nov)
        assert (stats.as_of, stats.formula, stats.review_days) == (MID_TODAY, formula, 10)
        ledger = month_summary(db, LedgerFilter(2026, 11), today=MID_TODAY)
        sql = reference_counts(db, "属地")
        sql[TOTAL_LABEL] = reference_counts(db, "合计")["合计"]
        ledger_lines = {**dict(ledger.jurisdictions()), TOTAL_LABEL: ledger.total}
        for r in stats.by_jurisdiction:
            c, ref = ledger_lines[r.key], sql[r.key]
            # 隐患总数, 本期发现 (= 本月新发现), 其中重大隐患, 已销号, 本期发现中已销号, 整改率
            assert (r.total, r.found, r.found_major, r.closed, r.closed_found) == (
                c.total,
                c.new,
                c.new_major,
                c.closed,
                c.closed_new,
            )
            assert (r.total, r.found, r.found_major, r.closed, r.closed_found) == (
                ref["total"],
                ref["new"],
                ref["new_major"],
                ref["closed"],
                ref["closed_new"],
            )
            assert r.closure_rate == ledger.rate(c) == rate(ref, formula)
            # In the current month "目前" (today) is the ledger's as-of day: the same open work.
            assert (r.open_now, r.overdue_rectification_now, r.overdue_review_now) == (
                ref["open"],
                ref["late_rect"],
                ref["late_review"],
            )
    assert stats.by_jurisdiction[-1].overdue_review_now == 1
    cats = {r.key: r for r in stats.by_category}
    assert cats["基础管理"].closed == 1 and cats[TOTAL_LABEL].found == 8
