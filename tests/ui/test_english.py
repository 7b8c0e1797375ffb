"""The English translation: with it installed, the program's own words on screen are English.

Data (enterprise names, 属地) stays as entered; what is checked here is the chrome a user reads:
window titles, menus, the sidebar, buttons, labels, group titles, column headers, choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, Qt, QTranslator
from PySide6.QtGui import QColor, QImage
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

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.hazards import HazardInput
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.lifecycle import (
    AddNote,
    AddPhotos,
    EditDetails,
    ExtendDeadline,
    PlanInput,
    RaiseToMajor,
    ReportDone,
    Review,
    SavePlan,
    SetOnsiteMeasures,
    StartRectification,
    UndoStart,
)
from inspector.core.photos import PhotoInput
from inspector.ui.app import create_main_window, load_font
from inspector.ui.date_field import DateField
from inspector.ui.enterprise_dialog import EnterpriseDialog
from inspector.ui.hazard_table import days_text
from inspector.ui.hazard_timeline import SUMMARIES, summary_text, summary_wording
from inspector.ui.i18n import ENGLISH, app_translation_file, install_translations
from inspector.ui.main_window import MainWindow
from inspector.ui.style import APP_STYLE_SHEET
from inspector.ui.terms import term
from inspector.ui.visit_dialog import VisitDialog
from inspector.ui.widgets import DOCUMENT_TEXT
from tests.factories import enterprise_input

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


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """The bundled font and the style sheet, as the program starts with them (widths depend on them)."""
    font, sheet = qapp.font(), qapp.styleSheet()
    load_font(qapp)
    qapp.setStyleSheet(APP_STYLE_SHEET)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def test_the_hazard_detail_pane_speaks_english_around_the_data(qtbot, ui_services, english, app_look) -> None:  # type: ignore[no-untyped-def]
    """State, level, source, visit kind, category, the five-in-place chips, the timeline: the
    program's words in English; what was typed (names, places, descriptions) stays as entered.
    The English words are longer: the pane's sections still fit its width."""
    s = ui_services
    typed = {
        "enterprise": "常州市新北区测试化工有限公司1",
        "jurisdiction": "春江镇",
        "location": "1号车间",
        "description": "粉尘收集系统未设置防爆泄压装置",
        "basis": "《工贸企业粉尘防爆安全规定》第十三条",
        "tank": "罐区",
        "valve": "液氨储罐未设置紧急切断装置",
        "unit": "生产部",
        "boss": "赵科长",
        "inspector": "张检查",
        "supervisor": "区应急管理局",  # the office's default 督办单位
    }
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    boss_id = s.inspectors.create(
        SYSTEM, InspectorInput(typed["boss"], "32041120001", "安监科", "科室负责人")
    )
    lead = s.inspectors.actor_for(boss_id)
    inspector_id = s.inspectors.create(lead, InspectorInput(typed["inspector"], "32041120002", "安监科"))
    inspector = s.inspectors.actor_for(inspector_id)
    general = HazardInput(
        location=typed["location"],
        description=typed["description"],
        category="现场管理",
        subcategory="特殊作业",
        legal_basis=typed["basis"],
    )
    major = HazardInput(
        location=typed["tank"], description=typed["valve"], category="现场管理", level="重大隐患"
    )
    recorded = s.inspections.record(
        inspector,
        InspectionInput(
            enterprise_id=eid,
            inspected_on=date.today(),
            inspector_ids=[inspector_id],
            start_time="09:00",
            end_time="10:30",
            hazards=[general, major],
        ),
    )
    ids = [h.id for h in recorded.hazards]
    plan = PlanInput(responsible_unit=typed["unit"], deadline=date.today() + timedelta(days=14))
    s.hazards.act(inspector, ids[0], SavePlan(plan), s.hazards.detail(ids[0]).version)

    window = open_window(qtbot, s)
    window.show_page("hazards")
    page = window.hazard_page
    qtbot.waitUntil(lambda: page.model.total() == 2)
    pane = window.hazard_detail

    def program_words(text: str) -> str:
        for data in sorted(typed.values(), key=len, reverse=True):
            text = text.replace(data, "")
        return text

    for hid in ids:
        assert page.select_id(hid)
        qtbot.waitUntil(
            lambda hid=hid: pane.hazard_id == hid and pane.stack.currentWidget() is pane.shown_page
        )
        assert pane.header.state_chip.text() == term("待整改") != "待整改"
        assert [t for t in chinese_left(pane) if CJK.search(program_words(t))] == []
        content, viewport = pane.scroll_area.widget(), pane.scroll_area.viewport()
        qtbot.waitUntil(lambda c=content, v=viewport: c.width() <= v.width())
        assert content.minimumSizeHint().width() <= viewport.width(), (
            hid,
            content.minimumSizeHint(),
            viewport.width(),
        )
    assert pane.header.level_chip.text() == "Major Hazard" and pane.header.supervised_chip.isVisible()
    assert len(pane.timeline.labels) == 1  # 登记重大隐患…，挂牌督办: the stored summary is Chinese


def test_every_summary_the_core_stores_reads_back_unchanged_in_chinese_and_in_english_when_translated(
    request, qapp, ui_services
) -> None:  # type: ignore[no-untyped-def]
    """The core stores each hazard event's summary in Chinese (登记…, 保存整改方案，尚缺：…); the
    timeline knows its wordings: untranslated, each gives back the stored text; in English only
    the data stays Chinese."""
    s, today = ui_services, date.today()
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    boss_id = s.inspectors.create(SYSTEM, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    boss = s.inspectors.actor_for(boss_id)
    me_id = s.inspectors.create(boss, InspectorInput("张检查", "32041120002", "安监科"))
    me = s.inspectors.actor_for(me_id)
    plan = PlanInput("生产部", "王建国", "加装泄爆片", "3000", today + timedelta(days=14), "停机警戒")
    visit = InspectionInput(
        enterprise_id=eid,
        inspected_on=today,
        inspector_ids=[me_id],
        start_time="09:00",
        end_time="10:00",
        hazards=[
            HazardInput(location="1号车间", description="未设泄爆装置", category="现场管理"),
            HazardInput(location="罐区", description="未设紧急切断", category="现场管理", level="重大隐患"),
            HazardInput(location="仓库", description="通道堵塞", category="基础管理"),
            HazardInput(
                location="配电室", description="盖板缺失", category="现场管理", rectified_on_spot=True
            ),
        ],
    )
    ids = [h.id for h in s.inspections.record(me, visit).hazards]
    general, major, raised = ids[:3]

    def act(hazard_id: int, command: object, actor: Actor = me) -> None:
        s.hazards.act(actor, hazard_id, command, s.hazards.detail(hazard_id).version)

    details = s.hazards.detail(general).details()
    for command in (
        SavePlan(PlanInput(responsible_unit="生产部")),
        EditDetails(replace(details, location="2号车间", description="未设泄爆片")),
        SetOnsiteMeasures(("责令暂时停产停业", "责令停止使用相关设施、设备")),
        SetOnsiteMeasures(()),
        AddNote("周五前完成"),
        AddPhotos([PhotoInput("整改前", png_bytes(), filename="a.png"), PhotoInput("整改后", png_bytes())]),
        SavePlan(plan),
        StartRectification(),
        UndoStart(),
        StartRectification(),
        ExtendDeadline(today + timedelta(days=30), "设备到货延迟"),
        ReportDone(),
        Review("不合格", [me_id], opinion="规格不符", new_deadline=today + timedelta(days=40)),
        ReportDone(),
        Review("合格", [me_id]),
    ):
        act(general, command)
    for command in (SavePlan(plan), StartRectification(), ReportDone()):
        act(major, command)
    act(major, Review("合格", [boss_id]), boss)
    act(raised, RaiseToMajor("市应急管理局"))
    stored = [
        e.summary.removeprefix(d.number).strip()
        for d in (s.hazards.detail(h) for h in ids)
        for e in d.timeline
    ]
    assert {summary_wording(t) for t in stored} == {str(w) for w in SUMMARIES}  # each read back
    assert [summary_text(t) for t in stored] == stored  # untranslated: exactly as stored

    request.getfixturevalue("english")
    data = re.compile(
        "赵科长|张检查|[12]号车间|罐区|仓库|配电室|未设泄爆装置|未设紧急切断|通道堵塞|盖板缺失|未设泄爆片"
        "|周五前完成|设备到货延迟|区应急管理局|市应急管理局"
    )
    left = [shown for t in stored if CJK.search(data.sub("", shown := summary_text(t)))]
    assert left == []


def png_bytes() -> bytes:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#778899"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)
