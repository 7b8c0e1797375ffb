"""姓名 / 执法证号 / 单位 / 角色: the one form for an inspector, used by the edit dialog and by the
chooser's first-run page, so both check a person the same way (the core's ``validate``).

It holds no services: the dialog around it runs the save as an op and hands the core's refusal
back here (``show_field_errors``, ``show_duplicate``) to be shown under the field it is about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from inspector.core.context import Services
from inspector.core.enums import InspectorRole
from inspector.core.errors import DuplicateError, FieldError
from inspector.core.inspectors import LABELS, InspectorInput, validate
from inspector.ui.style import REQUIRED_MARK
from inspector.ui.terms import term
from inspector.ui.widgets import error_label, field_cell

REQUIRED = ("name", "role")


def registry_units(s: Services) -> list[str]:
    """Units already in the registry, for the unit field's suggestions (run it inside an op)."""
    seen: dict[str, None] = {}
    for row in s.inspectors.list(active_only=False):
        if row.unit:
            seen.setdefault(row.unit, None)
    return list(seen)


class InspectorForm(QWidget):
    """The four fields with the core's validation shown under each.

    Messages appear for fields the user has touched, and for all of them after ``show_all()``
    (a save attempt), so an empty new form does not start out red.
    """

    changed = Signal()

    def __init__(self, units: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = True
        self._touched: set[str] = set()
        self._show_all = False
        self.inputs: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._active = True

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(10)
        self._label_width = self.fontMetrics().horizontalAdvance("* " + term(LABELS["certificate_no"])) + 8

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.name_edit.setPlaceholderText(self.tr("如 张伟"))
        self.name_edit.textChanged.connect(lambda _text: self._changed("name"))
        self._add_row(form, "name", self.name_edit)

        self.certificate_edit = QLineEdit()
        self.certificate_edit.setMaxLength(50)
        self.certificate_edit.setPlaceholderText(self.tr("行政执法证件号码；执法检查时必须填写"))
        self.certificate_edit.textChanged.connect(lambda _text: self._changed("certificate_no"))
        self._add_row(form, "certificate_no", self.certificate_edit)

        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.addItems(units or [])
        self.unit_combo.setCurrentIndex(-1)
        unit_edit = self.unit_combo.lineEdit()
        assert unit_edit is not None  # an editable combo always has its line edit
        unit_edit.setMaxLength(100)
        unit_edit.setPlaceholderText(self.tr("如 区应急管理局安全生产监管科、春江镇安监办"))
        self.unit_combo.editTextChanged.connect(lambda _text: self._changed("unit"))
        self._add_row(form, "unit", self.unit_combo)

        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("检查员"), InspectorRole.INSPECTOR.value)
        self.role_combo.addItem(
            self.tr("科室负责人（可复查销号重大隐患、维护人员名册）"), InspectorRole.SUPERVISOR.value
        )
        self.role_combo.currentIndexChanged.connect(lambda _i: self._changed("role"))
        self._add_row(form, "role", self.role_combo)
        self._loading = False

    def _add_row(self, form: QFormLayout, name: str, widget: QWidget) -> None:
        text = term(LABELS[name])
        if name in REQUIRED:
            text = f"{REQUIRED_MARK} {text}"
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setBuddy(widget)
        label.setMinimumWidth(self._label_width)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widget.setObjectName(f"field_{name}")
        error = error_label(name)
        cell = field_cell(widget, error)
        cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.inputs[name] = widget
        self.error_labels[name] = error
        form.addRow(label, cell)

    # data in and out
    def load(self, d: InspectorInput) -> None:
        self._loading = True
        try:
            self.name_edit.setText(d.name)
            self.certificate_edit.setText(d.certificate_no)
            self.unit_combo.setEditText(d.unit)
            i = self.role_combo.findData(d.role)
            if i < 0 and d.role:  # a role from an older vocabulary: show it rather than drop it
                self.role_combo.addItem(d.role, d.role)
                i = self.role_combo.count() - 1
            self.role_combo.setCurrentIndex(max(i, 0))
            self._active = d.active
        finally:
            self._loading = False
        self.revalidate()

    def data(self) -> InspectorInput:
        return InspectorInput(
            name=self.name_edit.text(),
            certificate_no=self.certificate_edit.text(),
            unit=self.unit_combo.currentText(),
            role=self.role_combo.currentData() or "",
            active=self._active,
        )

    # validation
    def _changed(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self.revalidate()
        self.changed.emit()

    def _field_of(self, error: FieldError) -> str:
        """The widget an error belongs to (one about no field of ours shows under 姓名)."""
        return error.field if error.field in self.error_labels else "name"

    def errors(self) -> dict[str, str]:
        """Field name -> the core's message, for everything it would refuse now."""
        result: dict[str, str] = {}
        for err in validate(self.data()).errors:
            name = self._field_of(err)
            result[name] = f"{result[name]}；{err.message}" if name in result else err.message
        return result

    def revalidate(self) -> dict[str, str]:
        errors = self.errors()
        for name, label in self.error_labels.items():
            message = errors.get(name) if (self._show_all or name in self._touched) else None
            label.setText(message or "")
            label.setVisible(bool(message))
        return errors

    def show_all(self) -> dict[str, str]:
        """Show every message (a save was attempted); focus the first wrong field."""
        self._show_all = True
        errors = self.revalidate()
        for name in self.inputs:
            if name in errors:
                self.inputs[name].setFocus()
                break
        return errors

    def show_error(self, name: str, message: str) -> None:
        label = self.error_labels[name]
        label.setText(message)
        label.setVisible(True)

    def show_field_errors(self, errors: list[FieldError]) -> None:
        """The core refused the save: each message under its field (an op's ``fields`` handler)."""
        for err in errors:
            self.show_error(self._field_of(err), err.message)

    def show_duplicate(self, error: BaseException) -> bool:
        """A certificate number someone else has: said under 执法证号 as well as in the warning
        (returns False, so the op's default warning still appears)."""
        if isinstance(error, DuplicateError):
            self.show_error("certificate_no", error.message)
        return False
