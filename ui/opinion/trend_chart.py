"""Monthly trend of a topic's items, stacked by tendency (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from app import catalog

COLOURS = {"support": "#2e7d32", "concern": "#f9a825", "frustration": "#c62828", "distortion": "#6a1b9a"}


class TrendChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(230)
        self.set_data([], {})

    def set_data(self, months: list[str], series: dict[str, list[int]]) -> None:
        chart = QChart()
        chart.setTitle("Số ý kiến theo tháng, theo xu hướng")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        bars = QStackedBarSeries()
        for code, counts in series.items():
            bar = QBarSet(catalog.label(catalog.TENDENCIES, code))
            bar.append([float(n) for n in counts])
            bar.setColor(QColor(COLOURS.get(code, "#607d8b")))
            bars.append(bar)
        chart.addSeries(bars)
        axis_x = QBarCategoryAxis()
        axis_x.append([f"{m[5:7]}/{m[2:4]}" for m in months])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(axis_x)
        axis_y = QValueAxis()
        top = max([sum(col) for col in zip(*series.values(), strict=False)] or [0])
        axis_y.setRange(0, max(5, top))
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_y)
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
