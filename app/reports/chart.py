"""The chart "items by field and tendency", laid out once and drawn twice.

`layout_chart` computes drawing primitives in points (origin top-left); `to_flowable`
paints them on the PDF canvas and `to_png` paints the same primitives with Pillow for
the DOCX, so both documents show the identical chart.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from app.reports import fonts
from app.reports.document import Chart
from app.reports.layout import CHART_COLORS, CHART_FONT_SIZE, CHART_HEIGHT_MM, CHART_PNG_DPI, CHART_WIDTH_MM, MM_TO_PT
from app.text import vn_number


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    color: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float = 0.5


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float
    anchor: str = "start"  # start | middle | end
    bold: bool = False


Shape = Rect | Line | Text


def _wrap(text: str, size: float, width: float, max_lines: int = 3) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and fonts.text_width(trial, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines[:max_lines]


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return 10000


def layout_chart(chart: Chart) -> tuple[float, float, list[Shape]]:
    """Grouped bars: one group per field, one bar per tendency, legend under the axis."""
    width, height = CHART_WIDTH_MM * MM_TO_PT, CHART_HEIGHT_MM * MM_TO_PT
    fs = CHART_FONT_SIZE
    shapes: list[Shape] = [Text(width / 2, fs + 3, chart.title, fs + 1, "middle", bold=True)]
    top = fs * 2 + 12
    legend_rows = (len(chart.series) + 2) // 3
    legend_h = legend_rows * (fs + 5) + 4
    label_h = 3 * (fs + 1) + 6
    left, right = 30.0, width - 6
    bottom = height - legend_h - label_h
    plot_h = bottom - top
    peak = max([v for row in chart.values for v in row] + [1])
    step = _nice_step(peak)
    ymax = ((peak + step - 1) // step) * step
    for tick in range(0, ymax + 1, step):
        y = bottom - plot_h * tick / ymax
        shapes.append(Line(left, y, right, y, "#BDBDBD" if tick else "#000000", 0.4 if tick else 0.8))
        shapes.append(Text(left - 4, y + fs / 3, vn_number(tick), fs, "end"))
    shapes.append(Line(left, top, left, bottom, "#000000", 0.8))
    n_cat, n_ser = max(len(chart.categories), 1), max(len(chart.series), 1)
    group_w = (right - left) / n_cat
    bar_w = group_w * 0.8 / n_ser
    for ci, category in enumerate(chart.categories):
        gx = left + ci * group_w + group_w * 0.1
        for si in range(len(chart.series)):
            value = chart.values[si][ci] if si < len(chart.values) and ci < len(chart.values[si]) else 0
            if value <= 0:
                continue
            bh = plot_h * value / ymax
            x = gx + si * bar_w
            shapes.append(Rect(x, bottom - bh, bar_w, bh, CHART_COLORS[si % len(CHART_COLORS)]))
            shapes.append(Text(x + bar_w / 2, bottom - bh - 2, vn_number(value), fs - 2, "middle"))
        for li, line in enumerate(_wrap(category, fs, group_w - 2)):
            shapes.append(Text(left + (ci + 0.5) * group_w, bottom + fs + 3 + li * (fs + 1), line, fs, "middle"))
    col_w = (width - 20) / 3
    for si, name in enumerate(chart.series):
        row, col = divmod(si, 3)
        x = 10 + col * col_w
        y = height - legend_h + 4 + row * (fs + 5)
        shapes.append(Rect(x, y, fs, fs, CHART_COLORS[si % len(CHART_COLORS)]))
        shapes.append(Text(x + fs + 4, y + fs - 1.5, name, fs))
    return width, height, shapes


def to_flowable(chart: Chart):
    """A platypus flowable painting the primitives straight onto the PDF canvas.

    (reportlab.graphics' renderer would start every drawing in Helvetica; drawing
    directly keeps the PDF to the one embedded Liberation Serif family.)
    """
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Flowable

    fonts.register()
    width, height, shapes = layout_chart(chart)

    class ChartFlowable(Flowable):
        def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
            return width, height

        def draw(self) -> None:
            c = self.canv
            for s in shapes:
                if isinstance(s, Rect):
                    c.setFillColor(HexColor(s.color))
                    c.rect(s.x, height - s.y - s.h, s.w, s.h, stroke=0, fill=1)
                elif isinstance(s, Line):
                    c.setStrokeColor(HexColor(s.color))
                    c.setLineWidth(s.width)
                    c.line(s.x1, height - s.y1, s.x2, height - s.y2)
                else:
                    c.setFillColor(HexColor("#000000"))
                    c.setFont(fonts.face(s.bold, False), s.size)
                    draw = {"start": c.drawString, "middle": c.drawCentredString, "end": c.drawRightString}
                    draw[s.anchor](s.x, height - s.y, s.text)

    flowable = ChartFlowable()
    flowable.hAlign = "CENTER"
    return flowable


def to_png(chart: Chart, dpi: int = CHART_PNG_DPI) -> bytes:
    """The same chart as a PNG (for the DOCX), painted with Pillow in the same font."""
    from PIL import Image, ImageDraw, ImageFont

    width, height, shapes = layout_chart(chart)
    scale = dpi / 72.0
    image = Image.new("RGB", (round(width * scale), round(height * scale)), "white")
    draw = ImageDraw.Draw(image)
    cache: dict[tuple[float, bool], ImageFont.FreeTypeFont] = {}
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for s in shapes:
        if isinstance(s, Rect):
            draw.rectangle([s.x * scale, s.y * scale, (s.x + s.w) * scale, (s.y + s.h) * scale], fill=s.color)
        elif isinstance(s, Line):
            draw.line([s.x1 * scale, s.y1 * scale, s.x2 * scale, s.y2 * scale], fill=s.color,
                      width=max(1, round(s.width * scale)))
        else:
            key = (s.size, s.bold)
            if key not in cache:
                cache[key] = ImageFont.truetype(str(fonts.font_path("bold" if s.bold else "regular")),
                                                round(s.size * scale))
            draw.text((s.x * scale, s.y * scale), s.text, font=cache[key], fill="black", anchor=anchors[s.anchor])
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()
