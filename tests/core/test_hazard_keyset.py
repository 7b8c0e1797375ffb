"""Keyset paging, ``position`` and the capped count walk the same order as OFFSET pages, on
SQLite and PostgreSQL (NULL 整改时限 sort first ascending on SQLite, last on PostgreSQL)."""

from __future__ import annotations

import pytest

from inspector.core.errors import ValidationError
from inspector.core.hazards import HazardFilter, HazardRow
from inspector.core.hazards.query import ORDERS
from inspector.core.lifecycle import ReportDone
from inspector.db.engine import Database
from tests.core.test_lifecycle_support import TODAY, World, day, full_plan, hazard_input
from tests.factories import enterprise_input


@pytest.fixture
def world(db: Database) -> World:
    w = World.build(db)
    names = ("薛家金属制品有限公司", "常州华科精密机械有限公司")
    others = [
        w.enterprises.create(w.boss, enterprise_input(n + 2, name=name, jurisdiction=j))
        for n, (name, j) in enumerate(zip(names, ("薛家镇", "春江镇"), strict=True))
    ]
    for n in range(14):
        overrides: dict[str, object] = {
            "level": "重大隐患" if n % 4 == 0 else "一般隐患",
            **({"category": "基础管理", "subcategory": "安全教育培训"} if n % 3 == 0 else {}),
        }
        if n % 2:  # half get a plan (and so a deadline); some share one
            overrides["plan"] = full_plan(day(n % 4 + 1))
        w.hazards.record(
            w.actor, (w.enterprise_id, *others)[n % 3], hazard_input(n + 1, **overrides), day(-(n % 5))
        )
    return w


def everything(w: World, f: HazardFilter, key: str, descending: bool) -> list[HazardRow]:
    return w.hazards.page(f, 0, 1000, key, descending)


@pytest.mark.parametrize("key", sorted(ORDERS))
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_and_positions_follow_the_offset_order(world: World, key: str, descending: bool) -> None:
    for f in (HazardFilter(), HazardFilter(open_only=True)):
        rows = everything(world, f, key, descending)
        assert len(rows) == 14
        walked: list[HazardRow] = []
        page = world.hazards.page(f, 0, 4, key, descending)
        while page:
            walked += page
            page = world.hazards.page(f, 0, 4, key, descending, after=page[-1])
        assert [r.id for r in walked] == [r.id for r in rows]
        assert [world.hazards.position(f, r, key, descending) for r in rows] == list(range(len(rows)))


def test_the_capped_count_stops_at_the_cap(world: World) -> None:
    assert world.hazards.count(HazardFilter()) == 14
    assert world.hazards.count(HazardFilter(), cap=5) == 5
    assert world.hazards.count(HazardFilter(), cap=100) == 14


def test_batch_extension_skips_the_ineligible_and_says_why(world: World) -> None:
    w = world
    with_plan = [r for r in everything(w, HazardFilter(), "id", False) if r.deadline is not None]
    done, extend = with_plan[0], with_plan[1:3]
    w.hazards.act(w.actor, done.id, ReportDone(TODAY))
    no_deadline = next(r for r in everything(w, HazardFilter(), "id", False) if r.deadline is None)
    ids = [done.id, extend[0].id, no_deadline.id, extend[1].id]
    result = w.hazards.extend_eligible(w.actor, ids, day(40), "企业申请")
    assert result.extended == (extend[0].id, extend[1].id)
    assert [(k.id, k.number) for k in result.skipped] == [
        (done.id, done.number),
        (no_deadline.id, no_deadline.number),
    ]
    assert "待复查" in result.skipped[0].reason
    assert all(w.hazards.detail(r.id).deadline == day(40) for r in extend)
    assert w.hazards.detail(done.id).extensions == []


def test_batch_extension_refused_for_the_input_writes_nothing(world: World) -> None:
    w = world
    with_plan = [r.id for r in everything(w, HazardFilter(), "id", False) if r.deadline is not None]
    with pytest.raises(ValidationError) as refused:
        w.hazards.extend_eligible(w.actor, with_plan, day(40), "  ")
    assert {e.field for e in refused.value.errors} == {"reason"}
    assert all(w.hazards.detail(h).extensions == [] for h in with_plan)
    no_deadline = [r.id for r in everything(w, HazardFilter(), "id", False) if r.deadline is None]
    with pytest.raises(ValidationError) as none_eligible:
        w.hazards.extend_eligible(w.actor, no_deadline[:2], day(40), "企业申请")
    assert len(none_eligible.value.errors) == 2
