"""The 月度台账 page: default month, the preview counts, export with progress, cancel writes nothing."""

from __future__ import annotations

import os
import threading
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton
from sqlalchemy import select

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.ledger import LedgerFilter, count_rows
from inspector.db.models import Inspector
from inspector.reports.ledger import LEDGER_SHEET
from inspector.ui import ledger_page as ledger_module
from inspector.ui import print_actions
from inspector.ui.app import load_font
from inspector.ui.ledger_page import LedgerPage, default_month, ledger_file_name
from inspector.ui.settings import Settings
from tests.reports.ledger_cases import MID_TODAY, build_mid
from tests.ui.test_inspection_page import ACTOR, Visits, seed_visits

SHOTS = Path(os.environ["INSPECTOR_SHOTS"]) if os.environ.get("INSPECTOR_SHOTS") else None  # screenshots

RECENT = date.today() - timedelta(days=5)  # the second visit's day: its month holds all three hazards


@pytest.fixture
def visits(ui_services: Services) -> Visits:
    return seed_visits(ui_services)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def page(qtbot, ui_services: Services, visits: Visits, settings: Settings) -> LedgerPage:
    p = LedgerPage(ui_services, lambda: ACTOR, settings)
    qtbot.addWidget(p)
    p.resize(1200, 760)
    with qtbot.waitSignal(p.summary_ready, timeout=10000):
        p.show()
    with qtbot.waitSignal(p.summary_ready, timeout=10000):
        p.set_month(RECENT.year, RECENT.month)
    return p


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, object]:
    """QFileDialog.getSaveFileName answers ``answer['path']`` and records what it suggested."""
    answer: dict[str, object] = {"path": str(tmp_path / "out" / "台账.xlsx"), "suggested": []}
    (tmp_path / "out").mkdir()

    def fake(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        answer["suggested"].append(suggested)  # type: ignore[union-attr]
        return str(answer["path"]), "Excel 工作簿 (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return answer


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    paths: list[Path] = []
    monkeypatch.setattr(print_actions, "open_file", lambda p: paths.append(Path(p)) or True)
    return paths


def core_count(services: Services, f: LedgerFilter) -> int:
    with services.db.reading() as s:
        return count_rows(s, f)


def ledger_data_rows(path: Path) -> list[tuple[object, ...]]:
    ws = openpyxl.load_workbook(path, read_only=True)[LEDGER_SHEET]
    return [row for row in ws.iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)]


def test_default_month_is_last_month_while_reporting() -> None:
    assert default_month(date(2026, 12, 2)) == (2026, 11)
    assert default_month(date(2026, 12, 10)) == (2026, 11)
    assert default_month(date(2026, 12, 11)) == (2026, 12)
    assert default_month(date(2027, 1, 5)) == (2026, 12)


def test_the_page_opens_on_the_default_month(qtbot, ui_services: Services, visits: Visits) -> None:
    p = LedgerPage(ui_services, lambda: ACTOR, today=lambda: date(2026, 12, 3))
    qtbot.addWidget(p)
    assert (p.year_spin.value(), p.month_combo.currentData()) == (2026, 11)
    assert p.current_filter() == LedgerFilter(2026, 11)


def test_preview_shows_the_core_summary(page: LedgerPage, ui_services: Services) -> None:
    f = page.current_filter()
    assert f == LedgerFilter(RECENT.year, RECENT.month)
    assert page.summary_filter == f
    expected = core_count(ui_services, f)
    assert expected == 3
    assert page.cards["total"].value_label.text() == "3"
    assert page.cards["open"].value_label.text() == "3"
    assert page.cards["closed"].value_label.text() == "0"
    assert page.cards["major_open"].value_label.text() == "1"
    assert page.cards["new_major"].value_label.text() == "1"
    assert page.cards["rate"].value_label.text() == "0.0%"
    assert "本期发现隐患的整改率" in page.rate_label.text()
    assert "整改率 = 本期发现的隐患中已销号的数量" in page.rate_label.text()
    assert page.heading_label.text() == f"新北区{RECENT.year}年{RECENT.month}月隐患排查治理台账"
    table = page.jurisdiction_table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows[0][:2] == ["春江街道", "2"]  # by pinyin: chunjiang before menghe
    assert rows[1][:2] == ["孟河镇", "1"]
    assert rows[-1][:2] == ["合计", "3"]
    assert page.status_label.text() == f"{f.label}台账共 3 条隐患。"


def test_filters_change_the_preview(qtbot, page: LedgerPage) -> None:
    with qtbot.waitSignal(page.summary_ready, timeout=10000):
        page.jurisdiction_combo.setCurrentIndex(page.jurisdiction_combo.findData("孟河镇"))
    assert page.cards["total"].value_label.text() == "1"
    assert "孟河镇" in page.heading_label.text()
    with qtbot.waitSignal(page.summary_ready, timeout=10000):
        page.category_combo.setCurrentIndex(page.category_combo.findData("危化品使用"))
    assert page.cards["total"].value_label.text() == "0"  # 博远 is a dust enterprise only
    # A month before anything was found: an empty ledger, shown as zeros, not as an error.
    with qtbot.waitSignal(page.summary_ready, timeout=10000):
        page.set_month(2020, 1)
    assert page.cards["total"].value_label.text() == "0"
    assert page.cards["rate"].value_label.text() == "—"


def test_export_writes_the_months_rows_and_offers_to_open_it(
    qtbot, page: LedgerPage, ui_services: Services, save_to, opened: list[Path], messages, settings: Settings
) -> None:
    f = page.current_filter()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    path = Path(str(save_to["path"]))
    assert Path(save_to["suggested"][0]).name == ledger_file_name(f)  # type: ignore[index]
    assert ledger_file_name(f) == f"月度隐患排查治理台账_{f.year}-{f.month:02d}.xlsx"
    rows = ledger_data_rows(path)
    assert len(rows) == core_count(ui_services, f) == 3
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("exec", "导出完成")
    assert f"共 3 条隐患：{path}" in text
    assert page.open_button.isVisible()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [path]
    # The folder is remembered for the next export.
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert Path(save_to["suggested"][1]).parent == path.parent  # type: ignore[index]


def test_export_of_one_jurisdiction_matches_the_core_count(
    qtbot, page: LedgerPage, ui_services: Services, save_to, messages
) -> None:
    with qtbot.waitSignal(page.summary_ready, timeout=10000):
        page.jurisdiction_combo.setCurrentIndex(page.jurisdiction_combo.findData("春江街道"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    rows = ledger_data_rows(Path(str(save_to["path"])))
    assert len(rows) == core_count(ui_services, page.current_filter()) == 2
    assert {r[3] for r in rows} == {"常州安达化工有限公司"}


def test_cancel_leaves_no_file(
    qtbot, monkeypatch: pytest.MonkeyPatch, page: LedgerPage, save_to, messages, tmp_path: Path
) -> None:
    """The user presses 取消 in the progress dialog while the workbook is being written."""
    pressed = threading.Event()
    real_export = ledger_module.export_month

    def slow_export(data, output, progress, **options):  # type: ignore[no-untyped-def]
        def waiting(done: int, total: int) -> bool:
            pressed.wait(10)  # hold the worker until the GUI thread has pressed 取消
            return progress(done, total)

        return real_export(data, output, waiting, **options)

    monkeypatch.setattr(ledger_module, "export_month", slow_export)

    def press_cancel() -> None:
        dialogs = page.findChildren(QProgressDialog)
        if not dialogs:
            QTimer.singleShot(20, press_cancel)
            return
        [cancel_button] = dialogs[0].findChildren(QPushButton)
        assert cancel_button.text() == "取消"
        cancel_button.click()
        pressed.set()

    QTimer.singleShot(20, press_cancel)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    assert pressed.is_set()
    assert list((tmp_path / "out").iterdir()) == []  # neither the file nor a temp file
    assert page.status_label.text() == "已取消导出，未写入文件。"
    assert not page.open_button.isVisible()
    assert messages.shown == []


def test_export_enterprise_list(qtbot, page: LedgerPage, save_to, messages, tmp_path: Path) -> None:
    save_to["path"] = str(tmp_path / "out" / "企业")
    qtbot.mouseClick(page.enterprise_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "out" / "企业.xlsx"
    ws = openpyxl.load_workbook(path, read_only=True).active
    names = {row[1] for row in ws.iter_rows(min_row=4, values_only=True) if isinstance(row[0], int)}
    assert names == {"常州安达化工有限公司", "常州博远木业有限公司"}
    assert "共 2 家企业" in page.status_label.text()
    assert Path(save_to["suggested"][0]).name.startswith("企业台账_")  # type: ignore[index]


def test_a_current_month_is_judged_on_today_and_exports_on_the_chosen_paper(
    qtbot, sqlite_db, save_to, messages, settings: Settings
) -> None:
    """Mid-month: deadlines still ahead are not 逾期; 待复查 in time is not 逾期未整改; A4 on demand."""
    services = Services.on(sqlite_db)
    build_mid(sqlite_db)
    if SHOTS:  # the bundled CJK font, as the app loads it
        load_font(QApplication.instance())
    with sqlite_db.transaction() as s:
        inspector_id = s.scalars(select(Inspector.id).where(Inspector.name == "张明")).one()
    clerk = Actor(id=inspector_id, name="张明")
    p = LedgerPage(services, lambda: clerk, settings, today=lambda: MID_TODAY)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    with qtbot.waitSignal(p.summary_ready, timeout=10000):
        p.show()
    assert p.current_filter() == LedgerFilter(2026, 11)
    cards = {k: c.value_label.text() for k, c in p.cards.items()}
    assert cards == {
        "total": "13",
        "new": "8",
        "new_major": "2",
        "carried": "5",
        "closed": "3",
        "open": "10",
        "overdue_rectification": "3",
        "overdue_review": "1",
        "major_open": "2",
        "rate": "25.0%",
    }
    assert "截至 2026-11-15（本月尚未结束，按当日）" in p.scope_label.text()
    table = p.jurisdiction_table
    headers = [table.horizontalHeaderItem(i).text().replace("\n", "") for i in range(table.columnCount())]
    assert headers == [
        "属地",
        "隐患总数",
        "本月新发现",
        "其中重大隐患",
        "往月结转",
        "已销号",
        "本月新发现中已销号",
        "未销号",
        "其中逾期未整改",
        "其中逾期未复查",
        "未销号重大隐患",
        "整改率",
        "整改资金（元）",
    ]  # the words of the workbook's 汇总

    p.paper_combo.setCurrentIndex(p.paper_combo.findData("A4"))
    qtbot.mouseClick(p.export_button, Qt.MouseButton.LeftButton)
    wb = openpyxl.load_workbook(Path(str(save_to["path"])))
    ws = wb[LEDGER_SHEET]
    assert int(ws.page_setup.paperSize) == 9
    assert "填报人：张明" in ws["A3"].value and "填报日期：2026年11月15日" in ws["A3"].value
    rows = ledger_data_rows(Path(str(save_to["path"])))
    assert {r[22] for r in rows} == {"否", "逾期未整改", "逾期未复查"}
    if SHOTS:
        p.grab().save(str(SHOTS / "ledger_page.png"))


def test_a_newer_choice_stops_the_older_preview_on_the_worker(
    qtbot, page: LedgerPage, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview runs on the database worker; moving on answers the older one's cancel check."""
    gui = threading.get_ident()
    asked: list[tuple[int, object]] = []
    real_summary = ui_services.ledger.summary

    def summary(f, cancelled, *, today=None):  # type: ignore[no-untyped-def]
        asked.append((threading.get_ident(), cancelled))
        return real_summary(f, cancelled, today=today)

    monkeypatch.setattr(ui_services.ledger, "summary", summary)
    page.jurisdiction_combo.setCurrentIndex(page.jurisdiction_combo.findData("孟河镇"))
    with qtbot.waitSignal(page.summary_ready, timeout=10000):
        page.jurisdiction_combo.setCurrentIndex(page.jurisdiction_combo.findData("春江街道"))
    qtbot.waitUntil(lambda: len(asked) == 2)
    (first_thread, first), (_second_thread, second) = asked
    assert first_thread != gui
    assert first() is True and second() is False  # type: ignore[operator]
    assert page.cards["total"].value_label.text() == "2"
    assert "春江街道" in page.heading_label.text()


def test_a_refused_export_is_a_message_and_writes_nothing(
    qtbot, page: LedgerPage, ui_services: Services, save_to, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector.core.errors import DomainError

    def refuse(*_a, **_k):  # type: ignore[no-untyped-def]
        raise DomainError("请先在“机关设置”中填写执法机关名称")

    monkeypatch.setattr(ui_services.ledger, "export_data", refuse)
    assert page.export_ledger() is None
    assert messages.texts("warning") == ["请先在“机关设置”中填写执法机关名称"]
    assert not Path(str(save_to["path"])).exists()
    assert not page.open_button.isVisible()


def test_the_filters_chosen_come_back_at_the_next_start(
    qtbot, page: LedgerPage, ui_services: Services, settings: Settings
) -> None:
    """属地, 监管类别 and 打印版式 as the user left them; the month is the reporting month again."""
    qtbot.waitUntil(lambda: page.jurisdiction_combo.findData("孟河镇") >= 0, timeout=10000)
    for combo, value in (
        (page.jurisdiction_combo, "孟河镇"),
        (page.category_combo, "涉爆粉尘"),
        (page.paper_combo, "A4"),
    ):
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.emit(combo.currentIndex())  # what a user's pick sends
    again = LedgerPage(ui_services, lambda: ACTOR, Settings(settings.path))
    qtbot.addWidget(again)
    assert again.jurisdiction_combo.currentData() == "孟河镇"
    assert again.category_combo.currentData() == "涉爆粉尘"
    assert again.paper_combo.currentData() == "A4"
    assert again.current_filter().jurisdiction == "孟河镇"


def test_a_remembered_value_that_is_gone_or_garbled_opens_all(
    qtbot, ui_services: Services, visits: Visits, settings: Settings
) -> None:
    settings.set_page_value("ledger", "jurisdiction", "撤并的镇")
    settings.set_page_value("ledger", "category", {"bad": 1})
    page = LedgerPage(ui_services, lambda: ACTOR, settings)
    qtbot.addWidget(page)
    assert page.category_combo.currentData() is None
    with qtbot.waitSignal(page.summary_ready, timeout=10000):
        page.show()
    # The 属地 list is refilled from the enterprises: the vanished one is dropped, 全部 is chosen.
    qtbot.waitUntil(lambda: page.jurisdiction_combo.findData("撤并的镇") < 0, timeout=10000)
    assert page.jurisdiction_combo.currentData() is None
