"""The demo's year plan and one running campaign, so a new user sees 检查计划 and 专项行动 filled.

Written through the services (validated, audited) as the system, once per year: a second demo
run into the same database adds no second plan.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from inspector.core.audit import SYSTEM
from inspector.core.campaigns import CampaignInput, CampaignService
from inspector.core.enums import PlanMode
from inspector.core.plans import PlanInput, PlanItemInput, PlanService
from inspector.core.targets import TargetSet
from inspector.db.engine import Database
from inspector.db.models import InspectionPlan

CAMPAIGN_DAYS_LEFT = 12  # within the default 专项行动截止提醒, so the 工作台 reminds it


def sample_plans(db: Database, today: date) -> None:
    with db.reading() as s:
        if s.scalar(select(InspectionPlan.id).where(InspectionPlan.year == today.year).limit(1)) is not None:
            return
    plans = PlanService(db, lambda: today)
    plan_id = plans.create(
        SYSTEM,
        PlanInput(
            year=today.year,
            title=f"{today.year}年度安全生产监督检查计划",
            unit="执法大队",
            items=[
                PlanItemInput(
                    title="重大危险源企业重点检查",
                    basis="《危险化学品重大危险源监督管理暂行规定》",
                    target=TargetSet(major_hazard=True),
                    frequency=4,
                    cap=6,
                    months=(3, 6, 9, 11),
                    unit="执法一中队",
                ),
                PlanItemInput(
                    title="涉爆粉尘企业重点检查",
                    basis="《工贸企业粉尘防爆安全规定》",
                    target=TargetSet(categories=("涉爆粉尘",)),
                    frequency=2,
                    cap=4,
                    unit="执法二中队",
                ),
                PlanItemInput(
                    title="危化品使用企业双随机抽查",
                    mode=PlanMode.RANDOM.value,
                    target=TargetSet(categories=("危化品使用",)),
                    draw_percent=Decimal("30"),
                    cap=2,
                    unit="执法一中队",
                ),
            ],
        ),
    )
    item_id = plans.get(plan_id)[0].items[1].id
    CampaignService(db, lambda: today).create(
        SYSTEM,
        CampaignInput(
            title="涉爆粉尘企业全覆盖检查",
            basis="对前期排查的涉爆粉尘企业开展全覆盖检查，跟踪问题隐患整改闭环",
            target=TargetSet(categories=("涉爆粉尘",)),
            starts_on=today - timedelta(days=45),
            deadline=today + timedelta(days=CAMPAIGN_DAYS_LEFT),
            checklist_code="GM-2023",
            plan_item_id=item_id,
        ),
    )
