"""Monthly trend of a topic's items, stacked by tendency (QtCharts).

The current month is not over yet, so its bar is drawn in lighter colours and the chart
says so ("tháng chưa hết"): a short December bar must not read as a drop in December."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter

from app import catalog
from app.text import vn_date
from ui import palette

COLOURS = palette.TENDENCY_SERIES
TITLE = "Số ý kiến theo tháng, theo xu hướng"


def partial_month_note(months: list[str], today: date) -> str:
    """The note for the last bar when it is today's unfinished month, else ''."""
    if not months or months[-1] != today.strftime("%Y-%m"):
        return ""
    following = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    if (following - today).days == 1:      # the last day of the month: it is (almost) whole
        return ""
    return f"cột nhạt: tháng {today:%m/%Y} chưa hết (số liệu đến {vn_date(today)[:5]})"


def paler(colour: QColor, share: float = 0.55) -> QColor:
    """The colour mixed with white: the same hue, clearly lighter (lighter() turns green neon)."""
    return QColor(*(round(c + (255 - c) * share) for c in (colour.red(), colour.green(), colour.blue())))


class TrendChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(230)
        self.partial_note = ""
        self.set_data([], {})

    def set_data(self, months: list[str], series: dict[str, list[int]], today: date | None = None) -> None:
        self.partial_note = partial_month_note(months, today or date.today())
        chart = QChart()
        chart.setTitle(f"{TITLE}<br><span style='font-size:8pt; color:{palette.COLOURS['muted']}'>({self.partial_note})</span>"
                       if self.partial_note else TITLE)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        bars = QStackedBarSeries()
        for code, counts in series.items():
            bar = QBarSet(catalog.label(catalog.TENDENCIES, code))
            bar.append([float(n) for n in counts])
            colour = QColor(COLOURS.get(code, palette.OTHER_SERIES))
            bar.setColor(colour)
            if self.partial_note:
                # A selected bar is drawn in the selected colour: the unfinished month, paler.
                bar.setSelectedColor(paler(colour))
                bar.selectBar(len(counts) - 1)
            bars.append(bar)
        chart.addSeries(bars)
        axis_x = QBarCategoryAxis()
        # the month's number under each bar, the span of months once in the axis title: twelve
        # "mm/yy" labels do not fit the detail pane and Qt cut every one to "01/…"
        axis_x.append([str(int(m[5:7])) for m in months])
        if months:
            axis_x.setTitleText(f"Tháng {months[0][5:7]}/{months[0][:4]} – {months[-1][5:7]}/{months[-1][:4]}")
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
        # after setChart, which applies the theme's fonts again: the four tendencies' names fit
        # the detail pane at 1366x768 (they were cut to "Đồng tình, ủng …")
        small = QFont(axis_x.labelsFont())
        small.setPointSizeF(7.5)
        axis_x.setLabelsFont(small)
        axis_x.setTitleFont(small)
        legend_font = QFont(chart.legend().font())
        legend_font.setPointSizeF(8)
        chart.legend().setFont(legend_font)
        if old is not None and old is not chart:
            old.deleteLater()
