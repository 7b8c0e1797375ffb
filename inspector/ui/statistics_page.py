"""统计 page: per 属地 and per 隐患类别 figures for a period (this year by default).

The figures come from core.statistics in one ``Op`` on the database worker (a million hazards take
about a second: the window keeps painting and a busy dialog shows); a refusal is a message, only a
defect reaches the crash dialog. The tables are small (one line per 属地), so plain QTableWidgets are enough here.
Labels shared with the 月度台账 mean the same there (core.ledger_summary); the figures of today,
not of the period, say so: 目前未销号, 目前逾期未整改, 目前逾期未复查. 整改率 is the office's
reading, named under the tables.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.office import RATE_FORMULA_LABELS
from inspector.core.statistics import TOTAL_LABEL, Period, Statistics, StatRow
from inspector.ui.ops import Op
from inspector.ui.style import MUTED_TEXT, OVERDUE_COLOUR, icon
from inspector.ui.terms import period_text, rate_formula_text, term


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _rate(row: StatRow) -> str:
    rate = row.closure_rate
    return "—" if rate is None else f"{rate:.1%}"


_BREAK_AFTER = ("本月新发现", "本期发现", "未销号", "其中", "目前")


def header_text(label: str) -> str:
    """A long column label on two lines, broken between its words (其中 | 逾期未整改), so a
    narrow numeric column shows all of it."""
    if label.isascii():  # a translation: break at the space nearest the middle, never inside a word
        if len(label) <= 12 or " " not in label:
            return label
        spaces = [i for i, ch in enumerate(label) if ch == " "]
        cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
        return f"{label[:cut]}\n{label[cut + 1 :]}"
    if len(label) <= 5:
        return label
    if "（" in label:
        return label.replace("（", "\n（", 1)
    for word in _BREAK_AFTER:
        if label.startswith(word):
            return f"{word}\n{label[len(word) :]}"
    half = (len(label) + 1) // 2
    return f"{label[:half]}\n{label[half:]}"


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


def place_columns() -> list[tuple[str, Callable[[StatRow], object]]]:
    return [
        (QCoreApplication.translate("StatisticsPage", "属地"), lambda r: r.key),
        (QCoreApplication.translate("StatisticsPage", "企业数"), lambda r: r.enterprises),
        (QCoreApplication.translate("StatisticsPage", "检查企业"), lambda r: r.inspected_enterprises),
        (QCoreApplication.translate("StatisticsPage", "检查次数"), lambda r: r.inspections),
        *_hazard_columns(),
    ]


def category_columns() -> list[tuple[str, Callable[[StatRow], object]]]:
    return [(QCoreApplication.translate("StatisticsPage", "隐患类别"), lambda r: r.key), *_hazard_columns()]


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


class StatisticsPage(QWidget):
    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        settings: object | None = None,
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
        self.preset.addItem(self.tr("自定义"), None)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        bar.addWidget(self.preset)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(self.start)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.end)
        self.run_button = QPushButton(icon("refresh"), self.tr("统计"))
        self.run_button.clicked.connect(self.refresh)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        root.addLayout(bar)

        self.places = StatTable(place_columns())
        box = QGroupBox(self.tr("按属地"))
        QVBoxLayout(box).addWidget(self.places)
        root.addWidget(box, 3)
        self.categories = StatTable(category_columns())
        box = QGroupBox(self.tr("按隐患类别"))
        QVBoxLayout(box).addWidget(self.categories)
        root.addWidget(box, 0)
        self.note = QLabel(QCoreApplication.translate("StatisticsPage", str(DEFINITIONS)))
        self.note.setStyleSheet(MUTED_TEXT)
        self.note.setWordWrap(True)
        root.addWidget(self.note)
        self.rate_label = QLabel()
        self.rate_label.setStyleSheet(MUTED_TEXT)
        self.rate_label.setWordWrap(True)
        root.addWidget(self.rate_label)
        self.status = QLabel()
        self.status.setStyleSheet(MUTED_TEXT)
        root.addWidget(self.status)

        self._preset_changed()
        self._loaded = False

    def period(self) -> Period:
        return Period(_day(self.start), _day(self.end))

    def _preset_changed(self) -> None:
        year = self.preset.currentData()
        custom = year is None
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            self.start.setDate(QDate(year, 1, 1))
            self.end.setDate(QDate(year, 12, 31))

    def showEvent(self, event: QShowEvent) -> None:
        """Count on first view, not at start-up: most sessions never open this page."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            QTimer.singleShot(0, self, self.refresh)  # once shown, not inside the show event

    def refresh(self) -> None:
        """Count the chosen period; a refusal is a message (ops), the tables keep what they show."""
        period = self.period()
        if period.end < period.start:
            self.status.setText(self.tr("结束日期不能早于开始日期"))
            return
        Op(self, self.services, lambda s: s.statistics.compute(period), title=self.tr("统计")).success(
            self.show_statistics
        ).run()

    def show_statistics(self, stats: Statistics) -> None:
        self.statistics = stats
        self.places.set_rows(stats.by_jurisdiction)
        self.categories.set_rows(stats.by_category)
        self.categories.fit_height()
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
