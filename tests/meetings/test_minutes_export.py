"""Minutes of a demo meeting written as DOCX and PDF through the meetings capability."""

from docx import Document as DocxDocument
from pypdf import PdfReader

from app.meetings import core, minutes_export


def test_minutes_docx_and_pdf(demo_ctx, tmp_path):
    meeting = [m for m in core.list_meetings(demo_ctx) if m.kind == "regular"][0]
    meeting.secretary, meeting.start_time = "Nguyễn Thị Thu", "7h30"
    core.update(demo_ctx, meeting)
    docx = minutes_export.export_minutes(demo_ctx, meeting.id, tmp_path / "bb.docx", "docx")
    text = "\n".join(p.text for p in DocxDocument(str(docx)).paragraphs)
    assert "BIÊN BẢN" in text and "Nguyễn Thị Thu" in text and "7 giờ 30" in text
    pdf = minutes_export.export_minutes(demo_ctx, meeting.id, tmp_path / "bb.pdf", "pdf")
    assert "BIÊN BẢN" in PdfReader(str(pdf)).pages[0].extract_text()
