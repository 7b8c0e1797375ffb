"""A read-only table model over lists too big to load: count once, fetch pages on demand.

Why not fetchMore: PITFALLS.md measured 62 s / 810 MB to scroll to the end of 1 M rows that way,
against 114 ms / 73 MB for a windowed model. The view asks only for the rows on screen; each
miss loads one page (one query) and a small LRU keeps the pages around the viewport. Sorting is
pushed down to the source (server-side ORDER BY), never done in Python over all rows.

A source answers ``count``/``page`` on the GUI thread — the view must be answered before it
paints — so pages built over the services read through ``ops.read_now``. A column's header may be
marked with ``QT_TRANSLATE_NOOP(context, …)`` and given its ``context``: it is translated when
shown, never when the columns are declared at import time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from inspector.ui.terms import term

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
ColourFn = Callable[[Any], "QColor | str | None"]

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowSource(Protocol):
    """Where rows come from. ``sort`` is a column's sort key (None: the source's own order)."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]: ...


@dataclass(frozen=True)
class Column:
    """One column: which value of a row it shows and how.

    ``key`` reads the row (attribute, or item for dicts); ``sort_key`` is what the source sorts
    by — None makes the column unsortable (e.g. a joined list of categories).
    """

    key: str
    header: str
    alignment: Qt.AlignmentFlag = LEFT
    formatter: Callable[[Any], str] | None = None
    background: ColourFn | None = None  # value -> colour
    foreground: ColourFn | None = None  # value -> colour
    sort_key: str | None = ""  # "" means: same as key
    tooltip: bool = False  # show the full text as tooltip (long names, addresses)
    context: str = ""  # the translation context the header was marked in ("" : shown as given)
    vocabulary: bool = False  # the values are domain terms (状态, 等级…): shown in the UI's language

    @property
    def title(self) -> str:
        """The header as shown: translated now, in the language installed at this moment."""
        return QCoreApplication.translate(self.context, self.header) if self.context else self.header

    @property
    def sort_by(self) -> str | None:
        return self.key if self.sort_key == "" else self.sort_key

    def value(self, row: Any) -> Any:
        if isinstance(row, dict):
            return row.get(self.key)
        return getattr(row, self.key, None)

    def text(self, row: Any) -> str:
        v = self.value(row)
        if self.formatter is not None:
            return self.formatter(v)
        if v is None:
            return ""
        return term(str(v)) if self.vocabulary else str(v)


def _brush(colour: QColor | str | None) -> QBrush | None:
    if colour is None:
        return None
    return QBrush(QColor(colour))


class WindowedTableModel(QAbstractTableModel):
    """Generic windowed model; reuse it for any list by giving columns and a RowSource."""

    DEFAULT_PAGE_SIZE = 200
    DEFAULT_MAX_PAGES = 16

    # Emitted after every refresh/sort with the new row count (for "共 N 条" labels).
    totalChanged = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column],
        source: RowSource,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_pages: int = DEFAULT_MAX_PAGES,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._source = source
        self._page_size = page_size
        self._max_pages = max_pages
        self._pages: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._count: int | None = None
        self._sort_column: int | None = None
        self._descending = False

    # -- configuration ------------------------------------------------------------------------
    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    @property
    def source(self) -> RowSource:
        return self._source

    def set_source(self, source: RowSource) -> None:
        """Swap the source (e.g. a new filter) and reload."""
        self._source = source
        self.refresh()

    @property
    def sort_column(self) -> int | None:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def column_index(self, key: str) -> int:
        for i, c in enumerate(self._columns):
            if c.key == key:
                return i
        raise KeyError(key)

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Drop every cached page and the count; the view re-asks for what it shows."""
        self.beginResetModel()
        self._pages.clear()
        self._count = None
        self.endResetModel()
        self.totalChanged.emit(self.total())

    def total(self) -> int:
        if self._count is None:
            self._count = max(0, int(self._source.count()))
        return self._count

    def _sort_key(self) -> str | None:
        if self._sort_column is None:
            return None
        return self._columns[self._sort_column].sort_by

    def _page(self, number: int) -> Sequence[Any]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        page = list(
            self._source.page(number * self._page_size, self._page_size, self._sort_key(), self._descending)
        )
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def row_at(self, row: int) -> Any | None:
        """The source row object at a view row (loads its page if needed); None if out of range."""
        if row < 0 or row >= self.total():
            return None
        page = self._page(row // self._page_size)
        offset = row % self._page_size
        # The data may have shrunk under us (another inspector deleted rows): show blanks then.
        return page[offset] if offset < len(page) else None

    def find_row(self, predicate: Callable[[Any], bool], max_rows: int = 1000) -> int:
        """View row of the first row matching, looking at most ``max_rows`` rows; -1 if none."""
        for row in range(min(self.total(), max_rows)):
            item = self.row_at(row)
            if item is not None and predicate(item):
                return row
        return -1

    # -- QAbstractTableModel ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in _ROLES:
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.text(item) if column.tooltip else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return _brush(column.background(column.value(item))) if column.background else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush(column.foreground(column.value(item))) if column.foreground else None
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return column.alignment
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_by is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query the source in the new order; unsortable columns keep the current order."""
        if not self.is_sortable(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if column == self._sort_column and descending == self._descending:
            return
        # A reset, not layoutChanged: we cannot tell where each selected row moved without
        # loading the whole list, and a selection silently pointing at another row is worse.
        self.beginResetModel()
        self._sort_column = column
        self._descending = descending
        self._pages.clear()
        self.endResetModel()


def enable_server_sort(
    header: QHeaderView,
    model: WindowedTableModel,
    column: int = 0,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> None:
    """Header-click sorting for a view over the model; unsortable columns keep the old arrow.

    Call before view.setSortingEnabled(True). Without this the arrow would jump to a column the
    source cannot sort by while the rows stay in the previous order — a misleading header.
    """
    state = {"column": column, "order": order}

    def changed(section: int, new_order: Qt.SortOrder) -> None:
        if model.is_sortable(section):
            state["column"], state["order"] = section, new_order
        else:
            header.setSortIndicator(state["column"], state["order"])  # type: ignore[arg-type]  # the dict holds an int and a SortOrder

    header.setSortIndicator(column, order)
    header.sortIndicatorChanged.connect(changed)


def selected_item(view: QAbstractItemView, model: WindowedTableModel, kind: type[T]) -> T | None:
    """The row object of the view's current row when that row is selected (a current index left
    behind by a cleared selection is not a selection), if it is a ``kind``."""
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isRowSelected(index.row(), QModelIndex()):
        return None
    item = model.row_at(index.row())
    return item if isinstance(item, kind) else None


def select_item_id(view: QTableView, model: WindowedTableModel, item_id: int) -> bool:
    """Select and centre the row whose ``id`` is ``item_id`` if it is among the first rows of the
    list (``find_row``'s reach); False when it is not there."""
    row = model.find_row(lambda r: r.id == item_id)
    if row < 0:
        return False
    view.selectRow(row)
    view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
    return True


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.UserRole,
    }
)
