"""月度台账: pick a month (and optionally 属地 / 监管类别), see its counts, export the Excel ledger.

The preview is the very summary the workbook's 汇总 sheet prints (``core.ledger.month_summary``),
under the workbook's own column labels, judged on the same day (the month end, or today while the
month runs) and with the office's 整改率 reading named; it is computed on a pool thread so the page
never freezes on a million hazards; a newer choice cancels the older computation. Exports go through ``run_in_background`` with progress and
取消 (a cancelled export writes nothing: the workbook is saved beside the target and renamed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.enums import CategoryKind
from inspector.core.errors import DomainError
from inspector.core.ledger import Counts, LedgerFilter, LedgerSummary
from inspector.core.office import RATE_FORMULA_LABELS
from inspector.reports.ledger import (
    DEFAULT_PAPER,
    PAPER_LABELS,
    PAPERS,
    SUMMARY_COLUMNS,
    LedgerExport,
    export_month,
    ledger_title,
    rate_note,
    scope_text,
)
from inspector.reports.lists import export_enterprises
from inspector.ui import print_actions
from inspector.ui.background import Progress, export_result, report_bug, run_in_background
from inspector.ui.ledger_preview import CARD_STYLE, SummaryCard, SummaryJob
from inspector.ui.settings import Settings
from inspector.ui.statistics_page import header_text
from inspector.ui.style import ERROR_COLOUR, MUTED_COLOUR, icon
from inspector.ui.widgets import refill_choices, user_documents_folder

FOLDER_PURPOSE = "ledger"
# Before the 10th the inspector is usually still reporting last month's ledger.
REPORTING_DAYS = 10


def _t(text: str) -> str:
    return QCoreApplication.translate("LedgerPage", text)


def default_month(today: date) -> tuple[int, int]:
    """Last month during the first days of a month (reporting time), else this month."""
    if today.day <= REPORTING_DAYS:
        return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return today.year, today.month


def ledger_file_name(f: LedgerFilter) -> str:
    scope = "_".join(x for x in (f.jurisdiction, f.category) if x)
    name = f"月度隐患排查治理台账_{f.year}-{f.month:02d}" + (f"_{scope}" if scope else "")
    return print_actions.safe_file_name(name) + ".xlsx"


def _rate(summary: LedgerSummary, c: Counts) -> str:
    rate = summary.rate(c)
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _funds(c: Counts) -> str:
    return f"{c.funds:,.2f}"


# The workbook's 汇总 columns, in its words (one label, one meaning: core.ledger_summary).
BREAKDOWN_HEADERS = [*(col.header for col, _ in SUMMARY_COLUMNS), "整改率", "整改资金（元）"]


def _breakdown_values(summary: LedgerSummary, c: Counts) -> list[str]:
    return [*(str(get(c)) for _, get in SUMMARY_COLUMNS), _rate(summary, c), _funds(c)]


# Card key → the Counts attribute it shows (the caption is the 汇总 column of the same name).
CARD_FIELDS = (
    "total",
    "new",
    "new_major",
    "carried",
    "closed",
    "open",
    "overdue_rectification",
    "overdue_review",
    "major_open",
)


class LedgerPage(QWidget):
    """The 月度台账 page. ``exported(path)`` fires after a ledger or list file was written."""

    exported = Signal(str)
    summary_ready = Signal()  # for tests and status: the preview shows the current choice

    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.settings = settings
        self._today = today
        self._generation = 0
        self._job: SummaryJob | None = None
        self.summary: LedgerSummary | None = None
        self.summary_filter: LedgerFilter | None = None
        self.last_export: Path | None = None
        self._started = False
        self._build()
        self._load_jurisdictions()
        self.destroyed.connect(lambda *_: self._cancel_job())

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(CARD_STYLE)
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 10)
        root.setSpacing(10)

        title_row = QHBoxLayout()
        title = QLabel(_t("月度台账"))
        title.setObjectName("PageTitle")
        title_row.addWidget(title)
        title_row.addSpacing(12)
        subtitle = QLabel(_t("月度隐患排查治理台账：当月发现及当月仍未销号的隐患"))
        subtitle.setObjectName("CountLabel")
        title_row.addWidget(subtitle, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        self.export_button = QPushButton(icon("export"), _t("导出台账…"))
        self.export_button.setToolTip(_t("把所选月份的台账导出为 Excel 工作簿（台账 + 汇总两张表）"))
        self.export_button.setDefault(True)
        self.enterprise_button = QPushButton(icon("enterprise"), _t("导出企业台账…"))
        self.enterprise_button.setToolTip(_t("把全部登记企业导出为 Excel 表"))
        for b in (self.export_button, self.enterprise_button):
            b.setMinimumWidth(110)
            title_row.addWidget(b)
        self.export_button.clicked.connect(self.export_ledger)
        self.enterprise_button.clicked.connect(self.export_enterprise_list)
        root.addLayout(title_row)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        year, month = default_month(self._today())
        filters.addWidget(QLabel(_t("月份")))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setSuffix(_t(" 年"))
        self.year_spin.setMinimumWidth(90)
        filters.addWidget(self.year_spin)
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("month_combo")
        for m in range(1, 13):
            self.month_combo.addItem(_t("{m} 月").format(m=m), m)
        self.month_combo.setCurrentIndex(month - 1)
        filters.addWidget(self.month_combo)
        self.jurisdiction_combo = self._combo("filter_jurisdiction", [])
        self.category_combo = self._combo("filter_category", [c.value for c in CategoryKind])
        for label, combo in ((_t("属地"), self.jurisdiction_combo), (_t("监管类别"), self.category_combo)):
            filters.addSpacing(10)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(QLabel(_t("打印版式")))
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("paper_combo")
        for paper in PAPERS:
            self.paper_combo.addItem(_t(PAPER_LABELS[paper]), paper)
        self.paper_combo.setCurrentIndex(PAPERS.index(DEFAULT_PAPER))
        self.paper_combo.setToolTip(
            _t("24列在A4纸上字号过小；A3横向打印全部列，A4横向隐藏8个次要列（在Excel中取消隐藏即可查看）")
        )
        filters.addWidget(self.paper_combo)
        root.addLayout(filters)

        self.heading_label = QLabel()
        self.heading_label.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f2d3d;")
        root.addWidget(self.heading_label)
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.scope_label.setWordWrap(True)
        root.addWidget(self.scope_label)

        cards = QGridLayout()
        cards.setHorizontalSpacing(10)
        cards.setVerticalSpacing(10)
        red = ERROR_COLOUR
        self.cards: dict[str, SummaryCard] = {
            "total": SummaryCard(_t("隐患总数"), _t("台账行数：本月新发现 + 往月结转")),
            "new": SummaryCard(_t("本月新发现")),
            "new_major": SummaryCard(_t("其中重大隐患"), _t("本月新发现的重大隐患，不论是否已销号")),
            "carried": SummaryCard(_t("往月结转"), _t("以前发现、本月初仍未销号的隐患")),
            "closed": SummaryCard(_t("已销号"), _t("本月内销号的隐患，不论何时发现"), "#2b8a3e"),
            "open": SummaryCard(_t("未销号"), _t("截至统计日仍未销号"), "#e67700"),
            "overdue_rectification": SummaryCard(
                _t("逾期未整改"), _t("企业未在整改时限内报告整改完成；时限未到的不计"), red
            ),
            "overdue_review": SummaryCard(
                _t("逾期未复查"), _t("企业已按时报告整改完成，机关超过复查期限仍未复查"), red
            ),
            "major_open": SummaryCard(_t("未销号重大隐患"), _t("截至统计日仍未销号的重大隐患"), red),
            "rate": SummaryCard(_t("整改率")),
        }
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, i // 5, i % 5)
        root.addLayout(cards)
        self.rate_label = QLabel()
        self.rate_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.rate_label.setWordWrap(True)
        root.addWidget(self.rate_label)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.jurisdiction_table = self._breakdown_table(_t("属地"), "by_jurisdiction")
        self.category_table = self._breakdown_table(_t("监管类别"), "by_category")
        self.level_table = self._breakdown_table(_t("隐患等级"), "by_level")
        self.tabs.addTab(self.jurisdiction_table, _t("按属地"))
        self.tabs.addTab(self.category_table, _t("按监管类别"))
        self.tabs.addTab(self.level_table, _t("按隐患等级"))
        root.addWidget(self.tabs, 1)

        status_row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("CountLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_row.addWidget(self.status_label, 1)
        self.open_button = QPushButton(_t("打开文件"))
        self.open_button.setToolTip(_t("用 Excel 或 WPS 打开刚导出的文件"))
        self.open_button.clicked.connect(self.open_last_export)
        self.open_button.hide()
        status_row.addWidget(self.open_button)
        root.addLayout(status_row)

        self.year_spin.valueChanged.connect(lambda _v: self.update_preview())
        self.month_combo.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.jurisdiction_combo.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.category_combo.currentIndexChanged.connect(lambda _i: self.update_preview())

    def _combo(self, name: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(_t("全部"), None)
        for v in values:
            combo.addItem(v, v)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _breakdown_table(self, first: str, name: str) -> QTableWidget:
        table = QTableWidget(0, len(BREAKDOWN_HEADERS) + 1)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([first, *(header_text(_t(h)) for h in BREAKDOWN_HEADERS)])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(28)
        hh = table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        hh.resizeSection(0, 150)
        return table

    def _load_jurisdictions(self) -> None:
        """Refill 属地 from the values in use, keeping the current choice."""
        refill_choices(self.jurisdiction_combo, self.services.enterprises.jurisdictions(), _t("全部"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:  # the first look computes; later ones keep what is shown
            self._started = True
            self.update_preview()

    # -- the choice ---------------------------------------------------------------------------------
    def current_filter(self) -> LedgerFilter:
        return LedgerFilter.parse(
            f"{self.year_spin.value()}-{self.month_combo.currentData()}",
            self.jurisdiction_combo.currentData(),
            self.category_combo.currentData(),
        )

    def set_month(self, year: int, month: int) -> None:
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(year)
        self.year_spin.blockSignals(False)
        self.month_combo.setCurrentIndex(month - 1)
        self.update_preview()

    def refresh(self) -> None:
        """Reload the 属地 list and recompute the preview (after imports, new visits …)."""
        self._load_jurisdictions()
        self.update_preview()

    # -- preview ------------------------------------------------------------------------------------
    def _region(self) -> str:
        try:
            return self.services.office.get().region
        except DomainError:
            return ""

    def update_preview(self) -> None:
        """Start computing the summary of the current choice; any older computation is dropped."""
        self._started = True
        f = self.current_filter()
        self.heading_label.setText(ledger_title(self._region(), f))
        self.scope_label.setText(
            _t("统计期间 {start} 至 {end}；属地：{j}；监管类别：{c}；整改状态与是否逾期{as_of}统计").format(
                start=f"{f.first_day:%Y-%m-%d}",
                end=f"{f.last_day:%Y-%m-%d}",
                j=f.jurisdiction or _t("全部"),
                c=f.category or _t("全部"),
                as_of=_t("截至 {day}").format(day=f"{f.as_of(self._today()):%Y-%m-%d}"),
            )
        )
        self._cancel_job()
        self._generation += 1
        for card in self.cards.values():
            card.set_value("…")
        self.status_label.setText(_t("正在统计{label}台账……").format(label=f.label))
        job = SummaryJob(self.services, f, self._generation, self._today())
        job.signals.finished.connect(self._on_summary)
        job.signals.failed.connect(self._on_summary_failed)
        self._job = job
        SummaryJob.running.add(job)
        QThreadPool.globalInstance().start(job)

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel.set()
            self._job = None

    def _on_summary(self, generation: int, summary: LedgerSummary) -> None:
        if generation != self._generation:
            return  # an older choice finished late
        self._job = None
        self.show_summary(self.current_filter(), summary)
        self.status_label.setText(
            _t("{label}台账共 {n} 条隐患。").format(label=self.current_filter().label, n=summary.total.total)
        )
        self.summary_ready.emit()

    def _on_summary_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._job = None
        for card in self.cards.values():
            card.set_value("—")
        if isinstance(error, DomainError):
            self.status_label.setText(error.message)
        else:
            self.status_label.setText(_t("统计失败，请重试。"))
            report_bug(error)

    def show_summary(self, f: LedgerFilter, summary: LedgerSummary) -> None:
        self.summary = summary
        self.summary_filter = f
        t = summary.total
        for key in CARD_FIELDS:
            self.cards[key].set_value(str(getattr(t, key)))
        self.cards["rate"].set_value(_rate(summary, t))
        formula = summary.basis.formula
        self.cards["rate"].setToolTip(_t(RATE_FORMULA_LABELS[formula]))
        self.rate_label.setText(
            _t("整改率口径（机关设置）：{label}。{note}").format(
                label=_t(RATE_FORMULA_LABELS[formula]), note=rate_note(formula)
            )
        )
        self.scope_label.setText(scope_text(f, summary.basis))
        self._fill(self.jurisdiction_table, summary, summary.jurisdictions(), t)
        self._fill(self.category_table, summary, summary.categories(), None)  # may count twice
        self._fill(self.level_table, summary, summary.levels(), t)

    @staticmethod
    def _fill(
        table: QTableWidget, summary: LedgerSummary, rows: list[tuple[str, Counts]], total: Counts | None
    ) -> None:
        lines: list[tuple[str, Counts, bool]] = [(name, c, False) for name, c in rows]
        if total is not None and rows:
            lines.append((_t("合计"), total, True))
        table.setRowCount(len(lines))
        for r, (name, c, bold) in enumerate(lines):
            for col, text in enumerate([name, *_breakdown_values(summary, c)]):
                item = QTableWidgetItem(text)
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                    if col == 0
                    else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                if bold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, col, item)

    # -- exports ------------------------------------------------------------------------------------
    def _last_folder(self) -> Path:
        remembered = self.settings.last_folder(FOLDER_PURPOSE) if self.settings is not None else None
        if remembered is not None:
            return remembered
        return user_documents_folder()

    def _remember_folder(self, folder: Path) -> None:
        if self.settings is not None:
            self.settings.set_last_folder(FOLDER_PURPOSE, folder)
            self.settings.sync()

    def _ask_file(self, title: str, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(self._last_folder() / name), _t("Excel 工作簿 (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._remember_folder(path.parent)
        return path

    def _run_export(self, title: str, fn: Callable[[Progress], Any]) -> Any | None:
        """Run an export with progress and 取消; None when cancelled or refused (the user was told)."""

        def label(done: int, total: int) -> str:
            if total <= 0:
                return _t("正在准备……")
            return _t("正在写入第 {done} / {total} 条……").format(done=done, total=total)

        outcome = run_in_background(self, title, label, fn)
        if outcome.cancelled:
            self.status_label.setText(_t("已取消导出，未写入文件。"))
            self.open_button.hide()
            return None
        return export_result(self, title, outcome)

    def export_ledger(self) -> Path | None:
        """导出台账…: ask for the file, write it off the GUI thread, offer to open it."""
        f = self.current_filter()
        path = self._ask_file(_t("导出月度台账"), ledger_file_name(f))
        if path is None:
            return None
        paper = self.paper_combo.currentData()
        actor = self._actor()
        filled_by = actor.name if actor.id is not None else ""  # 系统: left blank to write by hand
        today = self._today()
        result: LedgerExport | None = self._run_export(
            _t("导出{label}台账").format(label=f.label),
            lambda progress: export_month(
                self.services.ledger.export_data(f, today=today),
                path,
                progress,
                filled_by=filled_by,
                paper=paper,
            ),
        )
        if result is None:
            return None
        if f == self.current_filter():
            self._cancel_job()
            self._generation += 1  # the export's own summary is the freshest
            self.show_summary(f, result.summary)
        self._done(
            path,
            _t("已导出{label}台账，共 {n} 条隐患：{path}").format(label=f.label, n=result.rows, path=path),
        )
        return path

    def export_enterprise_list(self) -> Path | None:
        """导出企业台账…: every registered enterprise, as the enterprise page lists them."""
        name = f"企业台账_{self._today():%Y-%m-%d}.xlsx"
        path = self._ask_file(_t("导出企业台账"), name)
        if path is None:
            return None
        rows = self._run_export(
            _t("导出企业台账"),
            lambda progress: export_enterprises(self.services, EnterpriseFilter(), path, progress=progress),
        )
        if rows is None:
            return None
        self._done(path, _t("已导出企业台账，共 {n} 家企业：{path}").format(n=rows, path=path))
        return path

    def _done(self, path: Path, message: str) -> None:
        self.last_export = path
        self.status_label.setText(message)
        self.open_button.show()
        print_actions.show_status(self, message)
        self.exported.emit(str(path))
        box = QMessageBox(QMessageBox.Icon.Information, _t("导出完成"), message, parent=self)
        open_button = box.addButton(_t("打开文件"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_t("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_last_export()

    def open_last_export(self) -> None:
        if self.last_export is not None and not print_actions.open_file(self.last_export):
            QMessageBox.information(
                self,
                _t("打开文件"),
                _t("未能自动打开，请在文件夹中找到：{path}").format(path=self.last_export),
            )
