"""Add / edit one enterprise, with the core's validation shown inline as the user types.

Labels and choices come from inspector.core (LABELS, enums) so the form, the error messages and
the import template always use the same words. The dialog never loses input: a refused save
(invalid, duplicate code, someone else's edit) leaves everything typed in place. Reading the
enterprise and saving it are ops; the core's field errors come back by field name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enterprises import LABELS, EnterpriseInput, validate
from inspector.core.enums import (
    DUST_KINDS,
    HAZARDOUS_PROCESSES,
    CategoryKind,
    MajorHazardGrade,
    OperatingStatus,
    RiskGrade,
)
from inspector.core.errors import DuplicateError, FieldError
from inspector.ui.ops import Op
from inspector.ui.print_actions import show_status
from inspector.ui.style import FIELD_ERROR_STYLE, REQUIRED_MARK, RISK_COLOURS
from inspector.ui.terms import term
from inspector.ui.widgets import error_label, field_cell

REQUIRED = ("name", "credit_code", "jurisdiction", "status")


FIELD_MIN_WIDTH = 290  # px beside the labels: 统一社会信用代码's 18 characters and a message line


def colour_icon(colour: str, size: int = 12) -> QIcon:
    """A small filled square, used beside risk grades so the colour is seen, not only read."""
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


@dataclass(frozen=True)
class _Start:
    """What the form opens on: the enterprise (empty for a new one), its version, the 属地 in use."""

    data: EnterpriseInput
    version: int | None
    jurisdictions: list[str]


def _start(s: Services, enterprise_id: int | None) -> _Start:
    jurisdictions = s.enterprises.jurisdictions()
    if enterprise_id is None:
        return _Start(EnterpriseInput(), None, jurisdictions)
    data, version = s.enterprises.get(enterprise_id)
    return _Start(data, version, jurisdictions)


class EnterpriseDialog(QDialog):
    """新增企业 / 编辑企业. After ``accepted``, ``enterprise_id`` is the saved enterprise.

    ``loaded`` is False when the enterprise could not be read (the reason was already shown):
    the caller does not open the dialog then.
    """

    saved = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        enterprise_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.enterprise_id = enterprise_id
        self._version: int | None = None
        self._loading = True
        self._touched: set[str] = set()
        self._show_all = False
        self.inputs: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.category_boxes: dict[str, QCheckBox] = {}
        self.process_boxes: dict[str, QCheckBox] = {}

        title = self.tr("新增企业") if enterprise_id is None else self.tr("编辑企业")
        outcome = Op(parent, services, lambda s: _start(s, enterprise_id), title=title).run()
        self.loaded = outcome.ok
        start = outcome.value if outcome.value is not None else _Start(EnterpriseInput(), None, [])
        initial, self._version = start.data, start.version
        self._jurisdictions = start.jurisdictions
        self._build()
        self._load(initial)
        self._initial = self.data().cleaned()
        self._loading = False
        self._revalidate()
        self.save_button.setEnabled(self.loaded)

        if enterprise_id is None or not self.loaded:
            self.setWindowTitle(title)
        else:
            self.setWindowTitle(self.tr("编辑企业 — {name}").format(name=initial.name))

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("EnterpriseDialog")
        self.setModal(True)
        # One label width for both columns' forms, so fields line up across group boxes.
        self._label_width = self.fontMetrics().horizontalAdvance("* " + term(LABELS["credit_code"])) + 6
        root = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        left = QVBoxLayout()
        for group in (self._basic_group(), self._contact_group()):
            # Room for a field and its one-line message beside the longest label, in either
            # language (the English labels and messages are the longer ones).
            group.setMinimumWidth(self._label_width + FIELD_MIN_WIDTH)
            left.addWidget(group)
        left.addStretch(1)
        columns.addLayout(left, 5)
        columns.addWidget(self._supervision_group(), 6)
        root.addLayout(columns)

        bottom = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setStyleSheet(FIELD_ERROR_STYLE)
        bottom.addWidget(self.summary_label, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        self.save_button.clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        root.addLayout(bottom)
        self.resize(max(1120, self.sizeHint().width()), max(560, self.sizeHint().height()))

    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(10)
        return form

    def _add_row(self, form: QFormLayout, name: str, widget: QWidget, hint: str = "") -> None:
        """A labelled field with its own (hidden) error line underneath."""
        label_text = term(LABELS[name])
        if name in REQUIRED:
            label_text = f"{REQUIRED_MARK} {label_text}"
        label = QLabel(label_text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setBuddy(widget)
        label.setMinimumWidth(self._label_width)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        error = error_label(name)
        # The line is kept (blank) while hidden, one line high: a message appearing or going
        # never moves the fields below it; a longer one is elided, whole in its tooltip.
        error.setWordWrap(False)
        error.setFixedHeight(error.fontMetrics().height())
        policy = error.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        error.setSizePolicy(policy)
        cell = field_cell(widget, error)
        cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        if hint:
            widget.setToolTip(hint)
        widget.setObjectName(f"field_{name}")
        self.inputs[name] = widget
        self.error_labels[name] = error
        form.addRow(label, cell)

    def _line(self, name: str, placeholder: str = "", max_length: int = 0) -> QLineEdit:
        edit = QLineEdit()
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if max_length:
            edit.setMaxLength(max_length)
        edit.textChanged.connect(lambda _t, n=name: self._changed(n))
        return edit

    def _combo(
        self, name: str, choices: list[tuple[str, str | None]], icons: dict[str, str] | None = None
    ) -> QComboBox:
        combo = QComboBox()
        for text, value in choices:
            if icons and value in icons:
                combo.addItem(colour_icon(icons[value]), text, value)
            else:
                combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i, n=name: self._changed(n))
        return combo

    def _basic_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("基本信息"))
        form = self._form(box)
        self._add_row(form, "name", self._line("name", self.tr("与营业执照一致"), 200))
        code = self._line("credit_code", self.tr("18位，如 91320411MA1XXXXXXX"), 40)
        self._add_row(form, "credit_code", code)

        juris = QComboBox()
        juris.setEditable(True)
        juris.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        juris.addItems(self._jurisdictions)
        juris.setCurrentIndex(-1)
        juris_edit = juris.lineEdit()
        assert juris_edit is not None  # an editable combo always has its line edit
        juris_edit.setPlaceholderText(self.tr("园区、镇或街道，可直接输入"))
        juris.editTextChanged.connect(lambda _t: self._changed("jurisdiction"))
        self._add_row(form, "jurisdiction", juris)
        self._add_row(form, "address", self._line("address", max_length=300))
        self._add_row(form, "industry", self._line("industry", self.tr("如 化学原料和化学制品制造业"), 100))
        self._add_row(
            form, "status", self._combo("status", [(term(s.value), s.value) for s in OperatingStatus])
        )
        risk_choices: list[tuple[str, str | None]] = [(self.tr("（未评定）"), None)]
        risk_choices += [(term(g.value), g.value) for g in RiskGrade]
        self._add_row(form, "risk_grade", self._combo("risk_grade", risk_choices, RISK_COLOURS))
        return box

    def _contact_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("联系人"))
        form = self._form(box)
        self._add_row(form, "legal_representative", self._line("legal_representative", max_length=50))
        self._add_row(
            form,
            "head_title",
            self._line("head_title", self.tr("如 董事长、总经理（印在现场检查记录上）"), 50),
            self.tr("法定代表人（负责人）的职务"),
        )
        for name in ("principal", "safety_director"):
            self._add_row(form, name, self._line(name, max_length=50))
        self._add_row(form, "phone", self._line("phone", self.tr("手机号或 0519-85123456"), 50))
        return box

    def _supervision_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("监管信息"))
        form = self._form(box)

        cats = QWidget()
        grid = QGridLayout(cats)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        for i, kind in enumerate(CategoryKind):
            cb = QCheckBox(term(kind.value))
            cb.setObjectName(f"category_{kind.name.lower()}")
            cb.toggled.connect(lambda _c: self._changed("categories"))
            self.category_boxes[kind.value] = cb
            grid.addWidget(cb, i % 4, i // 4)
        self._add_row(form, "categories", cats)

        dust_choices: list[tuple[str, str | None]] = [(self.tr("（请选择）"), None)]
        dust_choices += [(term(k), k) for k in DUST_KINDS]
        self._add_row(form, "dust_kind", self._combo("dust_kind", dust_choices))
        workers = QSpinBox()
        workers.setRange(-1, 100_000)
        workers.setSpecialValueText(self.tr("（未填写）"))
        workers.setSuffix(self.tr(" 人"))
        workers.setValue(-1)
        workers.valueChanged.connect(lambda _v: self._changed("dust_workers"))
        self._add_row(form, "dust_workers", workers, self.tr("在粉尘作业区域作业的人数"))

        grades: list[tuple[str, str | None]] = [(self.tr("（无）"), None)]
        grades += [(term(g.value), g.value) for g in MajorHazardGrade]
        self._add_row(form, "major_hazard_grade", self._combo("major_hazard_grade", grades))

        processes = QFrame()
        processes.setFrameShape(QFrame.Shape.StyledPanel)
        self._process_grid = QGridLayout(processes)
        self._process_grid.setContentsMargins(8, 6, 8, 6)
        self._process_grid.setHorizontalSpacing(10)
        self._process_grid.setVerticalSpacing(4)
        for proc in HAZARDOUS_PROCESSES:
            self._add_process_box(proc)
        self._add_row(form, "hazardous_processes", processes, self.tr("重点监管危险化工工艺，可多选"))

        pip = QCheckBox(self.tr("是（在其他企业厂区内租用场地）"))
        pip.toggled.connect(lambda _c: self._changed("plant_in_plant"))
        self._add_row(form, "plant_in_plant", pip)

        notes = QPlainTextEdit()
        notes.setFixedHeight(64)
        notes.textChanged.connect(lambda: self._changed("notes"))
        self._add_row(form, "notes", notes)
        return box

    # -- data in and out ------------------------------------------------------------------------
    def _widget(self, name: str) -> QWidget:
        return self.inputs[name]

    def _load(self, d: EnterpriseInput) -> None:
        for name in (
            "name",
            "credit_code",
            "address",
            "industry",
            "legal_representative",
            "head_title",
            "principal",
            "safety_director",
            "phone",
        ):
            self._line_edit(name).setText(getattr(d, name))
        self._combo_box("jurisdiction").setEditText(d.jurisdiction)
        for name in ("status", "risk_grade", "dust_kind", "major_hazard_grade"):
            combo = self._combo_box(name)
            value = getattr(d, name)
            i = combo.findData(value)
            if i < 0 and value:  # a value from an older vocabulary: keep it rather than drop it
                combo.addItem(term(value), value)
                i = combo.count() - 1
            combo.setCurrentIndex(max(i, 0))
        for kind, cb in self.category_boxes.items():
            cb.setChecked(kind in d.categories)
        spin = self._widget("dust_workers")
        assert isinstance(spin, QSpinBox)
        spin.setValue(d.dust_workers if d.dust_workers is not None else -1)
        for proc in d.hazardous_processes:
            if proc not in self.process_boxes:  # older vocabulary: show it rather than drop it
                self._add_process_box(proc)
        for proc, cb in self.process_boxes.items():
            cb.setChecked(proc in d.hazardous_processes)
        pip = self._widget("plant_in_plant")
        assert isinstance(pip, QCheckBox)
        pip.setChecked(d.plant_in_plant)
        notes = self._widget("notes")
        assert isinstance(notes, QPlainTextEdit)
        notes.setPlainText(d.notes)
        self._update_dust_enabled()

    def _line_edit(self, name: str) -> QLineEdit:
        w = self.inputs[name]
        assert isinstance(w, QLineEdit)
        return w

    def _combo_box(self, name: str) -> QComboBox:
        w = self.inputs[name]
        assert isinstance(w, QComboBox)
        return w

    def _add_process_box(self, process: str) -> QCheckBox:
        cb = QCheckBox(term(process))
        cb.toggled.connect(lambda _c: self._changed("hazardous_processes"))
        n = len(self.process_boxes)
        self._process_grid.addWidget(cb, n // 3, n % 3)
        self.process_boxes[process] = cb
        return cb

    def data(self) -> EnterpriseInput:
        """What the form holds now; dust details count only while 涉爆粉尘 is ticked."""
        categories = [k for k, cb in self.category_boxes.items() if cb.isChecked()]
        dust = CategoryKind.DUST.value in categories
        spin = self._widget("dust_workers")
        assert isinstance(spin, QSpinBox)
        pip = self._widget("plant_in_plant")
        notes = self._widget("notes")
        assert isinstance(pip, QCheckBox) and isinstance(notes, QPlainTextEdit)
        return EnterpriseInput(
            name=self._line_edit("name").text(),
            credit_code=self._line_edit("credit_code").text(),
            jurisdiction=self._combo_box("jurisdiction").currentText(),
            address=self._line_edit("address").text(),
            industry=self._line_edit("industry").text(),
            categories=categories,
            legal_representative=self._line_edit("legal_representative").text(),
            head_title=self._line_edit("head_title").text(),
            principal=self._line_edit("principal").text(),
            safety_director=self._line_edit("safety_director").text(),
            phone=self._line_edit("phone").text(),
            status=self._combo_box("status").currentData() or "",
            risk_grade=self._combo_box("risk_grade").currentData(),
            dust_kind=self._combo_box("dust_kind").currentData() if dust else None,
            dust_workers=(spin.value() if spin.value() >= 0 else None) if dust else None,
            major_hazard_grade=self._combo_box("major_hazard_grade").currentData(),
            hazardous_processes=[p for p, cb in self.process_boxes.items() if cb.isChecked()],
            plant_in_plant=pip.isChecked(),
            notes=notes.toPlainText(),
        )

    # -- validation -----------------------------------------------------------------------------
    def _changed(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        if name == "categories":
            self._update_dust_enabled()
        self._revalidate()

    def _update_dust_enabled(self) -> None:
        dust = self.category_boxes[CategoryKind.DUST.value].isChecked()
        self._widget("dust_kind").setEnabled(dust)
        self._widget("dust_workers").setEnabled(dust)

    def errors(self) -> dict[str, str]:
        """Field name -> message for everything the core would refuse right now."""
        result: dict[str, str] = {}
        for err in validate(self.data()).errors:
            name = err.field
            result[name] = f"{result[name]}；{err.message}" if name in result else err.message
        return result

    def _revalidate(self) -> dict[str, str]:
        """Show each field's message — for fields touched so far, or all after a save attempt."""
        errors = self.errors()
        for name, label in self.error_labels.items():
            message = errors.get(name) if (self._show_all or name in self._touched) else None
            label.setText(message or "")
            label.setToolTip(message or "")
            label.setVisible(bool(message))
        shown = [n for n in errors if self._show_all or n in self._touched]
        self.summary_label.setText(self.tr("还有 {n} 处需要修改").format(n=len(shown)) if shown else "")
        return errors

    def show_error(self, name: str, message: str) -> None:
        label = self.error_labels[name]
        label.setText(message)
        label.setToolTip(message)
        label.setVisible(True)

    # -- saving ---------------------------------------------------------------------------------
    def _save(self) -> None:
        self._show_all = True
        errors = self._revalidate()
        if errors:
            first = next(n for n in self.inputs if n in errors)
            self.inputs[first].setFocus()
            return
        data = self.data()
        actor, enterprise_id, version = self.actor, self.enterprise_id, self._version

        def save(s: Services) -> int:
            if enterprise_id is None:
                return s.enterprises.create(actor, data)
            s.enterprises.update(actor, enterprise_id, data, version)
            return enterprise_id

        outcome = Op(self, self.services, save).fields(self.show_field_errors).failure(self._duplicate).run()
        if outcome.value is None:
            return
        created = self.enterprise_id is None
        self.enterprise_id = outcome.value
        self._initial = data.cleaned()
        self.saved.emit(outcome.value)
        name = data.cleaned().name
        self.saved_message = (
            self.tr("已新增企业：{name}").format(name=name)
            if created
            else self.tr("已保存企业：{name}").format(name=name)
        )
        show_status(self.parentWidget(), self.saved_message, 15000)  # the save is confirmed, by name
        self.accept()

    def show_field_errors(self, errors: list[FieldError]) -> None:
        """The core refused the save: each message under its field (one of no field under 备注)."""
        for err in errors:
            self.show_error(err.field if err.field in self.error_labels else "notes", err.message)

    def _duplicate(self, error: BaseException) -> bool:
        """A credit code already registered: said under the code as well as in the warning."""
        if isinstance(error, DuplicateError):
            self.show_error("credit_code", error.message)
        return False  # the op's default warning still tells it

    def is_modified(self) -> bool:
        return self.data().cleaned() != self._initial

    def reject(self) -> None:
        """Cancel / Esc / close: ask before throwing away what the user typed."""
        if self.is_modified():
            answer = QMessageBox.question(
                self,
                self.tr("放弃修改"),
                self.tr("填写的内容尚未保存，确定要放弃吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
