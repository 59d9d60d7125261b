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
