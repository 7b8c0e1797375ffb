"""检查人员: the registry (add, edit, deactivate) and the start-up chooser of who is working.

Everything goes through ``services.inspectors``: the core decides who may maintain the registry
(a 科室负责人, or anyone while no supervisor exists yet) and keeps the last supervisor; the UI only
mirrors that rule to grey out buttons and shows the core's own refusal when it says no.

Inspectors are never deleted, only deactivated (停用): inspection records and documents keep
their names. The chooser remembers the last choice in the settings file, so a returning inspector
is not asked again; a newcomer with an empty registry registers right in the chooser.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.enums import InspectorRole
from inspector.core.errors import (
    DomainError,
    DuplicateError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from inspector.core.inspectors import LABELS, InspectorInput, InspectorRow, validate
from inspector.ui.settings import Settings
from inspector.ui.style import ERROR_COLOUR, MAJOR_COLOUR, MUTED_COLOUR, icon

REQUIRED = ("name", "role")
SUPERVISOR_COLOUR = MAJOR_COLOUR  # the same dark red as 重大/督办: the person who may close them
INACTIVE_COLOUR = "#9ca3af"


def _t(text: str) -> str:
    return QCoreApplication.translate("InspectorDialog", text)


# -- the form shared by the edit dialog and the first-run page ---------------------------------------
class InspectorForm(QWidget):
    """姓名 / 执法证号 / 单位 / 角色 with the core's validation shown under each field.

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
        self._label_width = self.fontMetrics().horizontalAdvance("* " + LABELS["certificate_no"]) + 8

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.name_edit.setPlaceholderText(_t("如 张伟"))
        self.name_edit.textChanged.connect(lambda _t_: self._changed("name"))
        self._add_row(form, "name", self.name_edit)

        self.certificate_edit = QLineEdit()
        self.certificate_edit.setMaxLength(50)
        self.certificate_edit.setPlaceholderText(_t("行政执法证件号码；执法检查时必须填写"))
        self.certificate_edit.textChanged.connect(lambda _t_: self._changed("certificate_no"))
        self._add_row(form, "certificate_no", self.certificate_edit)

        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.addItems(units or [])
        self.unit_combo.setCurrentIndex(-1)
        self.unit_combo.lineEdit().setMaxLength(100)
        self.unit_combo.lineEdit().setPlaceholderText(_t("如 区应急管理局安全生产监管科、春江镇安监办"))
        self.unit_combo.editTextChanged.connect(lambda _t_: self._changed("unit"))
        self._add_row(form, "unit", self.unit_combo)

        self.role_combo = QComboBox()
        self.role_combo.addItem(_t("检查员"), InspectorRole.INSPECTOR.value)
        self.role_combo.addItem(
            _t("科室负责人（可复查销号重大隐患、维护人员名册）"), InspectorRole.SUPERVISOR.value
        )
        self.role_combo.currentIndexChanged.connect(lambda _i: self._changed("role"))
        self._add_row(form, "role", self.role_combo)
        self._loading = False

    def _add_row(self, form: QFormLayout, name: str, widget: QWidget) -> None:
        text = LABELS[name]
        if name in REQUIRED:
            text = f"<span style='color:{ERROR_COLOUR}'>*</span> {text}"
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setBuddy(widget)
        label.setMinimumWidth(self._label_width)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cell = QWidget()
        cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QVBoxLayout(cell)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        widget.setObjectName(f"field_{name}")
        lay.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        lay.addWidget(error)
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

    def errors(self) -> dict[str, str]:
        """Field name -> the core's message, for everything it would refuse now."""
        result: dict[str, str] = {}
        for err in validate(self.data()).errors:
            name = err.field if err.field in self.error_labels else "name"
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

    def show_domain_error(self, parent: QWidget, title: str, e: DomainError) -> None:
        """A refused save: field messages inline, anything else in a warning box."""
        if isinstance(e, ValidationError):
            for err in e.errors:
                self.show_error(err.field if err.field in self.error_labels else "name", err.message)
            return
        if isinstance(e, DuplicateError):
            self.show_error("certificate_no", e.message)
        QMessageBox.warning(parent, title, e.message)


class InspectorEditDialog(QDialog):
    """新增检查人员 / 编辑检查人员. Stays open with everything typed when the core refuses."""

    saved = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        inspector_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.inspector_id = inspector_id
        self.setModal(True)
        root = QVBoxLayout(self)
        root.setSpacing(12)
        self.form = InspectorForm(_units(services))
        root.addWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_t("保存"))
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("取消"))
        self.save_button.clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        if inspector_id is None:
            self.setWindowTitle(_t("新增检查人员"))
        else:
            data = services.inspectors.get(inspector_id)
            self.form.load(data)
            self.setWindowTitle(_t("编辑检查人员 — {name}").format(name=data.name))
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())

    def _save(self) -> None:
        if self.form.show_all():
            return
        data = self.form.data()
        try:
            if self.inspector_id is None:
                self.inspector_id = self.services.inspectors.create(self.actor, data)
            else:
                self.services.inspectors.update(self.actor, self.inspector_id, data)
        except DomainError as e:
            self.form.show_domain_error(self, _t("无法保存"), e)
            return
        self.saved.emit(self.inspector_id)
        self.accept()


def _units(services: Services) -> list[str]:
    """Units already in the registry, for the unit field's suggestions."""
    seen: dict[str, None] = {}
    for row in services.inspectors.list(active_only=False):
        if row.unit:
            seen.setdefault(row.unit, None)
    return list(seen)


def _role_text(row: InspectorRow) -> str:
    return _t("科室负责人") if row.is_supervisor else _t("检查员")


def _may_maintain(services: Services, actor: Actor) -> bool:
    """Asked of the core, to grey out buttons (every change is still checked there)."""
    return services.inspectors.can_edit_registry(actor)


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if text:
        item.setToolTip(text)
    return item


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(30)
    hh = table.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


# -- the registry ---------------------------------------------------------------------------------------
class InspectorRegistryDialog(QDialog):
    """检查人员管理: every inspector, active first; add, edit, 停用 / 恢复在岗 (never delete).

    ``changed`` fires after any successful change so the caller can refresh its own lists.
    """

    changed = Signal()
    COLUMNS = ("name", "certificate_no", "unit", "role", "active")

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.edit_dialog: InspectorEditDialog | None = None
        self._rows: list[InspectorRow] = []
        self.setWindowTitle(_t("检查人员管理"))
        self.setModal(True)
        self._build()
        self.reload()
        self.resize(780, 480)

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(10)
        top = QHBoxLayout()
        title = QLabel(_t("检查人员名册"))
        title.setObjectName("PageTitle")
        top.addWidget(title)
        top.addSpacing(10)
        self.count_label = QLabel()
        self.count_label.setObjectName("CountLabel")
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.add_button = QPushButton(icon("add"), _t("新增"))
        self.add_button.setObjectName("add_button")
        self.edit_button = QPushButton(icon("edit"), _t("编辑"))
        self.edit_button.setObjectName("edit_button")
        self.toggle_button = QPushButton(_t("停用"))
        self.toggle_button.setObjectName("toggle_button")
        for b in (self.add_button, self.edit_button, self.toggle_button):
            b.setMinimumWidth(88)
            top.addWidget(b)
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        root.addLayout(top)

        self.table = _table(
            [LABELS["name"], LABELS["certificate_no"], LABELS["unit"], LABELS["role"], _t("状态")]
        )
        self.table.setObjectName("inspector_table")
        hh = self.table.horizontalHeader()
        for i, width in enumerate((110, 160, 240, 100, 70)):
            hh.resizeSection(i, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _i: self.edit_selected())
        root.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.note_label = QLabel()
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        bottom.addWidget(self.note_label, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_t("关闭"))
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        root.addLayout(bottom)

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the registry (small: a district has tens of inspectors, not thousands)."""
        keep = select_id if select_id is not None else self.selected_id()
        self._rows = self.services.inspectors.list(active_only=False)
        self.table.setRowCount(len(self._rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(self._rows):
            cells = [
                _item(row.name, row.id),
                _item(row.certificate_no or _t("（未填写）")),
                _item(row.unit),
                _item(_role_text(row)),
                _item(_t("在岗") if row.active else _t("已停用")),
            ]
            if not row.certificate_no:
                cells[1].setForeground(QColor(MUTED_COLOUR))
            if row.is_supervisor:
                cells[3].setForeground(QColor(SUPERVISOR_COLOUR))
                cells[3].setFont(bold)
            cells[4].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            cells[4].setForeground(QColor("#2b8a3e" if row.active else INACTIVE_COLOUR))
            if not row.active:
                for c in cells[:4]:
                    c.setForeground(QColor(INACTIVE_COLOUR))
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        active = sum(1 for row in self._rows if row.active)
        self.count_label.setText(_t("在岗 {n} 人，共 {total} 人").format(n=active, total=len(self._rows)))
        self._may_maintain = _may_maintain(self.services, self.actor)
        if self._may_maintain:
            self.note_label.setText(_t("人员只能停用，不能删除：已有的检查记录和执法文书仍显示其姓名。"))
        else:
            self.note_label.setText(
                _t("检查人员名册须由科室负责人维护；您（{name}）可以查看名册。").format(name=self.actor.name)
            )
        self.table.clearSelection()
        if keep is not None:
            self.select_id(keep)
        self._update_buttons()

    def select_id(self, inspector_id: int) -> bool:
        for r, row in enumerate(self._rows):
            if row.id == inspector_id:
                self.table.selectRow(r)
                return True
        return False

    def selected_row(self) -> InspectorRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        return self._rows[r] if 0 <= r < len(self._rows) else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.add_button.setEnabled(self._may_maintain)
        self.edit_button.setEnabled(self._may_maintain and row is not None)
        self.toggle_button.setEnabled(self._may_maintain and row is not None)
        if row is not None and not row.active:
            self.toggle_button.setText(_t("恢复在岗"))
            self.toggle_button.setToolTip(_t("恢复所选人员在岗，可再参加检查"))
        else:
            self.toggle_button.setText(_t("停用"))
            self.toggle_button.setToolTip(_t("所选人员调离或离岗：不再出现在人员选择中，历史记录保留"))

    def edit_selected(self) -> InspectorEditDialog | None:
        inspector_id = self.selected_id()
        if inspector_id is None or not self._may_maintain:
            return None
        return self.open_editor(inspector_id)

    def open_editor(self, inspector_id: int | None) -> InspectorEditDialog:
        """The add/edit form, window-modal and non-blocking (open(), not exec())."""
        dialog = InspectorEditDialog(self.services, self.actor, inspector_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._after_save)
        dialog.finished.connect(lambda _r: setattr(self, "edit_dialog", None))
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    def _after_save(self, inspector_id: int) -> None:
        self.reload(select_id=inspector_id)
        self.changed.emit()

    def toggle_selected(self) -> bool:
        """停用 / 恢复在岗 for the selected inspector; True when it was changed."""
        row = self.selected_row()
        if row is None:
            return False
        if row.active:
            answer = QMessageBox.question(
                self,
                _t("停用检查人员"),
                _t(
                    "停用“{name}”后，登记检查时不再能选择此人；已有的检查记录和文书不受影响。确定停用吗？"
                ).format(name=row.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.services.inspectors.set_active(self.actor, row.id, not row.active)
        except DomainError as e:
            QMessageBox.warning(self, _t("无法修改"), e.message)
            return False
        self.reload(select_id=row.id)
        self.changed.emit()
        return True


# -- the chooser ----------------------------------------------------------------------------------------
class ChooseInspectorDialog(QDialog):
    """选择当前检查人员. After ``accepted``, ``chosen_id`` is the inspector who is working now.

    With no active inspector in the registry it shows a first-run form instead of an empty list,
    so the first person to open the program registers and starts working in one step.
    """

    LIST_PAGE = 0
    FIRST_RUN_PAGE = 1

    def __init__(self, services: Services, remembered_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.remembered_id = remembered_id
        self.chosen_id: int = 0
        self.registry: InspectorRegistryDialog | None = None
        self._rows: list[InspectorRow] = []
        self.setWindowTitle(_t("选择当前检查人员"))
        self.setModal(True)
        self._build()
        self.reload()
        if self.is_first_run():  # a short form: no empty half-window under it
            self.resize(620, self.sizeHint().height() + 20)
        else:
            self.resize(640, 440)

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(10)
        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)

        # page 0: choose from the list
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        heading = QLabel(_t("请选择您本人"))
        heading.setObjectName("PageTitle")
        lay.addWidget(heading)
        explain = QLabel(_t("检查记录、隐患整改和执法文书都会记在所选人员名下。双击姓名或选中后点“确定”。"))
        explain.setWordWrap(True)
        explain.setStyleSheet(f"color: {MUTED_COLOUR};")
        lay.addWidget(explain)
        self.table = _table([LABELS["name"], LABELS["certificate_no"], LABELS["unit"], LABELS["role"]])
        self.table.setObjectName("chooser_table")
        hh = self.table.horizontalHeader()
        for i, width in enumerate((100, 150, 200, 100)):
            hh.resizeSection(i, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _i: self._choose())
        lay.addWidget(self.table, 1)
        self.stack.addWidget(page)

        # page 1: first run, register oneself
        first = QWidget()
        flay = QVBoxLayout(first)
        flay.setContentsMargins(0, 0, 0, 0)
        flay.setSpacing(10)
        welcome = QLabel(_t("欢迎使用！请先登记您本人"))
        welcome.setObjectName("PageTitle")
        flay.addWidget(welcome)
        self.first_run_note = QLabel()
        self.first_run_note.setWordWrap(True)
        self.first_run_note.setStyleSheet(f"color: {MUTED_COLOUR};")
        flay.addWidget(self.first_run_note)
        self.first_form = InspectorForm(_units(self.services))
        self.first_form.setObjectName("first_run_form")
        self.first_form.changed.connect(self._update_buttons)
        flay.addWidget(self.first_form)
        flay.addStretch(1)
        self.stack.addWidget(first)

        bottom = QHBoxLayout()
        self.manage_button = QPushButton(_t("管理检查人员…"))
        self.manage_button.setObjectName("manage_button")
        self.manage_button.clicked.connect(self.open_registry)
        bottom.addWidget(self.manage_button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("取消"))
        self.ok_button.clicked.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        root.addLayout(bottom)

    def reload(self) -> None:
        """Active inspectors, supervisors marked; the remembered (or previous) one selected."""
        keep = self.selected_id() or self.remembered_id
        self._rows = self.services.inspectors.list(active_only=True)
        self.table.setRowCount(len(self._rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(self._rows):
            cells = [
                _item(row.name, row.id),
                _item(row.certificate_no or _t("（未填写）")),
                _item(row.unit),
                _item(_role_text(row)),
            ]
            cells[0].setIcon(icon("person"))
            if not row.certificate_no:
                cells[1].setForeground(QColor(MUTED_COLOUR))
            if row.is_supervisor:
                cells[3].setForeground(QColor(SUPERVISOR_COLOUR))
                cells[3].setFont(bold)
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        self.table.clearSelection()
        index = next((r for r, row in enumerate(self._rows) if row.id == keep), 0 if self._rows else -1)
        if index >= 0:
            self.table.selectRow(index)
            self.table.setFocus()
        if self._rows:
            self.stack.setCurrentIndex(self.LIST_PAGE)
            self.ok_button.setText(_t("确定"))
        else:
            self.stack.setCurrentIndex(self.FIRST_RUN_PAGE)
            self.ok_button.setText(_t("登记并开始使用"))
            inactive = bool(self.services.inspectors.list(active_only=False))
            note = _t(
                "名册里还没有在岗的检查人员。填写下面几项即可开始使用；以后可在“管理检查人员…”中登记同事。"
            )
            if inactive:
                note += _t("也可以在“管理检查人员…”中恢复已停用的人员。")
            note += _t("登记科室负责人后，名册只能由科室负责人维护。")
            self.first_run_note.setText(note)
            self.first_form.name_edit.setFocus()
        self._update_buttons()

    def is_first_run(self) -> bool:
        return self.stack.currentIndex() == self.FIRST_RUN_PAGE

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not (0 <= rows[0].row() < len(self._rows)):
            return None
        return self._rows[rows[0].row()].id

    def select_id(self, inspector_id: int) -> bool:
        for r, row in enumerate(self._rows):
            if row.id == inspector_id:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(self.is_first_run() or self.selected_id() is not None)

    def _choose(self) -> None:
        if self.is_first_run():
            self._register_self()
            return
        inspector_id = self.selected_id()
        if inspector_id is None:
            return
        try:
            self.services.inspectors.actor_for(inspector_id)  # still there and active?
        except DomainError as e:
            QMessageBox.warning(self, _t("无法选择"), e.message)
            self.reload()
            return
        self.chosen_id = inspector_id
        self.accept()

    def _register_self(self) -> None:
        form = self.first_form
        if form.show_all():
            return
        data = form.data()
        actor = Actor(id=None, name=data.cleaned().name or SYSTEM.name)
        try:
            self.chosen_id = self.services.inspectors.create(actor, data)
        except DomainError as e:
            form.show_domain_error(self, _t("无法登记"), e)
            return
        self.accept()

    def registry_actor(self) -> Actor:
        """Who manages the registry from here: the selected inspector (a supervisor may edit)."""
        inspector_id = self.selected_id() or self.remembered_id
        if inspector_id is not None:
            try:
                return self.services.inspectors.actor_for(inspector_id)
            except (NotFoundError, PermissionDenied):
                pass
        return SYSTEM

    def open_registry(self) -> InspectorRegistryDialog:
        """The registry over the chooser; the list is re-read when it closes."""
        dialog = InspectorRegistryDialog(self.services, self.registry_actor(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._registry_closed)
        self.registry = dialog
        dialog.open()
        return dialog

    def _registry_closed(self, _result: int) -> None:
        self.registry = None
        self.reload()


# -- start-up -------------------------------------------------------------------------------------------
def remembered_inspector_id(settings: Settings | None) -> int | None:
    return settings.current_inspector_id() if settings is not None else None


def remember_inspector_id(settings: Settings | None, inspector_id: int) -> None:
    if settings is not None:
        settings.set_current_inspector_id(inspector_id)


def choose_current_inspector(
    parent: QWidget | None, services: Services, settings: Settings | None, ask: bool = False
) -> Actor | None:
    """Who works now: the remembered inspector if still active (unless ``ask``), else the chooser.

    Returns None when the user cancels the chooser; the choice is remembered in ``settings``.
    On a team server whose login belongs to a person, that person is who works: no chooser.
    """
    own = services.inspectors.login_actor()
    if own is not None:
        return own
    remembered = remembered_inspector_id(settings)
    if remembered is not None and not ask:
        try:
            return services.inspectors.actor_for(remembered)
        except (NotFoundError, PermissionDenied):
            pass  # removed or deactivated since: ask
    dialog = ChooseInspectorDialog(services, remembered, parent)
    try:
        dialog.exec()
        if dialog.result() != QDialog.DialogCode.Accepted.value or not dialog.chosen_id:
            return None
        actor = services.inspectors.actor_for(dialog.chosen_id)
        remember_inspector_id(settings, dialog.chosen_id)
        return actor
    finally:
        dialog.deleteLater()
