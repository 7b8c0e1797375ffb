"""The tracker's filter bar on its own: its reads are ops, typing is never held."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.hazards import HazardFilter
from inspector.ui.hazard_filters import HazardFilterBar, default_filter, describe_filter
from tests.factories import enterprise_input
from tests.ui.conftest import Messages

ADMIN = Actor(id=None, name="管理员")


def test_suggestions_arrive_while_typing_and_a_late_answer_is_dropped(
    qtbot: QtBot, ui_services: Services
) -> None:
    ui_services.enterprises.create(ADMIN, enterprise_input(1))
    ui_services.enterprises.create(ADMIN, enterprise_input(2, name="薛家金属制品有限公司"))
    bar = HazardFilterBar(ui_services)
    qtbot.addWidget(bar)
    bar.enterprise_edit.setText("薛家")
    bar._enterprise_typed("薛家")  # what textEdited does: a non-blocking op
    qtbot.waitUntil(lambda: bar._completer_model.stringList() == ["薛家金属制品有限公司"])
    bar.enterprise_edit.setText("测试")
    bar._suggest("薛家", [(9, "旧的答复", "")])  # an answer for the text typed before
    assert bar._completer_model.stringList() == ["薛家金属制品有限公司"]


def test_an_enterprise_that_cannot_be_read_shows_its_number(
    qtbot: QtBot, ui_services: Services, messages: Messages
) -> None:
    bar = HazardFilterBar(ui_services)
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.changed):
        bar.set_enterprise(424242)
    assert bar.enterprise_edit.text() == "企业 424242"
    assert bar.current_filter().enterprise_id == 424242
    assert messages.shown == []


def test_the_filter_in_words() -> None:
    assert describe_filter(default_filter()) == "状态：未销号"
    words = describe_filter(HazardFilter(overdue_only=True, text=" 粉尘 "), enterprise_name="某企业")
    assert words == "状态：全部；仅逾期；关键词：粉尘"
