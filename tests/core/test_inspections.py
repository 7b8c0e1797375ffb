"""Recording a visit with its hazards in one transaction, the refusals, and the inspection lists."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import func, select

from inspector.core.errors import ValidationError
from inspector.core.inspections import FEW_INSPECTORS_WARNING, InspectionFilter, parse_time
from inspector.core.lifecycle import PlanInput
from inspector.core.photos import PhotoInput
from inspector.db.models import AuditEvent, Hazard, Inspection, Photo, Sequence
from tests.core.test_lifecycle_support import FOUND, JPEG, TODAY, World, day, full_plan, hazard_input
from tests.factories import enterprise_input


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def _counts(w: World) -> tuple[int, int, int, int]:
    with w.db.reading() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Inspection, Hazard, AuditEvent, Photo)
        )


def test_a_visit_with_three_hazards_is_one_transaction(w: World) -> None:
    data = w.visit(
        hazard_input(1, photos=[PhotoInput("整改前", JPEG, filename="1.jpg")]),
        hazard_input(2, level="重大隐患", plan=full_plan(day(30))),
        hazard_input(3, rectified_on_spot=True, on_spot_measures="当场清理"),
    )
    result = w.inspections.record(w.actor, data)
    assert result.warnings == []
    assert [h.number for h in result.hazards] == ["YH2026-000001", "YH2026-000002", "YH2026-000003"]
    states = [w.hazard(h.id).state for h in result.hazards]
    assert states == ["待整改", "整改中", "已销号"]
    detail = w.inspections.get(result.id)
    assert (detail.inspected_on, detail.start_time, detail.end_time) == (FOUND, time(9), time(11, 30))
    assert [i.name for i in detail.inspectors] == ["张检查", "李检查"]
    assert [h.number for h in detail.hazards] == ["YH2026-000001", "YH2026-000002", "YH2026-000003"]
    assert detail.hazards[1].supervised and not detail.hazards[0].supervised
    assert all(h.found_on == FOUND for h in detail.hazards)
    [event] = detail.timeline
    assert (
        event.summary
        == "登记检查记录：常州市新北区测试化工有限公司1 2026-11-06 日常检查（张检查、李检查），发现隐患3条"
    )
    assert event.after["hazards"] == ["YH2026-000001", "YH2026-000002", "YH2026-000003"]
    assert [p.filename for p in w.photos.list(result.hazards[0].id)] == ["1.jpg"]


def test_a_bad_third_hazard_writes_nothing(w: World) -> None:
    before = _counts(w)
    data = w.visit(hazard_input(1), hazard_input(2), hazard_input(3, description="  ", category="消防"))
    with pytest.raises(ValidationError) as info:
        w.inspections.record(w.actor, data)
    assert [e.message for e in info.value.errors] == [
        "第3条隐患 隐患描述不能为空",
        "第3条隐患 隐患类别“消防”无效，可选：基础管理、现场管理",
    ]
    assert [(e.field, e.item) for e in info.value.errors] == [("description", 3), ("category", 3)]
    assert _counts(w) == before
    with w.db.reading() as s:
        assert s.scalar(select(Sequence.value)) is None  # no number was drawn
    # The next good visit starts at number 1.
    assert w.inspections.record(w.actor, w.visit(hazard_input(1))).hazards[0].number == "YH2026-000001"


def test_hazard_errors_name_their_row_and_field(w: World) -> None:
    data = w.visit(
        hazard_input(1, location=""),
        hazard_input(2, plan=PlanInput(funds="-3", deadline="2026-11-01")),
        hazard_input(3, level="特大隐患", photos=[PhotoInput("整改前", b"GIF89a", filename="a.gif")]),
        hazard_input(4, level="重大隐患", rectified_on_spot=True),
    )
    with pytest.raises(ValidationError) as info:
        w.inspections.record(w.actor, data)
    assert [e.message for e in info.value.errors] == [
        "第1条隐患 隐患部位不能为空",
        "第2条隐患 整改资金不能为负数",
        "第2条隐患 整改时限不能早于发现日期（2026-11-06）",
        "第3条隐患 隐患等级“特大隐患”无效，可选：一般隐患、重大隐患",
        "第3条隐患 照片“a.gif”不是JPEG或PNG图片",
        "第4条隐患 重大隐患不能立查立改，须制定整改方案并挂牌督办",
    ]


def test_header_errors(w: World) -> None:
    data = w.visit(
        enterprise_id=None,
        inspected_on=day(1),
        kind="夜查",
        inspector_ids=[],
        start_time="10:00",
        end_time="09:30",
    )
    with pytest.raises(ValidationError) as info:
        w.inspections.record(w.actor, data)
    assert [e.message for e in info.value.errors] == [
        "被检查单位不能为空",
        "检查日期不能晚于今天",
        "检查类型“夜查”无效，可选：日常检查、专项检查、“四不两直”暗访、执法检查、复查、深度安全体检、交叉检查",
        "检查结束时间须晚于检查开始时间",
        "检查人员不能为空",
    ]
    data = w.visit(enterprise_id=999, start_time="", end_time="25:00", inspector_ids=[1, 12345])
    with pytest.raises(ValidationError) as info:
        w.inspections.record(w.actor, data)
    assert [e.message for e in info.value.errors] == [
        "未找到被检查单位（编号 999）",
        "检查开始时间不能为空",
        "检查结束时间“25:00”不是有效时间，应如 09:30",
        "未找到检查人员（编号 12345）",
    ]
    assert _counts(w)[0] == 0


def test_enforcement_needs_two_certified_inspectors(w: World) -> None:
    one = w.visit(kind="执法检查", inspector_ids=[w.inspector_ids[0]])
    with pytest.raises(ValidationError) as info:
        w.inspections.record(w.actor, one)
    assert str(info.value) == "执法检查须由2名以上执法人员进行"
    uncertified = w.visit(kind="执法检查", inspector_ids=[w.inspector_ids[0], w.inspector_ids[2]])
    with pytest.raises(ValidationError) as info:
        w.inspections.record(w.actor, uncertified)
    assert str(info.value) == "执法检查人员须持有执法证：王五未填写执法证号"
    ok = w.inspections.record(w.actor, w.visit(kind="执法检查"))
    assert ok.warnings == []


def test_other_kinds_with_one_inspector_only_warn(w: World) -> None:
    data = w.visit(inspector_ids=[w.inspector_ids[2]], kind="“四不两直”暗访")
    assert w.inspections.check(data) == [FEW_INSPECTORS_WARNING]
    assert _counts(w)[0] == 0  # check() writes nothing
    result = w.inspections.record(w.actor, data)
    assert result.warnings == [FEW_INSPECTORS_WARNING]


def test_inactive_inspector_is_refused(w: World) -> None:
    w.inspectors.set_active(w.boss, w.inspector_ids[1], False)
    with pytest.raises(ValidationError, match="检查人员“李检查”已停用"):
        w.inspections.record(w.actor, w.visit())


def test_parse_time_accepts_what_people_type() -> None:
    assert parse_time("9:05", "t", field="start_time") == time(9, 5)
    assert parse_time("09：30", "t", field="start_time") == time(9, 30)
    assert parse_time(time(8), "t", field="start_time") == time(8)
    with pytest.raises(ValidationError, match="检查开始时间“九点”不是有效时间") as err:
        parse_time("九点", "检查开始时间", field="start_time")
    assert [e.field for e in err.value.errors] == ["start_time"]


def test_list_filter_page_and_enterprise_file(w: World) -> None:
    other = w.enterprises.create(w.boss, enterprise_input(2, name="薛家化工", jurisdiction="薛家镇"))
    for n in range(1, 8):
        w.inspections.record(
            w.actor,
            w.visit(
                *[hazard_input(n * 10 + k) for k in range(n % 3)],
                inspected_on=day(-n),
                kind="专项检查" if n % 2 else "日常检查",
                enterprise_id=other if n >= 6 else w.enterprise_id,
                inspector_ids=[w.inspector_ids[2]] if n == 7 else w.inspector_ids[:2],
            ),
        )
    svc = w.inspections
    assert svc.count(InspectionFilter()) == 7
    assert svc.count(InspectionFilter(kind="专项检查")) == 4
    assert svc.count(InspectionFilter(jurisdiction="薛家镇")) == 2
    assert svc.count(InspectionFilter(text="薛家")) == 2
    assert svc.count(InspectionFilter(inspector_id=w.inspector_ids[2])) == 1
    assert svc.count(InspectionFilter(date_from=day(-3), date_to=day(-2))) == 2
    page = svc.page(InspectionFilter(), 0, 3)
    assert [r.inspected_on for r in page] == [day(-1), day(-2), day(-3)]
    first = page[0]
    assert (first.inspectors, first.hazard_count, first.open_hazard_count) == ("张检查、李检查", 1, 1)
    assert [
        r.inspected_on for r in svc.page(InspectionFilter(), 3, 3, sort="inspected_on", descending=False)
    ] == [day(-4), day(-3), day(-2)]
    by_name = svc.page(InspectionFilter(), 0, 10, sort="enterprise_name")
    assert [r.enterprise_name for r in by_name][:2] == ["薛家化工", "薛家化工"]
    assert [r.inspected_on for r in svc.for_enterprise(other)] == [day(-6), day(-7)]
    assert svc.for_enterprise(other)[1].inspectors == "王五"


def test_a_visit_today_without_hazards(w: World) -> None:
    result = w.inspections.record(w.actor, w.visit(inspected_on=TODAY.isoformat(), notes="未发现隐患"))
    assert result.hazards == []
    assert w.inspections.get(result.id).notes == "未发现隐患"
