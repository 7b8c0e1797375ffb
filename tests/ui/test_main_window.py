"""The app shell: pages, menus and shortcuts, status bar, remembered layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from inspector.core.audit import SYSTEM, Actor
from inspector.paths import data_dir
from inspector.ui import import_dialog
from inspector.ui.app import create_main_window
from inspector.ui.main_window import MainWindow
from inspector.ui.settings import Settings
from tests.factories import enterprise_input


def open_window(qtbot, services) -> MainWindow:
    window = create_main_window(services, SYSTEM)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_sidebar_switches_pages(qtbot, ui_services) -> None:
    window = open_window(qtbot, ui_services)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["工作台", "企业台账", "检查记录", "隐患整改", "月度台账", "统计", "检查计划"]
    assert window.stack.currentWidget() is window.home_page

    window.sidebar.setCurrentRow(3)
    assert window.stack.currentWidget() is window.hazard_page
    assert window.current_page_key() == "hazards"
    assert window.hazard_page.detail_widget is window.hazard_detail

    window.page_actions[1].trigger()  # Ctrl+2
    assert window.stack.currentWidget() is window.enterprise_page


def test_status_bar_shows_database_file_and_counts(qtbot, ui_services) -> None:
    ui_services.enterprises.create(SYSTEM, enterprise_input(1))
    window = open_window(qtbot, ui_services)
    path = ui_services.db.url.removeprefix("sqlite:///")
    assert window.db_status.text() == f"数据库文件：{path}"
    qtbot.waitUntil(lambda: window.count_status.text() == "已登记企业 1 家")  # counted after the first paint
    assert window.actor_status.text() == "当前用户：系统"
    window.set_actor(Actor(id=7, name="张检查"))
    assert window.actor is not None and window.actor.name == "张检查"
    assert window.actor_status.text() == "当前用户：张检查"


def test_about_names_the_program_and_database(qtbot, ui_services, messages) -> None:
    window = open_window(qtbot, ui_services)
    window.about_action.trigger()
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("about", "关于")
    assert "安全生产检查与隐患闭环整改台账" in text
    assert "数据库文件：" in text


def test_find_searches_the_list_on_screen_else_the_registry(qtbot, ui_services) -> None:
    window = open_window(qtbot, ui_services)
    window.sidebar.setCurrentRow(5)  # 统计: nothing to search there
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # focus goes only to the active window
    window.find_action.trigger()
    assert window.stack.currentWidget() is window.enterprise_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.enterprise_page.search_edit)

    window.show_page("hazards")
    window.find_action.trigger()
    assert window.stack.currentWidget() is window.hazard_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.hazard_page.filter_bar.search_edit)


def test_new_enterprise_action_opens_the_form_and_counts_update(qtbot, ui_services, messages) -> None:
    window = open_window(qtbot, ui_services)
    window.new_action.trigger()
    dialog = window.enterprise_page.dialog
    assert dialog is not None and dialog.windowTitle() == "新增企业"
    dialog.reject()
    window.edit_action.trigger()  # nothing selected: a hint, no dialog
    assert window.enterprise_page.dialog is None
    assert window.statusBar().currentMessage() == "请先在列表中选择一家企业"

    ui_services.enterprises.create(SYSTEM, enterprise_input(1))
    window.refresh_action.trigger()  # F5
    assert window.count_status.text() == "已登记企业 1 家"
    assert window.enterprise_page.count_label.text() == "共 1 家"


def test_import_actions_call_the_import_dialog_module(qtbot, ui_services, monkeypatch) -> None:
    calls: list[str] = []

    def run_import_dialog(parent: QWidget, services, actor) -> bool:
        calls.append("import")
        services.enterprises.create(actor, enterprise_input(5))
        return True

    monkeypatch.setattr(import_dialog, "run_import_dialog", run_import_dialog)
    monkeypatch.setattr(import_dialog, "save_template", lambda parent, services: calls.append("template"))

    window = open_window(qtbot, ui_services)
    window.sidebar.setCurrentRow(4)
    window.import_action.trigger()
    window.template_action.trigger()
    assert calls == ["import", "template"]
    assert window.stack.currentWidget() is window.enterprise_page
    assert window.enterprise_page.count_label.text() == "共 1 家"
    assert window.count_status.text() == "已登记企业 1 家"


def test_geometry_and_last_page_are_remembered(qtbot, ui_services) -> None:
    window = open_window(qtbot, ui_services)
    screen = window.screen().availableGeometry()
    if screen.width() < 1300:
        pytest.skip("the test screen is smaller than the window (QApplication created elsewhere first)")
    window.setGeometry(QRect(60, 50, 1234, 666))
    window.show_page("ledger")
    window.enterprise_page.table.horizontalHeader().resizeSection(0, 333)
    window.close()

    ini = data_dir() / "settings.ini"
    assert ini.exists()  # in the test's temp data folder, never the user's

    again = create_main_window(ui_services, SYSTEM, Settings())
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (1234, 666)
    assert again.current_page_key() == "ledger"
    assert again.enterprise_page.table.horizontalHeader().sectionSize(0) == 333


def test_filters_set_on_each_page_come_back_when_the_window_opens_again(qtbot, ui_services) -> None:
    """企业台账, 检查记录, 隐患整改 and 统计 as the user left them (the test's own settings file)."""
    window = open_window(qtbot, ui_services)
    window.show_page("enterprises")
    status = window.enterprise_page.status_combo
    status.setCurrentIndex(status.findData("停产"))
    status.activated.emit(status.currentIndex())  # what a user's pick sends
    window.show_page("inspections")
    kind = window.inspection_page.kind_combo
    kind.setCurrentIndex(kind.findData("执法检查"))
    kind.activated.emit(kind.currentIndex())
    qtbot.keyClicks(window.inspection_page.from_edit.edit, "20260301")
    window.show_page("hazards")
    level = window.hazard_page.filter_bar.level_combo
    level.setCurrentIndex(level.findData("重大隐患"))
    window.show_page("statistics")
    stats = window.statistics_page
    stats.preset.setCurrentIndex(stats.preset.count() - 1)  # 自定义
    stats.preset.activated.emit(stats.preset.currentIndex())
    stats.start.clear()
    qtbot.keyClicks(stats.start.edit, "2026/02/01")
    window.close()

    again = create_main_window(ui_services, SYSTEM, Settings())
    qtbot.addWidget(again)
    again.show()
    for key in ("enterprises", "inspections", "hazards", "statistics"):
        again.show_page(key)
    assert again.enterprise_page.status_combo.currentText() == "停产"
    assert again.inspection_page.kind_combo.currentText() == "执法检查"
    assert again.inspection_page.from_edit.text() == "2026-03-01"
    assert again.hazard_page.filter_bar.level_combo.currentData() == "重大隐患"
    assert again.statistics_page.preset.currentText() == "自定义"
    assert again.statistics_page.start.text() == "2026-02-01"
