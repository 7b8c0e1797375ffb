"""检查计划 page: the year's 监督检查计划 with each item's progress, and the year's 专项行动.

Three tabs: 年度计划 shows one plan of the chosen year — its items with 目标家数, 已完成 and 完成率
(a bar), and per 属地 the progress of the selected item; 专项行动 lists the campaigns running in
the year with their coverage (已检查/总数, 未检查, 逾期未检查 in the warning colour) above the
coverage of the selected one (``CampaignView``, with 登记检查 and 起草方案 for a missing
enterprise); 双随机抽查 is the draw form (``DrawPanel``), whose drawn enterprises lead to a 方案 or
a visit. Every figure is counted in SQL by the core and
read with ``Op.start`` (the page never freezes, input is never held); plans are few and items at
most 100, so their tables are plain models; the enterprise lists are windowed. Creating,
editing and deleting go through ``Op``: the core refuses a 检查员 once a 科室负责人 is registered,
and the default message says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.campaigns import CampaignRow, Coverage
from inspector.core.context import Services
from inspector.core.enums import CoverageState
from inspector.core.plans import ItemProgress, PlanRow
from inspector.ui.campaign_dialog import CampaignDialog
from inspector.ui.campaign_view import CampaignView, preselect_checklist
from inspector.ui.draw_dialog import DrawPanel
from inspector.ui.ops import Op
from inspector.ui.plan_dialog import PlanDialog
from inspector.ui.plan_progress import (
    COL_RATE,
    RATE_ROLE,
    ItemProgressModel,
    ProgressDelegate,
    rate_text,
)
from inspector.ui.scheme_dialog import SchemeDialog, open_new_scheme
from inspector.ui.settings import Settings
from inspector.ui.style import (
    MUTED_TEXT,
    OVERDUE_COLOUR,
    PLAN_FACTS_STYLE,
    icon,
)

if TYPE_CHECKING:
    from inspector.ui.main_window import MainWindow

CAMPAIGN_HEADERS = (
    QT_TRANSLATE_NOOP("PlanPage", "专项行动"),
    QT_TRANSLATE_NOOP("PlanPage", "起止日期"),
    QT_TRANSLATE_NOOP("PlanPage", "剩余天数"),
    QT_TRANSLATE_NOOP("PlanPage", "已检查/总数"),
    QT_TRANSLATE_NOOP("PlanPage", "未检查"),
    QT_TRANSLATE_NOOP("PlanPage", "逾期未检查"),
)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


def _set(
    table: QTableWidget, row: int, col: int, text: str, colour: str | None = None, right: bool = False
) -> None:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour:
        item.setForeground(QBrush(QColor(colour)))
    table.setItem(row, col, item)


class PlanPage(QWidget):
    visit_requested = Signal(int, str)  # enterprise id, checklist code: the window opens 登记检查
    changed = Signal()  # a plan or campaign was saved or deleted

    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.settings = settings
        self._today = today or services.campaigns.clock
        self.plans: list[PlanRow] = []
        self.campaign_rows: list[tuple[CampaignRow, Coverage]] = []
        self.plan_dialog: PlanDialog | None = None
        self.campaign_dialog: CampaignDialog | None = None
        self.scheme_dialog: SchemeDialog | None = None
        self.loads = 0  # answers received (tests wait on it)
        self._build()
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 10)
        top = QHBoxLayout()
        title = QLabel(self.tr("检查计划"))
        title.setObjectName("PageTitle")
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("年度")))
        self.year = QSpinBox()
        self.year.setObjectName("plan_page_year")
        this_year = self._today().year
        self.year.setRange(this_year - 5, this_year + 5)
        self.year.setValue(this_year)
        self.year.setSuffix(self.tr(" 年"))
        self.year.valueChanged.connect(lambda _y: self.refresh())
        top.addWidget(self.year)
        top.addStretch(1)
        root.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("plan_tabs")
        self.tabs.addTab(self._plan_tab(), icon("ledger"), self.tr("年度计划"))
        self.tabs.addTab(self._campaign_tab(), icon("inspection"), self.tr("专项行动"))
        self.draws = DrawPanel(self.services, self._actor)
        self.draws.setObjectName("plan_draws")
        self.draws.visit_requested.connect(lambda eid: self.visit_requested.emit(eid, ""))
        self.draws.scheme_requested.connect(self._scheme_for_entry)
        self.tabs.addTab(self.draws, icon("draw"), self.tr("双随机抽查"))
        root.addWidget(self.tabs, 1)

    def _plan_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("计划")))
        self.plan_choice = QComboBox()
        self.plan_choice.setObjectName("plan_choice")
        self.plan_choice.setMinimumWidth(320)
        self.plan_choice.currentIndexChanged.connect(lambda _i: self._load_progress())
        bar.addWidget(self.plan_choice)
        self.new_plan_button = QPushButton(icon("add"), self.tr("制定计划"))
        self.new_plan_button.setObjectName("new_plan")
        self.new_plan_button.clicked.connect(self.new_plan)
        self.edit_plan_button = QPushButton(icon("edit"), self.tr("修改"))
        self.edit_plan_button.setObjectName("edit_plan")
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.delete_plan_button = QPushButton(icon("photo_remove"), self.tr("删除"))
        self.delete_plan_button.setObjectName("delete_plan")
        self.delete_plan_button.clicked.connect(self.delete_plan)
        for b in (self.new_plan_button, self.edit_plan_button, self.delete_plan_button):
            bar.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.plan_facts = QLabel()
        self.plan_facts.setObjectName("plan_facts")
        self.plan_facts.setStyleSheet(PLAN_FACTS_STYLE)
        self.plan_facts.setWordWrap(True)
        lay.addWidget(self.plan_facts)

        split = QSplitter(Qt.Orientation.Vertical)
        self.item_model = ItemProgressModel(self)
        self.items = QTableView()
        self.items.setObjectName("plan_items")
        self.items.setModel(self.item_model)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setAlternatingRowColors(True)
        self.items.setWordWrap(False)
        self.items.verticalHeader().hide()
        self.items.verticalHeader().setDefaultSectionSize(30)
        self.items.setItemDelegateForColumn(COL_RATE, ProgressDelegate(self.items))
        header = self.items.horizontalHeader()
        header.setHighlightSections(False)
        for col, width in enumerate((44, 200, 84, 240, 130, 110, 120, 70, 60, 110)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.items.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_places(cur.row()))
        self.items.doubleClicked.connect(lambda _i: self.edit_plan())
        split.addWidget(self.items)

        places = QWidget()
        places_lay = QVBoxLayout(places)
        places_lay.setContentsMargins(0, 4, 0, 0)
        self.places_title = QLabel()
        self.places_title.setStyleSheet(MUTED_TEXT)
        places_lay.addWidget(self.places_title)
        self.places = _table(
            "plan_places", [self.tr("属地"), self.tr("目标家数"), self.tr("已完成"), self.tr("完成率")]
        )
        head = self.places.horizontalHeader()
        for col, width in enumerate((200, 90, 90)):
            head.resizeSection(col, width)
        head.setStretchLastSection(True)
        self.places.setItemDelegateForColumn(3, ProgressDelegate(self.places))
        places_lay.addWidget(self.places)
        split.addWidget(places)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        return tab

    def _campaign_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.new_campaign_button = QPushButton(icon("add"), self.tr("部署专项行动"))
        self.new_campaign_button.setObjectName("new_campaign")
        self.new_campaign_button.clicked.connect(self.new_campaign)
        self.edit_campaign_button = QPushButton(icon("edit"), self.tr("修改"))
        self.edit_campaign_button.setObjectName("edit_campaign")
        self.edit_campaign_button.clicked.connect(self.edit_campaign)
        bar.addWidget(self.new_campaign_button)
        bar.addWidget(self.edit_campaign_button)
        self.campaign_hint = QLabel()
        self.campaign_hint.setStyleSheet(MUTED_TEXT)
        bar.addWidget(self.campaign_hint, 1)
        lay.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.campaigns = _table("campaign_list", [self.tr(str(h)) for h in CAMPAIGN_HEADERS])
        head = self.campaigns.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.campaigns.currentCellChanged.connect(lambda row, *_a: self._show_campaign(row))
        self.campaigns.cellDoubleClicked.connect(lambda *_a: self.edit_campaign())
        split.addWidget(self.campaigns)
        self.coverage = CampaignView(self.services)
        self.coverage.setObjectName("campaign_view")
        self.coverage.visit_requested.connect(self.visit_requested)
        self.coverage.scheme_requested.connect(self._scheme_for_campaign)
        split.addWidget(self.coverage)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([150, 450])
        lay.addWidget(split, 1)
        return tab

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        year = self.year.value()
        Op(self, self.services, lambda s: s.plans.plans(year), title=self.tr("检查计划")).success(
            self._fill_plans
        ).start()
        self._load_campaigns()

    def _fill_plans(self, plans: list[PlanRow]) -> None:
        self.plans = plans
        with QSignalBlocker(self.plan_choice):
            current = self.plan_choice.currentData()
            self.plan_choice.clear()
            for p in plans:
                self.plan_choice.addItem(p.title, p.id)
            if not plans:
                self.plan_choice.addItem(self.tr("（本年度尚未制定检查计划）"), None)
            i = self.plan_choice.findData(current)
            self.plan_choice.setCurrentIndex(max(i, 0))
        has = bool(plans)
        self.edit_plan_button.setEnabled(has)
        self.delete_plan_button.setEnabled(has)
        self._load_progress()

    def current_plan(self) -> PlanRow | None:
        pid = self.plan_choice.currentData()
        return next((p for p in self.plans if p.id == pid), None)

    def _load_progress(self) -> None:
        plan = self.current_plan()
        if plan is None:
            self._show_progress(None, [])
            return
        today = self._today()
        as_of = min(today, date(plan.year, 12, 31))
        Op(
            self, self.services, lambda s: s.plans.progress(plan.id, as_of), title=self.tr("检查计划")
        ).success(lambda items: self._show_progress(plan, items, as_of)).start()

    def _show_progress(
        self, plan: PlanRow | None, items: list[ItemProgress], as_of: date | None = None
    ) -> None:
        row = max(self.items.currentIndex().row(), 0)
        self.item_model.set_items(items)
        if plan is None:
            self.plan_facts.setText(self.tr("本年度尚未制定检查计划。科室负责人可点击“制定计划”。"))
        else:
            self.plan_facts.setText(
                self.tr("{title}　编制单位：{unit}　事项 {n} 项　进度截至 {day}").format(
                    title=plan.title,
                    unit=plan.unit or "—",
                    n=len(items),
                    day=as_of.isoformat() if as_of else "",
                )
            )
        if items:
            self.items.selectRow(min(row, len(items) - 1))
        self._show_places(self.items.currentIndex().row())
        self.loads += 1

    def _show_places(self, row: int) -> None:
        items = self.item_model.items
        p = items[row] if 0 <= row < len(items) else None
        rows = list(p.by_jurisdiction) if p else []
        self.places_title.setText(
            self.tr("各属地进度：{title}").format(title=p.title) if p else self.tr("各属地进度：请选择事项")
        )
        self.places.setRowCount(len(rows))
        for r, (place, targets, done) in enumerate(rows):
            _set(self.places, r, 0, place or self.tr("（未填属地）"))
            _set(self.places, r, 1, str(targets), right=True)
            _set(self.places, r, 2, str(done), right=True)
            rate = done / targets if targets else None
            _set(self.places, r, 3, rate_text(rate))
            cell = self.places.item(r, 3)
            if cell is not None:
                cell.setData(RATE_ROLE, rate)

    def _load_campaigns(self) -> None:
        year = self.year.value()

        def read(s: Services) -> list[tuple[CampaignRow, Coverage]]:
            rows = [c for c in s.campaigns.campaigns() if c.starts_on.year <= year <= c.deadline.year]
            return [(c, s.campaigns.coverage(c.id)) for c in rows]

        Op(self, self.services, read, title=self.tr("专项行动")).success(self._fill_campaigns).start()

    def _fill_campaigns(self, rows: list[tuple[CampaignRow, Coverage]]) -> None:
        current = self.coverage.campaign_id
        self.campaign_rows = rows
        with QSignalBlocker(self.campaigns):
            self.campaigns.setRowCount(len(rows))
            for r, (c, cov) in enumerate(rows):
                days = cov.days_left
                _set(self.campaigns, r, 0, c.title)
                _set(self.campaigns, r, 1, f"{c.starts_on.isoformat()} — {c.deadline.isoformat()}")
                days_text = (
                    self.tr("{n} 天").format(n=days)
                    if days >= 0
                    else self.tr("已截止 {n} 天").format(n=-days)
                )
                _set(self.campaigns, r, 2, days_text, OVERDUE_COLOUR if days < 0 else None, right=True)
                _set(self.campaigns, r, 3, f"{cov.covered}/{cov.total}", right=True)
                _set(self.campaigns, r, 4, str(cov.counts[CoverageState.PENDING]), right=True)
                overdue = cov.counts[CoverageState.OVERDUE]
                _set(self.campaigns, r, 5, str(overdue), OVERDUE_COLOUR if overdue else None, right=True)
        self.campaign_hint.setText(
            self.tr("{year}年共 {n} 项专项行动").format(year=self.year.value(), n=len(rows))
            if rows
            else self.tr("本年度尚无专项行动。")
        )
        self.edit_campaign_button.setEnabled(bool(rows))
        ids = [c.id for c, _ in rows]
        row = ids.index(current) if current in ids else (0 if rows else -1)
        with QSignalBlocker(self.campaigns):
            if row >= 0:
                self.campaigns.setCurrentCell(row, 0)
        self._show_campaign(row, force=True)
        self.loads += 1

    def _show_campaign(self, row: int, force: bool = False) -> None:
        if not 0 <= row < len(self.campaign_rows):
            self.coverage.show_campaign(None)
            return
        c = self.campaign_rows[row][0]
        if force or c.id != self.coverage.campaign_id:
            self.coverage.show_campaign(c.id, c.checklist_code)

    # -- acting ---------------------------------------------------------------------------------
    def new_plan(self) -> PlanDialog | None:
        return self._open_plan(None)

    def edit_plan(self) -> PlanDialog | None:
        plan = self.current_plan()
        return None if plan is None else self._open_plan(plan.id)

    def _open_plan(self, plan_id: int | None) -> PlanDialog | None:
        dialog = PlanDialog.load(self, self.services, self._actor, plan_id, self.year.value())
        if dialog is None:
            return None
        self.plan_dialog = dialog
        dialog.accepted.connect(lambda: self._plan_saved(dialog))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _plan_saved(self, dialog: PlanDialog) -> None:
        year = dialog.year.value()
        if year != self.year.value():
            self.year.setValue(year)  # refreshes
        else:
            self.refresh()
        pid = dialog.plan_id
        Op(self, self.services, lambda s: s.plans.plans(year)).success(
            lambda plans: self._select_plan(plans, pid)
        ).start()
        self.changed.emit()

    def _select_plan(self, plans: list[PlanRow], plan_id: int | None) -> None:
        self._fill_plans(plans)
        i = self.plan_choice.findData(plan_id)
        if i >= 0:
            self.plan_choice.setCurrentIndex(i)

    def delete_plan(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除检查计划"),
            self.tr("删除检查计划“{title}”及其全部事项？").format(title=plan.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self._actor()
        outcome = Op(
            self, self.services, lambda s: s.plans.delete(actor, plan.id), title=self.tr("删除检查计划")
        ).run()
        if outcome.ok:
            self.refresh()
            self.changed.emit()

    def current_campaign(self) -> CampaignRow | None:
        row = self.campaigns.currentRow()
        return self.campaign_rows[row][0] if 0 <= row < len(self.campaign_rows) else None

    def new_campaign(self) -> CampaignDialog | None:
        return self._open_campaign(None)

    def edit_campaign(self) -> CampaignDialog | None:
        c = self.current_campaign()
        return None if c is None else self._open_campaign(c.id)

    def _open_campaign(self, campaign_id: int | None) -> CampaignDialog | None:
        dialog = CampaignDialog.load(self, self.services, self._actor, campaign_id, self._today())
        if dialog is None:
            return None
        self.campaign_dialog = dialog
        dialog.accepted.connect(lambda: self._campaign_saved(dialog))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _scheme_for_campaign(self, enterprise_id: int) -> None:
        cid = self.coverage.campaign_id
        self.scheme_dialog = open_new_scheme(
            self, self.services, self._actor(), enterprise_id, campaign_id=cid
        )

    def _scheme_for_entry(self, enterprise_id: int, entry_id: int) -> None:
        result = self.draws.result
        item = result.plan_item_id if result is not None else None
        self.scheme_dialog = open_new_scheme(
            self, self.services, self._actor(), enterprise_id, plan_item_id=item, draw_entry_id=entry_id
        )

    def select_campaign(self, campaign_id: int) -> None:
        """Open the 专项行动 tab on one campaign (a reminder on the 工作台 was clicked)."""
        self.coverage.campaign_id = campaign_id  # selected when the list comes back
        self.tabs.setCurrentIndex(1)
        self._load_campaigns()

    def _campaign_saved(self, dialog: CampaignDialog) -> None:
        cid = dialog.campaign_id
        self.coverage.campaign_id = cid  # select the saved one when the list comes back
        self.tabs.setCurrentIndex(1)
        self._load_campaigns()
        self.changed.emit()


def attach(window: MainWindow) -> PlanPage:
    """The page as the main window holds it: 登记检查 through the window's visit form (which
    refreshes what is on screen once saved), saves announced as the window's data changes."""
    page = PlanPage(window.services, window.current_actor, window.settings)
    page.visit_requested.connect(lambda eid, code: preselect_checklist(window.new_visit(eid), code))
    page.changed.connect(lambda: window.data_changed("plans"))
    return page


def show_campaign(window: MainWindow, campaign_id: int) -> None:
    window.show_page("plans")
    window.plan_page.select_campaign(campaign_id)
