"""PDF renderer (reportlab platypus) for a `Document`, following layout.py to the point.

Fonts: the shipped Liberation Serif family, embedded. Page numbers from page 2 on, size
14, centred in the top margin. `render_pdf_anchored` also reports where the empty
signature space landed, so signing can put the visible stamp exactly there.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph

from app.reports import chart as chart_mod
from app.reports import fonts
from app.reports.document import Chart, Document, Heading, Paragraph, Signature, numbered, recipient_lines
from app.reports.document import Table as DocTable
from app.reports.glyphs import check_document
from app.reports.layout import (
    CHART_MIN_SCALE,
    END_COLUMNS_MM,
    END_GAP_PT,
    FIGURE_AFTER_PT,
    HEADER_COLUMNS_MM,
    LONG_TABLE_START_PT,
    MIN_TABLE_ROWS_AT_SPLIT,
    MINUTES_SIGN_COLUMNS_MM,
    MM_TO_PT,
    PAGE,
    SIGNATURE_SPACE_PT,
    STYLES,
    TABLE_BORDER_PT,
    Style,
)
from app.reports.pdf_keeps import closing_lines, keep_heads
from app.reports.wrap import centred_lines

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
        keepWithNext=1 if name.startswith("heading") or name == "caption" else 0,
    )


def _para(text: str, name: str) -> RLParagraph:
    # Runs of spaces are kept (the blank number of a draft: "Số      -BC/ĐU").
    markup = re.sub(r" {2,}", lambda m: "\u00a0" * len(m.group()), escape(text))
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


def _lines(text: str, name: str) -> RLParagraph:
    """A header line in the left column, broken where app.reports.wrap breaks it (as the DOCX)."""
    style = STYLES[name]
    lines = centred_lines(text.upper(), HEADER_COLUMNS_MM[0], style.size, style.bold)
    return RLParagraph("<br/>".join(escape(line) for line in lines), _pstyle(name))


def _header(doc: Document) -> Table:
    """Two rows, so the number and the place-date line start on the same line (FORMAT.md)."""
    h = doc.header
    top = [_lines(h.superior, "superior")] if h.superior else []
    top += [_lines(h.body, "body_name"), _para("*", "asterisk")]
    number = [_para(h.number, "number")]
    number += [_para(m.upper(), "mark") for m in h.mark.splitlines() if m.strip()]
    return _plain_table([[top, [_para(h.party, "party")]], [number, [_para(h.date_line, "date_line")]]],
                        HEADER_COLUMNS_MM)


def _data_table(t: DocTable) -> list:
    width = PAGE.text_width_mm
    widths = t.widths_mm or [width / len(t.columns)] * len(t.columns)
    rows = [[_para(c, "table_head") for c in t.columns]]
    for ri, row in enumerate(t.rows):
        last = t.bold_last_row and ri == len(t.rows) - 1
        rows.append([_para(c, "table_head" if last else ("table_first" if ci == 0 else "table"))
                     for ci, c in enumerate(row)])
    table = _KeptTable(rows, colWidths=[mm(w) for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.face(False, False), 13),
        ("GRID", (0, 0), (-1, -1), TABLE_BORDER_PT, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    # A table splits (header row repeated) rather than leave the rest of a page blank; its caption
    # keeps with its first rows only: a new page only when caption + header + 2 rows do not fit.
    caption = [RLParagraph(escape(t.caption), _pstyle("caption"))] if t.caption else []
    for para in caption:
        para.style.keepWithNext = 0
    return [_RoomToStart(caption, table), *caption, table, Spacer(1, FIGURE_AFTER_PT)]


class _RoomToStart(CondPageBreak):
    """A new page unless the caption, the header and MIN_TABLE_ROWS_AT_SPLIT body rows (a table too
    short to split: all of them) fit, as they wrap at this width: a fixed height let a table of three-line rows leave its caption
    alone at the foot of a page (the table cannot split with fewer rows, so it moved on)."""

    def __init__(self, caption: list[RLParagraph], table: Table) -> None:
        super().__init__(LONG_TABLE_START_PT)
        self._caption, self._table = caption, table

    def wrap(self, avail_w: float, avail_h: float):
        need = sum(p.wrap(avail_w, avail_h)[1] + p.getSpaceBefore() + p.getSpaceAfter() for p in self._caption)
        self._table.wrap(avail_w, 1e6)   # sets the row heights at this width
        body_rows = len(self._table._cellvalues) - self._table.repeatRows
        first = body_rows if body_rows < 2 * MIN_TABLE_ROWS_AT_SPLIT else MIN_TABLE_ROWS_AT_SPLIT
        need += sum(self._table._rowHeights[:self._table.repeatRows + first])   # too short to split: whole
        self.height = max(LONG_TABLE_START_PT, need)
        return super().wrap(avail_w, avail_h)

    def start_height(self, avail_w: float) -> float:
        """The least of the table that may start a page (pdf_keeps asks it for a heading above)."""
        self.wrap(avail_w, 1e9)
        return self.height


class _KeptTable(Table):
    """A table that splits only with at least MIN_TABLE_ROWS_AT_SPLIT body rows on each side."""

    def split(self, avail_w: float, avail_h: float) -> list:
        parts = super().split(avail_w, avail_h)
        if len(parts) != 2:
            return parts
        first_rows, second_rows = (len(part._cellvalues) - self.repeatRows for part in parts)
        if first_rows < MIN_TABLE_ROWS_AT_SPLIT:
            return []          # too little room here: the table starts on the next page
        if second_rows < MIN_TABLE_ROWS_AT_SPLIT:
            # Too few rows would be left over: carry some of this page's last rows with them.
            # Refusing the split instead would leave a table taller than any page nowhere to go.
            keep = first_rows - (MIN_TABLE_ROWS_AT_SPLIT - second_rows)
            if keep < MIN_TABLE_ROWS_AT_SPLIT:
                return []
            parts = super().split(avail_w, sum(self._rowHeights[:self.repeatRows + keep]) + 0.01)
            if len(parts) != 2 or any(len(part._cellvalues) - self.repeatRows < MIN_TABLE_ROWS_AT_SPLIT
                                      for part in parts):
                return []
        return parts


class _FitChart(Flowable):
    """The chart at full size where it fits; shrunk (not below CHART_MIN_SCALE) to use the rest
    of a page rather than leaving it blank; moved to the next page only when even that fails."""

    def __init__(self, chart: Chart, scales: list[float] | None) -> None:
        super().__init__()
        self._inner = chart_mod.to_flowable(chart)
        self._w, self._h = self._inner.wrap(0, 0)
        self._scales = scales
        self.scale = 1.0
        self.hAlign = "CENTER"

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        scale = min(1.0, avail_w / self._w)
        if self._h * scale > avail_h >= self._h * CHART_MIN_SCALE:
            scale = avail_h / self._h
        self.scale = scale
        self.width, self.height = self._w * scale, self._h * scale
        return self.width, self.height

    def start_height(self, avail_w: float) -> float:
        return self._h * min(1.0, avail_w / self._w) * CHART_MIN_SCALE

    def draw(self) -> None:
        if self._scales is not None:
            self._scales.append(self.scale)
        self.canv.saveState()
        self.canv.scale(self.scale, self.scale)
        self._inner.drawOn(self.canv, 0, 0)
        self.canv.restoreState()


def _chart(c: Chart, scales: list[float] | None = None) -> list:
    return [Spacer(1, 4), _FitChart(c, scales), Spacer(1, FIGURE_AFTER_PT)]


def _signature_column(sig: Signature, width_mm: float, sink: list[Anchor]) -> list:
    out = []
    if sig.authority:
        out.append(_para(sig.authority.upper(), "sign_authority"))
        out.append(_para(sig.title.upper(), "sign_title"))
    else:
        title = RLParagraph(escape(sig.title.upper()), _pstyle("sign_authority"))
        out.append(title)
    out.append(_SignatureSpace(mm(width_mm), SIGNATURE_SPACE_PT, sink))
    out.append(_para(sig.name or "\u00a0", "signer_name"))  # the line stays, to write the name by hand
    return out


def _ending(doc: Document, sink: list[Anchor]) -> list:
    if doc.is_minutes:
        widths = MINUTES_SIGN_COLUMNS_MM
        cells = [[_signature_column(sig, w, sink) for sig, w in zip(doc.signatures, widths, strict=True)]]
        # One row, which never splits. Not a KeepTogether: nested in the closing's KeepTogether
        # it answered "too tall" and moved the closing to a new page whatever the room.
        return [Spacer(1, END_GAP_PT), _plain_table(cells, widths)]
    left = []
    if doc.recipients:
        left.append(_para("Nơi nhận:", "recipients_label"))
        left += [_para(line, "recipients") for line in recipient_lines(doc.recipients)]
    right = _signature_column(doc.signatures[0], END_COLUMNS_MM[1], sink) if doc.signatures else []
    return [Spacer(1, END_GAP_PT), _plain_table([[left, right]], END_COLUMNS_MM)]


def story(doc: Document, sink: list[Anchor], scales: list[float] | None = None) -> list:
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
            if block.leads_in:
                style.keepWithNext = 1
            flow.append(RLParagraph(escape(block.text), style))
        elif isinstance(block, DocTable):
            flow.extend(_data_table(block))
        elif isinstance(block, Chart):
            flow.extend(_chart(block, scales))
    # The signature block never stands alone on a page: it moves with the text's last lines.
    closing = closing_lines(flow, mm(PAGE.text_width_mm))
    ending = _ending(doc, sink)
    flow.extend([KeepTogether([*closing, *ending])] if closing else ending)
    return keep_heads(flow)


def _page_number(canvas, _doc) -> None:
    s = STYLES["page_number"]
    canvas.saveState()
    canvas.setFont(fonts.face(s.bold, s.italic), s.size)
    height = mm(PAGE.height_mm)
    baseline = height - mm(PAGE.page_number_from_top_mm) - s.size * 0.891  # Times/Liberation ascent
    centre = mm(PAGE.left_mm) + mm(PAGE.text_width_mm) / 2
    canvas.drawCentredString(centre, baseline, str(canvas.getPageNumber()))
    canvas.restoreState()


def _build(doc: Document, sink: list[Anchor], scales: list[float] | None = None) -> bytes:
    check_document(doc)      # reportlab would drop a character its font lacks (an emoji) silently
    doc = numbered(doc)
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
    template.build(story(doc, sink, scales))
    return buf.getvalue()


def render_pdf_anchored(doc: Document, scales: list[float] | None = None) -> tuple[bytes, list[Anchor]]:
    """The PDF bytes and the signature spaces (one per signature column) in draw order.
    `scales`, when given, receives the charts' scales: pass it to `render_docx` so the DOCX
    does not lay the PDF out a second time to learn them."""
    sink: list[Anchor] = []
    return _build(doc, sink, scales), sink


def chart_scales(doc: Document) -> list[float]:
    """How much each chart was shrunk to fit its page, so the DOCX places it the same way
    (both renderers use exact line heights, so their pages break alike)."""
    if not any(isinstance(b, Chart) for b in doc.blocks):
        return []
    scales: list[float] = []
    _build(doc, [], scales)
    return scales


def render_pdf(doc: Document, scales: list[float] | None = None) -> bytes:
    return render_pdf_anchored(doc, scales)[0]
