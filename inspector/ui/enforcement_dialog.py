"""导出执法统计报表: choose a month, quarter, year or range, check the per-属地 figures, export Excel.

The figures come from ``services.enforcement`` in an ``Op.start()`` on the database worker (a year
of 200 000 hazards takes about half a second; a newer choice's result replaces an older one), the
export from ``reports.enforcement`` in a ``LongOp`` with progress and 取消. Changing the period recomputes after a short pause, so stepping through the
months does not start one job per click. The tables are small (one line per 属地), so plain
QTableWidgets are enough; the three tabs follow the groups of the printed return.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from inspector.core.enforcement import (
    DOCUMENT_KINDS,
    TOTAL_LABEL,
    VISIT_KINDS,
    EnforcementReturn,
    PeriodKind,
    ReturnPeriod,
    reporting_period,
)
from inspector.reports.enforcement import ReturnExport, export_return, return_file_name, return_title
from inspector.ui import print_actions
from inspector.ui.date_field import DateField
from inspector.ui.ops import LongOp, Op, Outcome, Progress
from inspector.ui.settings import Settings
from inspector.ui.style import ERROR_TEXT, MUTED_TEXT, SECTION_HEADING, icon
from inspector.ui.widgets import user_documents_folder

FOLDER_PURPOSE = "enforcement"
REFRESH_DELAY_MS = 350
T = TypeVar("T")


def _day(field: DateField) -> date:
    """The day of a field ``range_error`` found readable."""
    day = field.value()
    assert day is not None, "range_error() first"
    return day


def kind_labels() -> dict[str, str]:
    """Column headings of the kinds; the long ones on two lines so no heading is cut short."""
    return {
        "“四不两直”暗访": QCoreApplication.translate("EnforcementDialog", "“四不两直”\n暗访"),
        "深度安全体检": QCoreApplication.translate("EnforcementDialog", "深度\n安全体检"),
        "现场检查方案": QCoreApplication.translate("EnforcementDialog", "现场检查\n方案"),
        "现场检查记录": QCoreApplication.translate("EnforcementDialog", "现场检查\n记录"),
        "现场处理措施决定书": QCoreApplication.translate("EnforcementDialog", "现场处理\n措施决定书"),
        "责令限期整改指令书": QCoreApplication.translate("EnforcementDialog", "责令限期\n整改指令书"),
        "整改复查意见书": QCoreApplication.translate("EnforcementDialog", "整改复查\n意见书"),
        "文书送达回执": QCoreApplication.translate("EnforcementDialog", "文书送达\n回执"),
    }


def tab_columns() -> list[tuple[str, list[str], slice]]:
    """(tab title, column headers after 属地, the slice of ``ReturnRow.figures()`` shown)."""
    labels = kind_labels()
    return [
        (
            QCoreApplication.translate("EnforcementDialog", "检查情况"),
            [
                QCoreApplication.translate("EnforcementDialog", "检查企业\n（家）"),
                *(labels.get(k, k) for k in VISIT_KINDS),
                QCoreApplication.translate("EnforcementDialog", "检查\n小计"),
            ],
            slice(0, 9),
        ),
        (
            QCoreApplication.translate("EnforcementDialog", "执法文书"),
            [
                *(labels.get(k, k) for k in DOCUMENT_KINDS),
                QCoreApplication.translate("EnforcementDialog", "文书\n小计"),
            ],
            slice(9, 16),
        ),
        (
            QCoreApplication.translate("EnforcementDialog", "隐患整改与挂牌督办"),
            [
                QCoreApplication.translate("EnforcementDialog", "发现\n一般隐患"),
                QCoreApplication.translate("EnforcementDialog", "发现\n重大隐患"),
                QCoreApplication.translate("EnforcementDialog", "发现\n小计"),
                QCoreApplication.translate("EnforcementDialog", "销号\n一般隐患"),
                QCoreApplication.translate("EnforcementDialog", "销号\n重大隐患"),
                QCoreApplication.translate("EnforcementDialog", "销号\n小计"),
                QCoreApplication.translate("EnforcementDialog", "重大隐患\n挂牌督办"),
                QCoreApplication.translate("EnforcementDialog", "重大隐患\n摘牌"),
            ],
            slice(16, 24),
        ),
    ]


class FigureTable(QTableWidget):
    """One tab of the preview: a line per 属地, 合计 last and bold, numbers right-aligned."""

    def __init__(self, name: str, headers: list[str], figures: slice, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers) + 1, parent)
        self.setObjectName(name)
        self.figures = figures
        self.setHorizontalHeaderLabels([self.tr("属地"), *headers])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 130)

    def set_return(self, figures: EnforcementReturn) -> None:
        lines = figures.lines()
        self.setRowCount(len(lines))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, line in enumerate(lines):
            values = [line.jurisdiction, *(str(n) for n in line.figures()[self.figures])]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if line.jurisdiction == TOTAL_LABEL:
                    item.setFont(bold)
                self.setItem(r, c, item)

    def text_at(self, jurisdiction: str, column: int) -> str:
        """The text shown for a 属地 (or 合计) in a column (1 = the first figure)."""
        for r in range(self.rowCount()):
            first, cell = self.item(r, 0), self.item(r, column)
            if first is not None and cell is not None and first.text() == jurisdiction:
                return cell.text()
        raise KeyError(jurisdiction)


class EnforcementDialog(QDialog):
    """``preview_ready`` fires when the tables show the chosen period (tests, status)."""

    preview_ready = Signal()
    exported = Signal(str)

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
        self.figures: EnforcementReturn | None = None
        self.last_export: Path | None = None
        self._region_name = ""  # the 辖区 of the titles, read once (the widgets ask on every change)
        self._generation = 0  # the newest preview asked for; an older result is dropped
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.setObjectName("EnforcementDialog")
        self.setWindowTitle(self.tr("安全生产行政执法统计"))
        self.resize(1180, 640)
        self._build()
        Op(self, self.services, lambda s: s.office.get().region, title=self.windowTitle()).success(
            self._region_read
        ).start()
        self.set_period(reporting_period(PeriodKind.QUARTER, self._today()))

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 14, 16, 12)
        root.setSpacing(10)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(QLabel(self.tr("统计期间")))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for text, kind in (
            (self.tr("月报"), PeriodKind.MONTH),
            (self.tr("季报"), PeriodKind.QUARTER),
            (self.tr("年报"), PeriodKind.YEAR),
            (self.tr("自定义"), PeriodKind.CUSTOM),
        ):
            self.kind_combo.addItem(text, kind)
        bar.addWidget(self.kind_combo)
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setSuffix(self.tr(" 年"))
        self.year_spin.setMinimumWidth(90)
        bar.addWidget(self.year_spin)
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("month_combo")
        for m in range(1, 13):
            self.month_combo.addItem(self.tr("{m} 月").format(m=m), m)
        bar.addWidget(self.month_combo)
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarter_combo")
        for q, name in enumerate(
            (self.tr("第一季度"), self.tr("第二季度"), self.tr("第三季度"), self.tr("第四季度")), 1
        ):
            self.quarter_combo.addItem(name, q)
        bar.addWidget(self.quarter_combo)
        self.start_edit = DateField(allow_empty=False)
        self.start_edit.setObjectName("start_edit")
        self.end_edit = DateField(allow_empty=False)
        self.end_edit.setObjectName("end_edit")
        self.to_label = QLabel(self.tr("至"))
        bar.addWidget(self.start_edit)
        bar.addWidget(self.to_label)
        bar.addWidget(self.end_edit)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("统计"))
        self.refresh_button.setToolTip(self.tr("重新统计所选期间"))
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        root.addLayout(bar)

        self.heading_label = QLabel()
        self.heading_label.setObjectName("heading_label")
        self.heading_label.setStyleSheet(SECTION_HEADING)
        root.addWidget(self.heading_label)
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet(MUTED_TEXT)
        self.scope_label.setWordWrap(True)
        root.addWidget(self.scope_label)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tables: list[FigureTable] = []
        for i, (title, headers, figures) in enumerate(tab_columns()):
            table = FigureTable(f"figures_{i}", headers, figures)
            self.tables.append(table)
            self.tabs.addTab(table, title)
        root.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("填报人")))
        self.reporter_edit = QLineEdit(self._actor().name)
        self.reporter_edit.setObjectName("reporter_edit")
        self.reporter_edit.setPlaceholderText(self.tr("不填则打印后手写"))
        self.reporter_edit.setMaximumWidth(160)
        bottom.addWidget(self.reporter_edit)
        bottom.addSpacing(12)
        self.status_label = QLabel()
        self.status_label.setObjectName("CountLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.status_label, 1)
        self.export_button = QPushButton(icon("export"), self.tr("导出 Excel…"))
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(self.tr("把所选期间的统计表导出为 Excel，可直接打印上报"))
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        root.addLayout(bottom)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.year_spin.valueChanged.connect(lambda _v: self._changed())
        self.month_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.quarter_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.start_edit.changed.connect(self._changed)
        self.end_edit.changed.connect(self._changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)

    # -- the period -----------------------------------------------------------------------------
    def current_kind(self) -> PeriodKind:
        return PeriodKind(self.kind_combo.currentData())

    def range_error(self) -> str | None:
        """Why the custom range cannot be counted (a date that is no day, or it ends before it
        starts), else None."""
        if self.current_kind() != PeriodKind.CUSTOM:
            return None
        problem = self.start_edit.problem()
        if problem is not None:
            return self.tr("统计期间的开始日期：{problem}").format(problem=problem)
        problem = self.end_edit.problem()
        if problem is not None:
            return self.tr("统计期间的结束日期：{problem}").format(problem=problem)
        start, end = _day(self.start_edit), _day(self.end_edit)
        if end >= start:
            return None
        return self.tr("统计期间的结束日期 {end} 早于开始日期 {start}").format(
            end=f"{end:%Y-%m-%d}", start=f"{start:%Y-%m-%d}"
        )

    def current_period(self) -> ReturnPeriod:
        """What the widgets say (ask ``range_error`` first: a backwards range has no period)."""
        kind, year = self.current_kind(), self.year_spin.value()
        if kind == PeriodKind.MONTH:
            return ReturnPeriod.month(year, int(self.month_combo.currentData()))
        if kind == PeriodKind.QUARTER:
            return ReturnPeriod.quarter(year, int(self.quarter_combo.currentData()))
        if kind == PeriodKind.YEAR:
            return ReturnPeriod.year(year)
        return ReturnPeriod.between(_day(self.start_edit), _day(self.end_edit))

    def set_period(self, period: ReturnPeriod) -> None:
        """Show ``period`` in the widgets (signals held back) and compute it soon."""
        widgets = (
            self.kind_combo,
            self.year_spin,
            self.month_combo,
            self.quarter_combo,
            self.start_edit,
            self.end_edit,
        )
        for w in widgets:
            w.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(period.kind))
        self.year_spin.setValue(period.start.year)
        self.month_combo.setCurrentIndex(period.start.month - 1)
        self.quarter_combo.setCurrentIndex((period.start.month - 1) // 3)
        self.start_edit.set_value(period.start)
        self.end_edit.set_value(period.end)
        for w in widgets:
            w.blockSignals(False)
        self._show_widgets(period.kind)
        self._changed()

    def _show_widgets(self, kind: PeriodKind) -> None:
        custom = kind == PeriodKind.CUSTOM
        self.year_spin.setVisible(not custom)
        self.month_combo.setVisible(kind == PeriodKind.MONTH)
        self.quarter_combo.setVisible(kind == PeriodKind.QUARTER)
        for w in (self.start_edit, self.to_label, self.end_edit):
            w.setVisible(custom)

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        if kind == PeriodKind.CUSTOM:  # a range starts as the period shown before, to adjust
            if self.figures is not None:
                shown = self.figures.period
            elif self.range_error() is None:
                shown = self.current_period()
            else:
                return
            self.set_period(ReturnPeriod(shown.start, shown.end, PeriodKind.CUSTOM))
        else:
            self.set_period(reporting_period(kind, self._today()))

    def _changed(self) -> None:
        """The choice moved: say so at once, compute after a short pause."""
        error = self.range_error()
        if error is not None:
            self._timer.stop()
            self._show_error(error)
            return
        period = self.current_period()
        self.heading_label.setText(return_title(self._region_name, period))
        self.scope_label.setText(
            self.tr(
                "统计期间 {text}。各项按业务日期统计：检查按检查日期、文书按文书日期、发现隐患按发现日期、"
                "整改销号按销号日期（含往期发现的隐患）、挂牌督办和摘牌按各自日期；均按企业当前属地归属。"
            ).format(text=period.text())
        )
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("正在统计……"))
        self._timer.start()

    def _show_error(self, text: str) -> None:
        self.status_label.setStyleSheet(ERROR_TEXT)
        self.status_label.setText(text)

    def _region_read(self, region: str) -> None:
        self._region_name = region
        if self.range_error() is None:
            self.heading_label.setText(return_title(region, self.current_period()))

    # -- preview --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Count the chosen period on the database worker; the newest choice's result is shown."""
        self._timer.stop()
        error = self.range_error()
        if error is not None:
            self._show_error(error)
            return
        period = self.current_period()
        self._generation += 1
        generation = self._generation
        Op(self, self.services, lambda s: s.enforcement.compute(period), title=self.tr("统计")).success(
            lambda figures: self._computed(generation, figures)
        ).failure(lambda _error: self._failed(generation)).start()

    def _computed(self, generation: int, figures: EnforcementReturn) -> None:
        if generation == self._generation:
            self.show_return(figures)

    def _failed(self, generation: int) -> bool:
        """An older choice's failure is dropped; the current one is said by ops."""
        if generation != self._generation:
            return True
        self._show_error(self.tr("未能统计所选期间。"))
        return False

    def show_return(self, figures: EnforcementReturn) -> None:
        self.figures = figures
        for table in self.tables:
            table.set_return(figures)
        t = figures.total
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            self.tr(
                "{label}：检查企业 {e} 家、检查 {v} 次，制作文书 {d} 份，发现隐患 {f} 项、销号 {c} 项。"
            ).format(
                label=figures.period.label,
                e=t.enterprises_checked,
                v=t.visits_total,
                d=t.documents_total,
                f=t.found_total,
                c=t.closed_total,
            )
        )
        self.preview_ready.emit()

    # -- export ---------------------------------------------------------------------------------
    def _ask_file(self, period: ReturnPeriod) -> Path | None:
        folder = self.settings.last_folder(FOLDER_PURPOSE) if self.settings is not None else None
        suggested = (folder or user_documents_folder()) / return_file_name(self._region_name, period)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出执法统计报表"), str(suggested), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        if self.settings is not None:
            self.settings.set_last_folder(FOLDER_PURPOSE, path.parent)
            self.settings.sync()
        return path

    def export(self) -> Path | None:
        """导出 Excel…: ask for the file, write it on the database worker, offer to open it."""
        error = self.range_error()
        if error is not None:
            QMessageBox.warning(self, self.tr("导出执法统计报表"), error)
            return None
        period = self.current_period()
        path = self._ask_file(period)
        if path is None:
            return None
        reporter = self.reporter_edit.text()
        title = self.tr("导出{label}执法统计表").format(label=period.label)
        outcome: Outcome[ReturnExport] = self._run_export(
            title,
            lambda s, progress: export_return(
                s.enforcement.return_data(period), path, reporter_name=reporter, progress=progress
            ),
        )
        result = outcome.value
        if result is None:
            return None
        self.show_return(result.figures)  # the figures written are the freshest
        self.last_export = path
        message = self.tr("已导出{label}执法统计表：{path}").format(label=period.label, path=path)
        self.status_label.setText(message)
        print_actions.show_status(self.parentWidget(), message)
        self.exported.emit(str(path))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("导出完成"), message, parent=self)
        open_button = box.addButton(self.tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button and not print_actions.open_file(path):
            QMessageBox.information(
                self, self.tr("打开文件"), self.tr("未能自动打开，请在文件夹中找到：{path}").format(path=path)
            )
        return path

    def _run_export(self, title: str, fn: Callable[[Services, Progress], T]) -> Outcome[T]:
        """An export with progress and 取消; a cancel is said here, anything else by ops."""
        outcome = LongOp(
            self, self.services, fn, title=title, label=lambda _d, _n: self.tr("正在写入统计表……")
        ).run()
        if outcome.cancelled:
            self.status_label.setText(self.tr("已取消导出，未写入文件。"))
        return outcome


def open_dialog(
    parent: QWidget, services: Services, actor: Callable[[], Actor], settings: Settings | None
) -> EnforcementDialog:
    """Open the dialog window-modal (文件 → 导出执法统计报表…); it deletes itself when closed."""
    dialog = EnforcementDialog(services, actor, settings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
