"""The overview's chart: an app.overview.Chart (items per month, stacked by field) as stacked
bars. The unfinished month is paler and the title says so (the topics chart's rule); a click
on a slice emits `clicked(Link)`, the opinions list filtered to that month and field.

In half a card at 1366 px Qt's own legend and "mm/yy" ticks were cut ("Văn hóa – ...",
"01..."): ticks are the month number (with the year at January and at the first bar) and
the legend is a grid of labels under the chart, wrapping instead of eliding."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from app.overview import Chart
from ui import palette
from ui.opinion.trend_chart import axis_title, legend_grid, paler, partial_month_note, tick_labels

# One quiet colour per field, the Party red kept for the accent only.
COLOURS = palette.FIELD_SERIES


LEGEND_COLUMNS = 3


class MonthChart(QChartView):
    clicked = Signal(object)    # app.overview.Link

    def __init__(self, data: Chart, today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QBrush(QColor("white")))
        self.setFixedHeight(250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Nhấp vào một đoạn cột để xem các thông tin của lĩnh vực và tháng đó.")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.partial_note = partial_month_note(data.months, today or date.today())
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.setBackgroundBrush(QBrush(QColor("white")))
        if self.partial_note:
            chart.setTitle(f"<span style='font-size:8pt; color:{palette.COLOURS['muted']}'>({self.partial_note})</span>")
        chart.legend().setVisible(False)                 # ChartPanel draws its own, wrapping
        bars = QStackedBarSeries()
        shown = [(i, s) for i, s in enumerate(data.series) if any(s.values)]
        for index, s in shown:
            bar = QBarSet(s.label)
            bar.append([float(n) for n in s.values])
            colour = QColor(COLOURS.get(s.code, palette.OTHER_SERIES))
            bar.setColor(colour)
            bar.setBorderColor(colour)
            if self.partial_note:
                bar.setSelectedColor(paler(colour))     # a selected bar is drawn paler: the month not over
                bar.selectBar(len(s.values) - 1)
            bar.clicked.connect(lambda month, i=index: self.clicked.emit(self.data.link(i, month)))
            bars.append(bar)
        chart.addSeries(bars)
        axis_x = QBarCategoryAxis()
        axis_x.append(tick_labels(data.months))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        tick = QFont(axis_x.labelsFont())
        tick.setPointSizeF(8)                   # after addAxis (the theme sets fonts)
        axis_x.setLabelsFont(tick)
        axis_x.setTitleText(axis_title(data.months))
        axis_x.setTitleFont(tick)
        bars.attachAxis(axis_x)
        axis_y = QValueAxis()
        top = max([sum(col) for col in zip(*(s.values for s in data.series), strict=False)] or [0])
        axis_y.setRange(0, max(5, top))
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()
        axis_y.setLabelsFont(tick)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_y)
        self.bars = bars
        self.setChart(chart)


class ChartPanel(QWidget):
    """The chart with its legend (colour square and field name, LEGEND_COLUMNS a line)."""

    clicked = Signal(object)    # app.overview.Link

    def __init__(self, data: Chart, today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.chart = MonthChart(data, today)
        self.chart.clicked.connect(self.clicked)
        box.addWidget(self.chart)
        legend, self.legend_labels = legend_grid(
            [(COLOURS.get(s.code, palette.OTHER_SERIES), s.label) for s in data.series if any(s.values)], LEGEND_COLUMNS)
        box.addLayout(legend)
