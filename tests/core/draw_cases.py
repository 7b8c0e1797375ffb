"""A small office for the draw tests: a registry of enterprises and inspectors, some ineligible."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.db.engine import Database
from inspector.db.models import Hazard, Inspection, inspection_inspectors
from tests.factories import enterprise_input

DAY = date(2026, 11, 22)


@dataclass
class Office:
    boss: Actor
    certified: list[int]  # active, with 执法证号 (the boss is one of them)
    no_certificate: int
    inactive: int
    enterprises: list[int]

    @property
    def ineligible(self) -> set[int]:
        return {self.no_certificate, self.inactive}


def office(services: Services, enterprises: int = 12, inspectors: int = 6) -> Office:
    s = services.inspectors
    boss_id = s.create(SYSTEM, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    boss = s.actor_for(boss_id)
    certified = [boss_id] + [
        s.create(boss, InspectorInput(f"检查员{n}", f"3204112{n:04d}", "安监科"))
        for n in range(2, inspectors + 1)
    ]
    no_cert = s.create(boss, InspectorInput("李无证", "", "春江镇安监办"))
    inactive = s.create(boss, InspectorInput("陈离岗", "32041129999", "薛家镇安监办"))
    s.set_active(boss, inactive, False)
    towns = ("春江镇", "罗溪镇", "薛家镇")
    firms = [
        services.enterprises.create(
            boss,
            enterprise_input(
                n,
                jurisdiction=towns[n % 3],
                categories=["涉爆粉尘"] if n % 2 else ["危化品使用"],
                **({"dust_kind": "木粉", "dust_workers": 12} if n % 2 else {}),
            ),
        )
        for n in range(1, enterprises + 1)
    ]
    return Office(boss, certified, no_cert, inactive, firms)


def visit(
    db: Database, enterprise_id: int, on: date, inspectors: list[int], hazard_states: Sequence[str] = ()
) -> int:
    """An inspection with hazards in the given states, written directly (the lifecycle is not
    what these tests are about, only what the 一公开 list reads from it)."""
    with db.transaction() as s:
        v = Inspection(enterprise_id=enterprise_id, inspected_on=on, kind="执法检查")
        s.add(v)
        s.flush()
        s.execute(
            insert(inspection_inspectors), [{"inspection_id": v.id, "inspector_id": i} for i in inspectors]
        )
        for n, state in enumerate(hazard_states):
            s.add(
                Hazard(
                    number=f"T{v.id}-{n}",
                    enterprise_id=enterprise_id,
                    inspection_id=v.id,
                    location="车间",
                    description="测试隐患",
                    category="现场管理",
                    found_on=on,
                    state=state,
                )
            )
        return v.id
