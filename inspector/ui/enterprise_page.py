"""企业台账: the searchable, filterable registry list with add / edit / 一企一档.

The list is a WindowedTableModel over EnterpriseService.count/page, so it stays fast however
many enterprises a district registers; search and filters become a new EnterpriseFilter and
one refresh, sorting is a server-side ORDER BY. The model's page reads are ``read_now`` (they
must answer before painting); everything else the page asks of the core is an op.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
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
from inspector.core.enterprises import LABELS, EnterpriseFilter, EnterpriseRow
from inspector.core.enums import CategoryKind, OperatingStatus
from inspector.ui.delegates import ChipDelegate
from inspector.ui.enterprise_dialog import EnterpriseDialog
from inspector.ui.enterprise_file import EnterpriseFileDialog
from inspector.ui.ops import Op, read_now
from inspector.ui.remembered import remember_choices
from inspector.ui.settings import Settings
from inspector.ui.style import icon, risk_background, risk_foreground, status_foreground
from inspector.ui.terms import term
from inspector.ui.widgets import fit_columns, list_view, refill_choices
from inspector.ui.windowed_model import (
    CENTER,
    Column,
    WindowedTableModel,
    enable_server_sort,
    select_item_id,
    selected_item,
)

SEARCH_DELAY_MS = 250

COLUMNS: tuple[Column, ...] = (
    Column("name", LABELS["name"], context="Term", tooltip=True),
    Column("credit_code", LABELS["credit_code"], context="Term"),
    Column("jurisdiction", LABELS["jurisdiction"], context="Term"),
    Column(
        "categories",
        LABELS["categories"],
        context="Term",
        sort_key=None,
        tooltip=True,
        formatter=lambda v: "、".join(term(c) for c in str(v or "").split("、") if c),
    ),
    Column("industry", LABELS["industry"], context="Term", tooltip=True),
    Column("principal", LABELS["principal"], context="Term"),
    Column("phone", LABELS["phone"], context="Term"),
    Column(
        "status",
        LABELS["status"],
        context="Term",
        vocabulary=True,
        alignment=CENTER,
        foreground=status_foreground,
    ),
    Column(
        "risk_grade",
        LABELS["risk_grade"],
        context="Term",
        vocabulary=True,
        alignment=CENTER,
        background=risk_background,
        foreground=risk_foreground,
    ),
)
SETTINGS_PAGE = "enterprises"  # Settings.page_value: the 属地, 类别 and 状态 last chosen

# Initial widths in pixels (the user's own widths are remembered in settings).
COLUMN_WIDTHS = {
    "name": 240,
    "credit_code": 168,
    "jurisdiction": 92,
    "categories": 150,
    "industry": 150,
    "principal": 80,
    "phone": 116,
    "status": 66,
    "risk_grade": 66,
}
# Share of spare (or missing) width each flexible column takes when fitting to the window.
FLEX_COLUMNS = {"name": 0.5, "categories": 0.25, "industry": 0.25}


class EnterpriseSource:
    """RowSource for the windowed model: the service's count/page under one filter."""

    def __init__(self, services: Services, filter_: EnterpriseFilter) -> None:
        self.services = services
        self.filter = filter_

    def count(self) -> int:
        return read_now(self.services, lambda s: s.enterprises.count(self.filter))

    def page(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[EnterpriseRow]:
        return read_now(
            self.services,
            lambda s: s.enterprises.page(self.filter, offset, limit, sort or "name", descending),
        )


class EnterprisePage(QWidget):
    """The registry page. ``changed`` fires after an enterprise was added or edited."""

    changed = Signal()
    # Re-emitted from the 一企一档 window; the main window opens the matching detail or page.
    inspection_activated = Signal(int)
    hazard_activated = Signal(int)
    new_visit_requested = Signal(int)  # enterprise id
    show_hazards_requested = Signal(int)  # enterprise id
    document_activated = Signal(int, str)  # document id and kind (from 一企一档)

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
        self.dialog: EnterpriseDialog | None = None
        self.file_dialog: EnterpriseFileDialog | None = None
        self._filter = EnterpriseFilter()
        self._build()
        self._load_jurisdictions()
        self.model.refresh()
        self._update_count(self.model.total())
        self._update_buttons()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        root.setSpacing(10)

        title_row = QHBoxLayout()
        title = QLabel(self.tr("企业台账"))
        title.setObjectName("PageTitle")
        title_row.addWidget(title)
        title_row.addSpacing(12)
        self.count_label = QLabel()
        self.count_label.setObjectName("CountLabel")
        title_row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        self.add_button = QPushButton(icon("add"), self.tr("新增"))
        self.add_button.setToolTip(self.tr("新增企业（Ctrl+N）"))
        self.edit_button = QPushButton(icon("edit"), self.tr("编辑"))
        self.edit_button.setToolTip(self.tr("编辑所选企业（Ctrl+E 或回车）"))
        self.file_button = QPushButton(icon("archive"), self.tr("企业档案"))
        self.file_button.setToolTip(self.tr("查看所选企业的一企一档"))
        for b in (self.add_button, self.edit_button, self.file_button):
            b.setMinimumWidth(88)
            title_row.addWidget(b)
        self.add_button.clicked.connect(self.new_enterprise)
        self.edit_button.clicked.connect(self.edit_selected)
        self.file_button.clicked.connect(self.open_file)
        root.addLayout(title_row)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("搜索企业名称、拼音首字母、统一社会信用代码或地址"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        filters.addWidget(self.search_edit, 3)
        self.jurisdiction_combo = self._filter_combo(term(LABELS["jurisdiction"]), [])
        self.category_combo = self._filter_combo(term(LABELS["categories"]), [k.value for k in CategoryKind])
        self.status_combo = self._filter_combo(term(LABELS["status"]), [s.value for s in OperatingStatus])
        for label, combo in (
            (term(LABELS["jurisdiction"]), self.jurisdiction_combo),
            (term(LABELS["categories"]), self.category_combo),
            (term(LABELS["status"]), self.status_combo),
        ):
            filters.addSpacing(6)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        root.addLayout(filters)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filter)

        self.model = WindowedTableModel(COLUMNS, EnterpriseSource(self.services, self._filter), parent=self)
        self.model.totalChanged.connect(self._update_count)
        self.table = list_view(self.model, "enterprise_table", COLUMNS, COLUMN_WIDTHS)
        hh = self.table.horizontalHeader()
        enable_server_sort(hh, self.model)
        self.table.setSortingEnabled(True)
        self._columns_fitted = False
        if self.settings is not None:
            state = self.settings.header_state("enterprises")
            if state is not None and hh.restoreState(state):
                self._columns_fitted = True  # the user's own widths win
        # Enter and double-click both "activate" a row (platform rules); one signal, one dialog.
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._chips = ChipDelegate(self.table)
        self.table.setItemDelegateForColumn(self.model.column_index("risk_grade"), self._chips)
        root.addWidget(self.table, 1)

        self.jurisdiction_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.category_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        remember_choices(
            self.settings,
            SETTINGS_PAGE,
            {
                "jurisdiction": self.jurisdiction_combo,
                "category": self.category_combo,
                "status": self.status_combo,
            },
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._columns_fitted:
            self._columns_fitted = True
            self.fit_columns()

    def fit_columns(self) -> None:
        """Spread the table's width over the columns: long texts get the spare room."""
        fit_columns(self.table, COLUMNS, COLUMN_WIDTHS, FLEX_COLUMNS, least=0.6)

    def _filter_combo(self, label: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"filter_{label}")
        combo.addItem(self.tr("全部"), None)
        for v in values:
            combo.addItem(term(v), v)
        # Narrow when the window is small (the popup always shows full names), wider when there is room.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _load_jurisdictions(self) -> None:
        """Refill 属地 from the values in use, keeping the current choice."""
        Op(self, self.services, lambda s: s.enterprises.jurisdictions(), title=self.tr("企业台账")).success(
            lambda values: refill_choices(self.jurisdiction_combo, values, self.tr("全部"))
        ).run()

    # -- filtering ------------------------------------------------------------------------------
    def current_filter(self) -> EnterpriseFilter:
        return EnterpriseFilter(
            text=self.search_edit.text().strip(),
            jurisdiction=self.jurisdiction_combo.currentData(),
            category=self.category_combo.currentData(),
            status=self.status_combo.currentData(),
        )

    def apply_filter(self) -> None:
        """Re-query with the search text and filters (called by the debounce timer)."""
        self._search_timer.stop()
        new = self.current_filter()
        if new == self._filter:
            return
        self._filter = new
        self.model.set_source(EnterpriseSource(self.services, new))

    def refresh(self) -> None:
        """Reload everything from the database (F5, or after an import)."""
        self._load_jurisdictions()
        self._filter = self.current_filter()
        self.model.set_source(EnterpriseSource(self.services, self._filter))

    def _update_count(self, total: int) -> None:
        if self._filter == EnterpriseFilter():
            self.count_label.setText(self.tr("共 {n} 家").format(n=total))
        else:
            self.count_label.setText(self.tr("共 {n} 家（已筛选）").format(n=total))

    # -- selection and actions --------------------------------------------------------------------
    def selected_row(self) -> EnterpriseRow | None:
        return selected_item(self.table, self.model, EnterpriseRow)

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_id(self, enterprise_id: int) -> bool:
        """Select an enterprise if it is among the first rows of the current list."""
        return select_item_id(self.table, self.model, enterprise_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            self.table.selectRow(index.row())
            menu.addAction(icon("edit"), self.tr("编辑"), self.edit_selected)
            menu.addAction(icon("archive"), self.tr("企业档案"), self.open_file)
            menu.addSeparator()
        menu.addAction(icon("add"), self.tr("新增企业"), self.new_enterprise)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.file_button.setEnabled(has)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_enterprise(self) -> EnterpriseDialog | None:
        return self._open_dialog(None)

    def edit_selected(self) -> EnterpriseDialog | None:
        eid = self.selected_id()
        if eid is None:
            return None
        return self._open_dialog(eid)

    def _open_dialog(
        self, enterprise_id: int | None, parent: QWidget | None = None
    ) -> EnterpriseDialog | None:
        # Window-modal and non-blocking (open(), not exec()): the main loop keeps running.
        dialog = EnterpriseDialog(self.services, self._actor(), enterprise_id, parent=parent or self)
        if not dialog.loaded:  # could not be read: already said why
            dialog.deleteLater()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._after_save)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_save(self, enterprise_id: int) -> None:
        self.refresh()
        self.select_id(enterprise_id)
        self.changed.emit()

    def open_file(self) -> EnterpriseFileDialog | None:
        eid = self.selected_id()
        if eid is None:
            return None
        dialog = EnterpriseFileDialog(self.services, eid, parent=self)
        if not dialog.loaded:  # could not be read: already said why
            dialog.deleteLater()
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.edit_requested.connect(self._edit_from_file)
        dialog.inspection_activated.connect(self.inspection_activated)
        dialog.hazard_activated.connect(self.hazard_activated)
        dialog.new_visit_requested.connect(self.new_visit_requested)
        dialog.show_hazards_requested.connect(self.show_hazards_requested)
        dialog.document_activated.connect(self.document_activated)
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.show()
        return dialog

    def _edit_from_file(self, enterprise_id: int) -> None:
        file_dialog = self.file_dialog
        dialog = self._open_dialog(enterprise_id, parent=file_dialog)
        if dialog is not None and file_dialog is not None:
            dialog.saved.connect(lambda _id: file_dialog.reload())

    def save_state(self) -> None:
        if self.settings is not None:
            self.settings.set_header_state("enterprises", self.table.horizontalHeader().saveState())
