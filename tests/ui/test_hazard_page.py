"""The 隐患整改 tracker: list, each filter, colours, dashboard tiles, batch 延期, Excel export."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFileDialog, QLabel, QProgressDialog, QPushButton

from inspector.core.context import Services
from inspector.core.hazards import HazardFilter
from inspector.core.lifecycle import RectifyOnSpot, ReportDone
from inspector.db.engine import Database
from inspector.ui import hazard_page as hazard_page_module
from inspector.ui.batch_extend_dialog import BatchExtendDialog
from inspector.ui.hazard_page import HazardPage
from inspector.ui.hazard_table import CHIP_ROLE, LEVEL_CHIP
from inspector.ui.settings import Settings
from inspector.ui.style import MUTED_COLOUR, OVERDUE_COLOUR, OVERDUE_ROW
from tests.core.test_lifecycle_support import TODAY, World, day, full_plan, hazard_input
from tests.factories import enterprise_input

OTHER = "薛家金属制品有限公司"


@pytest.fixture
def world(sqlite_db: Database) -> World:
    return World.build(sqlite_db)


@pytest.fixture
def ids(world: World) -> dict[str, int]:
    """Two enterprises; hazards in every state: the core's own test district (test_hazards.py)."""
    w = world
    other = w.enterprises.create(w.boss, enterprise_input(2, name=OTHER, jurisdiction="薛家镇"))
    out: dict[str, int] = {"other": other}
    visit = w.inspections.record(
        w.actor,
        w.visit(
            hazard_input(1, location="抛光车间", description="铝镁粉尘未及时清理"),
            hazard_input(
                2,
                location="配电房",
                description="配电柜前未铺设绝缘胶垫",
                subcategory="电气",
                deadline=day(-1),
            ),
            hazard_input(
                3,
                category="基础管理",
                subcategory="安全教育培训",
                location="办公室",
                description="未开展粉尘防爆专项培训",
                plan=full_plan(day(5)),
            ),
        ),
    )
    out.update(zip(("dust", "power", "training"), (h.id for h in visit.hazards), strict=True))
    visit2 = w.inspections.record(
        w.actor,
        w.visit(
            hazard_input(
                4,
                level="重大隐患",
                location="除尘系统",
                description="干式除尘器未设置锁气卸灰装置",
                plan=full_plan(day(20)),
            ),
            hazard_input(5, location="仓库", description="消防通道堆放杂物", subcategory="消防"),
            enterprise_id=other,
            inspected_on=day(-3),
            inspector_ids=[w.inspector_ids[2]],
        ),
    )
    out.update(zip(("major", "fire"), (h.id for h in visit2.hazards), strict=True))
    w.hazards.act(w.actor, out["fire"], RectifyOnSpot(day(-3)))
    w.hazards.act(w.actor, out["training"], ReportDone(TODAY))
    return out


def services_of(w: World) -> Services:
    """The app's services on the world's fixed clock (so 逾期 and 剩N天 are exact)."""
    return replace(
        Services.on(w.db, w.clock), hazards=w.hazards, dashboard=w.dashboard, inspections=w.inspections
    )


@pytest.fixture
def page(qtbot, world: World, ids: dict[str, int], tmp_path: Path) -> HazardPage:
    p = HazardPage(services_of(world), lambda: world.actor, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(p)
    p.resize(1400, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


def shown(page: HazardPage) -> list[int]:
    """The hazard ids the list shows, top to bottom."""
    return [page.model.row_at(r).id for r in range(page.model.rowCount())]


def cell(page: HazardPage, hazard_id: int, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = shown(page).index(hazard_id)
    return page.model.index(row, page.model.column_index(key)).data(role)


def choose(combo: QComboBox, text: str) -> None:
    i = combo.findText(text)
    assert i >= 0, f"{text} not in {combo.objectName()}"
    combo.setCurrentIndex(i)


def select(page: HazardPage, *hazard_ids: int) -> None:
    rows = [shown(page).index(h) for h in hazard_ids]
    page.table.clearSelection()
    for r in rows:
        page.table.selectionModel().select(
            page.model.index(r, 0),
            page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows,
        )


def test_opens_on_the_open_hazards_newest_first(page: HazardPage, ids: dict[str, int]) -> None:
    assert page.count_label.text() == "未销号 共 4 条"
    assert set(shown(page)) == {ids["dust"], ids["power"], ids["training"], ids["major"]}
    found = [page.model.row_at(r).found_on for r in range(4)]
    assert found == sorted(found, reverse=True)  # 发现日期, newest first
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert headers == [
        "隐患编号",
        "企业名称",
        "状态",
        "等级",
        "剩余/逾期",
        "整改时限",
        "隐患描述",
        "属地",
        "隐患部位",
        "类别",
        "发现日期",
        "检查人员",
    ]
    assert cell(page, ids["power"], "category") == "现场管理／电气"
    assert cell(page, ids["major"], "enterprise_name") == OTHER
    assert (
        cell(page, ids["major"], "description", Qt.ItemDataRole.ToolTipRole) == "干式除尘器未设置锁气卸灰装置"
    )
    assert cell(page, ids["training"], "days_left") == "剩5天"
    assert cell(page, ids["power"], "days_left") == "逾期1天"
    assert cell(page, ids["dust"], "days_left") == ""  # no deadline yet
    assert cell(page, ids["dust"], "inspectors") == "张检查、李检查"
    assert cell(page, ids["major"], "inspectors") == "王五"


def test_model_is_a_valid_qt_model(qtmodeltester, page: HazardPage) -> None:
    qtmodeltester.check(page.model)


def test_each_filter_narrows_to_the_right_rows(qtbot, page: HazardPage, ids: dict[str, int]) -> None:
    bar = page.filter_bar
    choose(bar.state_combo, "全部")
    assert len(shown(page)) == 5 and page.count_label.text() == "共 5 条（已筛选）"
    choose(bar.state_combo, "已销号")
    assert shown(page) == [ids["fire"]]
    choose(bar.state_combo, "待复查")
    assert shown(page) == [ids["training"]]
    choose(bar.state_combo, "全部")

    choose(bar.jurisdiction_combo, "薛家镇")
    assert set(shown(page)) == {ids["major"], ids["fire"]}
    choose(bar.jurisdiction_combo, "全部")

    choose(bar.level_combo, "重大隐患")
    assert shown(page) == [ids["major"]]
    choose(bar.level_combo, "全部")

    choose(bar.category_combo, "基础管理")
    assert shown(page) == [ids["training"]]
    choose(bar.category_combo, "全部")

    bar.overdue_box.click()
    assert shown(page) == [ids["power"]]
    choose(bar.due_combo, "7日内")  # 到期 within N days excludes the overdue ones: the box unticks
    assert not bar.overdue_box.isChecked()
    assert shown(page) == [ids["training"]]
    choose(bar.due_combo, "不限")

    bar.supervised_box.click()
    assert shown(page) == [ids["major"]]
    bar.supervised_box.click()

    choose(bar.inspector_combo, "王五")
    assert set(shown(page)) == {ids["major"], ids["fire"]}
    choose(bar.inspector_combo, "全部")

    bar.date_box.click()
    bar.from_edit.clear()
    qtbot.keyClicks(bar.from_edit.edit, "2026/11/13")  # day(-3): the second visit
    bar.to_edit.clear()
    qtbot.keyClicks(bar.to_edit.edit, "20261116")
    qtbot.waitUntil(lambda: set(shown(page)) == {ids["major"], ids["fire"]})
    bar.date_box.click()

    # Keyword search waits for the user to stop typing.
    bar.search_edit.setText("配电")
    assert len(shown(page)) == 5
    qtbot.waitUntil(lambda: shown(page) == [ids["power"]])
    bar.search_edit.setText("粉尘防爆专项")  # 3+ characters: full-text index
    qtbot.waitUntil(lambda: shown(page) == [ids["training"]])
    bar.search_edit.clear()
    qtbot.waitUntil(lambda: len(shown(page)) == 5)

    # 企业: type (part of) the name and press Enter.
    bar.enterprise_edit.setText("薛家金属")
    qtbot.keyClick(bar.enterprise_edit, Qt.Key.Key_Return)
    assert bar.enterprise_edit.text() == OTHER
    assert set(shown(page)) == {ids["major"], ids["fire"]}
    assert page.current_filter().enterprise_id == ids["other"]

    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert bar.enterprise_edit.text() == ""
    assert page.current_filter() == HazardFilter(open_only=True)
    assert page.count_label.text() == "未销号 共 4 条"


def test_overdue_rows_are_red_major_is_a_dark_red_tag_closed_rows_muted(
    page: HazardPage, ids: dict[str, int]
) -> None:
    bg = Qt.ItemDataRole.BackgroundRole
    fg = Qt.ItemDataRole.ForegroundRole
    for key in ("number", "description", "deadline"):
        brush = cell(page, ids["power"], key, bg)
        assert isinstance(brush, QBrush) and brush.color() == QColor(OVERDUE_ROW)
    assert cell(page, ids["power"], "days_left", fg).color() == QColor(OVERDUE_COLOUR)
    assert cell(page, ids["power"], "days_left", Qt.ItemDataRole.FontRole).bold()
    assert cell(page, ids["training"], "number", bg) is None  # in time: no colour
    assert cell(page, ids["major"], "level", CHIP_ROLE) == LEVEL_CHIP
    assert cell(page, ids["major"], "level", Qt.ItemDataRole.FontRole).bold()
    assert cell(page, ids["dust"], "level", CHIP_ROLE) is None  # 一般隐患: plain text
    choose(page.filter_bar.state_combo, "全部")
    assert cell(page, ids["fire"], "number", fg).color() == QColor(MUTED_COLOUR)


def test_dashboard_tiles_open_the_list_with_the_same_count(page: HazardPage, world: World) -> None:
    tiles = world.dashboard.tiles()
    assert [t.count for t in tiles] == [4, 1, 1, 1]
    for tile in tiles:
        page.apply_filter(tile.filter)
        assert page.model.rowCount() == tile.count, tile.label
        assert page.current_filter() == tile.filter
        assert page.filter_bar.current_filter() == tile.filter  # the bar shows the tile's criteria
    page.apply_filter(HazardFilter(enterprise_id=world.enterprise_id, open_only=True))
    assert page.filter_bar.enterprise_edit.text() == "常州市新北区测试化工有限公司1"
    assert page.model.rowCount() == 3


def fill_and_press(
    dialog: BatchExtendDialog,
    deadline: date,
    reason: str,
    after: Callable[[BatchExtendDialog], None] | None = None,
) -> int:
    """What a user does in the dialog: type the date, type the reason, press 延期."""
    dialog.show()
    dialog.date_edit.clear()
    QTest.keyClicks(dialog.date_edit.edit, deadline.strftime("%Y%m%d"))
    dialog.reason_edit.setPlainText(reason)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    if after is not None:
        after(dialog)
    if dialog.isVisible():  # refused: the form stays open with the user's input; they cancel
        dialog.reject()
    return dialog.result()


def test_batch_extend_changes_deadlines_and_keeps_the_old_ones(
    page: HazardPage, world: World, ids: dict[str, int], messages, monkeypatch
) -> None:
    assert not page.extend_button.isEnabled()
    select(page, ids["power"], ids["major"])
    assert page.extend_button.isEnabled()
    seen: list[BatchExtendDialog] = []
    monkeypatch.setattr(
        BatchExtendDialog, "exec", lambda d: (seen.append(d), fill_and_press(d, day(30), "设备采购周期长"))[1]
    )
    page.extend_button.click()
    assert "2 条隐患" in seen[0].summary_label.text()
    assert messages.texts("information") == ["已为 2 条隐患延长整改时限至 2026-12-16。"]
    for key, old in (("power", day(-1)), ("major", day(20))):
        d = world.hazards.detail(ids[key])
        assert d.deadline == day(30)
        assert [(e.old_deadline, e.new_deadline, e.reason) for e in d.extensions] == [
            (old, day(30), "设备采购周期长")
        ]
    assert cell(page, ids["power"], "days_left") == "剩30天"  # refreshed
    assert cell(page, ids["power"], "number", Qt.ItemDataRole.BackgroundRole) is None
    assert sorted(page.selected_ids()) == sorted([ids["power"], ids["major"]])  # selection kept


def test_batch_extend_refusals_keep_the_form_and_change_nothing(
    page: HazardPage, world: World, ids: dict[str, int], messages, monkeypatch
) -> None:
    select(page, ids["training"])  # 待复查 cannot be extended, and nothing else is selected
    observed: dict[str, str] = {}

    def look(d: BatchExtendDialog) -> None:
        observed["general"] = d.general_error.text()
        observed["reason_kept"] = d.reason_edit.toPlainText()
        observed["visible"] = str(d.isVisible())

    monkeypatch.setattr(BatchExtendDialog, "exec", lambda d: fill_and_press(d, day(30), "企业申请", look))
    page.extend_button.click()
    assert "待复查" in observed["general"] and "不能延期" in observed["general"]
    assert observed["reason_kept"] == "企业申请" and observed["visible"] == "True"
    assert world.hazards.detail(ids["power"]).deadline == day(-1)
    assert messages.texts() == []

    select(page, ids["power"])
    reasons: dict[str, str] = {}

    def look_reason(d: BatchExtendDialog) -> None:
        reasons["text"] = d.reason_error.text()

    monkeypatch.setattr(BatchExtendDialog, "exec", lambda d: fill_and_press(d, day(30), "  ", look_reason))
    page.extend_button.click()
    assert reasons["text"] == "延期须说明理由"
    assert world.hazards.detail(ids["power"]).extensions == []

    select(page, ids["power"], ids["major"])  # major's deadline is day(20): day(10) is too early for it
    dates: dict[str, str] = {}
    monkeypatch.setattr(
        BatchExtendDialog,
        "exec",
        lambda d: fill_and_press(d, day(10), "企业申请", lambda d: dates.update(text=d.date_error.text())),
    )
    page.extend_button.click()
    assert dates["text"].endswith("新整改时限须晚于原整改时限（2026-12-06）")
    assert world.hazards.detail(ids["power"]).deadline == day(-1)  # all or nothing


def test_batch_extend_over_a_mixed_selection_extends_the_eligible_and_names_the_skipped(
    page: HazardPage, world: World, ids: dict[str, int], messages, monkeypatch
) -> None:
    select(page, ids["power"], ids["training"], ids["major"])  # training is 待复查
    monkeypatch.setattr(BatchExtendDialog, "exec", lambda d: fill_and_press(d, day(30), "企业申请"))
    page.extend_button.click()
    training = world.hazards.detail(ids["training"])
    assert messages.texts("information") == [
        "已为 2 条隐患延长整改时限至 2026-12-16。\n\n以下 1 条未延期：\n"
        f"{training.number}：隐患当前状态为“待复查”，不能延期"
    ]
    assert world.hazards.detail(ids["power"]).deadline == day(30)
    assert world.hazards.detail(ids["major"]).deadline == day(30)
    assert training.deadline == day(5) and training.extensions == []


def read_sheet(path: Path) -> tuple[str, list[str], list[list[object]]]:
    ws = openpyxl.load_workbook(path, read_only=True).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if "隐患编号" in r)
    return str(rows[header - 1][0] or ""), [str(h) for h in rows[header]], rows[header + 1 :]


def test_export_writes_exactly_the_list_in_its_order(
    qtbot, page: HazardPage, ids: dict[str, int], messages, monkeypatch, tmp_path: Path
) -> None:
    choose(page.filter_bar.state_combo, "全部")
    deadline_col = page.model.column_index("deadline")
    page.table.horizontalHeader().setSortIndicator(
        deadline_col, Qt.SortOrder.DescendingOrder
    )  # a header click
    assert page.sort_order() == ("deadline", True)
    target = tmp_path / "清单"
    asked: list[str] = []

    def save_as(_parent, _title, default, _filter):  # type: ignore[no-untyped-def]
        asked.append(default)
        return str(target), "Excel 工作簿 (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.export_button.click()
    assert Path(asked[0]).name == f"隐患清单_{date.today():%Y%m%d}.xlsx"
    written = tmp_path / "清单.xlsx"
    assert written.exists()
    info, header, rows = read_sheet(written)
    numbers = [page.model.row_at(r).number for r in range(page.model.rowCount())]
    assert [r[header.index("隐患编号")] for r in rows if r[0] is not None] == numbers
    assert "状态：全部" in info and "共 5 条" in info
    assert messages.texts("information") == [f"已导出 5 条隐患到：\n{written}"]


def test_cancelling_the_export_writes_nothing(
    qtbot, page: HazardPage, messages, monkeypatch, tmp_path: Path
) -> None:
    real_export = hazard_page_module.export_hazards

    def slow_export(*args, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        for _ in range(20_000):  # keep "working" until 取消 is pressed (bounded: a bug cannot hang)
            if not progress(0, 4):
                break
            time.sleep(0.001)
        return real_export(*args, progress=progress, **kwargs)

    monkeypatch.setattr(hazard_page_module, "export_hazards", slow_export)
    timer = QTimer()
    timer.setInterval(5)

    def press_cancel() -> None:
        dialog = page.findChild(QProgressDialog)
        if dialog is not None and dialog.isVisible():
            timer.stop()
            button = dialog.findChild(QPushButton)
            assert button is not None and button.text() == "取消"
            button.click()

    timer.timeout.connect(press_cancel)
    timer.start()
    target = tmp_path / "隐患清单.xlsx"
    with qtbot.waitSignal(page.status_message) as blocker:
        assert page.export_excel(target) is None
    timer.stop()
    assert blocker.args == ["已取消导出，未生成文件"]
    assert page.status_label.text() == "已取消导出，未生成文件"
    assert list(tmp_path.glob("*.xlsx")) == [] and not list(tmp_path.glob("*.tmp*"))
    assert messages.texts() == []


def test_signals_for_the_detail_pane(qtbot, page: HazardPage, ids: dict[str, int]) -> None:
    assert page.splitter.count() == 1  # no detail pane: the list takes the full width
    pane = QLabel("详情")
    page.set_detail_widget(pane)
    assert page.splitter.count() == 2 and page.splitter.widget(1) is pane
    row = shown(page).index(ids["major"])
    with qtbot.waitSignal(page.selection_changed) as sel:
        page.table.selectRow(row)
    assert sel.args == [[ids["major"]]]
    rect = page.table.visualRect(page.model.index(row, 1))
    with qtbot.waitSignal(page.hazard_activated) as act:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert act.args == [ids["major"]]
    with qtbot.waitSignal(page.hazard_activated) as act:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert act.args == [ids["major"]]


def test_header_sort_is_server_side_and_remembered(
    qtbot, world: World, page: HazardPage, tmp_path: Path
) -> None:
    hh = page.table.horizontalHeader()
    number_col = page.model.column_index("number")
    qtbot.mouseClick(hh.viewport(), Qt.MouseButton.LeftButton, pos=header_point(hh, number_col))
    numbers = [page.model.row_at(r).number for r in range(page.model.rowCount())]
    assert page.sort_order()[0] == "number"
    assert numbers == sorted(numbers, reverse=page.sort_order()[1])
    # Unsortable columns (隐患描述) keep the current order.
    before = page.sort_order()
    desc_col = page.model.column_index("description")
    qtbot.mouseClick(hh.viewport(), Qt.MouseButton.LeftButton, pos=header_point(hh, desc_col))
    assert page.sort_order() == before
    page.save_state()
    again = HazardPage(services_of(world), lambda: world.actor, page.settings)
    qtbot.addWidget(again)
    assert again.sort_order() == before


def header_point(header, section: int) -> QPoint:  # type: ignore[no-untyped-def]
    """The middle of a header section, where a user clicks to sort."""
    return QPoint(
        header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2
    )


def test_refresh_keeps_selection_and_scroll_position(qtbot, world: World, page: HazardPage) -> None:
    for n in range(60):
        world.new_hazard(location=f"{n}号仓库", deadline=day(n % 9))
    page.refresh()
    assert page.model.rowCount() == 64
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    middle = page.table.rowAt(page.table.viewport().height() // 2)
    page.table.selectRow(middle)
    chosen = page.selected_ids()
    scroll = bar.value()
    world.new_hazard(location="新登记", found_on=day(-20))  # someone adds one at the end of the list
    with qtbot.waitSignal(page.selection_changed):
        page.refresh()
    assert page.model.rowCount() == 65
    assert bar.value() == scroll
    assert page.selected_ids() == chosen


def test_show_hazard_selects_it_even_when_filtered_out(qtbot, page: HazardPage, ids: dict[str, int]) -> None:
    with qtbot.waitSignal(page.selection_changed) as sel:
        assert page.show_hazard(ids["major"])
    assert sel.args == [[ids["major"]]]
    assert page.current_filter() == HazardFilter(open_only=True)  # it was in the list: filter kept
    assert page.show_hazard(ids["fire"])  # 已销号: not in the default list
    assert page.selected_ids() == [ids["fire"]]
    assert shown(page) == [ids["fire"]]
    assert page.filter_bar.search_edit.text() == page.model.row_at(0).number
    assert not page.show_hazard(999_999)
    assert page.status_label.text() == "未找到隐患（编号 999999）"


def test_an_empty_list_says_so(page: HazardPage) -> None:
    assert not page.empty_label.isVisible()
    page.apply_filter(HazardFilter(text="不存在的隐患描述"))
    assert page.model.rowCount() == 0 and page.count_label.text() == "共 0 条（已筛选）"
    assert page.empty_label.isVisible() and "没有符合条件的隐患" in page.empty_label.text()
    page.filter_bar.clear_button.click()
    assert not page.empty_label.isVisible()


def test_a_click_on_the_enterprise_header_sorts_names_by_pinyin(
    qtbot, world: World, page: HazardPage, ids: dict[str, int]
) -> None:
    """北 (bei) sorts before 安 (an) by code point; a user expects 安, 北, 常, 薛."""
    for n, name in enumerate(("北方化工有限公司", "安达化工有限公司"), 7):
        eid = world.enterprises.create(world.boss, enterprise_input(n, name=name, jurisdiction="罗溪镇"))
        world.hazards.record(world.actor, eid, hazard_input(n), day(-1))
    choose(page.filter_bar.state_combo, "全部")
    hh = page.table.horizontalHeader()
    col = page.model.column_index("enterprise_name")
    qtbot.mouseClick(hh.viewport(), Qt.MouseButton.LeftButton, pos=header_point(hh, col))
    assert page.sort_order()[0] == "enterprise_name"
    names = list(dict.fromkeys(page.model.row_at(r).enterprise_name for r in range(page.model.rowCount())))
    expected = ["安达化工有限公司", "北方化工有限公司", world_enterprise_name(world), OTHER]
    assert names == (expected[::-1] if page.sort_order()[1] else expected)


def world_enterprise_name(world: World) -> str:
    return world.enterprises.get(world.enterprise_id)[0].name
