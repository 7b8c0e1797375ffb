"""机关设置 and the document chain through the real widgets: a district other than 新北 sets itself up
at the first start, then prints; deliveries, on-site measures and one opinion per 复查."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QLineEdit

from inspector.core.audit import SYSTEM, Actor
from inspector.core.enums import DocumentKind, OnsiteMeasure
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import PlanInput, ReportDone, Review, StartRectification
from inspector.ui import print_actions
from inspector.ui.action_dialogs import OnsiteMeasuresDialog
from inspector.ui.app import create_main_window, start_session
from inspector.ui.delivery_dialog import DeliveryDialog
from inspector.ui.hazard_detail import HazardDetail
from inspector.ui.inspection_detail import InspectionDetailDialog
from inspector.ui.office_dialog import OfficeDialog, edit_office
from inspector.ui.settings import Settings
from tests.conftest import clear_office
from tests.factories import enterprise_input


def text_of(path: Path) -> str:
    return re.sub(
        r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    )


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """PDFs the app asked the system viewer to open (no viewer runs in tests)."""
    paths: list[Path] = []
    monkeypatch.setattr(print_actions, "open_file", lambda p: paths.append(Path(p)) or True)
    return paths


@pytest.fixture
def visit(ui_services):  # type: ignore[no-untyped-def]
    s = ui_services
    boss = s.inspectors.create(SYSTEM, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    lead = s.inspectors.actor_for(boss)
    zhang = s.inspectors.create(lead, InspectorInput("张伟", "320411200200300401", "安监科"))
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    day = date.today() - timedelta(days=30)
    recorded = s.inspections.record(
        lead,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=day,
            kind="执法检查",
            inspector_ids=[boss, zhang],
            start_time="09:00",
            end_time="10:30",
            representative="赵安全",
            hazards=[
                HazardInput(
                    location="仓库",
                    description="消防通道堵塞",
                    category="现场管理",
                    deadline=day + timedelta(days=10),
                ),
                HazardInput(
                    location="车间",
                    description="反应釜联锁未投用",
                    category="现场管理",
                    deadline=day + timedelta(days=20),
                    onsite_measures=(OnsiteMeasure.STOP_EQUIPMENT.value,),
                ),
            ],
        ),
    )
    return s, lead, boss, zhang, recorded, day


def test_first_start_asks_for_the_office_and_a_district_sets_itself_up(
    qtbot, ui_services, visit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, opened: list[Path], messages
) -> None:
    s, lead, boss, _zhang, recorded, _day = visit
    clear_office(s.db)
    settings = Settings(tmp_path / "settings.ini")
    settings.set_current_inspector_id(boss)
    shown: list[OfficeDialog] = []

    def fill(dialog: OfficeDialog) -> int:
        shown.append(dialog)
        values = {
            "authority": "常州市武进区应急管理局",
            "prefix": "武进",
            "region": "武进区",
            "reconsideration_government": "常州市武进区人民政府",
            "court": "常州市武进区人民法院",
            "address": "常州市武进区延政中路",
        }
        for name, value in values.items():
            widget = dialog.inputs[name]
            assert isinstance(widget, QLineEdit)
            widget.setText(value)
        assert "（武进）应急责改〔" in dialog.preview.text()
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(OfficeDialog, "exec", fill)
    window = create_main_window(ui_services, SYSTEM, settings)
    qtbot.addWidget(window)
    start_session(window)
    assert len(shown) == 1 and window.services.office.get().authority == "常州市武进区应急管理局"

    path = print_actions.print_document(window, s, lead, DocumentKind.RECTIFICATION_ORDER, recorded.id)
    assert path is not None and path == opened[-1]
    text = text_of(path)
    assert "常州市武进区应急管理局" in text and "（武进）应急责改〔" in text
    assert "向常州市武进区人民政府申请行政复议" in text and "新北" not in text.replace("新北区测试", "")


def test_office_dialog_shows_the_core_messages_under_the_fields(qtbot, ui_services) -> None:
    office = ui_services.office
    dialog = OfficeDialog(ui_services, SYSTEM, office.get())
    qtbot.addWidget(dialog)
    prefix = dialog.inputs["prefix"]
    assert isinstance(prefix, QLineEdit)
    prefix.setText("（新北）")
    dialog.inputs["court"].setText("")  # type: ignore[attr-defined]
    assert not dialog.try_save()
    assert "括号" in dialog.errors["prefix"].text() and dialog.errors["prefix"].isVisibleTo(dialog)
    assert dialog.errors["court"].text() == "行政诉讼法院不能为空"
    assert office.get().prefix == "新北"  # nothing written
    prefix.setText("新北")
    assert not dialog.errors["prefix"].isVisibleTo(dialog)  # the message leaves as the user fixes it
    dialog.inputs["court"].setText("常州市中级人民法院")  # type: ignore[attr-defined]
    dialog.rate_buttons["open"].setChecked(True)
    assert dialog.try_save() and dialog.result() == QDialog.DialogCode.Accepted
    assert office.get().court == "常州市中级人民法院" and office.get().rate_formula == "open"


def test_delivery_is_recorded_and_its_receipt_printed(qtbot, visit, opened: list[Path], monkeypatch) -> None:
    s, lead, _boss, _zhang, recorded, day = visit
    s.documents.issue_inspection_record(lead, recorded.id)
    s.documents.issue_rectification_order(lead, recorded.id)
    detail = InspectionDetailDialog(s, lambda: lead, recorded.id)
    qtbot.addWidget(detail)
    table = detail.document_table
    assert [table.item(r, 3).text() for r in range(table.rowCount())] == ["未送达", "未送达"]

    def fill(dialog: DeliveryDialog) -> int:
        assert dialog.place_edit.text() and dialog.recipient_edit.text() == "赵安全"
        assert dialog.selected_ids() == [d.id for d in detail.documents()]
        dialog.date_edit.set_value(day + timedelta(days=1))
        dialog.try_submit()
        return dialog.result()

    monkeypatch.setattr(DeliveryDialog, "exec", fill)
    detail.record_delivery()

    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert rows == ["现场检查记录", "责令限期整改指令书", "文书送达回执"]
    assert table.item(0, 3).text() == f"{day + timedelta(days=1):%Y-%m-%d} 直接送达"
    assert not detail.deliver_button.isEnabled()  # everything is delivered
    receipt = text_of(opened[-1])
    assert "文书送达回执" in receipt and "（新北）应急回〔" in receipt and "收件人：赵安全" in receipt


def test_a_refused_delivery_shows_each_message_under_its_field(qtbot, visit, messages) -> None:
    s, lead, _boss, _zhang, recorded, _day = visit
    s.documents.issue_inspection_record(lead, recorded.id)
    detail = InspectionDetailDialog(s, lambda: lead, recorded.id)
    qtbot.addWidget(detail)
    dialog = detail.make_delivery_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.recipient_edit.clear()
    dialog.server_boxes[1].setCurrentIndex(0)  # only one 送达人
    assert not dialog.try_submit()
    assert dialog.error_labels["recipient"].text() == "收件人不能为空"
    assert dialog.error_labels["server_ids"].text() == "送达人须为两名执法人员"
    assert dialog.receipt is None and messages.shown == []  # beside the fields, no message box
    assert [d.delivered_on for d in s.documents.chain(recorded.id)] == [None]  # nothing written


def test_onsite_measures_then_the_decision_prints(qtbot, visit, opened: list[Path], drive) -> None:
    s, lead, _boss, _zhang, recorded, _day = visit
    pane = HazardDetail(s, lambda: lead)
    qtbot.addWidget(pane)
    first = recorded.hazards[0].id
    pane.show_hazard(first)
    assert pane.onsite_button.isVisibleTo(pane)

    def fill(dialog: OnsiteMeasuresDialog) -> None:
        dialog.measures.boxes[OnsiteMeasure.WITHDRAW.value].setChecked(True)

    drive(fill)
    pane.onsite_button.click()
    assert s.hazards.detail(first).onsite_measures == (OnsiteMeasure.WITHDRAW.value,)
    assert pane.fact_labels["onsite"].text() == OnsiteMeasure.WITHDRAW.value

    detail = InspectionDetailDialog(s, lambda: lead, recorded.id)
    qtbot.addWidget(detail)
    assert detail.decision_button.isVisibleTo(detail)
    detail.decision_button.click()
    text = text_of(opened[-1])
    assert "现场处理措施决定书" in text
    assert "1．责令从危险区域内撤出作业人员（涉及上述第1项）；" in text
    assert "2．责令停止使用相关设施、设备（涉及上述第2项）。" in text


def test_each_review_prints_its_own_opinion(qtbot, visit, opened: list[Path]) -> None:
    s, lead, boss, zhang, recorded, day = visit
    hid = recorded.hazards[0].id
    s.documents.issue_rectification_order(lead, recorded.id)
    plan = PlanInput("仓储部", "王主任", "清理通道", "0", day + timedelta(days=10), "专人值守")
    v = s.hazards.detail(hid).version
    s.hazards.act(lead, hid, StartRectification(plan), v)
    s.hazards.act(lead, hid, ReportDone(on=day + timedelta(days=5)), s.hazards.detail(hid).version)
    failed_on = day + timedelta(days=6)
    s.hazards.act(
        lead,
        hid,
        Review("不合格", [boss, zhang], failed_on, "仍有堆放", new_deadline=day + timedelta(days=25)),
        s.hazards.detail(hid).version,
    )
    s.hazards.act(lead, hid, ReportDone(on=day + timedelta(days=8)), s.hazards.detail(hid).version)
    s.hazards.act(
        lead, hid, Review("合格", [boss, zhang], day + timedelta(days=9)), s.hazards.detail(hid).version
    )

    window = create_main_window(s, lead)
    qtbot.addWidget(window)
    pane = window.hazard_detail
    pane.show_hazard(hid)
    links = re.findall(r"href='review:(\d+)'", pane.reviews.label.text())
    assert len(links) == 2
    pane.reviews.label.linkActivated.emit(f"review:{links[0]}")  # the failed one, after the pass
    failed = text_of(opened[-1])
    assert (
        "复查不合格。仍有堆放。" in failed
        and f"{failed_on.year}年{failed_on.month}月{failed_on.day}日" in failed
    )
    pane.reviews.label.linkActivated.emit(f"review:{links[1]}")
    assert "复查合格" in text_of(opened[-1])
    assert opened[-1] != opened[-2]
    assert "320411200200300401" in failed  # an 18-character 证号 prints whole


def test_an_inspector_sees_the_office_but_cannot_change_it(
    qtbot, visit, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, _lead, _boss, zhang, _recorded, _day = visit
    actor = s.inspectors.actor_for(zhang)
    assert actor == Actor(zhang, "张伟", False)
    dialogs: list[OfficeDialog] = []
    monkeypatch.setattr(OfficeDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)
    assert not edit_office(None, s, actor)
    assert not dialogs[0].save_button.isEnabled()
    assert not dialogs[0].inputs["authority"].isEnabled()


def test_restore_from_the_file_menu_brings_back_a_backup_and_starts_again(
    qtbot, ui_services, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from inspector.core.enterprises import EnterpriseFilter
    from inspector.ui import restore_dialog
    from inspector.ui.restore_dialog import RestoreDialog

    s = ui_services
    s.enterprises.create(SYSTEM, enterprise_input(1))
    s.maintenance.backup_now()
    for n in range(2, 6):
        s.enterprises.create(SYSTEM, enterprise_input(n))
    restarted: list[bool] = []
    monkeypatch.setattr(restore_dialog, "relaunch", lambda: restarted.append(True))
    messages.answer = QMessageBox.StandardButton.Yes

    def choose(dialog: RestoreDialog) -> int:
        assert "企业1" in dialog.list.item(0).text()
        dialog.list.setCurrentRow(0)
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", choose)
    window = create_main_window(s, SYSTEM)
    qtbot.addWidget(window)
    assert window.restore_action.isEnabled()
    assert window.restore_backup()
    assert restarted == [True]
    assert s.enterprises.count(EnterpriseFilter()) == 1
    assert any("已恢复" in t for t in messages.texts("information"))


def test_a_refused_save_is_said_in_the_dialog_and_in_a_warning(qtbot, visit, messages) -> None:
    """Who may change the office is the core's to say: the op's refusal stays in view, nothing closes."""
    s, _lead, _boss, zhang, _recorded, _day = visit
    actor = s.inspectors.actor_for(zhang)
    before = s.office.get()
    dialog = OfficeDialog(s, actor, before)  # editable, as if the rule were not asked first
    qtbot.addWidget(dialog)
    dialog.inputs["authority"].setText("别的应急管理局")  # type: ignore[attr-defined]
    assert not dialog.try_save()
    [warning] = messages.texts("warning")
    assert dialog.message.text() == warning and not dialog.message.isHidden()
    assert dialog.saved is None and s.office.get() == before
