"""Monthly trend of a topic's items, stacked by tendency (QtCharts).

The current month is not over yet, so its bar is drawn in lighter colours and the chart
says so ("tháng chưa hết"): a short December bar must not read as a drop in December."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app import catalog
from app.text import vn_date
from ui import palette

COLOURS = palette.TENDENCY_SERIES
TITLE = "Ý kiến theo tháng"   # the tendencies are named by the legend under it


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


def tick_labels(months: list[str]) -> list[str]:
    """'2026-01' -> '1': the month alone under each bar. A '1/26' under a bar 30 px wide was
    cut to '1/…' at 1366 px; the years are said once, in the axis title (axis_title)."""
    return [str(int(m[5:7])) for m in months]


def axis_title(months: list[str]) -> str:
    """'Tháng 12/2025 – 11/2026' for the months the bars cover."""
    if not months:
        return ""
    first, last = months[0], months[-1]
    return f"Tháng {int(first[5:7])}/{first[:4]} – {int(last[5:7])}/{last[:4]}"


def legend_grid(entries: list[tuple[str, str]], columns: int) -> tuple[QGridLayout, list[QLabel]]:
    """A legend of (colour, name) as a grid of labels that wrap: Qt's own legend elides a name
    that does not fit ("Đồng tình, ủng …") and cannot break a line."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(2)
    labels = []
    for n, (colour, name) in enumerate(entries):
        label = QLabel(f"<span style='color:{colour}'>■</span> {escape(name)}")
        label.setWordWrap(True)
        label.setObjectName("chartLegend")
        grid.addWidget(label, n // columns, n % columns)
        labels.append(label)
    for col in range(columns):
        grid.setColumnStretch(col, 1)
    return grid, labels


class TrendChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(190)          # with the legend under it: fits 1280x720
        self.partial_note = ""
        self.set_data([], {})

    def set_data(self, months: list[str], series: dict[str, list[int]], today: date | None = None) -> None:
        self.partial_note = partial_month_note(months, today or date.today())
        chart = QChart()
        # one title line: at 1280x720 a second line left the bars no room for their month labels
        note = f" <span style='font-size:8pt; color:{palette.COLOURS['muted']}'>({self.partial_note})</span>"
        chart.setTitle(f"<span style='font-size:9pt'>{TITLE}</span>{note if self.partial_note else ''}")
        chart.legend().setVisible(False)            # TrendPanel draws its own, wrapping
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
        axis_x.append(tick_labels(months))
        axis_x.setTitleText(axis_title(months))
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
        small = QFont(axis_x.labelsFont())       # after setChart, which applies the theme's fonts
        small.setPointSizeF(7.5)
        axis_x.setLabelsFont(small)
        axis_x.setTitleFont(small)
        if old is not None and old is not chart:
            old.deleteLater()


class TrendPanel(QWidget):
    """The trend chart with its legend under it: the four tendencies, two a line, wrapping
    in a narrow detail pane instead of being cut."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.view = TrendChart()
        box.addWidget(self.view, 1)
        legend, self.legend_labels = legend_grid(
            [(COLOURS[code], name) for code, name in catalog.TENDENCIES.items()], 2)
        box.addLayout(legend)

    @property
    def partial_note(self) -> str:
        return self.view.partial_note

    def set_data(self, months: list[str], series: dict[str, list[int]], today: date | None = None) -> None:
        self.view.set_data(months, series, today)
