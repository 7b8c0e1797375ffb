"""Adding and editing enterprises through the real form, as an inspector would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox

from inspector.core import audit
from inspector.core.audit import Actor
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.errors import ConcurrentEditError
from inspector.ui.enterprise_dialog import EnterpriseDialog
from inspector.ui.enterprise_page import EnterprisePage
from tests.factories import credit_code, enterprise_input

ACTOR = Actor(id=None, name="张检查")


def make_page(qtbot, services) -> EnterprisePage:
    page = EnterprisePage(services, lambda: ACTOR)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def line(dialog: EnterpriseDialog, name: str) -> QLineEdit:
    w = dialog.findChild(QLineEdit, f"field_{name}")
    assert w is not None, name
    return w


def error_text(dialog: EnterpriseDialog, name: str) -> str:
    label = dialog.findChild(QLabel, f"error_{name}")
    return label.text() if label is not None and label.isVisible() else ""


def table_texts(page: EnterprisePage, column: str) -> list[str]:
    col = page.model.column_index(column)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def fill_valid(dialog: EnterpriseDialog, n: int = 1) -> None:
    line(dialog, "name").setText(f"常州市新北区恒泰化工有限公司{n}")
    line(dialog, "credit_code").setText(credit_code(n))
    dialog.findChild(QComboBox, "field_jurisdiction").setCurrentText("春江街道")
    line(dialog, "address").setText("常州市新北区春江街道圩塘路8号")
    line(dialog, "industry").setText("化学原料和化学制品制造业")
    line(dialog, "principal").setText("王建国")
    line(dialog, "phone").setText("0519-85123456")
    dialog.category_boxes["危化品使用"].setChecked(True)


def test_add_enterprise_through_the_dialog(qtbot, ui_services, messages) -> None:
    page = make_page(qtbot, ui_services)
    assert page.count_label.text() == "共 0 家"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "新增企业"

    fill_valid(dialog)
    dialog.category_boxes["涉爆粉尘"].setChecked(True)
    dialog.findChild(QComboBox, "field_dust_kind").setCurrentText("木粉")
    dialog.findChild(QSpinBox, "field_dust_workers").setValue(15)
    dialog.findChild(QComboBox, "field_risk_grade").setCurrentText("橙")
    dialog.process_boxes["氯化工艺"].setChecked(True)
    dialog.findChild(QCheckBox, "field_plant_in_plant").setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.dialog is None)
    assert messages.shown == []
    rows = ui_services.enterprises.page(EnterpriseFilter(), 0, 10)
    assert [r.name for r in rows] == ["常州市新北区恒泰化工有限公司1"]
    saved, _version = ui_services.enterprises.get(rows[0].id)
    assert saved.credit_code == credit_code(1)
    assert saved.jurisdiction == "春江街道"
    assert sorted(saved.categories) == ["危化品使用", "涉爆粉尘"]
    assert (saved.dust_kind, saved.dust_workers) == ("木粉", 15)
    assert saved.risk_grade == "橙"
    assert saved.hazardous_processes == ["氯化工艺"]
    assert saved.plant_in_plant is True

    # The list shows it, selected, and the count and 属地 filter know about it.
    assert page.count_label.text() == "共 1 家"
    assert table_texts(page, "name") == ["常州市新北区恒泰化工有限公司1"]
    assert table_texts(page, "categories") == ["危化品使用、涉爆粉尘"]
    assert page.selected_id() == rows[0].id
    assert page.jurisdiction_combo.findText("春江街道") >= 0
    with ui_services.db.reading() as s:
        trail = audit.history(s, "enterprise", rows[0].id)
    assert [(e.action, e.actor_name) for e in trail] == [("create", "张检查")]


def test_wrong_credit_code_is_shown_inline_and_nothing_is_saved(qtbot, ui_services, messages) -> None:
    dialog = EnterpriseDialog(ui_services, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_valid(dialog)
    assert error_text(dialog, "credit_code") == ""
    wrong = credit_code(1)[:17] + ("0" if credit_code(1)[17] != "0" else "1")
    line(dialog, "credit_code").setText(wrong)
    assert error_text(dialog, "credit_code").startswith("统一社会信用代码校验位错误")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert ui_services.enterprises.count(EnterpriseFilter()) == 0
    assert line(dialog, "credit_code").text() == wrong  # the user's input is still there
    assert dialog.summary_label.text() == "还有 1 处需要修改"

    line(dialog, "credit_code").setText(credit_code(1))
    assert error_text(dialog, "credit_code") == ""


def test_untouched_required_fields_are_reported_on_save(qtbot, ui_services, messages) -> None:
    dialog = EnterpriseDialog(ui_services, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert error_text(dialog, "name") == ""  # a fresh form does not shout
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_text(dialog, "name") == "企业名称不能为空"
    assert error_text(dialog, "credit_code") == "统一社会信用代码不能为空"
    assert error_text(dialog, "jurisdiction") == "属地不能为空"
    assert dialog.isVisible()
    assert ui_services.enterprises.count(EnterpriseFilter()) == 0


def test_dust_fields_follow_the_dust_category(qtbot, ui_services, messages) -> None:
    dialog = EnterpriseDialog(ui_services, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    workers = dialog.findChild(QSpinBox, "field_dust_workers")
    kind = dialog.findChild(QComboBox, "field_dust_kind")
    assert not workers.isEnabled() and not kind.isEnabled()
    fill_valid(dialog)
    dialog.category_boxes["涉爆粉尘"].setChecked(True)
    assert workers.isEnabled() and kind.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_text(dialog, "dust_workers") == "涉爆粉尘企业须填写涉粉作业人数"
    assert ui_services.enterprises.count(EnterpriseFilter()) == 0
    workers.setValue(0)
    assert error_text(dialog, "dust_workers") == ""


def test_duplicate_code_is_refused_and_the_form_stays_filled(qtbot, ui_services, messages) -> None:
    ui_services.enterprises.create(ACTOR, enterprise_input(1, name="已有的企业"))
    dialog = EnterpriseDialog(ui_services, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_valid(dialog, 1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert len(messages.texts("warning")) == 1
    assert "已登记为“已有的企业”" in messages.texts("warning")[0]
    assert "已登记为" in error_text(dialog, "credit_code")
    assert line(dialog, "name").text() == "常州市新北区恒泰化工有限公司1"
    assert ui_services.enterprises.count(EnterpriseFilter()) == 1


def test_edit_with_enter_key_saves_and_audits(qtbot, ui_services, messages) -> None:
    eid = ui_services.enterprises.create(ACTOR, enterprise_input(1))
    ui_services.enterprises.create(ACTOR, enterprise_input(2))
    page = make_page(qtbot, ui_services)
    page.table.setFocus()
    page.table.selectRow(0)
    assert page.selected_id() == eid
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "编辑企业 — 常州市新北区测试化工有限公司1"
    assert line(dialog, "phone").text() == "0519-85123456"
    assert dialog.category_boxes["危化品使用"].isChecked()

    line(dialog, "phone").setText("13912345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)

    data, version = ui_services.enterprises.get(eid)
    assert data.phone == "13912345678"
    assert version == 2
    with ui_services.db.reading() as s:
        trail = audit.history(s, "enterprise", eid)
    assert [e.action for e in trail] == ["create", "update"]
    assert trail[-1].before == {"phone": "0519-85123456"}
    assert trail[-1].after == {"phone": "13912345678"}
    assert trail[-1].actor_name == "张检查"
    assert table_texts(page, "phone")[0] == "13912345678"
    assert page.selected_id() == eid


def test_someone_elses_edit_is_reported_and_input_kept(qtbot, ui_services, messages) -> None:
    eid = ui_services.enterprises.create(ACTOR, enterprise_input(1))
    dialog = EnterpriseDialog(ui_services, ACTOR, eid)
    qtbot.addWidget(dialog)
    dialog.show()
    other, version = ui_services.enterprises.get(eid)
    other.principal = "李四"
    ui_services.enterprises.update(Actor(id=None, name="李检查"), eid, other, version)

    line(dialog, "phone").setText("13800001111")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert messages.texts("warning") == [
        str(ConcurrentEditError("该企业信息已被他人修改，请关闭后重新打开再编辑"))
    ]
    assert line(dialog, "phone").text() == "13800001111"
    assert ui_services.enterprises.get(eid)[0].phone == "0519-85123456"


def test_cancel_asks_before_dropping_typed_input(qtbot, ui_services, messages) -> None:
    dialog = EnterpriseDialog(ui_services, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without asking
    assert not dialog.isVisible()
    assert messages.shown == []

    dialog = EnterpriseDialog(ui_services, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    line(dialog, "name").setText("写了一半的企业")
    dialog.reject()
    assert [k for k, *_ in messages.shown] == ["question"]
    assert dialog.isVisible()  # answered Cancel: keep editing
    messages.answer = messages.answer.Discard
    dialog.reject()
    assert not dialog.isVisible()


def test_a_refusal_from_the_core_lands_under_its_field(qtbot, monkeypatch, ui_services, messages) -> None:
    """Past the form's own check, the core's ValidationError comes back through the save op to
    the fields it names: no warning box, nothing saved, the dialog still open."""
    dialog = EnterpriseDialog(ui_services, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(dialog, "errors", lambda: {})  # let the empty form reach the core
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_text(dialog, "name") == "企业名称不能为空"
    assert error_text(dialog, "credit_code") == "统一社会信用代码不能为空"
    assert messages.shown == []
    assert dialog.isVisible() and ui_services.enterprises.count(EnterpriseFilter()) == 0


def test_errors_appear_without_moving_the_fields_and_saving_names_the_enterprise(
    qtbot, ui_services, messages
) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    dialog = EnterpriseDialog(ui_services, ACTOR, parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    below = line(dialog, "address")
    before = below.mapTo(dialog, below.rect().topLeft())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # three required fields refused
    assert error_text(dialog, "name") == "企业名称不能为空"
    dialog.layout().activate()
    assert below.mapTo(dialog, below.rect().topLeft()) == before  # nothing shifted
    fill_valid(dialog)
    dialog.layout().activate()
    assert below.mapTo(dialog, below.rect().topLeft()) == before
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "已新增企业：常州市新北区恒泰化工有限公司1"
