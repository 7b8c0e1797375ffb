"""Visits with checklist results recorded through the services, for the pages that show them."""

from __future__ import annotations

from datetime import date

from inspector.core.audit import Actor
from inspector.core.checklists import ChecklistResultInput
from inspector.core.context import Services
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from tests.factories import enterprise_input

BOSS = Actor(id=None, name="管理员")


def dust_enterprise(svc: Services, n: int, jurisdiction: str = "春江镇") -> int:
    return svc.enterprises.create(
        BOSS,
        enterprise_input(
            n, categories=["涉爆粉尘"], dust_kind="铝镁金属粉尘", dust_workers=15, jurisdiction=jurisdiction
        ),
    )


def officers(svc: Services) -> list[int]:
    """Two officers with 执法证号 (call once per database)."""
    return [
        svc.inspectors.create(BOSS, InspectorInput("张检查", "32041120002", "安监科")),
        svc.inspectors.create(BOSS, InspectorInput("李检查", "32041120003", "安监科")),
    ]


def checklist_visit(
    svc: Services, enterprise_id: int, on: date, answers: dict[str, str], inspectors: list[int]
) -> int:
    """A visit answering 工贸 criteria items by number; each 不合格 registers its drafted hazard."""
    offered = next(c for c in svc.checklists.offered(enterprise_id) if c.code == "GM-2023")
    items = {i.number: i for i in offered.items}
    hazards, results = [], []
    for number, result in answers.items():
        item_id = items[number].id
        assert item_id is not None
        hazard = None
        if result == "不合格":
            draft = svc.checklists.draft_hazard(item_id).hazard
            draft.location, draft.category = "除尘间", "现场管理"
            hazards.append(draft)
            hazard = len(hazards)
        results.append(ChecklistResultInput(item_id, result, hazard=hazard))
    data = InspectionInput(
        enterprise_id=enterprise_id,
        inspected_on=on,
        kind="日常检查",
        inspector_ids=inspectors,
        start_time="09:00",
        end_time="10:00",
        hazards=hazards,
        checklist_results=results,
    )
    return svc.inspections.record(BOSS, data).id
