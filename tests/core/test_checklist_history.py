"""What the checklist results add up to: the items failed most often per period and 属地 (an item is
its checklist code + number across versions), and an enterprise's history per item."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.core.checklists import (
    ChecklistResultInput,
    ChecklistService,
    OfficeChecklistInput,
    OfficeItemInput,
)
from inspector.core.enums import CategoryKind
from inspector.core.errors import NotFoundError
from inspector.core.lifecycle import ReportDone, Review, StartRectification
from inspector.core.statistics import Period, StatisticsService
from tests.core.test_lifecycle_support import ADMIN, World, day, full_plan
from tests.factories import enterprise_input

PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def w(db) -> World:
    return World.build(db)


@pytest.fixture
def svc(w: World) -> ChecklistService:
    return ChecklistService(w.db, w.clock)


def _dust(w: World, n: int, jurisdiction: str) -> int:
    return w.enterprises.create(
        ADMIN,
        enterprise_input(
            n, categories=["涉爆粉尘"], dust_kind="铝镁金属粉尘", dust_workers=15, jurisdiction=jurisdiction
        ),
    )


def _visit(
    w: World, svc: ChecklistService, eid: int, on: date, answers: dict[str, str], code: str = "GM-2023"
) -> int:
    """A visit answering items of ``code`` by number; each 不合格 registers its drafted hazard."""
    items = {i.number: i for i in next(c for c in svc.offered(eid) if c.code == code).items}
    hazards, results = [], []
    for number, result in answers.items():
        item = items[number]
        assert item.id is not None
        hazard = None
        if result == "不合格":
            draft = svc.draft_hazard(item.id).hazard
            draft.location, draft.category = "车间", "现场管理"
            hazards.append(draft)
            hazard = len(hazards)
        results.append(ChecklistResultInput(item.id, result, hazard=hazard))
    data = w.visit(*hazards, enterprise_id=eid, inspected_on=on, checklist_results=results)
    return w.inspections.record(w.actor, data).id


def _close(w: World, hazard_id: int) -> None:
    w.hazards.act(w.actor, hazard_id, StartRectification(full_plan(day(14))))
    w.hazards.act(w.actor, hazard_id, ReportDone(day(-2)))
    w.hazards.act(w.boss, hazard_id, Review("合格", [w.supervisor_id], day(-1)))


def test_the_most_failed_items_per_period_and_jurisdiction(w: World, svc: ChecklistService) -> None:
    a, b = _dust(w, 2, "春江镇"), _dust(w, 3, "罗溪镇")
    _visit(w, svc, a, day(-60), {"第十一条（一）": "合格", "第十一条（三）": "不合格"})
    _visit(w, svc, a, day(-30), {"第十一条（一）": "不合格", "第十一条（三）": "不合格"})
    _visit(
        w,
        svc,
        b,
        day(-20),
        {"第十一条（一）": "不适用", "第十一条（三）": "不合格", "第十一条（五）": "合格"},
    )
    _visit(w, svc, b, date(2025, 6, 1), {"第十一条（五）": "不合格"})  # before the period
    stats = StatisticsService(w.db, w.clock)

    rows = stats.failed_items(PERIOD)
    assert [(r.number, r.failures, r.checked) for r in rows] == [
        ("第十一条（三）", 3, 3),
        ("第十一条（一）", 1, 2),
    ]
    top = rows[0]
    assert top.code == "GM-2023" and top.share == 1.0 and top.major
    assert top.content.startswith("干式除尘系统未采取泄爆") and top.title.startswith(
        "工贸企业重大事故隐患判定标准"
    )
    assert rows[1].share == 0.5  # 不适用 is not a check: 1 failure in 2 visits that checked it

    assert [(r.number, r.failures) for r in stats.failed_items(PERIOD, "罗溪镇")] == [("第十一条（三）", 1)]
    assert all(r.jurisdiction == "罗溪镇" for r in stats.failed_items(PERIOD, "罗溪镇"))
    per = stats.failed_items(PERIOD, per_jurisdiction=True)
    assert [(r.jurisdiction, r.number, r.failures) for r in per] == [
        ("春江镇", "第十一条（三）", 2),
        ("春江镇", "第十一条（一）", 1),
        ("罗溪镇", "第十一条（三）", 1),
    ]
    assert stats.failed_items(PERIOD, limit=1) == rows[:1]
    assert [r.number for r in stats.failed_items(Period.year(2025))] == ["第十一条（五）"]
    assert "罗溪镇" in stats.jurisdictions() and "春江镇" in stats.jurisdictions()


def test_an_item_is_the_same_item_across_versions(w: World, svc: ChecklistService) -> None:
    def office(*contents: str) -> OfficeChecklistInput:
        return OfficeChecklistInput(
            "粉尘防爆专项检查表",
            [CategoryKind.DUST.value],
            [OfficeItemInput("现场管理", c) for c in contents],
        )

    made = svc.create(w.boss, office("除尘系统按规定清灰", "作业现场无积尘"))
    eid = _dust(w, 2, "春江镇")
    _visit(w, svc, eid, day(-40), {"第1项": "不合格"}, code=made.code)
    svc.edit(w.boss, made.code, office("除尘系统每班清灰", "作业现场无积尘"))
    _visit(w, svc, eid, day(-20), {"第1项": "不合格", "第2项": "合格"}, code=made.code)
    [row] = StatisticsService(w.db, w.clock).failed_items(PERIOD)
    assert (row.code, row.number, row.failures, row.checked) == (made.code, "第1项", 2, 2)
    assert row.content == "除尘系统每班清灰"  # the text of the latest version used
    [first, second] = svc.history(eid)
    assert first.content == "除尘系统每班清灰" and len(first.entries) == 2
    assert (second.number, [e.result for e in second.entries]) == ("第2项", ["合格"])


def test_an_enterprise_history_per_item_says_failed_last_time_and_fixed(
    w: World, svc: ChecklistService
) -> None:
    eid = _dust(w, 2, "春江镇")
    first = _visit(w, svc, eid, day(-60), {"第十一条（一）": "合格", "第十一条（三）": "不合格"})
    second = _visit(w, svc, eid, day(-30), {"第十一条（一）": "不合格", "第十一条（三）": "合格"})
    [fixed_hazard] = w.inspections.get(first).hazards
    _close(w, fixed_hazard.id)
    [open_hazard] = w.inspections.get(second).hazards

    history = {h.number: h for h in svc.history(eid)}
    assert list(history) == ["第十一条（一）", "第十一条（三）"]  # the checklist's order
    three = history["第十一条（三）"]
    assert [(e.inspection_id, e.inspected_on, e.result) for e in three.entries] == [
        (first, day(-60), "不合格"),
        (second, day(-30), "合格"),
    ]
    assert three.entries[0].hazard_number == fixed_hazard.number and three.entries[0].hazard_closed is True
    assert three.entries[1].hazard_closed is None and three.open_failures == 0 and three.failures == 1
    one = history["第十一条（一）"]
    assert one.last.failed and one.last.hazard_number == open_hazard.number
    assert one.last.hazard_closed is False and one.open_failures == 1
    assert svc.history(_dust(w, 3, "罗溪镇")) == []
    with pytest.raises(NotFoundError):
        svc.history(999_999)
