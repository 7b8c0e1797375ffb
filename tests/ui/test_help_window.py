"""使用帮助: F1 opens the guide at the section of the page the user is on; the search narrows it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from inspector.core.context import Services
from inspector.guide import GUIDE_LANGUAGES, load_guide, parse_guide
from inspector.ui.help_window import HelpWindow
from tests.ui.test_main_window import open_window


def _help(window: Any) -> HelpWindow:
    found = window.findChild(HelpWindow, "help_window")
    assert found is not None, "F1 opened no help window"
    return found


def test_f1_on_each_page_opens_that_pages_section(qtbot: Any, ui_services: Services) -> None:
    window = open_window(qtbot, ui_services)
    expected = {
        "home": "开始使用",
        "enterprises": "企业台账",
        "hazards": "隐患整改",
        "ledger": "月度台账",
        "statistics": "统计与图表",
        "plans": "检查计划",
    }
    for key, title in expected.items():
        window.show_page(key)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # a shortcut reaches only the active window
        qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_F1)
        help_window = _help(window)
        qtbot.waitUntil(help_window.isVisible)
        assert help_window.current_title() == title
        assert title in help_window.browser.toPlainText()
    assert len(window.findChildren(HelpWindow)) == 1  # one window, reused


def test_help_menu_lists_the_guide_before_about(qtbot: Any, ui_services: Services) -> None:
    window = open_window(qtbot, ui_services)
    menu = window.menuBar().actions()[-1].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["使用帮助", "关于"]
    assert window.help_action.shortcut().toString() == "F1"
    window.show_page("enterprises")
    window.help_action.trigger()
    text = _help(window).browser.toPlainText()
    assert "czhk" in text and "一企一档" in text


def test_search_narrows_the_sections_and_says_when_nothing_matches(qtbot: Any) -> None:
    help_window = HelpWindow(guide=load_guide("zh_CN"))
    qtbot.addWidget(help_window)
    help_window.show()
    qtbot.keyClicks(help_window.search_edit, "20261212")
    shown = [
        help_window.section_list.item(r).text()
        for r in range(help_window.section_list.count())
        if not help_window.section_list.item(r).isHidden()
    ]
    assert shown == ["输入日期与查找"]
    assert help_window.current_title() == "输入日期与查找"
    assert help_window.browser.textCursor().selectedText() == "20261212"
    help_window.search_edit.clear()
    help_window.search_edit.insert("不存在的词")  # what an input method commits
    assert help_window.empty_label.isVisibleTo(help_window)


def test_every_page_has_a_section_in_every_language() -> None:
    pages = {"home", "enterprises", "inspections", "hazards", "ledger", "statistics", "plans"}
    for language in GUIDE_LANGUAGES:
        guide = load_guide(language)
        covered = {p for s in guide.sections for p in s.pages}
        assert covered == pages, language
        assert all("<!--" not in s.markdown for s in guide.sections)
    assert len(load_guide("en").sections) == len(load_guide("zh_CN").sections)


def test_parse_guide_splits_at_second_level_headings() -> None:
    guide = parse_guide("# 帮助\n前言\n## 甲\n<!-- page: a, b -->\n正文\n## 乙\n其他\n")
    assert guide.title == "帮助" and guide.intro == "前言"
    assert [s.title for s in guide.sections] == ["甲", "乙"]
    assert guide.sections[0].pages == ("a", "b")
    assert guide.section_for_page("b") == 0 and guide.section_for_page("x") == 0
    assert guide.search("其他") == [1]
