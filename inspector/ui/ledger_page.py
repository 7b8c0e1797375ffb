"""月度台账: pick a month (and optionally 属地 / 监管类别), see its counts, export the Excel ledger.

The preview is the very summary the workbook's 汇总 sheet prints (``core.ledger.month_summary``),
under the workbook's own column labels, judged on the same day (the month end, or today while the
month runs) and with the office's 整改率 reading named. It is an ``Op.start()`` on the database
worker, so the page never freezes on a million hazards; a newer choice stops the older computation
(its ``cancelled`` check answers True). Exports are ``LongOp``s with progress and 取消 (a cancelled
export writes nothing: the workbook is saved beside the target and renamed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
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
from inspector.core.ledger import Counts, LedgerFilter, LedgerSummary
from inspector.core.office import RATE_FORMULA_LABELS
from inspector.reports.ledger import (
    A4_HIDDEN_HEADERS,
    DEFAULT_PAPER,
    HEADERS,
    PAPERS,
    SUMMARY_COLUMNS,
    LedgerExport,
    export_month,
    ledger_title,
    scope_text,
)
from inspector.reports.lists import export_enterprises
from inspector.ui import print_actions
from inspector.ui.ledger_preview import CARD_STYLE, SummaryCard
from inspector.ui.ops import LongOp, Op, Outcome, Progress
from inspector.ui.remembered import remember_choices
from inspector.ui.settings import Settings
from inspector.ui.style import ERROR_COLOUR, MUTED_TEXT, OK_COLOUR, OPEN_COLOUR, SECTION_HEADING, icon
from inspector.ui.terms import month_text, rate_formula_text, term
from inspector.ui.widgets import header_text, mark_document_text, refill_choices, user_documents_folder

SETTINGS_PAGE = "ledger"  # Settings.page_value: the 属地, 监管类别 and 打印版式 last chosen
FOLDER_PURPOSE = "ledger"
# Before the 10th the inspector is usually still reporting last month's ledger.
REPORTING_DAYS = 10
T = TypeVar("T")


def paper_label(paper: str) -> str:
    """The print layout choice (reports.ledger lays the sheet out; the words are the screen's)."""
    if paper == "A3":
        return QCoreApplication.translate("LedgerPage", "A3 横向（全部{n}列）").format(n=len(HEADERS))
    hidden = len(A4_HIDDEN_HEADERS)
    return QCoreApplication.translate("LedgerPage", "A4 横向（{n}列，隐藏{hidden}列）").format(
        n=len(HEADERS) - hidden, hidden=hidden
    )


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
BREAKDOWN_HEADERS: list[str] = [
    *(col.header for col, _ in SUMMARY_COLUMNS),
    str(QT_TRANSLATE_NOOP("LedgerPage", "整改率")),  # str(): the stub types the no-op as object
    str(QT_TRANSLATE_NOOP("LedgerPage", "整改资金（元）")),
]


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


@dataclass(frozen=True)
class _Preview:
    """What one preview op reads: the 辖区 of the heading and the month's 汇总 figures."""

    region: str
    summary: LedgerSummary


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
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.settings = settings
        self._today = today or services.clock
        self._preview_stop = threading.Event()  # set: the preview in flight is no longer wanted
        self._region = ""  # the 辖区 of the heading, read with each preview
        self.summary: LedgerSummary | None = None
        self.summary_filter: LedgerFilter | None = None
        self.last_export: Path | None = None
        self._started = False
        self._build()
        self._load_jurisdictions()
        self.destroyed.connect(lambda *_: self._stop_preview())

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(CARD_STYLE)
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 10)
        root.setSpacing(10)

        title_row = QHBoxLayout()
        title = QLabel(self.tr("月度台账"))
        title.setObjectName("PageTitle")
        title_row.addWidget(title)
        title_row.addSpacing(12)
        subtitle = QLabel(self.tr("月度隐患排查治理台账：当月发现及当月仍未销号的隐患"))
        subtitle.setObjectName("CountLabel")
        title_row.addWidget(subtitle, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        self.export_button = QPushButton(icon("export"), self.tr("导出台账…"))
        self.export_button.setToolTip(self.tr("把所选月份的台账导出为 Excel 工作簿（台账 + 汇总两张表）"))
        self.export_button.setDefault(True)
        self.enterprise_button = QPushButton(icon("enterprise"), self.tr("导出企业台账…"))
        self.enterprise_button.setToolTip(self.tr("把全部登记企业导出为 Excel 表"))
        for b in (self.export_button, self.enterprise_button):
            b.setMinimumWidth(110)
            title_row.addWidget(b)
        self.export_button.clicked.connect(self.export_ledger)
        self.enterprise_button.clicked.connect(self.export_enterprise_list)
        root.addLayout(title_row)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        year, month = default_month(self._today())
        filters.addWidget(QLabel(self.tr("月份")))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setSuffix(self.tr(" 年"))
        self.year_spin.setMinimumWidth(90)
        filters.addWidget(self.year_spin)
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("month_combo")
        for m in range(1, 13):
            self.month_combo.addItem(self.tr("{m} 月").format(m=m), m)
        self.month_combo.setCurrentIndex(month - 1)
        filters.addWidget(self.month_combo)
        self.jurisdiction_combo = self._combo("filter_jurisdiction", [])
        self.category_combo = self._combo("filter_category", [c.value for c in CategoryKind])
        for label, combo in (
            (self.tr("属地"), self.jurisdiction_combo),
            (self.tr("监管类别"), self.category_combo),
        ):
            filters.addSpacing(10)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("打印版式")))
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("paper_combo")
        for paper in PAPERS:
            self.paper_combo.addItem(paper_label(paper), paper)
        self.paper_combo.setCurrentIndex(PAPERS.index(DEFAULT_PAPER))
        self.paper_combo.setToolTip(
            self.tr(
                "24列在A4纸上字号过小；A3横向打印全部列，A4横向隐藏8个次要列（在Excel中取消隐藏即可查看）"
            )
        )
        filters.addWidget(self.paper_combo)
        root.addLayout(filters)

        self.heading_label = QLabel()
        self.heading_label.setStyleSheet(SECTION_HEADING)
        mark_document_text(self.heading_label)
        root.addWidget(self.heading_label)
        self.scope_label = QLabel()
        mark_document_text(self.scope_label)
        self.scope_label.setStyleSheet(MUTED_TEXT)
        self.scope_label.setWordWrap(True)
        root.addWidget(self.scope_label)

        cards = QGridLayout()
        cards.setHorizontalSpacing(10)
        cards.setVerticalSpacing(10)
        red = ERROR_COLOUR
        self.cards: dict[str, SummaryCard] = {
            "total": SummaryCard(self.tr("隐患总数"), self.tr("台账行数：本月新发现 + 往月结转")),
            "new": SummaryCard(self.tr("本月新发现")),
            "new_major": SummaryCard(
                self.tr("其中重大隐患"), self.tr("本月新发现的重大隐患，不论是否已销号")
            ),
            "carried": SummaryCard(self.tr("往月结转"), self.tr("以前发现、本月初仍未销号的隐患")),
            "closed": SummaryCard(self.tr("已销号"), self.tr("本月内销号的隐患，不论何时发现"), OK_COLOUR),
            "open": SummaryCard(self.tr("未销号"), self.tr("截至统计日仍未销号"), OPEN_COLOUR),
            "overdue_rectification": SummaryCard(
                self.tr("逾期未整改"), self.tr("企业未在整改时限内报告整改完成；时限未到的不计"), red
            ),
            "overdue_review": SummaryCard(
                self.tr("逾期未复查"), self.tr("企业已按时报告整改完成，机关超过复查期限仍未复查"), red
            ),
            "major_open": SummaryCard(
                self.tr("未销号重大隐患"), self.tr("截至统计日仍未销号的重大隐患"), red
            ),
            "rate": SummaryCard(self.tr("整改率")),
        }
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, i // 5, i % 5)
        root.addLayout(cards)
        self.rate_label = QLabel()
        self.rate_label.setStyleSheet(MUTED_TEXT)
        self.rate_label.setWordWrap(True)
        root.addWidget(self.rate_label)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.jurisdiction_table = self._breakdown_table(self.tr("属地"), "by_jurisdiction")
        self.category_table = self._breakdown_table(self.tr("监管类别"), "by_category")
        self.level_table = self._breakdown_table(self.tr("隐患等级"), "by_level")
        self.tabs.addTab(self.jurisdiction_table, self.tr("按属地"))
        self.tabs.addTab(self.category_table, self.tr("按监管类别"))
        self.tabs.addTab(self.level_table, self.tr("按隐患等级"))
        root.addWidget(self.tabs, 1)

        status_row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("CountLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_row.addWidget(self.status_label, 1)
        self.open_button = QPushButton(self.tr("打开文件"))
        self.open_button.setToolTip(self.tr("用 Excel 或 WPS 打开刚导出的文件"))
        self.open_button.clicked.connect(self.open_last_export)
        self.open_button.hide()
        status_row.addWidget(self.open_button)
        root.addLayout(status_row)

        remember_choices(
            self.settings,
            SETTINGS_PAGE,
            {
                "jurisdiction": self.jurisdiction_combo,
                "category": self.category_combo,
                "paper": self.paper_combo,
            },
        )
        self.year_spin.valueChanged.connect(lambda _v: self.update_preview())
        self.month_combo.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.jurisdiction_combo.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.category_combo.currentIndexChanged.connect(lambda _i: self.update_preview())

    def _combo(self, name: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("全部"), None)
        for v in values:
            combo.addItem(term(v), v)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _breakdown_table(self, first: str, name: str) -> QTableWidget:
        table = QTableWidget(0, len(BREAKDOWN_HEADERS) + 1)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(
            [
                first,
                *(header_text(term(col.header)) for col, _ in SUMMARY_COLUMNS),
                *(header_text(QCoreApplication.translate("LedgerPage", h)) for h in BREAKDOWN_HEADERS[-2:]),
            ]
        )
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
        """Refill 属地 from the values in use, keeping the current choice (without recomputing)."""
        Op(self, self.services, lambda s: s.ledger.jurisdictions(), title=self.tr("月度台账")).success(
            lambda names: refill_choices(self.jurisdiction_combo, names, self.tr("全部"))
        ).start()

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
    def update_preview(self) -> None:
        """Start computing the summary of the current choice; any older computation is stopped."""
        self._started = True
        f = self.current_filter()
        today = self._today()
        self.heading_label.setText(ledger_title(self._region, f))
        self.scope_label.setText(
            self.tr(
                "统计期间 {start} 至 {end}；属地：{j}；监管类别：{c}；整改状态与是否逾期{as_of}统计"
            ).format(
                start=f"{f.first_day:%Y-%m-%d}",
                end=f"{f.last_day:%Y-%m-%d}",
                j=f.jurisdiction or self.tr("全部"),
                c=f.category or self.tr("全部"),
                as_of=self.tr("截至 {day}").format(day=f"{f.as_of(today):%Y-%m-%d}"),
            )
        )
        self._stop_preview()
        stop = self._preview_stop = threading.Event()
        for card in self.cards.values():
            card.set_value("…")
        self.status_label.setText(self.tr("正在统计{label}台账……").format(label=month_text(f.year, f.month)))
        Op(
            self,
            self.services,
            lambda s: _Preview(s.office.get().region, s.ledger.summary(f, stop.is_set, today=today)),
            title=self.tr("月度台账"),
        ).success(lambda preview: self._on_summary(stop, f, preview)).failure(
            lambda error: self._on_summary_failed(stop)
        ).start()

    def _stop_preview(self) -> None:
        self._preview_stop.set()

    def _on_summary(self, stop: threading.Event, f: LedgerFilter, preview: _Preview) -> None:
        if stop is not self._preview_stop:
            return  # an older choice finished late
        self._region = preview.region
        self.heading_label.setText(ledger_title(preview.region, f))
        self.show_summary(f, preview.summary)
        self.status_label.setText(
            self.tr("{label}台账共 {n} 条隐患。").format(
                label=month_text(f.year, f.month), n=preview.summary.total.total
            )
        )
        self.summary_ready.emit()

    def _on_summary_failed(self, stop: threading.Event) -> bool:
        """An older choice's stop is silent; the current one clears the cards, then ops says why."""
        if stop is not self._preview_stop:
            return True
        for card in self.cards.values():
            card.set_value("—")
        self.status_label.setText(self.tr("未能统计台账。"))
        return False

    def show_summary(self, f: LedgerFilter, summary: LedgerSummary) -> None:
        self.summary = summary
        self.summary_filter = f
        t = summary.total
        for key in CARD_FIELDS:
            self.cards[key].set_value(str(getattr(t, key)))
        self.cards["rate"].set_value(_rate(summary, t))
        formula = summary.basis.formula
        self.cards["rate"].setToolTip(term(RATE_FORMULA_LABELS[formula]))
        self.rate_label.setText(
            self.tr("整改率口径（机关设置）：{label}。{note}").format(
                label=term(RATE_FORMULA_LABELS[formula]), note=rate_formula_text(formula)
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
            lines.append((QCoreApplication.translate("LedgerPage", "合计"), total, True))
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
            self, title, str(self._last_folder() / name), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._remember_folder(path.parent)
        return path

    def _run_export(self, title: str, fn: Callable[[Services, Progress], T]) -> Outcome[T]:
        """An export with progress and 取消; a cancel is said here, anything else by ops."""

        def label(done: int, total: int) -> str:
            if total <= 0:
                return self.tr("正在准备……")
            return self.tr("正在写入第 {done} / {total} 条……").format(done=done, total=total)

        outcome = LongOp(self, self.services, fn, title=title, label=label).run()
        if outcome.cancelled:
            self.status_label.setText(self.tr("已取消导出，未写入文件。"))
            self.open_button.hide()
        return outcome

    def export_ledger(self) -> Path | None:
        """导出台账…: ask for the file, write it on the database worker, offer to open it."""
        f = self.current_filter()
        path = self._ask_file(self.tr("导出月度台账"), ledger_file_name(f))
        if path is None:
            return None
        paper = self.paper_combo.currentData()
        actor = self._actor()
        filled_by = actor.name if actor.id is not None else ""  # 系统: left blank to write by hand
        today = self._today()
        outcome: Outcome[LedgerExport] = self._run_export(
            self.tr("导出{label}台账").format(label=month_text(f.year, f.month)),
            lambda s, progress: export_month(
                s.ledger.export_data(f, today=today), path, progress, filled_by=filled_by, paper=paper
            ),
        )
        result = outcome.value
        if result is None:
            return None
        if f == self.current_filter():
            self._stop_preview()
            self._preview_stop = threading.Event()  # the export's own summary is the freshest
            self.show_summary(f, result.summary)
        self._done(
            path,
            self.tr("已导出{label}台账，共 {n} 条隐患：{path}").format(
                label=month_text(f.year, f.month), n=result.rows, path=path
            ),
        )
        return path

    def export_enterprise_list(self) -> Path | None:
        """导出企业台账…: every registered enterprise, as the enterprise page lists them."""
        name = f"企业台账_{self._today():%Y-%m-%d}.xlsx"
        path = self._ask_file(self.tr("导出企业台账"), name)
        if path is None:
            return None
        rows = self._run_export(
            self.tr("导出企业台账"),
            lambda s, progress: export_enterprises(s, EnterpriseFilter(), path, progress=progress),
        ).value
        if rows is None:
            return None
        self._done(path, self.tr("已导出企业台账，共 {n} 家企业：{path}").format(n=rows, path=path))
        return path

    def _done(self, path: Path, message: str) -> None:
        self.last_export = path
        self.status_label.setText(message)
        self.open_button.show()
        print_actions.show_status(self, message)
        self.exported.emit(str(path))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("导出完成"), message, parent=self)
        open_button = box.addButton(self.tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_last_export()

    def open_last_export(self) -> None:
        if self.last_export is not None and not print_actions.open_file(self.last_export):
            QMessageBox.information(
                self,
                self.tr("打开文件"),
                self.tr("未能自动打开，请在文件夹中找到：{path}").format(path=self.last_export),
            )
