"""The registry list: search, filters, header sort, 一企一档."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from inspector.core.audit import Actor
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.ui.enterprise_page import EnterprisePage
from inspector.ui.settings import Settings
from tests.factories import credit_code, enterprise_input

ACTOR = Actor(id=None, name="张检查")
ANDA, BOYUAN, CHANGSHENG = "常州安达化工有限公司", "常州博远木业有限公司", "常州昌盛燃气有限公司"
# Names sort by pinyin (an- < bo- < chang-), not by code point (博 < 安 < 昌).
BY_NAME = [ANDA, BOYUAN, CHANGSHENG]


@pytest.fixture
def page(qtbot, ui_services) -> EnterprisePage:
    svc = ui_services.enterprises
    svc.create(ACTOR, enterprise_input(1, name=ANDA, jurisdiction="春江街道"))
    svc.create(
        ACTOR,
        enterprise_input(
            2, name=BOYUAN, jurisdiction="孟河镇", categories=["涉爆粉尘"], dust_workers=20, risk_grade="红"
        ),
    )
    svc.create(
        ACTOR,
        enterprise_input(
            3,
            name=CHANGSHENG,
            jurisdiction="孟河镇",
            categories=["燃气"],
            status="停产",
            address="孟河镇通江路9号",
        ),
    )
    p = EnterprisePage(ui_services, lambda: ACTOR)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def names(page: EnterprisePage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_lists_everything_with_a_count(page: EnterprisePage) -> None:
    assert page.count_label.text() == "共 3 家"
    assert names(page) == BY_NAME
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert headers == [
        "企业名称",
        "统一社会信用代码",
        "属地",
        "监管类别",
        "行业",
        "主要负责人",
        "联系电话",
        "经营状态",
        "风险等级",
    ]


def test_search_is_debounced_and_narrows_the_list(qtbot, page: EnterprisePage) -> None:
    page.search_edit.setText("木业")
    assert page.count_label.text() == "共 3 家"  # not yet: waits for the user to stop typing
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert names(page) == [BOYUAN]
    assert page.count_label.text() == "共 1 家（已筛选）"

    page.search_edit.setText(credit_code(3).lower())  # codes match whatever the case
    qtbot.waitUntil(lambda: names(page) == [CHANGSHENG])
    page.search_edit.setText("通江路")  # address
    qtbot.waitUntil(lambda: names(page) == [CHANGSHENG])
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.count_label.text() == "共 3 家"


def test_search_by_pinyin_initials_and_full_pinyin(qtbot, page: EnterprisePage) -> None:
    qtbot.keyClicks(page.search_edit, "czby")  # 常州博远: typed as a user would, ASCII only
    qtbot.waitUntil(lambda: names(page) == [BOYUAN])
    assert page.count_label.text() == "共 1 家（已筛选）"
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "changzhouchang")
    qtbot.waitUntil(lambda: names(page) == [CHANGSHENG])
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "CZ")
    qtbot.waitUntil(lambda: names(page) == BY_NAME)


def test_jurisdictions_are_offered_in_pinyin_order(page: EnterprisePage) -> None:
    combo = page.jurisdiction_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["春江街道", "孟河镇"]


def test_filters_narrow_the_list(page: EnterprisePage) -> None:
    page.jurisdiction_combo.setCurrentText("孟河镇")
    assert names(page) == [BOYUAN, CHANGSHENG]
    page.status_combo.setCurrentText("停产")
    assert names(page) == [CHANGSHENG]
    page.status_combo.setCurrentIndex(0)
    page.category_combo.setCurrentText("涉爆粉尘")
    assert names(page) == [BOYUAN]
    assert page.count_label.text() == "共 1 家（已筛选）"
    page.jurisdiction_combo.setCurrentText("春江街道")
    assert names(page) == []
    assert page.count_label.text() == "共 0 家（已筛选）"


def click_header(qtbot, page: EnterprisePage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_header_click_sorts_on_the_server(qtbot, page: EnterprisePage) -> None:
    click_header(qtbot, page, 0)  # already ascending by name: now descending
    assert names(page) == BY_NAME[::-1]
    click_header(qtbot, page, page.model.column_index("status"))
    assert [page.model.index(r, 7).data() for r in range(3)] == ["停产", "在产", "在产"]
    click_header(qtbot, page, page.model.column_index("credit_code"))
    assert [page.model.index(r, 1).data() for r in range(3)] == [
        credit_code(1),
        credit_code(2),
        credit_code(3),
    ]


def test_risk_grade_cell_is_coloured(page: EnterprisePage) -> None:
    col = page.model.column_index("risk_grade")
    red, plain = BY_NAME.index(BOYUAN), BY_NAME.index(ANDA)
    brush = page.model.index(red, col).data(Qt.ItemDataRole.BackgroundRole)
    assert page.model.index(red, col).data() == "红"
    assert brush is not None and brush.color().name() == "#e03131"
    assert page.model.index(plain, col).data(Qt.ItemDataRole.BackgroundRole) is None


def test_buttons_need_a_selection(page: EnterprisePage) -> None:
    assert not page.edit_button.isEnabled() and not page.file_button.isEnabled()
    page.table.selectRow(1)
    assert page.edit_button.isEnabled() and page.file_button.isEnabled()


def test_enterprise_file_shows_facts_and_empty_hints(qtbot, page: EnterprisePage) -> None:
    page.table.selectRow(BY_NAME.index(BOYUAN))
    qtbot.mouseClick(page.file_button, Qt.MouseButton.LeftButton)
    dialog = page.file_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == f"一企一档 — {BOYUAN}"
    assert dialog.findChild(QLabel, "fact_credit_code").text() == credit_code(2)
    assert dialog.findChild(QLabel, "fact_dust_workers").text() == "20 人"
    assert dialog.inspections.is_empty() and dialog.hazards.is_empty()
    assert dialog.inspections.hint.text() == "暂无检查记录"

    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert page.dialog is not None
    assert page.dialog.windowTitle() == f"编辑企业 — {BOYUAN}"


def test_enterprise_file_lists_visits_hazards_and_counts_by_state(
    qtbot, page: EnterprisePage, ui_services
) -> None:
    eid = next(r.id for r in ui_services.enterprises.page(EnterpriseFilter(text=BOYUAN), 0, 5))
    inspector_id = ui_services.inspectors.create(ACTOR, InspectorInput("张检查", "32041120002", "安监科"))
    recorded = ui_services.inspections.record(
        ACTOR,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=date.today(),
            kind="日常检查",
            inspector_ids=[inspector_id],
            start_time="09:00",
            end_time="10:30",
            hazards=[
                HazardInput(
                    location="打磨车间",
                    description="除尘器未接地",
                    category="现场管理",
                    deadline=date.today() + timedelta(days=10),
                ),
                HazardInput(
                    location="仓库",
                    description="灭火器过期",
                    category="现场管理",
                    rectified_on_spot=True,
                    on_spot_measures="当场更换灭火器",
                ),
            ],
        ),
    )
    page.table.selectRow(BY_NAME.index(BOYUAN))
    qtbot.mouseClick(page.file_button, Qt.MouseButton.LeftButton)
    dialog = page.file_dialog
    assert dialog is not None
    visits = dialog.inspections.table
    assert visits.rowCount() == 1
    assert [visits.item(0, c).text() for c in (1, 2, 3, 4)] == ["日常检查", "张检查", "2 条", "1 条"]
    hazards = dialog.hazards.table
    descriptions = {hazards.item(r, 3).text(): hazards.item(r, 5).text() for r in range(hazards.rowCount())}
    assert descriptions == {"除尘器未接地": "待整改", "灭火器过期": "已销号"}
    chips = [w.text() for w in dialog.findChildren(QLabel) if w.text().startswith(("待整改", "已销号"))]
    assert "待整改 1" in chips and "已销号 1" in chips
    assert dialog.tabs.tabText(1) == "隐患（2）"

    opened: list[int] = []
    page.hazard_activated.connect(opened.append)
    row = next(r for r in range(hazards.rowCount()) if hazards.item(r, 3).text() == "除尘器未接地")
    dialog.hazards._activate(row)
    assert opened == [next(h.id for h in recorded.hazards if h.number == hazards.item(row, 0).text())]
    visits_opened: list[int] = []
    page.inspection_activated.connect(visits_opened.append)
    qtbot.waitExposed(dialog)
    cell = visits.visualItemRect(visits.item(0, 0)).center()
    qtbot.mouseClick(visits.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double-click follows a press
    qtbot.mouseDClick(visits.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert visits_opened == [recorded.id]


def test_filters_come_back_when_the_page_is_opened_again(
    qtbot, page: EnterprisePage, ui_services, tmp_path
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first = EnterprisePage(ui_services, lambda: ACTOR, settings)
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.jurisdiction_combo.findData("孟河镇") >= 0)
    for combo, value in ((first.jurisdiction_combo, "孟河镇"), (first.status_combo, "停产")):
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.emit(combo.currentIndex())  # what a user's pick sends
    first.close()
    again = EnterprisePage(ui_services, lambda: ACTOR, Settings(settings.path))
    qtbot.addWidget(again)
    again.show()
    assert (again.jurisdiction_combo.currentData(), again.status_combo.currentData()) == ("孟河镇", "停产")
    assert again.category_combo.currentData() is None
    qtbot.waitUntil(lambda: names(again) == [CHANGSHENG])
