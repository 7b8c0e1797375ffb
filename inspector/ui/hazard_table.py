"""The hazard tracker's list as a Qt model: its columns, its row source and its colours.

A WindowedTableModel over HazardService.count/page, so a district with a million hazards opens as
fast as one with ten: a filter change is one count and one page query, sorting is a server-side
ORDER BY, scrolling loads 200-row pages on demand. Its own module (the page only lays it out):
the columns, the colour rules of 逾期/已销号/重大隐患 and the source are what its tests read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from inspector.core.context import Services
from inspector.core.enums import HazardLevel, HazardState
from inspector.core.hazards import HazardFilter, HazardRow, HazardService
from inspector.core.lifecycle import Due, due
from inspector.ui.delegates import CHIP_ROLE
from inspector.ui.ops import Op, read_now
from inspector.ui.style import (
    CHIP_TEXT_COLOUR,
    DUE_SOON_COLOUR,
    HAZARD_STATE_TINTS,
    MAJOR_COLOUR,
    MUTED_COLOUR,
    OVERDUE_COLOUR,
    OVERDUE_ROW,
)
from inspector.ui.terms import term
from inspector.ui.windowed_model import CENTER, Column, Index, WindowedTableModel

SOON_DAYS = 3  # "剩3天" and less shows amber
LEVEL_CHIP = (MAJOR_COLOUR, CHIP_TEXT_COLOUR)


def days_text(days: int | None) -> str:
    """剩余/逾期天数 as inspectors say it (the core's ``due`` reads the days)."""
    kind = due(days)
    if kind is None or days is None:
        return ""
    if kind == Due.OVERDUE:
        return QCoreApplication.translate("HazardTable", "逾期{n}天").format(n=-days)
    if kind == Due.TODAY:
        return QCoreApplication.translate("HazardTable", "今日到期")
    return QCoreApplication.translate("HazardTable", "剩{n}天").format(n=days)


def _date_text(d: Any) -> str:
    return d.isoformat() if isinstance(d, date) else ""


def _category_text(row: HazardRow) -> str:
    return "／".join(term(x) for x in (row.category, row.subcategory) if x)


# What a user decides by comes first (编号, 企业, 状态, 等级, 剩余/逾期, 时限): at 1366×768 the list
# pane shows these without scrolling sideways; the long texts follow, elided, full text as tooltip.
COLUMNS: tuple[Column, ...] = (
    Column("number", str(QT_TRANSLATE_NOOP("HazardTable", "隐患编号")), alignment=CENTER),
    Column("enterprise_name", str(QT_TRANSLATE_NOOP("HazardTable", "企业名称")), tooltip=True),
    Column("state", str(QT_TRANSLATE_NOOP("HazardTable", "状态")), alignment=CENTER, vocabulary=True),
    Column("level", str(QT_TRANSLATE_NOOP("HazardTable", "等级")), alignment=CENTER, vocabulary=True),
    Column(
        "days_left",
        str(QT_TRANSLATE_NOOP("HazardTable", "剩余/逾期")),
        alignment=CENTER,
        formatter=days_text,
        sort_key="deadline",
    ),
    Column(
        "deadline", str(QT_TRANSLATE_NOOP("HazardTable", "整改时限")), alignment=CENTER, formatter=_date_text
    ),
    Column("description", str(QT_TRANSLATE_NOOP("HazardTable", "隐患描述")), sort_key=None, tooltip=True),
    Column("jurisdiction", str(QT_TRANSLATE_NOOP("HazardTable", "属地")), alignment=CENTER),
    Column("location", str(QT_TRANSLATE_NOOP("HazardTable", "隐患部位")), sort_key=None, tooltip=True),
    Column("category", str(QT_TRANSLATE_NOOP("HazardTable", "类别")), tooltip=True, vocabulary=True),
    Column(
        "found_on", str(QT_TRANSLATE_NOOP("HazardTable", "发现日期")), alignment=CENTER, formatter=_date_text
    ),
    Column("inspectors", str(QT_TRANSLATE_NOOP("HazardTable", "检查人员")), sort_key=None, tooltip=True),
)
COLUMN_WIDTHS = {
    "number": 112,
    "enterprise_name": 170,
    "state": 72,
    "level": 80,
    "days_left": 78,
    "deadline": 90,
    "description": 240,
    "jurisdiction": 96,
    "location": 100,
    "category": 120,
    "found_on": 90,
    "inspectors": 110,
}
FLEX_COLUMNS = {"enterprise_name": 0.3, "description": 0.5, "location": 0.1, "inspectors": 0.1}
DEFAULT_SORT = "found_on"


@dataclass(frozen=True)
class TrackerRow(HazardRow):
    """A list line plus the 检查人员 of the inspection that found it (blank: no inspection)."""

    inspectors: str = ""


_ROW_FIELDS = tuple(f.name for f in fields(HazardRow))


def with_inspectors(service: HazardService, rows: Sequence[HazardRow]) -> list[TrackerRow]:
    names = service.inspector_names([r.id for r in rows])
    return [
        TrackerRow(**{k: getattr(r, k) for k in _ROW_FIELDS}, inspectors=names.get(r.id, "")) for r in rows
    ]


class HazardSource:
    """RowSource for the windowed model: the service's count/page under one filter.

    A model's page must answer before the view paints, so pages are ``read_now`` reads (one
    indexed query each) — the one place the hazard screens read on the GUI thread. The count is
    not needed for that paint: the model asks for it off the GUI thread (``count`` stays for
    sources that have no model, such as tests).
    """

    def __init__(self, services: Services, filter_: HazardFilter) -> None:
        self.services = services
        self.filter = filter_

    def count(self) -> int:
        f = self.filter
        return read_now(self.services, lambda s: s.hazards.count(f))

    def page(
        self,
        offset: int,
        limit: int,
        sort: str | None,
        descending: bool,
        after: HazardRow | None = None,
    ) -> Sequence[TrackerRow]:
        """Rows ``offset`` onwards, or the ones following ``after`` (keyset: no OFFSET walk)."""
        f = self.filter
        by, down = (DEFAULT_SORT, True) if sort is None else (sort, descending)
        return read_now(
            self.services,
            lambda s: with_inspectors(s.hazards, s.hazards.page(f, offset, limit, by, down, after=after)),
        )


class HazardTableModel(WindowedTableModel):
    """Row-level colours: overdue rows light red, closed rows muted, 重大隐患 as a dark red tag.

    The first page is shown before the list is counted: a reload reads one page on the GUI thread
    and counts off it (``Op.start``); until the count arrives the list has the rows read so far and
    ``count_exact`` is False (the page shows "200+"). The next page after a loaded one is read by
    keyset (``after`` its last row), so scrolling on stays an index seek however deep.
    ``resorted`` follows a header sort (the page then puts the selection back, see ``position``).
    """

    resorted = Signal()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._exact = False
        self._generation = 0  # a count that arrives for an older reload is dropped

    @property
    def count_exact(self) -> bool:
        return self._exact

    def refresh(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._pages.clear()
        self._count = None
        self._load_first()
        self.endResetModel()
        self.totalChanged.emit(self._count or 0)

    def _load_first(self) -> None:
        first = self._page(0)
        self._count = len(first)
        self._exact = len(first) < self._page_size
        if not self._exact:
            self._count_later()

    def _count_later(self) -> None:
        source = self._source
        if not isinstance(source, HazardSource):
            self._counted(self._generation, source.count())
            return
        generation, f = self._generation, source.filter
        parent = self.parent()
        Op(
            parent if isinstance(parent, QWidget) else None,
            source.services,
            lambda s: s.hazards.count(f),
        ).success(lambda n: self._counted(generation, n)).start()

    def _counted(self, generation: int, n: int) -> None:
        if generation != self._generation or not shiboken6.isValid(self):
            return
        have = self._count or 0
        self._exact = True
        if n > have:
            self.beginInsertRows(QModelIndex(), have, n - 1)
            self._count = n
            self.endInsertRows()
        elif n < have:  # rows went away meanwhile: the shown ones are re-read
            self.beginResetModel()
            self._pages.clear()
            self._count = n
            self.endResetModel()
        self.totalChanged.emit(n)

    def total(self) -> int:
        if self._count is None:
            self._load_first()
        return self._count or 0

    def _page(self, number: int) -> Sequence[Any]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        previous = self._pages.get(number - 1)
        source = self._source
        if previous and len(previous) == self._page_size and isinstance(source, HazardSource):
            anchor = previous[-1]
            page = list(source.page(0, self._page_size, self._sort_key(), self._descending, after=anchor))
            self._pages[number] = page
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
            return page
        return super()._page(number)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        before = (self._sort_column, self._descending)
        super().sort(column, order)
        if (self._sort_column, self._descending) != before:
            self.resorted.emit()

    def sort_key(self) -> tuple[str, bool]:
        """(sort key, descending) as the rows are ordered now."""
        key = self._sort_key()
        return (DEFAULT_SORT, True) if key is None else (key, self._descending)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        header = super().headerData(section, orientation, role)
        if isinstance(header, str) and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("HazardTable", str(header))  # marked in COLUMNS
        return header

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.ToolTipRole and key == "category":
            row = self.row_at(index.row())
            return _category_text(row) if isinstance(row, HazardRow) else None
        if role == Qt.ItemDataRole.DisplayRole and key == "category":
            row = self.row_at(index.row())
            return _category_text(row) if isinstance(row, HazardRow) else None
        if role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            CHIP_ROLE,
        ):
            row = self.row_at(index.row())
            if not isinstance(row, HazardRow):
                return None
            return _style(row, key, role)
        return super().data(index, role)


def _style(row: HazardRow, key: str, role: int) -> Any:
    closed = row.state == HazardState.CLOSED
    major = row.level == HazardLevel.MAJOR
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(QColor(OVERDUE_ROW)) if row.is_overdue else None
    if role == CHIP_ROLE:
        if key == "level" and major:
            return LEVEL_CHIP
        if key == "state":
            return HAZARD_STATE_TINTS.get(row.state)
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        if closed:
            return QBrush(QColor(MUTED_COLOUR))
        if key in ("days_left", "deadline") and row.days_left is not None:
            if row.days_left < 0:
                return QBrush(QColor(OVERDUE_COLOUR))
            if row.days_left <= SOON_DAYS:
                return QBrush(QColor(DUE_SOON_COLOUR))
        return None
    if role == Qt.ItemDataRole.FontRole and (
        (key == "days_left" and row.is_overdue) or (key == "level" and major)
    ):
        font = QFont()
        font.setBold(True)
        return font
    return None
