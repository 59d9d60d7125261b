"""Where a short centred line of the header breaks, the same in the PDF and the DOCX.

A Party committee's name can be too long for the header's left column ("ĐẢNG ỦY CÁC CƠ QUAN
ĐẢNG TỈNH"). Left to the renderer it wraps greedily and leaves one word alone on the last line
("… ĐẢNG / TỈNH"), which a clerk would re-break by hand; here the lines are chosen once, with the
PDF font's metrics (Liberation Serif is a metric twin of the DOCX's Times New Roman), and a
lone last word takes the word before it along ("… CƠ QUAN / ĐẢNG TỈNH").
"""

from __future__ import annotations

from app.reports import fonts

PT_PER_MM = 72 / 25.4


def centred_lines(text: str, width_mm: float, size: float, bold: bool) -> list[str]:
    """`text` broken into lines no wider than `width_mm` (a word wider than that stands alone),
    with no single word left alone on the last line when the line above can spare one."""
    width = width_mm * PT_PER_MM
    lines: list[list[str]] = [[]]
    for word in text.split():
        if lines[-1] and fonts.text_width(" ".join([*lines[-1], word]), size, bold) > width:
            lines.append([])
        lines[-1].append(word)
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) >= 3:
        lines[-1].insert(0, lines[-2].pop())
    return [" ".join(line) for line in lines]
