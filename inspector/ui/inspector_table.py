"""The inspector list both the registry and the chooser show: one look for a person's row.

Kept apart from either dialog so the two stay in step (supervisors marked the same dark red as
重大/督办, the person who may close them; a missing 执法证号 greyed out).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from inspector.core.inspectors import InspectorRow
from inspector.ui.style import MAJOR_COLOUR, MUTED_COLOUR

SUPERVISOR_COLOUR = MAJOR_COLOUR


def role_text(row: InspectorRow) -> str:
    if row.is_supervisor:
        return QCoreApplication.translate("InspectorTable", "科室负责人")
    return QCoreApplication.translate("InspectorTable", "检查员")


def person_cells(row: InspectorRow, bold: QFont) -> list[QTableWidgetItem]:
    """姓名 (carrying the id), 执法证号, 单位, 角色 of one inspector."""
    cells = [
        table_item(row.name, row.id),
        table_item(row.certificate_no or QCoreApplication.translate("InspectorTable", "（未填写）")),
        table_item(row.unit),
        table_item(role_text(row)),
    ]
    if not row.certificate_no:
        cells[1].setForeground(QColor(MUTED_COLOUR))
    if row.is_supervisor:
        cells[3].setForeground(QColor(SUPERVISOR_COLOUR))
        cells[3].setFont(bold)
    return cells


def table_item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if text:
        item.setToolTip(text)
    return item


def person_table(columns: list[str]) -> QTableWidget:
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
