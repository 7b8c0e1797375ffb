"""隐患整改 tracker: the filtered hazard list, batch 延期 and Excel export of what it shows.

The list is a WindowedTableModel over HazardService.count/page, so a district with a million
hazards opens as fast as one with ten: a filter change is one count and one page query, sorting is
a server-side ORDER BY, scrolling loads 200-row pages on demand. A detail pane (another widget)
can sit to the right in a splitter (``set_detail_widget``); selection is reported by id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import HazardLevel, HazardState
from inspector.core.errors import DomainError
from inspector.core.hazards import HazardFilter, HazardRow, HazardService
from inspector.core.lifecycle import Due, due
from inspector.reports.lists import export_hazards
from inspector.ui.background import report_bug, run_in_background
from inspector.ui.extend_dialog import ExtendDialog
from inspector.ui.hazard_filters import HazardFilterBar, default_filter, describe_filter
from inspector.ui.settings import Settings
from inspector.ui.style import (
    DUE_SOON_COLOUR,
    HAZARD_STATE_TINTS,
    MAJOR_COLOUR,
    MUTED_COLOUR,
    OVERDUE_COLOUR,
    OVERDUE_ROW,
    icon,
)
from inspector.ui.widgets import list_view, user_documents_folder
from inspector.ui.windowed_model import CENTER, Column, Index, WindowedTableModel, enable_server_sort

SETTINGS_TABLE = "hazards"
SETTINGS_SPLITTER = "hazards_splitter"
# Ids resolved for signals and batch actions: a Ctrl+A on 1 M rows must not load them all.
MAX_SELECTION = 1000
STATUS_TIMEOUT_MS = 6000
SOON_DAYS = 3  # "剩3天" and less shows amber

CHIP_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # (background, foreground) of a tag drawn in the cell

LEVEL_CHIP = (MAJOR_COLOUR, "#ffffff")


def _t(text: str) -> str:
    return QCoreApplication.translate("HazardPage", text)


def days_text(days: int | None) -> str:
    """剩余/逾期天数 as inspectors say it (the core's ``due`` reads the days)."""
    kind = due(days)
    if kind is None or days is None:
        return ""
    if kind == Due.OVERDUE:
        return _t("逾期{n}天").format(n=-days)
    if kind == Due.TODAY:
        return _t("今日到期")
    return _t("剩{n}天").format(n=days)


def _date_text(d: Any) -> str:
    return d.isoformat() if isinstance(d, date) else ""


def _category_text(row: HazardRow) -> str:
    return "／".join(x for x in (row.category, row.subcategory) if x)


COLUMNS: tuple[Column, ...] = (
    Column("number", _t("隐患编号"), alignment=CENTER),
    Column("enterprise_name", _t("企业名称"), tooltip=True),
    Column("jurisdiction", _t("属地"), alignment=CENTER),
    Column("location", _t("隐患部位"), sort_key=None, tooltip=True),
    Column("description", _t("隐患描述"), sort_key=None, tooltip=True),
    Column("category", _t("类别"), tooltip=True),
    Column("level", _t("等级"), alignment=CENTER),
    Column("state", _t("状态"), alignment=CENTER),
    Column("found_on", _t("发现日期"), alignment=CENTER, formatter=_date_text),
    Column("deadline", _t("整改时限"), alignment=CENTER, formatter=_date_text),
    Column("days_left", _t("剩余/逾期"), alignment=CENTER, formatter=days_text, sort_key="deadline"),
    Column("inspectors", _t("检查人员"), sort_key=None, tooltip=True),
)
COLUMN_WIDTHS = {
    "number": 118,
    "enterprise_name": 200,
    "jurisdiction": 108,
    "location": 110,
    "description": 260,
    "category": 130,
    "level": 84,
    "state": 76,
    "found_on": 92,
    "deadline": 92,
    "days_left": 84,
    "inspectors": 120,
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
    """RowSource for the windowed model: the service's count/page under one filter."""

    def __init__(self, services: Services, filter_: HazardFilter) -> None:
        self.service: HazardService = services.hazards
        self.filter = filter_

    def count(self) -> int:
        return self.service.count(self.filter)

    def page(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[TrackerRow]:
        if sort is None:
            sort, descending = DEFAULT_SORT, True
        return with_inspectors(self.service, self.service.page(self.filter, offset, limit, sort, descending))


class HazardTableModel(WindowedTableModel):
    """Row-level colours: overdue rows light red, closed rows muted, 重大隐患 as a dark red tag."""

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


class TagDelegate(QStyledItemDelegate):
    """Draws CHIP_ROLE (background, foreground) as a rounded tag; plain cells paint as usual.

    A tag stays readable on selected and on overdue (red) rows, where a cell colour would vanish.
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


class HazardPage(QWidget):
    """The tracker page.

    Signals: ``hazard_activated(id)`` on double-click / Enter; ``selection_changed(ids)`` (at most
    MAX_SELECTION ids); ``changed`` after hazards were modified here (batch 延期);
    ``status_message(text)`` for the main window's status bar.
    """

    hazard_activated = Signal(int)
    selection_changed = Signal(list)
    changed = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.settings = settings
        self.detail_widget: QWidget | None = None
        self.extend_dialog: ExtendDialog | None = None
        self._filter = default_filter()
        self._build()
        self._restore()
        self._update_count(self.model.total())
        self._update_buttons()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        root.setSpacing(8)

        title_row = QHBoxLayout()
        title = QLabel(_t("隐患整改"))
        title.setObjectName("PageTitle")
        title_row.addWidget(title)
        title_row.addSpacing(12)
        self.count_label = QLabel()
        self.count_label.setObjectName("CountLabel")
        title_row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addSpacing(16)
        self.status_label = QLabel()
        self.status_label.setObjectName("CountLabel")
        title_row.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        self.extend_button = QPushButton(icon("extend"), _t("批量延期…"))
        self.extend_button.setObjectName("extend_button")
        self.extend_button.setToolTip(_t("为所选隐患统一延长整改时限（须说明理由）"))
        self.export_button = QPushButton(icon("export"), _t("导出Excel…"))
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(_t("按当前筛选和排序导出隐患清单"))
        self.refresh_button = QPushButton(icon("refresh"), _t("刷新"))
        self.refresh_button.setToolTip(_t("重新读取数据（F5）"))
        for b in (self.extend_button, self.export_button, self.refresh_button):
            b.setMinimumWidth(88)
            title_row.addWidget(b)
        self.extend_button.clicked.connect(self.batch_extend)
        self.export_button.clicked.connect(lambda: self.export_excel())
        self.refresh_button.clicked.connect(self.refresh)
        root.addLayout(title_row)

        self.filter_bar = HazardFilterBar(self.services)
        self.filter_bar.changed.connect(self._filter_changed)
        root.addWidget(self.filter_bar)

        self.model = HazardTableModel(COLUMNS, HazardSource(self.services, self._filter), parent=self)
        self.model.totalChanged.connect(self._update_count)
        self.table = list_view(self.model, "hazard_table", COLUMNS, COLUMN_WIDTHS, multi_select=True)
        hh = self.table.horizontalHeader()
        found = self.model.column_index(DEFAULT_SORT)
        enable_server_sort(hh, self.model, found, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._chips = TagDelegate(self.table)
        for key in ("level", "state"):
            self.table.setItemDelegateForColumn(self.model.column_index(key), self._chips)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        # An empty list says why it is empty instead of showing a blank grid.
        self.empty_label = QLabel(_t("没有符合条件的隐患。可调整或清除筛选条件。"), self.table.viewport())
        self.empty_label.setObjectName("PlaceholderText")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_label.hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("hazard_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        root.addWidget(self.splitter, 1)

        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self.status_label.clear)

    def _restore(self) -> None:
        self._columns_fitted = False
        if self.settings is None:
            return
        state = self.settings.header_state(SETTINGS_TABLE)
        if state is not None and self.table.horizontalHeader().restoreState(state):
            self._columns_fitted = True  # the user's own widths (and sort) win

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._columns_fitted:
            self._columns_fitted = True
            self.fit_columns()

    def fit_columns(self) -> None:
        """Spread the table's width over the columns: the description gets most spare room."""
        hh = self.table.horizontalHeader()
        available = self.table.viewport().width() - 2
        base = sum(COLUMN_WIDTHS.get(c.key, 100) for c in COLUMNS)
        spare = available - base
        for i, col in enumerate(COLUMNS):
            width = COLUMN_WIDTHS.get(col.key, 100)
            share = FLEX_COLUMNS.get(col.key, 0.0)
            hh.resizeSection(i, max(int(width * 0.7), width + int(spare * share)))

    def set_detail_widget(self, widget: QWidget) -> None:
        """Put a detail pane to the right of the list (replacing any earlier one)."""
        if self.detail_widget is not None and self.detail_widget is not widget:
            self.detail_widget.setParent(None)
        self.detail_widget = widget
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 2)
        restored = False
        if self.settings is not None:
            state = self.settings.header_state(SETTINGS_SPLITTER)
            restored = state is not None and self.splitter.restoreState(state)
        if not restored:
            total = max(self.splitter.width(), 900)
            self.splitter.setSizes([int(total * 0.62), total - int(total * 0.62)])

    def save_state(self) -> None:
        """Remember column widths, order and sort (and the splitter) for the next start."""
        if self.settings is None:
            return
        self.settings.set_header_state(SETTINGS_TABLE, self.table.horizontalHeader().saveState())
        if self.detail_widget is not None:
            self.settings.set_header_state(SETTINGS_SPLITTER, self.splitter.saveState())

    # -- filtering ------------------------------------------------------------------------------
    def current_filter(self) -> HazardFilter:
        return self._filter

    def apply_filter(self, f: HazardFilter) -> None:
        """Show the list under ``f`` (the home tiles call this) and set the filter bar to match."""
        self.filter_bar.set_filter(f)
        self._set_filter(f)

    def _filter_changed(self) -> None:
        self._set_filter(self.filter_bar.filter())

    def _set_filter(self, f: HazardFilter) -> None:
        self._filter = f
        self.model.set_source(HazardSource(self.services, f))

    def sort_order(self) -> tuple[str, bool]:
        """(sort key, descending) exactly as the list is ordered now."""
        column = self.model.sort_column
        if column is None:
            return DEFAULT_SORT, True
        return self.model.columns[column].sort_by or DEFAULT_SORT, self.model.descending

    def refresh(self) -> None:
        """Reload from the database, keeping the selected hazards and the scroll position."""
        selected = self.selected_ids()
        rows = self._selected_rows()
        current = self.table.currentIndex()
        current_id = self._id_at(current.row()) if current.isValid() else None
        scroll = self.table.verticalScrollBar().value()
        hscroll = self.table.horizontalScrollBar().value()
        self.filter_bar.reload_choices()
        self.model.refresh()
        self.table.verticalScrollBar().setValue(scroll)
        self.table.horizontalScrollBar().setValue(hscroll)
        if selected:
            self._reselect(set(selected), rows, current_id, current.column() if current.isValid() else 0)

    def _reselect(self, ids: set[int], near: list[int], current_id: int | None, column: int) -> None:
        total = self.model.total()
        if total == 0:
            return
        lo = max(0, min(near) - self.model.DEFAULT_PAGE_SIZE)
        hi = min(total, max(near) + self.model.DEFAULT_PAGE_SIZE + 1)
        selection = QItemSelection()
        current_row = -1
        for r in range(lo, hi):
            rid = self._id_at(r)
            if rid in ids:
                selection.select(self.model.index(r, 0), self.model.index(r, self.model.columnCount() - 1))
                if rid == current_id:
                    current_row = r
        if selection.isEmpty():
            return
        sm = self.table.selectionModel()
        if current_row >= 0:
            sm.setCurrentIndex(
                self.model.index(current_row, column), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_count(self, total: int) -> None:
        if self._filter == default_filter():
            self.count_label.setText(_t("未销号 共 {n} 条").format(n=f"{total:,}"))
        else:
            self.count_label.setText(_t("共 {n} 条（已筛选）").format(n=f"{total:,}"))
        self.empty_label.setVisible(total == 0)
        self._place_empty_label()

    def _place_empty_label(self) -> None:
        viewport = self.table.viewport()
        self.empty_label.setGeometry(0, 0, viewport.width(), min(viewport.height(), 160))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_empty_label()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        if index.isValid():
            hid = self._id_at(index.row())
            number = self.model.row_at(index.row()).number if hid is not None else ""
            menu.addAction(
                _t("查看详情"), lambda: self.hazard_activated.emit(hid) if hid is not None else None
            )
            menu.addAction(_t("复制隐患编号"), lambda: QGuiApplication.clipboard().setText(number))
            menu.addSeparator()
            menu.addAction(icon("extend"), _t("批量延期…"), self.batch_extend)
        menu.addAction(icon("export"), _t("导出Excel…"), lambda: self.export_excel())
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self._status_timer.start(STATUS_TIMEOUT_MS)
        self.status_message.emit(text)

    # -- selection ------------------------------------------------------------------------------
    def _id_at(self, row: int) -> int | None:
        item = self.model.row_at(row)
        return item.id if isinstance(item, HazardRow) else None

    def _selected_rows(self) -> list[int]:
        """View rows selected, from the selection ranges (cheap even for a Ctrl+A on 1 M rows)."""
        rows: list[int] = []
        for rng in self.table.selectionModel().selection():
            for r in range(rng.top(), rng.bottom() + 1):
                rows.append(r)
                if len(rows) >= MAX_SELECTION:
                    return sorted(set(rows))
        return sorted(set(rows))

    def selection_size(self) -> int:
        return sum(rng.height() for rng in self.table.selectionModel().selection())

    def selected_hazards(self) -> list[HazardRow]:
        out = []
        for r in self._selected_rows():
            item = self.model.row_at(r)
            if isinstance(item, HazardRow):
                out.append(item)
        return out

    def selected_ids(self) -> list[int]:
        return [h.id for h in self.selected_hazards()]

    def select_id(self, hazard_id: int) -> bool:
        """Select a hazard if it is among the first rows of the current list."""
        row = self.model.find_row(lambda r: r.id == hazard_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def show_hazard(self, hazard_id: int) -> bool:
        """Select one hazard (from the home page, an enterprise file, a visit): in the current
        list if it is near the top, else the list switches to that hazard's 隐患编号."""
        if self.select_id(hazard_id):
            return True
        try:
            number = self.services.hazards.detail(hazard_id).number
        except DomainError as e:
            self.show_status(e.message)
            return False
        self.apply_filter(HazardFilter(text=number))
        return self.select_id(hazard_id)

    def _selection_changed(self) -> None:
        self._update_buttons()
        self.selection_changed.emit(self.selected_ids())

    def _activated(self, index: QModelIndex) -> None:
        hid = self._id_at(index.row())
        if hid is not None:
            self.hazard_activated.emit(hid)

    def _update_buttons(self) -> None:
        self.extend_button.setEnabled(self.table.selectionModel().hasSelection())

    # -- actions --------------------------------------------------------------------------------
    def batch_extend(self) -> ExtendDialog | None:
        """批量延期 for the selected hazards: a modal form; on success say how many and reload."""
        n = self.selection_size()
        if n == 0:
            self.show_status(_t("请先在列表中选择要延期的隐患"))
            return None
        if n > MAX_SELECTION:
            QMessageBox.warning(
                self,
                _t("批量延期"),
                _t("一次最多可延期 {max} 条隐患，当前选择了 {n} 条。").format(max=MAX_SELECTION, n=n),
            )
            return None
        rows = self.selected_hazards()
        dialog = ExtendDialog(self.services, self._actor(), rows, self.services.hazards.clock(), parent=self)
        self.extend_dialog = dialog
        try:
            accepted = dialog.exec() == ExtendDialog.DialogCode.Accepted
        finally:
            self.extend_dialog = None
        if accepted and dialog.extended:
            self.refresh()
            self.changed.emit()
            QMessageBox.information(
                self,
                _t("批量延期"),
                _t("已为 {n} 条隐患延长整改时限至 {d}。").format(
                    n=dialog.extended, d=dialog.new_deadline().isoformat()
                ),
            )
        dialog.deleteLater()
        return dialog

    def default_export_path(self) -> Path:
        return user_documents_folder() / f"隐患清单_{date.today():%Y%m%d}.xlsx"

    def export_excel(self, path: str | Path | None = None) -> Path | None:
        """Export exactly the current filter and sort, off the GUI thread; the file path, or None."""
        if path is None:
            chosen, _f = QFileDialog.getSaveFileName(
                self, _t("导出隐患清单"), str(self.default_export_path()), _t("Excel 工作簿 (*.xlsx)")
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        f = self._filter
        sort, descending = self.sort_order()
        description = describe_filter(f, self.filter_bar.enterprise_name, self.filter_bar.inspector_name)
        services = self.services
        self.export_button.setEnabled(False)
        try:
            outcome = run_in_background(
                self,
                _t("导出隐患清单"),
                lambda done, total: _t("正在导出：{done}/{total} 条").format(done=done, total=total or "…"),
                lambda progress: export_hazards(
                    services,
                    f,
                    target,
                    sort=sort,
                    descending=descending,
                    description=description,
                    progress=progress,
                ),
            )
        finally:
            self.export_button.setEnabled(True)
        if outcome.cancelled:
            self.show_status(_t("已取消导出，未生成文件"))
            return None
        if isinstance(outcome.error, DomainError):
            QMessageBox.warning(self, _t("导出未完成"), outcome.error.message)
            return None
        if outcome.error is not None:
            report_bug(outcome.error)
            return None
        self.show_status(_t("已导出 {n} 条隐患").format(n=outcome.result))
        QMessageBox.information(
            self, _t("导出完成"), _t("已导出 {n} 条隐患到：\n{path}").format(n=outcome.result, path=target)
        )
        return target

    def focus_search(self) -> None:
        self.filter_bar.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search_edit.selectAll()
