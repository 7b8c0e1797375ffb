"""登记检查 through the real dialog: pick, tick, add hazards with photos, save — then the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import HazardState, InspectionKind
from inspector.core.inspections import InspectionFilter
from inspector.core.inspectors import InspectorInput
from inspector.ui.visit_dialog import VisitDialog
from tests.factories import enterprise_input
from tests.ui.conftest import Messages, fill_hazard

ADMIN = Actor(id=None, name="管理员")  # the system, before anyone is registered


@dataclass
class World:
    services: Services
    actor: Actor
    enterprise_ids: list[int]
    inspector_ids: list[int]


@pytest.fixture
def world(ui_services: Services) -> World:
    s = ui_services
    ents = [s.enterprises.create(ADMIN, enterprise_input(n)) for n in (1, 2)]
    boss = s.inspectors.create(ADMIN, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    lead = s.inspectors.actor_for(boss)
    ids = [
        boss,
        s.inspectors.create(lead, InspectorInput("张检查", "32041120002", "安监科")),
        s.inspectors.create(lead, InspectorInput("李检查", "", "春江镇安监办")),
    ]
    return World(s, s.inspectors.actor_for(ids[1]), ents, ids)


def open_dialog(qtbot: QtBot, w: World, enterprise_id: int | None = None) -> VisitDialog:
    dlg = VisitDialog(w.services, w.actor, enterprise_id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def png(path: Path, colour: str = "#1f6fd1") -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def pick_by_typing(qtbot: QtBot, dlg: VisitDialog, text: str) -> None:
    """Type part of the credit code, wait for the popup, press Enter on the first match."""
    dlg.header.picker.edit.setFocus()
    qtbot.keyClicks(dlg.header.picker.edit, text)
    popup = dlg.header.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def click(qtbot: QtBot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_log_a_visit_with_three_hazards_and_photos(
    qtbot: QtBot, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    s = world.services
    dlg = open_dialog(qtbot, world)
    pick_by_typing(qtbot, dlg, "000000002")
    assert dlg.header.picker.enterprise_id() == world.enterprise_ids[1]
    assert dlg.header.picker.edit.text() == "常州市新北区测试化工有限公司2"
    assert dlg.header.place.text() == "常州市新北区春江镇滨江路2号"  # default place: the address

    # the current inspector is ticked already; tick a colleague
    assert dlg.header.inspector_ids() == [world.inspector_ids[1]]
    click(qtbot, dlg.header.inspector_boxes[world.inspector_ids[2]])
    assert sorted(dlg.header.inspector_ids()) == sorted(world.inspector_ids[1:])
    dlg.header.representative.setText("王建国（主要负责人）")

    # 1: general, fixed on the spot, a picked photo before and a pasted one after
    click(qtbot, dlg.add_hazard_button)
    first = dlg.editors[0]
    assert first.location.hasFocus()
    fill_hazard(first, "2号车间配电室", "配电箱前堆放杂物", "现场管理 › 电气")
    click(qtbot, first.on_spot)
    assert first.on_spot_measures.isEnabled() and not first.deadline.isEnabled()
    first.on_spot_measures.setText("当场清理")
    monkeypatch.setattr(
        "inspector.ui.save_dialog.QFileDialog.getOpenFileNames",
        lambda *a, **k: ([str(png(tmp_path / "配电箱.png"))], ""),
    )
    click(qtbot, first.before_photos.add_button)
    pasted = QImage(32, 24, QImage.Format.Format_RGB32)
    pasted.fill(QColor("#2b8a3e"))
    QGuiApplication.clipboard().setImage(pasted)
    assert first.after_photos.isVisible()
    click(qtbot, first.after_photos.paste_button)

    # 2: major — 立查立改 is not offered
    click(qtbot, dlg.add_hazard_button)
    second = dlg.editors[1]
    fill_hazard(second, "甲类仓库", "可燃气体报警器未与通风联锁", "现场管理 › 危化品储存")
    click(qtbot, second.major)
    assert not second.on_spot.isEnabled()
    second.legal_basis.setText("重大事故隐患判定标准 第十二条")

    # 3: general with a 30-day deadline
    qtbot.keyClick(dlg, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(dlg.editors) == 3
    third = dlg.editors[2]
    fill_hazard(third, "安全管理台账", "未建立安全教育培训档案", "基础管理 › 安全教育培训")
    click(qtbot, third.deadline_buttons[2])

    assert dlg.hazard_box.title() == "发现隐患（3条）"
    assert dlg.hazard_table.item(0, 4).text() == "立查立改"
    assert dlg.hazard_table.item(0, 5).text() == "2张"
    assert dlg.hazard_table.item(1, 3).text() == "重大"

    with qtbot.waitSignal(dlg.saved) as saved:
        qtbot.keyClick(third.location, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [dlg.recorded]
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.summary_label.text()
    assert messages.shown == []

    rec = dlg.recorded
    assert rec is not None and len(rec.hazards) == 3
    numbers = [h.number for h in rec.hazards]
    assert all(numbers) and len(set(numbers)) == 3
    assert dlg.result_message().endswith(f"发现隐患3条（{'、'.join(numbers)}）")

    detail = s.inspections.get(rec.id)
    today = date.today()
    assert detail.enterprise_id == world.enterprise_ids[1]
    assert detail.inspected_on == today and detail.kind == InspectionKind.ROUTINE.value
    assert sorted(i.id for i in detail.inspectors) == sorted(world.inspector_ids[1:])
    assert detail.representative == "王建国（主要负责人）"
    assert detail.place == "常州市新北区春江镇滨江路2号"
    by_number = {h.number: h for h in detail.hazards}
    h1, h2, h3 = (by_number[n] for n in numbers)
    assert (h1.location, h1.state) == ("2号车间配电室", HazardState.CLOSED.value)
    assert h2.state == HazardState.REPORTED.value and h2.level == "重大隐患"
    assert h3.state == HazardState.REPORTED.value and h3.deadline == today + timedelta(days=30)

    photos = s.photos.list(rec.hazards[0].id)
    assert [(p.phase, p.filename) for p in photos] == [("整改前", "配电箱.png"), ("整改后", "粘贴图片.png")]
    assert QImage.fromData(s.photos.content(photos[1].id)).size().toTuple() == (32, 24)
    assert s.photos.list(rec.hazards[1].id) == []


def test_missing_description_keeps_everything_and_writes_nothing(
    qtbot: QtBot, world: World, messages: Messages
) -> None:
    s = world.services
    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    assert dlg.header.picker.edit.text() == "常州市新北区测试化工有限公司1"
    click(qtbot, dlg.header.inspector_boxes[world.inspector_ids[0]])
    click(qtbot, dlg.add_hazard_button)
    fill_hazard(dlg.editors[0], "罐区", "防火堤破损", "现场管理 › 危化品储存")
    click(qtbot, dlg.add_hazard_button)
    second = dlg.editors[1]
    fill_hazard(second, "仓库", "", "现场管理 › 消防")
    second.before_photos.add_image_bytes(QImage_png())
    dlg.hazard_table.setCurrentCell(0, 0)  # looking at the first one when saving

    click(qtbot, dlg.save_button)

    assert dlg.isVisible() and dlg.recorded is None
    assert "第2条隐患：隐患描述不能为空" in dlg.summary_label.text()
    assert second.errors["description"].isVisible()
    assert second.errors["description"].text() == "隐患描述不能为空"
    assert dlg.editor_stack.currentWidget() is second  # the dialog shows the hazard to fix
    assert second.description.hasFocus()
    assert dlg.hazard_table.item(1, 0).toolTip() == "这条隐患有内容需要修改"
    # nothing written, nothing lost
    assert s.inspections.count(InspectionFilter()) == 0
    assert second.location.text() == "仓库" and len(second.before_photos.pending()) == 1
    assert dlg.editors[0].description.toPlainText() == "防火堤破损"

    second.description.setPlainText("消防通道堵塞")  # fixing it takes the marks away at once
    assert not second.errors["description"].isVisible()
    assert dlg.hazard_table.item(1, 0).toolTip() == ""
    click(qtbot, dlg.save_button)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert s.inspections.count(InspectionFilter()) == 1
    assert len(s.photos.list(dlg.recorded.hazards[1].id)) == 1  # type: ignore[union-attr]


def QImage_png() -> bytes:
    from inspector.ui.photo_strip import _png_bytes

    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#e03131"))
    return _png_bytes(image)


def test_top_form_errors_sit_under_their_fields(qtbot: QtBot, world: World, messages: Messages) -> None:
    s = world.services
    dlg = open_dialog(qtbot, world)
    dlg.header.kind.setCurrentIndex(dlg.header.kind.findData(InspectionKind.ENFORCEMENT.value))
    click(qtbot, dlg.save_button)
    assert dlg.header.errors["enterprise_id"].text() == "被检查单位不能为空"
    assert dlg.header.errors["inspector_ids"].text() == "执法检查须由2名以上执法人员进行"
    assert dlg.header.picker.edit.hasFocus()
    click(qtbot, dlg.header.inspector_boxes[world.inspector_ids[2]])  # 李检查 has no 执法证号
    assert not dlg.header.errors["inspector_ids"].isVisible()
    pick_by_typing(qtbot, dlg, "000000001")
    click(qtbot, dlg.save_button)
    assert not dlg.header.errors["enterprise_id"].isVisible()
    assert "李检查未填写执法证号" in dlg.header.errors["inspector_ids"].text()
    assert s.inspections.count(InspectionFilter()) == 0 and dlg.isVisible()


def test_one_inspector_asks_before_saving(qtbot: QtBot, world: World, messages: Messages) -> None:
    s = world.services
    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    click(qtbot, dlg.save_button)  # messages.answer is Cancel: not confirmed
    assert messages.texts("question")[0].startswith("检查人员少于2人")
    assert s.inspections.count(InspectionFilter()) == 0 and dlg.isVisible()
    messages.answer = messages.answer.Yes
    click(qtbot, dlg.save_button)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.result_message() == "已登记检查记录：常州市新北区测试化工有限公司1，未发现隐患"
    assert s.inspections.count(InspectionFilter()) == 1


def test_escape_asks_before_discarding_typed_work(qtbot: QtBot, world: World, messages: Messages) -> None:
    empty = open_dialog(qtbot, world)
    qtbot.keyClick(empty, Qt.Key.Key_Escape)
    assert not empty.isVisible() and messages.shown == []  # nothing typed: no question

    dlg = open_dialog(qtbot, world)
    click(qtbot, dlg.add_hazard_button)
    dlg.editors[0].location.setText("配电室")
    qtbot.keyClick(dlg.editors[0].location, Qt.Key.Key_Escape)
    assert dlg.isVisible() and len(messages.texts("question")) == 1  # answered Cancel
    assert dlg.editors[0].location.text() == "配电室"
    messages.answer = messages.answer.Discard
    qtbot.keyClick(dlg.editors[0].location, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and dlg.result() == QDialog.DialogCode.Rejected


def test_enter_in_a_field_does_not_save(qtbot: QtBot, world: World, messages: Messages) -> None:
    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    dlg.header.representative.setFocus()
    qtbot.keyClick(dlg.header.representative, Qt.Key.Key_Return)
    assert dlg.isVisible() and messages.shown == []
    assert world.services.inspections.count(InspectionFilter()) == 0


def test_delete_hazard_and_major_turns_off_on_spot(qtbot: QtBot, world: World, messages: Messages) -> None:
    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    for _ in range(3):
        click(qtbot, dlg.add_hazard_button)
    a, b, c = dlg.editors
    a.location.setText("甲")
    c.location.setText("丙")
    click(qtbot, b.on_spot)
    click(qtbot, b.major)
    assert not b.on_spot.isEnabled() and b.data().rectified_on_spot is False
    assert b.deadline.isEnabled()

    dlg.hazard_table.setCurrentCell(1, 0)  # an empty hazard goes without a question
    click(qtbot, dlg.delete_hazard_button)
    assert [e.location.text() for e in dlg.editors] == ["甲", "丙"]
    assert messages.shown == []
    assert [dlg.hazard_table.item(r, 0).text() for r in range(2)] == ["1", "2"]

    dlg.hazard_table.setCurrentCell(0, 0)
    click(qtbot, dlg.delete_hazard_button)  # has content: asks, answer Cancel keeps it
    assert len(dlg.editors) == 2 and len(messages.texts("question")) == 1
    messages.answer = messages.answer.Yes
    click(qtbot, dlg.delete_hazard_button)
    assert [e.location.text() for e in dlg.editors] == ["丙"]
    assert dlg.hazard_box.title() == "发现隐患（1条）"


def test_changing_the_visit_date_moves_default_deadlines(qtbot: QtBot, world: World) -> None:
    dlg = open_dialog(qtbot, world)
    click(qtbot, dlg.add_hazard_button)
    editor = dlg.editors[0]
    day = date.today() - timedelta(days=10)
    dlg.header.inspected_on.set_value(day)
    assert editor.deadline.value() == day + timedelta(days=15)


def test_picker_says_when_nothing_matches_and_forgets_a_pick_when_edited(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    dlg = open_dialog(qtbot, world)
    pick_by_typing(qtbot, dlg, "000000001")
    assert dlg.header.picker.enterprise_id() == world.enterprise_ids[0]
    assert dlg.header.place.text() == "常州市新北区春江镇滨江路1号"
    assert "春江镇" in dlg.header.picker.info.text()

    qtbot.keyClick(dlg.header.picker.edit, Qt.Key.Key_Backspace)  # no longer the picked name
    assert dlg.header.picker.enterprise_id() is None
    assert dlg.header.place.text() == ""  # the address we filled in goes with the pick
    assert dlg.header.picker.info.text() == "未选择企业"

    dlg.header.picker.edit.clear()
    calls: list[str] = []
    search = world.services.enterprises.search_names
    monkeypatch.setattr(
        world.services.enterprises, "search_names", lambda t, n=30: calls.append(t) or search(t, n)
    )
    qtbot.keyClicks(dlg.header.picker.edit, "zzz")
    popup = dlg.header.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert dlg.header.picker.model.item(0).text() == "未找到匹配“zzz”的企业"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dlg.header.picker.enterprise_id() is None
    qtbot.keyClicks(dlg.header.picker.edit, "z")
    dlg.header.picker.search_now()
    assert calls == ["zzz"]  # "zzzz" contains a text that found nothing: no second query


def test_ctrl_enter_saves_from_a_multi_line_box(qtbot: QtBot, world: World, messages: Messages) -> None:
    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    click(qtbot, dlg.header.inspector_boxes[world.inspector_ids[0]])
    click(qtbot, dlg.add_hazard_button)
    fill_hazard(dlg.editors[0], "仓库", "灭火器过期", "现场管理 › 消防")
    dlg.editors[0].description.setFocus()
    qtbot.keyClick(dlg.editors[0].description, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.summary_label.text()
    rec = dlg.recorded
    assert rec is not None
    (row,) = world.services.inspections.get(rec.id).hazards
    assert row.description == "灭火器过期"  # no stray line break typed into it


def test_a_refusal_not_about_a_field_stays_under_the_form(
    qtbot: QtBot, world: World, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector.core.errors import PermissionDenied

    def refuse(*_a: object) -> None:
        raise PermissionDenied("您没有登记检查的权限")

    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    click(qtbot, dlg.header.inspector_boxes[world.inspector_ids[0]])
    monkeypatch.setattr(world.services.inspections, "record", refuse)
    click(qtbot, dlg.save_button)
    assert dlg.isVisible() and dlg.recorded is None
    assert messages.texts("warning") == ["您没有登记检查的权限"]  # the ops default, once
    assert dlg.summary_label.text() == "您没有登记检查的权限"
    assert dlg.header.picker.enterprise_id() == world.enterprise_ids[0]  # nothing lost
    messages.answer = messages.answer.Discard
    dlg.reject()  # closed: a dialog left active would parent the next test's windows
    assert not dlg.isVisible()


def test_a_deadline_typed_in_any_form_is_saved_and_one_that_is_no_day_is_named(
    qtbot: QtBot, world: World, messages: Messages
) -> None:
    s = world.services
    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    click(qtbot, dlg.header.inspector_boxes[world.inspector_ids[0]])
    click(qtbot, dlg.add_hazard_button)
    editor = dlg.editors[0]
    fill_hazard(editor, "罐区", "防火堤破损", "现场管理 › 危化品储存")
    later = date.today() + timedelta(days=40)
    editor.deadline.clear()
    qtbot.keyClicks(editor.deadline.edit, "2026/02/30")
    click(qtbot, dlg.save_button)
    assert dlg.isVisible() and s.inspections.count(InspectionFilter()) == 0
    assert "第1条隐患：整改时限：没有这一天：2026年2月30日" in dlg.summary_label.text()
    assert editor.errors["deadline"].isVisible()
    editor.deadline.clear()
    qtbot.keyClicks(editor.deadline.edit, later.strftime("%Y%m%d"))
    assert editor.deadline.text() == later.strftime("%Y%m%d")  # kept as typed, not swallowed
    click(qtbot, dlg.save_button)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.summary_label.text()
    assert dlg.recorded is not None and s.hazards.detail(dlg.recorded.hazards[0].id).deadline == later
