"""No page of a rendered document but its last ends far from the foot of its body.

What is enforced, on the PDF of every periodic kind, an ad-hoc and a thematic report and the
minutes of the demo's last regular and extraordinary meetings: on each page but the last, the
lowest drawn thing (text, table rule, chart) stands no more than BLANK_ALLOWED of the body's
height above the bottom margin. The one exception is a page followed by a page that opens with
a chart: a chart cannot split and shrinks only so far (layout.CHART_MIN_SCALE), so a chart
taller than the room left moves whole; and the last page when it holds only the text's last
lines and the ending (Nơi nhận and the signature, which cannot split), a block taller than the
room left on the page before. A heading, a table or the signature block never excuses
a gap: a heading needs only the first lines of what it heads beside it, a table splits with its
header row repeated, and the signature block keeps only the last lines of the text with it.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.reports import draft, register
from app.reports.layout import MM_TO_PT, PAGE
from app.reports.pdf_keeps import LINES_KEPT
from tests.pdfread import PdfDoc, open_pdf
from tests.reports.demo_copy import open_demo_copy

BLANK_ALLOWED = 0.2  # a fifth of the body (51 mm): page 1 of the monthly left 24 %


def _blank_at_foot(page) -> float:
    """Share of the body's height left empty under the page's lowest drawn object."""
    top, bottom = PAGE.top_mm * MM_TO_PT, page.height - PAGE.bottom_mm * MM_TO_PT
    lows = [box[3] for ch, _font, _size, box in page._chars if ch.strip()]
    lows += [page.height - obj.get_bounds()[1] for obj in page._page.get_objects()]
    lowest = max(y for y in lows if y <= bottom + 2)
    return (bottom - lowest) / (bottom - top)


def _closing_only(page) -> bool:
    """The page holds the text's last lines (at most LINES_KEPT + 1) and then the ending."""
    words = page.words()
    ends = [w.y0 for w in words if w.text in ("Nơi", "NGƯỜI", "THƯ", "CHỦ")]
    if not ends:
        return False
    lines, bottom = 0, 0.0
    for word in sorted((w for w in words if w.y1 < min(ends) - 1 and w.y0 > PAGE.top_mm * MM_TO_PT),
                       key=lambda w: w.y0):
        if word.y0 > bottom - 2:      # below the line so far: a new line
            lines += 1
        bottom = max(bottom, word.y1) if word.y0 <= bottom - 2 else word.y1
    return lines <= LINES_KEPT + 1


def _gaps(pdf: PdfDoc) -> list[tuple[int, float, str]]:
    out = []
    for index, page in enumerate(pdf.pages[:-1]):
        blank = _blank_at_foot(page)
        following = pdf.pages[index + 1]
        opens = [line for line in following.text().splitlines()[1:] if line.strip()][:1]
        chart = bool(opens and opens[0].startswith("Biểu đồ"))
        closing = index + 2 == len(pdf.pages) and _closing_only(following)
        if blank > BLANK_ALLOWED and not chart and not closing:
            out.append((index + 1, round(blank, 2), opens[0] if opens else ""))
    return out


@pytest.fixture(scope="module")
def rendered(demo_template, tmp_path_factory) -> dict[str, PdfDoc]:
    from app.meetings import core as meetings
    from app.reports.minutes import minutes_document
    from app.reports.render_pdf import render_pdf

    ctx = open_demo_copy(demo_template, tmp_path_factory, "fill")
    today = date.today()
    out = {}
    try:
        for kind in ("monthly", "quarterly", "half_year", "annual"):
            report = draft.draft_report(ctx, kind, today)
            out[kind] = open_pdf(register.render_files(ctx, report.id)[1])
        report = draft.draft_report(ctx, "adhoc", None, start=today.replace(day=1, month=7), end=today,
                                    topic="ô nhiễm môi trường từ cơ sở chăn nuôi heo và lò than củi")
        out["adhoc"] = open_pdf(register.render_files(ctx, report.id)[1])
        held = [m for m in meetings.list_meetings(ctx) if m.held_on <= today.isoformat()]
        for kind in ("regular", "extraordinary"):
            last = max((m for m in held if m.kind == kind), key=lambda m: m.held_on)
            out[f"minutes-{kind}"] = open_pdf(render_pdf(minutes_document(ctx, last.id)))
    finally:
        ctx.close()
    return out


def test_no_page_but_the_last_ends_with_a_large_gap(rendered):
    gaps = {name: _gaps(pdf) for name, pdf in rendered.items()}
    assert not any(gaps.values()), {name: found for name, found in gaps.items() if found}
