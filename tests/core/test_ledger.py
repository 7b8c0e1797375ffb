"""Which hazards the monthly ledger lists, and how each looked on the as-of day.

The November scenario (builders.SCENARIO) is judged after the month (``AFTER``): as of 30 November.
The mid-month one (ledger_cases.MID) is exported on 15 November: as of that day.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from inspector.core.errors import Cancelled, DomainError
from inspector.core.ledger import (
    Basis,
    LedgerFilter,
    OverdueKind,
    count_rows,
    iter_rows,
    month_summary,
    state_at,
    summarize,
)
from inspector.core.office import OfficeService
from inspector.db.models import Inspector
from tests.reports import builders as b
from tests.reports.builders import SCENARIO, build_scenario
from tests.reports.ledger_cases import IN_LEDGER, MID_TODAY, build_mid, rate, reference_counts

NOV = LedgerFilter(2026, 11)
START, END = date(2026, 11, 1), date(2026, 11, 30)
AFTER = date(2026, 12, 15)  # the November ledger exported in December: as of 30 November


def rows_by_key(db, f: LedgerFilter = NOV, today: date = AFTER) -> dict[str, object]:
    with db.reading() as s:
        return {r.description.removeprefix("隐患 "): r for r in iter_rows(s, f, today=today)}


def test_rows_are_found_in_the_month_or_open_in_it(db) -> None:
    build_scenario(db)
    rows = rows_by_key(db)
    expected = {
        s.key
        for s in SCENARIO
        if s.found <= END and (s.closed is None or s.closed >= START)  # the rule, stated independently
    }
    assert set(rows) == expected
    assert (
        "closed_before" not in rows and "found_after" not in rows and "closed_on_last_day_before" not in rows
    )
    assert {"carried_closed_inside", "closed_first_day", "closed_after_end", "carried_open"} <= set(rows)
    with db.reading() as s:
        assert count_rows(s, NOV) == len(expected)
    assert [r.seq for r in rows.values()] == sorted(r.seq for r in rows.values())


def test_state_and_overdue_are_as_of_the_month_end(db) -> None:
    build_scenario(db)
    rows = rows_by_key(db)

    closed = rows["carried_closed_inside"]
    assert (closed.state, closed.closed_on, closed.overdue) == ("已销号", date(2026, 11, 15), False)
    assert closed.reviewed_on == date(2026, 11, 15) and closed.reviewers == "张明、李华"
    assert closed.done_on == date(2026, 11, 14)
    assert not closed.found_in_month

    later = rows["closed_after_end"]  # closed on 5 December: still waiting for review on 30 November
    assert later.state == "待复查"
    assert later.closed_on is None and later.reviewed_on is None and later.reviewers == ""
    assert later.done_on == date(2026, 11, 28)
    # reported on 28 November, after its deadline of the 25th: the enterprise's delay
    assert later.overdue_kind == OverdueKind.RECTIFICATION

    assert rows["new_open_overdue"].overdue
    assert not rows["deadline_last_day"].overdue  # the deadline day itself is still in time
    assert not rows["carried_open"].overdue
    assert rows["major_other_town"].overdue and rows["major_other_town"].is_major

    first = rows["new_open_overdue"]
    assert first.inspectors == "张明、李华"
    assert first.inspection_kind == "执法检查"
    assert first.responsible == "设备部／周工"
    assert first.funds == Decimal("1200.00")
    assert first.categories == "危化品使用"
    assert rows["major_other_town"].categories == "危化品储存、涉爆粉尘"


def test_summary_counts_match_the_rows(db) -> None:
    build_scenario(db)
    with db.reading() as s:
        summary = summarize(iter_rows(s, NOV, today=AFTER), Basis.of(s, NOV, AFTER))
    included = [x for x in SCENARIO if x.found <= END and (x.closed is None or x.closed >= START)]
    closed = [x for x in included if x.closed is not None and x.closed <= END]
    assert summary.total.total == len(included) == 7
    assert summary.total.new == sum(1 for x in included if x.found >= START)
    assert summary.total.carried == sum(1 for x in included if x.found < START)
    assert summary.total.closed == len(closed) == 2
    assert summary.total.open == 5
    assert summary.total.overdue_rectification == 3  # new_open_overdue, closed_after_end, major_other_town
    assert summary.total.overdue_review == 0
    assert summary.total.major_open == summary.total.new_major == 1
    assert summary.total.closed_new == 0  # both closures are of carried-over hazards
    assert summary.total.rate("found") == 0 and summary.total.rate("open") == pytest.approx(2 / 7)
    assert summary.rate(summary.total) == 0  # the office's reading: found (the default)
    assert summary.by_jurisdiction["孟河镇"].total == 1
    assert summary.by_jurisdiction["春江镇"].total == 6
    assert summary.by_category["涉爆粉尘"].total == summary.by_category["危化品储存"].total == 1
    assert summary.by_category["危化品使用"].total == 6
    assert dict(summary.levels())["重大隐患"].total == 1
    assert [m.description for m in summary.majors] == ["隐患 major_other_town"]


def test_filters_by_jurisdiction_and_category(db) -> None:
    build_scenario(db)
    assert set(rows_by_key(db, LedgerFilter(2026, 11, jurisdiction="孟河镇"))) == {"major_other_town"}
    assert set(rows_by_key(db, LedgerFilter(2026, 11, category="涉爆粉尘"))) == {"major_other_town"}
    assert len(rows_by_key(db, LedgerFilter(2026, 11, category="危化品使用"))) == 6
    assert rows_by_key(db, LedgerFilter(2026, 11, jurisdiction="孟河镇", category="危化品使用")) == {}


def test_deadline_in_force_at_month_end_ignores_later_extensions_and_failed_reviews(db) -> None:
    with db.transaction() as s:
        people = b.officers(s)
        ent = b.enterprise(s, 1)
        extended = b.hazard(
            s, ent, date(2026, 11, 3), deadline=date(2026, 11, 20), description="隐患 extended"
        )
        b.extension(s, extended, date(2026, 12, 31), at=datetime(2026, 12, 3, 9, 0))
        early = b.hazard(s, ent, date(2026, 11, 3), deadline=date(2026, 11, 10), description="隐患 early")
        b.extension(s, early, date(2026, 12, 20), at=datetime(2026, 11, 9, 9, 0))
        failed = b.hazard(s, ent, date(2026, 11, 2), deadline=date(2026, 12, 20), description="隐患 failed")
        r = b.reinspection(
            s,
            failed,
            date(2026, 12, 2),
            people,
            result="不合格",
            opinion="未整改",
            new_deadline=date(2026, 12, 20),
        )
        r.previous_deadline = date(2026, 11, 25)
    rows = rows_by_key(db)
    assert rows["extended"].deadline == date(2026, 11, 20) and rows["extended"].overdue
    assert rows["early"].deadline == date(2026, 12, 20) and not rows["early"].overdue
    assert "延期1次" in rows["early"].notes and "延期" not in rows["extended"].notes
    assert rows["failed"].deadline == date(2026, 11, 25) and rows["failed"].overdue
    assert rows["failed"].reviewed_on is None  # the review was in December


def test_supervision_and_on_the_spot_notes(db) -> None:
    with db.transaction() as s:
        ent = b.enterprise(s, 1)
        major = b.hazard(s, ent, date(2026, 11, 3), level="重大隐患", description="隐患 major")
        b.supervise(s, major, date(2026, 11, 4))
        b.hazard(
            s,
            ent,
            date(2026, 11, 5),
            on_spot=True,
            state="已销号",
            closed_on=date(2026, 11, 5),
            description="隐患 spot",
            notes="现场已清理",
        )
    rows = rows_by_key(db)
    assert rows["major"].supervision_unit == "新北区安全生产委员会办公室"
    assert rows["major"].listed_on == date(2026, 11, 4)
    assert "挂牌督办" in rows["major"].notes
    assert rows["spot"].notes == "立查立改；现场已清理"
    assert rows["spot"].state == "已销号" and rows["spot"].done_on == date(2026, 11, 5)


def test_random_history_matches_an_independent_count(db) -> None:
    rng = random.Random(7)
    towns = ["春江镇", "孟河镇", "薛家镇"]
    specs = []
    with db.transaction() as s:
        ents = [b.enterprise(s, n, jurisdiction=towns[n % 3]) for n in range(1, 10)]
        people = list(s.scalars(select(Inspector))) or b.officers(s)
        for k in range(160):
            ent = rng.choice(ents)
            found = date(2026, rng.choice([8, 9, 10, 11, 12]), rng.randint(1, 28))
            closed = None
            if rng.random() < 0.5:
                closed = date(2026, min(12, found.month + rng.randint(0, 2)), rng.randint(1, 28))
                closed = max(closed, found)
            deadline = date(2026, rng.choice([10, 11, 12]), rng.randint(1, 28))
            b.hazard(
                s,
                ent,
                found,
                deadline=deadline,
                closed_on=closed,
                state="已销号" if closed else "整改中",
                description=f"隐患 r{k}",
            )
            specs.append((ent.jurisdiction, found, closed, deadline))
        assert people is not None

    def in_ledger(found: date, closed: date | None) -> bool:
        return found <= END and (closed is None or closed >= START)

    def open_at_end(closed: date | None) -> bool:
        return closed is None or closed > END

    expected_total = Counter(t for t, f, c, _ in specs if in_ledger(f, c))
    expected_closed = Counter(t for t, f, c, _ in specs if in_ledger(f, c) and not open_at_end(c))
    expected_overdue = Counter(t for t, f, c, d in specs if in_ledger(f, c) and open_at_end(c) and d < END)

    with db.reading() as s:  # several chunks, odd size
        summary = summarize(iter_rows(s, NOV, chunk=37, today=AFTER), Basis.of(s, NOV, AFTER))
    assert {t: c.total for t, c in summary.jurisdictions()} == dict(expected_total)
    assert {t: c.closed for t, c in summary.jurisdictions() if c.closed} == dict(expected_closed)
    assert {
        t: c.overdue_rectification for t, c in summary.jurisdictions() if c.overdue_rectification
    } == dict(expected_overdue)


def test_month_parsing_gives_chinese_errors() -> None:
    assert LedgerFilter.parse("2026-11") == LedgerFilter(2026, 11)
    assert LedgerFilter.parse("2026年2月").last_day == date(2026, 2, 28)
    assert LedgerFilter.parse("2024-02").last_day == date(2024, 2, 29)
    for bad in ("2026-13", "11-2026", "", "2026-1x"):
        with pytest.raises(DomainError, match="月份"):
            LedgerFilter.parse(bad)
    with pytest.raises(DomainError, match="监管类别"):
        LedgerFilter.parse("2026-11", category="烟花爆竹")


def test_state_at_winds_back_later_changes() -> None:
    end = date(2026, 11, 30)
    assert state_at("已销号", date(2026, 11, 20), date(2026, 11, 25), True, end) == "已销号"
    assert state_at("已销号", date(2026, 11, 20), date(2026, 12, 2), True, end) == "待复查"
    assert state_at("已销号", date(2026, 12, 1), date(2026, 12, 2), True, end) == "整改中"
    assert state_at("已销号", None, date(2026, 12, 2), False, end) == "待整改"
    assert state_at("待复查", date(2026, 12, 1), None, True, end) == "整改中"
    assert state_at("整改中", None, None, True, end) == "整改中"


def test_month_summary_is_the_summary_of_the_rows_and_can_be_cancelled(db) -> None:
    build_scenario(db)
    f = LedgerFilter.parse("2026-11")
    with db.reading() as s:
        expected = summarize(iter_rows(s, f, today=AFTER), Basis.of(s, f, AFTER))
    assert month_summary(db, f, today=AFTER) == expected
    assert expected.total.total > 0
    with pytest.raises(Cancelled):
        month_summary(db, f, cancelled=lambda: True, today=AFTER)


# -- the as-of day, whose delay, and the counts against plain SQL ---------------------------------


def test_as_of_is_the_month_end_or_today_while_the_month_runs() -> None:
    assert NOV.as_of(date(2026, 11, 15)) == date(2026, 11, 15)
    assert NOV.as_of(date(2026, 11, 30)) == END
    assert NOV.as_of(date(2027, 3, 1)) == END


def test_a_current_month_ledger_judges_on_today(db) -> None:
    build_mid(db)
    rows = rows_by_key(db, today=MID_TODAY)
    assert set(rows) == {c.key for c in IN_LEDGER}
    assert {k: r.overdue_kind.value for k, r in rows.items()} == {c.key: c.expect for c in IN_LEDGER}
    for r in rows.values():  # the issue: deadlines still ahead were marked 逾期 at the month's end
        if r.deadline is not None and r.deadline >= MID_TODAY:
            assert not r.overdue, r.description
    assert rows["pending_in_time"].state == "待复查" and not rows["pending_in_time"].overdue
    assert rows["pending_office_late"].overdue_kind == OverdueKind.REVIEW

    # The same data once the month is over: judged on the 30th.
    later = rows_by_key(db, today=date(2026, 12, 3))
    assert later["due_later"].overdue_kind == OverdueKind.RECTIFICATION
    assert later["review_due_today"].overdue_kind == OverdueKind.REVIEW
    assert later["pending_in_time"].overdue_kind == OverdueKind.REVIEW  # reported 10th, due 20th


def test_the_review_period_is_the_offices_setting(db, actor) -> None:
    build_mid(db)
    OfficeService(db).update(actor, review_days=3)
    rows = rows_by_key(db, today=MID_TODAY)
    assert rows["pending_in_time"].overdue_kind == OverdueKind.REVIEW  # reported 10th, due 13th
    assert rows["review_due_today"].overdue_kind == OverdueKind.REVIEW


@pytest.mark.parametrize("grouping", ["属地", "监管类别", "隐患等级", "隐患类别", "合计"])
def test_mid_month_summary_matches_plain_sql(db, grouping: str) -> None:
    build_mid(db)
    summary = month_summary(db, NOV, today=MID_TODAY)
    assert summary.basis.as_of == MID_TODAY and not summary.basis.month_over
    lines = {
        "属地": summary.jurisdictions(),
        "监管类别": summary.categories(),
        "隐患等级": summary.levels(),
        "隐患类别": summary.hazard_categories(),
        "合计": [("合计", summary.total)],
    }[grouping]
    expected = reference_counts(db, grouping)
    got = {
        name: {
            "total": c.total,
            "new": c.new,
            "new_major": c.new_major,
            "carried": c.carried,
            "closed": c.closed,
            "closed_new": c.closed_new,
            "open": c.open,
            "late_rect": c.overdue_rectification,
            "late_review": c.overdue_review,
            "major_open": c.major_open,
            "funds": c.funds,
        }
        for name, c in lines
        if c.total
    }
    assert got == expected
    if grouping == "合计":
        t = summary.total
        assert (t.total, t.new, t.new_major, t.carried, t.closed, t.closed_new) == (13, 8, 2, 5, 3, 2)
        assert (t.open, t.overdue_rectification, t.overdue_review, t.major_open) == (10, 3, 1, 2)
        assert t.rate("found") == rate(expected["合计"], "found") == pytest.approx(2 / 8)
        assert t.rate("open") == rate(expected["合计"], "open") == pytest.approx(3 / 13)


def test_a_closed_major_found_in_the_month_counts_in_其中重大隐患(db) -> None:
    build_mid(db)
    summary = month_summary(db, NOV, today=MID_TODAY)
    town = summary.by_jurisdiction["孟河镇"]
    assert town.new_major == 1  # major_closed: found and closed in November
    assert town.major_open == 1  # major_carried: found in September, still open
    assert sorted(m.description for m in summary.majors) == [
        "隐患 major_carried",
        "隐患 major_closed",
        "隐患 major_open",
    ]


def test_the_rate_follows_the_offices_reading(db, actor) -> None:
    build_mid(db)
    found = month_summary(db, NOV, today=MID_TODAY)
    assert found.basis.formula == "found" and found.rate(found.total) == pytest.approx(2 / 8)
    OfficeService(db).update(actor, rate_formula="open")
    summary = month_summary(db, NOV, today=MID_TODAY)
    assert summary.basis.formula == "open"
    assert summary.rate(summary.total) == pytest.approx(3 / 13)


def test_supervision_in_notes_is_as_of_the_day(db) -> None:
    build_mid(db)
    rows = rows_by_key(db, today=MID_TODAY)
    assert "2026-09-12挂牌督办，未摘牌" in rows["major_carried"].notes
    assert "2026-11-04挂牌督办，2026-11-10摘牌" in rows["major_closed"].notes
    before = rows_by_key(db, LedgerFilter(2026, 9), today=date(2026, 9, 11))  # listed on the 12th
    assert "挂牌" not in before["major_carried"].notes and before["major_carried"].listed_on is None


def test_a_report_undone_by_a_later_failed_review_is_still_pending_at_month_end(db) -> None:
    """A failed 复查 in December clears the report; the November ledger still shows 待复查."""
    from inspector.core.lifecycle import ReportDone, Review, StartRectification
    from tests.core.test_lifecycle_support import World, full_plan

    w = World.build(db)
    w.clock.today = date(2026, 11, 6)
    hid = w.new_hazard(found_on=date(2026, 11, 6))
    w.hazards.act(w.actor, hid, StartRectification(full_plan(date(2026, 11, 25))))
    w.clock.today = date(2026, 11, 18)
    w.hazards.act(w.actor, hid, ReportDone(date(2026, 11, 18)))
    w.clock.today = date(2026, 12, 3)
    w.hazards.act(
        w.actor,
        hid,
        Review("不合格", w.inspector_ids[:2], date(2026, 12, 3), "未整改到位", date(2026, 12, 20)),
    )
    assert w.hazard(hid).reported_done_on is None
    with db.reading() as s:
        [row] = [r for r in iter_rows(s, NOV, today=date(2026, 12, 10)) if r.hazard_id == hid]
    assert row.state == "待复查" and row.done_on == date(2026, 11, 18)
    assert row.deadline == date(2026, 11, 25) and row.reviewed_on is None
    assert row.overdue_kind == OverdueKind.REVIEW  # reported in time; due 28 November, not reviewed
    with db.reading() as s:  # December: back in rectification with the new deadline
        [dec] = [
            r for r in iter_rows(s, LedgerFilter(2026, 12), today=date(2026, 12, 10)) if r.hazard_id == hid
        ]
    assert (dec.state, dec.deadline, dec.overdue_kind) == ("整改中", date(2026, 12, 20), OverdueKind.NONE)
