"""Read the rendered DOCX (python-docx) and PDF (pypdfium2, tests/pdfread.py) back and check the Party format."""

from __future__ import annotations

import io

import pytest
from docx import Document as read_docx
from docx.shared import Mm

from app.reports.layout import PAGE, STYLES
from app.reports.render_docx import render_docx
from app.reports.render_pdf import render_pdf, render_pdf_anchored
from tests.pdfread import open_pdf
from tests.reports.sample import sample_document, sample_minutes

PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def doc():
    return sample_document(pages=3, mark="MẬT")


@pytest.fixture(scope="module")
def docx(doc):
    return read_docx(io.BytesIO(render_docx(doc)))


@pytest.fixture(scope="module")
def pdf(doc):
    return open_pdf(render_pdf(doc))


def _runs_of(docx, text):
    """All runs (in body, tables and headers) whose text equals `text`."""
    found = []
    paragraphs = list(docx.paragraphs)
    for table in docx.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for p in paragraphs:
        if p.text.strip() == text:
            found.extend((p, r) for r in p.runs)
    assert found, f"không thấy {text!r} trong DOCX"
    return found


def _spans(pdf, text, page=None):
    return pdf.find_spans(text, page)


def test_docx_page_setup(docx):
    s = docx.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.1) and abs(s.page_height - Mm(297)) < Mm(0.1)
    for got, want in ((s.top_margin, PAGE.top_mm), (s.bottom_margin, PAGE.bottom_mm), (s.left_margin, PAGE.left_mm),
                      (s.right_margin, PAGE.right_mm)):
        assert abs(got - Mm(want)) < Mm(0.1)
    assert s.different_first_page_header_footer
    header_xml = s.header._element.xml
    assert "PAGE" in header_xml and "fldChar" in header_xml
    assert s.first_page_header.paragraphs[0].text == ""
    run = s.header.paragraphs[0].runs[0]
    assert run.font.size.pt == 14 and run.font.name == "Times New Roman"


@pytest.mark.parametrize("text,style", [
    ("ĐẢNG BỘ TỈNH VĨNH LONG", "superior"), ("ĐẢNG ỦY XÃ CÀNG LONG", "body_name"), ("*", "asterisk"),
    ("Số 01-BC/ĐU", "number"), ("MẬT", "mark"), ("ĐẢNG CỘNG SẢN VIỆT NAM", "party"),
    ("Càng Long, ngày 20 tháng 10 năm 2026", "date_line"), ("BÁO CÁO", "doc_type"),
    ("tình hình tư tưởng, tâm trạng và dư luận xã hội tháng 10 năm 2026", "subject"),
    ("I. TÌNH HÌNH TƯ TƯỞNG, TÂM TRẠNG CHUNG", "heading1"), ("1. Về kinh tế", "heading2"),
    ("a) Giá cả thị trường", "heading3"), ("Nơi nhận:", "recipients_label"), ("- Lưu Văn phòng Đảng ủy.", "recipients"),
    ("T/M ĐẢNG ỦY", "sign_authority"), ("BÍ THƯ", "sign_title"), ("Nguyễn Văn An", "signer_name"),
    ("Lĩnh vực", "table_head"), ("Chính trị", "table_first"),
])
def test_docx_block_fonts(docx, text, style):
    want = STYLES[style]
    for _p, run in _runs_of(docx, text):
        assert run.font.name == "Times New Roman"
        assert run.font.size.pt == want.size
        assert bool(run.font.bold) == want.bold
        assert bool(run.font.italic) == want.italic
        assert bool(run.font.underline) == want.underline


def test_docx_header_is_borderless_two_columns(docx):
    header = docx.tables[0]
    assert len(header.columns) == 2
    left = [c.text for c in header.columns[0].cells]
    right = [c.text for c in header.columns[1].cells]
    assert "\n".join(left).split("\n") == ["ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ CÀNG LONG", "*", "Số 01-BC/ĐU", "MẬT"]
    assert right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Càng Long, ngày 20 tháng 10 năm 2026"]
    # the number and the place-date line share a row: they start on the same line
    assert header.rows[1].cells[0].text.startswith("Số 01-BC/ĐU")
    assert 'w:val="nil"' in header._tbl.xml
    body = next(p for p in docx.paragraphs if p.text.startswith("Trong tháng 10"))
    assert body.paragraph_format.alignment == 3  # justify
    assert abs(body.paragraph_format.first_line_indent - Mm(12.7)) < Mm(0.1)


def test_docx_has_chart_picture(docx):
    assert len(docx.inline_shapes) == 1
    assert abs(docx.inline_shapes[0].width - Mm(160)) < Mm(0.5)


def test_pdf_page_size_and_fonts(pdf):
    assert pdf.page_count == 3
    for page in pdf:
        assert abs(page.width - 210 * PT_PER_MM) < 0.5 and abs(page.height - 297 * PT_PER_MM) < 0.5
    fonts = {f for page in pdf for f in page.fonts()}
    assert all("LiberationSerif" in f for f in fonts), fonts
    assert not any("Helvetica" in f for f in fonts)


@pytest.mark.parametrize("text,style", [
    ("ĐẢNG BỘ TỈNH VĨNH LONG", "superior"), ("ĐẢNG ỦY XÃ CÀNG LONG", "body_name"), ("Số 01-BC/ĐU", "number"),
    ("MẬT", "mark"), ("ĐẢNG CỘNG SẢN VIỆT NAM", "party"), ("Càng Long, ngày 20 tháng 10 năm 2026", "date_line"),
    ("BÁO CÁO", "doc_type"), ("I. TÌNH HÌNH TƯ TƯỞNG, TÂM TRẠNG CHUNG", "heading1"), ("1. Về kinh tế", "heading2"),
    ("a) Giá cả thị trường", "heading3"), ("Nơi nhận:", "recipients_label"), ("- Lưu Văn phòng Đảng ủy.", "recipients"),
    ("T/M ĐẢNG ỦY", "sign_authority"), ("BÍ THƯ", "sign_title"), ("Nguyễn Văn An", "signer_name"),
])
def test_pdf_block_fonts(pdf, text, style):
    want = STYLES[style]
    for span in _spans(pdf, text):
        assert round(span["size"], 1) == want.size
        font = span["font"]
        assert ("Bold" in font) == want.bold, font
        assert ("Ital" in font) == want.italic, font


def test_pdf_margins_and_columns(pdf):
    left_edge = PAGE.left_mm * PT_PER_MM
    right_edge = (PAGE.width_mm - PAGE.right_mm) * PT_PER_MM
    for page in pdf:
        for x0, _y0, x1, y1, *_ in page.words():
            assert x0 >= left_edge - 1 and x1 <= right_edge + 1
            assert y1 <= (PAGE.height_mm - PAGE.bottom_mm) * PT_PER_MM + 1
    party = _spans(pdf, "ĐẢNG CỘNG SẢN VIỆT NAM", 0)[0]
    superior = _spans(pdf, "ĐẢNG BỘ TỈNH VĨNH LONG", 0)[0]
    assert superior["bbox"][2] < party["bbox"][0]  # two columns, side by side
    assert abs(superior["bbox"][1] - party["bbox"][1]) < 4
    # the party line is underlined: a drawn line just under it, as long as the text
    x0, _, x1, y1 = party["bbox"]
    lines = [b for b in pdf[0].line_boxes() if y1 - 4 < b[1] < y1 + 3]
    assert any(abs(b[0] - x0) < 2 and abs(b[2] - x1) < 2 for b in lines)


def test_pdf_page_numbers_from_page_two(pdf):
    top = (PAGE.top_mm * PT_PER_MM)
    assert not [w for w in pdf[0].words() if w[3] < top and w[4].isdigit()]
    for index in (1, 2):
        numbers = [w for w in pdf[index].words() if w[3] < top]
        assert [w[4] for w in numbers] == [str(index + 1)]
        span = _spans(pdf, str(index + 1), index)[0]
        assert span["size"] == 14
        centre = (span["bbox"][0] + span["bbox"][2]) / 2
        assert abs(centre - (PAGE.left_mm + PAGE.text_width_mm / 2) * PT_PER_MM) < 2


def test_pdf_signature_anchor_on_last_page(doc):
    data, anchors = render_pdf_anchored(doc)
    pdf = open_pdf(data)
    assert len(anchors) == 1 and anchors[0].page == pdf.page_count - 1
    name = _spans(pdf, "Nguyễn Văn An", anchors[0].page)[0]
    page_h = pdf[0].height
    assert name["bbox"][1] >= page_h - anchors[0].y1 - 1  # the name sits under the blank space


def test_minutes_two_signature_columns():
    doc = sample_minutes()
    pdf = open_pdf(render_pdf(doc))
    clerk, chair = _spans(pdf, "NGƯỜI GHI BIÊN BẢN")[0], _spans(pdf, "CHỦ TRÌ HỘI NGHỊ")[0]
    assert abs(clerk["bbox"][1] - chair["bbox"][1]) < 1 and clerk["bbox"][0] < chair["bbox"][0]
    # each full name sits under its own column's signature space, one column apart
    clerk_name, chair_name = _spans(pdf, "Trần Thị Bình")[0], _spans(pdf, "Nguyễn Văn An")[0]
    assert clerk_name["bbox"][1] - clerk["bbox"][1] > 60 and abs(clerk_name["bbox"][1] - chair_name["bbox"][1]) < 1
    assert chair_name["bbox"][0] - clerk_name["bbox"][2] > 40
    assert "Số 03-BB/ĐU" in pdf[0].text() and "BIÊN BẢN" in pdf[0].text()
    assert "ngày 05 tháng 02 năm 2026" in pdf[0].text()
    docx = read_docx(io.BytesIO(render_docx(doc)))
    sign = docx.tables[-1]
    assert [c.text.split("\n")[0] for c in sign.rows[0].cells] == ["NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"]
    assert [c.text.split("\n")[-1] for c in sign.rows[0].cells] == ["Trần Thị Bình", "Nguyễn Văn An"]


def test_every_table_numbered_and_its_caption_on_the_page_of_its_header():
    from app.reports.document import Paragraph, Table

    doc = sample_document(pages=1)
    rows = [[f"Xã {i}", str(i), str(i * 2)] for i in range(30)]
    filler = [Paragraph("Đoạn văn dài để đẩy bảng xuống cuối trang, kiểm tra chú thích không bị bỏ lại. " * 3)
              for _ in range(4)]
    doc.blocks += [*filler, Table(["Xã", "Số phiếu", "Đã thu"], rows, caption="Bảng 7. Phiếu theo xã"),
                   Table(["Xã", "A", "B"], rows[:3]), Table(["Xã", "A", "B"], rows[:4], caption="Bảng 1: thứ ba")]
    pdf = open_pdf(render_pdf(doc))
    text = "\n".join(page.text() for page in pdf)
    for caption in ("Bảng 1. Số thông tin", "Bảng 2. Phiếu theo xã", "Bảng 3.", "Bảng 4. thứ ba",
                    "Biểu đồ 1. Thông tin dư luận"):
        assert caption in text, caption
    for index in range(pdf.page_count):
        lines = [line for line in pdf[index].text().splitlines() if line.strip()]
        if lines and lines[-1].startswith("Bảng "):
            raise AssertionError(f"chú thích mồ côi cuối trang {index + 1}: {lines[-1]}")
    docx = read_docx(io.BytesIO(render_docx(doc)))
    captions = [p for p in docx.paragraphs if p.text.startswith("Bảng ")]
    assert [p.text.split(".")[0] for p in captions] == ["Bảng 1", "Bảng 2", "Bảng 3", "Bảng 4"]
    assert all(p.paragraph_format.keep_with_next for p in captions)


def test_long_table_always_finds_room_and_leaves_two_rows_on_each_page():
    """A split table whose rest would keep a single row used to refuse every split, leaving a
    remainder taller than any page nowhere to go (the 168-commune consolidated report: a
    LayoutError). Whatever the length, it renders, and no page holds fewer than two rows."""
    import re

    from app.reports.document import Table
    from app.reports.layout import MIN_TABLE_ROWS_AT_SPLIT

    tall = "tên đơn vị dài để mỗi dòng của bảng xuống hai dòng trên trang in"
    for n in range(18, 64):
        doc = sample_document(pages=1)
        doc.blocks.append(Table(["Đơn vị", "Số", "Ghi chú"], [[f"Dòng{i:03d}", str(i), tall] for i in range(n)],
                                widths_mm=[40, 20, 105], caption="Bảng 9. Dài"))
        pdf = open_pdf(render_pdf(doc))
        per_page = [len(re.findall(r"Dòng\d{3}", pdf[i].text())) for i in range(pdf.page_count)]
        assert sum(per_page) == n
        assert all(k == 0 or k >= MIN_TABLE_ROWS_AT_SPLIT for k in per_page), (n, per_page)


def test_docx_with_the_pdfs_chart_scales_is_the_docx_alone():
    """render_files passes the scales the PDF found to the DOCX instead of laying the PDF out
    twice: the document must be the same either way (the zip's timestamps aside)."""
    import zipfile

    doc = sample_document(pages=2)
    scales: list[float] = []
    render_pdf(doc, scales)
    assert scales          # the sample has a chart

    def body(data: bytes) -> bytes:
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")

    assert body(render_docx(doc, scales)) == body(render_docx(doc))


def test_a_long_table_of_tall_rows_starts_on_the_page_of_its_caption():
    """The room a long table needs to start on a page is its caption, header and first rows as
    they wrap, not a fixed height: the consolidated quarter's topics table (three-line titles
    and header) left 'Bảng 3. Các vấn đề …' alone at the foot of a page."""
    from app.reports.document import Paragraph, Table

    columns = ["Vấn đề", "Lĩnh vực", "Số đơn vị", "Số ý kiến", "Bức xúc, trái chiều", "Đơn vị báo nổi cộm"]
    title = "Thông tin xuyên tạc trên mạng xã hội về công tác nhân sự đại hội Đảng các cấp"
    rows = [[f"Dòng{i:03d} {title}", "Xây dựng Đảng và hệ thống chính trị", "63", "135", "53", "–"] for i in range(10)]
    for lines in range(0, 40):
        doc = sample_document(pages=1)
        doc.blocks += [Paragraph("Một dòng văn bản.") for _ in range(lines)]
        doc.blocks.append(Table(columns, rows, widths_mm=[62, 30, 18, 18, 20, 17],
                                caption="Bảng 9. Các vấn đề dư luận quan tâm, quý IV năm 2026 (số liệu tạm thời "
                                        "của 70/80 đơn vị, đến ngày 07/12/2026)"))
        pdf = open_pdf(render_pdf(doc))
        page = next(i for i in range(pdf.page_count) if "Các vấn đề dư luận quan tâm" in pdf[i].text())
        assert "Dòng000" in pdf[page].text(), (lines, page)
