"""The charts of the 统计 page and the 工作台 (QtCharts, PySide6-Addons): they only draw the figures
core.chart_data and core.statistics computed on the database worker.

- ``TrendChart``: hazards found / closed per month (grouped bars);
- ``RateChart``: 整改率 per 属地 (horizontal bars, the office's reading, as in the table);
- ``AgeingChart``: today's late hazards by days late, 逾期未整改 and 逾期未复查 stacked;
- ``SupervisedChart``: 重大隐患 under 挂牌督办 per 属地, those past the deadline stacked on top.

Every chart sits in a ``ChartBox`` with a 导出图片 button (and the same action on its context
menu) that saves a PNG rendered at twice the widget's size. ``series_values()`` returns what each
chart draws, for tests that compare it with the core's numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.chart_data import OTHER_PLACES, AgeBucket, MonthCount, SupervisedPlace
from inspector.core.statistics import TOTAL_LABEL, StatRow
from inspector.ui.save_dialog import ask_save_path
from inspector.ui.style import (
    CHART_CLOSED_COLOUR,
    CHART_FOUND_COLOUR,
    CHART_GRID_COLOUR,
    CHART_LABEL_COLOUR,
    CHART_LATE_RECT_COLOUR,
    CHART_LATE_REVIEW_COLOUR,
    CHART_MAJOR_COLOUR,
    CHART_MAJOR_LATE_COLOUR,
    CHART_RATE_COLOUR,
    SECTION_HEADING,
    icon,
)

EXPORT_SCALE = 2  # a PNG twice the widget's size: sharp in a report or on a projector


def age_text(low: int, high: int | None) -> str:
    """The axis label of an ageing bucket: 1–7天, >90天."""
    if high is None:
        return QCoreApplication.translate("Charts", ">{n}天").format(n=low - 1)
    return QCoreApplication.translate("Charts", "{low}–{high}天").format(low=low, high=high)


def _whole(n: float) -> int:
    """A value axis top with a little room and whole ticks."""
    top = max(int(n), 1)
    return top + max(1, top // 10)


class Chart(QChartView):
    """A QChartView with the app's font, no animations (tests and exports see the final state)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.setBackgroundRoundness(0)
        self.chart_.setMargins(QMargins(0, 0, 0, 0))
        self.chart_.layout().setContentsMargins(0, 0, 0, 0)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart_.legend().setFont(self._small_font())
        self.setMinimumHeight(120)
        self._values: dict[str, list[float]] = {}
        self._categories: list[str] = []

    def series_values(self) -> dict[str, list[float]]:
        """Each bar set's values by its label, as drawn."""
        return {k: list(v) for k, v in self._values.items()}

    def categories(self) -> list[str]:
        return list(self._categories)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 8))
        return font

    def _draw(
        self,
        series: QBarSeries | QStackedBarSeries | QHorizontalBarSeries | QHorizontalStackedBarSeries,
        categories: Sequence[str],
        sets: Sequence[tuple[str, str, Sequence[float]]],
        *,
        horizontal: bool = False,
        percent: bool = False,
    ) -> None:
        """Replace what the chart shows by one series of ``sets`` (label, colour, values)."""
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._values, self._categories = {}, list(categories)
        top = 0.0
        for label, colour, values in sets:
            bar = QBarSet(label)
            bar.setColor(QColor(colour))
            bar.setBorderColor(QColor(colour))
            bar.append([float(v) for v in values])
            series.append(bar)
            self._values[label] = [float(v) for v in values]
        if isinstance(series, QStackedBarSeries | QHorizontalStackedBarSeries):
            top = max((sum(col) for col in zip(*self._values.values(), strict=True)), default=0.0)
        else:
            top = max((max(v, default=0.0) for v in self._values.values()), default=0.0)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(list(categories))
        names.setLabelsFont(self._small_font())
        names.setLabelsColor(QColor(CHART_LABEL_COLOUR))
        names.setGridLineVisible(False)
        # QtCharts elides category labels to "…" long before they collide; 属地 names are short.
        names.setTruncateLabels(False)
        values_axis = QValueAxis()
        values_axis.setLabelsFont(self._small_font())
        values_axis.setLabelsColor(QColor(CHART_LABEL_COLOUR))
        values_axis.setGridLineColor(QColor(CHART_GRID_COLOUR))
        values_axis.setTruncateLabels(False)
        if percent:
            values_axis.setRange(0, 100)
            values_axis.setLabelFormat("%d%%")
            values_axis.setTickCount(6)
        else:
            high = _whole(top)
            values_axis.setRange(0, high)
            values_axis.setLabelFormat("%d")
            if high <= 3:  # whole ticks only: 0 1 2 3, never 0 0 1 1 2
                values_axis.setTickCount(high + 1)
            else:
                values_axis.setTickCount(3)  # a low chart: 0, the middle, the top
                values_axis.applyNiceNumbers()
        category_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        value_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(names, category_side)
        chart.addAxis(values_axis, value_side)
        series.attachAxis(names)
        series.attachAxis(values_axis)
        chart.legend().setVisible(len(sets) > 1)

    def image(self, scale: int = EXPORT_SCALE) -> QImage:
        """The chart rendered at ``scale`` times the widget's size, on white."""
        image = QImage(self.width() * scale, self.height() * scale, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.render(painter)
        painter.end()
        return image


class TrendChart(Chart):
    def set_months(self, months: Sequence[MonthCount]) -> None:
        one_year = len({m.month.year for m in months}) == 1
        labels = [
            QCoreApplication.translate("Charts", "{m}月").format(m=m.month.month)
            if one_year
            else f"{m.month:%y-%m}"
            for m in months
        ]
        self._draw(
            QBarSeries(),
            labels,
            [
                (self.tr("发现"), CHART_FOUND_COLOUR, [m.found for m in months]),
                (self.tr("销号"), CHART_CLOSED_COLOUR, [m.closed for m in months]),
            ],
        )


class RateChart(Chart):
    def set_rows(self, rows: Sequence[StatRow]) -> None:
        """The 属地 lines of the breakdown (合计 left out); a 属地 with nothing to divide shows 0."""
        shown = [r for r in rows if r.key != TOTAL_LABEL][::-1]  # first 属地 at the top
        rates = [round((r.closure_rate or 0.0) * 100, 1) for r in shown]
        self._draw(
            QHorizontalBarSeries(),
            [r.key for r in shown],
            [(self.tr("整改率"), CHART_RATE_COLOUR, rates)],
            horizontal=True,
            percent=True,
        )


class AgeingChart(Chart):
    def set_buckets(self, buckets: Sequence[AgeBucket]) -> None:
        self._draw(
            QStackedBarSeries(),
            [age_text(b.low, b.high) for b in buckets],
            [
                (self.tr("逾期未整改"), CHART_LATE_RECT_COLOUR, [b.rectification for b in buckets]),
                (self.tr("逾期未复查"), CHART_LATE_REVIEW_COLOUR, [b.review for b in buckets]),
            ],
        )


class SupervisedChart(Chart):
    def set_places(self, places: Sequence[SupervisedPlace]) -> None:
        """Bars across, 属地 names down the side: side by side under the bars, names collided."""
        shown = list(places)[::-1]  # first 属地 at the top
        self._draw(
            QHorizontalStackedBarSeries(),
            [self.tr("其他") if p.key == OTHER_PLACES else p.key for p in shown],
            [
                (self.tr("未逾期"), CHART_MAJOR_COLOUR, [p.listed - p.overdue for p in shown]),
                (self.tr("已逾期"), CHART_MAJOR_LATE_COLOUR, [p.overdue for p in shown]),
            ],
            horizontal=True,
        )


class ChartBox(QWidget):
    """A titled chart with 导出图片 (button and context menu). ``exported(path)`` after a save."""

    exported = Signal(str)

    def __init__(self, title: str, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.title = QLabel(title)
        self.title.setStyleSheet(SECTION_HEADING)
        self.export_button = QToolButton()
        self.export_button.setIcon(icon("image_export"))
        self.export_button.setAutoRaise(True)
        self.export_button.setToolTip(self.tr("导出图片（PNG）"))
        self.export_button.clicked.connect(self.export_png)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addWidget(chart, 1)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(icon("image_export"), self.tr("导出图片（PNG）…"), self.export_png)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def export_png(self) -> None:
        name = self.title.text().split("（")[0] or "chart"
        path = ask_save_path(
            self, "charts", self.tr("导出图片"), f"{name}.png", self.tr("PNG 图片 (*.png)"), ".png"
        )
        if path is not None:
            self.save_png(path)

    def save_png(self, path: Path) -> None:
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        if not self.chart.image().save(str(path)):
            QMessageBox.warning(
                self, self.tr("导出图片"), self.tr("无法写入文件：{path}").format(path=str(path))
            )
            return
        self.exported.emit(str(path))


__all__ = [
    "AgeingChart",
    "Chart",
    "ChartBox",
    "RateChart",
    "SupervisedChart",
    "TrendChart",
    "age_text",
]
