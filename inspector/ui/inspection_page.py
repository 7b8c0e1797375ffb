"""检查记录: every inspection visit, filterable, with its documents printed from here.

The list is a WindowedTableModel over InspectionService.count/page (one COUNT, pages on demand),
so it stays instant however many visits a district logs (its pages are ``read_now`` reads, the
one kind a model may make on the GUI thread). Filters become a new InspectionFilter and one
refresh; sorting is a server-side ORDER BY; the 属地 choices arrive through ``Op.start``.
Printing goes through ``print_actions``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import DocumentKind, InspectionKind
from inspector.core.inspections import InspectionFilter, InspectionRow
from inspector.ui import print_actions
from inspector.ui.date_field import DateField
from inspector.ui.inspection_detail import InspectionDetailDialog
from inspector.ui.ops import Op, read_now
from inspector.ui.remembered import forget, remember_choices, remember_dates
from inspector.ui.settings import Settings
from inspector.ui.style import MUTED_COLOUR, OVERDUE_COLOUR, icon
from inspector.ui.terms import term
from inspector.ui.widgets import fit_columns, list_view, refill_choices
from inspector.ui.windowed_model import (
    CENTER,
    RIGHT,
    Column,
    WindowedTableModel,
    enable_server_sort,
    select_item_id,
    selected_item,
)

SEARCH_DELAY_MS = 250
SETTINGS_PAGE = "inspections"  # Settings.page_value: the filters last chosen
REMEMBERED = ("jurisdiction", "kind", "date_from", "date_to")


def _ymd(value: object) -> str:
    return value.strftime("%Y-%m-%d") if isinstance(value, date) else ""


def _count(value: object) -> str:
    return str(value) if isinstance(value, int) else ""


def _open_count(value: object) -> str:
    return "—" if value == 0 else _count(value)


def _open_foreground(value: object) -> str | None:
    return OVERDUE_COLOUR if isinstance(value, int) and value > 0 else MUTED_COLOUR


def columns() -> tuple[Column, ...]:
    """The list's columns, headers translated now (called when the page is built)."""
    return (
        Column(
            "inspected_on",
            QCoreApplication.translate("InspectionPage", "检查日期"),
            alignment=CENTER,
            formatter=_ymd,
        ),
        Column("enterprise_name", QCoreApplication.translate("InspectionPage", "企业名称"), tooltip=True),
        Column("jurisdiction", QCoreApplication.translate("InspectionPage", "属地")),
        Column("kind", QCoreApplication.translate("InspectionPage", "检查类型"), vocabulary=True),
        Column(
            "inspectors",
            QCoreApplication.translate("InspectionPage", "检查人员"),
            sort_key=None,
            tooltip=True,
        ),
        Column(
            "hazard_count",
            QCoreApplication.translate("InspectionPage", "发现隐患"),
            alignment=RIGHT,
            formatter=_count,
            sort_key=None,
        ),
        Column(
            "open_hazard_count",
            QCoreApplication.translate("InspectionPage", "未销号"),
            alignment=RIGHT,
            formatter=_open_count,
            foreground=_open_foreground,
            sort_key=None,
        ),
        Column(
            "documents", QCoreApplication.translate("InspectionPage", "文书"), sort_key=None, tooltip=True
        ),
    )


COLUMN_WIDTHS = {
    "inspected_on": 100,
    "enterprise_name": 250,
    "jurisdiction": 100,
    "kind": 130,
    "inspectors": 160,
    "hazard_count": 76,
    "open_hazard_count": 70,
    "documents": 300,
}
FLEX_COLUMNS = {"enterprise_name": 0.5, "inspectors": 0.25, "documents": 0.25}


def short_number(number: str) -> str:
    """（新北）应急责改〔2026〕12号 → 应急责改〔2026〕12号: the office prefix is the same on every row."""
    return number.split("）", 1)[1] if number.startswith("（") and "）" in number else number


@dataclass(frozen=True)
class ListedInspection(InspectionRow):
    """A list row with the numbers of the documents already issued for the visit."""

    documents: str = ""


class InspectionSource:
    """RowSource for the windowed model: the service's count/page under one filter.

    Each page also asks, in one query, which documents were issued for its visits. The model
    asks while it paints, so these are ``read_now`` reads.
    """

    def __init__(self, services: Services, filter_: InspectionFilter, with_documents: bool = True) -> None:
        self.services = services
        self.filter = filter_
        self.with_documents = with_documents

    def count(self) -> int:
        return read_now(self.services, lambda s: s.inspections.count(self.filter))

    def page(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[InspectionRow]:
        return read_now(self.services, lambda s: self._page(s, offset, limit, sort, descending))

    def _page(
        self, s: Services, offset: int, limit: int, sort: str | None, descending: bool
    ) -> Sequence[InspectionRow]:
        rows = s.inspections.page(self.filter, offset, limit, sort or "inspected_on", descending)
        if not self.with_documents or not rows:
            return rows
        issued = s.documents.of_inspections(r.id for r in rows)
        return [
            ListedInspection(
                **asdict(r), documents="、".join(short_number(d.number) for d in issued.get(r.id, []))
            )
            for r in rows
        ]


class InspectionPage(QWidget):
    """The 检查记录 page.

    Signals: ``new_visit_requested()`` for 登记检查 (the main window opens the visit form);
    ``hazard_activated(int)`` when a hazard is double-clicked in a visit's detail dialog;
    ``documents_changed()`` after a document was issued from here.
    """

    new_visit_requested = Signal()
    hazard_activated = Signal(int)
    documents_changed = Signal()

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
        self.detail_dialog: InspectionDetailDialog | None = None
        self._enterprise_id: int | None = None
        self._filter = InspectionFilter()
        self._build()
        self._load_jurisdictions()
        self.model.refresh()
        self._update_buttons()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        root.setSpacing(10)

        title_row = QHBoxLayout()
        title = QLabel(self.tr("检查记录"))
        title.setObjectName("PageTitle")
        title_row.addWidget(title)
        title_row.addSpacing(12)
        self.count_label = QLabel()
        self.count_label.setObjectName("CountLabel")
        title_row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        self.new_button = QPushButton(icon("add"), self.tr("登记检查"))
        self.new_button.setToolTip(self.tr("登记一次检查及发现的隐患"))
        self.view_button = QPushButton(icon("inspection"), self.tr("查看"))
        self.view_button.setToolTip(self.tr("查看所选检查的详情、隐患和文书（回车或双击）"))
        self.record_button = QPushButton(icon("print"), self.tr("打印检查记录"))
        self.record_button.setToolTip(self.tr("出具（或重印）所选检查的现场检查记录"))
        self.order_button = QPushButton(icon("print"), self.tr("打印整改指令书"))
        self.order_button.setToolTip(self.tr("出具（或重印）所选检查的责令限期整改指令书"))
        for b in (self.new_button, self.view_button, self.record_button, self.order_button):
            b.setMinimumWidth(88)
            title_row.addWidget(b)
        self.new_button.clicked.connect(self.new_visit_requested)
        self.view_button.clicked.connect(self.open_selected)
        self.record_button.clicked.connect(lambda: self.print_selected(DocumentKind.INSPECTION_RECORD))
        self.order_button.clicked.connect(lambda: self.print_selected(DocumentKind.RECTIFICATION_ORDER))
        root.addLayout(title_row)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("搜索企业名称"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(160)
        filters.addWidget(self.search_edit, 3)
        self.jurisdiction_combo = self._combo("filter_jurisdiction", [])
        self.kind_combo = self._combo("filter_kind", [k.value for k in InspectionKind])
        for label, combo in (
            (self.tr("属地"), self.jurisdiction_combo),
            (self.tr("检查类型"), self.kind_combo),
        ):
            filters.addSpacing(6)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        filters.addSpacing(6)
        filters.addWidget(QLabel(self.tr("检查日期")))
        self.from_edit = self._date_edit("date_from")
        self.to_edit = self._date_edit("date_to")
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("至")))
        filters.addWidget(self.to_edit)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setToolTip(self.tr("显示全部检查记录"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters.addWidget(self.clear_button)
        root.addLayout(filters)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t2: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.jurisdiction_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.from_edit.changed.connect(self._search_timer.start)  # typed: wait for the whole day
        self.to_edit.changed.connect(self._search_timer.start)

        cols = columns()
        self.model = WindowedTableModel(
            cols,
            InspectionSource(self.services, self._filter),
            parent=self,
        )
        self.model.totalChanged.connect(self._update_count)
        self.table = list_view(self.model, "inspection_table", cols, COLUMN_WIDTHS)
        hh = self.table.horizontalHeader()
        # Newest first, as the service orders by default.
        enable_server_sort(hh, self.model, 0, Qt.SortOrder.DescendingOrder)
        self.model.sort(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._columns_fitted = False
        if self.settings is not None:
            state = self.settings.header_state("inspections")
            if state is not None and hh.restoreState(state):
                self._columns_fitted = True
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        root.addWidget(self.table, 1)
        remember_choices(
            self.settings,
            SETTINGS_PAGE,
            {"jurisdiction": self.jurisdiction_combo, "kind": self.kind_combo},
        )
        remember_dates(self.settings, SETTINGS_PAGE, {"date_from": self.from_edit, "date_to": self.to_edit})
        self.apply_filter()

        self.status_label = QLabel()
        self.status_label.setObjectName("CountLabel")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()  # shown once there is something to say (a document printed)
        root.addWidget(self.status_label)

    def _combo(self, name: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("全部"), None)
        for v in values:
            combo.addItem(term(v), v)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(7)
        return combo

    def _date_edit(self, name: str) -> DateField:
        edit = DateField()
        edit.setObjectName(name)
        edit.edit.setPlaceholderText(self.tr("不限"))
        edit.make_compact()
        return edit

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._columns_fitted:
            self._columns_fitted = True
            self.fit_columns()

    def fit_columns(self) -> None:
        """Spread the table's width over the columns: names get the spare room."""
        fit_columns(self.table, self.model.columns, COLUMN_WIDTHS, FLEX_COLUMNS, least=0.6)

    def _load_jurisdictions(self) -> None:
        """Refill 属地 from the values in use, keeping the current choice (arrives later: a refresh
        never holds the user's input)."""
        Op(self, self.services, lambda s: s.enterprises.jurisdictions()).success(
            lambda values: refill_choices(self.jurisdiction_combo, values, self.tr("全部"))
        ).start()

    # -- filtering ------------------------------------------------------------------------------
    @staticmethod
    def _bound(edit: DateField) -> date | None:
        """Empty, or a text that is no day (its reason shows beside it): no bound."""
        return edit.value()

    def current_filter(self) -> InspectionFilter:
        return InspectionFilter(
            enterprise_id=self._enterprise_id,
            jurisdiction=self.jurisdiction_combo.currentData(),
            kind=self.kind_combo.currentData(),
            date_from=self._bound(self.from_edit),
            date_to=self._bound(self.to_edit),
            text=self.search_edit.text().strip(),
        )

    def apply_filter(self) -> None:
        """Re-query with the search text and filters (the debounce timer and every combo call it)."""
        self._search_timer.stop()
        new = self.current_filter()
        if new == self._filter:
            return
        self._filter = new
        self.model.set_source(InspectionSource(self.services, new))

    def clear_filters(self) -> None:
        self._enterprise_id = None
        for w in (self.search_edit, self.jurisdiction_combo, self.kind_combo, self.from_edit, self.to_edit):
            w.blockSignals(True)
        try:
            self.search_edit.clear()
            self.jurisdiction_combo.setCurrentIndex(0)
            self.kind_combo.setCurrentIndex(0)
            self.from_edit.clear()
            self.to_edit.clear()
        finally:
            for w in (
                self.search_edit,
                self.jurisdiction_combo,
                self.kind_combo,
                self.from_edit,
                self.to_edit,
            ):
                w.blockSignals(False)
        forget(self.settings, SETTINGS_PAGE, REMEMBERED)
        self.apply_filter()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def show_enterprise(self, enterprise_id: int | None, name: str = "") -> None:
        """Only one enterprise's visits (from its 一企一档); None shows all again."""
        self._enterprise_id = enterprise_id
        self.search_edit.blockSignals(True)
        self.search_edit.setText(name if enterprise_id is not None else "")
        self.search_edit.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """Reload from the database (after a visit was recorded, F5)."""
        self._load_jurisdictions()
        self._filter = self.current_filter()
        self.model.set_source(InspectionSource(self.services, self._filter))

    def _update_count(self, total: int) -> None:
        if self._filter == InspectionFilter():
            self.count_label.setText(self.tr("共 {n} 次检查").format(n=total))
        else:
            self.count_label.setText(self.tr("共 {n} 次检查（已筛选）").format(n=total))

    # -- selection and actions --------------------------------------------------------------------
    def selected_row(self) -> InspectionRow | None:
        return selected_item(self.table, self.model, InspectionRow)

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_id(self, inspection_id: int) -> bool:
        """Select a visit if it is among the first rows of the current list."""
        return select_item_id(self.table, self.model, inspection_id)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        has = row is not None
        self.view_button.setEnabled(has)
        self.record_button.setEnabled(has)
        # An order needs hazards to list; a visit without any gets no 指令书.
        self.order_button.setEnabled(has and row is not None and row.hazard_count > 0)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            self.table.selectRow(index.row())
            menu.addAction(icon("inspection"), self.tr("查看"), self.open_selected)
            menu.addSeparator()
            menu.addAction(
                icon("print"),
                self.tr("打印检查记录"),
                lambda: self.print_selected(DocumentKind.INSPECTION_RECORD),
            )
            order = menu.addAction(
                icon("print"),
                self.tr("打印整改指令书"),
                lambda: self.print_selected(DocumentKind.RECTIFICATION_ORDER),
            )
            order.setEnabled(self.order_button.isEnabled())
            decision = menu.addAction(
                icon("print"),
                self.tr("打印现场处理措施决定书"),
                lambda: self.print_selected(DocumentKind.ONSITE_DECISION),
            )
            decision.setEnabled(self.order_button.isEnabled())
            menu.addAction(
                self.tr("检查记录另存为…"), lambda: self.save_selected_as(DocumentKind.INSPECTION_RECORD)
            )
            menu.addAction(
                self.tr("整改指令书另存为…"), lambda: self.save_selected_as(DocumentKind.RECTIFICATION_ORDER)
            )
            menu.addSeparator()
        menu.addAction(icon("add"), self.tr("登记检查"), self.new_visit_requested.emit)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def print_selected(self, kind: DocumentKind) -> None:
        inspection_id = self.selected_id()
        if inspection_id is None:
            return
        path = print_actions.print_document(
            self, self.services, self._actor(), kind, inspection_id, status=self._show_status
        )
        if path is not None:
            self._reload_keeping_selection(inspection_id)
            self.documents_changed.emit()

    def _reload_keeping_selection(self, inspection_id: int) -> None:
        """Show a new document number in the list without losing the user's place.

        Printing changes no visit's position, so the selected row number stays right even deep in
        a long list (where looking the id up again would mean reading many pages).
        """
        index = self.table.currentIndex()
        scroll = self.table.verticalScrollBar().value()
        selected = self.selected_id()
        self.model.refresh()
        if index.isValid() and selected == inspection_id:
            row = self.model.row_at(index.row())
            if row is not None and row.id == inspection_id:
                self.table.selectRow(index.row())
        self.table.verticalScrollBar().setValue(scroll)

    def save_selected_as(self, kind: DocumentKind) -> None:
        inspection_id = self.selected_id()
        if inspection_id is None:
            return
        path = print_actions.save_document_as(
            self, self.services, self._actor(), kind, inspection_id, status=self._show_status
        )
        if path is not None:
            self._reload_keeping_selection(inspection_id)
            self.documents_changed.emit()

    def open_selected(self) -> InspectionDetailDialog | None:
        inspection_id = self.selected_id()
        if inspection_id is None:
            return None
        return self.open_detail(inspection_id)

    def open_detail(self, inspection_id: int) -> InspectionDetailDialog | None:
        """The visit's detail dialog (non-blocking, so the user can look at a hazard beside it)."""
        dialog = InspectionDetailDialog(self.services, self._actor, inspection_id, parent=self)
        if not dialog.loaded:
            dialog.deleteLater()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.hazard_activated.connect(self.hazard_activated)
        dialog.documents_changed.connect(self.documents_changed)
        dialog.documents_changed.connect(lambda: self._reload_keeping_selection(inspection_id))
        dialog.finished.connect(lambda _r: setattr(self, "detail_dialog", None))
        self.detail_dialog = dialog
        dialog.show()
        return dialog

    def save_state(self) -> None:
        if self.settings is not None:
            self.settings.set_header_state("inspections", self.table.horizontalHeader().saveState())
