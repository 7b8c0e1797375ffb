"""Item delegates shared by list views: a cell drawn as a rounded tag (grades, states, levels)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from inspector.ui.style import CHIP_TEXT_COLOUR

CHIP_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""A model role answering (background, foreground) colours of a tag drawn in the cell."""


class ChipDelegate(QStyledItemDelegate):
    """Draws a cell's BackgroundRole colour as a small rounded tag around the text.

    A tag reads as "a grade" (风险四色, states) and stays visible on selected rows, where a
    full-cell background would be painted over by the selection colour.
    """

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(background, QBrush) or not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.backgroundBrush = QBrush()
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fm = opt.fontMetrics
        width = max(fm.horizontalAdvance(str(text)) + 18, 34)
        height = fm.height() + 4
        rect = QRectF(
            opt.rect.center().x() - width / 2 + 0.5, opt.rect.center().y() - height / 2 + 0.5, width, height
        )
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(foreground.color() if isinstance(foreground, QBrush) else QColor(CHIP_TEXT_COLOUR))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()


class TagDelegate(QStyledItemDelegate):
    """Draws ``CHIP_ROLE`` (background, foreground) as a rounded tag; plain cells paint as usual.

    Unlike ``ChipDelegate`` the colours come from a role of their own, so the row keeps its
    BackgroundRole (a 逾期 row stays red) and the tag stays readable on it and on selection.
    """

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        chip = index.data(CHIP_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not chip or not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        font = index.data(Qt.ItemDataRole.FontRole)
        painter.save()
        if isinstance(font, QFont):
            f = QFont(opt.font)
            f.setBold(font.bold())
            painter.setFont(f)
        fm = painter.fontMetrics()
        width = min(max(fm.horizontalAdvance(str(text)) + 16, 34), opt.rect.width() - 4)
        height = fm.height() + 4
        rect = QRectF(
            opt.rect.center().x() - width / 2 + 0.5, opt.rect.center().y() - height / 2 + 0.5, width, height
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(chip[0]))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(chip[1]))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()
