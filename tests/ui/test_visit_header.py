"""VisitHeader (检查信息) alone: the inspectors it is given, the picked enterprise's defaults, its data."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.ui.visit_header import VisitHeader
from tests.factories import enterprise_input


def test_header_ticks_the_actor_fills_defaults_and_builds_the_input(
    qtbot: QtBot, ui_services: Services
) -> None:
    s = ui_services
    eid = s.enterprises.create(SYSTEM, enterprise_input(3))
    boss = s.inspectors.create(SYSTEM, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    zhang = s.inspectors.create(s.inspectors.actor_for(boss), InspectorInput("张伟", "32041120002", "安监科"))
    header = VisitHeader(s, s.inspectors.actor_for(zhang), s.inspectors.list())
    qtbot.addWidget(header)

    assert header.inspector_ids() == [zhang]  # the current inspector, ticked
    assert "执法证号：32041120002" in header.inspector_boxes[zhang].toolTip()
    header.picker.set_enterprise(eid)
    assert header.place.text() == "常州市新北区春江镇滨江路3号"  # the address by default
    assert header._people_model.stringList() == [
        "李安全（安全总监）",
        "王建国（主要负责人）",
        "王建国（法定代表人）",
    ]

    moved: list[date] = []
    header.date_changed.connect(moved.append)
    day = date.today() - timedelta(days=2)
    header.inspected_on.set_value(day)
    assert moved == [day] and header.found_on() == day

    data = header.data([])
    assert (data.enterprise_id, data.inspected_on, data.inspector_ids, data.hazards) == (
        eid,
        day,
        [zhang],
        [],
    )
    header.set_error("place", "检查场所过长")
    header.place.setText("2号车间")  # fixing a field takes its message away
    assert not header.errors["place"].isVisible()
