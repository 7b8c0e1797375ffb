"""The 检查记录 page: visits listed and filtered, the detail dialog with its hazards, signals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import PlanInput
from inspector.ui.inspection_page import InspectionPage
from inspector.ui.settings import Settings
from tests.factories import enterprise_input

ACTOR = Actor(id=None, name="张检查")
ANDA, BOYUAN = "常州安达化工有限公司", "常州博远木业有限公司"


@dataclass
class Visits:
    anda: int  # enterprise ids
    boyuan: int
    inspectors: list[int]
    first: int  # ANDA, 执法检查, two hazards (one major), 20 days ago
    second: int  # BOYUAN, 日常检查, one hazard, 5 days ago
    third: int  # ANDA, 专项检查, no hazard, 2 days ago
    hazard_descriptions: list[str]


def hazard(n: int, deadline: date, **overrides: object) -> HazardInput:
    data = HazardInput(
        location=f"{n}号车间",
        description=f"粉尘收集系统未设置防爆泄压装置{n}",
        category="现场管理",
        subcategory="粉尘防爆",
        legal_basis="《工贸企业粉尘防爆安全规定》第十三条",
        plan=PlanInput(
            responsible_unit="生产部",
            responsible_person="王建国",
            measures="加装泄压装置",
            funds="3000",
            deadline=deadline,
            contingency="停用该除尘系统",
        ),
    )
    for k, v in overrides.items():
        setattr(data, k, v)
    return data


def seed_visits(services: Services, today: date | None = None) -> Visits:
    """Two enterprises, two inspectors, three visits recorded through the service."""
    today = today or date.today()
    anda = services.enterprises.create(ACTOR, enterprise_input(1, name=ANDA, jurisdiction="春江街道"))
    boyuan = services.enterprises.create(
        ACTOR,
        enterprise_input(2, name=BOYUAN, jurisdiction="孟河镇", categories=["涉爆粉尘"], dust_workers=20),
    )
    people = [
        services.inspectors.create(ACTOR, InspectorInput("张明", "32041100123", "新北区应急管理局")),
        services.inspectors.create(ACTOR, InspectorInput("李华", "32041100456", "新北区应急管理局")),
    ]

    def visit(enterprise: int, days_ago: int, kind: str, hazards: list[HazardInput]) -> int:
        data = InspectionInput(
            enterprise_id=enterprise,
            inspected_on=today - timedelta(days=days_ago),
            kind=kind,
            inspector_ids=people,
            start_time="09:00",
            end_time="11:30",
            representative="李安全",
            place="生产车间",
            notes="检查了粉尘防爆和用电安全",
            hazards=hazards,
        )
        return services.inspections.record(ACTOR, data).id

    deadline = today + timedelta(days=30)
    first_hazards = [hazard(1, deadline), hazard(2, deadline, level="重大隐患")]
    first = visit(anda, 20, "执法检查", first_hazards)
    second = visit(boyuan, 5, "日常检查", [hazard(3, deadline)])
    third = visit(anda, 2, "专项检查", [])
    return Visits(anda, boyuan, people, first, second, third, [h.description for h in first_hazards])


@pytest.fixture
def visits(ui_services: Services) -> Visits:
    return seed_visits(ui_services)


@pytest.fixture
def page(qtbot, ui_services: Services, visits: Visits) -> InspectionPage:
    p = InspectionPage(ui_services, lambda: ACTOR)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def shown(page: InspectionPage, column: str = "enterprise_name") -> list[str]:
    c = page.model.column_index(column)
    return [page.model.index(r, c).data() for r in range(page.model.rowCount())]


def select(page: InspectionPage, inspection_id: int) -> None:
    assert page.select_id(inspection_id)


def test_lists_visits_newest_first_with_counts(page: InspectionPage, visits: Visits) -> None:
    assert page.count_label.text() == "共 3 次检查"
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert headers == ["检查日期", "企业名称", "属地", "检查类型", "检查人员", "发现隐患", "未销号", "文书"]
    assert shown(page) == [ANDA, BOYUAN, ANDA]
    assert shown(page, "kind") == ["专项检查", "日常检查", "执法检查"]
    assert shown(page, "inspectors") == ["张明、李华"] * 3
    assert shown(page, "hazard_count") == ["0", "1", "2"]
    assert shown(page, "open_hazard_count") == ["—", "1", "2"]
    assert shown(page, "documents") == ["", "", ""]  # nothing printed yet
    assert shown(page, "inspected_on")[2] == (date.today() - timedelta(days=20)).isoformat()


def test_filters_by_name_jurisdiction_kind_and_dates(qtbot, page: InspectionPage) -> None:
    page.search_edit.setText("博远")
    qtbot.waitUntil(lambda: shown(page) == [BOYUAN])
    assert page.count_label.text() == "共 1 次检查（已筛选）"
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(shown(page)) == 3)

    page.jurisdiction_combo.setCurrentIndex(page.jurisdiction_combo.findData("春江街道"))
    assert shown(page, "kind") == ["专项检查", "执法检查"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("执法检查"))
    assert shown(page, "kind") == ["执法检查"]

    page.clear_filters()
    assert page.count_label.text() == "共 3 次检查"
    # From 10 days ago: the 20-day-old visit drops out; until 3 days ago: only the middle one.
    page.from_edit.set_value(date.today() - timedelta(days=10))
    qtbot.waitUntil(lambda: shown(page, "kind") == ["专项检查", "日常检查"])
    page.to_edit.set_value(date.today() - timedelta(days=3))
    qtbot.waitUntil(lambda: shown(page, "kind") == ["日常检查"])


def test_buttons_follow_the_selection(page: InspectionPage, visits: Visits) -> None:
    assert not page.view_button.isEnabled()
    assert not page.record_button.isEnabled()
    select(page, visits.third)
    assert page.view_button.isEnabled() and page.record_button.isEnabled()
    assert not page.order_button.isEnabled()  # no hazard, nothing to order
    select(page, visits.first)
    assert page.order_button.isEnabled()


def test_new_visit_button_emits_the_request(qtbot, page: InspectionPage) -> None:
    with qtbot.waitSignal(page.new_visit_requested, timeout=1000):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)


def test_detail_dialog_shows_the_visit_and_its_hazards(qtbot, page: InspectionPage, visits: Visits) -> None:
    select(page, visits.first)
    qtbot.mouseClick(page.view_button, Qt.MouseButton.LeftButton)
    dialog = page.detail_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.title_label.text() == ANDA
    assert dialog.fact_labels["kind"].text() == "执法检查"
    assert "张明（执法证号 32041100123）" in dialog.fact_labels["inspectors"].text()
    table = dialog.hazard_table
    assert table.rowCount() == 2
    assert [table.item(r, 2).text() for r in range(2)] == visits.hazard_descriptions
    assert [table.item(r, 3).text() for r in range(2)] == ["一般隐患", "重大隐患"]
    assert dialog.hazards_heading.text() == "发现隐患 2 条，未销号 2 条"
    assert dialog.no_documents_label.isVisibleTo(dialog)

    # Double-clicking a hazard asks the main window to show it; the page passes it on.
    second_hazard = dialog.hazard_ids()[1]
    with qtbot.waitSignal(page.hazard_activated, timeout=1000) as blocker:
        table.cellDoubleClicked.emit(1, 0)
    assert blocker.args == [second_hazard]


def test_enter_on_a_row_opens_the_detail(qtbot, page: InspectionPage, visits: Visits) -> None:
    select(page, visits.second)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.detail_dialog is not None
    assert page.detail_dialog.title_label.text() == BOYUAN


def test_show_enterprise_limits_the_list(page: InspectionPage, visits: Visits) -> None:
    page.show_enterprise(visits.anda, ANDA)
    assert shown(page) == [ANDA, ANDA]
    page.show_enterprise(None)
    assert len(shown(page)) == 3


def test_refresh_shows_a_new_visit(page: InspectionPage, ui_services: Services, visits: Visits) -> None:
    ui_services.inspections.record(
        ACTOR,
        InspectionInput(
            enterprise_id=visits.boyuan,
            inspected_on=date.today(),
            kind="复查",
            inspector_ids=visits.inspectors,
            start_time="14:00",
            end_time="15:00",
        ),
    )
    assert page.count_label.text() == "共 3 次检查"
    page.refresh()
    assert page.count_label.text() == "共 4 次检查"
    assert shown(page, "kind")[0] == "复查"


def test_filters_come_back_when_the_page_is_opened_again(
    qtbot, ui_services: Services, visits: Visits, tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first = InspectionPage(ui_services, lambda: ACTOR, settings)
    qtbot.addWidget(first)
    first.show()
    first.kind_combo.setCurrentIndex(first.kind_combo.findData("专项检查"))
    first.kind_combo.activated.emit(first.kind_combo.currentIndex())  # as a user's pick does
    since = date.today() - timedelta(days=10)
    qtbot.keyClicks(first.from_edit.edit, since.strftime("%Y/%m/%d"))
    first.close()

    again = InspectionPage(ui_services, lambda: ACTOR, Settings(settings.path))
    qtbot.addWidget(again)
    again.show()
    assert again.kind_combo.currentText() == "专项检查"
    assert again.from_edit.value() == since
    qtbot.waitUntil(lambda: shown(again, "kind") == ["专项检查"])
    again.clear_filters()  # 清除筛选 forgets them too
    third = InspectionPage(ui_services, lambda: ACTOR, Settings(settings.path))
    qtbot.addWidget(third)
    assert third.kind_combo.currentData() is None and third.from_edit.value() is None
