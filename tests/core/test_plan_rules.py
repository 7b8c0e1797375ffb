"""Caps and repeat checks: a visit the plan questions is logged only with a reason, and kept with it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import VisitWarningKind
from inspector.core.errors import ValidationError
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.plans import PlanInput, PlanItemInput
from inspector.core.targets import TargetSet
from inspector.db.models import AuditEvent, Inspection, VisitWarning
from tests.factories import enterprise_input

DAY = date(2026, 6, 10)


@pytest.fixture
def setup(services: Services, actor: Actor) -> tuple[Services, int, list[int]]:
    services = Services.on(services.db, clock=lambda: date(2026, 11, 1))
    ent = services.enterprises.create(actor, enterprise_input(1, categories=["危化品使用"]))
    people = [
        services.inspectors.create(actor, InspectorInput(name=n, certificate_no=f"3204110000{i}"))
        for i, n in enumerate(("张一", "李二", "王三", "赵四"))
    ]
    return services, ent, people


def _visit(ent: int, day: date, team: list[int], reason: str = "", kind: str = "日常检查") -> InspectionInput:
    return InspectionInput(
        enterprise_id=ent,
        inspected_on=day,
        kind=kind,
        inspector_ids=team,
        start_time="09:00",
        end_time="10:00",
        reason=reason,
    )


def test_visit_over_the_cap_needs_a_reason_and_keeps_it(
    setup: tuple[Services, int, list[int]], actor: Actor
) -> None:
    services, ent, p = setup
    services.office.update(actor, repeat_days=0)
    services.plans.create(
        actor,
        PlanInput(
            year=2026,
            title="2026年度计划",
            items=[
                PlanItemInput(title="危化品使用企业检查", target=TargetSet(categories=("危化品使用",)), cap=2)
            ],
        ),
    )
    services.inspections.record(actor, _visit(ent, date(2026, 3, 1), p[:2]))
    services.inspections.record(actor, _visit(ent, date(2026, 4, 1), p[:2]))
    services.inspections.record(actor, _visit(ent, date(2026, 5, 1), p[:2], kind="复查"))  # not counted
    third = _visit(ent, DAY, p[:2])
    [warning] = services.inspections.rule_warnings(third)
    assert warning.kind is VisitWarningKind.OVER_CAP
    assert (
        warning.message
        == "该企业2026年已检查2次，检查计划（2026年度计划 · 危化品使用企业检查）规定每年最多2次；本次为第3次"
    )
    with pytest.raises(ValidationError) as e:
        services.inspections.record(actor, third)
    assert [(f.field, f.message) for f in e.value.errors] == [
        ("reason", "本次检查超过计划检查频次，须填写检查理由后才能保存")
    ]
    with services.db.reading() as s:
        assert len(s.scalars(select(Inspection.id)).all()) == 3  # nothing written
    third.reason = "群众举报该企业夜间违规动火"
    done = services.inspections.record(actor, third)
    with services.db.reading() as s:
        kept = s.execute(
            select(VisitWarning.kind, VisitWarning.reason).where(VisitWarning.inspection_id == done.id)
        ).all()
        assert kept == [("超过计划检查频次", "群众举报该企业夜间违规动火")]
        event = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_type == "inspection",
                AuditEvent.entity_id == done.id,
                AuditEvent.action == "create",
            )
        ).one()
        assert event.after is not None and event.after["reason"] == "群众举报该企业夜间违规动火"
    assert services.inspections.rule_warnings(_visit(ent, DAY, p[:2], kind="复查")) == []
    assert services.inspections.rule_warnings(_visit(ent, date(2027, 1, 5), p[:2])) == []  # a new year


def test_second_check_by_another_team_within_the_period(
    setup: tuple[Services, int, list[int]], actor: Actor
) -> None:
    services, ent, p = setup
    services.office.update(actor, repeat_days=30)
    services.inspections.record(actor, _visit(ent, DAY, p[:2]))
    [w] = services.inspections.rule_warnings(_visit(ent, date(2026, 6, 25), p[2:]))
    assert (w.kind, w.message) == (
        VisitWarningKind.REPEAT,
        "该企业已于2026-06-10由张一、李二检查（日常检查），本机关规定30日内不重复检查",
    )
    # the same team coming back, or another team after the period, is not questioned
    assert services.inspections.rule_warnings(_visit(ent, date(2026, 6, 25), [p[0], p[2]])) == []
    assert services.inspections.rule_warnings(_visit(ent, date(2026, 7, 11), p[2:])) == []
    # a visit logged late is compared with the later one too
    assert len(services.inspections.rule_warnings(_visit(ent, date(2026, 5, 20), p[2:]))) == 1
    services.office.update(actor, repeat_days=0)
    assert services.inspections.rule_warnings(_visit(ent, date(2026, 6, 25), p[2:])) == []
