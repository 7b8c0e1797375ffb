"""检查表管理 → 导入新版本…: an Excel file becomes the next version of the chosen office list,
after the dialog says what changes; an unchanged file adds no version, a bad one writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.core.checklists import Checklist, OfficeChecklistInput, OfficeItemInput
from inspector.core.checklists.excel import export_checklist
from inspector.core.context import Services
from inspector.ui.checklist_dialog import ChecklistDialog
from tests.ui.conftest import Messages


@pytest.fixture
def office_list(ui_services: Services, team: dict[str, int]) -> Checklist:
    boss = ui_services.inspectors.actor_for(team["boss"])
    return ui_services.checklists.create(
        boss,
        OfficeChecklistInput(
            "粉尘防爆专项检查表",
            ["涉爆粉尘"],
            [
                OfficeItemInput("除尘系统", "除尘器未设置泄爆装置", "GB 15577-2018 第6.3条", True),
                OfficeItemInput("清扫制度", "未建立粉尘清扫制度"),
            ],
        ),
    )


def _dialog(qtbot: QtBot, s: Services, who: int, chosen: Checklist) -> ChecklistDialog:
    dialog = ChecklistDialog(s, s.inspectors.actor_for(who))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(next(n for n, c in enumerate(dialog.lists) if c.code == chosen.code))
    return dialog


def _pick(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "")))


def _edited_file(c: Checklist, tmp_path: Path) -> Path:
    """The list exported, then edited in Excel: item 2 reworded, a third item added."""
    path = export_checklist(c, tmp_path / "粉尘防爆专项检查表.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.cell(row=5, column=3).value = "未建立粉尘清扫制度或未按规定清扫"
    ws.append([3, "火花探测", "未按规定设置火花探测报警装置", "GB 15577-2018 第6.4条", "否"])
    wb.save(path)
    return path


def test_a_file_becomes_version_two_after_the_changes_are_shown(
    qtbot: QtBot,
    ui_services: Services,
    team: dict[str, int],
    office_list: Checklist,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    s = ui_services
    dialog = _dialog(qtbot, s, team["boss"], office_list)
    assert dialog.import_version_button.isVisible() and dialog.import_version_button.isEnabled()
    _pick(monkeypatch, _edited_file(office_list, tmp_path))
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.import_version_button, Qt.MouseButton.LeftButton)

    [(kind, _title, asked)] = messages.shown
    assert kind == "question"
    assert "由第1版（2项）更新为第2版（3项）" in asked
    assert "新增 1 项，删除 0 项，修改 1 项" in asked
    current = s.checklists.current(office_list.code)
    assert current.version == 2 and current.title == "粉尘防爆专项检查表"
    assert [i.content for i in current.items][1:] == [
        "未建立粉尘清扫制度或未按规定清扫",
        "未按规定设置火花探测报警装置",
    ]
    assert [v.version for v in s.checklists.versions(office_list.code)] == [1, 2]
    shown = dialog.current()
    assert shown is not None and shown.code == office_list.code and shown.version == 2  # stays chosen
    assert "第2版（3项），原第1版保留" in dialog.status_label.text()
    assert dialog.items_table.rowCount() == 3


def test_declining_or_an_unchanged_file_adds_no_version(
    qtbot: QtBot,
    ui_services: Services,
    team: dict[str, int],
    office_list: Checklist,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    s = ui_services
    dialog = _dialog(qtbot, s, team["boss"], office_list)
    _pick(monkeypatch, _edited_file(office_list, tmp_path))
    messages.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.import_version_button, Qt.MouseButton.LeftButton)
    assert [k for k, _t, _x in messages.shown] == ["question"]
    assert s.checklists.current(office_list.code).version == 1

    same = export_checklist(office_list, tmp_path / "原样.xlsx")
    _pick(monkeypatch, same)
    qtbot.mouseClick(dialog.import_version_button, Qt.MouseButton.LeftButton)
    kind, _title, text = messages.shown[-1]
    assert kind == "information" and "与“粉尘防爆专项检查表”当前第1版相同" in text
    assert [v.version for v in s.checklists.versions(office_list.code)] == [1]


def test_a_bad_file_names_its_rows_and_writes_nothing(
    qtbot: QtBot,
    ui_services: Services,
    team: dict[str, int],
    office_list: Checklist,
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    s = ui_services
    path = export_checklist(office_list, tmp_path / "坏.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.cell(row=4, column=3).value = ""  # 检查内容 emptied
    ws.cell(row=5, column=5).value = "也许"
    wb.save(path)
    dialog = _dialog(qtbot, s, team["boss"], office_list)
    _pick(monkeypatch, path)
    qtbot.mouseClick(dialog.import_version_button, Qt.MouseButton.LeftButton)
    [(kind, _title, text)] = messages.shown
    assert kind == "warning" and "2处错误，未导入" in text
    assert "第4行" in text and "第5行" in text
    assert [v.version for v in s.checklists.versions(office_list.code)] == [1]


def test_an_inspector_sees_the_action_greyed(
    qtbot: QtBot, ui_services: Services, team: dict[str, int], office_list: Checklist
) -> None:
    dialog = _dialog(qtbot, ui_services, team["zhang"], office_list)
    assert dialog.import_version_button.isVisible() and not dialog.import_version_button.isEnabled()
    dialog.list.setCurrentRow(0)  # a shipped standard: no versions to import into
    assert not dialog.import_version_button.isVisible()
