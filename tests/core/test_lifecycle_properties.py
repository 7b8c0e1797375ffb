"""Properties of the lifecycle over random sequences of actions (hypothesis), and numbering.

For any sequence of actions, by any actor, with valid or invalid data, or a stale form:
the state is one of the four; 已销号 never changes; a change succeeds only when the rules offer it,
moves the state where the diagram says, bumps the version and writes exactly one audit event;
a refusal changes nothing at all (state, fields, version, audit trail).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from inspector.core.enums import HazardState
from inspector.core.errors import DomainError
from inspector.core.hazards import APPEND_ONLY
from inspector.core.lifecycle import (
    Action,
    AddNote,
    EditDetails,
    ExtendDeadline,
    HazardDetails,
    HazardFacts,
    PlanInput,
    RaiseToMajor,
    RectifyOnSpot,
    ReportDone,
    Review,
    SavePlan,
    StartRectification,
    refusal,
)
from inspector.db.models import Hazard
from tests.core.test_lifecycle_support import FOUND, TODAY, World, hazard_input

DATES = st.sampled_from(
    [
        None,
        FOUND - timedelta(days=3),
        FOUND,
        TODAY - timedelta(days=1),
        TODAY,
        TODAY + timedelta(days=1),
        TODAY + timedelta(days=10),
        TODAY + timedelta(days=30),
        TODAY + timedelta(days=60),
    ]
)
GOOD_DAY = st.sampled_from([None, TODAY, TODAY - timedelta(days=1)])  # None means today
TEXT = st.sampled_from(["", "  ", "已落实", "设备需外购"])
GOOD_PLAN = PlanInput("生产部", "王建国", "加装泄压装置", "2500", TODAY + timedelta(days=30), "停用该区域")
PLANS = st.one_of(
    st.just(GOOD_PLAN),
    st.builds(
        PlanInput,
        responsible_unit=st.sampled_from(["", "生产部"]),
        responsible_person=st.sampled_from(["", "王建国"]),
        measures=st.sampled_from(["", "加装泄压装置"]),
        funds=st.sampled_from([None, "", "0", "-1", "2500"]),
        deadline=DATES,
        contingency=st.sampled_from(["", "停用该区域"]),
    ),
)
# Inspector slots: 0 = supervisor, 1–3 = inspectors, 4 = an id that does not exist.
SLOTS = st.lists(st.integers(0, 4), max_size=3)
GOOD_SLOTS = st.lists(st.integers(0, 3), min_size=1, max_size=2)
COMMANDS = st.one_of(
    st.builds(SavePlan, PLANS),
    st.builds(StartRectification, st.none() | PLANS),
    st.builds(ReportDone, DATES),
    st.builds(Review, st.sampled_from(["合格", "不合格", "基本合格"]), SLOTS, DATES, TEXT, DATES),
    st.builds(RectifyOnSpot, DATES, TEXT),
    st.builds(ExtendDeadline, DATES, TEXT),
    st.builds(RaiseToMajor, st.sampled_from(["", "区安委办"]), DATES, TEXT),
    st.builds(AddNote, TEXT),
    st.builds(
        EditDetails,
        st.builds(
            HazardDetails,
            st.sampled_from(["", "1号车间", "2号车间"]),
            st.sampled_from(["漏电", "粉尘收集系统未设置防爆泄压装置1"]),
            st.sampled_from(["现场管理", "基础管理"]),
            st.sampled_from(["", "粉尘防爆"]),
        ),
    ),
)


def plausible(h: Hazard) -> st.SearchStrategy[Any]:
    """A step an inspector would plausibly take next, so sequences walk the whole loop; it may still
    be refused (wrong actor for a major hazard, a date before the report, …)."""
    later = st.sampled_from([(h.deadline or TODAY) + timedelta(days=d) for d in (1, 30)])
    side = [st.builds(RaiseToMajor, st.just("区安委办"), GOOD_DAY), st.builds(AddNote, st.just("补充说明"))]
    by_state = {
        HazardState.REPORTED: [
            st.builds(StartRectification, st.just(GOOD_PLAN)),
            st.builds(SavePlan, PLANS),
            st.builds(RectifyOnSpot, GOOD_DAY, TEXT),
        ],
        HazardState.RECTIFYING: [
            st.builds(ReportDone, GOOD_DAY),
            st.builds(ReportDone, GOOD_DAY),
            st.builds(ExtendDeadline, later, st.just("设备需外购")),
        ],
        HazardState.PENDING_REVIEW: [
            st.builds(
                Review,
                st.sampled_from(["合格", "不合格"]),
                GOOD_SLOTS,
                st.none(),
                st.just("仍未整改"),
                st.just(TODAY + timedelta(days=20)),
            )
        ]
        * 3,
        HazardState.CLOSED: [],
    }
    return st.one_of(*by_state[HazardState(h.state)], *side)


TARGET = {
    Action.START: HazardState.RECTIFYING,
    Action.REPORT_DONE: HazardState.PENDING_REVIEW,
    Action.RECTIFY_ON_SPOT: HazardState.CLOSED,
}


def _fingerprint(w: World, hid: int) -> tuple[Any, ...]:
    h = w.hazard(hid)
    return (
        h.state,
        h.version,
        h.level,
        h.deadline,
        h.reported_done_on,
        h.closed_on,
        h.notes,
        h.location,
        h.description,
        h.rectified_on_spot,
        w.audit_count(),
    )


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def test_random_action_sequences_keep_the_invariants(w: World) -> None:
    slot_ids = [w.supervisor_id, *w.inspector_ids, 99_999]
    numbers: set[str] = set()

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(level=st.sampled_from(["一般隐患", "重大隐患"]), data=st.data())
    def run(level: str, data: st.DataObject) -> None:
        hid = w.new_hazard(level=level)
        number = w.hazard(hid).number
        assert number not in numbers
        numbers.add(number)
        for _ in range(data.draw(st.integers(1, 20), label="steps")):
            h = w.hazard(hid)
            roll = data.draw(st.integers(0, 9))
            command = data.draw(plausible(h) if roll < 7 else COMMANDS, label="command")
            if isinstance(command, Review):
                command = replace(command, inspector_ids=[slot_ids[k] for k in command.inspector_ids])
            actor = w.boss if data.draw(st.booleans(), label="as supervisor") else w.actor
            facts, before = HazardFacts.of(h), _fingerprint(w, hid)
            stale = roll == 9  # one step in ten comes from a form opened before the last change
            version = h.version - 1 if stale else h.version
            try:
                w.hazards.act(actor, hid, command, version=version)
            except DomainError:
                event(f"refused {command.action.value}")
                assert _fingerprint(w, hid) == before, f"refused {command} changed something"
                continue
            after = w.hazard(hid)
            event(f"applied {command.action.value}")
            assert not stale or command.action in APPEND_ONLY  # a note or photo never conflicts
            assert refusal(command.action, facts, actor) is None, "succeeded although the rules refuse it"
            assert after.state in set(HazardState)
            if facts.state == HazardState.CLOSED:
                assert after.state == HazardState.CLOSED
            events = w.audit_count() - before[-1]
            if isinstance(command, EditDetails) and after.version == before[1]:
                assert events == 0  # saving unchanged details is not a change
                continue
            assert events == 1
            assert after.version == before[1] + 1
            assert w.events(hid)[-1].action == command.action.value
            if isinstance(command, Review):
                expected = HazardState.CLOSED if command.result == "合格" else HazardState.RECTIFYING
            else:
                expected = TARGET.get(command.action, HazardState(facts.state))
            assert after.state == expected
            if after.state == HazardState.CLOSED:
                assert after.closed_on is not None
            if after.level == "重大隐患" and after.state == HazardState.CLOSED:
                assert w.hazards.detail(hid).supervision.delisted_on == after.closed_on
            if after.state == HazardState.RECTIFYING:
                assert not w.hazards.detail(hid).plan.missing  # 整改中 always has all five in place

    run()


def test_numbers_are_unique_and_consecutive_over_many_hazards(w: World) -> None:
    for batch in range(12):
        w.inspections.record(w.actor, w.visit(*[hazard_input(batch * 10 + k) for k in range(10)]))
    with w.db.reading() as s:
        numbers = list(s.scalars(select(Hazard.number).order_by(Hazard.id)))
    assert numbers == [f"YH2026-{n:06d}" for n in range(1, 121)]


def test_numbers_stay_unique_with_concurrent_writers(w: World) -> None:
    """Four threads recording at once (one connection each) never draw the same number."""
    errors: list[BaseException] = []

    def worker(k: int) -> None:
        try:
            for i in range(8):
                w.hazards.record(w.actor, w.enterprise_id, hazard_input(k * 100 + i), FOUND)
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with w.db.reading() as s:
        numbers = list(s.scalars(select(Hazard.number)))
    assert len(numbers) == 32 == len(set(numbers))
    assert sorted(numbers) == [f"YH2026-{n:06d}" for n in range(1, 33)]
