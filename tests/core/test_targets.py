"""Target sets: a saved filter over the registry, or a hand-picked list, evaluated in SQL."""

from __future__ import annotations

from sqlalchemy import select

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.targets import TargetSet, member_ids, validate
from inspector.db.models import Enterprise
from tests.factories import enterprise_input


def _ids(services: Services, target: TargetSet) -> set[int]:
    with services.db.reading() as s:
        return set(s.scalars(member_ids(target)))


def _register(services: Services, actor: Actor) -> dict[str, int]:
    made = {
        "dust_a": enterprise_input(
            1, categories=["涉爆粉尘"], jurisdiction="罗溪镇", dust_kind="木粉", dust_workers=12
        ),
        "dust_b": enterprise_input(
            2, categories=["涉爆粉尘", "燃气"], jurisdiction="春江镇", dust_kind="木粉", dust_workers=12
        ),
        "chem_major": enterprise_input(
            3, categories=["危化品生产"], major_hazard_grade="二级", hazardous_processes=["氯化工艺"]
        ),
        "chem_pip": enterprise_input(4, categories=["危化品使用"], plant_in_plant=True, risk_grade="红"),
        "dust_stopped": enterprise_input(
            5, categories=["涉爆粉尘"], status="停产", dust_kind="木粉", dust_workers=12
        ),
        "dust_closed": enterprise_input(
            6, categories=["涉爆粉尘"], status="关闭", dust_kind="木粉", dust_workers=12
        ),
    }
    return {key: services.enterprises.create(actor, data) for key, data in made.items()}


def test_filters_select_exactly_the_matching_enterprises(services: Services, actor: Actor) -> None:
    e = _register(services, actor)
    assert _ids(services, TargetSet(categories=("涉爆粉尘",))) == {e["dust_a"], e["dust_b"]}
    with_stopped = TargetSet(categories=("涉爆粉尘",), include_suspended=True)
    assert _ids(services, with_stopped) == {e["dust_a"], e["dust_b"], e["dust_stopped"]}
    assert _ids(services, TargetSet(categories=("涉爆粉尘",), jurisdictions=("罗溪镇",))) == {e["dust_a"]}
    assert _ids(services, TargetSet(major_hazard=True)) == {e["chem_major"]}
    assert _ids(services, TargetSet(hazardous_process=True)) == {e["chem_major"]}
    assert e["chem_major"] not in _ids(services, TargetSet(hazardous_process=False))
    assert _ids(services, TargetSet(plant_in_plant=True, risk_grades=("红",))) == {e["chem_pip"]}
    everyone = _ids(services, TargetSet())
    assert everyone == {e["dust_a"], e["dust_b"], e["chem_major"], e["chem_pip"]}


def test_hand_picked_list_keeps_suspended_but_never_closed(services: Services, actor: Actor) -> None:
    e = _register(services, actor)
    picked = TargetSet(enterprise_ids=(e["dust_stopped"], e["dust_closed"], e["chem_pip"]))
    assert _ids(services, picked) == {e["dust_stopped"], e["chem_pip"]}
    assert picked.describe() == "指定企业 3 家"


def test_json_round_trip_and_description() -> None:
    target = TargetSet(categories=("涉爆粉尘",), jurisdictions=("罗溪镇", "春江镇"), major_hazard=False)
    assert TargetSet.from_json(target.to_json()) == target
    assert target.describe() == "涉爆粉尘；属地：罗溪镇、春江镇；无重大危险源；在产"
    assert TargetSet().describe() == "全部企业；在产"


def test_unknown_category_is_named(services: Services) -> None:
    errors = validate(TargetSet(categories=("涉爆粉尘", "烟花爆竹")))
    assert [e.message for e in errors] == ["目标企业的监管类别不存在：烟花爆竹"]
    with services.db.reading() as s:
        assert s.scalar(select(Enterprise.id)) is None
