"""Any input, of any type or size, gets the program's own refusal — never a crash or a half write.

Hypothesis fills every field of every form's dataclass with either a sensible value or garbage
(numbers where text belongs, NUL characters, 3,000-character texts, huge integers, NaN, bytes,
money like 10¹²) and drives the services with it, on SQLite and on PostgreSQL. The only exceptions
allowed out are DomainErrors (a message for the user); afterwards the database still works.
"""

from __future__ import annotations

import contextlib
import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.documents import DeliveryInput
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.errors import DomainError
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import (
    AddNote,
    ExtendDeadline,
    PlanInput,
    RaiseToMajor,
    ReportDone,
    Review,
    SavePlan,
    SetOnsiteMeasures,
)
from inspector.core.office import OfficeSettings, demo_office
from tests.factories import enterprise_input

TODAY = date.today()
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TEXT = st.text(
    alphabet=st.sampled_from(list("隐患部位描述𠀀ABC 123\n\t\x00\x01\x1f\x7f\ufffe,.=+-'\"<>&%_")),
    max_size=40,
)
GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
    st.just("长" * 3000),
    st.binary(max_size=16),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.just(Decimal("1E+12")),
    st.lists(st.integers(min_value=-3, max_value=2**40), max_size=3),
    st.lists(TEXT, max_size=3),
)


def fuzzed(instance: Any) -> st.SearchStrategy[Any]:
    """The instance with each field either kept or replaced by garbage."""
    fields = {
        f.name: st.one_of(st.just(getattr(instance, f.name)), GARBAGE)
        for f in dataclasses.fields(instance)
        if f.init
    }
    return st.fixed_dictionaries(fields).map(lambda values: dataclasses.replace(instance, **values))


def refused_or_done(call: Any) -> None:
    with contextlib.suppress(DomainError):  # a message for the user: fine; anything else fails
        call()


@pytest.fixture
def world(services: Services) -> dict[str, Any]:
    s = services
    boss = s.inspectors.create(SYSTEM, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    lead = s.inspectors.actor_for(boss)
    other = s.inspectors.create(lead, InspectorInput("张检查", "32041120002", "安监科"))
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    visit = s.inspections.record(
        lead,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=TODAY - timedelta(days=3),
            kind="日常检查",
            inspector_ids=[boss, other],
            start_time="09:00",
            end_time="10:00",
            hazards=[
                HazardInput(location="仓库", description="通道堵塞", category="现场管理", deadline=TODAY)
            ],
        ),
    )
    return {"s": s, "lead": lead, "ids": [boss, other], "eid": eid, "visit": visit}


def _still_works(s: Services) -> None:
    assert s.enterprises.count(EnterpriseFilter()) >= 1


@FUZZ
@given(data=st.data())
def test_enterprise_and_inspector_forms(world: dict[str, Any], data: st.DataObject) -> None:
    s, lead = world["s"], world["lead"]
    refused_or_done(lambda: s.enterprises.create(lead, data.draw(fuzzed(enterprise_input(7)))))
    refused_or_done(
        lambda: s.inspectors.create(lead, data.draw(fuzzed(InspectorInput("王五", "", "春江镇"))))
    )
    refused_or_done(lambda: s.office.save(SYSTEM, data.draw(fuzzed(demo_office()))))
    _still_works(s)


@FUZZ
@given(data=st.data())
def test_a_visit_with_fuzzed_hazards_and_plans(world: dict[str, Any], data: st.DataObject) -> None:
    s = world["s"]
    plan = data.draw(
        fuzzed(PlanInput("设备部", "周工", "更换", "1200.00", TODAY + timedelta(days=9), "巡检"))
    )
    hazard = data.draw(
        fuzzed(HazardInput(location="车间", description="配电箱未接地", category="现场管理", plan=plan))
    )
    visit = data.draw(
        fuzzed(
            InspectionInput(
                enterprise_id=world["eid"],
                inspected_on=TODAY,
                kind="日常检查",
                inspector_ids=world["ids"],
                start_time="09:00",
                end_time="10:00",
                hazards=[hazard],
            )
        )
    )
    refused_or_done(lambda: s.inspections.record(world["lead"], visit))
    refused_or_done(lambda: s.hazards.record(world["lead"], world["eid"], hazard, data.draw(GARBAGE)))
    _still_works(s)


COMMANDS = (
    SavePlan(PlanInput("设备部", "周工", "更换", "0", TODAY + timedelta(days=5), "巡检")),
    ReportDone(TODAY, "已完成"),
    Review("不合格", [1], TODAY, "未完成", TODAY + timedelta(days=20)),
    ExtendDeadline(TODAY + timedelta(days=30), "订货周期长"),
    RaiseToMajor("区安委办", TODAY, "扩大"),
    AddNote("补充说明"),
    SetOnsiteMeasures(("责令暂时停产停业",)),
)


@FUZZ
@given(data=st.data(), which=st.sampled_from(COMMANDS))
def test_every_lifecycle_command(world: dict[str, Any], data: st.DataObject, which: Any) -> None:
    s = world["s"]
    hid = world["visit"].hazards[0].id
    command = data.draw(fuzzed(which))
    if isinstance(command, SavePlan | ReportDone | Review) and dataclasses.is_dataclass(
        getattr(command, "plan", None)
    ):
        command = dataclasses.replace(command, plan=data.draw(fuzzed(command.plan)))
    refused_or_done(
        lambda: s.hazards.act(world["lead"], data.draw(st.one_of(st.just(hid), GARBAGE)), command)
    )
    refused_or_done(
        lambda: s.hazards.batch_extend(
            world["lead"], data.draw(GARBAGE) or [hid], data.draw(GARBAGE), data.draw(GARBAGE)
        )
    )
    _still_works(s)


@FUZZ
@given(data=st.data())
def test_deliveries_and_documents(world: dict[str, Any], data: st.DataObject) -> None:
    s = world["s"]
    delivery = data.draw(fuzzed(DeliveryInput([1], TODAY, "直接送达", "仓库", "赵安全", world["ids"])))
    refused_or_done(lambda: s.documents.deliver(world["lead"], delivery))
    refused_or_done(lambda: s.documents.issue_rectification_order(world["lead"], data.draw(GARBAGE)))
    refused_or_done(lambda: s.documents.issue_review_opinion(world["lead"], data.draw(GARBAGE)))
    _still_works(s)


def test_money_is_refused_not_rounded(world: dict[str, Any]) -> None:
    s, hid = world["s"], world["visit"].hazards[0].id
    for funds, message in (
        ("1200.005", "最多保留两位小数"),
        (Decimal("1E+12"), "过大"),
        ("1e400", "过大"),
        ("-1", "不能为负数"),
        (True, "整改资金的值无效：应为金额"),
    ):
        plan = PlanInput("设备部", "周工", "更换", funds, TODAY + timedelta(days=5), "巡检")
        with pytest.raises(DomainError, match=message):
            s.hazards.act(world["lead"], hid, SavePlan(plan))


def test_control_characters_are_dropped_and_long_text_named(world: dict[str, Any]) -> None:
    s, hid = world["s"], world["visit"].hazards[0].id
    s.hazards.act(world["lead"], hid, AddNote("说明\x00带\x07控制字符"))
    assert s.hazards.detail(hid).notes.endswith("说明带控制字符")
    with pytest.raises(DomainError, match="说明过长：最多1000个字符"):
        s.hazards.act(world["lead"], hid, AddNote("长" * 1001))
    with pytest.raises(DomainError, match="隐患描述过长：最多2000个字符"):
        s.hazards.record(world["lead"], world["eid"], HazardInput("车间", "长" * 2001, "现场管理"), TODAY)
    with pytest.raises(DomainError, match="执法机关名称的值无效"):
        s.office.save(SYSTEM, dataclasses.replace(OfficeSettings(), authority=12))  # type: ignore[arg-type]
