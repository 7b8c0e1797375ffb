"""Start-up in the main window: the remembered inspector acts, and one overdue reminder opens the list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector.core.audit import SYSTEM
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.ui import app as app_module
from inspector.ui.app import create_main_window, start_session
from inspector.ui.settings import Settings
from tests.factories import enterprise_input


def _answer(monkeypatch: pytest.MonkeyPatch, button_text: str, shown: list[str]) -> None:
    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


@pytest.fixture
def district(ui_services):  # type: ignore[no-untyped-def]
    s = ui_services
    boss = s.inspectors.create(SYSTEM, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    zhang = s.inspectors.create(s.inspectors.actor_for(boss), InspectorInput("张伟", "32041120002", "安监科"))
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    today = date.today()
    s.inspections.record(
        s.inspectors.actor_for(zhang),
        InspectionInput(
            enterprise_id=eid,
            inspected_on=today - timedelta(days=20),
            kind="日常检查",
            inspector_ids=[boss, zhang],
            start_time="09:00",
            end_time="10:00",
            hazards=[
                HazardInput(
                    location="仓库",
                    description="消防通道堵塞",
                    category="现场管理",
                    deadline=today - timedelta(days=2),
                ),
                HazardInput(
                    location="车间",
                    description="配电箱未接地",
                    category="现场管理",
                    deadline=today + timedelta(days=20),
                ),
            ],
        ),
    )
    return s, zhang


def test_remembered_inspector_acts_and_the_overdue_reminder_opens_the_list(
    qtbot, district, monkeypatch
) -> None:
    services, zhang = district
    settings = Settings()
    settings.set_current_inspector_id(zhang)
    window = create_main_window(services, SYSTEM, settings)
    qtbot.addWidget(window)
    window.show()
    shown: list[str] = []
    _answer(monkeypatch, "查看", shown)

    start_session(window)

    assert window.actor.name == "张伟" and window.actor.id == zhang
    assert window.actor_status.text() == "当前用户：张伟"
    assert shown == ["有 1 条隐患已超过整改时限仍未销号。"]
    assert window.current_page_key() == "hazards"
    assert window.hazard_page.model.total() == 1
    assert window.hazard_page.model.row_at(0).description == "消防通道堵塞"


def test_cancelled_chooser_leaves_the_system_user_and_says_how_to_choose(
    qtbot, district, monkeypatch
) -> None:
    services, _zhang = district
    window = create_main_window(services, SYSTEM, Settings())
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(app_module, "choose_current_inspector", lambda *a, **k: None)
    shown: list[str] = []
    _answer(monkeypatch, "稍后", shown)

    start_session(window)

    assert window.actor is SYSTEM
    assert "未选择检查人员" in window.statusBar().currentMessage()
    assert shown == ["有 1 条隐患已超过整改时限仍未销号。"] and window.current_page_key() == "home"
