"""The 工作台's compact charts: the last 12 months found/closed, today's overdue ageing and the
majors under 挂牌督办, for the district or the 属地 chosen on the page.

The figures are ``services.statistics.recent_charts(jurisdiction)`` (core.chart_data), read by an
``Op.start()`` after the tiles are shown, so the start page never waits for a chart.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from inspector.core.chart_data import ChartData, top_places
from inspector.core.context import Services
from inspector.ui.charts import AgeingChart, ChartBox, SupervisedChart, TrendChart
from inspector.ui.ops import Op

HOME_CHART_HEIGHT = 190
HOME_PLACES = 4  # bars the 挂牌督办 chart has room to name at this height (the rest: 其他)


class HomeCharts(QWidget):
    """Three charts in a row; ``data`` is what they show (None until the first read answered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.trend = TrendChart()
        self.ageing = AgeingChart()
        self.supervised = SupervisedChart()
        self.boxes = [
            ChartBox(self.tr("近12个月发现与销号"), self.trend),
            ChartBox(self.tr("目前逾期账龄"), self.ageing),
            ChartBox(self.tr("挂牌督办重大隐患"), self.supervised),
        ]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        for stretch, box in zip((2, 1, 1), self.boxes, strict=True):
            row.addWidget(box, stretch)
        self.setFixedHeight(HOME_CHART_HEIGHT)

    def refresh(self, services: Services, jurisdiction: str | None) -> None:
        Op(
            self,
            services,
            lambda s: s.statistics.recent_charts(jurisdiction),
            title=self.tr("工作台"),
        ).success(self.show_data).start()

    def show_data(self, data: ChartData) -> None:
        self.data = data
        self.trend.set_months(data.months)
        self.ageing.set_buckets(data.ageing)
        self.supervised.set_places(top_places(data.supervised, HOME_PLACES))
