"""双随机 draws: reproducible from the seed, never an ineligible inspector, stored and verifiable."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select, update

from inspector.core.audit import SYSTEM
from inspector.core.conflicts import ConflictInput
from inspector.core.context import Services
from inspector.core.draws import DrawRequest
from inspector.core.draws import algorithm as alg
from inspector.core.draws.service import outcome_of
from inspector.core.enums import PublicOutcome
from inspector.core.errors import DomainError, PermissionDenied, ValidationError
from inspector.core.inspectors import InspectorInput
from inspector.core.targets import TargetSet
from inspector.db.engine import Database
from inspector.db.models import AuditEvent, Draw, DrawEntry, InspectionPlan, PlanItem
from tests.core.draw_cases import DAY, office, visit


@pytest.fixture
def svc(db: Database) -> Services:
    return Services.on(db, clock=lambda: DAY)


def _pairs(result) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    return [(e.enterprise_id, e.inspector1, e.inspector2) for e in result.entries]


def test_same_seed_same_draw_and_another_seed_another(svc: Services) -> None:
    o = office(svc)
    first = svc.draws.draw(o.boss, DrawRequest(seed="20261122-0930", count=5))
    again = svc.draws.draw(SYSTEM, DrawRequest(seed="20261122-0930", count=5))
    other = svc.draws.draw(o.boss, DrawRequest(seed="20261122-0931", count=5))
    assert first.id != again.id
    assert _pairs(first) == _pairs(again) and first.digest == again.digest
    assert _pairs(first) != _pairs(other)
    assert len({e.enterprise_id for e in first.entries}) == 5
    assert all(e.inspector1 != e.inspector2 for e in first.entries)


def test_the_algorithm_is_plain_sha256_ranking() -> None:
    """What the module docstring tells an office, checked with hashlib alone."""
    import hashlib

    pool, seed = [3, 8, 11, 20, 42], "公开抽取2026"
    by_hand = sorted(pool, key=lambda e: hashlib.sha256(f"{seed}|企业|{e}".encode()).hexdigest())[:2]
    assert alg.choose_enterprises(pool, seed, 2) == by_hand
    people = [1, 2, 5, 9]
    keys = {i: hashlib.sha256(f"{seed}|检查人员|{by_hand[0]}|{i}".encode()).hexdigest() for i in people}
    assert alg.choose_inspectors(by_hand[0], people, seed, {2}) == sorted(set(people) - {2}, key=keys.get)[:2]


def test_percent_rounds_up_and_never_to_zero() -> None:
    assert alg.count_for_percent(1000, Decimal("30")) == 300
    assert alg.count_for_percent(7, Decimal("30")) == 3
    assert alg.count_for_percent(3, Decimal("1")) == 1
    assert alg.count_for_percent(0, Decimal("50")) == 0
    assert alg.count_for_percent(10, Decimal("100")) == 10


def test_never_a_conflicted_inactive_or_certificate_less_inspector(svc: Services) -> None:
    o = office(svc, enterprises=8, inspectors=4)
    conflicted = {o.enterprises[0]: o.certified[1], o.enterprises[3]: o.certified[0]}
    for eid, iid in conflicted.items():
        svc.conflicts.declare(o.boss, ConflictInput(iid, eid, "配偶在该企业任职"))
    # a withdrawn 回避 no longer stands in the way
    withdrawn = svc.conflicts.declare(o.boss, ConflictInput(o.certified[2], o.enterprises[0], "曾任职"))
    svc.conflicts.withdraw(o.boss, withdrawn)
    seen: set[int] = set()
    for n in range(60):
        result = svc.draws.draw(o.boss, DrawRequest(seed=f"seed-{n}", percent="100"))
        assert len(result.entries) == 8
        for e in svc.draws.get(result.id).entries:
            with svc.db.reading() as s:
                row = s.scalar(
                    select(DrawEntry).where(DrawEntry.draw_id == result.id, DrawEntry.position == e.position)
                )
                assert row is not None
                ids = {row.inspector1_id, row.inspector2_id}
            assert len(ids) == 2
            assert not ids & o.ineligible
            assert conflicted.get(e.enterprise_id) not in ids
            seen |= ids
    assert seen == set(o.certified)  # every eligible inspector is drawn at some point


def test_exclude_last_keeps_away_whoever_inspected_last(svc: Services) -> None:
    o = office(svc, enterprises=4, inspectors=5)
    a, b, c = o.certified[:3]
    for eid in o.enterprises:
        visit(svc.db, eid, DAY.replace(month=3), [c, o.certified[3]])
        visit(svc.db, eid, DAY.replace(month=9), [a, b])  # the latest visit
    for n in range(25):
        result = svc.draws.draw(o.boss, DrawRequest(seed=f"x{n}", count=4, exclude_last=True))
        names = {name for e in result.entries for name in (e.inspector1, e.inspector2)}
        assert not names & {"赵科长", "检查员2"}  # a and b
    plain = [svc.draws.draw(o.boss, DrawRequest(seed=f"x{n}", count=4)) for n in range(25)]
    assert any({"赵科长", "检查员2"} & {e.inspector1 for e in r.entries} for r in plain)


def test_an_enterprise_without_two_inspectors_left_is_named_and_nothing_stored(svc: Services) -> None:
    o = office(svc, enterprises=3, inspectors=3)
    target = o.enterprises[1]
    for iid in o.certified[:2]:
        svc.conflicts.declare(o.boss, ConflictInput(iid, target, "亲属"))
    with pytest.raises(DomainError) as e:
        svc.draws.draw(o.boss, DrawRequest(seed="s", percent="100"))
    assert "常州市新北区测试化工有限公司2" in e.value.message and "不足两名" in e.value.message
    with svc.db.reading() as s:
        assert s.scalar(select(Draw.id)) is None


def test_refusals_say_what_to_change(svc: Services) -> None:
    o = office(svc, enterprises=5)
    with pytest.raises(ValidationError) as e:
        svc.draws.draw(o.boss, DrawRequest(seed="s", count=6))
    assert e.value.for_field("count") == "抽取数量（6家）超过抽取范围内的企业数（5家）"
    with pytest.raises(ValidationError) as e:
        svc.draws.draw(o.boss, DrawRequest(seed="", count=1))
    assert e.value.for_field("seed")
    with pytest.raises(ValidationError) as e:
        svc.draws.draw(o.boss, DrawRequest(seed="s", percent="120"))
    assert e.value.for_field("percent")
    with pytest.raises(ValidationError):
        svc.draws.draw(o.boss, DrawRequest(seed="s"))
    with pytest.raises(DomainError) as e:
        svc.draws.draw(o.boss, DrawRequest(seed="s", count=1, target=TargetSet(jurisdictions=("无此镇",))))
    assert "抽取范围内没有企业" in e.value.message


def test_an_inactive_actor_may_not_draw(svc: Services) -> None:
    o = office(svc, enterprises=3)
    gone = svc.inspectors.create(o.boss, InspectorInput("王退休", "32041128888", "安监科"))
    actor = svc.inspectors.actor_for(gone)
    svc.inspectors.set_active(o.boss, gone, False)
    with pytest.raises(PermissionDenied):
        svc.draws.draw(actor, DrawRequest(seed="s", count=1))


def test_pool_from_a_filter_and_from_a_plan_item(svc: Services) -> None:
    o = office(svc, enterprises=12)
    dust = svc.draws.draw(
        o.boss, DrawRequest(seed="s", percent="100", target=TargetSet(categories=("涉爆粉尘",)))
    )
    assert dust.pool_size == 6 and dust.scope.startswith("涉爆粉尘")
    with svc.db.transaction() as s:
        plan = InspectionPlan(year=2026, title="2026年度监督检查计划")
        plan.items = [
            PlanItem(
                position=1,
                title="罗溪镇企业双随机抽查",
                mode="双随机抽查",
                target={"jurisdictions": ["罗溪镇"]},
                draw_percent=Decimal("50"),
            ),
            PlanItem(position=2, title="重点企业", mode="重点检查", target={}),
        ]
        s.add(plan)
        s.flush()
        random_item, key_item = plan.items[0].id, plan.items[1].id
    assert [c.label for c in svc.draws.plan_items()] == ["2026年 2026年度监督检查计划：罗溪镇企业双随机抽查"]
    assert svc.draws.pool_size(random_item) == 4
    drawn = svc.draws.draw(o.boss, DrawRequest(seed="s", plan_item_id=random_item))
    assert drawn.count == 2 and drawn.percent == Decimal("50") and drawn.plan_item_id == random_item
    assert drawn.title == "罗溪镇企业双随机抽查"
    assert {e.jurisdiction for e in drawn.entries} == {"罗溪镇"}
    with pytest.raises(DomainError, match="重点检查"):
        svc.draws.draw(o.boss, DrawRequest(seed="s", count=1, plan_item_id=key_item))


def test_stored_snapshot_verifies_after_the_registry_changed(svc: Services) -> None:
    o = office(svc, enterprises=10)
    svc.conflicts.declare(o.boss, ConflictInput(o.certified[0], o.enterprises[2], "亲属"))
    result = svc.draws.draw(o.boss, DrawRequest(seed="verify-me", percent="40", exclude_last=True))
    assert result.count == 4 and result.drawn_at.date() == DAY and result.drawn_by == "赵科长"
    # the world moves on: a new inspector, a new enterprise, the 回避 withdrawn
    svc.inspectors.create(o.boss, InspectorInput("新同事", "32041127777", "安监科"))
    for c in svc.conflicts.list():
        svc.conflicts.withdraw(o.boss, c.id)
    assert svc.draws.verify(result.id).ok
    with svc.db.transaction() as s:  # someone edits the stored result behind the program's back
        s.execute(update(Draw).where(Draw.id == result.id).values(seed="verify-me!"))
    check = svc.draws.verify(result.id)
    assert not check.ok and not check.digest_ok and "摘要不符" in check.message


def test_a_draw_is_audited_and_listed(svc: Services) -> None:
    o = office(svc, enterprises=4)
    result = svc.draws.draw(o.boss, DrawRequest(seed="a", count=2, title="第四季度双随机"))
    rows = svc.draws.list()
    assert [(r.id, r.title, r.count, r.pool_size, r.drawn_by) for r in rows] == [
        (result.id, "第四季度双随机", 2, 4, "赵科长")
    ]
    with svc.db.reading() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.entity_type == "draw")).one()
    assert event.actor_name == "赵科长" and "随机数种子“a”" in event.summary
    assert event.after is not None and event.after["digest"] == result.digest


def test_public_outcome_of_each_drawn_enterprise(svc: Services) -> None:
    o = office(svc, enterprises=4)
    result = svc.draws.draw(o.boss, DrawRequest(seed="pub", percent="100"))
    e1, e2, e3, e4 = (e.enterprise_id for e in result.entries)
    pair = o.certified[:2]
    visit(svc.db, e1, DAY.replace(day=1), pair, ["待整改"])  # before the draw: not this draw's check
    visit(svc.db, e1, DAY.replace(day=25), pair, [])
    visit(svc.db, e2, DAY.replace(day=26), pair, ["已销号", "已销号"])
    visit(svc.db, e3, DAY, pair, ["已销号", "整改中"])
    visit(svc.db, e3, DAY.replace(day=28), pair, [])  # later visits do not change the published one
    public = svc.draws.public_list(result.id)
    got = {r.enterprise_name: (r.checked_on, r.outcome) for r in public.rows}
    by_id = {e.enterprise_id: e.enterprise_name for e in result.entries}
    assert got[by_id[e1]] == (DAY.replace(day=25), PublicOutcome.CLEAN)
    assert got[by_id[e2]] == (DAY.replace(day=26), PublicOutcome.FIXED)
    assert got[by_id[e3]] == (DAY, PublicOutcome.ORDERED)
    assert got[by_id[e4]] == (None, PublicOutcome.NOT_YET)
    assert outcome_of([]) is PublicOutcome.CLEAN
