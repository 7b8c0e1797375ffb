"""Which hazards the monthly ledger lists, and how each looked at the month end."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from inspector.core.errors import Cancelled, DomainError
from inspector.core.ledger import LedgerFilter, count_rows, iter_rows, month_summary, state_at, summarize
from inspector.db.models import Inspector
from tests.reports import builders as b
from tests.reports.builders import SCENARIO, build_scenario

NOV = LedgerFilter(2026, 11)
START, END = date(2026, 11, 1), date(2026, 11, 30)


def rows_by_key(db, f: LedgerFilter = NOV) -> dict[str, object]:
    with db.reading() as s:
        return {r.description.removeprefix("隐患 "): r for r in iter_rows(s, f)}


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
    assert later.overdue  # deadline 25 November had passed at the month end

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
        summary = summarize(iter_rows(s, NOV))
    included = [x for x in SCENARIO if x.found <= END and (x.closed is None or x.closed >= START)]
    closed = [x for x in included if x.closed is not None and x.closed <= END]
    assert summary.total.total == len(included) == 7
    assert summary.total.new == sum(1 for x in included if x.found >= START)
    assert summary.total.carried == sum(1 for x in included if x.found < START)
    assert summary.total.closed == len(closed) == 2
    assert summary.total.open == 5
    assert summary.total.overdue == 3  # new_open_overdue, closed_after_end, major_other_town
    assert summary.total.major_open == 1
    assert summary.total.rate == pytest.approx(2 / 7)
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

    with db.reading() as s:
        summary = summarize(iter_rows(s, NOV, chunk=37))  # several chunks, odd size
    assert {t: c.total for t, c in summary.jurisdictions()} == dict(expected_total)
    assert {t: c.closed for t, c in summary.jurisdictions() if c.closed} == dict(expected_closed)
    assert {t: c.overdue for t, c in summary.jurisdictions() if c.overdue} == dict(expected_overdue)


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
        expected = summarize(iter_rows(s, f))
    assert month_summary(db, f) == expected
    assert expected.total.total > 0
    with pytest.raises(Cancelled):
        month_summary(db, f, cancelled=lambda: True)
