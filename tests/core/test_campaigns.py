"""专项行动 coverage: exact against an independent count, per state and 属地, and windowed rows."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from inspector.core.audit import Actor
from inspector.core.campaigns import CampaignInput
from inspector.core.context import Services
from inspector.core.demo import generate
from inspector.core.enums import CoverageState, InspectorRole
from inspector.core.errors import PermissionDenied, ValidationError
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.pinyin import sort_key
from inspector.core.targets import TargetSet
from inspector.db.engine import Database

TODAY = date(2026, 11, 20)


def _independent(db: Database, start: date, deadline: date, as_of: date) -> tuple[Counter[str], set[int]]:
    """Count in plain SQL and Python, the way a clerk would with the registry and the visit list."""
    with db.engine.connect() as c:
        dust = {
            r[0]
            for r in c.execute(
                text(
                    "SELECT e.id FROM enterprises e JOIN enterprise_categories k ON k.enterprise_id = e.id "
                    "WHERE k.kind = '涉爆粉尘' AND e.status = '在产'"
                )
            )
        }
        visits = list(
            c.execute(
                text("SELECT enterprise_id, inspected_on FROM inspections WHERE kind <> '复查'"),
            )
        )
    days: dict[int, list[date]] = {}
    for eid, day in visits:
        d = day if isinstance(day, date) else date.fromisoformat(str(day))
        days.setdefault(eid, []).append(d)
    counts: Counter[str] = Counter()
    missing: set[int] = set()
    for eid in dust:
        mine = [d for d in days.get(eid, []) if start <= d <= as_of]
        if any(d <= deadline for d in mine):
            counts["已检查"] += 1
        elif mine:
            counts["逾期后检查"] += 1
        elif as_of > deadline:
            counts["逾期未检查"] += 1
            missing.add(eid)
        else:
            counts["未检查"] += 1
            missing.add(eid)
    return counts, missing


@pytest.fixture
def demo_services(db: Database) -> Services:
    generate(db, enterprises=120, hazards=900, seed=3, today=TODAY)
    return Services.on(db, clock=lambda: TODAY)


def _dust_campaign(services: Services, actor: Actor, start: date, deadline: date) -> int:
    return services.campaigns.create(
        actor,
        CampaignInput(
            title="涉爆粉尘企业全覆盖检查",
            basis="3月底前，对前期排查的涉爆粉尘企业开展全覆盖检查，跟踪问题隐患整改闭环",
            target=TargetSet(categories=("涉爆粉尘",)),
            starts_on=start,
            deadline=deadline,
        ),
    )


@pytest.mark.parametrize(
    ("start", "deadline"),
    [(date(2026, 9, 1), date(2026, 12, 31)), (date(2026, 3, 1), date(2026, 6, 30))],
    ids=["running", "past-deadline"],
)
def test_coverage_matches_an_independent_count(
    demo_services: Services, actor: Actor, start: date, deadline: date
) -> None:
    cid = _dust_campaign(demo_services, actor, start, deadline)
    cov = demo_services.campaigns.coverage(cid)
    expected, missing = _independent(demo_services.db, start, deadline, TODAY)
    assert {k.value: v for k, v in cov.counts.items() if v} == dict(expected)
    assert cov.total == sum(expected.values()) > 0
    assert {r.enterprise_id for r in demo_services.campaigns.missing(cid)} == missing
    per_town = sum(sum(c.values()) for _, c in cov.by_jurisdiction)
    assert per_town == cov.total
    towns = [town for town, _ in cov.by_jurisdiction]
    assert towns == sorted(towns, key=sort_key)  # 属地 in pinyin order, as every list shows them
    rows = demo_services.campaigns.rows(cid)
    for state in {r.state for r in rows}:
        listed = [(r.jurisdiction, r.name) for r in rows if r.state is state]
        assert listed == sorted(listed, key=lambda p: (sort_key(p[0]), sort_key(p[1])))


def test_a_new_visit_covers_an_enterprise_and_rows_are_windowed(
    demo_services: Services, actor: Actor
) -> None:
    cid = _dust_campaign(demo_services, actor, TODAY - timedelta(days=5), TODAY + timedelta(days=20))
    before = demo_services.campaigns.coverage(cid)
    missing = demo_services.campaigns.missing(cid)
    assert missing and all(r.state is CoverageState.PENDING for r in missing)
    first = missing[0]
    inspector_ids = [i.id for i in demo_services.inspectors.list()][:2]
    demo_services.inspections.record(
        actor,
        InspectionInput(
            enterprise_id=first.enterprise_id,
            inspected_on=TODAY,
            kind="专项检查",
            inspector_ids=inspector_ids,
            start_time="09:00",
            end_time="10:30",
        ),
    )
    after = demo_services.campaigns.coverage(cid)
    assert after.counts[CoverageState.COVERED] == before.counts[CoverageState.COVERED] + 1
    assert after.missing == before.missing - 1
    page = demo_services.campaigns.rows(cid, offset=1, limit=3)
    whole = demo_services.campaigns.rows(cid)
    assert page == whole[1:4]
    covered = next(r for r in whole if r.enterprise_id == first.enterprise_id)
    assert (covered.state, covered.checked_on, covered.visits) == (CoverageState.COVERED, TODAY, 1)


def test_only_a_supervisor_sets_up_campaigns_once_one_is_registered(services: Services, actor: Actor) -> None:
    clerk_id = services.inspectors.create(actor, InspectorInput(name="李检查", certificate_no="32041100001"))
    boss_id = services.inspectors.create(
        actor, InspectorInput(name="王科长", role=InspectorRole.SUPERVISOR.value)
    )
    data = CampaignInput(
        title="燃气专项",
        target=TargetSet(categories=("燃气",)),
        starts_on=date(2026, 1, 1),
        deadline=date(2026, 3, 31),
    )
    with pytest.raises(PermissionDenied):
        services.campaigns.create(
            Actor(clerk_id, "李检查", is_supervisor=True), data
        )  # the flag is not trusted
    cid = services.campaigns.create(Actor(boss_id, "王科长"), data)
    assert services.campaigns.get(cid)[0].title == "燃气专项"


def test_bad_campaign_names_each_field(services: Services, actor: Actor) -> None:
    with pytest.raises(ValidationError) as e:
        services.campaigns.create(
            actor, CampaignInput(title=" ", starts_on=date(2026, 5, 1), deadline=date(2026, 4, 1))
        )
    assert {f.field: f.message for f in e.value.errors} == {
        "title": "专项行动名称不能为空",
        "deadline": "截止日期不能早于开始日期",
    }
    assert services.campaigns.campaigns() == []
