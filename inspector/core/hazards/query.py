"""The hazard list: filters as indexed predicates, keyword search, and the rows of one page.

Lists stay fast on a million hazards: every filter is an indexed predicate on ``hazards`` (or an
IN-subquery on a small table), the page query selects ids first and joins enterprises only for the
rows shown (or when sorting by an enterprise column), and keyword search uses the SQLite FTS5
trigram table for keywords of 3+ characters (LIKE for 1–2, ILIKE on PostgreSQL).
NULL deadlines sort first ascending on SQLite and last on PostgreSQL (native order keeps the index).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    and_,
    any_,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from inspector.core.enums import HazardState
from inspector.core.lifecycle import (
    days_left,
    due_within_clause,
    is_overdue,
    overdue_clause,
)
from inspector.core.numbering import HAZARD_NUMBER_PATTERN
from inspector.core.text_match import contains
from inspector.db.models import (
    Enterprise,
    Hazard,
    Supervision,
    inspection_inspectors,
)

FTS_MIN_CHARS = 3  # trigram MATCH finds nothing for 1–2 characters (PITFALLS.md)


@dataclass(frozen=True)
class HazardFilter:
    """Every criterion is optional and they combine with AND. ``text`` matches 隐患编号, 部位, 描述
    and 企业名称; several words must all match."""

    text: str = ""
    jurisdiction: str | None = None
    enterprise_id: int | None = None
    inspection_id: int | None = None
    category: str | None = None
    subcategory: str | None = None
    level: str | None = None
    state: str | None = None
    open_only: bool = False  # not 已销号
    overdue_only: bool = False
    due_within_days: int | None = None  # open, not overdue, deadline within N days
    supervised_only: bool = False  # 挂牌督办中 (listed, not delisted)
    inspector_id: int | None = None  # found on an inspection this inspector took part in
    found_from: date | None = None
    found_to: date | None = None


SORTABLE: dict[str, Any] = {
    "number": Hazard.number,
    "found_on": Hazard.found_on,
    "deadline": Hazard.deadline,
    "state": Hazard.state,
    "level": Hazard.level,
    "category": Hazard.category,
    "enterprise_name": Enterprise.name_pinyin,
    "jurisdiction": Enterprise.jurisdiction_pinyin,
    "id": Hazard.id,
}
JOIN_SORTS = frozenset({"enterprise_name", "jurisdiction"})
# The full order of each sort: (column, HazardRow attribute holding its value), the last one
# unique. Every hazard sort ends in ``id`` so a page boundary (keyset) is exact; enterprise sorts
# keep one enterprise's hazards together. Migration 0011 indexes (column, id) for each.
ORDERS: dict[str, tuple[tuple[Any, str], ...]] = {
    "number": ((Hazard.number, "number"),),
    "found_on": ((Hazard.found_on, "found_on"), (Hazard.id, "id")),
    "deadline": ((Hazard.deadline, "deadline"), (Hazard.id, "id")),
    "state": ((Hazard.state, "state"), (Hazard.id, "id")),
    "level": ((Hazard.level, "level"), (Hazard.id, "id")),
    "category": ((Hazard.category, "category"), (Hazard.id, "id")),
    # 企业 and 属地 in pinyin order, as the registry and the ledger list them (homophones by text).
    # Enterprise.id (not Hazard.enterprise_id, the same value): SQLite then walks the enterprise
    # index of the order (migrations 0012, 0014) and each enterprise's hazards by id, no TEMP B-TREE.
    "enterprise_name": (
        (Enterprise.name_pinyin, "enterprise_pinyin"),
        (Enterprise.name, "enterprise_name"),
        (Enterprise.id, "enterprise_id"),
        (Hazard.id, "id"),
    ),
    "jurisdiction": (
        (Enterprise.jurisdiction_pinyin, "jurisdiction_pinyin"),
        (Enterprise.jurisdiction, "jurisdiction"),
        (Enterprise.name_pinyin, "enterprise_pinyin"),
        (Enterprise.name, "enterprise_name"),
        (Enterprise.id, "enterprise_id"),
        (Hazard.id, "id"),
    ),
    "id": ((Hazard.id, "id"),),
}
NULLABLE_SORTS = frozenset({"deadline"})
COUNT_CAP = 1_000  # a capped count stops here ("1,000+"): a rare 1–2 character keyword scans everything


def order_by(key: str, descending: bool) -> list[Any]:
    """The ORDER BY of a sort key (unknown keys: 发现日期)."""
    cols = [c for c, _attr in ORDERS.get(key, ORDERS["found_on"])]
    return [c.desc() if descending else c.asc() for c in cols]


def keyset_clause(
    key: str, descending: bool, anchor: Any, sqlite: bool, expanded: bool = False
) -> ColumnElement[bool]:
    """Rows after ``anchor`` (a HazardRow, or anything with its attributes) in this order.

    A row-value comparison, so a page walks the (column, id) index from the anchor instead of
    walking an OFFSET. ``expanded`` spells it ``a > x OR (a = x AND b > y)`` instead: a count
    (``position``) then seeks both ranges of the index, where SQLite's row value seeks on the
    first column only (等级: 125 ms → a few ms on 1 M). NULL deadlines sort first ascending on
    SQLite and last on PostgreSQL (native order).
    """
    order = ORDERS.get(key, ORDERS["found_on"])
    cols = [c for c, _a in order]
    values = [getattr(anchor, a) for _c, a in order]

    def past(c: Any, v: Any) -> ColumnElement[bool]:
        return c < v if descending else c > v  # type: ignore[no-any-return]

    def beyond(cs: list[Any], vs: list[Any]) -> ColumnElement[bool]:
        if len(cs) == 1:
            return past(cs[0], vs[0])
        if expanded:
            return or_(past(cs[0], vs[0]), and_(cs[0] == vs[0], beyond(cs[1:], vs[1:])))
        left, right = tuple_(*cs), tuple_(*vs)
        return left < right if descending else left > right

    if key not in NULLABLE_SORTS:
        return beyond(cols, values)
    first, rest = cols[0], cols[1:]
    nulls_first = sqlite != descending
    if values[0] is None:
        among_nulls = and_(first.is_(None), beyond(rest, values[1:]))
        return or_(among_nulls, first.is_not(None)) if nulls_first else among_nulls
    later = beyond(cols, values)
    return later if nulls_first else or_(later, first.is_(None))


def _fts_phrase(keyword: str) -> str:
    return '"' + keyword.replace('"', '""') + '"'


def _keyword_clause(keyword: str, sqlite: bool) -> ColumnElement[bool]:
    if HAZARD_NUMBER_PATTERN.fullmatch(keyword):  # a whole 隐患编号: the unique index, no scan
        by_number: ColumnElement[bool] = Hazard.number == keyword.upper()
        return by_number

    def like(col: SQLColumnExpression[str]) -> ColumnElement[bool]:
        return contains(col, keyword, sqlite=sqlite)

    if sqlite and len(keyword) >= FTS_MIN_CHARS:
        own: ColumnElement[bool] = Hazard.id.in_(
            select(literal_column("rowid"))
            .select_from(text("hazards_fts"))
            .where(literal_column("hazards_fts").op("MATCH")(_fts_phrase(keyword)))
        )
    else:
        own = or_(like(Hazard.number), like(Hazard.location), like(Hazard.description))
    names = select(Enterprise.id).where(like(Enterprise.name))
    by_name: ColumnElement[bool]
    if sqlite or len(keyword) < FTS_MIN_CHARS:
        by_name = Hazard.enterprise_id.in_(names)
    else:  # = ANY(ARRAY(…)) lets PostgreSQL combine it with the trigram indexes (BitmapOr);
        # 1–2 characters have no trigrams, and there the scan with IN stays faster (化工: 1.4 s vs 4.4 s)
        by_name = Hazard.enterprise_id == any_(func.array(names.scalar_subquery()))
    return or_(own, by_name)


def filter_clauses(
    f: HazardFilter,
    today: date,
    sqlite: bool,
    ordered_page: bool = False,
    state_walk: bool = False,
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filter, on ``hazards`` alone (no join needed).

    ``ordered_page``: for a LIMITed page in index order on SQLite, broad criteria (属地, 检查人员,
    类别 alone) are written so SQLite cannot drive the query from their index (``col + 0``). It
    then walks the sort index and stops after one page instead of sorting a sixth of the table:
    without ANALYZE statistics SQLite guesses the other way (measured on 1 M hazards: 1.1 s → 2 ms).
    ``state_walk`` does the same for 状态 / 未销号: the sort's (column, id, state) index answers
    the state from its own entries, where ix_hazards_state_* sorted every open row per page (TEMP
    B-TREE). Counts keep the indexable form.
    """
    w: list[ColumnElement[bool]] = []

    def broad(col: Any, neutral: int | str) -> Any:
        return col + neutral if sqlite and ordered_page else col

    state_col: Any = Hazard.state + "" if sqlite and state_walk else Hazard.state

    if f.enterprise_id is not None:
        w.append(Hazard.enterprise_id == f.enterprise_id)
    if f.inspection_id is not None:
        w.append(Hazard.inspection_id == f.inspection_id)
    if f.jurisdiction:
        w.append(
            broad(Hazard.enterprise_id, 0).in_(
                select(Enterprise.id).where(Enterprise.jurisdiction == f.jurisdiction)
            )
        )
    if f.category:
        # Two values only: never selective alone. With a state criterion the state index must
        # drive, also for counts (类别+未销号 on 1 M: 577 ms from the category index, 76 ms).
        category: SQLColumnExpression[str]
        if f.subcategory:
            category = Hazard.category
        elif sqlite and (f.open_only or f.state):
            category = Hazard.category + ""
        else:
            category = broad(Hazard.category, "")
        w.append(category == f.category)
    if f.subcategory:
        w.append(Hazard.subcategory == f.subcategory)
    if f.level:
        w.append(Hazard.level == f.level)
    if f.state:
        w.append(state_col == f.state)
    if f.open_only:
        w.append(state_col.in_([s.value for s in HazardState if s != HazardState.CLOSED]))
    if f.overdue_only:
        w.append(overdue_clause(today))
    if f.due_within_days is not None:
        w.append(due_within_clause(today, f.due_within_days))
    if f.supervised_only:
        w.append(Hazard.id.in_(select(Supervision.hazard_id).where(Supervision.delisted_on.is_(None))))
    if f.inspector_id is not None:
        w.append(
            broad(Hazard.inspection_id, 0).in_(
                select(inspection_inspectors.c.inspection_id).where(
                    inspection_inspectors.c.inspector_id == f.inspector_id
                )
            )
        )
    if f.found_from is not None:
        w.append(Hazard.found_on >= f.found_from)
    if f.found_to is not None:
        w.append(Hazard.found_on <= f.found_to)
    for keyword in f.text.split():
        w.append(_keyword_clause(keyword, sqlite))
    return w


@dataclass(frozen=True)
class HazardRow:
    """One line of the hazard list (隐患台账)."""

    id: int
    number: str
    enterprise_id: int
    enterprise_name: str
    jurisdiction: str
    enterprise_pinyin: str  # the sort keys of the two (keyset paging reads them from the row)
    jurisdiction_pinyin: str
    location: str
    description: str
    category: str
    subcategory: str
    level: str
    state: str
    deadline: date | None
    found_on: date
    is_overdue: bool
    days_left: int | None
    supervised: bool  # 挂牌督办中


def supervised_expr() -> Any:
    return exists().where(Supervision.hazard_id == Hazard.id, Supervision.delisted_on.is_(None))


def load_rows(session: Session, ids: Sequence[int], today: date) -> list[HazardRow]:
    """Rows for the given ids, in that order (one query, however many ids)."""
    if not ids:
        return []
    stmt = (
        select(
            Hazard.id,
            Hazard.number,
            Hazard.enterprise_id,
            Enterprise.name,
            Enterprise.jurisdiction,
            Enterprise.name_pinyin,
            Enterprise.jurisdiction_pinyin,
            Hazard.location,
            Hazard.description,
            Hazard.category,
            Hazard.subcategory,
            Hazard.level,
            Hazard.state,
            Hazard.deadline,
            Hazard.found_on,
            supervised_expr(),
        )
        .join(Enterprise, Enterprise.id == Hazard.enterprise_id)
        .where(Hazard.id.in_(bindparam("ids", expanding=True)))
    )
    # Core rows on the session's connection, the ids as one expanding parameter: the ORM result
    # machinery and coercing 200 literals were most of the fixed ~20 ms per page.
    by_id = {r[0]: r for r in session.connection().execute(stmt, {"ids": list(ids)})}
    out = []
    for i in ids:
        hid, number, eid, name, jur, name_key, jur_key, location, description, cat, sub = by_id[i][:11]
        level, state, deadline, found, sup = by_id[i][11:]
        out.append(
            HazardRow(
                hid,
                number,
                eid,
                name,
                jur,
                name_key,
                jur_key,
                location,
                description,
                cat,
                sub,
                level,
                state,
                deadline,
                found,
                is_overdue=is_overdue(state, deadline, today),
                days_left=days_left(state, deadline, today),
                supervised=bool(sup),
            )
        )
    return out
