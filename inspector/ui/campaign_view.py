"""One campaign's coverage on screen: counts per state and per 属地, and its enterprises.

What an inspector opens every morning: how many the campaign still lacks, where, and which ones.
The counts are one grouped query (``CampaignService.coverage``, ``Op.start``: the page never
freezes); the enterprise list is a windowed model over ``CampaignService.rows(offset, limit)`` —
only the rows on screen are read, missing ones first — filtered by state. 登记检查 on a row opens
the visit form for that enterprise (the window does it: ``visit_requested``), with the campaign's
checklist chosen when the visit form offers it; 导出覆盖情况 writes the workbook
(reports.campaigns) as a ``LongOp`` with progress and 取消.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.campaigns import Coverage, CoverageRow
from inspector.core.context import Services
from inspector.core.enums import CoverageState
from inspector.reports.campaigns import export_coverage
from inspector.ui.ops import LongOp, Op, read_now
from inspector.ui.save_dialog import ask_save_path
from inspector.ui.style import (
    COUNT_CHIP_STYLE,
    COVERAGE_COLOURS,
    COVERAGE_ROW_OVERDUE,
    MUTED_TEXT,
    SECTION_HEADING,
    icon,
    text_colour,
)
from inspector.ui.terms import term
from inspector.ui.visit_dialog import VisitDialog
from inspector.ui.widgets import list_view
from inspector.ui.windowed_model import CENTER, RIGHT, Column, WindowedTableModel

CTX = "CampaignView"
MISSING = (CoverageState.OVERDUE, CoverageState.PENDING)
STATES = (CoverageState.COVERED, CoverageState.LATE, CoverageState.PENDING, CoverageState.OVERDUE)
COLUMNS = [
    Column("jurisdiction", str(QT_TRANSLATE_NOOP("CampaignView", "属地")), context=CTX, sort_key=None),
    Column(
        "name", str(QT_TRANSLATE_NOOP("CampaignView", "企业名称")), context=CTX, sort_key=None, tooltip=True
    ),
    Column(
        "state",
        str(QT_TRANSLATE_NOOP("CampaignView", "覆盖情况")),
        CENTER,
        context=CTX,
        sort_key=None,
        vocabulary=True,
        foreground=lambda v: COVERAGE_COLOURS.get(str(v)),
        background=lambda v: COVERAGE_ROW_OVERDUE if v == CoverageState.OVERDUE else None,
    ),
    Column(
        "checked_on",
        str(QT_TRANSLATE_NOOP("CampaignView", "检查日期")),
        CENTER,
        formatter=lambda v: v.isoformat() if isinstance(v, date) else "",
        context=CTX,
        sort_key=None,
    ),
    Column("visits", str(QT_TRANSLATE_NOOP("CampaignView", "检查次数")), RIGHT, context=CTX, sort_key=None),
    Column(
        "credit_code", str(QT_TRANSLATE_NOOP("CampaignView", "统一社会信用代码")), context=CTX, sort_key=None
    ),
    Column(
        "address", str(QT_TRANSLATE_NOOP("CampaignView", "地址")), context=CTX, sort_key=None, tooltip=True
    ),
]
WIDTHS = {
    "jurisdiction": 110,
    "name": 240,
    "state": 90,
    "checked_on": 96,
    "visits": 70,
    "credit_code": 170,
    "address": 260,
}


@dataclass(frozen=True)
class CoverageRows:
    """The campaign's rows in ``states`` on ``as_of``, counted from the coverage just read."""

    services: Services
    campaign_id: int | None
    states: tuple[CoverageState, ...]
    as_of: date | None
    total: int

    def count(self) -> int:
        return self.total

    def page(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[CoverageRow]:
        cid = self.campaign_id
        if cid is None:
            return []
        return read_now(
            self.services,
            lambda s: s.campaigns.rows(cid, self.states, offset=offset, limit=limit, as_of=self.as_of),
        )


def preselect_checklist(dialog: VisitDialog | None, code: str) -> None:
    """Choose the campaign's checklist in the visit form once its lists for the enterprise arrive
    (only if offered: the list applies to the enterprise's 监管类别)."""
    if dialog is None or not code:
        return
    panel = dialog.checklist

    def choose() -> None:
        i = panel.chooser.findData(code)
        if i >= 0:
            panel.chooser.setCurrentIndex(i)
            panel.changed.disconnect(choose)

    panel.changed.connect(choose)
    choose_now = panel.chooser.findData(code)
    if choose_now >= 0:
        choose()


class CampaignView(QWidget):
    """Coverage of the campaign set with ``show_campaign``."""

    visit_requested = Signal(int, str)  # enterprise id, the campaign's checklist code ("" none)
    refreshed = Signal(object)  # the Coverage shown
    scheme_requested = Signal(int)  # enterprise id: 起草检查方案 for it, within this campaign

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.campaign_id: int | None = None
        self.checklist_code = ""
        self.coverage: Coverage | None = None
        self._asked = 0
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("coverage_heading")
        self.heading.setStyleSheet(SECTION_HEADING)
        top.addWidget(self.heading)
        self.window_label = QLabel()
        self.window_label.setObjectName("coverage_window")
        self.window_label.setStyleSheet(MUTED_TEXT)
        top.addWidget(self.window_label, 1)
        self.count_labels: dict[CoverageState, QLabel] = {}
        for state in STATES:
            label = QLabel()
            label.setObjectName(f"coverage_{STATES.index(state)}")
            label.setStyleSheet(COUNT_CHIP_STYLE + text_colour(COVERAGE_COLOURS[state.value]))
            self.count_labels[state] = label
            top.addWidget(label)
            top.addSpacing(10)
        root.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.places = QTableWidget(0, 5)
        self.places.setObjectName("coverage_places")
        self.places.setHorizontalHeaderLabels(
            [self.tr("属地"), self.tr("目标"), self.tr("已检查"), self.tr("尚缺"), self.tr("覆盖率")]
        )
        self.places.setToolTip(self.tr("已检查含逾期后检查；尚缺含逾期未检查（红色）"))
        self.places.verticalHeader().hide()
        self.places.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.places.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.places.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.places.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split.addWidget(self.places)

        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("显示")))
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("coverage_filter")
        self.state_filter.addItem(self.tr("全部企业"), ())
        self.state_filter.addItem(self.tr("尚未检查（含逾期）"), MISSING)
        for state in STATES:
            self.state_filter.addItem(term(state.value), (state,))
        self.state_filter.currentIndexChanged.connect(lambda _i: self._show_rows())
        bar.addWidget(self.state_filter)
        self.total_label = QLabel()
        self.total_label.setStyleSheet(MUTED_TEXT)
        bar.addWidget(self.total_label, 1)
        self.visit_button = QPushButton(icon("inspection"), self.tr("登记检查"))
        self.visit_button.setObjectName("coverage_visit")
        self.visit_button.setToolTip(self.tr("为所选企业登记一次检查（也可双击该行）"))
        self.visit_button.clicked.connect(self.visit_selected)
        self.scheme_button = QPushButton(self.tr("起草方案"))
        self.scheme_button.setObjectName("coverage_scheme")
        self.scheme_button.setToolTip(self.tr("为所选企业起草本专项行动的现场检查方案"))
        self.scheme_button.clicked.connect(self.scheme_selected)
        self.export_button = QPushButton(icon("export"), self.tr("导出覆盖情况"))
        self.export_button.setObjectName("coverage_export")
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.visit_button)
        bar.addWidget(self.scheme_button)
        bar.addWidget(self.export_button)
        lay.addLayout(bar)
        self.model = WindowedTableModel(COLUMNS, CoverageRows(self.services, None, (), None, 0), parent=self)
        self.model.totalChanged.connect(lambda n: self.total_label.setText(self.tr("共 {n} 家").format(n=n)))
        self.table = list_view(self.model, "coverage_rows", COLUMNS, WIDTHS)
        self.table.doubleClicked.connect(lambda index: self.visit_row(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        lay.addWidget(self.table, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([320, 880])
        root.addWidget(split, 1)
        self._show_coverage(None)

    # -- showing --------------------------------------------------------------------------------
    def show_campaign(self, campaign_id: int | None, checklist_code: str | None = None) -> None:
        self.campaign_id = campaign_id
        self.checklist_code = checklist_code or ""
        self.refresh()

    def refresh(self) -> None:
        cid = self.campaign_id
        self._asked += 1
        asked = self._asked
        if cid is None:
            self._show_coverage(None)
            return
        Op(self, self.services, lambda s: s.campaigns.coverage(cid), title=self.tr("专项行动")).success(
            lambda cov: self._answered(asked, cov)
        ).start()

    def _answered(self, asked: int, coverage: Coverage) -> None:
        if asked == self._asked:
            self._show_coverage(coverage)

    def _show_coverage(self, coverage: Coverage | None) -> None:
        self.coverage = coverage
        for state, label in self.count_labels.items():
            n = coverage.counts[state] if coverage else 0
            label.setText(self.tr("{state} {n}").format(state=term(state.value), n=n))
            label.setVisible(coverage is not None)
        if coverage is None:
            self.heading.setText(self.tr("请选择一项专项行动"))
            self.window_label.clear()
        else:
            self.heading.setText(coverage.title)
            days = coverage.days_left
            left = (
                self.tr("剩余 {n} 天").format(n=days)
                if days > 0
                else self.tr("今天截止")
                if days == 0
                else self.tr("已过截止日期 {n} 天").format(n=-days)
            )
            self.window_label.setText(
                self.tr("{start} 至 {end}，{left}；目标企业 {total} 家，已检查 {covered} 家").format(
                    start=coverage.starts_on.isoformat(),
                    end=coverage.deadline.isoformat(),
                    left=left,
                    total=coverage.total,
                    covered=coverage.covered,
                )
            )
        self._fill_places(coverage)
        self._show_rows()

    def _fill_places(self, coverage: Coverage | None) -> None:
        rows = list(coverage.by_jurisdiction) if coverage else []
        self.places.setRowCount(len(rows))
        for r, (place, counts) in enumerate(rows):
            total = sum(counts.values())
            covered = counts[CoverageState.COVERED] + counts[CoverageState.LATE]
            values = [
                place or self.tr("（未填属地）"),
                str(total),
                str(covered),
                str(total - covered),
                f"{covered / total:.0%}" if total else "—",
            ]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and counts[CoverageState.OVERDUE]:
                    item.setForeground(QBrush(QColor(COVERAGE_COLOURS[CoverageState.OVERDUE.value])))
                self.places.setItem(r, c, item)

    def states(self) -> tuple[CoverageState, ...]:
        chosen = self.state_filter.currentData()
        return tuple(chosen) if chosen else ()

    def _show_rows(self) -> None:
        cov = self.coverage
        states = self.states()
        total = 0 if cov is None else sum(n for s, n in cov.counts.items() if not states or s in states)
        self.model.set_source(
            CoverageRows(self.services, self.campaign_id, states, cov.as_of if cov else None, total)
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.visit_button.setEnabled(self.selected_row() is not None)
        self.scheme_button.setEnabled(self.selected_row() is not None)
        self.export_button.setEnabled(self.coverage is not None)

    # -- acting ---------------------------------------------------------------------------------
    def selected_row(self) -> CoverageRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row: Any = self.model.row_at(rows[0].row())
        return row if isinstance(row, CoverageRow) else None

    def visit_row(self, row: int) -> None:
        item = self.model.row_at(row)
        if isinstance(item, CoverageRow):
            self.visit_requested.emit(item.enterprise_id, self.checklist_code)

    def visit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.visit_requested.emit(row.enterprise_id, self.checklist_code)

    def scheme_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.scheme_requested.emit(row.enterprise_id)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0, QModelIndex()))

    def export(self) -> Path | None:
        cov, cid = self.coverage, self.campaign_id
        if cov is None or cid is None:
            return None
        name = self.tr("{title}覆盖情况{day}.xlsx").format(title=cov.title, day=cov.as_of.strftime("%Y%m%d"))
        path = ask_save_path(
            self, "campaigns", self.tr("导出覆盖情况"), name, self.tr("Excel 工作簿 (*.xlsx)"), ".xlsx"
        )
        if path is None:
            return None
        as_of = cov.as_of
        outcome = LongOp(
            self,
            self.services,
            lambda s, progress: export_coverage(s, cid, path, progress, as_of),
            title=self.tr("导出覆盖情况"),
            label=lambda done, total: self.tr("已写入 {done} / {total} 家").format(done=done, total=total),
        ).run()
        return path if outcome.ok else None
