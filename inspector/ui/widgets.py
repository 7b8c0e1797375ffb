"""Small widget recipes every page shares, so the lists and filter boxes behave the same everywhere."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSignalBlocker, QSize, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import FieldError
from inspector.ui.style import ERROR_TEXT
from inspector.ui.terms import term
from inspector.ui.windowed_model import Column, WindowedTableModel

ROW_HEIGHT = 30


def user_documents_folder() -> Path:
    """Where save dialogs start: the user's 文档 folder (home when the platform has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def refill_choices(combo: QComboBox, values: Iterable[str], all_label: str) -> None:
    """Refill a filter box ("全部" first, data None) with fresh values, keeping the current choice.

    Signals are blocked: refilling is not the user choosing something.
    """
    with QSignalBlocker(combo):
        current = combo.currentData()
        combo.clear()
        combo.addItem(all_label, None)
        for value in values:
            combo.addItem(term(value), value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))


# Room a header needs beside its text (margins and the sort arrow), and a cell beside its value
# (margins, and the rounded chip of a state or level).
HEADER_PADDING, CELL_PADDING = 18, 22


def fit_columns(
    table: QTableView,
    columns: Sequence[Column],
    widths: Mapping[str, int],
    flex: Mapping[str, float],
    *,
    least: float,
    samples: Mapping[str, Iterable[str]] | None = None,
) -> None:
    """Spread the table's width over its columns; the flexible ones (``flex``: their shares) get
    the spare room, never less than ``least`` of their width.

    A fixed column is at least as wide as its header and its widest ``samples`` value, as the
    language installed now writes them: the widths were set for Chinese, and English words are
    longer (待复查 / Pending Re-inspection), so a column keeps showing whole values in either.
    """
    hh = table.horizontalHeader()
    header_metrics, cell_metrics = hh.fontMetrics(), table.fontMetrics()
    known = samples or {}

    def needed(col: Column) -> int:
        base = widths.get(col.key, 100)
        if col.key in flex:
            return base
        texts = [cell_metrics.horizontalAdvance(t) + CELL_PADDING for t in known.get(col.key, ())]
        return max(base, header_metrics.horizontalAdvance(col.title) + HEADER_PADDING, *texts)

    sizes = [needed(c) for c in columns]
    spare = table.viewport().width() - 2 - sum(sizes)
    for i, (col, size) in enumerate(zip(columns, sizes, strict=True)):
        share = flex.get(col.key, 0.0)
        hh.resizeSection(i, max(int(size * least), size + int(spare * share)))


def list_view(
    model: WindowedTableModel,
    name: str,
    columns: Sequence[Column],
    widths: Mapping[str, int],
    *,
    multi_select: bool = False,
    parent: QWidget | None = None,
) -> QTableView:
    """A read-only row list over a windowed model.

    Fixed row heights matter: a view that measures rows would ask for every row of a million.
    """
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vh = table.verticalHeader()
    vh.setVisible(False)
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(ROW_HEIGHT)
    hh = table.horizontalHeader()
    hh.setHighlightSections(False)
    hh.setStretchLastSection(False)
    hh.setSectionsMovable(True)
    for i, col in enumerate(columns):
        hh.resizeSection(i, widths.get(col.key, 100))
    return table


class Section(QGroupBox):
    """A titled group box with a vertical ``body``: the panes' sections look alike everywhere."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(10, 8, 10, 10)
        self.body.setSpacing(6)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out (tags whose
    words are longer in English than in Chinese: the plan's ✓/✗ chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        m = self.contentsMargins()
        width = sum(s.width() for s in shown) + self._spacing * max(len(shown) - 1, 0)
        height = max((s.height() for s in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest item alone on its line."""
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (or only measure), each centred on its line's height;
        the height they take."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if lines[-1] and x + hint.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            height = max((hint.height() for _item, hint in line), default=0)
            x = area.x()
            for item, hint in line:
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
            y += height + (self._spacing if height else 0)
        used = y - area.y() - (self._spacing if y > area.y() else 0)
        return max(used, 0) + m.top() + m.bottom()


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of ``layout`` (a list rebuilt on each reload)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def text_edit(lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field about ``lines`` lines high (descriptions, measures, opinions)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * lines + 14)
    return edit


DOCUMENT_TEXT = "documentText"
"""A widget property: the widget shows an official document's own words (a ledger's title, its
columns, its scope line) exactly as they will be printed, in Chinese whatever the UI language."""


def mark_document_text(widget: QWidget) -> None:
    widget.setProperty(DOCUMENT_TEXT, True)


def place_field_errors(errors: Iterable[FieldError], labels: Mapping[str, QLabel]) -> list[str]:
    """Each error shown on the error line of the field it names; returns the messages of those
    about no field of this form (for the form's own message line)."""
    other: list[str] = []
    for e in errors:
        label = labels.get(e.field)
        if label is None:
            other.append(e.message)
        else:
            label.setText(e.message)
            label.show()
    return other


def error_label(name: str) -> QLabel:
    """A field's message line: hidden until the core refuses something about that field."""
    label = QLabel()
    label.setObjectName(f"error_{name}")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_TEXT)
    label.hide()
    return label


def field_cell(widget: QWidget | None, error: QLabel, extra: QWidget | None = None) -> QWidget:
    """A field with its (hidden) error line underneath, so a message sits next to its field."""
    cell = QWidget()
    lay = QVBoxLayout(cell)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    if widget is not None:
        lay.addWidget(widget)
    if extra is not None:
        lay.addWidget(extra)
    lay.addWidget(error)
    return cell


# Words after which a long Chinese column label breaks onto its second line (其中 | 逾期未整改).
_BREAK_AFTER = ("本月新发现", "本期发现", "未销号", "其中", "目前")


HEADER_LINE_CHARS = 10  # an English header line: "Carried", "Found in"; one long word stands alone


def header_text(label: str) -> str:
    """A long column label on two lines, broken between its words (其中 | 逾期未整改), so a
    narrow numeric column shows all of it."""
    if label.isascii():  # a translation: lines of whole words, each about as wide as a number column
        if len(label) <= HEADER_LINE_CHARS or " " not in label:
            return label
        lines: list[str] = []
        for word in label.split():
            if lines and len(lines[-1]) + 1 + len(word) <= HEADER_LINE_CHARS:
                lines[-1] += " " + word
            elif len(word) > HEADER_LINE_CHARS and "-" in word:  # Re-inspection: Re- | inspection
                head, tail = word.split("-", 1)
                lines += [f"{head}-", tail]
            else:
                lines.append(word)
        return "\n".join(lines)
    if len(label) <= 5:
        return label
    if "（" in label:
        return label.replace("（", "\n（", 1)
    for word in _BREAK_AFTER:
        if label.startswith(word):
            return f"{word}\n{label[len(word) :]}"
    half = (len(label) + 1) // 2
    return f"{label[:half]}\n{label[half:]}"
