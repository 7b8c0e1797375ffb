"""Photos in the visit's 检查表 tab, through the real dialog: P picks photos for the current item,
an image dropped on a row goes to that item, the row shows it, and saving the visit stores the
photos with the item (a failed item's also as its hazard's 整改前 photos)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from inspector.core.audit import Actor
from inspector.core.checklists import ChecklistResultInput
from inspector.core.context import Services
from inspector.core.inspections import InspectionInput
from inspector.core.photos import PhotoInput
from inspector.ui.inspection_detail import InspectionDetailDialog
from inspector.ui.visit_checklist import COL_PHOTOS
from inspector.ui.visit_dialog import VisitDialog
from tests.ui.checklist_visits import dust_enterprise, officers
from tests.ui.conftest import choose_category
from tests.ui.test_visit_checklist import dust_visit, press, show_list

__all__ = ["dust_visit"]  # the fixture, shared with the checklist tests


def _jpeg(path: Path, colour: tuple[int, int, int]) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def _row(dlg: VisitDialog, number: str) -> int:
    return next(r for r, item in enumerate(dlg.checklist._rows) if item.number == number)


def _pick(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> list[str]:
    titles: list[str] = []

    def pick(_parent: Any, title: str, *_a: Any, **_k: Any) -> tuple[list[str], str]:
        titles.append(title)
        return [str(p) for p in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(pick))
    return titles


def test_p_attaches_photos_to_the_item_and_they_are_saved_with_the_visit(
    qtbot: QtBot,
    dust_visit: tuple[VisitDialog, Services],
    messages: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dlg, s = dust_visit
    panel = dlg.checklist
    dlg.tabs.setCurrentWidget(panel)
    show_list(dlg, "第十一条")
    evidence = _jpeg(tmp_path / "泄爆片缺失.jpg", (200, 30, 30))
    press(qtbot, dlg, "12")  # （一）合格, （二）不合格 — the cursor moves on to （三）
    titles = _pick(monkeypatch, evidence)
    dlg.checklist.table.setCurrentCell(_row(dlg, "第十一条（二）"), 1)
    press(qtbot, dlg, "p")
    assert titles == ["为检查项“第十一条（二）”添加照片"]
    marker = panel.table.item(_row(dlg, "第十一条（二）"), COL_PHOTOS)
    assert marker is not None and marker.text() == "1" and not marker.icon().isNull()
    assert "整改前" in panel.photo_heading.text()  # a failed item: the user is told where they go
    assert panel.table.hasFocus()  # back to the keyboard flow
    # The photo stays with its item when the cursor moves away and back.
    panel.table.setCurrentCell(_row(dlg, "第十一条（一）"), 1)
    assert panel._strip().pending_count() == 0
    panel.table.setCurrentCell(_row(dlg, "第十一条（二）"), 1)
    assert panel._strip().pending_count() == 1
    press(qtbot, dlg, "4")  # the rest 合格
    [editor] = dlg.editors
    editor.location.setText("除尘间")
    choose_category(editor, "现场管理 › 粉尘防爆")
    assert dlg.save(), messages.shown

    recorded = dlg.recorded
    assert recorded is not None
    [visit] = [v for v in s.checklists.results(recorded.id) if v.checklist.code == "GM-2023"]
    by_number = {r.item.number: r for r in visit.results}
    [photo] = by_number["第十一条（二）"].photos
    assert photo.filename == "泄爆片缺失.jpg"
    assert s.checklists.photo_content(photo.id) == evidence.read_bytes()
    assert by_number["第十一条（一）"].photos == ()
    [hazard] = recorded.hazards
    assert [(p.phase, p.filename) for p in s.photos.list(hazard.id)] == [("整改前", "泄爆片缺失.jpg")]


def test_an_image_dropped_on_a_row_goes_to_that_item(
    qtbot: QtBot, dust_visit: tuple[VisitDialog, Services], messages: Any, tmp_path: Path
) -> None:
    dlg, _s = dust_visit
    panel = dlg.checklist
    dlg.tabs.setCurrentWidget(panel)
    show_list(dlg, "第十一条")
    row = _row(dlg, "第十一条（四）")
    picture = _jpeg(tmp_path / "除尘器.jpg", (30, 30, 200))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    cell = panel.table.item(row, 1)
    assert cell is not None
    panel.table.scrollToItem(cell)
    at = QPointF(panel.table.visualItemRect(cell).center())
    enter = QDragEnterEvent(
        at.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel.table.viewport(), enter)  # Qt delivers a drop only after an accepted enter
    assert enter.isAccepted()
    drop = QDropEvent(
        at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(panel.table.viewport(), drop)
    assert drop.isAccepted()
    assert panel.table.currentRow() == row
    assert [p.filename for p in panel.photos_of(panel._rows[row])] == ["除尘器.jpg"]
    marker = panel.table.item(row, COL_PHOTOS)
    assert marker is not None and marker.text() == "1"
    assert messages.shown == []


def test_a_photo_on_an_unanswered_item_asks_for_its_result_instead_of_being_lost(
    qtbot: QtBot,
    dust_visit: tuple[VisitDialog, Services],
    messages: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dlg, _s = dust_visit
    panel = dlg.checklist
    dlg.tabs.setCurrentWidget(panel)
    show_list(dlg, "第十一条")
    _pick(monkeypatch, _jpeg(tmp_path / "a.jpg", (1, 2, 3)))
    press(qtbot, dlg, "p")  # on （一）, not answered
    assert not dlg.save()
    assert dlg.tabs.currentWidget() is panel
    assert "第十一条（一）" in panel.error_label.text() and "检查结果" in panel.error_label.text()


def test_a_damaged_file_is_refused_by_name_and_the_item_keeps_no_photo(
    qtbot: QtBot,
    dust_visit: tuple[VisitDialog, Services],
    messages: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dlg, _s = dust_visit
    panel = dlg.checklist
    dlg.tabs.setCurrentWidget(panel)
    show_list(dlg, "第十一条")
    bad = tmp_path / "坏.jpg"
    bad.write_bytes(_jpeg(tmp_path / "x.jpg", (9, 9, 9)).read_bytes()[:300])
    _pick(monkeypatch, bad)
    press(qtbot, dlg, "p")
    [(kind, _title, text)] = messages.shown
    assert kind == "warning" and "坏.jpg" in text
    assert panel.photos_of(panel._rows[0]) == []


def test_the_visit_detail_shows_the_items_photos(
    qtbot: QtBot, ui_services: Services, messages: Any, tmp_path: Path
) -> None:

    s = ui_services
    boss = Actor(id=None, name="管理员")
    eid = dust_enterprise(s, 7)
    people = officers(s)
    gm = next(c for c in s.checklists.offered(eid) if c.code == "GM-2023")
    items = {i.number: i.id for i in gm.items}
    picture = _jpeg(tmp_path / "分区.jpg", (20, 160, 20)).read_bytes()
    recorded = s.inspections.record(
        boss,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=date.today() - timedelta(days=1),
            kind="日常检查",
            inspector_ids=people,
            start_time="09:00",
            end_time="10:00",
            checklist_results=[
                ChecklistResultInput(items["第十一条（一）"], "合格"),
                ChecklistResultInput(
                    items["第十一条（二）"], "合格", photos=[PhotoInput(data=picture, filename="分区.jpg")]
                ),
            ],
        ),
    )
    dlg = InspectionDetailDialog(s, lambda: boss, recorded.id)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.checklist_table.rowCount() == 2 and not dlg.checklist_table.isHidden()
    assert "检查 2 项，不合格 0 项" in dlg.checklist_heading.text()
    photos_cell = dlg.checklist_table.item(1, 4)
    assert photos_cell is not None and photos_cell.text() == "1"
    assert dlg.checklist_table.currentRow() == 1  # opened on the first item with photos
    assert dlg.item_photo_count() == 1 and not dlg.item_photos.isHidden()
    qtbot.waitUntil(lambda: dlg.item_photos.thumbnails_pending() == 0, timeout=5000)
    shown: list[Any] = []
    dlg.item_photos.open_preview = shown.append
    item = dlg.item_photos.list.item(0)
    assert item is not None and item.text() == "分区.jpg"
    dlg.item_photos.list.itemDoubleClicked.emit(item)
    [preview] = shown
    assert preview.windowTitle() == "分区.jpg"  # the bytes were read through services.checklists
    dlg.checklist_table.setCurrentCell(0, 0)
    assert dlg.item_photo_count() == 0
    assert messages.shown == []
