"""回避登记 (检查 → 回避登记…): who must not check which enterprise, for the 双随机 draws.

The table lists the standing declarations (tick 显示已撤销 for the whole register); below it a
declaration is recorded: the inspector, the enterprise (``EnterprisePicker``) and the reason.
撤销所选 dates the selected declaration as withdrawn; the core allows that to a 科室负责人 only
and says so otherwise. Nothing is ever deleted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.conflicts import ConflictInput, ConflictRow
from inspector.core.context import Services
from inspector.core.errors import FieldError
from inspector.ui.enterprise_picker import EnterprisePicker
from inspector.ui.ops import Op
from inspector.ui.widgets import error_label, field_cell, place_field_errors

COLUMNS = (  # str(): the stub types the no-op as object
    str(QT_TRANSLATE_NOOP("ConflictDialog", "检查人员")),
    str(QT_TRANSLATE_NOOP("ConflictDialog", "企业名称")),
    str(QT_TRANSLATE_NOOP("ConflictDialog", "回避事由")),
    str(QT_TRANSLATE_NOOP("ConflictDialog", "登记日期")),
    str(QT_TRANSLATE_NOOP("ConflictDialog", "撤销日期")),
    str(QT_TRANSLATE_NOOP("ConflictDialog", "登记人")),
)


class ConflictDialog(QDialog):
    def __init__(self, services: Services, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.rows: list[ConflictRow] = []
        self.setWindowTitle(self.tr("回避登记"))
        self.resize(860, 560)
        lay = QVBoxLayout(self)

        top = QHBoxLayout()
        self.show_withdrawn = QCheckBox(self.tr("显示已撤销"))
        self.show_withdrawn.toggled.connect(self.refresh)
        top.addWidget(self.show_withdrawn)
        top.addStretch(1)
        self.withdraw_button = QPushButton(self.tr("撤销所选"))
        self.withdraw_button.setToolTip(self.tr("撤销所选回避（须科室负责人）；记录保留"))
        self.withdraw_button.clicked.connect(self.withdraw)
        top.addWidget(self.withdraw_button)
        lay.addLayout(top)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("conflict_table")
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ConflictDialog", c) for c in COLUMNS]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        lay.addWidget(self.table, 1)

        box = QGroupBox(self.tr("登记回避"))
        form = QFormLayout(box)
        self.inspector = QComboBox()
        self.inspector.setObjectName("conflict_inspector")
        self.picker = EnterprisePicker(services)
        self.reason = QLineEdit()
        self.reason.setObjectName("conflict_reason")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(
            self.tr("如：配偶在该企业任职、曾在该企业工作、与企业负责人有利害关系")
        )
        self.errors = {name: error_label(name) for name in ("inspector_id", "enterprise_id", "reason")}
        form.addRow(self.tr("检查人员"), field_cell(self.inspector, self.errors["inspector_id"]))
        form.addRow(self.tr("企业"), field_cell(self.picker, self.errors["enterprise_id"]))
        form.addRow(self.tr("回避事由"), field_cell(self.reason, self.errors["reason"]))
        self.declare_button = QPushButton(self.tr("登记"))
        self.declare_button.setObjectName("conflict_declare")
        self.declare_button.clicked.connect(self.declare)
        form.addRow("", self.declare_button)
        lay.addWidget(box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

        outcome = Op(self, services, lambda s: s.inspectors.list()).run()
        for person in outcome.value or []:
            self.inspector.addItem(person.name, person.id)
        self.refresh()

    def refresh(self) -> None:
        include = self.show_withdrawn.isChecked()
        outcome = Op(self, self.services, lambda s: s.conflicts.list(include_withdrawn=include)).run()
        self.rows = outcome.value or []
        self.table.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            values = (
                c.inspector_name,
                c.enterprise_name,
                c.reason,
                c.declared_on.isoformat(),
                c.withdrawn_on.isoformat() if c.withdrawn_on else "",
                c.recorded_by,
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(r, col, item)
        self._selection_changed()

    def _selected(self) -> ConflictRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self._selected()
        self.withdraw_button.setEnabled(chosen is not None and chosen.active)

    def declare(self) -> None:
        for label in self.errors.values():
            label.hide()
        data = ConflictInput(self.inspector.currentData(), self.picker.enterprise_id(), self.reason.text())
        actor = self.actor()
        outcome = (
            Op(self, self.services, lambda s: s.conflicts.declare(actor, data), title=self.tr("登记回避"))
            .fields(self._field_errors)
            .run()
        )
        if outcome.ok:
            self.reason.clear()
            self.picker.set_enterprise(None)
            self.refresh()

    def _field_errors(self, errors: list[FieldError]) -> None:
        other = place_field_errors(errors, self.errors)
        if other:
            QMessageBox.warning(self, self.tr("登记回避"), "\n".join(other))

    def withdraw(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("撤销回避"),
            self.tr("撤销{0}对“{1}”的回避？撤销后抽取时可能抽中该人员检查该企业。").format(
                chosen.inspector_name, chosen.enterprise_name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self.actor()
        if Op(self, self.services, lambda s: s.conflicts.withdraw(actor, chosen.id)).run().ok:
            self.refresh()


def open_dialog(parent: QWidget, services: Services, actor: Callable[[], Actor]) -> ConflictDialog:
    """Open the dialog window-modal (检查 → 回避登记…); it deletes itself when closed."""
    dialog = ConflictDialog(services, actor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
