"""今日提醒: campaign deadlines with what is missing, hazards due soon, 复查 owed — each count the
count of the list it opens."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from inspector.core.audit import Actor
from inspector.core.campaigns import CampaignInput
from inspector.core.context import Services
from inspector.core.demo import generate
from inspector.core.enums import HazardState
from inspector.core.overdue import review_due
from inspector.core.targets import TargetSet
from inspector.db.engine import Database
from inspector.db.models import Hazard

TODAY = date(2026, 11, 20)


def test_reminders_match_the_lists_behind_them(db: Database, actor: Actor) -> None:
    generate(db, enterprises=80, hazards=700, seed=9, today=TODAY)
    services = Services.on(db, clock=lambda: TODAY)
    soon = services.campaigns.create(
        actor,
        CampaignInput(
            title="涉爆粉尘全覆盖",
            target=TargetSet(categories=("涉爆粉尘",)),
            starts_on=TODAY - timedelta(days=3),
            deadline=TODAY + timedelta(days=5),
        ),
    )
    services.campaigns.create(  # far away: not reminded yet
        actor,
        CampaignInput(
            title="燃气专项",
            target=TargetSet(categories=("燃气",)),
            starts_on=TODAY,
            deadline=TODAY + timedelta(days=60),
        ),
    )
    reminders = {(r.key, r.campaign_id): r for r in services.reminders.today()}
    campaign = reminders["campaign", soon]
    missing = services.campaigns.coverage(soon).missing
    assert campaign.campaign_id == soon and campaign.count == missing > 0
    assert campaign.text.startswith("专项行动“涉爆粉尘全覆盖”还有5天截止（11月25日），尚有")
    reminded = [r.campaign_id for r in services.reminders.today() if r.key == "campaign"]
    assert soon in reminded and len(reminded) == 2  # and the demo's own campaign, 12 days left

    due = reminders["due", None]
    assert due.filter is not None and due.count == services.hazards.count(due.filter) > 0

    review = reminders["review", None]
    assert review.filter is not None and review.count == services.hazards.count(review.filter)
    office = services.office.get()
    with db.reading() as s:
        waiting = s.execute(
            select(Hazard.reported_done_on, Hazard.deadline).where(
                Hazard.state == HazardState.PENDING_REVIEW.value
            )
        ).all()
    late = sum(
        1 for reported, deadline in waiting if review_due(reported, deadline, office.review_days) < TODAY
    )
    assert review.count == len(waiting)
    assert review.urgent == (late > 0)
    if late:
        assert (
            review.text == f"待复查的隐患{len(waiting)}条，其中{late}条已超过{office.review_days}日复查期限"
        )
