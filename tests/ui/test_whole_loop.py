"""The whole loop in the main window, as an inspector does it on a working day.

登记检查 from the menu with three hazards (one fixed on the spot, one general, one major), the
order printed from 检查记录, the general hazard driven through a failed and a passed 复查 in the
tracker's detail pane, and the major hazard that the inspector cannot close but the 科室负责人,
after 切换当前检查人员, can. Every step is checked in the database and on screen.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import MAJOR_CLOSE_REFUSAL, Action
from inspector.ui import app as app_module
from inspector.ui import print_actions
from inspector.ui.action_dialogs import ReviewDialog
from inspector.ui.app import create_main_window
from inspector.ui.main_window import MainWindow
from inspector.ui.settings import Settings
from tests.factories import enterprise_input
from tests.ui.conftest import Messages, fill_hazard

TODAY = date.today()


def click(qtbot: QtBot, widget: Any) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def team(ui_services: Services) -> dict[str, int]:
    s = ui_services
    boss = s.inspectors.create(
        SYSTEM, InspectorInput("赵科长", "32041120001", "区应急管理局安监科", "科室负责人")
    )
    as_boss = s.inspectors.actor_for(boss)
    return {
        "boss": boss,
        "zhang": s.inspectors.create(as_boss, InspectorInput("张伟", "32041120002", "区应急管理局安监科")),
        "li": s.inspectors.create(as_boss, InspectorInput("李强", "32041120003", "区应急管理局安监科")),
        "enterprise": s.enterprises.create(as_boss, enterprise_input(7, name="常州春江粉末冶金有限公司")),
    }


def open_window(qtbot: QtBot, services: Services, inspector_id: int) -> MainWindow:
    settings = Settings()
    settings.set_current_inspector_id(inspector_id)
    window = create_main_window(services, SYSTEM, settings)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    app_module.start_session(window)  # nothing overdue yet: no reminder
    return window


def test_a_visit_with_three_hazards_through_to_closure(
    qtbot: QtBot,
    ui_services: Services,
    team: dict[str, int],
    messages: Messages,
    drive: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = ui_services
    window = open_window(qtbot, s, team["zhang"])
    assert window.actor.name == "张伟" and not window.actor.is_supervisor

    # -- 1. 登记检查 (Ctrl+Shift+N) with three hazards ------------------------------------------------
    window.visit_action.trigger()
    dlg = window.visit_dialog
    assert dlg is not None
    dlg.header.picker.set_enterprise(team["enterprise"])
    click(qtbot, dlg.header.inspector_boxes[team["li"]])
    dlg.header.representative.setText("王建国（主要负责人）")

    click(qtbot, dlg.add_hazard_button)
    fill_hazard(dlg.editors[0], "配电室", "配电箱前堆放杂物", "现场管理 › 电气")
    click(qtbot, dlg.editors[0].on_spot)
    dlg.editors[0].on_spot_measures.setText("当场清理杂物")

    click(qtbot, dlg.add_hazard_button)
    fill_hazard(dlg.editors[1], "1号除尘器", "除尘器未设置泄爆装置", "现场管理 › 粉尘防爆")
    dlg.editors[1].legal_basis.setText("《工贸企业粉尘防爆安全规定》第十三条")

    click(qtbot, dlg.add_hazard_button)
    fill_hazard(
        dlg.editors[2], "铝粉仓库", "铝镁粉尘湿法除尘废水未及时清理，存在氢气积聚", "现场管理 › 粉尘防爆"
    )
    click(qtbot, dlg.editors[2].major)

    click(qtbot, dlg.save_button)
    recorded = dlg.recorded
    assert recorded is not None, dlg.summary_label.text()
    on_spot, general, major = (h.id for h in recorded.hazards)
    numbers = [h.number for h in recorded.hazards]
    assert window.statusBar().currentMessage() == f"已登记检查，发现隐患 3 条：{'、'.join(numbers)}"
    prompt = window.print_prompt  # the visit's documents offered at once (printed below from 检查记录)
    assert prompt.isVisible() and len(prompt.buttons) == 2
    click(qtbot, prompt.close_button)
    assert [s.hazards.detail(h).state for h in (on_spot, general, major)] == ["已销号", "待整改", "待整改"]
    assert s.hazards.detail(major).supervision is not None  # 重大隐患: listed for supervision at once

    # -- 2. the order, printed from 检查记录 ------------------------------------------------------------
    opened: list[Path] = []
    monkeypatch.setattr(print_actions, "open_file", lambda path: opened.append(Path(path)) or True)
    window.show_page("inspections")
    page = window.inspection_page
    assert page.select_id(recorded.id)
    click(qtbot, page.order_button)
    [pdf] = opened
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "责令限期整改指令书" in text and "常州春江粉末冶金有限公司" in text
    for description in ("除尘器未设置泄爆装置", "氢气积聚"):
        assert description in text.replace("\n", "")

    # -- 3. the tracker: two open hazards; the general one through the loop ------------------------
    window.show_page("hazards")
    tracker = window.hazard_page
    assert tracker.model.total() == 2  # 未销号 by default: the on-the-spot one is closed
    assert tracker.select_id(general)
    pane = window.hazard_detail
    assert pane.hazard_id == general and pane.header.number_label.text() == numbers[1]

    pane.plan.inputs["responsible_unit"].setText("设备部")
    pane.plan.inputs["responsible_person"].setText("王建国")
    pane.plan.inputs["measures"].setPlainText("加装泄爆片并委托检测")
    qtbot.keyClicks(pane.plan.inputs["funds"], "12000")
    pane.plan.inputs["deadline"].set_value(TODAY + timedelta(days=15))
    pane.plan.inputs["contingency"].setPlainText("整改完成前停用1号除尘器")
    click(qtbot, pane.action_buttons[Action.START])
    assert s.hazards.detail(general).state == "整改中"

    drive(lambda d: d.note.setPlainText("已加装泄爆片"))
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])
    assert s.hazards.detail(general).state == "待复查"

    second_deadline = TODAY + timedelta(days=10)

    def fail(d: ReviewDialog) -> None:
        d.failed.setChecked(True)
        d.opinion.setPlainText("泄爆片规格与设计不符")
        d.new_deadline.set_value(second_deadline)

    drive(fail)
    click(qtbot, pane.action_buttons[Action.REVIEW])
    after_fail = s.hazards.detail(general)
    assert (after_fail.state, after_fail.deadline) == ("整改中", second_deadline)

    drive(lambda d: d.note.setPlainText("已更换合格泄爆片"))
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])
    drive(lambda d: (d.passed.setChecked(True), d.opinion.setPlainText("整改到位")))
    click(qtbot, pane.action_buttons[Action.REVIEW])
    assert s.hazards.detail(general).state == "已销号"
    assert [r.result for r in s.hazards.detail(general).reinspections] == ["不合格", "合格"]
    assert tracker.model.total() == 1  # the list followed: only the major hazard is open

    # -- 4. the major hazard: the inspector cannot close it, the supervisor can ----------------------
    assert tracker.select_id(major)
    assert pane.hazard_id == major
    pane.plan.inputs["responsible_unit"].setText("安全部")
    pane.plan.inputs["responsible_person"].setText("李安全")
    pane.plan.inputs["measures"].setPlainText("增设废水收集池和氢气检测报警装置")
    qtbot.keyClicks(pane.plan.inputs["funds"], "80000")
    pane.plan.inputs["deadline"].set_value(TODAY + timedelta(days=30))
    pane.plan.inputs["contingency"].setPlainText("停产整改，现场禁止明火")
    click(qtbot, pane.action_buttons[Action.START])
    drive(lambda d: d.note.setPlainText("整改完成，申请复查"))
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])

    def try_close(d: ReviewDialog) -> None:
        assert not d.passed.isEnabled()  # 合格 (销号) is not offered to an inspector
        d.passed.setChecked(True)  # as if the rule were bypassed: the core refuses anyway

    drive(try_close)
    click(qtbot, pane.action_buttons[Action.REVIEW])
    assert messages.texts("warning")[-1] == MAJOR_CLOSE_REFUSAL
    assert s.hazards.detail(major).state == "待复查"

    monkeypatch.setattr(app_module, "choose_current_inspector", lambda *a, **k: None)  # not used below
    window.set_actor(s.inspectors.actor_for(team["boss"]))
    assert window.actor_status.text() == "当前用户：赵科长（负责人）"
    pane.reload()
    drive(lambda d: (d.passed.setChecked(True), d.opinion.setPlainText("隐患已消除，同意销号摘牌")))
    click(qtbot, pane.action_buttons[Action.REVIEW])
    closed = s.hazards.detail(major)
    assert closed.state == "已销号"
    assert closed.supervision is not None and closed.supervision.delisted_on == TODAY
    assert tracker.model.total() == 0

    # -- 5. the 工作台 agrees: nothing open, nothing under supervision ---------------------------------
    window.show_page("home")
    shown = {key: b.count_label.text() for key, b in window.home_page.tile_buttons.items()}
    assert shown == {"open": "0", "overdue": "0", "due_soon": "0", "supervised": "0"}
