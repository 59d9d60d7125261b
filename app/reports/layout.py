"""The one layout spec of a Party document (shared/FORMAT.md, HD 36-HD/VPTW).

Both renderers (render_docx, render_pdf) read every size, margin and column width from
here, so the DOCX and the PDF cannot drift apart. Line heights are exact point values
(not "single"/"1.5") because Word and reportlab compute "single" differently; exact
leading keeps the two paginations the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
DOCX_FONT = "Times New Roman"
PDF_FONT = "LiberationSerif"  # metric twin of Times New Roman with full Vietnamese coverage
PDF_FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}

MM_TO_PT = 72.0 / 25.4


@dataclass(frozen=True)
class Page:
    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 15.0
    page_number_from_top_mm: float = 10.0  # top edge of the page-number line (Word: header distance)

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


@dataclass(frozen=True)
class Style:
    """One block's typography. `leading` is the exact line height in points."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str = "center"  # left | center | right | justify
    leading: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    first_indent_mm: float = 0.0

    @property
    def line(self) -> float:
        return self.leading or round(self.size * 1.15, 1)


PAGE = Page()

# Column widths (mm) of the two-column blocks; each pair adds up to the text width (165 mm).
HEADER_COLUMNS_MM = (80.0, 85.0)  # "BAN TUYÊN GIÁO VÀ DÂN VẬN" (75.6 mm) fits on one line
END_COLUMNS_MM = (72.0, 93.0)
MINUTES_SIGN_COLUMNS_MM = (82.5, 82.5)
END_GAP_PT = 12.0  # empty room between the body and the "Nơi nhận" / signature block
# DOCX: closing paragraphs kept with the signature block; Word (widow control) moves only their
# last lines, as the PDF moves the text's last pdf_keeps.LINES_KEPT lines.
KEEP_WITH_SIGNATURE = 2
SIGNATURE_SPACE_PT = 80.0  # room for the hand signature and the seal (or the digital stamp)
FIGURE_AFTER_PT = 10.0  # room under a table or chart, so a heading never sits on its last line
LONG_TABLE_START_PT = 110.0  # a table starts a page only if its caption, header and 2 rows fit
MIN_TABLE_ROWS_AT_SPLIT = 2  # a table splits (header repeated) never leaving fewer body rows than this on a page
CHART_MIN_SCALE = 0.9  # a chart shrinks at most this far to fit the rest of a page (below, its labels are unreadable), else it moves on

STYLES: dict[str, Style] = {
    # Header, left column
    "superior": Style(14, leading=16),
    "body_name": Style(14, bold=True, leading=16),
    "asterisk": Style(14, leading=16),
    "number": Style(14, leading=16, space_before=6),
    "mark": Style(14, bold=True, leading=16, space_before=2),
    # Header, right column
    "party": Style(15, bold=True, underline=True, leading=17),
    "date_line": Style(14, italic=True, leading=16, space_before=6),  # same line as the number
    # Title
    "doc_type": Style(15, bold=True, leading=18, space_before=24),
    "subject": Style(14, bold=True, leading=17),
    "dashes": Style(14, leading=14, space_after=10),
    # Body
    "body": Style(14, align="justify", leading=19, space_after=6, first_indent_mm=12.7),
    "heading1": Style(14, bold=True, align="justify", leading=19, space_before=6, space_after=6,
                      first_indent_mm=12.7),
    "heading2": Style(14, bold=True, align="justify", leading=19, space_before=4, space_after=6,
                      first_indent_mm=12.7),
    "heading3": Style(14, bold=True, italic=True, align="justify", leading=19, space_after=6,
                      first_indent_mm=12.7),
    "table": Style(13, align="center", leading=15),
    "table_head": Style(13, bold=True, align="center", leading=15),
    "table_first": Style(13, align="left", leading=15),
    # "Bảng 1. …" above its table, kept with it (never alone at the foot of a page)
    "caption": Style(13, bold=True, align="center", leading=15, space_before=6, space_after=4),
    # End of document
    "recipients_label": Style(14, underline=True, align="left", leading=16),
    "recipients": Style(12, align="left", leading=14),
    "sign_authority": Style(14, bold=True, leading=16),
    "sign_title": Style(14, leading=16),  # regular under an authority line; bold when alone
    "signer_name": Style(14, bold=True, leading=16),
    "page_number": Style(14, leading=16),
}

# Chart (items by field x tendency): size on the page and the shared palette.
CHART_WIDTH_MM = 160.0
CHART_HEIGHT_MM = 85.0
CHART_FONT_SIZE = 9.0
CHART_COLORS = ["#2E7D32", "#F9A825", "#C62828", "#6A1B9A", "#1565C0", "#616161"]
CHART_PNG_DPI = 200

TABLE_BORDER_PT = 0.5
