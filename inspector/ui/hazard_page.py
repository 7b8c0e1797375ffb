"""隐患整改 tracker: the filtered hazard list, batch 延期 and Excel export of what it shows.

The list is a ``HazardTableModel`` (hazard_table: windowed, so a million hazards open as fast as
ten); this page lays it out with the filter bar, keeps the selection across reloads and runs the
page's ops: batch 延期 and the export, a cancellable LongOp. A detail pane (another widget) can
sit to the right in a splitter (``set_detail_widget``); selection is reported by id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import HazardLevel, HazardState
from inspector.core.errors import DomainError
from inspector.core.hazards import HazardFilter, HazardRow
from inspector.reports.lists import export_hazards
from inspector.ui.batch_extend_dialog import BatchExtendDialog
from inspector.ui.delegates import TagDelegate
from inspector.ui.hazard_filters import (
    HazardFilterBar,
    default_filter,
    describe_filter,
    filter_from_json,
    filter_to_json,
)
from inspector.ui.hazard_table import (
    COLUMN_WIDTHS,
    COLUMNS,
    DEFAULT_SORT,
    FLEX_COLUMNS,
    HazardSource,
    HazardTableModel,
    TrackerRow,
    days_text,
)
from inspector.ui.ops import LongOp, Op, Progress
from inspector.ui.settings import Settings
from inspector.ui.style import icon
from inspector.ui.terms import term
from inspector.ui.widgets import fit_columns, list_view, user_documents_folder
from inspector.ui.windowed_model import enable_server_sort, select_item_id

SETTINGS_TABLE = "hazards_v2"  # v2: the columns were reordered (an old state would misplace widths)
SETTINGS_PAGE, SETTINGS_FILTER = "hazards", "filter"  # Settings.page_value: the filter in force
SETTINGS_SPLITTER = "hazards_splitter_v2"  # v2: the list got the larger share
# Ids resolved for signals and batch actions: a Ctrl+A on 1 M rows must not load them all.
MAX_SELECTION = 1000
STATUS_TIMEOUT_MS = 6000
LIST_SHARE = 0.66  # of the splitter, for the list (the detail pane keeps the rest)


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
        self._split_pending = False
        self.extend_dialog: BatchExtendDialog | None = None
        self._filter = self._remembered_filter()
        self._keep: tuple[set[int], TrackerRow | None, int] | None = None  # selection over a re-sort
        self._build()
        if self._filter != default_filter():
            self.filter_bar.set_filter(self._filter)
        self._restore()
        self._update_count(self.model.total())
        self._update_buttons()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        root.setSpacing(8)

        title_row = QHBoxLayout()
        title = QLabel(self.tr("隐患整改"))
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
        self.extend_button = QPushButton(icon("extend"), self.tr("批量延期…"))
        self.extend_button.setObjectName("extend_button")
        self.extend_button.setToolTip(self.tr("为所选隐患统一延长整改时限（须说明理由）"))
        self.export_button = QPushButton(icon("export"), self.tr("导出Excel…"))
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(self.tr("按当前筛选和排序导出隐患清单"))
        self.refresh_button = QPushButton(icon("refresh"), self.tr("刷新"))
        self.refresh_button.setToolTip(self.tr("重新读取数据（F5）"))
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
        self.model.modelAboutToBeReset.connect(self._note_selection)
        self.model.resorted.connect(self._selection_after_sort)
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
        self.empty_label = QLabel(
            self.tr("没有符合条件的隐患。可调整或清除筛选条件。"), self.table.viewport()
        )
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
        self.splitter.setStretchFactor(0, 2)
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
        if self._split_pending and self.detail_widget is not None:
            self._split_pending = False
            self._share_splitter()
        if not self._columns_fitted:
            self._columns_fitted = True
            self.fit_columns()

    def fit_columns(self) -> None:
        """Spread the table's width over the columns: the description gets most spare room; 状态,
        等级 and 剩余/逾期 fit their longest value in the UI's language."""
        samples = {
            "state": [term(s.value) for s in HazardState],
            "level": [term(v.value) for v in HazardLevel],
            "days_left": [days_text(-365), days_text(365)],
        }
        fit_columns(self.table, COLUMNS, COLUMN_WIDTHS, FLEX_COLUMNS, least=0.7, samples=samples)

    def set_detail_widget(self, widget: QWidget) -> None:
        """Put a detail pane to the right of the list (replacing any earlier one)."""
        if self.detail_widget is not None and self.detail_widget is not widget:
            self.detail_widget.setParent(None)
        self.detail_widget = widget
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        restored = False
        if self.settings is not None:
            state = self.settings.header_state(SETTINGS_SPLITTER)
            restored = state is not None and self.splitter.restoreState(state)
        self._split_pending = not restored
        if not restored:
            self._share_splitter()

    def _share_splitter(self) -> None:
        """The list gets the room (状态, 等级, 逾期 in view at 1366 px); again once shown, when
        the splitter has its real width."""
        total = max(self.splitter.width(), 900)
        self.splitter.setSizes([int(total * LIST_SHARE), total - int(total * LIST_SHARE)])

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
        entering_overdue = f.overdue_only and not self._filter.overdue_only
        self._filter = f
        self._keep = None
        if self.settings is not None:
            self.settings.set_page_value(SETTINGS_PAGE, SETTINGS_FILTER, filter_to_json(f))
        self.model.set_source(HazardSource(self.services, f))
        if entering_overdue:  # 逾期: the most overdue first (the earliest 整改时限)
            column = self.model.column_index("days_left")
            self.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)

    def _remembered_filter(self) -> HazardFilter:
        """The filter the page had at the last start (a bad stored value: the default view)."""
        if self.settings is None:
            return default_filter()
        stored = self.settings.page_value(SETTINGS_PAGE, SETTINGS_FILTER)
        return (filter_from_json(stored) if stored is not None else None) or default_filter()

    # -- keeping the selection over a re-sort ------------------------------------------------------
    def _note_selection(self) -> None:
        """Before any reset: what is selected and which row is current (the reset clears both)."""
        current = self.table.currentIndex()
        item = self.model.row_at(current.row()) if current.isValid() else None
        rows = self.selected_hazards()
        anchor = item if isinstance(item, TrackerRow) and item.id in {r.id for r in rows} else None
        if anchor is None and rows and isinstance(rows[0], TrackerRow):
            anchor = rows[0]
        column = current.column() if current.isValid() else 0
        self._keep = ({r.id for r in rows}, anchor, column) if anchor is not None else None

    def _selection_after_sort(self) -> None:
        """Find where the selected hazard went (an index range count) and select it there."""
        keep, self._keep = self._keep, None
        if keep is None:
            return
        ids, anchor, column = keep
        assert anchor is not None
        f = self._filter
        sort, descending = self.model.sort_key()
        order = (f, sort, descending)

        def place(row: int) -> None:
            if order != (self._filter, *self.model.sort_key()):
                return  # the list changed again meanwhile
            self._reselect(ids, [row], anchor.id, column)
            self.table.scrollTo(self.model.index(row, column), QAbstractItemView.ScrollHint.PositionAtCenter)

        Op(self, self.services, lambda s: s.hazards.position(f, anchor, sort, descending)).success(
            place
        ).start()

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
        # Until the count arrives (off the GUI thread) the rows read so far, with a "+".
        n = f"{total:,}" if self.model.count_exact else f"{total:,}+"
        if self._filter == default_filter():
            self.count_label.setText(self.tr("未销号 共 {n} 条").format(n=n))
        else:
            self.count_label.setText(self.tr("共 {n} 条（已筛选）").format(n=n))
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
            item = self.model.row_at(index.row())
            hid = item.id if isinstance(item, HazardRow) else None
            number = item.number if isinstance(item, HazardRow) else ""
            menu.addAction(
                self.tr("查看详情"), lambda: self.hazard_activated.emit(hid) if hid is not None else None
            )
            menu.addAction(self.tr("复制隐患编号"), lambda: QGuiApplication.clipboard().setText(number))
            menu.addSeparator()
            menu.addAction(icon("extend"), self.tr("批量延期…"), self.batch_extend)
        menu.addAction(icon("export"), self.tr("导出Excel…"), lambda: self.export_excel())
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
        for rng in self._ranges():
            for r in range(rng.top(), rng.bottom() + 1):
                rows.append(r)
                if len(rows) >= MAX_SELECTION:
                    return sorted(set(rows))
        return sorted(set(rows))

    def selection_size(self) -> int:
        return sum(rng.height() for rng in self._ranges())

    def _ranges(self) -> list[QItemSelectionRange]:
        """The selection's ranges (QItemSelection is a list to Qt; PySide's stubs cannot iterate it)."""
        selection = self.table.selectionModel().selection()
        return [selection.at(i) for i in range(selection.count())]

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
        return select_item_id(self.table, self.model, hazard_id)

    def show_hazard(self, hazard_id: int) -> bool:
        """Select one hazard (from the home page, an enterprise file, a visit): in the current
        list if it is near the top, else the list switches to that hazard's 隐患编号."""
        if self.select_id(hazard_id):
            return True
        found = (
            Op(self, self.services, lambda s: s.hazards.detail(hazard_id).number)
            .failure(self._not_found)
            .run()
        )
        number = found.value
        if number is None:
            return False
        self.apply_filter(HazardFilter(text=number))
        return self.select_id(hazard_id)

    def _not_found(self, error: BaseException) -> bool:
        """A hazard that cannot be shown (deleted meanwhile) is said in the status line, no box."""
        if isinstance(error, DomainError):
            self.show_status(error.message)
            return True
        return False  # not a refusal: the op reports the defect

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
    def batch_extend(self) -> BatchExtendDialog | None:
        """批量延期 for the selected hazards: a modal form; on success say how many and reload."""
        n = self.selection_size()
        if n == 0:
            self.show_status(self.tr("请先在列表中选择要延期的隐患"))
            return None
        if n > MAX_SELECTION:
            QMessageBox.warning(
                self,
                self.tr("批量延期"),
                self.tr("一次最多可延期 {max} 条隐患，当前选择了 {n} 条。").format(max=MAX_SELECTION, n=n),
            )
            return None
        rows = self.selected_hazards()
        dialog = BatchExtendDialog(self.services, self._actor(), rows, self.services.clock(), parent=self)
        self.extend_dialog = dialog
        try:
            accepted = dialog.exec() == BatchExtendDialog.DialogCode.Accepted
        finally:
            self.extend_dialog = None
        new_deadline = dialog.new_deadline()
        if accepted and dialog.extended and new_deadline is not None:  # accepted: it is a day
            self.refresh()
            self.changed.emit()
            text = self.tr("已为 {n} 条隐患延长整改时限至 {d}。").format(
                n=dialog.extended, d=new_deadline.isoformat()
            )
            if dialog.skipped:
                lines = [
                    self.tr("{number}：{reason}").format(number=k.number, reason=k.reason)
                    for k in dialog.skipped
                ]
                text += "\n\n" + self.tr("以下 {n} 条未延期：").format(n=len(dialog.skipped))
                text += "\n" + "\n".join(lines)
            QMessageBox.information(self, self.tr("批量延期"), text)
        dialog.deleteLater()
        return dialog

    def default_export_path(self) -> Path:
        return user_documents_folder() / self.tr("隐患清单_{day}.xlsx").format(day=f"{date.today():%Y%m%d}")

    def export_excel(self, path: str | Path | None = None) -> Path | None:
        """Export exactly the current filter and sort, off the GUI thread; the file path, or None."""
        if path is None:
            chosen, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("导出隐患清单"),
                str(self.default_export_path()),
                self.tr("Excel 工作簿 (*.xlsx)"),
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

        def export(s: Services, progress: Progress) -> int:
            return export_hazards(
                s, f, target, sort=sort, descending=descending, description=description, progress=progress
            )

        self.export_button.setEnabled(False)
        try:
            outcome = LongOp(
                self,
                self.services,
                export,
                title=self.tr("导出隐患清单"),
                label=lambda done, total: self.tr("正在导出：{done}/{total} 条").format(
                    done=done, total=total or "…"
                ),
            ).run()
        finally:
            self.export_button.setEnabled(True)
        if outcome.cancelled:
            self.show_status(self.tr("已取消导出，未生成文件"))
            return None
        if not outcome.ok:
            return None  # the op has said why
        self.show_status(self.tr("已导出 {n} 条隐患").format(n=outcome.value))
        QMessageBox.information(
            self,
            self.tr("导出完成"),
            self.tr("已导出 {n} 条隐患到：\n{path}").format(n=outcome.value, path=target),
        )
        return target

    def focus_search(self) -> None:
        self.filter_bar.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search_edit.selectAll()
