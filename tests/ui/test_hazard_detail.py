"""The hazard detail pane driven like a user: the five-in-place form, every lifecycle dialog, the
refusals the core makes (shown in Chinese, nothing written), photos, timeline and print requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import MAJOR_CLOSE_REFUSAL, Action, AddNote, RaiseToMajor
from inspector.db.models import AuditEvent
from inspector.ui.action_dialogs import (
    AddNoteDialog,
    EditDetailsDialog,
    ExtendDialog,
    RectifyOnSpotDialog,
    ReportDoneDialog,
    ReviewDialog,
)
from inspector.ui.hazard_detail import HazardDetail, HazardDetailDialog
from tests.factories import enterprise_input
from tests.ui.conftest import Messages

ADMIN = Actor(id=None, name="管理员")  # the system, before anyone is registered
TODAY = date.today()
FOUND = TODAY - timedelta(days=10)


def png_bytes(colour: str = "#778899") -> bytes:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@dataclass
class World:
    services: Services
    inspection_id: int
    general_id: int
    major_id: int
    inspector: Actor
    boss: Actor
    inspector_ids: list[int]
    current: list[Actor]

    def actor(self) -> Actor:
        return self.current[0]

    def detail(self, hazard_id: int) -> Any:
        return self.services.hazards.detail(hazard_id)

    def events(self, hazard_id: int) -> int:
        with self.services.db.reading() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(AuditEvent)
                    .where(AuditEvent.entity_type == "hazard", AuditEvent.entity_id == hazard_id)
                )
                or 0
            )


@pytest.fixture
def world(ui_services: Services) -> World:
    s = ui_services
    eid = s.enterprises.create(ADMIN, enterprise_input(1))
    boss_id = s.inspectors.create(ADMIN, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    lead = s.inspectors.actor_for(boss_id)
    ids = [
        s.inspectors.create(lead, InspectorInput("张检查", "32041120002", "安监科")),
        s.inspectors.create(lead, InspectorInput("李检查", "32041120003", "安监科")),
    ]
    inspector = s.inspectors.actor_for(ids[0])
    general = HazardInput(
        location="1号车间",
        description="粉尘收集系统未设置防爆泄压装置",
        category="现场管理",
        subcategory="粉尘防爆",
        legal_basis="《工贸企业粉尘防爆安全规定》第十三条",
    )
    major = HazardInput(
        location="罐区",
        description="液氨储罐未设置紧急切断装置",
        category="现场管理",
        subcategory="危化品储存",
        level="重大隐患",
    )
    recorded = s.inspections.record(
        inspector,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=FOUND,
            kind="专项检查",
            inspector_ids=ids,
            start_time="09:00",
            end_time="11:00",
            representative="李安全",
            place="生产车间",
            hazards=[general, major],
        ),
    )
    return World(
        s,
        recorded.id,
        recorded.hazards[0].id,
        recorded.hazards[1].id,
        inspector,
        s.inspectors.actor_for(boss_id),
        ids,
        [inspector],
    )


@pytest.fixture
def pane(qtbot: QtBot, world: World, messages: Messages) -> HazardDetail:
    widget = HazardDetail(world.services, world.actor)
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    widget.show()
    return widget


def fill_plan(qtbot: QtBot, pane: HazardDetail, funds: str | None = "3000") -> None:
    """Type the five elements (Chinese via setText: QTest cannot type non-ASCII)."""
    pane.plan.inputs["responsible_unit"].setText("生产部")  # type: ignore[attr-defined]
    pane.plan.inputs["responsible_person"].setText("王建国")  # type: ignore[attr-defined]
    pane.plan.inputs["measures"].setPlainText("加装泄爆片并定期检测")  # type: ignore[attr-defined]
    if funds is not None:
        qtbot.keyClicks(pane.plan.inputs["funds"], funds)
    pane.plan.inputs["deadline"].set_value(TODAY + timedelta(days=14))  # type: ignore[attr-defined]
    pane.plan.inputs["contingency"].setPlainText("停用除尘系统前先停机，设置警戒区")  # type: ignore[attr-defined]


def click(qtbot: QtBot, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_actions(pane: HazardDetail) -> set[Action]:
    shown = {a for a, b in pane.action_buttons.items() if b.isVisible()}
    if pane.edit_button.isVisible():
        shown.add(Action.EDIT)
    if pane.onsite_button.isVisible():
        shown.add(Action.ONSITE_MEASURES)
    if pane.plan.save_button.isVisible():
        shown.add(Action.SAVE_PLAN)
    if pane.save_photos_button.isVisible():
        shown.add(Action.ADD_PHOTOS)
    return shown


def chips(pane: HazardDetail) -> dict[str, bool]:
    return {name: bool(c.property("complete")) for name, c in pane.plan.element_chips.items()}


def timeline(pane: HazardDetail) -> list[str]:
    return [str(label.property("plain")) for label in pane.timeline.labels]


# -- showing ------------------------------------------------------------------------------------


def test_placeholder_then_header_and_exactly_the_core_actions(pane: HazardDetail, world: World) -> None:
    assert pane.stack.currentWidget() is pane.placeholder
    pane.show_hazard(world.general_id)
    assert pane.header.number_label.text() == world.detail(world.general_id).number
    assert pane.header.state_chip.text() == "待整改"
    assert pane.header.level_chip.text() == "一般隐患"
    assert not pane.header.supervised_chip.isVisible()
    assert pane.header.due_label.text() == "尚未确定整改时限"
    assert "测试化工有限公司1" in pane.header.enterprise_label.text()
    assert f"检查：{FOUND.isoformat()} 专项检查（张检查、李检查）" in pane.header.found_label.text()
    assert pane.fact_labels["location"].text() == "1号车间"
    assert pane.fact_labels["legal_basis"].text() == "《工贸企业粉尘防爆安全规定》第十三条"
    assert visible_actions(pane) == set(world.services.hazards.actions(world.general_id, world.inspector))
    assert pane.action_buttons[Action.START].text() == "开始整改"
    assert chips(pane) == {"责任": False, "措施": False, "资金": False, "时限": False, "预案": False}

    pane.show_hazard(world.major_id)
    assert pane.header.level_chip.text() == "重大隐患"
    assert pane.header.supervised_chip.isVisible()
    assert "督办单位：区应急管理局" in pane.header.supervision_label.text()
    assert not pane.action_buttons[Action.RECTIFY_ON_SPOT].isVisible()
    assert visible_actions(pane) == set(world.services.hazards.actions(world.major_id, world.inspector))

    pane.show_hazard(None)
    assert pane.stack.currentWidget() is pane.placeholder


# -- 五到位 -------------------------------------------------------------------------------------


def test_five_elements_fill_ticks_and_save_writes_the_plan(
    qtbot: QtBot, pane: HazardDetail, world: World
) -> None:
    pane.show_hazard(world.general_id)
    fill_plan(qtbot, pane, funds=None)
    assert chips(pane) == {"责任": True, "措施": True, "资金": False, "时限": True, "预案": True}
    assert pane.plan.element_chips["资金"].text() == "✗ 资金"
    qtbot.keyClicks(pane.plan.inputs["funds"], "3000")
    assert all(chips(pane).values())
    assert pane.plan.status.text() == "五到位齐全"

    with qtbot.waitSignal(pane.changed) as signal:
        click(qtbot, pane.plan.save_button)
    assert signal.args == [world.general_id]
    d = world.detail(world.general_id)
    assert d.state == "待整改"
    assert d.plan is not None and d.plan.missing == []
    assert (d.plan.responsible_unit, d.plan.responsible_person, str(d.plan.funds)) == (
        "生产部",
        "王建国",
        "3000.00",
    )
    assert d.deadline == TODAY + timedelta(days=14)
    assert timeline(pane)[0].startswith("保存整改方案")
    assert pane.plan.inputs["funds"].text() == "3000"  # type: ignore[attr-defined]


def test_missing_funds_names_the_field_and_writes_nothing(
    qtbot: QtBot, pane: HazardDetail, world: World, messages: Messages
) -> None:
    pane.show_hazard(world.general_id)
    before = world.events(world.general_id)
    fill_plan(qtbot, pane, funds=None)
    click(qtbot, pane.action_buttons[Action.START])
    assert pane.plan.message.text() == "整改资金未填写，不能进入整改中"
    assert pane.plan.errors["funds"].isVisible()
    assert pane.plan.errors["funds"].text() == "整改资金未填写"
    d = world.detail(world.general_id)
    assert d.state == "待整改" and d.plan is None
    assert world.events(world.general_id) == before
    assert pane.plan.inputs["responsible_person"].text() == "王建国"  # type: ignore[attr-defined]


def test_negative_funds_shown_under_the_field(qtbot: QtBot, pane: HazardDetail, world: World) -> None:
    pane.show_hazard(world.general_id)
    fill_plan(qtbot, pane, funds="-5")
    click(qtbot, pane.plan.save_button)
    assert pane.plan.errors["funds"].text() == "整改资金不能为负数"
    assert world.detail(world.general_id).plan is None
    assert pane.plan.inputs["funds"].text() == "-5"  # type: ignore[attr-defined]


# -- the whole loop ---------------------------------------------------------------------------------


def test_full_loop_with_failed_review_then_closed(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any, tmp_path: Path, messages: Messages
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    click(qtbot, pane.action_buttons[Action.START])
    assert world.detail(hid).state == "整改中"
    assert pane.header.state_chip.text() == "整改中"
    assert pane.header.due_label.text().startswith("剩余 14 天")
    assert pane.plan.inputs["deadline"].edit.isReadOnly()  # type: ignore[attr-defined]  # 整改中: time limit changes go through 延期

    photo = tmp_path / "after.png"
    photo.write_bytes(png_bytes())

    def report(d: ReportDoneDialog) -> None:
        d.note.setPlainText("已加装泄爆片")
        assert d.after_photos.add_files([photo]) == []

    opened = drive(report)
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])
    assert isinstance(opened[-1], ReportDoneDialog)
    d = world.detail(hid)
    assert (d.state, d.reported_done_on) == ("待复查", TODAY)
    assert [(p.phase, p.filename) for p in d.photos] == [("整改后", "after.png")]
    assert pane.photo_strips["整改后"].saved_count() == 1

    new_deadline = TODAY + timedelta(days=20)

    def fail(dlg: ReviewDialog) -> None:
        assert dlg.inspector_ids() == [world.inspector.id]  # the acting inspector is preselected
        dlg.set_inspectors(world.inspector_ids)
        dlg.failed.setChecked(True)
        dlg.opinion.setPlainText("泄爆片规格不符")
        dlg.new_deadline.set_value(new_deadline)

    drive(fail)
    click(qtbot, pane.action_buttons[Action.REVIEW])
    d = world.detail(hid)
    assert (d.state, d.deadline) == ("整改中", new_deadline)
    assert d.reinspections[-1].result == "不合格" and d.reinspections[-1].inspectors == ["张检查", "李检查"]
    assert "不合格" in pane.reviews.label.text()
    assert pane.documents.review_button.isEnabled()

    drive(lambda dlg: dlg.note.setPlainText("已更换合格泄爆片"))
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])
    assert world.detail(hid).state == "待复查"

    drive(lambda dlg: dlg.passed.setChecked(True))
    click(qtbot, pane.action_buttons[Action.REVIEW])
    d = world.detail(hid)
    assert (d.state, d.closed_on) == ("已销号", TODAY)
    assert pane.header.state_chip.text() == "已销号"
    assert pane.header.due_label.text() == f"已于 {TODAY.isoformat()} 销号"
    assert visible_actions(pane) == {Action.ADD_NOTE, Action.ADD_PHOTOS}
    assert not pane.plan.save_button.isVisible()

    words = [t.split(" ")[0] for t in timeline(pane)]
    assert words == ["复查", "整改完成", "复查", "添加照片", "整改完成", "开始整改", "登记隐患"]
    assert "退回整改中" in timeline(pane)[2] and "泄爆片规格不符" in timeline(pane)[2]
    assert "销号" in timeline(pane)[0]

    with qtbot.waitSignal(pane.print_requested) as signal:
        click(qtbot, pane.documents.review_button)
    assert signal.args == ["整改复查意见书", hid]
    with qtbot.waitSignal(pane.print_requested) as signal:
        click(qtbot, pane.documents.order_button)
    assert signal.args == ["责令限期整改指令书", world.inspection_id]


def test_failed_review_without_new_deadline_keeps_the_dialog_and_the_text(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any, messages: Messages
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    click(qtbot, pane.action_buttons[Action.START])
    drive(lambda dlg: None)
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])

    def fail(dlg: ReviewDialog) -> None:
        dlg.failed.setChecked(True)
        dlg.opinion.setPlainText("未整改到位")

    opened = drive(fail)
    click(qtbot, pane.action_buttons[Action.REVIEW])
    dlg = opened[-1]
    assert isinstance(dlg, ReviewDialog)
    assert dlg.result() == 0  # not accepted
    assert dlg.error_labels["new_deadline"].text() == "复查不合格须重新确定整改时限"
    assert dlg.opinion.toPlainText() == "未整改到位"
    assert world.detail(hid).state == "待复查"


def test_general_hazard_rectified_on_the_spot(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any
) -> None:
    pane.show_hazard(world.general_id)

    def on_spot(dlg: RectifyOnSpotDialog) -> None:
        dlg.measures.setPlainText("当场加装泄压装置")
        dlg.after_photos.add_image_bytes(png_bytes("#88aa88"), "现场.png")

    opened = drive(on_spot)
    click(qtbot, pane.action_buttons[Action.RECTIFY_ON_SPOT])
    assert isinstance(opened[-1], RectifyOnSpotDialog)
    d = world.detail(world.general_id)
    assert (d.state, d.rectified_on_spot) == ("已销号", True)
    assert [p.phase for p in d.photos] == ["整改后"]
    assert pane.header.due_label.text().startswith("立查立改，已于")
    assert timeline(pane)[1].startswith("立查立改")


def test_major_hazard_needs_a_supervisor_to_close(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any, messages: Messages
) -> None:
    hid = world.major_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    click(qtbot, pane.action_buttons[Action.START])
    drive(lambda dlg: None)
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])
    assert world.detail(hid).state == "待复查"

    # An inspector: 合格 (close) is not offered, and forcing it is refused by the core.
    def try_close(dlg: ReviewDialog) -> None:
        assert not dlg.passed.isEnabled() and dlg.failed.isChecked()
        dlg.passed.setChecked(True)  # as if the rule were bypassed

    opened = drive(try_close)
    click(qtbot, pane.action_buttons[Action.REVIEW])
    assert opened[-1].result() == 0
    assert messages.texts("warning")[-1] == MAJOR_CLOSE_REFUSAL
    assert world.detail(hid).state == "待复查"
    assert pane.header.supervised_chip.isVisible()

    # The supervisor (科室负责人) closes it, which delists it (摘牌).
    world.current[0] = world.boss
    pane.reload()

    def close(dlg: ReviewDialog) -> None:
        assert dlg.passed.isEnabled()
        dlg.passed.setChecked(True)

    drive(close)
    click(qtbot, pane.action_buttons[Action.REVIEW])
    d = world.detail(hid)
    assert d.state == "已销号"
    assert d.supervision is not None and d.supervision.delisted_on == TODAY
    assert not pane.header.supervised_chip.isVisible()
    assert "摘牌" in pane.header.supervision_label.text()
    assert "销号并摘牌" in timeline(pane)[0]


def test_extend_keeps_the_old_deadline_in_the_record(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    click(qtbot, pane.plan.save_button)
    old = TODAY + timedelta(days=14)
    new = TODAY + timedelta(days=40)

    opened = drive(lambda dlg: dlg.reason.setPlainText("设备采购周期长"))
    click(qtbot, pane.action_buttons[Action.EXTEND])
    dlg = opened[-1]
    assert isinstance(dlg, ExtendDialog)
    assert dlg.error_labels["new_deadline"].text() == "新整改时限不能为空"
    assert world.detail(hid).deadline == old

    def extend(d: ExtendDialog) -> None:
        d.new_deadline.set_value(new)
        d.reason.setPlainText("设备采购周期长")

    drive(extend)
    click(qtbot, pane.action_buttons[Action.EXTEND])
    d = world.detail(hid)
    assert d.deadline == new
    assert [(e.old_deadline, e.new_deadline, e.reason) for e in d.extensions] == [
        (old, new, "设备采购周期长")
    ]
    assert f"{old.isoformat()} → {new.isoformat()}" in pane.reviews.label.text()
    assert timeline(pane)[0].startswith("延期")
    assert pane.plan.inputs["deadline"].value() == new  # type: ignore[attr-defined]


def test_someone_elses_change_is_reported_and_the_typed_plan_kept(
    qtbot: QtBot, pane: HazardDetail, world: World, messages: Messages
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    world.services.hazards.act(world.boss, hid, AddNote("另一台电脑上追加的说明"))
    click(qtbot, pane.plan.save_button)
    assert messages.texts("warning")[-1] == "该隐患已被他人修改，请刷新后重试"
    assert world.detail(hid).plan is None
    assert pane.plan.inputs["measures"].toPlainText() == "加装泄爆片并定期检测"  # type: ignore[attr-defined]
    assert "另一台电脑上追加的说明" in pane.fact_labels["notes"].text()  # reloaded
    click(qtbot, pane.plan.save_button)  # the second try uses the fresh version
    assert world.detail(hid).plan is not None


def test_edit_details_note_and_raise_to_major(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)

    def edit(dlg: EditDetailsDialog) -> None:
        dlg.location.setText("2号车间")

    opened = drive(edit)
    click(qtbot, pane.edit_button)
    assert isinstance(opened[-1], EditDetailsDialog)
    assert world.detail(hid).location == "2号车间"
    assert pane.fact_labels["location"].text() == "2号车间"

    def empty_location(dlg: EditDetailsDialog) -> None:
        dlg.location.setText("")

    drive(empty_location)
    click(qtbot, pane.edit_button)
    assert opened[-1].error_labels["location"].text() == "隐患部位不能为空"
    assert world.detail(hid).location == "2号车间"

    def note(dlg: AddNoteDialog) -> None:
        dlg.text.setPlainText("企业承诺周五前完成")

    drive(note)
    click(qtbot, pane.action_buttons[Action.ADD_NOTE])
    assert "企业承诺周五前完成" in world.detail(hid).notes
    assert "企业承诺周五前完成" in pane.fact_labels["notes"].text()

    drive(lambda dlg: dlg.reason.setPlainText("涉及液氨"))
    click(qtbot, pane.action_buttons[Action.RAISE_TO_MAJOR])
    d = world.detail(hid)
    assert d.level == "重大隐患" and d.supervision is not None
    assert pane.header.level_chip.text() == "重大隐患" and pane.header.supervised_chip.isVisible()
    assert not pane.action_buttons[Action.RECTIFY_ON_SPOT].isVisible()


def test_photos_added_later_are_saved_in_one_call(qtbot: QtBot, pane: HazardDetail, world: World) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    assert not pane.save_photos_button.isEnabled()
    pane.photo_strips["整改前"].add_image_bytes(png_bytes("#aa8888"), "现场1.png")
    pane.photo_strips["整改前"].add_image_bytes(png_bytes("#8888aa"), "现场2.png")
    assert pane.photos_hint.text() == "2 张新照片尚未保存"
    with qtbot.waitSignal(pane.changed):
        click(qtbot, pane.save_photos_button)
    assert [(p.phase, p.filename) for p in world.detail(hid).photos] == [
        ("整改前", "现场1.png"),
        ("整改前", "现场2.png"),
    ]
    assert pane.photo_strips["整改前"].pending_count() == 0
    assert pane.photo_strips["整改前"].saved_count() == 2
    assert timeline(pane)[0] == "添加照片 添加照片：整改前2张"


def test_detail_dialog_wraps_the_pane(qtbot: QtBot, world: World, messages: Messages) -> None:
    dialog = HazardDetailDialog(world.services, world.actor, world.major_id)
    qtbot.addWidget(dialog)
    number = world.detail(world.major_id).number
    assert dialog.windowTitle() == f"隐患详情 — {number}"
    assert dialog.detail.header.number_label.text() == number
    with qtbot.waitSignal(dialog.print_requested) as signal:
        dialog.show()
        click(qtbot, dialog.detail.documents.order_button)
    assert signal.args == ["责令限期整改指令书", world.inspection_id]


def test_a_dialog_refused_as_stale_stays_open_and_the_retry_succeeds(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any, messages: Messages
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)

    def edit_while_someone_else_saves(dlg: EditDetailsDialog) -> None:
        dlg.location.setText("2号车间")
        world.services.hazards.act(world.boss, hid, RaiseToMajor("区安委办"))

    opened = drive(edit_while_someone_else_saves)
    click(qtbot, pane.edit_button)
    dlg = opened[-1]
    assert dlg.result() == 0
    assert messages.texts("warning")[-1] == "该隐患已被他人修改，请刷新后重试"
    assert world.detail(hid).location == "1号车间"
    assert dlg.location.text() == "2号车间"  # nothing typed is lost
    assert dlg.try_submit()  # 确定 again: the fresh version is used
    assert world.detail(hid).location == "2号车间"


def test_a_note_from_a_stale_form_is_still_appended(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any, messages: Messages
) -> None:
    """Appending cannot conflict: a note typed while someone else saved is added, not refused."""
    hid = world.general_id
    pane.show_hazard(hid)

    def note_while_someone_else_saves(dlg: AddNoteDialog) -> None:
        dlg.text.setPlainText("我的说明")
        world.services.hazards.act(world.boss, hid, AddNote("别人的说明"))

    drive(note_while_someone_else_saves)
    click(qtbot, pane.action_buttons[Action.ADD_NOTE])
    notes = world.detail(hid).notes
    assert "别人的说明" in notes and "我的说明" in notes
    assert messages.texts("warning") == []


def test_unsaved_work_is_asked_about_and_never_saved_to_another_hazard(
    qtbot: QtBot, pane: HazardDetail, world: World, messages: Messages
) -> None:
    pane.show_hazard(world.general_id)
    assert pane.confirm_discard()  # nothing typed yet: no question
    assert messages.shown == []
    pane.plan.inputs["measures"].setPlainText("加装泄爆片")  # type: ignore[attr-defined]
    pane.photo_strips["整改前"].add_image_bytes(png_bytes(), "现场.png")
    assert pane.has_unsaved_changes()
    messages.answer = QMessageBox.StandardButton.Cancel
    assert not pane.confirm_discard()
    assert "尚未保存" in messages.texts("question")[-1]
    messages.answer = QMessageBox.StandardButton.Discard
    assert pane.confirm_discard()

    pane.show_hazard(world.major_id)
    assert not pane.has_unsaved_changes()
    assert pane.photo_strips["整改前"].pending_count() == 0
    assert pane.plan.inputs["measures"].toPlainText() == ""  # type: ignore[attr-defined]
    assert not pane.save_photos_button.isEnabled()
    assert world.detail(world.major_id).photos == [] and world.detail(world.general_id).plan is None


def test_a_hazard_that_cannot_be_read_shows_the_placeholder_and_says_why(
    pane: HazardDetail, world: World, messages: Messages
) -> None:
    pane.show_hazard(world.general_id)
    pane.show_hazard(999_999)  # e.g. deleted on the team server meanwhile
    assert pane.stack.currentWidget() is pane.placeholder
    assert pane.hazard_id is None and pane.data is None
    assert messages.texts("warning") and "999999" in messages.texts("warning")[-1]


# -- issue 13: confirmation and 撤销, scroll, print buttons in view, typed dates ----------------


def test_start_asks_naming_the_hazard_and_offers_undo(
    qtbot: QtBot, pane: HazardDetail, world: World, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    number = world.detail(hid).number
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: int(QMessageBox.StandardButton.Cancel.value))
    click(qtbot, pane.action_buttons[Action.START])
    assert world.detail(hid).state == "待整改"  # 取消: nothing happened
    monkeypatch.undo()
    messages.shown.clear()
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: (
            messages.shown.append(("exec", box.windowTitle(), box.text()))
            or int(QMessageBox.StandardButton.Ok.value)
        ),
    )
    click(qtbot, pane.action_buttons[Action.START])
    [(_kind, title, text)] = messages.shown
    assert title == "开始整改" and number in text and "1号车间" in text
    assert world.detail(hid).state == "整改中"
    assert pane.undo_button.isVisible() and number in pane.undo_label.text()
    click(qtbot, pane.undo_button)
    d = world.detail(hid)
    assert d.state == "待整改" and d.plan is not None and not d.plan.missing
    assert not pane.undo_button.isVisible()
    assert pane.action_buttons[Action.START].isVisible()


def test_undo_goes_once_anything_else_is_done(
    qtbot: QtBot, pane: HazardDetail, world: World, messages: Messages
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    click(qtbot, pane.action_buttons[Action.START])
    assert pane.undo_button.isVisible()
    pane.perform(AddNote("企业已采购配件"))
    assert not pane.undo_button.isVisible()
    pane.show_hazard(world.major_id)
    assert not pane.undo_button.isVisible()


def test_another_hazard_is_shown_from_its_top_with_the_print_buttons_in_view(
    qtbot: QtBot, pane: HazardDetail, world: World
) -> None:
    pane.resize(520, 500)
    pane.show_hazard(world.general_id)
    bar = pane.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    pane.show_hazard(world.major_id)
    assert bar.value() == 0
    top = pane.top_order_button
    assert top.isVisible() and top.isEnabled()
    assert not pane.scroll_area.isAncestorOf(top)  # it does not scroll away
    assert top.mapTo(pane, top.rect().topLeft()).y() < 60
    assert top.isEnabled() == pane.documents.order_button.isEnabled()


def test_a_typed_deadline_in_the_failed_review_is_kept_and_checked(
    qtbot: QtBot, world: World, messages: Messages
) -> None:
    sent: list[Any] = []
    dlg = ReviewDialog("YH1", [], None, True, lambda c, _p, _f: sent.append(c) or True, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.failed.setChecked(True)
    qtbot.mouseClick(dlg.new_deadline.pick, Qt.MouseButton.LeftButton)
    cal = dlg.new_deadline.calendar
    assert (cal.yearShown(), cal.monthShown()) == (TODAY.year, TODAY.month)  # not January 1900
    dlg.new_deadline.menu.close()
    qtbot.keyClicks(dlg.new_deadline.edit, "2026/02/30")
    dlg.ok_button.click()
    assert sent == [] and dlg.error_labels["new_deadline"].text() == "没有这一天：2026年2月30日"
    dlg.new_deadline.clear()
    assert not dlg.error_labels["new_deadline"].isVisible()  # gone as soon as the field is edited
    qtbot.keyClicks(dlg.new_deadline.edit, "2026-12-12")
    assert dlg.new_deadline.text() == "2026-12-12"
    dlg.ok_button.click()
    assert sent and sent[-1].new_deadline == date(2026, 12, 12)


# 2026-12-12 while that is still ahead of the review (today); a year on after it, so the test keeps
DEADLINE = date(2026, 12, 12) if date(2026, 12, 12) > TODAY else date(TODAY.year + 1, 12, 12)


@pytest.mark.parametrize(
    "typed",
    [
        f"{DEADLINE.year}-12-12",
        f"{DEADLINE.year}/12/12",
        f"{DEADLINE.year}1212",
    ],
)
def test_each_common_form_typed_in_the_failed_review_becomes_the_new_deadline(
    qtbot: QtBot, pane: HazardDetail, world: World, drive: Any, messages: Messages, typed: str
) -> None:
    hid = world.general_id
    pane.show_hazard(hid)
    fill_plan(qtbot, pane)
    click(qtbot, pane.action_buttons[Action.START])
    drive(lambda dlg: None)
    click(qtbot, pane.action_buttons[Action.REPORT_DONE])
    shown: list[tuple[int, int]] = []

    def fail(dlg: ReviewDialog) -> None:
        dlg.set_inspectors(world.inspector_ids)
        dlg.failed.setChecked(True)
        dlg.opinion.setPlainText("未整改到位")
        field = dlg.new_deadline
        qtbot.mouseClick(field.pick, Qt.MouseButton.LeftButton)
        shown.append((field.calendar.yearShown(), field.calendar.monthShown()))  # empty: today
        field.menu.close()
        qtbot.keyClicks(field.edit, typed)
        qtbot.mouseClick(field.pick, Qt.MouseButton.LeftButton)
        shown.append((field.calendar.yearShown(), field.calendar.monthShown()))  # the typed day
        field.menu.close()
        assert field.text() == typed  # nothing typed is swallowed

    drive(fail)
    click(qtbot, pane.action_buttons[Action.REVIEW])
    assert shown == [(TODAY.year, TODAY.month), (DEADLINE.year, 12)]
    d = world.detail(hid)
    assert (d.state, d.deadline) == ("整改中", DEADLINE)


def test_a_cleared_plan_deadline_is_saved_as_none(qtbot: QtBot, pane: HazardDetail, world: World) -> None:
    """An optional date emptied with the field's clear button is no date in the DB, not 1900."""
    pane.show_hazard(world.general_id)
    fill_plan(qtbot, pane)
    click(qtbot, pane.plan.save_button)
    assert world.detail(world.general_id).deadline == TODAY + timedelta(days=14)
    field = pane.plan.inputs["deadline"]
    field.edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
    assert field.text() == "" and field.value() is None  # type: ignore[attr-defined]
    qtbot.mouseClick(field.pick, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    calendar = field.calendar  # type: ignore[attr-defined]
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)  # not 1900
    field.menu.close()  # type: ignore[attr-defined]
    click(qtbot, pane.plan.save_button)
    d = world.detail(world.general_id)
    assert d.deadline is None and d.plan is not None and d.plan.missing == ["整改时限"]
