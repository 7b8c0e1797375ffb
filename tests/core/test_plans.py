"""监督检查计划: items with target sets, progress counted from the visits, edits keep item ids."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.demo import generate
from inspector.core.enums import PlanMode
from inspector.core.errors import ValidationError
from inspector.core.plans import PlanInput, PlanItemInput, month_ranges
from inspector.core.targets import TargetSet
from inspector.db.engine import Database
from tests.factories import enterprise_input

TODAY = date(2026, 11, 20)


def _plan(year: int = 2026) -> PlanInput:
    return PlanInput(
        year=year,
        title=f"{year}年度安全生产监督检查计划",
        unit="执法大队",
        items=[
            PlanItemInput(
                title="涉爆粉尘企业重点检查",
                target=TargetSet(categories=("涉爆粉尘",)),
                frequency=2,
                cap=4,
                unit="执法一中队",
            ),
            PlanItemInput(
                title="危化品使用企业双随机抽查",
                mode=PlanMode.RANDOM.value,
                target=TargetSet(categories=("危化品使用",)),
                draw_percent=Decimal("30"),
                months=(3, 4, 5),
            ),
        ],
    )


def test_month_ranges_merge_adjacent_months() -> None:
    assert month_ranges(2026, (3, 4, 9)) == [
        (date(2026, 3, 1), date(2026, 4, 30)),
        (date(2026, 9, 1), date(2026, 9, 30)),
    ]
    assert month_ranges(2026, ()) == [(date(2026, 1, 1), date(2026, 12, 31))]


def test_key_item_progress_matches_an_independent_count(db: Database, actor: Actor) -> None:
    generate(db, enterprises=120, hazards=900, seed=5, today=TODAY)
    services = Services.on(db, clock=lambda: TODAY)
    plan_id = services.plans.create(actor, _plan())
    key = services.plans.progress(plan_id)[0]
    with db.engine.connect() as c:
        counts = dict(
            c.execute(
                text(
                    "SELECT e.id, (SELECT count(*) FROM inspections i WHERE i.enterprise_id = e.id"
                    " AND i.kind <> '复查' AND i.inspected_on BETWEEN :a AND :b)"
                    " FROM enterprises e WHERE e.status = '在产' AND EXISTS (SELECT 1 FROM enterprise_categories k"
                    " WHERE k.enterprise_id = e.id AND k.kind = '涉爆粉尘')"
                ),
                {"a": date(2026, 1, 1), "b": TODAY},
            ).all()
        )
    assert key.targets == key.pool == len(counts) > 0
    assert key.done == sum(1 for n in counts.values() if n >= 2)
    assert key.visits == sum(counts.values())
    assert sum(t for _, t, _ in key.by_jurisdiction) == key.targets
    random_item = services.plans.progress(plan_id)[1]
    assert (random_item.targets, random_item.done) == (0, 0)  # nothing drawn yet
    assert random_item.pool > 0


def test_editing_keeps_item_ids_and_reorders(services: Services, actor: Actor) -> None:
    plan_id = services.plans.create(actor, _plan())
    data, version = services.plans.get(plan_id)
    first, second = data.items
    second.title = "危化品使用企业双随机抽查（调整）"
    data.items = [second, first, PlanItemInput(title="燃气企业检查", target=TargetSet(categories=("燃气",)))]
    services.plans.update(actor, plan_id, data, version)
    again, _ = services.plans.get(plan_id)
    assert [i.title for i in again.items] == [
        "危化品使用企业双随机抽查（调整）",
        "涉爆粉尘企业重点检查",
        "燃气企业检查",
    ]
    assert [i.id for i in again.items][:2] == [second.id, first.id]


def test_bad_items_are_named_by_number(services: Services, actor: Actor) -> None:
    bad = _plan()
    bad.items[0].cap = 1  # below the frequency of 2
    bad.items[1].draw_percent = None  # neither a share nor a count
    with pytest.raises(ValidationError) as e:
        services.plans.create(actor, bad)
    assert [(f.item, f.field, f.message) for f in e.value.errors] == [
        (1, "cap", "第1项事项：检查上限应不少于检查频次（2次），最多52次"),
        (2, "draw_percent", "第2项事项：双随机抽查须填写抽取比例或抽取家数（二选一）"),
    ]
    assert services.plans.plans() == []


def test_count_and_names_of_a_target_set(services: Services, actor: Actor) -> None:
    ids = [services.enterprises.create(actor, enterprise_input(n)) for n in (1, 2, 3)]
    assert services.plans.count(TargetSet()) == 3
    assert services.plans.count(TargetSet(enterprise_ids=(ids[0], ids[2]))) == 2
    names = services.plans.names((ids[0], 999_999))
    assert set(names) == {ids[0]} and names[ids[0]][0]
