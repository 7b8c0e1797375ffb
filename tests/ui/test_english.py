"""The English translation: with it installed, the program's own words on screen are English.

Data (enterprise names, 属地) stays as entered; what is checked here is the chrome a user reads:
window titles, menus, the sidebar, buttons, labels, group titles, column headers, choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.ui.app import create_main_window
from inspector.ui.date_field import DateField
from inspector.ui.enterprise_dialog import EnterpriseDialog
from inspector.ui.hazard_table import days_text
from inspector.ui.i18n import ENGLISH, app_translation_file, install_translations
from inspector.ui.main_window import MainWindow
from inspector.ui.terms import term
from inspector.ui.visit_dialog import VisitDialog
from inspector.ui.widgets import DOCUMENT_TEXT

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    path = app_translation_file(ENGLISH)
    assert path is not None
    locale = QLocale()
    installed = install_translations(qapp, ENGLISH)
    assert installed, f"{path} missing: run `make test` (it compiles the translation)"
    yield
    for t in qapp.findChildren(QTranslator):
        qapp.removeTranslator(t)
        t.deleteLater()
    QLocale.setDefault(locale)


def chrome(widget: QWidget) -> list[str]:
    """Every text of the program's own on the widget and its children (visible or not)."""
    texts = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if _shows_document(w):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QMenu):
            texts.append(w.title())
            texts.extend(a.text() for a in w.actions())
        elif isinstance(w, QHeaderView) and w.model() is not None:
            texts.extend(str(w.model().headerData(c, w.orientation()) or "") for c in range(w.count()))
        texts.append(w.toolTip())
    return [t for t in texts if t]


def _shows_document(w: QWidget | None) -> bool:
    """A document's own words (the ledger's title, columns, scope line) stay Chinese on purpose."""
    while w is not None:
        if w.property(DOCUMENT_TEXT):
            return True
        w = w.parentWidget()
    return False


def chinese_left(widget: QWidget) -> list[str]:
    return sorted({t for t in chrome(widget) if CJK.search(t)})


def open_window(qtbot, services: Services) -> MainWindow:  # type: ignore[no-untyped-def]
    window = create_main_window(services, SYSTEM)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_main_window_and_every_page_speak_english(qtbot, ui_services, english) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, ui_services)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [
        "Dashboard",
        "Enterprises",
        "Inspections",
        "Hazards",
        "Monthly Ledger",
        "Statistics",
        "Inspection Plans",
    ]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Enterprise", "Inspection", "View", "Help"]
    for key in window.pages:
        window.show_page(key)
        qtbot.wait(50)
    assert chinese_left(window) == []


def test_the_visit_and_enterprise_forms_speak_english(qtbot, ui_services, english) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, ui_services)
    visit = VisitDialog(ui_services, SYSTEM, parent=window)
    qtbot.addWidget(visit)
    visit.add_hazard()
    assert chinese_left(visit) == []
    enterprise = EnterpriseDialog(ui_services, SYSTEM, parent=window)
    qtbot.addWidget(enterprise)
    assert chinese_left(enterprise) == []


def test_the_cores_refusals_speak_english_too(qtbot, ui_services, english) -> None:  # type: ignore[no-untyped-def]
    """The core words its refusals in Chinese; with the translation installed the form shows them
    in English (``inspector.i18n.say``), field labels included."""
    enterprise = EnterpriseDialog(ui_services, SYSTEM)
    qtbot.addWidget(enterprise)
    enterprise.show()
    qtbot.mouseClick(enterprise.save_button, Qt.MouseButton.LeftButton)  # nothing filled in
    shown = {
        label.objectName(): label.text()
        for label in enterprise.findChildren(QLabel)
        if label.objectName().startswith("error_") and label.isVisible()
    }
    assert {"error_name", "error_credit_code", "error_jurisdiction"} <= set(shown), shown
    assert [t for t in shown.values() if CJK.search(t)] == []
    cut = [
        label.text()
        for label in enterprise.findChildren(QLabel)
        if label.objectName() in shown and label.width() < label.fontMetrics().horizontalAdvance(label.text())
    ]
    assert cut == []  # each message is read whole beside its field
    day = DateField(allow_empty=True)
    qtbot.addWidget(day)
    day.edit.setText("2026-02-30")
    assert day.problem() == "No such date: 2026-02-30"


def test_the_trackers_state_level_and_days_columns_fit_their_english_values(
    qtbot, ui_services, english
) -> None:  # type: ignore[no-untyped-def]
    """The widths were set for Chinese (待复查); English words are longer (Pending Re-inspection)."""
    window = open_window(qtbot, ui_services)
    window.show_page("hazards")
    page = window.pages["hazards"]
    qtbot.waitUntil(lambda: page.table.horizontalHeader().sectionSize(0) > 0)
    table, hh = page.table, page.table.horizontalHeader()
    for key, longest in (("state", "待复查"), ("level", "一般隐患"), ("days_left", None)):
        text = term(longest) if longest else days_text(-365)
        assert not CJK.search(text), text
        width = hh.sectionSize(page.model.column_index(key))
        assert width >= table.fontMetrics().horizontalAdvance(text), (key, text, width)
