"""The roster import dialog driven as an inspector would: pick a file, read the preview, click 导入."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from inspector.core import roster
from inspector.core.audit import Actor
from inspector.core.enterprises import LABELS, EnterpriseFilter
from inspector.core.errors import DomainError
from inspector.ui import import_dialog
from inspector.ui.import_dialog import (
    ImportPreviewDialog,
    PreviewModel,
    run_import_dialog,
    save_template,
)
from inspector.ui.style import ERROR_COLOUR
from tests.factories import credit_code, enterprise_input

ACTOR = Actor(id=None, name="张检查")
HEADERS = [LABELS["name"], LABELS["credit_code"], LABELS["jurisdiction"], LABELS["phone"], "序号"]


def write_roster(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["春江镇企业名录"])
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def good(n: int, phone: str = "0519-85123456") -> list[Any]:
    return [f"常州市新北区测试化工有限公司{n}", credit_code(n), "春江镇", phone, n]


def bad(n: int) -> list[Any]:
    return [f"常州市坏数据有限公司{n}", credit_code(n), "春江镇", "12345", n]


def pick(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def when_preview_shown(action: Callable[[ImportPreviewDialog], None], attempts: int = 1000) -> QTimer:
    """run_import_dialog blocks in exec(); act on its dialog from the event loop once it is shown."""
    timer = QTimer()
    timer.setInterval(10)
    tries = [0]

    def tick() -> None:
        tries[0] += 1
        shown = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, ImportPreviewDialog) and w.isVisible()
        ]
        if shown:
            timer.stop()
            action(shown[0])
        elif tries[0] > attempts:  # a safety valve so a broken dialog cannot hang the run
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    return timer


def count(services) -> int:
    return services.enterprises.count(EnterpriseFilter())


def test_pick_preview_and_import(qtbot, ui_services, messages, monkeypatch, tmp_path: Path) -> None:
    pick(monkeypatch, write_roster(tmp_path / "名录.xlsx", [good(1), good(2)]))
    seen: dict[str, str] = {}

    def act(dialog: ImportPreviewDialog) -> None:
        seen["summary"] = dialog.summary_label.text()
        seen["notes"] = dialog.notes_label.text()
        seen["enabled"] = str(dialog.import_button.isEnabled())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    timer = when_preview_shown(act)
    assert run_import_dialog(None, ui_services, ACTOR) is True
    timer.stop()
    assert seen == {"summary": "共2行：新增2，更新0，错误0", "notes": "以下列不导入：序号", "enabled": "True"}
    assert count(ui_services) == 2
    assert messages.texts("information") == ["导入完成：新增2家，更新0家。"]


def test_reimport_shows_updates(qtbot, ui_services, messages, monkeypatch, tmp_path: Path) -> None:
    ui_services.enterprises.create(ACTOR, enterprise_input(1))
    pick(monkeypatch, write_roster(tmp_path / "r.xlsx", [good(1, phone="13912345678"), good(2)]))
    seen: list[str] = []

    def act(dialog: ImportPreviewDialog) -> None:
        seen.append(dialog.summary_label.text())
        seen.append(dialog.model.index(0, PreviewModel.DETAIL).data())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    timer = when_preview_shown(act)
    assert run_import_dialog(None, ui_services, ACTOR) is True
    timer.stop()
    assert seen == ["共2行：新增1，更新1，错误0", "变更：联系电话"]
    assert count(ui_services) == 2
    assert messages.texts("information") == ["导入完成：新增1家，更新1家。"]


def preview_dialog(qtbot, services, path: Path) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(services, ACTOR, roster.preview(services, path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_bad_row_blocks_import_until_skip_is_ticked(qtbot, ui_services, messages, tmp_path: Path) -> None:
    dialog = preview_dialog(qtbot, ui_services, write_roster(tmp_path / "b.xlsx", [good(1), bad(2), good(3)]))
    assert dialog.summary_label.text() == "共3行：新增2，更新0，错误1"
    assert not dialog.skip_errors_box.isChecked()
    assert not dialog.import_button.isEnabled()
    assert (
        dialog.hint_label.text()
        == "有1行存在错误：请修正 Excel 后重新导入，或勾选“跳过错误行，只导入正确的行”。"
    )
    # the first bad row is selected and its errors are spelled out below the table
    assert dialog.detail_label.text() == (
        "第4行（常州市坏数据有限公司2）有1处错误：\n"
        "· 联系电话格式不正确：应为11位手机号或带区号的固定电话（如 0519-85123456）"
    )

    qtbot.mouseClick(dialog.skip_errors_box, Qt.MouseButton.LeftButton)
    assert dialog.skip_errors_box.isChecked()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.skip_errors_box, Qt.MouseButton.LeftButton)
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.skip_errors_box, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(dialog.imported) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert (result.created, result.skipped) == (2, 1)
    assert count(ui_services) == 2
    assert messages.texts("information") == [
        "导入完成：新增2家，更新0家，跳过错误行1行。\n"
        "第4行 联系电话：联系电话格式不正确：应为11位手机号或带区号的固定电话（如 0519-85123456）"
    ]
    assert dialog.written
    assert not dialog.isVisible()  # accepted


def test_table_colours_and_errors_only_filter(qtbot, ui_services, qtmodeltester, tmp_path: Path) -> None:
    dialog = preview_dialog(qtbot, ui_services, write_roster(tmp_path / "c.xlsx", [good(1), bad(2), good(3)]))
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert [model.index(r, PreviewModel.STATUS).data() for r in range(3)] == ["新增", "错误", "新增"]
    assert model.index(1, PreviewModel.DETAIL).data(Qt.ItemDataRole.ForegroundRole) == QColor(ERROR_COLOUR)
    assert model.index(0, PreviewModel.DETAIL).data(Qt.ItemDataRole.ForegroundRole) is None
    assert dialog.proxy.rowCount() == 3
    qtbot.mouseClick(dialog.errors_only_box, Qt.MouseButton.LeftButton)
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, PreviewModel.ROW).data() == "4"


def test_nothing_to_write_disables_import(qtbot, ui_services, tmp_path: Path) -> None:
    ui_services.enterprises.create(ACTOR, enterprise_input(1))
    row = [enterprise_input(1).name, credit_code(1), "春江镇", "0519-85123456", 1]
    dialog = preview_dialog(qtbot, ui_services, write_roster(tmp_path / "same.xlsx", [row]))
    assert dialog.summary_label.text() == "共1行：新增0，更新0，错误0，无变化1"
    assert not dialog.import_button.isEnabled()
    assert dialog.hint_label.text() == "没有需要导入的新企业或变更。"


def test_cancel_during_import_writes_nothing(
    qtbot, ui_services, messages, monkeypatch, tmp_path: Path
) -> None:
    dialog = preview_dialog(qtbot, ui_services, write_roster(tmp_path / "x.xlsx", [good(1), good(2)]))
    real_apply = roster.apply

    def apply_until_cancelled(services, actor, preview, partial=False, progress=None):  # type: ignore[no-untyped-def]
        for _ in range(20_000):  # keep "working" until 取消 is pressed (bounded, so a bug cannot hang)
            if not progress(0, len(preview.rows)):
                break
            time.sleep(0.001)
        return real_apply(services, actor, preview, partial=partial, progress=progress)

    monkeypatch.setattr(roster, "apply", apply_until_cancelled)

    timer = QTimer()
    timer.setInterval(5)

    def press_cancel() -> None:  # as soon as the progress dialog exists, press its 取消 button
        progress = dialog.findChild(QProgressDialog)
        if progress is not None:
            timer.stop()
            button = progress.findChild(QPushButton)
            assert button is not None and button.text() == "取消"
            button.click()

    timer.timeout.connect(press_cancel)
    timer.start()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert dialog.import_result is not None and dialog.import_result.cancelled
    assert messages.texts("information") == ["已取消导入，未写入任何数据。"]
    assert count(ui_services) == 0
    assert dialog.isVisible() and dialog.isEnabled()  # the user may still import or close


def test_a_refused_import_is_a_warning_and_the_dialog_stays(
    qtbot, ui_services, messages, monkeypatch, tmp_path: Path
) -> None:
    """A refusal from the core while writing (here: someone changed the roster meanwhile) is told
    by ops as a warning with its message; nothing is written and the user may try again."""
    dialog = preview_dialog(qtbot, ui_services, write_roster(tmp_path / "r.xlsx", [good(1)]))

    def refuse(*_a: Any, **_k: Any) -> None:
        raise DomainError("企业名录已被他人修改，请重新导入")

    monkeypatch.setattr(roster, "apply", refuse)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert messages.texts("warning") == ["企业名录已被他人修改，请重新导入"]
    assert dialog.import_result is None and not dialog.written
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    assert count(ui_services) == 0


def test_unreadable_file_is_explained(qtbot, ui_services, messages, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "名录.xlsx"
    path.write_text("企业名称\n", encoding="utf-8")
    pick(monkeypatch, path)
    assert run_import_dialog(None, ui_services, ACTOR) is False
    assert messages.texts("warning") == ["“名录.xlsx”不是 Excel（.xlsx）文件"]


def test_cancelled_file_picker_does_nothing(qtbot, ui_services, messages, monkeypatch) -> None:
    pick(monkeypatch, "")
    assert run_import_dialog(None, ui_services, ACTOR) is False
    assert messages.shown == []


def test_save_template(qtbot, ui_services, messages, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "模板"), ""))
    )
    save_template(None, ui_services)
    saved = tmp_path / "模板.xlsx"
    assert saved.exists()
    assert [c.value for c in load_workbook(saved).worksheets[0][1]] == roster.template_headers()
    assert messages.texts("information") == [
        f"导入模板已保存到：\n{saved}\n\n按“说明”工作表填写后，用“导入企业名录”导入。"
    ]


def test_save_template_failure_is_a_warning(
    qtbot, ui_services, messages, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "t.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    save_template(None, ui_services)
    assert messages.texts("warning") == [f"无法保存模板：文件夹不存在（{target.parent}）"]


def test_strings_are_visible_to_lupdate() -> None:
    """No wrapper hides the strings: they are self.tr / translate("ImportDialog", …) calls."""
    assert not hasattr(import_dialog, "tr")
    assert 'QCoreApplication.translate("ImportDialog", "读取企业名录")' in Path(
        import_dialog.__file__
    ).read_text(encoding="utf-8")


def test_error_list_is_saved_as_excel_and_copied(
    qtbot, ui_services, messages, monkeypatch, tmp_path: Path
) -> None:
    """A broken roster: 导出错误清单… writes the refused rows (row, field, message); 复制错误 copies them."""
    source = write_roster(tmp_path / "坏名录.xlsx", [good(1), bad(2), good(3), bad(4)])
    dialog = preview_dialog(qtbot, ui_services, source)
    assert dialog.save_errors_button.isVisible() and dialog.copy_errors_button.isVisible()
    suggested: list[str] = []

    def save_as(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        suggested.append(start)
        return str(tmp_path / "errors"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(dialog.save_errors_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "errors.xlsx"
    assert suggested == [str(tmp_path / "坏名录_错误清单.xlsx")]
    assert dialog.saved_errors == saved and messages.texts("information") == [f"已导出 2 处错误：\n{saved}"]
    ws = load_workbook(saved)["导入错误"]
    assert [c.value for c in ws[3]] == ["行号", "企业名称", "字段", "错误说明"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    expected = [[e.row, r.name, e.field, e.message] for r in dialog.preview.rows for e in r.errors]
    assert rows == expected and [r[0] for r in rows] == [4, 6]
    assert all(r[2] == "联系电话" for r in rows)

    qtbot.mouseClick(dialog.copy_errors_button, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "行号\t企业名称\t字段\t错误说明"
    assert [line.split("\t")[:3] for line in lines[1:]] == [[str(r[0]), r[1], r[2]] for r in rows]
    assert dialog.hint_label.text() == "已复制 2 处错误。"


def test_no_error_buttons_for_a_clean_file(qtbot, ui_services, tmp_path: Path) -> None:
    dialog = preview_dialog(qtbot, ui_services, write_roster(tmp_path / "ok.xlsx", [good(1)]))
    assert not dialog.save_errors_button.isVisible() and not dialog.copy_errors_button.isVisible()


def test_the_picker_opens_where_the_last_roster_was(
    qtbot, ui_services, messages, monkeypatch, tmp_path: Path
) -> None:
    from inspector.ui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    folder = tmp_path / "名录"
    folder.mkdir()
    source = write_roster(folder / "名录.xlsx", [good(1)])
    starts: list[str] = []

    def open_file(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        starts.append(start)
        return (str(source), "") if len(starts) == 1 else ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    timer = when_preview_shown(lambda d: d.reject())
    run_import_dialog(None, ui_services, ACTOR, settings)
    timer.stop()
    assert run_import_dialog(None, ui_services, ACTOR, settings) is False
    assert starts[1] == str(folder) and starts[0] != str(folder)
    assert Settings(tmp_path / "settings.ini").last_folder("import") == folder
