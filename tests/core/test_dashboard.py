"""Start-page tiles: counts for the district, a 属地 or one enterprise, each with its filter."""

from __future__ import annotations

import pytest

from inspector.core.lifecycle import RectifyOnSpot
from tests.core.test_lifecycle_support import World, day, full_plan, hazard_input
from tests.factories import enterprise_input


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def test_tiles_count_and_their_filters_reproduce_the_count(w: World) -> None:
    other = w.enterprises.create(w.boss, enterprise_input(2, name="薛家化工", jurisdiction="薛家镇"))
    w.inspections.record(
        w.actor,
        w.visit(
            hazard_input(1, deadline=day(-1)),  # overdue
            hazard_input(2, deadline=day(0)),  # due today: not overdue, due soon
            hazard_input(3, plan=full_plan(day(10))),  # due in 10 days
            hazard_input(4, plan=full_plan(day(11))),  # not within 10 days
            hazard_input(5, level="重大隐患", plan=full_plan(day(30))),  # supervised
        ),
    )
    closed = w.inspections.record(w.actor, w.visit(hazard_input(6, deadline=day(-5)), enterprise_id=other))
    w.hazards.act(w.actor, closed.hazards[0].id, RectifyOnSpot())
    w.inspections.record(
        w.actor, w.visit(hazard_input(7, level="重大隐患", deadline=day(-2)), enterprise_id=other)
    )

    def counts(**kw) -> dict[str, int]:
        tiles = w.dashboard.tiles(**kw)
        for t in tiles:
            assert w.hazards.count(t.filter) == t.count, t.key  # a click shows the same number
        return {t.key: t.count for t in tiles}

    assert counts() == {"open": 6, "overdue": 2, "due_soon": 2, "supervised": 2}
    assert counts(enterprise_id=w.enterprise_id) == {"open": 5, "overdue": 1, "due_soon": 2, "supervised": 1}
    assert counts(jurisdiction="薛家镇") == {"open": 1, "overdue": 1, "due_soon": 0, "supervised": 1}
    assert [t.label for t in w.dashboard.tiles()] == [
        "未销号隐患",
        "逾期",
        "10日内到期",
        "挂牌督办重大隐患",
    ]
    # The clock moves: tomorrow the hazard due today is overdue.
    w.clock.today = day(1)
    assert counts(enterprise_id=w.enterprise_id)["overdue"] == 2
