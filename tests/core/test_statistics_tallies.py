"""The 统计 figures from the monthly tallies (SQLite, migration 0013) equal counting every hazard.

Demo data is changed behind the services' back too (a direct connection: states, dates, 类别, an
enterprise moved to another 属地, hazards deleted), because the triggers must keep the tallies exact
whatever writes. Periods that cut months at their start, end or the 已销号 cut-off are tried through
both ways of counting (tallies plus the cut months' hazards, or one scan), and each is checked
against the counting rules applied in Python to every hazard row.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from inspector.core import statistics
from inspector.core.demo import generate
from inspector.core.statistics import TOTAL_LABEL, Period, StatisticsService
from inspector.db.engine import Database
from inspector.db.models import Enterprise, Hazard

TODAY = date(2026, 11, 20)
PERIODS = (
    Period.year(2026),  # cut by today (20 November) only
    Period.year(2025),  # whole months: tallies alone
    Period(date(2026, 3, 15), date(2026, 9, 10)),  # cut at both ends
    Period(date(2026, 11, 1), date(2026, 11, 30)),  # the running month
    Period(date(2026, 6, 1), date(2026, 6, 30)),
    Period(date(2026, 7, 31), date(2026, 8, 1)),  # two days across a month's edge
    Period(date(2024, 1, 1), date(2027, 12, 31)),  # everything, into the future
)
FIGURES = ("total", "found", "found_major", "closed", "closed_found", "open_now")


@pytest.fixture
def demo(db: Database) -> Database:
    generate(db, enterprises=30, hazards=1500, seed=11, today=TODAY)
    return db


def _by_rules(db: Database, period: Period) -> dict[str, Counter[str]]:
    """The module's counting rules, written out in Python over every hazard row."""
    as_of = min(period.end, TODAY)
    out: dict[str, Counter[str]] = {}
    with db.reading() as s:
        place = dict(s.execute(select(Enterprise.id, Enterprise.jurisdiction)).tuples().all())
        for h in s.scalars(select(Hazard)):
            closed = h.closed_on
            found = period.start <= h.found_on <= period.end
            closed_by = closed is not None and closed <= as_of
            counts = {
                "total": h.found_on <= period.end and (closed is None or closed >= period.start),
                "found": found,
                "found_major": found and h.level == "重大隐患",
                "closed": closed_by and closed is not None and closed >= period.start,
                "closed_found": found and closed_by,
                "open_now": h.state != "已销号",
            }
            for key in (place[h.enterprise_id], h.category, TOTAL_LABEL + "属地"):
                out.setdefault(key, Counter()).update(k for k, v in counts.items() if v)
    return {k: v for k, v in out.items() if v}


def _figures(db: Database, period: Period, tallies: bool) -> dict[str, Counter[str]]:
    result = StatisticsService(db, lambda: TODAY, tallies=tallies).compute(period)
    out: dict[str, Counter[str]] = {}
    for rows, total_key in ((result.by_jurisdiction, TOTAL_LABEL + "属地"), (result.by_category, None)):
        for r in rows:
            key = total_key if r.key == TOTAL_LABEL else r.key
            if key is None:
                continue
            out[key] = Counter({f: getattr(r, f) for f in FIGURES if getattr(r, f)})
    return {k: v for k, v in out.items() if v}


def _change_behind_the_services(db: Database) -> None:
    with db.engine.begin() as c:
        ids = [r[0] for r in c.execute(text("SELECT id FROM hazards ORDER BY id"))]
        for n, hid in enumerate(ids[::37]):
            c.execute(
                text(
                    "UPDATE hazards SET state = '已销号',"
                    " closed_on = CASE WHEN :d < found_on THEN found_on ELSE :d END WHERE id = :id"
                ),
                {"d": TODAY - timedelta(days=n % 40), "id": hid},
            )
        for hid in ids[5::41]:
            c.execute(
                text("UPDATE hazards SET state = '整改中', closed_on = NULL WHERE id = :id"), {"id": hid}
            )
        for hid in ids[7::43]:
            c.execute(
                text(
                    # never found after it was closed: a hazard the program could hold
                    "UPDATE hazards SET found_on = CASE WHEN closed_on < :d THEN closed_on ELSE :d END,"
                    " category = '基础管理', level = '重大隐患' WHERE id = :id"
                ),
                {"d": date(2026, 3, 14), "id": hid},
            )
        deleted = 0
        for hid in ids[11::29]:
            try:  # only hazards nothing else refers to can go
                with c.begin_nested():
                    c.execute(text("DELETE FROM hazards WHERE id = :id"), {"id": hid})
                deleted += 1
            except IntegrityError:
                pass
        assert deleted
        c.execute(text("UPDATE hazards SET notes = '只改了备注' WHERE id = :id"), {"id": ids[1]})
        # closed before it was found: dates the program refuses, as a hand edit could leave them
        c.execute(
            text("UPDATE hazards SET state = '已销号', found_on = :f, closed_on = :c WHERE id = :id"),
            {"f": date(2026, 3, 10), "c": date(2026, 1, 5), "id": ids[9]},
        )
        # closed after "today" (a laptop whose clock was wrong): this month is then cut by today
        c.execute(
            text("UPDATE hazards SET state = '已销号', closed_on = :d WHERE id = :id AND found_on <= :d"),
            {"d": TODAY + timedelta(days=5), "id": ids[3]},
        )
        moved = c.execute(text("SELECT id FROM enterprises ORDER BY id LIMIT 2")).scalars().all()
        c.execute(text("UPDATE enterprises SET jurisdiction = '新设园区' WHERE id = :id"), {"id": moved[0]})
        c.execute(
            text(
                "UPDATE enterprises SET jurisdiction = (SELECT jurisdiction FROM enterprises WHERE id = :b)"
                " WHERE id = :a"
            ),
            {"a": moved[0], "b": moved[1]},
        )
        c.execute(text("UPDATE enterprises SET jurisdiction = '新设园区' WHERE id = :id"), {"id": moved[1]})


def test_the_tallies_are_a_recount_of_the_hazards(demo: Database) -> None:
    if demo.engine.dialect.name != "sqlite":
        pytest.skip("the tallies exist on SQLite only")
    _change_behind_the_services(demo)
    recount = text(
        "SELECT e.jurisdiction, h.category, substr(h.found_on, 1, 8) || '01', coalesce(substr(h.closed_on, 1, 8) || '01', ''),"
        " h.level, CASE h.state WHEN '已销号' THEN '已销号' ELSE '未销号' END, count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id"
        " GROUP BY 1, 2, 3, 4, 5, 6"
    )
    kept = text(
        "SELECT jurisdiction, category, found_month, closed_month, level, state, sum(n) FROM hazard_tallies"
        " GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) != 0"
    )
    with demo.engine.connect() as c:
        assert set(c.execute(kept).tuples()) == set(c.execute(recount).tuples())
        assert c.execute(text("SELECT min(n) FROM hazard_tallies")).scalar() >= 0


@pytest.mark.parametrize(
    ("tallies", "lookup_cost"),
    [(True, 0), (True, statistics.CUT_LOOKUP_COST), (True, 10**9), (False, 0)],
    ids=["tallies-and-cut-months", "as-shipped", "scan-when-cut", "scan"],
)
def test_statistics_follow_the_rules_for_any_period(
    demo: Database, tallies: bool, lookup_cost: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cost 0: always the tallies plus the cut months' hazards; 10⁹: one scan whenever a month is
    cut; ``tallies=False``: every hazard counted, as on PostgreSQL."""
    if demo.engine.dialect.name == "sqlite":
        _change_behind_the_services(demo)
        with demo.reading() as s:  # the cut months' hazards are read by day
            assert statistics.Cuts.of(s, Period.year(2026), TODAY).closed == (date(2026, 11, 1),)
            assert statistics.Cuts.of(s, Period.year(2025), date(2025, 12, 31)) == statistics.Cuts((), ())
    monkeypatch.setattr(statistics, "CUT_LOOKUP_COST", lookup_cost)
    for period in PERIODS:
        assert _figures(demo, period, tallies) == _by_rules(demo, period), period.text()


def test_the_delays_read_only_the_open_hazards_index(sqlite_db: Database) -> None:
    """The 逾期 figures name the open states as the partial index does, so SQLite reads that small
    index and no hazard row (the plan, not a timing: it holds at any size)."""
    with sqlite_db.engine.connect() as c:
        compiled = statistics.late_statement(TODAY).compile(c)
        params = tuple(compiled.construct_params()[k] for k in compiled.positiontup or ())
        plan = " ".join(str(r[3]) for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params))
    assert "COVERING INDEX ix_hazards_open_late" in plan
    assert "SCAN hazards" not in plan
