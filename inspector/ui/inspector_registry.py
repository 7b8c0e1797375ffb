"""检查人员管理: every inspector, active first; add, edit, 停用 / 恢复在岗 (never delete).

The core decides who may maintain the registry (a 科室负责人, or anyone while no supervisor exists
yet) and keeps the last supervisor; the dialog asks it only to grey out buttons, and shows the
core's own refusal (through the op's default routing) when it says no. Inspectors are never
deleted, only deactivated: inspection records and documents keep their names.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.inspectors import LABELS, InspectorRow
from inspector.ui.inspector_edit_dialog import InspectorEditDialog
from inspector.ui.inspector_table import person_cells, person_table, table_item
from inspector.ui.ops import Op
from inspector.ui.style import INACTIVE_COLOUR, MUTED_TEXT_STYLE, OK_COLOUR, icon
from inspector.ui.terms import term


@dataclass(frozen=True)
class _Registry:
    rows: list[InspectorRow]
    may_maintain: bool


def _read(s: Services, actor: Actor) -> _Registry:
    """The whole registry (small: a district has tens of inspectors, not thousands) and whether
    ``actor`` may change it — asked of the core, to grey out buttons."""
    return _Registry(s.inspectors.list(active_only=False), s.inspectors.can_edit_registry(actor))


class InspectorRegistryDialog(QDialog):
    """``changed`` fires after any successful change so the caller can refresh its own lists."""

    changed = Signal()
    COLUMNS = ("name", "certificate_no", "unit", "role", "active")

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.edit_dialog: InspectorEditDialog | None = None
        self._rows: list[InspectorRow] = []
        self._may_maintain = False
        self.setWindowTitle(self.tr("检查人员管理"))
        self.setModal(True)
        self._build()
        self.reload()
        self.resize(780, 480)

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(10)
        top = QHBoxLayout()
        title = QLabel(self.tr("检查人员名册"))
        title.setObjectName("PageTitle")
        top.addWidget(title)
        top.addSpacing(10)
        self.count_label = QLabel()
        self.count_label.setObjectName("CountLabel")
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.add_button = QPushButton(icon("add"), self.tr("新增"))
        self.add_button.setObjectName("add_button")
        self.edit_button = QPushButton(icon("edit"), self.tr("编辑"))
        self.edit_button.setObjectName("edit_button")
        self.toggle_button = QPushButton(self.tr("停用"))
        self.toggle_button.setObjectName("toggle_button")
        for b in (self.add_button, self.edit_button, self.toggle_button):
            b.setMinimumWidth(88)
            top.addWidget(b)
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        root.addLayout(top)

        self.table = person_table(
            [
                term(LABELS["name"]),
                term(LABELS["certificate_no"]),
                term(LABELS["unit"]),
                term(LABELS["role"]),
                self.tr("状态"),
            ]
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
        self.note_label.setStyleSheet(MUTED_TEXT_STYLE)
        bottom.addWidget(self.note_label, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        root.addLayout(bottom)

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the registry; the given (or the selected) inspector stays selected."""
        keep = select_id if select_id is not None else self.selected_id()
        actor = self.actor
        Op(self, self.services, lambda s: _read(s, actor), title=self.tr("检查人员管理")).success(
            lambda registry: self._show(registry, keep)
        ).run()

    def _show(self, registry: _Registry, keep: int | None) -> None:
        self._rows = registry.rows
        self._may_maintain = registry.may_maintain
        self.table.setRowCount(len(self._rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(self._rows):
            cells = person_cells(row, bold)
            status = table_item(self.tr("在岗") if row.active else self.tr("已停用"))
            status.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            status.setForeground(QColor(OK_COLOUR if row.active else INACTIVE_COLOUR))
            if not row.active:
                for cell in cells:
                    cell.setForeground(QColor(INACTIVE_COLOUR))
            for c, item in enumerate([*cells, status]):
                self.table.setItem(r, c, item)
        active = sum(1 for row in self._rows if row.active)
        self.count_label.setText(
            self.tr("在岗 {n} 人，共 {total} 人").format(n=active, total=len(self._rows))
        )
        if self._may_maintain:
            self.note_label.setText(self.tr("人员只能停用，不能删除：已有的检查记录和执法文书仍显示其姓名。"))
        else:
            self.note_label.setText(
                self.tr("检查人员名册须由科室负责人维护；您（{name}）可以查看名册。").format(
                    name=self.actor.name
                )
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
            self.toggle_button.setText(self.tr("恢复在岗"))
            self.toggle_button.setToolTip(self.tr("恢复所选人员在岗，可再参加检查"))
        else:
            self.toggle_button.setText(self.tr("停用"))
            self.toggle_button.setToolTip(self.tr("所选人员调离或离岗：不再出现在人员选择中，历史记录保留"))

    def edit_selected(self) -> InspectorEditDialog | None:
        inspector_id = self.selected_id()
        if inspector_id is None or not self._may_maintain:
            return None
        return self.open_editor(inspector_id)

    def open_editor(self, inspector_id: int | None) -> InspectorEditDialog | None:
        """The add/edit form, window-modal and non-blocking (open(), not exec())."""
        dialog = InspectorEditDialog(self.services, self.actor, inspector_id, parent=self)
        if not dialog.loaded:  # the person could not be read: already said why
            dialog.deleteLater()
            self.reload()
            return None
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
        title = self.tr("停用检查人员") if row.active else self.tr("恢复在岗")
        if row.active:
            answer = QMessageBox.question(
                self,
                title,
                self.tr(
                    "停用“{name}”后，登记检查时不再能选择此人；已有的检查记录和文书不受影响。确定停用吗？"
                ).format(name=row.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        actor, inspector_id, active = self.actor, row.id, not row.active
        outcome = Op(
            self, self.services, lambda s: s.inspectors.set_active(actor, inspector_id, active), title=title
        ).run()
        if not outcome.ok:
            return False
        self.reload(select_id=row.id)
        self.changed.emit()
        return True
