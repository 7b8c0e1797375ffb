"""机关设置: the issuing office of every document and ledger, filled in once per database.

Asked at the first start (nothing is printed before it is set), later under 文件 → 机关设置. The
fields, labels and limits are the core's (``core.office.FIELDS``); a preview shows the document
number and the remedy clause as they will print. Saving is one op around ``office.save``: the
core checks the fields and who may change them, and its messages appear under the fields.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import DocumentKind, RateFormula
from inspector.core.errors import DomainError, FieldError
from inspector.core.numbering import format_document_number
from inspector.core.office import (
    DAY_FIELDS,
    FIELDS,
    RATE_FORMULA_LABELS,
    WORD_FIELDS,
    OfficeSettings,
)
from inspector.ui.ops import Op
from inspector.ui.style import FIELD_ERROR_STYLE, MUTED_TEXT_STYLE, PREVIEW_STYLE, REQUIRED_MARK
from inspector.ui.terms import term
from inspector.ui.widgets import error_label, field_cell, place_field_errors

# Group titles, translated where the boxes are built (OfficeDialog.tr).
GROUPS: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("OfficeDialog", "执法机关"), ("authority", "prefix", "region", "address", "phone")),
    (
        QT_TRANSLATE_NOOP("OfficeDialog", "行政复议和行政诉讼"),
        ("reconsideration_government", "reconsideration_department", "court"),
    ),
    (QT_TRANSLATE_NOOP("OfficeDialog", "台账与复查"), ("rate_formula", "ledger_unit", "review_days")),
    (QT_TRANSLATE_NOOP("OfficeDialog", "检查计划"), ("repeat_days", "remind_days")),
)
# What each whole-days setting means, shown as its tooltip (OfficeDialog.tr).
DAY_TIPS: dict[str, Any] = {
    "review_days": QT_TRANSLATE_NOOP(
        "OfficeDialog", "企业报告整改完成或整改期限届满后，本机关应在此期限内复查；超过即为“逾期未复查”"
    ),
    "repeat_days": QT_TRANSLATE_NOOP(
        "OfficeDialog", "同一企业在此期限内已被其他检查组检查过的，登记检查时须填写理由；0 为不提示"
    ),
    "remind_days": QT_TRANSLATE_NOOP("OfficeDialog", "专项行动截止日期在此期限内的，启动时和工作台上提醒"),
}
WORD_GROUP: Any = QT_TRANSLATE_NOOP("OfficeDialog", "文书编号代字")


class OfficeDialog(QDialog):
    """Edit the 机关设置; ``saved`` holds the stored settings once 保存 succeeded."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        current: OfficeSettings,
        *,
        first_start: bool = False,
        editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OfficeDialog")
        self.setWindowTitle(self.tr("机关设置"))
        self.setModal(True)
        self.services = services
        self.actor = actor
        self.saved: OfficeSettings | None = None
        self.current = current
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        root = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "首次使用，请填写本机关的信息。打印的执法文书（机关名称、文号、复议机关和法院）和月度台账都使用"
                "这些信息；以后可在“文件 → 机关设置”中修改，修改只影响此后出具的文书。"
            )
            if first_start
            else self.tr("修改只影响此后出具的文书；已出具的文书重印时内容不变。")
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_TEXT_STYLE)
        root.addWidget(intro)
        if not editable:
            locked = QLabel(self.tr("机关设置须由科室负责人修改；您可以查看。"))
            locked.setObjectName("locked_label")
            locked.setStyleSheet(FIELD_ERROR_STYLE)
            root.addWidget(locked)

        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        right = QVBoxLayout()
        for n, (title, names) in enumerate(GROUPS):
            (left if n != 2 else right).addWidget(self._group(title, names))
        right.insertWidget(0, self._word_group())
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        root.addWidget(scroll, 1)

        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setStyleSheet(PREVIEW_STYLE)
        root.addWidget(self.preview)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(FIELD_ERROR_STYLE)
        self.message.hide()
        root.addWidget(self.message)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        self.save_button.setEnabled(editable)
        cancel = buttons.addButton(
            self.tr("以后再填") if first_start else self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel.setObjectName("cancel_button")
        self.save_button.clicked.connect(self.try_save)
        cancel.clicked.connect(self.reject)
        root.addWidget(buttons)

        self.load(current)
        for widget in self.inputs.values():
            widget.setEnabled(editable)
        self.resize(900, 640)

    # -- building -------------------------------------------------------------------------------
    def _row(self, form: QFormLayout, name: str, widget: QWidget) -> None:
        spec = FIELDS[name]
        text = f"{REQUIRED_MARK} {term(spec.label)}" if spec.required else term(spec.label)
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setBuddy(widget)
        error = error_label(name)
        cell = field_cell(widget, error)
        widget.setObjectName(f"field_{name}")
        self.inputs[name] = widget
        self.errors[name] = error
        form.addRow(label, cell)

    def _line(self, name: str) -> QLineEdit:
        spec = FIELDS[name]
        edit = QLineEdit()
        edit.setMaxLength(spec.max_length)
        if spec.hint:
            edit.setPlaceholderText(
                spec.hint.strip("（）")
                if spec.hint.startswith("（")
                else self.tr("如 {hint}").format(hint=spec.hint)
            )
        edit.textChanged.connect(lambda _t, n=name: self._edited(n))
        return edit

    def _group(self, title: object, names: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(self.tr(str(title)))  # marked with QT_TRANSLATE_NOOP above
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for name in names:
            if name == "rate_formula":
                self._row(form, name, self._rate_choice())
            elif name in DAY_FIELDS:
                spin = QSpinBox()
                spin.setRange(*DAY_FIELDS[name])
                spin.setSuffix(self.tr(" 日"))
                spin.setToolTip(self.tr(str(DAY_TIPS[name])))
                spin.valueChanged.connect(lambda _v, n=name: self._edited(n))
                self._row(form, name, spin)
            else:
                self._row(form, name, self._line(name))
        return box

    def _word_group(self) -> QGroupBox:
        box = QGroupBox(self.tr(str(WORD_GROUP)))
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for name in WORD_FIELDS.values():
            self._row(form, name, self._line(name))
        return box

    def _rate_choice(self) -> QWidget:
        widget = QWidget()
        grid = QGridLayout(widget)
        grid.setContentsMargins(0, 0, 0, 0)
        self._rate_group = QButtonGroup(widget)
        self.rate_buttons: dict[str, QRadioButton] = {}
        for row, formula in enumerate(RateFormula):
            button = QRadioButton(
                term(RATE_FORMULA_LABELS[formula])
            )  # the core's wording, as the summary names it
            button.setObjectName(f"rate_{formula.value}")
            button.toggled.connect(lambda _c: self._edited("rate_formula"))
            self._rate_group.addButton(button)
            self.rate_buttons[formula.value] = button
            grid.addWidget(button, row, 0)
        return widget

    # -- data -----------------------------------------------------------------------------------
    def load(self, office: OfficeSettings) -> None:
        for name, widget in self.inputs.items():
            value = getattr(office, name)
            if isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
        self.rate_buttons.get(office.rate_formula, self.rate_buttons[RateFormula.FOUND.value]).setChecked(
            True
        )
        self._update_preview()

    def settings(self) -> OfficeSettings:
        values: dict[str, Any] = {}  # each field's own type: str for the lines, int for the days
        for name, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                values[name] = widget.text()
            elif isinstance(widget, QSpinBox):
                values[name] = widget.value()
        values["rate_formula"] = next(
            (f for f, b in self.rate_buttons.items() if b.isChecked()), RateFormula.FOUND.value
        )
        return dataclasses.replace(self.current, **values)

    def _edited(self, name: str) -> None:
        error = self.errors.get(name)
        if error is not None:
            error.clear()
            error.hide()
        self._update_preview()

    def _update_preview(self) -> None:
        o = self.settings()
        year = date.today().year
        blank = self.tr("□□")
        number = format_document_number(
            o.prefix or blank, o.word(DocumentKind.RECTIFICATION_ORDER) or blank, year, 12
        )
        bodies = o.reconsideration_bodies() or self.tr("□□人民政府")
        self.preview.setText(
            self.tr(
                "<b>打印效果</b>：{authority}　{number}<br>"
                "如果不服本指令，可以依法在60日内向{bodies}申请行政复议，"
                "或者在六个月内依法向{court}提起行政诉讼……"
            ).format(
                authority=o.authority or self.tr("□□应急管理局"),
                number=number,
                bodies=bodies,
                court=o.court or self.tr("□□人民法院"),
            )
        )

    def try_save(self) -> bool:
        """Save through the core; on a refusal its messages stay in the dialog, nothing closes."""
        for error in self.errors.values():
            error.clear()
            error.hide()
        self.message.hide()
        actor, new = self.actor, self.settings()
        outcome = (
            Op(self, self.services, lambda s: s.office.save(actor, new))
            .fields(self.show_field_errors)
            .failure(self._refused)
            .run()
        )
        if outcome.value is None:
            return False
        self.saved = outcome.value
        self.accept()
        return True

    def show_field_errors(self, errors: list[FieldError]) -> None:
        """Each message under its field; those about no field of the form in the message line."""
        other = place_field_errors(errors, self.errors)
        if other:
            self.message.setText("\n".join(other))
            self.message.show()

    def _refused(self, error: BaseException) -> bool:
        """Another refusal (who may change it, the database): kept in view under the form too."""
        if isinstance(error, DomainError):
            self.message.setText(error.message)
            self.message.show()
        return False  # the op's default warning still tells it


def edit_office(
    parent: QWidget | None, services: Services, actor: Actor, *, first_start: bool = False
) -> bool:
    """Open the dialog on the stored settings; True when the user saved."""
    outcome = Op(parent, services, lambda s: (s.office.get(), s.office.can_edit(actor))).run()
    if outcome.value is None:
        return False
    current, may_edit = outcome.value
    dialog = OfficeDialog(
        services, actor, current, first_start=first_start, editable=first_start or may_edit, parent=parent
    )
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
