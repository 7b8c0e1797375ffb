"""Plans and campaigns on a busy district (2,000 enterprises, 200,000 hazards and their visits):
progress, coverage, the first page of a campaign's list, the day's reminders and the visit rules.

The demo writes one year plan and one campaign (core.demo.plans); these are what is measured."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from inspector.core.context import Services
from inspector.core.inspections import InspectionInput
from inspector.db.engine import Database
from inspector.db.models import Campaign, Enterprise, InspectionPlan, Inspector
from tests.bench.conftest import BENCH_TODAY


@pytest.fixture(scope="module")
def world(hazards_200k: Database) -> tuple[Services, int, int]:
    services = Services.on(hazards_200k, clock=lambda: BENCH_TODAY)
    with hazards_200k.reading() as s:
        plan = s.scalar(select(InspectionPlan.id).where(InspectionPlan.year == BENCH_TODAY.year))
        campaign = s.scalar(select(Campaign.id))
    assert plan is not None and campaign is not None
    return services, plan, campaign


def test_plan_progress(benchmark: Any, world: tuple[Services, int, int]) -> None:
    services, plan, _ = world
    items = benchmark(services.plans.progress, plan)
    assert items and items[0].targets > 0


def test_campaign_coverage(benchmark: Any, world: tuple[Services, int, int]) -> None:
    services, _, campaign = world
    cov = benchmark(services.campaigns.coverage, campaign)
    assert cov.total > 0


def test_campaign_first_page(benchmark: Any, world: tuple[Services, int, int]) -> None:
    services, _, campaign = world
    rows = benchmark(services.campaigns.rows, campaign, (), 0, 100)
    assert rows


def test_reminders(benchmark: Any, world: tuple[Services, int, int]) -> None:
    services, _, _ = world
    assert benchmark(services.reminders.today)


def test_visit_rule_warnings(benchmark: Any, world: tuple[Services, int, int]) -> None:
    services, _, _ = world
    with services.db.reading() as s:
        enterprise = s.scalar(select(Enterprise.id).order_by(Enterprise.id).limit(1))
        team = list(s.scalars(select(Inspector.id).order_by(Inspector.id.desc()).limit(2)))
    visit = InspectionInput(enterprise_id=enterprise, inspected_on=date(2026, 11, 18), inspector_ids=team)
    benchmark(services.inspections.rule_warnings, visit)
