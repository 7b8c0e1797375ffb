"""检查人员 per hazard for the tracker list."""

from __future__ import annotations

import pytest

from inspector.core.hazard_inspectors import inspector_names
from tests.core.test_lifecycle_support import World, day, hazard_input


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def test_names_of_the_inspection_team_per_hazard(w: World) -> None:
    visit = w.inspections.record(w.actor, w.visit(hazard_input(1), hazard_input(2)))
    alone = w.inspections.record(
        w.actor, w.visit(hazard_input(3), inspected_on=day(-3), inspector_ids=[w.inspector_ids[2]])
    )
    reported = w.new_hazard()  # 企业自查: no inspection, no inspectors
    a, b = (h.id for h in visit.hazards)
    c = alone.hazards[0].id
    names = inspector_names(w.db, [c, a, b, reported, a])
    assert names == {a: "张检查、李检查", b: "张检查、李检查", c: "王五"}
    assert inspector_names(w.db, []) == {}
