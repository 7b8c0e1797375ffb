"""工作台: tiles show the dashboard's counts, clicks carry the filters, the overdue notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.core.audit import SYSTEM, Actor
from inspector.core.campaigns import CampaignInput
from inspector.core.context import Services
from inspector.core.dashboard import Tile
from inspector.core.hazards import HazardFilter, HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import PlanInput
from inspector.core.targets import TargetSet
from inspector.ui import home_page
from inspector.ui.home_page import (
    HomePage,
    chinese_date,
    overdue_notice_text,
    show_overdue_notice_once,
)
from tests.factories import enterprise_input

TODAY = date.today()  # Services.on uses the real clock; every date below is relative to it


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def plan(deadline: date) -> PlanInput:
    return PlanInput(
        responsible_unit="生产部",
        responsible_person="王建国",
        measures="更换防爆灯具并检测接地",
        funds="3000",
        deadline=deadline,
        contingency="停用该区域电气设备，设置警戒区",
    )


def hazard(n: int, **overrides: object) -> HazardInput:
    data = HazardInput(
        location=f"{n}号车间",
        description=f"粉尘收集系统未设置防爆泄压装置{n}",
        category="现场管理",
        subcategory="粉尘防爆",
        legal_basis="《工贸企业粉尘防爆安全规定》第十三条",
    )
    for k, v in overrides.items():
        setattr(data, k, v)
    return data


@dataclass
class District:
    services: Services
    actor: Actor
    chunjiang: int
    xuejia: int
    inspector_ids: list[int]

    def visit(self, enterprise_id: int, *hazards: HazardInput) -> list[int]:
        recorded = self.services.inspections.record(
            self.actor,
            InspectionInput(
                enterprise_id=enterprise_id,
                inspected_on=days(-20),
                kind="日常检查",
                inspector_ids=self.inspector_ids,
                start_time="09:00",
                end_time="11:00",
                representative="李安全",
                place="生产车间",
                notes="检查了粉尘防爆和用电安全",
                hazards=list(hazards),
            ),
        )
        return [h.id for h in recorded.hazards]


@pytest.fixture
def district(ui_services: Services) -> District:
    s = ui_services
    boss_id = s.inspectors.create(
        SYSTEM, InspectorInput("赵科长", "32041120001", "区应急管理局安监科", "科室负责人")
    )
    boss = s.inspectors.actor_for(boss_id)
    zhang = s.inspectors.create(boss, InspectorInput("张伟", "32041120002", "区应急管理局安监科"))
    chunjiang = s.enterprises.create(
        boss, enterprise_input(1, name="常州春江化工有限公司", jurisdiction="春江镇")
    )
    xuejia = s.enterprises.create(
        boss, enterprise_input(2, name="常州薛家粉末冶金有限公司", jurisdiction="薛家镇")
    )
    return District(s, boss, chunjiang, xuejia, [boss_id, zhang])


@pytest.fixture
def filled(district: District) -> District:
    """春江镇: overdue (15 and 3 days), due in 2 days, a later one and a supervised major hazard;
    薛家镇: one major hazard overdue by 5 days (also supervised)."""
    district.visit(
        district.chunjiang,
        hazard(1, deadline=days(-15)),
        hazard(2, deadline=days(-3)),
        hazard(3, plan=plan(days(2))),
        hazard(4, plan=plan(days(30))),
        hazard(5, level="重大隐患", plan=plan(days(40))),
    )
    district.visit(district.xuejia, hazard(6, level="重大隐患", deadline=days(-5)))
    return district


def make_page(qtbot, d: District) -> HomePage:  # type: ignore[no-untyped-def]
    page = HomePage(d.services, lambda: d.actor, None)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    return page


def shown_counts(page: HomePage) -> dict[str, str]:
    return {key: b.count_label.text() for key, b in page.tile_buttons.items()}


def test_tiles_show_the_dashboard_counts(qtbot, filled: District) -> None:
    page = make_page(qtbot, filled)
    assert shown_counts(page) == {"open": "6", "overdue": "3", "due_soon": "1", "supervised": "2"}
    expected = {t.key: str(t.count) for t in filled.services.dashboard.tiles()}
    assert shown_counts(page) == expected
    labels = [page.tile_buttons[k].label.text() for k in ("open", "overdue", "due_soon", "supervised")]
    assert labels == ["未销号隐患", "逾期", "10日内到期", "挂牌督办重大隐患"]
    assert page.tile_buttons["overdue"].description.text().startswith("已过整改时限仍未销号")


def test_clicking_a_tile_emits_its_filter(qtbot, filled: District) -> None:
    page = make_page(qtbot, filled)
    with qtbot.waitSignal(page.tile_clicked) as blocker:
        qtbot.mouseClick(page.tile_buttons["overdue"], Qt.MouseButton.LeftButton)
    f = blocker.args[0]
    assert f == HazardFilter(overdue_only=True)
    assert filled.services.hazards.count(f) == 3  # the list it opens shows the tile's number

    with qtbot.waitSignal(page.tile_clicked) as blocker:
        qtbot.mouseClick(page.tile_buttons["supervised"], Qt.MouseButton.LeftButton)
    assert blocker.args[0] == HazardFilter(supervised_only=True)


def test_refresh_recounts_from_the_services(qtbot, filled: District) -> None:
    page = make_page(qtbot, filled)
    filled.visit(filled.xuejia, hazard(7, deadline=days(-1)), hazard(8, deadline=days(1)))
    assert shown_counts(page)["overdue"] == "3"  # nothing changes by itself...
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert shown_counts(page) == {"open": "8", "overdue": "4", "due_soon": "2", "supervised": "2"}
    assert page.overdue_list.table.rowCount() == 4


def test_jurisdiction_selector_recounts(qtbot, filled: District) -> None:
    page = make_page(qtbot, filled)
    combo = page.jurisdiction_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["全区", "春江镇", "薛家镇"]
    combo.setCurrentIndex(combo.findData("薛家镇"))
    assert shown_counts(page) == {"open": "1", "overdue": "1", "due_soon": "0", "supervised": "1"}
    with qtbot.waitSignal(page.tile_clicked) as blocker:
        qtbot.mouseClick(page.tile_buttons["open"], Qt.MouseButton.LeftButton)
    assert blocker.args[0] == HazardFilter(jurisdiction="薛家镇", open_only=True)
    assert page.due_list.stack.currentWidget() is page.due_list.empty_label
    assert "薛家镇未来 10 日内没有到期的隐患" in page.due_list.empty_label.text()

    combo.setCurrentIndex(combo.findData("春江镇"))
    assert shown_counts(page) == {"open": "5", "overdue": "2", "due_soon": "1", "supervised": "1"}
    page.refresh()  # a refresh keeps the chosen 属地
    assert combo.currentData() == "春江镇" and shown_counts(page)["open"] == "5"


def test_overdue_list_longest_first_and_double_click_opens(qtbot, filled: District) -> None:
    page = make_page(qtbot, filled)
    t = page.overdue_list.table
    assert page.overdue_list.stack.currentWidget() is t
    assert [t.item(r, 0).text() for r in range(t.rowCount())] == [
        "常州春江化工有限公司",
        "常州薛家粉末冶金有限公司",
        "常州春江化工有限公司",
    ]
    assert [t.item(r, 4).text() for r in range(t.rowCount())] == ["15 天", "5 天", "3 天"]
    assert t.item(1, 2).text() == "重大"
    assert page.overdue_list.title.text() == "逾期最久的隐患（3 条）"

    rect = t.visualItemRect(t.item(1, 1))
    with qtbot.waitSignal(page.hazard_activated) as blocker:
        qtbot.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = filled.services.hazards.detail(blocker.args[0])
    assert detail.description == "粉尘收集系统未设置防爆泄压装置6"

    d = page.due_list.table
    assert d.rowCount() == 1 and d.item(0, 4).text() == "2 天"


def test_lists_stay_short(qtbot, district: District, monkeypatch) -> None:
    monkeypatch.setattr(home_page, "URGENT_ROWS", 2)
    district.visit(district.chunjiang, *(hazard(n, deadline=days(-n)) for n in range(1, 6)))
    page = make_page(qtbot, district)
    assert page.overdue_list.table.rowCount() == 2
    assert page.overdue_list.title.text() == "逾期最久的隐患（前 2 条，共 5 条）"
    with qtbot.waitSignal(page.tile_clicked) as blocker:
        qtbot.mouseClick(page.overdue_list.more_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == HazardFilter(overdue_only=True)


def test_empty_database_shows_zeroes_and_a_calm_list(qtbot, district: District) -> None:
    page = make_page(qtbot, district)
    assert shown_counts(page) == {"open": "0", "overdue": "0", "due_soon": "0", "supervised": "0"}
    assert page.overdue_list.stack.currentWidget() is page.overdue_list.empty_label
    assert page.overdue_list.empty_label.text() == "✔ 全区目前没有逾期的隐患"
    assert page.overdue_list.more_button.isHidden()


def test_quick_buttons_emit(qtbot, district: District) -> None:
    page = make_page(qtbot, district)
    with qtbot.waitSignal(page.new_visit_requested):
        qtbot.mouseClick(page.new_visit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.new_enterprise_requested):
        qtbot.mouseClick(page.new_enterprise_button, Qt.MouseButton.LeftButton)


def test_greeting_names_the_inspector_and_today(qtbot, district: District) -> None:
    page = make_page(qtbot, district)
    assert page.greeting_label.text() == "赵科长，您好"
    assert page.date_label.text() == f"今天是 {chinese_date(TODAY)}　·　区应急管理局安监科　·　科室负责人"
    district.actor = district.services.inspectors.actor_for(district.inspector_ids[1])
    page.refresh()  # the actor is asked again: switching inspector updates the greeting
    assert page.greeting_label.text() == "张伟，您好"
    assert page.date_label.text().endswith("检查员")


def test_chinese_date() -> None:
    assert chinese_date(date(2026, 12, 2)) == "2026年12月2日 星期三"
    assert chinese_date(date(2026, 11, 15)) == "2026年11月15日 星期日"


def _tiles(overdue: int) -> list[Tile]:
    return [
        Tile("open", "未销号隐患", 9, HazardFilter(open_only=True)),
        Tile("overdue", "逾期", overdue, HazardFilter(overdue_only=True)),
    ]


def test_overdue_notice_text() -> None:
    assert overdue_notice_text(_tiles(0)) is None
    assert overdue_notice_text(_tiles(0), 2) is None
    assert overdue_notice_text(_tiles(4)) == "有 4 条隐患已超过整改时限仍未销号。"
    assert overdue_notice_text(_tiles(4), 1) == "有 4 条隐患已超过整改时限仍未销号，其中重大隐患 1 条。"
    assert overdue_notice_text([]) is None


def _answer_notice(monkeypatch: pytest.MonkeyPatch, button_text: str, shown: list[str]) -> None:
    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_overdue_notice_at_start_up(qtbot, filled: District, monkeypatch) -> None:
    shown: list[str] = []
    _answer_notice(monkeypatch, "查看", shown)
    assert show_overdue_notice_once(None, filled.services) is True
    assert shown == ["有 3 条隐患已超过整改时限仍未销号，其中重大隐患 1 条。"]

    _answer_notice(monkeypatch, "稍后", shown)
    assert show_overdue_notice_once(None, filled.services) is False
    assert len(shown) == 2


def test_no_notice_when_nothing_is_overdue_or_due(qtbot, district: District, monkeypatch) -> None:
    shown: list[str] = []
    _answer_notice(monkeypatch, "查看", shown)
    assert show_overdue_notice_once(None, district.services) is False
    assert shown == []


def test_hazards_due_soon_are_reminded_at_start_without_an_overdue_box(
    qtbot, district: District, monkeypatch
) -> None:
    shown: list[str] = []
    _answer_notice(monkeypatch, "知道了", shown)
    district.visit(district.chunjiang, hazard(1, deadline=days(3)))
    assert show_overdue_notice_once(None, district.services) is False  # nothing to open: no 查看
    assert shown == ["• 10日内到期的隐患1条，请督促企业按期整改"]


def test_reminders_on_the_page_link_to_their_list(qtbot, district: District) -> None:
    district.visit(district.chunjiang, hazard(1, deadline=days(3)))
    cid = district.services.campaigns.create(
        district.actor,
        CampaignInput(
            title="危化品使用企业专项检查",
            target=TargetSet(categories=("危化品使用",)),
            starts_on=days(-30),
            deadline=days(5),
        ),
    )
    page = make_page(qtbot, district)
    panel = page.reminder_panel
    assert panel.isVisible()
    text = panel.lines.text()
    assert "专项行动“危化品使用企业专项检查”还有5天截止" in text
    assert "到期的隐患" not in text  # the 10日内到期 tile beside it counts those
    with qtbot.waitSignal(page.campaign_requested) as opened:
        panel.lines.linkActivated.emit("0")
    assert opened.args == [cid]


def test_showing_the_page_again_after_a_while_recounts(qtbot, filled: District, monkeypatch) -> None:
    page = make_page(qtbot, filled)
    page.hide()
    filled.visit(filled.xuejia, hazard(7, deadline=days(-1)))
    page.show()  # just refreshed: switching pages back and forth does not recount
    assert shown_counts(page)["overdue"] == "3"
    page.hide()
    monkeypatch.setattr(home_page, "REFRESH_ON_SHOW_AFTER_S", 0.0)  # "a while" has passed
    page.show()
    assert shown_counts(page)["overdue"] == "4"


def test_no_inspector_chosen_greets_without_a_name(qtbot, district: District) -> None:
    district.actor = SYSTEM
    page = make_page(qtbot, district)
    assert page.greeting_label.text() == "您好"
    assert page.date_label.text() == f"今天是 {chinese_date(TODAY)}"


def test_the_charts_show_the_cores_figures(qtbot, filled: District, tmp_path) -> None:
    """Overdue by 15, 5 and 3 days: all in 1–7 / 8–30 days; two majors under 挂牌督办 (one late);
    the 属地 chosen narrows the charts like the tiles. A chart saves as a PNG."""
    import os

    from PySide6.QtGui import QImage

    page = make_page(qtbot, filled)
    qtbot.waitUntil(lambda: page.charts.data is not None)
    data = filled.services.statistics.recent_charts()
    assert page.charts.data == data
    assert len(page.charts.trend.categories()) == 12
    assert page.charts.trend.series_values()["发现"] == [m.found for m in data.months]
    assert sum(page.charts.trend.series_values()["发现"]) == 6
    assert page.charts.ageing.series_values()["逾期未整改"] == [2.0, 1.0, 0.0, 0.0]
    assert page.tile_buttons["overdue"].count_label.text() == "3"
    sup = page.charts.supervised.series_values()
    assert page.charts.supervised.categories() == ["薛家镇", "春江镇"]  # axis order: 春江镇 on top
    assert (sup["未逾期"], sup["已逾期"]) == ([0.0, 1.0], [1.0, 0.0])
    if os.environ.get("INSPECTOR_SHOTS"):
        from PySide6.QtWidgets import QApplication

        from inspector.ui.app import load_font

        load_font(QApplication.instance())
        page.resize(1366, 700)
        page.refresh()
        qtbot.wait(200)
        page.grab().save(os.path.join(os.environ["INSPECTOR_SHOTS"], "home_page.png"))

    page.charts.data = None
    page.jurisdiction_combo.setCurrentIndex(page.jurisdiction_combo.findText("薛家镇"))
    qtbot.waitUntil(lambda: page.charts.data is not None)
    assert page.charts.data.jurisdiction == "薛家镇"
    assert page.charts.supervised.categories() == ["薛家镇"]
    assert sum(page.charts.ageing.series_values()["逾期未整改"]) == 1

    box = page.charts.boxes[1]
    box.save_png(tmp_path / "ageing.png")
    image = QImage(str(tmp_path / "ageing.png"))
    assert (image.width(), image.height()) == (box.chart.width() * 2, box.chart.height() * 2)
