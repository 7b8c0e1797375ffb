"""统计 page: per 属地 and per 隐患类别 figures for a period (this year by default), and in a second
tab the checklist items failed most often in the period's visits, over every 属地 or one.

Above the tables, four charts (ui.charts): found/closed per month, 整改率 per 属地, today's overdue
ageing and the majors under 挂牌督办; their figures (core.chart_data) follow in an ``Op.start()``
so the tables never wait for them. 导出Excel writes the tables, the charts' figures and the
checklist ranking through a ``LongOp`` (reports.statistics).

The figures come from core.statistics in one ``Op`` on the database worker (a million hazards take
about a second: the window keeps painting and a busy dialog shows); a refusal is a message, only a
defect reaches the crash dialog. The tables are small (one line per 属地), so plain QTableWidgets are enough here.
Labels shared with the 月度台账 mean the same there (core.ledger_summary); the figures of today,
not of the period, say so: 目前未销号, 目前逾期未整改, 目前逾期未复查. 整改率 is the office's
reading, named under the tables.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.chart_data import ChartData
from inspector.core.checklists import FailedItemRow
from inspector.core.context import Services
from inspector.core.office import RATE_FORMULA_LABELS
from inspector.core.statistics import TOTAL_LABEL, Period, Statistics, StatRow
from inspector.ui.charts import AgeingChart, ChartBox, RateChart, SupervisedChart, TrendChart
from inspector.ui.date_field import DateField
from inspector.ui.ops import LongOp, Op
from inspector.ui.remembered import remember_choices
from inspector.ui.save_dialog import ask_save_path
from inspector.ui.settings import Settings
from inspector.ui.style import EMPTY_HINT_STYLE, MAJOR_COLOUR, MUTED_TEXT, OVERDUE_COLOUR, icon
from inspector.ui.terms import period_text, rate_formula_text, term
from inspector.ui.widgets import header_text

SETTINGS_PAGE = "statistics"  # Settings.page_value: the period and 属地 last chosen
CUSTOM = 0  # the 自定义 entry of the period box (the others hold their year)


def _day(field: DateField) -> date:
    """The day of a field ``range_problem`` found readable."""
    day = field.value()
    assert day is not None, "range_problem() first"
    return day


def _rate(row: StatRow) -> str:
    rate = row.closure_rate
    return "—" if rate is None else f"{rate:.1%}"


def _hazard_columns() -> list[tuple[str, Callable[[StatRow], object]]]:
    return [
        (QCoreApplication.translate("StatisticsPage", "隐患总数"), lambda r: r.total),
        (QCoreApplication.translate("StatisticsPage", "本期发现"), lambda r: r.found),
        (QCoreApplication.translate("StatisticsPage", "其中重大隐患"), lambda r: r.found_major),
        (QCoreApplication.translate("StatisticsPage", "已销号"), lambda r: r.closed),
        (QCoreApplication.translate("StatisticsPage", "本期发现中已销号"), lambda r: r.closed_found),
        (QCoreApplication.translate("StatisticsPage", "整改率"), _rate),
        (QCoreApplication.translate("StatisticsPage", "目前未销号"), lambda r: r.open_now),
        (
            QCoreApplication.translate("StatisticsPage", "目前逾期未整改"),
            lambda r: r.overdue_rectification_now,
        ),
        (QCoreApplication.translate("StatisticsPage", "目前逾期未复查"), lambda r: r.overdue_review_now),
    ]


TOTAL_TEXT = QT_TRANSLATE_NOOP("StatisticsPage", "合计")


def _name(row: StatRow, *, vocabulary: bool) -> str:
    """A row's first cell: the 属地 as registered, a 隐患类别 in the UI's language, 合计 translated."""
    if row.key == TOTAL_LABEL:
        return QCoreApplication.translate("StatisticsPage", str(TOTAL_TEXT))
    return term(row.key) if vocabulary else row.key


def place_columns() -> list[tuple[str, Callable[[StatRow], object]]]:
    return [
        (QCoreApplication.translate("StatisticsPage", "属地"), lambda r: _name(r, vocabulary=False)),
        (QCoreApplication.translate("StatisticsPage", "企业数"), lambda r: r.enterprises),
        (QCoreApplication.translate("StatisticsPage", "检查企业"), lambda r: r.inspected_enterprises),
        (QCoreApplication.translate("StatisticsPage", "检查次数"), lambda r: r.inspections),
        *_hazard_columns(),
    ]


def category_columns() -> list[tuple[str, Callable[[StatRow], object]]]:
    return [
        (QCoreApplication.translate("StatisticsPage", "隐患类别"), lambda r: _name(r, vocabulary=True)),
        *_hazard_columns(),
    ]


LATE_HEADERS = (
    QT_TRANSLATE_NOOP("StatisticsPage", "目前逾期未整改"),
    QT_TRANSLATE_NOOP("StatisticsPage", "目前逾期未复查"),
)
DEFINITIONS = QT_TRANSLATE_NOOP(
    "StatisticsPage",
    "隐患总数：统计期间内任一时间未销号的隐患（本期发现及往期结转）；其中重大隐患：本期发现的重大隐患，"
    "不论是否销号；已销号：统计期间内销号的隐患，不论何时发现。"
    "“目前…”三列按今天计，不受统计期间限制；统计期间为一个月时，同名各列与月度台账一致。",
)


class StatTable(QTableWidget):
    """A read-only breakdown; the last (合计) row in bold, overdue counts in red."""

    def __init__(
        self, columns: list[tuple[str, Callable[[StatRow], object]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = columns
        self.setHorizontalHeaderLabels([header_text(c[0]) for c in columns])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def set_rows(self, rows: list[StatRow]) -> None:
        self.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        late = {QCoreApplication.translate("StatisticsPage", str(h)) for h in LATE_HEADERS}
        for r, row in enumerate(rows):
            for c, (header, value) in enumerate(self.columns):
                item = QTableWidgetItem(str(value(row)))
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.key == TOTAL_LABEL:
                    item.setFont(bold)
                if header in late and value(row):
                    item.setForeground(QBrush(QColor(OVERDUE_COLOUR)))
                self.setItem(r, c, item)

    def fit_height(self) -> None:
        """Show every row without a scroll bar (for short tables such as the two categories)."""
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2)

    def text_at(self, key: str, header: str) -> str:
        """The cell shown for a row key and a column header (tests and copy/paste checks)."""
        col = [c[0] for c in self.columns].index(header)
        for r in range(self.rowCount()):
            first, cell = self.item(r, 0), self.item(r, col)
            if first is not None and cell is not None and first.text() == key:
                return cell.text()
        raise KeyError(key)


FAILED_HEADERS = (
    QT_TRANSLATE_NOOP("StatisticsPage", "序号"),
    QT_TRANSLATE_NOOP("StatisticsPage", "检查表"),
    QT_TRANSLATE_NOOP("StatisticsPage", "条款"),
    QT_TRANSLATE_NOOP("StatisticsPage", "检查内容"),
    QT_TRANSLATE_NOOP("StatisticsPage", "不合格次数"),
    QT_TRANSLATE_NOOP("StatisticsPage", "检查次数"),
    QT_TRANSLATE_NOOP("StatisticsPage", "不合格率"),
)
FAILED_DEFINITIONS = QT_TRANSLATE_NOOP(
    "StatisticsPage",
    "统计期间内各次检查中不合格次数最多的检查项（同一检查表、同一条款的各版本合并计算，显示最新版本的条文）。"
    "检查次数：结果为合格或不合格的检查次数，不适用不计；不合格率 = 不合格次数 ÷ 检查次数。"
    "标红的为重大隐患判定项。",
)
FAILED_ROWS = 20


class FailedItemsTable(QWidget):
    """The ranking of failed checklist items; a hint instead of an empty grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FailedItemRow] = []
        self.stack = QStackedWidget()
        self.hint = QLabel(self.tr("统计期间内没有检查表不合格项"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet(EMPTY_HINT_STYLE)
        self.table = QTableWidget(0, len(FAILED_HEADERS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("StatisticsPage", str(h)) for h in FAILED_HEADERS]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Rows as tall as their wrapped 检查内容 at the width it ends up with.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def set_rows(self, rows: list[FailedItemRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            share = "—" if row.share is None else f"{row.share:.0%}"
            cells = [
                str(r + 1),
                row.title,
                row.number,
                row.content,
                str(row.failures),
                str(row.checked),
                share,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3:
                    item.setToolTip(text)
                if c == 2 and row.major:
                    item.setForeground(QBrush(QColor(MAJOR_COLOUR)))
                    item.setToolTip(self.tr("重大隐患判定项"))
                self.table.setItem(r, c, item)
        self.stack.setCurrentWidget(self.table if rows else self.hint)

    def row_texts(self) -> list[list[str]]:
        """What each row shows, column by column (tests and copy checks)."""
        out = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(self.table.columnCount())]
            out.append([cell.text() if cell is not None else "" for cell in cells])
        return out


class StatisticsPage(QWidget):
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
        self.statistics: Statistics | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 14, 16, 14)
        root.setSpacing(10)

        title = QLabel(self.tr("统计"))
        title.setObjectName("PageTitle")
        root.addWidget(title)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计期间：")))
        self.preset = QComboBox()
        this_year = services.clock().year
        self.preset.addItem(self.tr("{y}年").format(y=this_year), this_year)
        self.preset.addItem(self.tr("{y}年").format(y=this_year - 1), this_year - 1)
        self.preset.addItem(self.tr("自定义"), CUSTOM)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        bar.addWidget(self.preset)
        self.start = DateField(allow_empty=False, today=services.clock())
        self.start.setObjectName("period_start")
        self.end = DateField(allow_empty=False, today=services.clock())
        self.end.setObjectName("period_end")
        bar.addWidget(self.start)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.end)
        self.run_button = QPushButton(icon("refresh"), self.tr("统计"))
        self.run_button.clicked.connect(self.refresh)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        self.export_button = QPushButton(icon("export"), self.tr("导出Excel"))
        self.export_button.setToolTip(self.tr("把统计表和图表数据导出为 Excel 工作簿"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_excel)
        bar.addWidget(self.export_button)
        root.addLayout(bar)

        self.tabs = QTabWidget()
        root.addWidget(self.tabs, 1)
        hazards_tab = QWidget()
        hazards = QVBoxLayout(hazards_tab)
        hazards.setContentsMargins(0, 4, 0, 0)
        self.places = StatTable(place_columns())
        box = QGroupBox(self.tr("按属地"))
        QVBoxLayout(box).addWidget(self.places)
        hazards.addWidget(box, 3)
        self.categories = StatTable(category_columns())
        box = QGroupBox(self.tr("按隐患类别"))
        QVBoxLayout(box).addWidget(self.categories)
        hazards.addWidget(box, 0)
        self.note = QLabel(QCoreApplication.translate("StatisticsPage", str(DEFINITIONS)))
        self.note.setStyleSheet(MUTED_TEXT)
        self.note.setWordWrap(True)
        hazards.addWidget(self.note)
        self.rate_label = QLabel()
        self.rate_label.setStyleSheet(MUTED_TEXT)
        self.rate_label.setWordWrap(True)
        hazards.addWidget(self.rate_label)
        self.tabs.addTab(hazards_tab, icon("hazard"), self.tr("隐患统计"))

        # The charts have a tab of their own: at 1366×768 a strip above the tables left both
        # too small to read (a 属地 table of one visible row, every other 属地 name dropped).
        charts_tab = QWidget()
        grid = QGridLayout(charts_tab)
        grid.setContentsMargins(4, 4, 4, 0)
        self.chart_data: ChartData | None = None
        self.trend = TrendChart()
        self.rates = RateChart()
        self.ageing = AgeingChart()
        self.supervised = SupervisedChart()
        self.chart_boxes = [
            ChartBox(self.tr("各月发现与销号"), self.trend),
            ChartBox(self.tr("整改率（按属地）"), self.rates),
            ChartBox(self.tr("目前逾期账龄"), self.ageing),
            ChartBox(self.tr("挂牌督办重大隐患"), self.supervised),
        ]
        for n, chart_box in enumerate(self.chart_boxes):
            grid.addWidget(chart_box, n // 2, n % 2)
        self.tabs.addTab(charts_tab, icon("statistics"), self.tr("图表"))

        checklist_tab = QWidget()
        checks = QVBoxLayout(checklist_tab)
        place_bar = QHBoxLayout()
        place_bar.addWidget(QLabel(self.tr("属地：")))
        self.place = QComboBox()
        self.place.addItem(self.tr("全部属地"), None)
        self.place.activated.connect(self.refresh_failed)
        place_bar.addWidget(self.place)
        place_bar.addStretch(1)
        checks.addLayout(place_bar)
        self.failed = FailedItemsTable()
        box = QGroupBox(self.tr("不合格次数最多的检查项（前{n}项）").format(n=FAILED_ROWS))
        QVBoxLayout(box).addWidget(self.failed)
        checks.addWidget(box, 1)
        failed_note = QLabel(QCoreApplication.translate("StatisticsPage", str(FAILED_DEFINITIONS)))
        failed_note.setStyleSheet(MUTED_TEXT)
        failed_note.setWordWrap(True)
        checks.addWidget(failed_note)
        self.tabs.addTab(checklist_tab, icon("inspection"), self.tr("检查表不合格项"))

        self.status = QLabel()
        self.status.setStyleSheet(MUTED_TEXT)
        root.addWidget(self.status)

        self._preset_changed()
        remember_choices(settings, SETTINGS_PAGE, {"preset": self.preset, "place": self.place})
        self._remember_range(settings)
        self._loaded = False

    def _remember_range(self, settings: Settings | None) -> None:
        """A 自定义 range typed by the user comes back with it (a year's days need no keeping)."""
        if settings is None:
            return
        if self.preset.currentData() == CUSTOM:
            for key, field in (("start", self.start), ("end", self.end)):
                stored = settings.page_value(SETTINGS_PAGE, key)
                with suppress(ValueError, TypeError):  # a hand-edited value: the field stays
                    field.set_value(date.fromisoformat(stored))

        def store() -> None:
            if self.preset.currentData() == CUSTOM and self.range_problem() is None:
                for key, field in (("start", self.start), ("end", self.end)):
                    settings.set_page_value(SETTINGS_PAGE, key, _day(field).isoformat())

        self.start.changed.connect(store)
        self.end.changed.connect(store)

    def range_problem(self) -> str | None:
        """Why the period cannot be counted: a date that is no day, or the end before the start."""
        for field, name in ((self.start, self.tr("开始日期")), (self.end, self.tr("结束日期"))):
            problem = field.problem()
            if problem is not None:
                return self.tr("统计期间的{name}：{problem}").format(name=name, problem=problem)
        if _day(self.end) < _day(self.start):
            return self.tr("结束日期不能早于开始日期")
        return None

    def period(self) -> Period:
        """The period shown (ask ``range_problem`` first)."""
        return Period(_day(self.start), _day(self.end))

    def _preset_changed(self) -> None:
        year = self.preset.currentData()
        custom = year == CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            self.start.set_value(date(year, 1, 1))
            self.end.set_value(date(year, 12, 31))

    def showEvent(self, event: QShowEvent) -> None:
        """Count on first view, not at start-up: most sessions never open this page."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            QTimer.singleShot(0, self, self.refresh)  # once shown, not inside the show event

    def refresh(self) -> None:
        """Count the chosen period; a refusal is a message (ops), the tables keep what they show."""
        problem = self.range_problem()
        if problem is not None:
            self.status.setText(problem)
            return
        period = self.period()
        place = self.place.currentData()

        def work(s: Services) -> tuple[Statistics, list[str], list[FailedItemRow]]:
            return (
                s.statistics.compute(period),
                s.statistics.jurisdictions(),
                s.statistics.failed_items(period, place, limit=FAILED_ROWS),
            )

        Op(self, self.services, work, title=self.tr("统计")).success(self._show_all).run()
        # The charts' figures follow without holding the page (the tables are there already).
        Op(self, self.services, lambda s: s.statistics.charts(period), title=self.tr("统计")).success(
            self.show_charts
        ).start()

    def show_charts(self, data: ChartData) -> None:
        self.chart_data = data
        self.trend.set_months(data.months)
        self.ageing.set_buckets(data.ageing)
        self.supervised.set_places(data.supervised)
        self._update_export()

    def _update_export(self) -> None:
        ready = self.statistics is not None and self.chart_data is not None
        self.export_button.setEnabled(ready)

    def export_excel(self) -> None:
        """The tables, the charts' figures and the checklist ranking, as shown, to one workbook."""
        stats, charts = self.statistics, self.chart_data
        if stats is None or charts is None:
            return
        name = self.tr("隐患统计_{start}_{end}.xlsx").format(
            start=f"{stats.period.start:%Y%m%d}", end=f"{stats.period.end:%Y%m%d}"
        )
        path = ask_save_path(
            self, "statistics", self.tr("导出统计"), name, self.tr("Excel 工作簿 (*.xlsx)"), ".xlsx"
        )
        if path is not None:
            self.export_to(str(path))

    def export_to(self, path: str) -> None:
        from inspector.reports.statistics import export_statistics  # openpyxl only when exporting

        stats, charts, failed = self.statistics, self.chart_data, list(self.failed.rows)
        assert stats is not None and charts is not None
        target = path if path.lower().endswith(".xlsx") else f"{path}.xlsx"
        done = LongOp(
            self,
            self.services,
            lambda _s, progress: export_statistics(Path(target), stats, charts, failed, progress),
            title=self.tr("导出统计"),
            label=lambda done, total: self.tr("已写入 {0} / {1} 行").format(done, total),
        ).run()
        if done.ok:
            self.status.setText(self.tr("已导出：{path}").format(path=target))

    def _show_all(self, found: tuple[Statistics, list[str], list[FailedItemRow]]) -> None:
        stats, places, failed = found
        self._set_places(places)
        self.failed.set_rows(failed)
        self.show_statistics(stats)

    def _set_places(self, places: list[str]) -> None:
        current = self.place.currentData()
        self.place.blockSignals(True)
        self.place.clear()
        self.place.addItem(self.tr("全部属地"), None)
        for p in places:
            self.place.addItem(p, p)
        index = self.place.findData(current) if current is not None else 0
        self.place.setCurrentIndex(max(index, 0))
        self.place.blockSignals(False)

    def refresh_failed(self) -> None:
        """The ranking for the 属地 chosen, over the period shown."""
        if self.statistics is None and self.range_problem() is not None:
            return  # nothing counted yet and nothing to count: 统计 says why
        period = self.statistics.period if self.statistics is not None else self.period()
        place = self.place.currentData()
        Op(
            self,
            self.services,
            lambda s: s.statistics.failed_items(period, place, limit=FAILED_ROWS),
            title=self.tr("统计"),
        ).success(self.failed.set_rows).run()

    def show_statistics(self, stats: Statistics) -> None:
        self.statistics = stats
        self.places.set_rows(stats.by_jurisdiction)
        self.categories.set_rows(stats.by_category)
        self.categories.fit_height()
        self.rates.set_rows(stats.by_jurisdiction)
        self._update_export()
        self.rate_label.setText(
            self.tr("整改率口径（机关设置）：{label}。{formula}").format(
                label=term(RATE_FORMULA_LABELS[stats.formula]),
                formula=rate_formula_text(stats.formula),
            )
        )
        self.status.setText(
            self.tr("统计期间 {period}；已销号截至 {as_of}；“目前…”截至 {today}").format(
                period=period_text(stats.period.start, stats.period.end),
                as_of=f"{stats.as_of:%Y-%m-%d}",
                today=f"{stats.today:%Y-%m-%d}",
            )
        )
