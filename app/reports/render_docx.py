"""DOCX renderer (python-docx) for a `Document`, reading the same layout.py as the PDF.

Times New Roman everywhere (with the East Asian/complex-script slots set too, so Word
never substitutes); the header and the signature block are borderless 2-column tables;
page numbers from page 2 come from a different-first-page header holding a PAGE field.
"""

from __future__ import annotations

import copy
import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.reports import chart as chart_mod
from app.reports.document import Chart, Document, Heading, Paragraph, Signature, numbered, recipient_lines
from app.reports.document import Table as DocTable
from app.reports.layout import (
    CHART_WIDTH_MM,
    DOCX_FONT,
    END_COLUMNS_MM,
    END_GAP_PT,
    FIGURE_AFTER_PT,
    HEADER_COLUMNS_MM,
    KEEP_WITH_SIGNATURE,
    MIN_TABLE_ROWS_AT_SPLIT,
    MINUTES_SIGN_COLUMNS_MM,
    PAGE,
    SIGNATURE_SPACE_PT,
    STYLES,
    TABLE_BORDER_PT,
)
from app.reports.wrap import centred_lines

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _set_run_font(run, size: float, bold: bool, italic: bool, underline: bool) -> None:
    run.font.name = DOCX_FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline or None
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), DOCX_FONT)


def _format(paragraph, style_name: str, indent: bool = True) -> None:
    s = STYLES[style_name]
    pf = paragraph.paragraph_format
    pf.alignment = _ALIGN[s.align]
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(s.line)
    pf.space_before = Pt(s.space_before)
    pf.space_after = Pt(s.space_after)
    pf.first_line_indent = Mm(s.first_indent_mm) if (s.first_indent_mm and indent) else Mm(0)
    pf.left_indent = Mm(0)
    pf.right_indent = Mm(0)
    pf.widow_control = True
    if style_name.startswith("heading") or style_name == "caption":
        pf.keep_with_next = True


def _add(container, text: str, style_name: str, *, indent: bool = True, reuse=None):
    """A paragraph in `container` (document, cell or header) styled by name."""
    paragraph = reuse if reuse is not None else container.add_paragraph()
    _format(paragraph, style_name, indent)
    s = STYLES[style_name]
    run = paragraph.add_run(text)
    _set_run_font(run, s.size, s.bold, s.italic, s.underline)
    return paragraph


def _cell_add(cell, text: str, style_name: str):
    """First paragraph of a fresh cell is reused, so no empty line sits on top."""
    first = cell.paragraphs[0]
    reuse = first if (len(cell.paragraphs) == 1 and not first.text and not first.runs) else None
    return _add(cell, text, style_name, reuse=reuse)


def _borders(table, size_pt: float | None) -> None:
    """Single borders of `size_pt`, or none at all (header and signature tables)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        if size_pt is None:
            el.set(qn("w:val"), "nil")
        else:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), str(int(size_pt * 8)))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _cell_margins(table, left_pt: float, right_pt: float, top_pt: float, bottom_pt: float) -> None:
    mar = OxmlElement("w:tblCellMar")
    for edge, value in (("top", top_pt), ("left", left_pt), ("bottom", bottom_pt), ("right", right_pt)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(value * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def _fixed_table(container, rows: int, widths_mm, border_pt: float | None):
    table = container.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    _borders(table, border_pt)
    if border_pt is None:
        _cell_margins(table, 0, 0, 0, 0)
    else:
        _cell_margins(table, 3, 3, 2, 2)
    for row in table.rows:
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    return table


def _header(document, doc: Document) -> None:
    """Two rows, so the number and the place-date line start on the same line (FORMAT.md)."""
    h = doc.header
    table = _fixed_table(document, 2, HEADER_COLUMNS_MM, None)
    left, right = table.rows[0].cells
    for text, name in ((h.superior, "superior"), (h.body, "body_name")):
        if not text:
            continue
        para, style = _cell_add(left, "", name), STYLES[name]
        for i, line in enumerate(centred_lines(text.upper(), HEADER_COLUMNS_MM[0], style.size, style.bold)):
            if i:  # the lines chosen once for both renderers (app.reports.wrap), not left to Word
                para.runs[-1].add_break()
            _set_run_font(para.add_run(line), style.size, style.bold, style.italic, style.underline)
    _cell_add(left, "*", "asterisk")
    _cell_add(right, h.party, "party")
    number, date_cell = table.rows[1].cells
    _cell_add(number, h.number, "number")
    for mark in h.mark.splitlines():
        if mark.strip():
            _cell_add(number, mark.upper(), "mark")
    _cell_add(date_cell, h.date_line, "date_line")


def _keep_rows_together(table, rows: int) -> None:
    """Word keeps a table with the next paragraph row by row, as the PDF splits it: the header with
    the first MIN_TABLE_ROWS_AT_SPLIT rows, the last rows never alone; a table too short to split
    that way moves whole. Any other row may end a page (header row repeated)."""
    body = rows - 1
    if body < 2 * MIN_TABLE_ROWS_AT_SPLIT:
        keep = set(range(rows - 1))
    else:
        keep = set(range(1 + MIN_TABLE_ROWS_AT_SPLIT)) | set(range(rows - MIN_TABLE_ROWS_AT_SPLIT, rows - 1))
    for index in sorted(keep):
        for cell in table.rows[index].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _data_table(document, t: DocTable) -> None:
    if t.caption:
        _add(document, t.caption, "caption")
    widths = t.widths_mm or [PAGE.text_width_mm / len(t.columns)] * len(t.columns)
    kinds = ["bold" if t.bold_last_row and ri == len(t.rows) - 1 else "plain" for ri in range(len(t.rows))]
    used = sorted(set(kinds))
    table = _fixed_table(document, 1 + len(used), widths, TABLE_BORDER_PT)
    head = table.rows[0]
    head_pr = OxmlElement("w:tblHeader")
    head._tr.get_or_add_trPr().append(head_pr)
    for cell, text in zip(head.cells, t.columns, strict=True):
        _cell_add(cell, text, "table_head")
    # One row of each kind is formatted through python-docx; every data row is a copy of its
    # kind's row with the texts put in (formatting 1,000 cells one property at a time took
    # over a second for the 168-commune consolidated report).
    protos = {}
    for kind, row in zip(used, table.rows[1:], strict=True):
        for ci, cell in enumerate(row.cells):
            _cell_add(cell, "x", "table_head" if kind == "bold" else ("table_first" if ci == 0 else "table"))
            cell.vertical_alignment = 1  # centre
        protos[kind] = row._tr
    tbl = table._tbl
    for tr in protos.values():
        tbl.remove(tr)
    for kind, values in zip(kinds, t.rows, strict=True):
        tr = copy.deepcopy(protos[kind])
        for tc, text in zip(tr.iterchildren(qn("w:tc")), values, strict=True):
            _put_text(tc, str(text))
        tbl.append(tr)
    _keep_rows_together(table, len(t.rows) + 1)
    _gap(document, FIGURE_AFTER_PT)


def _put_text(tc, text: str) -> None:
    """The text of a copied cell's single run, as `add_run` would write it (a line break or a
    tab becomes its own element; edge spaces are preserved)."""
    run = next(tc.iter(qn("w:r")))
    for child in list(run):
        if child.tag in (qn("w:t"), qn("w:br"), qn("w:tab")):
            run.remove(child)
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(OxmlElement("w:br"))
        for j, part in enumerate(line.split("\t")):
            if j:
                run.append(OxmlElement("w:tab"))
            if part:
                el = OxmlElement("w:t")
                el.text = part
                if part != part.strip():
                    el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(el)


def _chart(document, c: Chart, scale: float = 1.0) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.paragraph_format.space_after = Pt(FIGURE_AFTER_PT)
    paragraph.add_run().add_picture(io.BytesIO(chart_mod.to_png(c)), width=Mm(CHART_WIDTH_MM * scale))


def _signature_column(cell, sig: Signature) -> None:
    if sig.authority:
        _cell_add(cell, sig.authority.upper(), "sign_authority")
        _cell_add(cell, sig.title.upper(), "sign_title")
    else:
        _cell_add(cell, sig.title.upper(), "sign_authority")
    _gap(cell, SIGNATURE_SPACE_PT)
    _cell_add(cell, sig.name, "signer_name")


def _gap(container, points: float):
    """An empty paragraph exactly `points` high (reportlab: a Spacer of the same height)."""
    gap = container.add_paragraph()
    gap.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    gap.paragraph_format.line_spacing = Pt(points)
    gap.paragraph_format.space_before = Pt(0)
    gap.paragraph_format.space_after = Pt(0)
    return gap


def _ending(document, doc: Document) -> None:
    # The signature block never stands alone on a page: the closing paragraphs and the gap keep
    # with the ending's table (one row that cannot split), as the PDF's KeepTogether does.
    closing = []
    for paragraph in reversed(document.paragraphs[-KEEP_WITH_SIGNATURE:]):
        following = paragraph._p.getnext()
        if following is not None and not following.tag.endswith(("}p", "}sectPr")):
            break           # a table or a chart follows: only the paragraphs after it close the text
        closing.append(paragraph)
    for paragraph in closing:
        paragraph.paragraph_format.keep_with_next = True
    _gap(document, END_GAP_PT).paragraph_format.keep_with_next = True
    if doc.is_minutes:
        table = _fixed_table(document, 1, MINUTES_SIGN_COLUMNS_MM, None)
        for cell, sig in zip(table.rows[0].cells, doc.signatures, strict=True):
            _signature_column(cell, sig)
        return
    table = _fixed_table(document, 1, END_COLUMNS_MM, None)
    left, right = table.rows[0].cells
    if doc.recipients:
        _cell_add(left, "Nơi nhận:", "recipients_label")
        for line in recipient_lines(doc.recipients):
            _cell_add(left, line, "recipients")
    if doc.signatures:
        _signature_column(right, doc.signatures[0])


def _page_numbers(section) -> None:
    """Different first page: page 1 has an empty header, later pages a centred PAGE field."""
    section.different_first_page_header_footer = True
    section.header_distance = Mm(PAGE.page_number_from_top_mm)
    section.footer_distance = Mm(PAGE.page_number_from_top_mm)
    paragraph = section.header.paragraphs[0]
    _format(paragraph, "page_number")
    s = STYLES["page_number"]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        _set_run_font(run, s.size, s.bold, s.italic, False)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            run.text = text


def render_docx(doc: Document, scales: list[float] | None = None) -> bytes:
    doc = numbered(doc)
    document = new_docx()
    normal = document.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(STYLES["body"].size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), DOCX_FONT)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE.width_mm), Mm(PAGE.height_mm)
    section.top_margin, section.bottom_margin = Mm(PAGE.top_mm), Mm(PAGE.bottom_mm)
    section.left_margin, section.right_margin = Mm(PAGE.left_mm), Mm(PAGE.right_mm)
    _page_numbers(section)
    props = document.core_properties
    props.title = doc.title_meta or f"{doc.doc_type} {doc.subject}"
    props.author = doc.header.body
    props.language = "vi-VN"
    _header(document, doc)
    _add(document, doc.doc_type.upper(), "doc_type")
    _add(document, doc.subject, "subject")
    _add(document, "-----", "dashes")
    if scales is None:   # not rendered with the PDF: lay the PDF out to learn the charts' scales
        from app.reports.render_pdf import chart_scales

        scales = chart_scales(doc)
    chart_scale = iter(scales)
    for block in doc.blocks:
        if isinstance(block, Heading):
            text = block.text.upper() if block.level == 1 else block.text
            _add(document, text, f"heading{min(max(block.level, 1), 3)}")
        elif isinstance(block, Paragraph):
            added = _add(document, block.text, "body", indent=block.indent)
            if block.leads_in:
                added.paragraph_format.keep_with_next = True
        elif isinstance(block, DocTable):
            _data_table(document, block)
        elif isinstance(block, Chart):
            _chart(document, block, next(chart_scale, 1.0))
    _ending(document, doc)
    _gap(document, 1)  # Word wants a paragraph after a final table
    # python-docx's template starts with an empty paragraph; drop it so the header is first.
    body = document.element.body
    first = body[0]
    if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
        body.remove(first)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
