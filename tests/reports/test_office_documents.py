"""Documents by office kind (FORMAT.md, issue 15.5): a commune, a province and a legacy district
draft, sign and render a monthly report; the DOCX (python-docx) and the PDF (pypdfium2) carry
the header, number, marks and signature block of that kind."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from docx import Document as read_docx

from app.context import User
from app.office import init_office
from app.reports import draft, register
from app.reports.layout import STYLES
from tests.pdfread import open_pdf

OFFICES = {
    "commune": dict(kind="commune", unit_code="29266", name="Xã Càng Long", parent_code="86",
                    parent_name="Tỉnh Vĩnh Long"),
    "province": dict(kind="province", unit_code="86", name="Tỉnh Vĩnh Long"),
    "district": dict(role="district", unit_code="TVH-CL", name="Huyện Càng Long", parent_code="TVH",
                     parent_name="Tỉnh Trà Vinh"),
}
EXPECTED = {
    "commune": (["ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ CÀNG LONG", "*", "Số 01-BC/ĐU"], ["T/M ĐẢNG ỦY", "BÍ THƯ"],
                "- Lưu Văn phòng Đảng ủy."),
    "province": (["TỈNH ỦY VĨNH LONG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 01-BC/BTGDVTU"], ["TRƯỞNG BAN"],
                 "- Lưu BTGDV."),
    "district": (["HUYỆN ỦY CÀNG LONG", "BAN TUYÊN GIÁO", "*", "Số 01-BC/BTGHU"], ["TRƯỞNG BAN"], "- Lưu VT."),
}


def sign_and_render(ctx, month: date, mark: str = ""):
    """Draft the monthly report of `month`, submit, approve and sign it as a head user, render it;
    returns the report, the DOCX (python-docx) and the PDF (tests.pdfread). Shared with tests/e2e."""
    head = replace(ctx, user=User("tb", "head", "Nguyễn Văn An"))
    report = draft.draft_report(ctx, "monthly", month)
    if mark:
        register.update_details(ctx, report.id, confidentiality=mark)
    for step in (register.submit, register.approve, register.sign):
        report = step(head, report.id)
    docx, pdf = register.render_files(ctx, report.id)
    return report, read_docx(io.BytesIO(docx)), open_pdf(pdf)


def _signed(tmp_path, kind: str, mark: str = ""):
    ctx, _ = init_office(tmp_path / f"{kind}.db", **OFFICES[kind])
    return ctx, *sign_and_render(ctx, date(2026, 10, 1), mark)


def _cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def header_column(docx) -> list[str]:
    """The left column of the header table: superior, body, asterisk, number."""
    return [line for cell in docx.tables[0].columns[0].cells for line in _cell_lines(cell)]


def signature_column(docx) -> list[str]:
    return _cell_lines(docx.tables[-1].rows[0].cells[1])


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_monthly_report_of_each_office_kind(tmp_path, kind):
    ctx, report, docx, pdf = _signed(tmp_path, kind)
    header_lines, sign_lines, archive = EXPECTED[kind]
    header = docx.tables[0]
    assert header_column(docx) == header_lines
    # number and place-date share the header's second row: the same line on the page
    number_cell, date_cell = header.rows[1].cells
    assert _cell_lines(number_cell)[0] == header_lines[-1]
    assert _cell_lines(date_cell)[0].endswith(f"ngày {date.today():%d} tháng "
                                              f"{date.today().month if date.today().month > 2 else f'{date.today().month:02d}'}"
                                              f" năm {date.today().year}")
    sign = signature_column(docx)
    assert sign[:len(sign_lines)] == sign_lines and sign[-1] == "Nguyễn Văn An"
    body_runs = {p.text: p.runs[0] for p in docx.tables[0].rows[0].cells[0].paragraphs if p.runs}
    assert body_runs[header_lines[1]].font.bold and not body_runs[header_lines[0]].font.bold
    title_run = next(p.runs[0] for p in docx.tables[-1].rows[0].cells[1].paragraphs if p.text == sign_lines[-1])
    assert bool(title_run.font.bold) == (len(sign_lines) == 1)  # regular under an authority line
    recipients = [line for line in _cell_lines(docx.tables[-1].rows[0].cells[0])]
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == archive
    # the PDF: the same lines, in the same order, and the number on the date's line
    first = pdf[0].text()
    lines = first.splitlines()
    assert lines[:3] == header_lines[:3]
    number_line = next(line for line in lines if line.startswith("Số "))
    assert number_line.startswith(header_lines[-1]) and "ngày" in number_line
    number_span = pdf.find_spans(header_lines[-1], 0)[0]
    assert round(number_span["size"], 1) == STYLES["number"].size
    last = pdf[pdf.page_count - 1].text()
    assert "\n".join(sign_lines) in last and "T/M BAN" not in last and archive in last
    ctx.close()


def test_marks_and_deputy_signing(tmp_path):
    ctx, _ = init_office(tmp_path / "c.db", **OFFICES["commune"])
    report = draft.draft_report(ctx, "monthly", date(2026, 10, 1))
    register.update_details(ctx, report.id, confidentiality="tuyet_mat,thuong_khan", signer_mode="kt")
    docx_bytes, pdf_bytes = register.render_files(ctx, report.id)
    docx = read_docx(io.BytesIO(docx_bytes))
    number_cell = docx.tables[0].rows[1].cells[0]
    assert _cell_lines(number_cell) == ["Số      -BC/ĐU", "TUYỆT MẬT", "THƯỢNG KHẨN"]  # a draft: blank number
    assert all(p.runs[0].font.bold for p in number_cell.paragraphs[1:])
    sign = signature_column(docx)
    assert sign[:2] == ["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ"]
    text = open_pdf(pdf_bytes)[0].text()
    assert "TUYỆT MẬT" in text and "THƯỢNG KHẨN" in text
    ctx.close()

    ban, _ = init_office(tmp_path / "p.db", **OFFICES["province"])
    report = draft.draft_report(ban, "monthly", date(2026, 10, 1))
    register.update_details(ban, report.id, signer_mode="kt", confidentiality="hoa_toc")
    docx = read_docx(io.BytesIO(register.render_files(ban, report.id)[0]))
    assert _cell_lines(docx.tables[-1].rows[0].cells[1])[:2] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert _cell_lines(docx.tables[0].rows[1].cells[0])[1] == "HỎA TỐC"
    ban.close()
