"""An issuing body too long for the header's left column breaks where a clerk would break it
by hand: never one word left alone on the last line ("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG / TỈNH" becomes
"ĐẢNG ỦY CÁC CƠ QUAN / ĐẢNG TỈNH"), the same in the PDF and the DOCX."""

from __future__ import annotations

import dataclasses
import io

from docx import Document as read_docx

from app.reports.render_docx import render_docx
from app.reports.render_pdf import render_pdf
from tests.pdfread import open_pdf
from tests.reports.sample import sample_document

BODY = "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"


def test_a_long_issuing_body_leaves_no_word_alone():
    doc = sample_document(pages=1)
    doc = dataclasses.replace(doc, header=dataclasses.replace(doc.header, body=BODY))
    lines = [line.strip() for line in open_pdf(render_pdf(doc)).pages[0].text().splitlines()]
    assert "TỈNH" not in lines and "ĐẢNG TỈNH" in lines, lines[:8]
    cell = read_docx(io.BytesIO(render_docx(doc))).tables[0].rows[0].cells[0]
    assert "ĐẢNG ỦY CÁC CƠ QUAN\nĐẢNG TỈNH" in cell.text, cell.text


def test_a_unit_name_is_never_split_across_lines():
    """A commune's or province's own name stays whole: the break falls after its kind
    ('ĐẢNG ỦY XÃ / HƯNG KHÁNH TRUNG'), not inside the name ('… XÃ HƯNG / KHÁNH TRUNG')."""
    from app.reports.layout import HEADER_COLUMNS_MM
    from app.reports.wrap import centred_lines

    width = HEADER_COLUMNS_MM[0]
    assert centred_lines("ĐẢNG ỦY XÃ HƯNG KHÁNH TRUNG", width, 14, True) == ["ĐẢNG ỦY XÃ", "HƯNG KHÁNH TRUNG"]
    assert centred_lines("ĐẢNG ỦY PHƯỜNG TRƯỜNG LONG HÒA", width, 14, True) == ["ĐẢNG ỦY PHƯỜNG", "TRƯỜNG LONG HÒA"]
    assert centred_lines("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", width, 14, False) == ["ĐẢNG BỘ THÀNH PHỐ", "HỒ CHÍ MINH"]
    assert centred_lines(BODY, width, 14, True) == ["ĐẢNG ỦY CÁC CƠ QUAN", "ĐẢNG TỈNH"]
    assert centred_lines("ĐẢNG ỦY XÃ CÀNG LONG", width, 14, True) == ["ĐẢNG ỦY XÃ CÀNG LONG"]


def test_the_superior_line_breaks_the_same_way():
    doc = sample_document(pages=1)
    doc = dataclasses.replace(doc, header=dataclasses.replace(doc.header, superior="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"))
    lines = [line.strip() for line in open_pdf(render_pdf(doc)).pages[0].text().splitlines()]
    assert "HỒ CHÍ MINH" in lines and "MINH" not in lines, lines[:8]
    cell = read_docx(io.BytesIO(render_docx(doc))).tables[0].rows[0].cells[0]
    assert "ĐẢNG BỘ THÀNH PHỐ\nHỒ CHÍ MINH" in cell.text, cell.text


def test_a_recipients_purpose_stays_on_one_line():
    """'- Ban Tuyên giáo và Dân vận Tỉnh ủy (để / báo cáo),' — the bracket a clerk keeps whole."""
    text = open_pdf(render_pdf(sample_document(pages=1))).text().replace("\u00a0", " ")
    lines = [line.strip() for line in text.splitlines()]
    assert not any(line.endswith("(để") for line in lines), [x for x in lines if "(để" in x]
    assert any("(để báo cáo)," in line for line in lines)
