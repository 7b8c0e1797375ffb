"""双随机抽取 and 回避登记 driven through their real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.core.context import Services
from inspector.db.models import DrawEntry
from inspector.ui import print_actions
from inspector.ui.conflict_dialog import ConflictDialog
from inspector.ui.draw_dialog import DrawDialog
from tests.core.draw_cases import office
from tests.ui.conftest import Messages, cell


def _rows(table: Any) -> list[tuple[str, ...]]:
    return [tuple(cell(table, r, c) for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_draw_show_reopen_print_publish_and_verify(
    qtbot: QtBot, ui_services: Services, messages: Messages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    o = office(ui_services, enterprises=10)
    dialog = DrawDialog(ui_services, lambda: o.boss)
    qtbot.addWidget(dialog)
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.pool_size.text() == "范围内企业：10 家")
    assert panel.seed.text()[:8].isdigit()  # prefilled from the date and time

    panel.seed.clear()
    qtbot.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    assert panel.errors["seed"].isVisibleTo(panel) and "随机数种子" in panel.errors["seed"].text()
    assert panel.table.rowCount() == 0

    panel.by_count.setChecked(True)
    panel.count.setValue(3)
    panel.seed.setText("20261122-0930")
    qtbot.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    first = _rows(panel.table)
    assert len(first) == 3 and all(r[4] != r[5] for r in first)
    assert not {"李无证", "陈离岗"} & {name for r in first for name in r[4:]}
    assert "抽取3家" in panel.facts.text() and "企业库 10 家" in panel.facts.text()
    assert panel.seed.text() != "20261122-0930"  # a fresh seed for the next draw

    panel.seed.setText("20261122-0930")
    qtbot.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    assert _rows(panel.table) == first  # the same seed, the same draw
    qtbot.waitUntil(lambda: panel.history.count() == 2)

    panel.pool.setCurrentIndex(1)  # by filter: 罗溪镇 only
    panel.town.setCurrentIndex(panel.town.findData("罗溪镇"))
    qtbot.waitUntil(lambda: panel.pool_size.text() == "范围内企业：4 家")
    panel.count.setValue(5)
    qtbot.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    assert "超过抽取范围内的企业数（4家）" in panel.errors["count"].text()

    panel.history.setCurrentRow(1)
    panel._reopen(panel.history.item(1))  # the first draw, reopened from the list
    assert _rows(panel.table) == first

    pdf, xlsx = tmp_path / "结果.pdf", tmp_path / "公示.xlsx"
    answers = iter([(str(pdf), ""), (str(xlsx), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: next(answers)))
    opened: list[Path] = []
    monkeypatch.setattr(print_actions, "open_file", lambda p: opened.append(p) or True)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert opened == [pdf] and pdf.read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(panel.public_button, Qt.MouseButton.LeftButton)
    ws = load_workbook(xlsx).active
    assert ws is not None
    assert [r[1] for r in ws.iter_rows(min_row=5, max_row=7, values_only=True)] == [r[1] for r in first]
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][0] == "information" and "校验通过" in messages.shown[-1][2]


def test_declare_and_withdraw_a_conflict(qtbot: QtBot, ui_services: Services, messages: Messages) -> None:
    o = office(ui_services, enterprises=2, inspectors=3)
    clerk = ui_services.inspectors.actor_for(o.certified[1])
    acting = [clerk]
    dialog = ConflictDialog(ui_services, lambda: acting[0])
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.declare_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["enterprise_id"].isVisibleTo(dialog) and dialog.errors["reason"].isVisibleTo(dialog)

    dialog.inspector.setCurrentIndex(dialog.inspector.findText("检查员3"))
    dialog.picker.set_enterprise(o.enterprises[0])
    dialog.reason.setText("配偶在该企业任职")
    qtbot.mouseClick(dialog.declare_button, Qt.MouseButton.LeftButton)
    assert _rows(dialog.table) == [
        (
            "检查员3",
            "常州市新北区测试化工有限公司1",
            "配偶在该企业任职",
            ui_services.clock().isoformat(),
            "",
            "检查员2",
        )
    ]
    assert dialog.reason.text() == "" and dialog.picker.enterprise_id() is None

    dialog.table.selectRow(0)
    messages.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert messages.texts("warning")[-1] == "撤销回避须由科室负责人办理"
    acting[0] = o.boss
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    dialog.show_withdrawn.setChecked(True)
    assert cell(dialog.table, 0, 4) == ui_services.clock().isoformat()


def test_a_drawn_enterprise_leads_to_its_scheme_or_a_visit(
    qtbot: QtBot, ui_services: Services, messages: Messages
) -> None:
    o = office(ui_services, enterprises=10)
    dialog = DrawDialog(ui_services, lambda: o.boss)
    qtbot.addWidget(dialog)
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.pool_size.text() == "范围内企业：10 家")
    assert not panel.scheme_button.isEnabled() and not panel.entry_visit_button.isEnabled()
    panel.by_count.setChecked(True)
    panel.count.setValue(3)
    qtbot.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 3 and not panel.scheme_button.isEnabled()
    panel.table.selectRow(1)
    assert panel.scheme_button.isEnabled()
    result = panel.result
    assert result is not None
    with ui_services.db.reading() as s:
        stored = s.execute(
            select(DrawEntry.id, DrawEntry.enterprise_id).where(
                DrawEntry.draw_id == result.id, DrawEntry.position == 2
            )
        ).one()
    with qtbot.waitSignal(panel.scheme_requested) as asked:
        panel.scheme_button.click()
    assert asked.args == [stored.enterprise_id, stored.id]
    with qtbot.waitSignal(panel.visit_requested) as visit:
        panel.entry_visit_button.click()
    assert visit.args == [stored.enterprise_id]
