"""The tracker as a user meets it at scale: remembered filters, 逾期 most overdue first, a re-sort
that keeps the selection, the first page before the count."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from inspector.core.hazards import HazardFilter
from inspector.ui.hazard_page import SETTINGS_FILTER, SETTINGS_PAGE, HazardPage
from inspector.ui.hazard_table import COLUMNS, HazardSource, HazardTableModel
from inspector.ui.settings import Settings
from tests.core.test_lifecycle_support import World, day
from tests.ui.test_hazard_page import choose, ids, page, services_of, shown, world

__all__ = ["ids", "page", "world"]  # fixtures shared with test_hazard_page


def new_page(qtbot, world: World, settings: Settings) -> HazardPage:  # type: ignore[no-untyped-def]
    p = HazardPage(services_of(world), lambda: world.actor, settings)
    qtbot.addWidget(p)
    return p


def test_the_filter_is_back_at_the_next_start(
    qtbot, world: World, ids: dict[str, int], tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first = new_page(qtbot, world, settings)
    choose(first.filter_bar.level_combo, "重大隐患")
    first.filter_bar.overdue_box.setChecked(False)
    wanted = first.current_filter()
    assert wanted.level == "重大隐患"
    again = new_page(qtbot, world, Settings(tmp_path / "settings.ini"))  # a new start, same file
    assert again.current_filter() == wanted
    assert again.filter_bar.filter() == wanted and again.filter_bar.level_combo.currentText() == "重大隐患"
    assert shown(again) == [ids["major"]]


def test_a_bad_stored_filter_opens_the_default_view(
    qtbot, world: World, ids: dict[str, int], tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    for bad in ({"level": 5}, {"found_from": "not a date"}, ["open_only"], "garbage"):
        settings.set_page_value(SETTINGS_PAGE, SETTINGS_FILTER, bad)
        p = new_page(qtbot, world, settings)
        assert p.current_filter() == HazardFilter(open_only=True)
        assert p.count_label.text() == "未销号 共 4 条"
    settings._qs.setValue(f"pages/{SETTINGS_PAGE}/{SETTINGS_FILTER}", "{not json")
    assert new_page(qtbot, world, settings).current_filter() == HazardFilter(open_only=True)


def test_the_overdue_view_opens_most_overdue_first(qtbot, page: HazardPage, world: World) -> None:
    for n in (3, 9, 1):
        world.new_hazard(location=f"{n}号仓库", found_on=day(-12), deadline=day(-n))
    page.filter_bar.overdue_box.setChecked(True)
    assert page.current_filter().overdue_only
    assert page.sort_order() == ("deadline", False)
    hh = page.table.horizontalHeader()
    assert hh.sortIndicatorSection() == page.model.column_index("days_left")
    assert hh.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    days = [page.model.row_at(r).days_left for r in range(page.model.rowCount())]
    assert days == sorted(days) and days[0] == -9


def test_sorting_keeps_the_selected_hazard_selected_and_in_view(
    qtbot, page: HazardPage, world: World
) -> None:
    for n in range(300):
        world.new_hazard(location=f"{n}号仓库", deadline=day(n % 40 + 1), found_on=day(-(n % 9)))
    page.refresh()
    qtbot.waitUntil(lambda: page.model.count_exact and page.model.rowCount() == 304)
    row = 150
    page.table.selectRow(row)
    page.table.scrollTo(page.model.index(row, 0))
    chosen = page.selected_ids()
    assert len(chosen) == 1
    number_col = page.model.column_index("number")
    page.table.horizontalHeader().setSortIndicator(number_col, Qt.SortOrder.AscendingOrder)
    assert page.sort_order() == ("number", False)
    qtbot.waitUntil(lambda: page.selected_ids() == chosen)
    current = page.table.currentIndex().row()
    numbers = [page.model.row_at(r).number for r in range(current - 1, current + 2)]
    assert numbers == sorted(numbers)
    rect = page.table.visualRect(page.model.index(current, 0))
    assert page.table.viewport().rect().intersects(rect)  # scrolled into view


def test_the_first_page_shows_before_the_count(
    qtbot, page: HazardPage, world: World, ids: dict[str, int]
) -> None:
    model = HazardTableModel(
        COLUMNS, HazardSource(services_of(world), HazardFilter()), page_size=2, parent=page
    )
    totals: list[int] = []
    model.totalChanged.connect(totals.append)
    model.refresh()
    assert model.rowCount() == 2 and not model.count_exact  # the first page, not yet counted
    qtbot.waitUntil(lambda: model.count_exact)
    assert model.rowCount() == 5 and totals[-1] == 5
    assert [model.row_at(r).id for r in range(5)] == [
        r.id for r in world.hazards.page(HazardFilter(), 0, 10)
    ]  # pages after the first read by keyset, in the same order
