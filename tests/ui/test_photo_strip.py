"""PhotoStrip: adding files, pasting, removing pending photos, saved thumbnails and the preview."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from inspector.core.context import Services
from inspector.core.enums import PhotoPhase
from inspector.core.photos import PhotoMeta
from inspector.ui.photo_strip import PhotoPreviewDialog, PhotoStrip
from tests.ui.conftest import Messages


def png(path: Path, colour: str = "#1f6fd1", size: tuple[int, int] = (64, 40)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def jpeg(path: Path) -> Path:
    image = QImage(1200, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b8a3e"))
    assert image.save(str(path), "JPG")
    return path


@pytest.fixture
def strip(qtbot: QtBot) -> PhotoStrip:
    w = PhotoStrip(PhotoPhase.BEFORE.value)
    qtbot.addWidget(w)
    w.resize(600, 160)
    w.show()
    return w


def test_add_files_keeps_images_and_names_refused_ones(
    strip: PhotoStrip, tmp_path: Path, qtbot: QtBot
) -> None:
    bad = tmp_path / "记录.docx"
    bad.write_bytes(b"PK\x03\x04not an image")
    with qtbot.waitSignal(strip.changed):
        errors = strip.add_files([png(tmp_path / "阀门.png"), jpeg(tmp_path / "罐区.jpg"), bad])
    assert errors == ["照片“记录.docx”不是JPEG或PNG图片"]
    pending = strip.pending()
    assert [p.filename for p in pending] == ["阀门.png", "罐区.jpg"]
    assert {p.phase for p in pending} == {"整改前"}
    assert pending[0].data == (tmp_path / "阀门.png").read_bytes()
    assert strip.list.count() == 2
    assert strip.list.item(1).text() == "罐区.jpg"
    # the thumbnail is small, never the 1200x900 picture
    assert max(strip.list.item(1).icon().availableSizes()[0].toTuple()) <= 96


def test_choose_files_warns_about_refused_files(
    strip: PhotoStrip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: Messages
) -> None:
    missing = str(tmp_path / "不存在.png")
    monkeypatch.setattr(
        "inspector.ui.save_dialog.QFileDialog.getOpenFileNames",
        lambda *a, **k: ([str(png(tmp_path / "a.png")), missing], ""),
    )
    strip.add_button.click()
    assert [p.filename for p in strip.pending()] == ["a.png"]
    assert messages.texts("warning") == ["照片文件“不存在.png”不存在或无法读取"]


def test_the_photo_picker_opens_where_the_last_photos_came_from(
    strip: PhotoStrip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    camera = tmp_path / "相机" / "2026-12"
    camera.mkdir(parents=True)
    started: list[str] = []

    def pick(_parent: object, _title: str, folder: str, _filter: str) -> tuple[list[str], str]:
        started.append(folder)
        return [str(png(camera / f"现场{len(started)}.png"))], ""

    monkeypatch.setattr("inspector.ui.save_dialog.QFileDialog.getOpenFileNames", pick)
    strip.add_button.click()
    strip.add_button.click()
    assert started[0] != str(camera) and started[1] == str(camera)
    assert [p.filename for p in strip.pending()] == ["现场1.png", "现场2.png"]


def test_paste_button_takes_a_copied_picture(strip: PhotoStrip, qtbot: QtBot, messages: Messages) -> None:
    image = QImage(50, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#e03131"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.mouseClick(strip.paste_button, Qt.MouseButton.LeftButton)
    QGuiApplication.clipboard().setImage(image)
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [p.filename for p in strip.pending()] == ["粘贴图片.png", "粘贴图片2.png"]
    data = strip.pending()[0].data
    assert data is not None and data.startswith(b"\x89PNG")
    assert QImage.fromData(data).size().toTuple() == (50, 30)
    assert messages.shown == []


def test_paste_copied_files_and_nothing_to_paste(
    strip: PhotoStrip, tmp_path: Path, messages: Messages
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png(tmp_path / "复制的.png")))])
    QGuiApplication.clipboard().setMimeData(mime)
    strip.paste()
    assert [p.filename for p in strip.pending()] == ["复制的.png"]
    QGuiApplication.clipboard().setText("只是文字")
    strip.paste()
    assert len(strip.pending()) == 1
    assert messages.texts("warning") == ["剪贴板中没有图片：请先复制截图或图片文件"]


def test_remove_selected_pending_photo(strip: PhotoStrip, tmp_path: Path, qtbot: QtBot) -> None:
    strip.add_files([png(tmp_path / "一.png"), png(tmp_path / "二.png", "#fab005")])
    assert not strip.remove_button.isEnabled()
    strip.list.item(0).setSelected(True)
    assert strip.remove_button.isEnabled()
    with qtbot.waitSignal(strip.changed):
        qtbot.mouseClick(strip.remove_button, Qt.MouseButton.LeftButton)
    assert [p.filename for p in strip.pending()] == ["二.png"]
    strip.list.item(0).setSelected(True)
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert strip.pending() == []
    assert strip.list.count() == 0


def test_saved_photos_are_read_only_and_previewable(
    strip: PhotoStrip, tmp_path: Path, qtbot: QtBot, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = png(tmp_path / "s.png", size=(300, 200)).read_bytes()
    loads: list[int] = []

    def load(photo_id: int) -> bytes:
        loads.append(photo_id)
        return data

    meta = PhotoMeta(
        7, 1, "整改前", "现场.png", "", "x", "image/png", len(data), datetime(2026, 11, 3, 9, 30)
    )
    monkeypatch.setattr(ui_services.photos, "content", load)
    strip.set_saved([meta], ui_services)
    qtbot.waitUntil(lambda: strip.thumbnails_pending() == 0)  # decoded off the GUI thread
    strip.add_files([png(tmp_path / "新.png")])
    assert strip.list.count() == 2
    assert loads == [7]  # the saved thumbnail is not fetched again when the strip changes
    assert [p.filename for p in strip.pending()] == ["新.png"]
    assert "现场.png" in strip.list.item(0).toolTip()
    strip.list.item(0).setSelected(True)
    assert not strip.remove_button.isEnabled()  # a stored photo cannot be removed here
    strip.remove_selected()
    assert strip.list.count() == 2

    shown: list[QDialog] = []
    strip.open_preview = shown.append
    rect = strip.list.visualItemRect(strip.list.item(0))
    # a click first: QTest's double click alone does not give the view a pressed item
    qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(shown) == 1 and isinstance(shown[0], PhotoPreviewDialog)
    assert shown[0].windowTitle() == "现场.png"
    assert loads[-1] == 7
    shown[0].show()
    pix = shown[0].image_label.pixmap()
    assert not pix.isNull() and pix.width() <= shown[0].image_label.width()

    strip.clear_pending()
    assert strip.pending() == [] and strip.list.count() == 1


def test_read_only_strip_has_no_buttons(qtbot: QtBot, tmp_path: Path, messages: Messages) -> None:
    w = PhotoStrip(PhotoPhase.AFTER.value, editable=False)
    qtbot.addWidget(w)
    w.show()
    assert not w.add_button.isVisible() and not w.paste_button.isVisible()
    img = QImage(10, 10, QImage.Format.Format_RGB32)
    QGuiApplication.clipboard().setImage(img)
    w.paste()
    assert w.pending() == []


def test_phase_comes_from_the_strip(qtbot: QtBot, tmp_path: Path) -> None:
    w = PhotoStrip(PhotoPhase.AFTER.value)
    qtbot.addWidget(w)
    assert w.add_image_bytes(b"not an image", "x.bin") == ["照片“x.bin”不是JPEG或PNG图片"]
    assert w.add_image_bytes(png(tmp_path / "p.png").read_bytes()) == []
    assert [(p.phase, p.filename) for p in w.pending()] == [("整改后", "粘贴图片.png")]


def test_saved_thumbnails_are_decoded_off_the_gui_thread(
    strip: PhotoStrip, tmp_path: Path, qtbot: QtBot, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    data = png(tmp_path / "s.png", size=(300, 200)).read_bytes()
    threads: list[str] = []

    def load(photo_id: int) -> bytes:
        threads.append(threading.current_thread().name)
        return data

    meta = PhotoMeta(
        9, 1, "整改前", "现场.png", "", "x", "image/png", len(data), datetime(2026, 11, 3, 9, 30)
    )
    monkeypatch.setattr(ui_services.photos, "content", load)
    strip.set_saved([meta], ui_services)
    assert strip.list.count() == 1  # shown at once, with a placeholder
    qtbot.waitUntil(lambda: strip.thumbnails_pending() == 0)
    assert threads and threads[0] != threading.main_thread().name
    assert not strip.list.item(0).icon().isNull()


def test_big_photos_are_reduced_unless_the_original_is_kept(strip: PhotoStrip, tmp_path: Path) -> None:
    from inspector.core.photos import STORED_LONG_SIDE

    big = tmp_path / "big.jpg"
    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b8a3e"))
    assert image.save(str(big), "JPG")
    strip.add_files([big])
    reduced = QImage.fromData(strip.pending()[0].data or b"")
    assert max(reduced.width(), reduced.height()) == STORED_LONG_SIDE
    strip.keep_box.setChecked(True)
    strip.add_files([big])
    assert strip.pending()[1].data == big.read_bytes()


def test_a_photo_gone_meanwhile_shows_as_unreadable_without_a_message(
    strip: PhotoStrip, qtbot: QtBot, ui_services: Services, messages: Messages
) -> None:
    meta = PhotoMeta(404, 1, "整改前", "没了.png", "", "x", "image/png", 10, datetime(2026, 11, 3, 9, 30))
    strip.set_saved([meta], ui_services)  # no photo 404 in the database
    qtbot.waitUntil(lambda: strip.thumbnails_pending() == 0)
    assert strip.list.count() == 1 and messages.shown == []  # its tile says so, no box per tile

    shown: list[QDialog] = []
    strip.open_preview = shown.append
    strip._preview_item(strip.list.item(0))
    assert shown == [] and messages.texts("warning") == ["未找到照片（编号 404）"]  # the ops default


def test_the_empty_hint_never_wraps_a_character_onto_its_own_line(qtbot: QtBot) -> None:
    strip = PhotoStrip("整改前", editable=True)
    qtbot.addWidget(strip)
    for width in (900, 420, 300):
        strip.resize(width, strip.height())
        strip.show()
        lines = strip.list.hint_lines()
        fm = strip.list.fontMetrics()
        assert all(fm.horizontalAdvance(line) <= strip.list.viewport().width() - 16 for line in lines)
        assert all(len(line) > 3 for line in lines)  # whole phrases (or elided ones), no lone 「里」
    strip.resize(900, strip.height())
    assert strip.list.hint_lines() == ["暂无整改前照片 — 点击“添加照片…”、粘贴截图或把图片拖到这里"]


def test_an_english_hint_wraps_between_its_words_instead_of_being_cut(qtbot: QtBot) -> None:
    strip = PhotoStrip("整改前", editable=True)
    qtbot.addWidget(strip)
    words = "Click “Add Photos…”, paste a screenshot or drop images here"
    strip.list.empty_text = f"No Before Rectification photos\n{words}"
    strip.resize(300, strip.height())
    strip.show()
    lines = strip.list.hint_lines()
    fm = strip.list.fontMetrics()
    assert len(lines) > 2 and " ".join(lines[1:]) == words  # every word shown, none elided
    assert all(fm.horizontalAdvance(line) <= strip.list.viewport().width() - 16 for line in lines)
