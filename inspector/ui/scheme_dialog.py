"""现场检查方案: the form to draft or edit one (``SchemeDialog``) and the 审核/审批 decision
(``DecisionDialog``). Both only collect input; the core decides (state, role, people) and its
field errors are shown under their fields.

``open_new_scheme`` is the entry other windows call to draft a 方案 for an enterprise not yet
visited, from a campaign, a plan item or a 双随机 draw (the form comes prefilled from the core).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.errors import FieldError
from inspector.core.inspectors import InspectorRow
from inspector.core.schemes import DEFAULT_CONTENT, SchemeDecision, SchemeInput
from inspector.ui.date_field import DateField, date_errors
from inspector.ui.enterprise_picker import EnterprisePicker
from inspector.ui.ops import Op
from inspector.ui.style import ERROR_TEXT, MUTED_TEXT
from inspector.ui.visit_fields import field_label
from inspector.ui.widgets import error_label, field_cell, place_field_errors, text_edit

FIELD_TEXT = {  # the form's labels (the core's LABELS, marked here for translation)
    "enterprise_id": QT_TRANSLATE_NOOP("SchemeDialog", "被检查单位"),
    "planned_on": QT_TRANSLATE_NOOP("SchemeDialog", "检查时间"),
    "contact": QT_TRANSLATE_NOOP("SchemeDialog", "联系人"),
    "inspector1_id": QT_TRANSLATE_NOOP("SchemeDialog", "执法人员（主办）"),
    "inspector2_id": QT_TRANSLATE_NOOP("SchemeDialog", "执法人员（协办）"),
    "content": QT_TRANSLATE_NOOP("SchemeDialog", "检查内容"),
    "method": QT_TRANSLATE_NOOP("SchemeDialog", "检查方式"),
    "remarks": QT_TRANSLATE_NOOP("SchemeDialog", "备注"),
}
REQUIRED = ("enterprise_id", "planned_on", "inspector1_id", "inspector2_id", "content", "method")


class SchemeDialog(QDialog):
    """拟定/修改现场检查方案. ``data`` prefills the form (a proposal, or the saved 方案 with its
    ``version``); after ``accepted`` ``scheme_id`` is the saved 方案."""

    saved = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        data: SchemeInput,
        *,
        scheme_id: int | None = None,
        version: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.scheme_id = scheme_id
        self.version = version
        self._sources = (data.plan_item_id, data.campaign_id, data.draw_entry_id)
        self._auto_contact = data.contact
        self.errors: dict[str, QLabel] = {}
        listed = Op(parent, services, lambda s: s.inspectors.list(), title=self.tr("现场检查方案")).run()
        self._build([p for p in listed.value or [] if p.certificate_no.strip()])
        self._fill(data)
        self.setWindowTitle(self.tr("修改现场检查方案") if scheme_id else self.tr("拟定现场检查方案"))

    # -- building -------------------------------------------------------------------------------
    def _build(self, people: list[InspectorRow]) -> None:
        self.setObjectName("SchemeDialog")
        self.setModal(True)
        root = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        root.addLayout(grid)

        self.picker = EnterprisePicker(self.services)
        self.picker.setObjectName("enterprise_picker")
        self.picker.enterprise_changed.connect(self._enterprise_changed)
        self.planned_on = DateField(allow_empty=False, today=self.services.clock())
        self.planned_on.setObjectName("field_planned_on")
        self.contact = QLineEdit()
        self.contact.setObjectName("field_contact")
        self.contact.setMaxLength(50)
        self.contact.setPlaceholderText(self.tr("企业联系人姓名及电话"))
        self.inspector1 = self._people_combo("field_inspector1_id", people)
        self.inspector2 = self._people_combo("field_inspector2_id", people)
        self.content = text_edit(5, self.tr("检查的事项、部位和依据"))
        self.content.setObjectName("field_content")
        self.method = QLineEdit()
        self.method.setObjectName("field_method")
        self.remarks = text_edit(2)
        self.remarks.setObjectName("field_remarks")
        fields: list[tuple[str, QWidget]] = [
            ("enterprise_id", self.picker),
            ("planned_on", self.planned_on),
            ("contact", self.contact),
            ("inspector1_id", self.inspector1),
            ("inspector2_id", self.inspector2),
            ("content", self.content),
            ("method", self.method),
            ("remarks", self.remarks),
        ]
        for row, (name, widget) in enumerate(fields):
            label = field_label(self.tr(str(FIELD_TEXT[name])), name in REQUIRED)
            label.setBuddy(widget.edit if isinstance(widget, EnterprisePicker) else widget)
            self.errors[name] = error_label(name)
            top = (
                Qt.AlignmentFlag.AlignTop if name in ("content", "remarks") else Qt.AlignmentFlag.AlignVCenter
            )
            grid.addWidget(label, row, 0, top | Qt.AlignmentFlag.AlignRight)
            grid.addWidget(field_cell(widget, self.errors[name]), row, 1)
        if not people:
            hint = QLabel(self.tr("尚未登记持执法证的检查人员，请先在“检查人员管理”中补登执法证号"))
            hint.setStyleSheet(MUTED_TEXT)
            root.addWidget(hint)
        root.addStretch(1)  # spare height below the form, not between its rows

        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("message_label")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_TEXT)
        bottom.addWidget(self.message, 1)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_button")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addWidget(cancel)
        root.addLayout(bottom)
        self.resize(720, 640)

    def _people_combo(self, name: str, people: list[InspectorRow]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("（请选择）"), None)
        for p in people:
            combo.addItem(
                self.tr("{name}（执法证号 {cert}）").format(name=p.name, cert=p.certificate_no), p.id
            )
        return combo

    def _fill(self, data: SchemeInput) -> None:
        if data.enterprise_id is not None:
            self.picker.set_enterprise(data.enterprise_id)
        planned = data.planned_on if isinstance(data.planned_on, date) else self.services.clock()
        self.planned_on.set_value(planned)
        self.contact.setText(data.contact)
        for combo, person in ((self.inspector1, data.inspector1_id), (self.inspector2, data.inspector2_id)):
            index = combo.findData(person) if person is not None else -1
            if index < 0 and person is None and combo is self.inspector1 and self.actor.id is not None:
                index = combo.findData(self.actor.id)  # the current inspector leads by default
            combo.setCurrentIndex(max(index, 0))
        self.content.setPlainText(data.content)
        self.method.setText(data.method)
        self.remarks.setPlainText(data.remarks)

    # -- reactions ------------------------------------------------------------------------------
    def _enterprise_changed(self, enterprise_id: int | None) -> None:
        """联系人 follows the enterprise unless the user typed one of their own."""
        self.errors["enterprise_id"].hide()
        if enterprise_id is None or self.contact.text() not in ("", self._auto_contact):
            return
        proposed = Op(
            self, self.services, lambda s: s.schemes.propose(enterprise_id), title=self.windowTitle()
        ).run()
        if proposed.value is not None:
            self._auto_contact = proposed.value.contact
            self.contact.setText(self._auto_contact)

    def data(self) -> SchemeInput:
        plan_item_id, campaign_id, draw_entry_id = self._sources
        return SchemeInput(
            enterprise_id=self.picker.enterprise_id(),
            planned_on=self.planned_on.value(),
            contact=self.contact.text(),
            inspector1_id=self.inspector1.currentData(),
            inspector2_id=self.inspector2.currentData(),
            content=self.content.toPlainText(),
            method=self.method.text(),
            remarks=self.remarks.toPlainText(),
            plan_item_id=plan_item_id,
            campaign_id=campaign_id,
            draw_entry_id=draw_entry_id,
        )

    def save(self) -> bool:
        data = self.data()
        for label in self.errors.values():
            label.hide()
        self.message.clear()
        unreadable = date_errors({"planned_on": self.planned_on})
        if unreadable:  # a typed date that is no day keeps its reason, it is not sent as empty
            self._show_errors(unreadable)
            return False
        sid, version, actor = self.scheme_id, self.version, self.actor

        def run(s: Services) -> int:
            if sid is None:
                return s.schemes.create(actor, data)
            s.schemes.update(actor, sid, data, version)
            return sid

        outcome = (
            Op(self, self.services, run, title=self.tr("保存现场检查方案")).fields(self._show_errors).run()
        )
        if outcome.value is None:
            return False
        self.scheme_id = outcome.value
        self.saved.emit(outcome.value)
        self.accept()
        return True

    def _show_errors(self, errors: list[FieldError]) -> None:
        other = place_field_errors(errors, self.errors)
        self.message.setText("；".join(other) if other else self.tr("未保存，请按提示修改"))


class DecisionDialog(QDialog):
    """审核 or 审批 one 方案: the opinion, then 通过 or 退回. ``decide`` runs in an op with the
    decision (the core checks role, state and the people); its refusal stays in the dialog."""

    def __init__(
        self,
        services: Services,
        title: str,
        summary: str,
        default_opinion: str,
        decide: Callable[[Services, SchemeDecision], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.decide = decide
        self.result_value: object = None
        self.setObjectName("DecisionDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        root = QVBoxLayout(self)
        about = QLabel(summary)
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(about)
        root.addWidget(QLabel(self.tr("意见（将打印在方案上）：")))
        self.opinion = QPlainTextEdit(default_opinion)
        self.opinion.setObjectName("field_opinion")
        self.opinion.setTabChangesFocus(True)
        root.addWidget(self.opinion)
        self.error = error_label("opinion")
        root.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.pass_button = QPushButton(self.tr("通过"))
        self.pass_button.setObjectName("pass_button")
        self.return_button = QPushButton(self.tr("退回修改"))
        self.return_button.setObjectName("return_button")
        cancel = QPushButton(self.tr("取消"))
        for b in (self.pass_button, self.return_button, cancel):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        self.pass_button.clicked.connect(lambda: self.submit(True))
        self.return_button.clicked.connect(lambda: self.submit(False))
        cancel.clicked.connect(self.reject)
        root.addLayout(buttons)
        self.resize(520, 300)

    def submit(self, passed: bool) -> bool:
        decision = SchemeDecision(passed, self.opinion.toPlainText())
        self.error.hide()
        outcome = (
            Op(self, self.services, lambda s: self.decide(s, decision), title=self.windowTitle())
            .fields(lambda errors: place_field_errors(errors, {"opinion": self.error}))
            .run()
        )
        if not outcome.ok:
            return False
        self.result_value = outcome.value
        self.accept()
        return True


def open_new_scheme(
    parent: QWidget | None,
    services: Services,
    actor: Actor,
    enterprise_id: int | None = None,
    *,
    plan_item_id: int | None = None,
    campaign_id: int | None = None,
    draw_entry_id: int | None = None,
) -> SchemeDialog | None:
    """Draft a 方案 (window-modal), prefilled from the enterprise and its source; None when the
    proposal was refused (the user saw why). The dialog deletes itself when closed."""
    if enterprise_id is None:
        data = SchemeInput(planned_on=services.clock(), content=DEFAULT_CONTENT)
    else:
        eid = enterprise_id
        proposed = Op(
            parent,
            services,
            lambda s: s.schemes.propose(
                eid, plan_item_id=plan_item_id, campaign_id=campaign_id, draw_entry_id=draw_entry_id
            ),
        ).run()
        if proposed.value is None:
            return None
        data = proposed.value
    dialog = SchemeDialog(services, actor, data, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
