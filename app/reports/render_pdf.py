"""PDF renderer (reportlab platypus) for a `Document`, following layout.py to the point.

Fonts: the shipped Liberation Serif family, embedded. Page numbers from page 2 on, size
14, centred in the top margin. `render_pdf_anchored` also reports where the empty
signature space landed, so signing can put the visible stamp exactly there.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Spacer, Table, TableStyle
from reportlab.platypus import Paragraph as RLParagraph

from app.reports import chart as chart_mod
from app.reports import fonts
from app.reports.document import Chart, Document, Heading, Paragraph, Signature, recipient_lines
from app.reports.document import Table as DocTable
from app.reports.layout import (
    END_COLUMNS_MM,
    END_GAP_PT,
    HEADER_COLUMNS_MM,
    MINUTES_SIGN_COLUMNS_MM,
    MM_TO_PT,
    PAGE,
    SIGNATURE_SPACE_PT,
    STYLES,
    TABLE_BORDER_PT,
    Style,
)

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


@dataclass(frozen=True)
class Anchor:
    """Where a signature space was drawn: 0-based page index and box in PDF points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


def mm(value: float) -> float:
    return value * MM_TO_PT


def _pstyle(name: str, style: Style | None = None) -> ParagraphStyle:
    s = style or STYLES[name]
    return ParagraphStyle(
        name, fontName=fonts.face(s.bold, s.italic), fontSize=s.size, leading=s.line, alignment=_ALIGN[s.align],
        spaceBefore=s.space_before, spaceAfter=s.space_after, firstLineIndent=mm(s.first_indent_mm),
        keepWithNext=1 if name.startswith("heading") else 0,
    )


def _para(text: str, name: str) -> RLParagraph:
    markup = escape(text)
    if STYLES[name].underline:
        markup = f"<u>{markup}</u>"
    return RLParagraph(markup, _pstyle(name))


class _SignatureSpace(Flowable):
    """Blank room for the signature; remembers its absolute position when drawn."""

    def __init__(self, width: float, height: float, sink: list[Anchor]) -> None:
        super().__init__()
        self.width, self.height, self._sink = width, height, sink

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x1, y1 = self.canv.absolutePosition(0, 0)
        x2, y2 = self.canv.absolutePosition(self.width, self.height)
        self._sink.append(Anchor(self.canv.getPageNumber() - 1, x1, y1, x2, y2))


def _plain_table(cells: list[list], widths_mm: tuple[float, ...] | list[float]) -> Table:
    table = Table(cells, colWidths=[mm(w) for w in widths_mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.face(False, False), 14),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _header(doc: Document) -> Table:
    h = doc.header
    left = []
    if h.superior:
        left.append(_para(h.superior.upper(), "superior"))
    left += [_para(h.body.upper(), "body_name"), _para("*", "asterisk"), _para(h.number, "number")]
    if h.mark:
        left.append(_para(h.mark.upper(), "mark"))
    right = [_para(h.party, "party"), _para(h.date_line, "date_line")]
    return _plain_table([[left, right]], HEADER_COLUMNS_MM)


def _data_table(t: DocTable) -> list:
    width = PAGE.text_width_mm
    widths = t.widths_mm or [width / len(t.columns)] * len(t.columns)
    rows = [[_para(c, "table_head") for c in t.columns]]
    for ri, row in enumerate(t.rows):
        last = t.bold_last_row and ri == len(t.rows) - 1
        rows.append([_para(c, "table_head" if last else ("table_first" if ci == 0 else "table"))
                     for ci, c in enumerate(row)])
    table = Table(rows, colWidths=[mm(w) for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.face(False, False), 13),
        ("GRID", (0, 0), (-1, -1), TABLE_BORDER_PT, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    out: list = [table]
    if t.caption:
        out.append(_para(t.caption, "caption"))
    return out


def _chart(c: Chart) -> list:
    return [Spacer(1, 4), chart_mod.to_flowable(c), Spacer(1, 6)]


def _signature_column(sig: Signature, width_mm: float, sink: list[Anchor]) -> list:
    out = []
    if sig.authority:
        out.append(_para(sig.authority.upper(), "sign_authority"))
        out.append(_para(sig.title.upper(), "sign_title"))
    else:
        title = RLParagraph(escape(sig.title.upper()), _pstyle("sign_authority"))
        out.append(title)
    out.append(_SignatureSpace(mm(width_mm), SIGNATURE_SPACE_PT, sink))
    out.append(_para(sig.name, "signer_name"))
    return out


def _ending(doc: Document, sink: list[Anchor]) -> list:
    if doc.is_minutes:
        widths = MINUTES_SIGN_COLUMNS_MM
        cells = [[_signature_column(sig, w, sink) for sig, w in zip(doc.signatures, widths, strict=True)]]
        return [Spacer(1, END_GAP_PT), KeepTogether([_plain_table(cells, widths)])]
    left = []
    if doc.recipients:
        left.append(_para("Nơi nhận:", "recipients_label"))
        left += [_para(line, "recipients") for line in recipient_lines(doc.recipients)]
    right = _signature_column(doc.signatures[0], END_COLUMNS_MM[1], sink) if doc.signatures else []
    return [Spacer(1, END_GAP_PT), _plain_table([[left, right]], END_COLUMNS_MM)]


def story(doc: Document, sink: list[Anchor]) -> list:
    flow: list = [_header(doc), _para(doc.doc_type.upper(), "doc_type"), _para(doc.subject, "subject"),
                  _para("-----", "dashes")]
    for block in doc.blocks:
        if isinstance(block, Heading):
            text = block.text.upper() if block.level == 1 else block.text
            flow.append(_para(text, f"heading{min(max(block.level, 1), 3)}"))
        elif isinstance(block, Paragraph):
            style = _pstyle("body")
            if not block.indent:
                style.firstLineIndent = 0
            flow.append(RLParagraph(escape(block.text), style))
        elif isinstance(block, DocTable):
            flow.extend(_data_table(block))
        elif isinstance(block, Chart):
            flow.extend(_chart(block))
    flow.extend(_ending(doc, sink))
    return flow


def _page_number(canvas, _doc) -> None:
    s = STYLES["page_number"]
    canvas.saveState()
    canvas.setFont(fonts.face(s.bold, s.italic), s.size)
    height = mm(PAGE.height_mm)
    baseline = height - mm(PAGE.page_number_from_top_mm) - s.size * 0.891  # Times/Liberation ascent
    centre = mm(PAGE.left_mm) + mm(PAGE.text_width_mm) / 2
    canvas.drawCentredString(centre, baseline, str(canvas.getPageNumber()))
    canvas.restoreState()


def render_pdf_anchored(doc: Document) -> tuple[bytes, list[Anchor]]:
    """The PDF bytes and the signature spaces (one per signature column) in draw order."""
    fonts.register()
    buf = io.BytesIO()
    template = BaseDocTemplate(
        buf, pagesize=(mm(PAGE.width_mm), mm(PAGE.height_mm)),
        leftMargin=mm(PAGE.left_mm), rightMargin=mm(PAGE.right_mm),
        topMargin=mm(PAGE.top_mm), bottomMargin=mm(PAGE.bottom_mm),
        title=doc.title_meta or f"{doc.doc_type} {doc.subject}", author=doc.header.body, creator="DLXH",
        lang="vi", initialFontName=fonts.face(False, False), initialFontSize=14, initialLeading=16,
    )
    # Frames without reportlab's default 6 pt padding: text starts exactly at the margins, as in Word.
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    template.addPageTemplates([PageTemplate("first", [frame], autoNextPageTemplate="later"),
                               PageTemplate("later", [frame], onPage=_page_number)])
    sink: list[Anchor] = []
    template.build(story(doc, sink))
    return buf.getvalue(), sink


def render_pdf(doc: Document) -> bytes:
    return render_pdf_anchored(doc)[0]
