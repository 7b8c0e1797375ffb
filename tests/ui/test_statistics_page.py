"""The 统计 page shows the core's figures per 属地 and per category for the chosen period."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from inspector.core.audit import Actor
from inspector.core.hazards import HazardInput
from inspector.core.lifecycle import RectifyOnSpot
from inspector.ui.app import load_font
from inspector.ui.statistics_page import StatisticsPage
from tests.factories import enterprise_input

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
    page.start.setDate(QDate(2001, 1, 1))
    page.end.setDate(QDate(2001, 12, 31))
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
    from inspector.ui.statistics_page import header_text

    assert header_text("Overdue Rectification") == "Overdue\nRectification"
    assert header_text("Incl. Major Hazards") in ("Incl.\nMajor Hazards", "Incl. Major\nHazards")
    assert header_text("Closed") == "Closed"
    assert header_text("其中逾期未整改") == "其中\n逾期未整改"
