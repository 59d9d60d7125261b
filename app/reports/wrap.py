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


# Words that end a unit's kind: a break right after one keeps the unit's own name whole
# ("ĐẢNG ỦY XÃ / HƯNG KHÁNH TRUNG", "ĐẢNG BỘ THÀNH PHỐ / HỒ CHÍ MINH").
KINDS = (("XÃ",), ("PHƯỜNG",), ("ĐẶC", "KHU"), ("THỊ", "TRẤN"), ("THỊ", "XÃ"), ("TỈNH",), ("THÀNH", "PHỐ"),
         ("HUYỆN",), ("QUẬN",))


def centred_lines(text: str, width_mm: float, size: float, bold: bool) -> list[str]:
    """`text` broken into lines no wider than `width_mm` (a word wider than that stands alone):
    after the first unit kind when both parts then fit, else greedily, with no single word left
    alone on the last line when the line above can spare one."""
    width = width_mm * PT_PER_MM
    words = text.split()

    def fits(part: list[str]) -> bool:
        return fonts.text_width(" ".join(part), size, bold) <= width

    if fits(words):
        return [" ".join(words)] if words else [""]
    for i in range(1, len(words)):
        if any(tuple(words[max(0, i - len(k)):i]) == k for k in KINDS) and fits(words[:i]) and fits(words[i:]):
            return [" ".join(words[:i]), " ".join(words[i:])]
    lines: list[list[str]] = [[]]
    for word in words:
        if lines[-1] and not fits([*lines[-1], word]):
            lines.append([])
        lines[-1].append(word)
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) >= 3:
        lines[-1].insert(0, lines[-2].pop())
    return [" ".join(line) for line in lines]
