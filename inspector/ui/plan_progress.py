"""The items of a 监督检查计划 with their progress: the model and the 完成率 bar of the plan page.

The translation context stays "PlanPage": these strings are the page's, kept apart only so the
page module stays small.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from inspector.core.enums import PlanMode
from inspector.core.plans import ItemProgress, months_label
from inspector.ui.style import PROGRESS_COLOUR, PROGRESS_DONE_COLOUR, PROGRESS_TRACK_COLOUR
from inspector.ui.terms import term

CTX = "PlanPage"
RATE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
ITEM_HEADERS = (
    QT_TRANSLATE_NOOP("PlanPage", "序号"),
    QT_TRANSLATE_NOOP("PlanPage", "检查事项"),
    QT_TRANSLATE_NOOP("PlanPage", "检查方式"),
    QT_TRANSLATE_NOOP("PlanPage", "目标企业"),
    QT_TRANSLATE_NOOP("PlanPage", "频次/上限"),
    QT_TRANSLATE_NOOP("PlanPage", "实施月份"),
    QT_TRANSLATE_NOOP("PlanPage", "责任单位"),
    QT_TRANSLATE_NOOP("PlanPage", "目标家数"),
    QT_TRANSLATE_NOOP("PlanPage", "已完成"),
    QT_TRANSLATE_NOOP("PlanPage", "完成率"),
)
COL_RATE = len(ITEM_HEADERS) - 1


def frequency_text(p: ItemProgress) -> str:
    text = QCoreApplication.translate("PlanPage", "{n}次/年").format(n=p.frequency)
    if p.cap:
        text += QCoreApplication.translate("PlanPage", "，上限{n}次").format(n=p.cap)
    return text


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


class ItemProgressModel(QAbstractTableModel):
    """The items of one plan with their progress (at most 100 rows: held whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ItemProgress] = []

    def set_items(self, items: list[ItemProgress]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ITEM_HEADERS)

    def _text(self, p: ItemProgress, col: int) -> str:
        values = (
            str(p.position),
            p.title,
            term(p.mode),
            p.target.describe(),
            frequency_text(p),
            months_label(p.months),
            p.unit,
            QCoreApplication.translate("PlanPage", "待抽取")
            if p.mode == PlanMode.RANDOM and not p.targets
            else str(p.targets),
            str(p.done),
            rate_text(p.rate),
        )
        return values[col]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        p = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(p, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 3):
            return self._text(p, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (0, 2, 5):
                return Qt.AlignmentFlag.AlignCenter
            if col in (7, 8):
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == RATE_ROLE and col == COL_RATE:
            return p.rate
        if role == Qt.ItemDataRole.UserRole:
            return p
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CTX, str(ITEM_HEADERS[section]))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ProgressDelegate(QStyledItemDelegate):
    """Draws ``RATE_ROLE`` (0…1, or None) as a slim bar with the percentage on it."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rate = index.data(RATE_ROLE)
        if rate is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        r = QRectF(opt.rect).adjusted(6, 6, -6, -6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PROGRESS_TRACK_COLOUR))
        painter.drawRoundedRect(r, 4, 4)
        done = QRectF(r)
        done.setWidth(r.width() * max(0.0, min(float(rate), 1.0)))
        painter.setBrush(QColor(PROGRESS_DONE_COLOUR if rate >= 1 else PROGRESS_COLOUR))
        if done.width() > 0:
            painter.drawRoundedRect(done, 4, 4)
        painter.setPen(QColor(opt.palette.text().color()))
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, rate_text(float(rate)))
        painter.restore()
