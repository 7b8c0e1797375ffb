"""导出执法统计报表 driven through its real widgets: period choice, preview figures, export, errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QFileDialog

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.enforcement import FIGURE_COUNT, ReturnPeriod
from inspector.ui import print_actions
from inspector.ui.app import create_main_window
from inspector.ui.enforcement_dialog import EnforcementDialog
from inspector.ui.settings import Settings
from tests.core.test_enforcement import A, B, C, build_fixture, expected_figures

ACTOR = Actor(id=None, name="张明")
TODAY = date(2026, 10, 8)  # reporting time: the third quarter is being filed
Q3 = ReturnPeriod.quarter(2026, 3)


@pytest.fixture
def dialog(qtbot, ui_services: Services, tmp_path: Path) -> EnforcementDialog:
    build_fixture(ui_services.db)
    d = EnforcementDialog(
        ui_services, lambda: ACTOR, Settings(tmp_path / "settings.ini"), today=lambda: TODAY
    )
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.preview_ready, timeout=10000):
        d.show()
    return d


def shown(d: EnforcementDialog, jurisdiction: str) -> list[int]:
    """Every figure of a line as the three tabs show it, in the return's order."""
    values: list[int] = []
    for table in d.tables:
        values += [int(table.text_at(jurisdiction, c)) for c in range(1, table.columnCount())]
    return values


def test_opens_on_the_quarter_being_reported_and_shows_every_figure(dialog, ui_services) -> None:
    assert dialog.kind_combo.currentText() == "季报"
    assert dialog.quarter_combo.currentText() == "第三季度" and dialog.year_spin.value() == 2026
    assert dialog.heading_label.text() == "新北区2026年第三季度安全生产行政执法统计表"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["检查情况", "执法文书", "隐患整改与挂牌督办"]
    for place in (A, B, C):
        assert shown(dialog, place) == expected_figures(ui_services.db, place, Q3), place
    assert shown(dialog, "合计") == expected_figures(ui_services.db, None, Q3)
    assert len(shown(dialog, "合计")) == FIGURE_COUNT
    assert dialog.tables[0].text_at(A, 1) == "2"  # 检查企业（家）
    assert dialog.tables[1].item(dialog.tables[1].rowCount() - 1, 0).font().bold()
    assert "检查企业 3 家、检查 7 次" in dialog.status_label.text()
    assert dialog.reporter_edit.text() == "张明"


def test_month_year_and_custom_periods(qtbot, dialog, ui_services) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.kind_combo.setCurrentIndex(0)  # 月报 → September while October is young
    assert dialog.heading_label.text() == "新北区2026年9月安全生产行政执法统计表"
    assert dialog.tables[0].text_at(A, 5) == "1"  # 执法检查 on 09-30
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.month_combo.setCurrentIndex(9)  # October
    assert dialog.tables[0].text_at(A, 6) == "1"  # 复查 on 10-01

    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.kind_combo.setCurrentIndex(2)  # 年报
    assert dialog.figures is not None and dialog.figures.period == ReturnPeriod.year(2026)
    assert shown(dialog, "合计") == expected_figures(ui_services.db, None, ReturnPeriod.year(2026))

    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.kind_combo.setCurrentIndex(3)  # 自定义: starts from the year shown
    assert dialog.start_edit.isVisibleTo(dialog) and not dialog.year_spin.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10000):
        dialog.start_edit.set_value(date(2026, 7, 1))
        dialog.end_edit.set_value(date(2026, 8, 15))
    custom = ReturnPeriod.between(date(2026, 7, 1), date(2026, 8, 15))
    assert dialog.heading_label.text() == "新北区2026年7月1日至8月15日安全生产行政执法统计表"
    assert shown(dialog, A) == expected_figures(ui_services.db, A, custom)

    dialog.end_edit.set_value(date(2026, 6, 1))  # before the start: said at once, nothing computed
    assert "早于开始日期" in dialog.status_label.text()
    dialog.end_edit.clear()
    qtbot.keyClicks(dialog.end_edit.edit, "2026/02/30")  # no such day: said, nothing computed
    assert dialog.status_label.text() == "统计期间的结束日期：没有这一天：2026年2月30日"
    assert dialog.figures.period == custom


def test_export_writes_the_return_and_offers_to_open_it(
    qtbot, dialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages
) -> None:
    target = tmp_path / "out" / "执法统计"
    target.parent.mkdir()
    suggested: list[str] = []

    def save_as(_parent, _title, name, _filter):  # type: ignore[no-untyped-def]
        suggested.append(name)
        return str(target), "Excel 工作簿 (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    opened: list[Path] = []
    monkeypatch.setattr(print_actions, "open_file", lambda p: opened.append(Path(p)) or True)
    dialog.reporter_edit.setText("王五")
    dialog.export_button.click()

    assert Path(suggested[0]).name == "新北区安全生产行政执法统计表_2026Q3.xlsx"
    written = target.with_name("执法统计.xlsx")  # the suffix is added
    assert dialog.last_export == written and written.exists()
    ws = load_workbook(written)["执法统计"]
    assert ws["A1"].value == "新北区2026年第三季度安全生产行政执法统计表"
    assert any(row[0] == "填报人：王五" for row in ws.iter_rows(values_only=True))
    assert any("已导出2026年第三季度执法统计表" in t for t in messages.texts("exec"))


def test_a_file_held_open_is_explained(
    dialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: (str(blocked / "r.xlsx"), "Excel 工作簿 (*.xlsx)")
    )
    assert dialog.export() is None
    [text] = messages.texts("warning")  # ops names the file and the reason
    assert text.startswith("无法读写文件") and str(blocked) in text
    assert dialog.last_export is None


def test_screenshot(dialog, tmp_path: Path) -> None:
    dialog.resize(1180, 560)
    dialog.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    path = tmp_path / "enforcement_dialog.png"
    assert dialog.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_file_menu_opens_the_dialog(qtbot, ui_services) -> None:
    window = create_main_window(ui_services, SYSTEM)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.enforcement_action in file_menu.actions()
    assert window.enforcement_action.text() == "导出执法统计报表…"
    window.enforcement_action.trigger()
    opened = window.findChild(EnforcementDialog)
    assert opened is not None and opened.isVisible()
    qtbot.waitUntil(lambda: opened.figures is not None, timeout=10000)
    assert opened.figures.rows == []
    opened.close()


def test_the_services_clock_and_enforcement_service_are_used(qtbot, sqlite_db, monkeypatch) -> None:
    """No date or service of its own: the period being reported comes from the services' one clock,
    and the figures from ``services.enforcement`` (asked on the database worker)."""
    services = Services.on(sqlite_db, clock=lambda: TODAY)
    build_fixture(sqlite_db)
    asked: list[ReturnPeriod] = []
    real = services.enforcement.compute
    monkeypatch.setattr(services.enforcement, "compute", lambda p: asked.append(p) or real(p))
    d = EnforcementDialog(services, lambda: ACTOR)
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.preview_ready, timeout=10000):
        d.show()
    assert asked == [Q3] and d.figures is not None and d.figures.period == Q3
