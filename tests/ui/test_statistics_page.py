"""The 统计 page shows the core's figures per 属地 and per category for the chosen period."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from inspector.core.audit import Actor
from inspector.core.hazards import HazardInput
from inspector.core.lifecycle import RectifyOnSpot
from inspector.ui.app import load_font
from inspector.ui.settings import Settings
from inspector.ui.statistics_page import StatisticsPage
from tests.factories import enterprise_input
from tests.ui.checklist_visits import checklist_visit, dust_enterprise, officers

BOSS = Actor(id=None, name="管理员")
SHOTS = Path(os.environ["INSPECTOR_SHOTS"]) if os.environ.get("INSPECTOR_SHOTS") else None  # screenshots


def test_statistics_by_place_and_category(qtbot, ui_services) -> None:
    svc = ui_services
    if SHOTS:  # the bundled CJK font, as the app loads it
        load_font(QApplication.instance())
    a = svc.enterprises.create(BOSS, enterprise_input(1, jurisdiction="春江镇"))
    svc.enterprises.create(BOSS, enterprise_input(2, jurisdiction="孟河镇"))
    today = date.today()
    late = svc.hazards.record(
        BOSS,
        a,
        HazardInput(
            location="仓库",
            description="消防通道堵塞",
            category="现场管理",
            deadline=today - timedelta(days=3),
        ),
        today - timedelta(days=5),
    )
    fixed = svc.hazards.record(
        BOSS,
        a,
        HazardInput(
            location="办公室", description="培训记录不全", category="基础管理", subcategory="安全教育培训"
        ),
        today,
    )
    svc.hazards.act(BOSS, fixed.id, RectifyOnSpot(measures="当场补齐"))
    assert late.id

    page = StatisticsPage(svc, lambda: BOSS)
    qtbot.addWidget(page)
    page.show()  # the first show counts
    qtbot.waitUntil(lambda: page.statistics is not None)
    t = page.places
    assert t.text_at("春江镇", "本期发现") == "2"
    assert t.text_at("春江镇", "已销号") == "1"
    assert t.text_at("春江镇", "整改率") == "50.0%"
    assert t.text_at("春江镇", "目前逾期未整改") == "1"
    assert t.text_at("孟河镇", "企业数") == "1" and t.text_at("孟河镇", "整改率") == "—"
    assert t.text_at("合计", "企业数") == "2"
    assert t.text_at("春江镇", "其中重大隐患") == "0" and t.text_at("春江镇", "隐患总数") == "2"
    assert t.text_at("春江镇", "目前逾期未复查") == "0"
    assert page.categories.text_at("基础管理", "已销号") == "1"
    assert "整改率口径（机关设置）：本期发现隐患的整改率" in page.rate_label.text()
    assert "整改率 = 本期发现的隐患中已销号的数量" in page.rate_label.text()
    if SHOTS:
        page.resize(1280, 760)
        page.grab().save(str(SHOTS / "statistics_page.png"))

    # A period with nothing found: open work still counts as of today.
    page.preset.setCurrentIndex(page.preset.count() - 1)  # 自定义
    page.start.set_value(date(2001, 1, 1))
    page.end.set_value(date(2001, 12, 31))
    page.run_button.click()
    assert page.places.text_at("合计", "本期发现") == "0"
    assert page.places.text_at("合计", "目前未销号") == "1"


def test_a_refusal_is_a_message_not_the_crash_dialog(qtbot, ui_services, messages, monkeypatch) -> None:
    """An expected error (here: the database went away) is told in words; the tables stay."""
    import sys

    from inspector.core.errors import DatabaseUnavailable

    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, e, _tb: hooked.append(e))
    page = StatisticsPage(ui_services, lambda: BOSS)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.statistics is not None)
    shown = page.statistics

    def unavailable(_period):  # type: ignore[no-untyped-def]
        raise DatabaseUnavailable("无法连接数据库服务器")

    monkeypatch.setattr(ui_services.statistics, "compute", unavailable)
    page.run_button.click()
    assert messages.texts("warning") == ["无法连接数据库服务器"]
    assert hooked == []
    assert page.statistics is shown


def test_a_translated_column_label_breaks_between_words() -> None:
    from inspector.ui.widgets import header_text

    assert header_text("Overdue Rectification") == "Overdue\nRectification"
    assert header_text("Incl. Major Hazards") == "Incl.\nMajor\nHazards"
    assert header_text("Carried Over") == "Carried\nOver"
    assert header_text("Overdue Re-inspection") == "Overdue\nRe-\ninspection"
    assert header_text("Closed") == "Closed"
    assert header_text("Currently Overdue Rectification") == "Currently\nOverdue\nRectification"
    assert header_text("Closed of Found in Period") == "Closed of\nFound in\nPeriod"
    assert header_text("其中逾期未整改") == "其中\n逾期未整改"


def test_the_checklist_tab_ranks_the_items_failed_most_often(qtbot, ui_services) -> None:
    svc = ui_services
    people = officers(svc)
    a, b = dust_enterprise(svc, 1, "春江镇"), dust_enterprise(svc, 2, "孟河镇")
    today = date.today()
    checklist_visit(svc, a, today, {"第十一条（一）": "合格", "第十一条（三）": "不合格"}, people)
    checklist_visit(svc, b, today, {"第十一条（一）": "不合格", "第十一条（三）": "不合格"}, people)
    page = StatisticsPage(svc, lambda: BOSS)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.statistics is not None)
    page.tabs.setCurrentIndex(2)
    assert page.tabs.tabText(2) == "检查表不合格项"
    assert page.failed.stack.currentWidget() is page.failed.table
    title = "工贸企业重大事故隐患判定标准"
    rows = page.failed.row_texts()
    assert [r[0] for r in rows] == ["1", "2"]
    assert rows[0][1].startswith(title) and rows[0][2] == "第十一条（三）"
    assert rows[0][3].startswith("干式除尘系统未采取泄爆") and rows[0][4:] == ["2", "2", "100%"]
    assert rows[1][2] == "第十一条（一）" and rows[1][4:] == ["1", "2", "50%"]

    # One 属地: only its visits count.
    places = [page.place.itemText(i) for i in range(page.place.count())]
    assert places == ["全部属地", "春江镇", "孟河镇"]  # by pinyin
    page.place.setCurrentIndex(places.index("春江镇"))
    page.place.activated.emit(page.place.currentIndex())
    qtbot.waitUntil(lambda: len(page.failed.row_texts()) == 1)
    assert page.failed.row_texts()[0][2] == "第十一条（三）" and page.failed.row_texts()[0][4:] == [
        "1",
        "1",
        "100%",
    ]

    # A period without visits: an honest hint, not an empty grid; the 属地 chosen is kept.
    page.preset.setCurrentIndex(page.preset.count() - 1)
    page.start.set_value(date(2001, 1, 1))
    page.end.set_value(date(2001, 12, 31))
    page.run_button.click()
    qtbot.waitUntil(lambda: page.failed.row_texts() == [])
    assert page.failed.stack.currentWidget() is page.failed.hint
    assert page.failed.hint.text() == "统计期间内没有检查表不合格项"
    assert page.place.currentText() == "春江镇"


def test_the_charts_draw_the_cores_figures_and_export(qtbot, ui_services, tmp_path) -> None:
    """The series equal core.chart_data / core.statistics; a chart saves a PNG at twice its size;
    导出Excel writes a workbook that reads back with the same numbers."""
    from openpyxl import load_workbook
    from PySide6.QtGui import QImage

    from inspector.core.demo import generate
    from inspector.core.statistics import Period

    if SHOTS:
        load_font(QApplication.instance())
    today = ui_services.clock()
    generate(ui_services.db, enterprises=12, hazards=400, seed=5, today=today)
    page = StatisticsPage(ui_services, lambda: BOSS)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: page.chart_data is not None and page.statistics is not None)
    data = ui_services.statistics.charts(Period.year(today.year))
    stats = ui_services.statistics.compute(Period.year(today.year))
    trend = page.trend.series_values()
    assert trend["发现"] == [m.found for m in data.months]
    assert trend["销号"] == [m.closed for m in data.months]
    assert page.trend.categories()[0] == "1月"
    ageing = page.ageing.series_values()
    assert ageing["逾期未整改"] == [b.rectification for b in data.ageing]
    assert ageing["逾期未复查"] == [b.review for b in data.ageing]
    assert page.ageing.categories() == ["1–7天", "8–30天", "31–90天", ">90天"]
    places = [r for r in stats.by_jurisdiction if r.key != "合计"][::-1]
    assert page.rates.categories() == [r.key for r in places]
    assert page.rates.series_values()["整改率"] == [round((r.closure_rate or 0) * 100, 1) for r in places]
    sup = page.supervised.series_values()
    shown = data.supervised[::-1]  # bars across: the first 属地 at the top, axis order upwards
    assert page.supervised.categories() == [p.key for p in shown]
    assert [a + b for a, b in zip(sup["未逾期"], sup["已逾期"], strict=True)] == [p.listed for p in shown]

    box = page.chart_boxes[0]
    png = tmp_path / "trend"
    box.save_png(png)
    image = QImage(str(png.with_suffix(".png")))
    assert (image.width(), image.height()) == (box.chart.width() * 2, box.chart.height() * 2)
    assert image.width() >= 600 and not image.isNull()
    if SHOTS:
        page.grab().save(str(SHOTS / "statistics_charts.png"))

    out = tmp_path / "统计"
    page.export_to(str(out))
    wb = load_workbook(tmp_path / "统计.xlsx")
    body = {r[0]: r for r in wb["按属地"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert body["合计"][5] == stats.by_jurisdiction[-1].found
    assert "已导出" in page.status.text()


def test_the_period_typed_comes_back_and_a_date_that_is_no_day_is_said(qtbot, ui_services, tmp_path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    page = StatisticsPage(ui_services, lambda: BOSS, settings)
    qtbot.addWidget(page)
    page.preset.setCurrentIndex(page.preset.count() - 1)  # 自定义
    page.preset.activated.emit(page.preset.currentIndex())  # what a user's pick sends
    for field, typed in ((page.start, "2025/3/1"), (page.end, "20250630")):
        field.clear()
        qtbot.keyClicks(field.edit, typed)
    page.close()

    again = StatisticsPage(ui_services, lambda: BOSS, Settings(settings.path))
    qtbot.addWidget(again)
    assert again.preset.currentText() == "自定义" and again.start.isEnabled()
    assert (again.start.value(), again.end.value()) == (date(2025, 3, 1), date(2025, 6, 30))
    again.end.clear()
    qtbot.keyClicks(again.end.edit, "2025-02-30")
    again.run_button.click()
    assert again.status.text() == "统计期间的结束日期：没有这一天：2025年2月30日"
