"""安全生产行政执法统计: every cell against a count written here in plain SQL, plus the period parser.

``build_fixture`` (also used by the workbook and dialog tests) puts a small district into the
database through the ORM: three 属地 with activity on both sides of the third quarter's edges.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import Date, bindparam, event, text
from sqlalchemy.orm import Session

from inspector.core.enforcement import (
    DOCUMENT_KINDS,
    FIGURE_COUNT,
    LEVELS,
    TOTAL_LABEL,
    VISIT_KINDS,
    EnforcementService,
    PeriodKind,
    ReturnPeriod,
    parse_period,
    reporting_period,
)
from inspector.core.errors import DomainError
from inspector.core.pinyin import sort_key
from inspector.db.engine import Database
from inspector.db.models import Document, Enterprise
from tests.reports import builders as b

Q3 = ReturnPeriod.quarter(2026, 3)
A, B, C = "春江镇", "孟河镇", "罗溪镇"  # C has an enterprise and nothing else


@dataclass(frozen=True)
class Fixture:
    enterprises: dict[str, int]  # key → id


def document(s: Session, ent: Enterprise, kind: str, on: date, seq: int) -> Document:
    d = Document(
        kind=kind,
        year=on.year,
        seq=seq,
        serial=seq,
        number=f"（新北）测试{kind}〔{on.year}〕{seq}号",
        issued_on=on,
        enterprise_id=ent.id,
    )
    s.add(d)
    s.flush()
    return d


def build_fixture(db: Database) -> Fixture:
    with db.transaction() as s:
        people = b.officers(s)
        a1 = b.enterprise(s, 1, jurisdiction=A)
        a2 = b.enterprise(s, 2, jurisdiction=A)
        b1 = b.enterprise(s, 3, jurisdiction=B)
        b.enterprise(s, 4, jurisdiction=C)

        visits = [
            (a1, date(2026, 6, 30), "专项检查"),  # the day before Q3
            (a1, date(2026, 7, 1), "日常检查"),  # first day of Q3
            (a1, date(2026, 9, 30), "执法检查"),  # last day of Q3
            (a1, date(2026, 10, 1), "复查"),  # the day after
            (a1, date(2026, 8, 3), "日常检查"),  # a second visit: still one enterprise
            (a2, date(2026, 8, 15), "“四不两直”暗访"),
            (b1, date(2026, 7, 15), "交叉检查"),
            (b1, date(2026, 7, 20), "深度安全体检"),
            (b1, date(2026, 9, 1), "复查"),
        ]
        for ent, on, kind in visits:
            b.inspection(s, ent, people, on, kind=kind)

        docs = [
            (a1, "现场检查方案", date(2026, 6, 30)),  # before
            (a1, "现场处理措施决定书", date(2026, 9, 30)),
            (b1, "现场检查记录", date(2026, 9, 1)),
            (b1, "责令限期整改指令书", date(2026, 9, 1)),
            (b1, "文书送达回执", date(2026, 9, 2)),
            (b1, "整改复查意见书", date(2026, 10, 1)),  # after
            (a2, "现场检查记录", date(2026, 7, 1)),
        ]
        for seq, (ent, kind, on) in enumerate(docs, 1):
            document(s, ent, kind, on, seq)

        general, major = LEVELS
        in_both = b.hazard(s, a1, date(2026, 7, 10), state="已销号", closed_on=date(2026, 9, 30))
        found_only = b.hazard(
            s, a1, date(2026, 7, 10), level=major, state="已销号", closed_on=date(2026, 10, 1)
        )
        closed_only = b.hazard(s, a1, date(2026, 5, 1), state="已销号", closed_on=date(2026, 7, 1))
        open_major = b.hazard(s, a2, date(2026, 9, 30), level=major)
        b.hazard(s, b1, date(2026, 10, 1))  # after
        old_major = b.hazard(s, b1, date(2026, 3, 1), level=major, state="已销号", closed_on=date(2026, 8, 1))
        assert in_both.level == general and closed_only.id
        b.supervise(s, open_major, date(2026, 9, 30))
        b.supervise(s, found_only, date(2026, 7, 11), date(2026, 10, 1))
        b.supervise(s, old_major, date(2026, 3, 2), date(2026, 8, 1))
        return Fixture({"a1": a1.id, "a2": a2.id, "b1": b1.id})


# -- the independent count ------------------------------------------------------------------------

JOIN = "JOIN enterprises e ON e.id = {t}.enterprise_id WHERE (:j IS NULL OR e.jurisdiction = :j)"
VISITS = f"SELECT COUNT(*) FROM inspections i {JOIN.format(t='i')} AND i.inspected_on BETWEEN :a AND :b"
DOCS = f"SELECT COUNT(*) FROM documents d {JOIN.format(t='d')} AND d.issued_on BETWEEN :a AND :b"
HAZARDS = f"SELECT COUNT(*) FROM hazards h {JOIN.format(t='h')}"
SUPERVISIONS = (
    f"SELECT COUNT(*) FROM supervisions sv JOIN hazards h ON h.id = sv.hazard_id {JOIN.format(t='h')}"
)


def expected_sql() -> list[tuple[str, dict[str, str]]]:
    """One (SQL, extra parameters) per figure, in the order the return lists them."""
    cells: list[tuple[str, dict[str, str]]] = [
        (
            "SELECT COUNT(DISTINCT i.enterprise_id) FROM inspections i "
            f"{JOIN.format(t='i')} AND i.inspected_on BETWEEN :a AND :b",
            {},
        )
    ]
    cells += [(VISITS + " AND i.kind = :k", {"k": k}) for k in VISIT_KINDS] + [(VISITS, {})]
    cells += [(DOCS + " AND d.kind = :k", {"k": k}) for k in DOCUMENT_KINDS] + [(DOCS, {})]
    for column in ("found_on", "closed_on"):
        within = f" AND h.{column} BETWEEN :a AND :b"
        cells += [(HAZARDS + within + " AND h.level = :k", {"k": lv}) for lv in LEVELS]
        cells.append((HAZARDS + within, {}))
    cells.append((SUPERVISIONS + " AND sv.listed_on BETWEEN :a AND :b", {}))
    cells.append((SUPERVISIONS + " AND sv.delisted_on BETWEEN :a AND :b", {}))
    assert len(cells) == FIGURE_COUNT
    return cells


def count(db: Database, sql: str, jurisdiction: str | None, period: ReturnPeriod, **extra: str) -> int:
    statement = text(sql).bindparams(
        bindparam("a", type_=Date),
        bindparam("b", type_=Date),
        bindparam("j", type_=Enterprise.jurisdiction.type),
    )
    with db.reading() as s:
        return int(s.scalar(statement, {"a": period.start, "b": period.end, "j": jurisdiction, **extra}) or 0)


def expected_figures(db: Database, jurisdiction: str | None, period: ReturnPeriod) -> list[int]:
    return [count(db, sql, jurisdiction, period, **extra) for sql, extra in expected_sql()]


# -- the figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["2026Q3", "2026", "2026-09", "2026-07-01..2026-08-15"])
def test_every_cell_matches_an_independent_count(db, code: str) -> None:
    build_fixture(db)
    period = parse_period(code)
    figures = EnforcementService(db).compute(period)
    assert [r.jurisdiction for r in figures.lines()] == [*sorted([A, B, C], key=sort_key), TOTAL_LABEL]
    for row in figures.rows:
        assert row.figures() == expected_figures(db, row.jurisdiction, period), row.jurisdiction
    assert figures.total.figures() == expected_figures(db, None, period)


def test_third_quarter_by_hand(db) -> None:
    """The figures an inspector would count on paper, so the SQL above is not the only witness."""
    build_fixture(db)
    r = EnforcementService(db).compute(Q3)
    a, bb, c = r.row(A), r.row(B), r.row(C)
    assert a.enterprises_checked == 2  # a1 three times, a2 once
    assert a.visits["日常检查"] == 2 and a.visits["执法检查"] == 1  # 07-01 and 09-30 count
    assert a.visits["专项检查"] == 0 and a.visits["复查"] == 0  # 06-30 and 10-01 do not
    assert a.visits_total == 4
    assert bb.visits["复查"] == 1 and bb.visits_total == 3
    # documents count under the enterprise's 属地
    assert a.documents["现场处理措施决定书"] == 1 and a.documents["现场检查记录"] == 1
    assert a.documents["现场检查方案"] == 0 and a.documents_total == 2
    assert bb.documents["现场检查记录"] == 1 and bb.documents["责令限期整改指令书"] == 1
    assert bb.documents["文书送达回执"] == 1 and bb.documents["整改复查意见书"] == 0
    assert bb.documents_total == 3
    assert (a.found["一般隐患"], a.found["重大隐患"], a.found_total) == (1, 2, 3)
    assert (a.closed["一般隐患"], a.closed["重大隐患"], a.closed_total) == (2, 0, 2)
    assert (bb.found_total, bb.closed["重大隐患"]) == (0, 1)
    assert (a.listed, a.delisted, bb.listed, bb.delisted) == (2, 0, 0, 1)
    assert c.figures() == [0] * FIGURE_COUNT
    assert r.total.visits_total == 7 and r.total.enterprises_checked == 3
    assert r.total.documents_total == 5


def test_fourth_quarter_takes_the_first_of_october(db) -> None:
    build_fixture(db)
    r = EnforcementService(db).compute(parse_period("2026-Q4"))
    assert r.row(A).visits["复查"] == 1 and r.row(A).visits["执法检查"] == 0
    assert r.row(B).documents["整改复查意见书"] == 1
    assert r.row(A).closed["重大隐患"] == 1 and r.row(A).delisted == 1


def test_a_moved_enterprise_counts_where_it_is_registered_now(db) -> None:
    fx = build_fixture(db)
    with db.transaction() as s:
        s.get(Enterprise, fx.enterprises["b1"]).jurisdiction = A  # type: ignore[union-attr]
    r = EnforcementService(db).compute(Q3)
    assert r.row(A).documents_total == 5
    assert B not in [row.jurisdiction for row in r.rows]  # no enterprise is registered there now


def test_one_query_per_figure_family(db) -> None:
    build_fixture(db)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        EnforcementService(db).compute(Q3)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    selects = [st for st in statements if st.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 5  # 属地 list, visits, documents, hazards, supervisions
    assert all("GROUP BY" in st for st in selects)


def test_an_empty_database_has_a_zero_total(db) -> None:
    r = EnforcementService(db).compute(Q3)
    assert r.rows == [] and r.total.figures() == [0] * FIGURE_COUNT


# -- periods -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "start", "end", "kind", "label"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30), PeriodKind.MONTH, "2026年11月"),
        ("2026年2月", date(2026, 2, 1), date(2026, 2, 28), PeriodKind.MONTH, "2026年2月"),
        ("2026Q3", date(2026, 7, 1), date(2026, 9, 30), PeriodKind.QUARTER, "2026年第三季度"),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), PeriodKind.QUARTER, "2026年第三季度"),
        ("2026q1", date(2026, 1, 1), date(2026, 3, 31), PeriodKind.QUARTER, "2026年第一季度"),
        ("2026年第四季度", date(2026, 10, 1), date(2026, 12, 31), PeriodKind.QUARTER, "2026年第四季度"),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), PeriodKind.YEAR, "2026年"),
        (" 2026年 ", date(2026, 1, 1), date(2026, 12, 31), PeriodKind.YEAR, "2026年"),
        (
            "2026-07-01..2026-08-15",
            date(2026, 7, 1),
            date(2026, 8, 15),
            PeriodKind.CUSTOM,
            "2026年7月1日至8月15日",
        ),
        ("2026-07-01..2026-09-30", date(2026, 7, 1), date(2026, 9, 30), PeriodKind.QUARTER, "2026年第三季度"),
        ("2026-01-01至2026-06-30", date(2026, 1, 1), date(2026, 6, 30), PeriodKind.CUSTOM, "2026年上半年"),
        (
            "2025-12-01..2026-01-31",
            date(2025, 12, 1),
            date(2026, 1, 31),
            PeriodKind.CUSTOM,
            "2025年12月1日至2026年1月31日",
        ),
    ],
)
def test_periods_read_as_typed(code: str, start: date, end: date, kind: PeriodKind, label: str) -> None:
    p = parse_period(code)
    assert (p.start, p.end, p.kind, p.label) == (start, end, kind, label)
    assert parse_period(p.code) == p  # the code written in file names reads back


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("2026-13", "月份应在 1 到 12 之间"),
        ("2026Q5", "季度应为 1 到 4"),
        ("1999", "年份应在 2000 到 2100 之间"),
        ("2026-02-30..2026-03-31", "没有 2026-02-30 这一天"),
        ("2026-07-01..明天", "“明天”不是日期"),
        ("上个季度", ""),
        ("2026-09-30..2026-07-01", "早于开始日期"),
    ],
)
def test_a_bad_period_is_named_in_chinese(code: str, says: str) -> None:
    with pytest.raises(DomainError) as e:
        parse_period(code)
    assert says in e.value.message
    if "早于" not in says:
        assert f"“{code}”" in e.value.message and "2026Q3" in e.value.message


def test_an_empty_period_asks_for_one() -> None:
    with pytest.raises(DomainError, match="请填写统计期间"):
        parse_period("  ")


@pytest.mark.parametrize(
    ("kind", "today", "code"),
    [
        (PeriodKind.MONTH, date(2026, 12, 5), "2026-11"),  # the first days report last month
        (PeriodKind.MONTH, date(2026, 12, 11), "2026-12"),
        (PeriodKind.QUARTER, date(2026, 10, 8), "2026Q3"),
        (PeriodKind.QUARTER, date(2026, 11, 20), "2026Q4"),
        (PeriodKind.YEAR, date(2027, 1, 6), "2026"),
        (PeriodKind.YEAR, date(2026, 6, 1), "2026"),
        (PeriodKind.CUSTOM, date(2026, 6, 1), "2026-01-01..2026-06-01"),
    ],
)
def test_reporting_period(kind: PeriodKind, today: date, code: str) -> None:
    assert reporting_period(kind, today).code == code
