"""Office certificate, PAdES signing with a visible stamp, offline verification."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from app.reports import signing
from app.reports.render_pdf import render_pdf_anchored
from tests.pdfread import open_pdf
from tests.reports.sample import sample_document


@pytest.fixture
def signed(empty_ctx):
    data, anchors = render_pdf_anchored(sample_document(pages=1))
    return signing.sign_pdf(empty_ctx, data, anchors[0], "Nguyễn Văn An", "Trưởng ban"), anchors[0]


def test_certificate_issued_at_office_creation(empty_ctx):
    row = empty_ctx.db.execute("SELECT subject, key_pem, active FROM office_certificates").fetchall()
    assert len(row) == 1 and row[0][2] == 1
    assert row[0][0] == "Ban Tuyên giáo Huyện ủy Càng Long"
    assert "PRIVATE KEY" in row[0][1]


def test_signed_pdf_verifies(empty_ctx, signed):
    data, _ = signed
    result = signing.verify_pdf(empty_ctx, data)
    assert result.valid, result.message
    assert "Càng Long" in result.signer
    assert result.message.startswith("Chữ ký số hợp lệ")


def test_visible_stamp_over_signature_space(signed):
    data, anchor = signed
    page = open_pdf(data)[anchor.page]
    widgets = page.signature_widgets()
    assert len(widgets) == 1
    x0, y0, x1, y1 = widgets[0]
    assert anchor.x1 <= x0 and x1 <= anchor.x2
    assert page.height - anchor.y2 <= y0 and y1 <= page.height - anchor.y1
    # the stamp text is drawn in the appearance stream (Vietnamese, embedded font)
    reader = PdfReader(io.BytesIO(data))
    annot = [a.get_object() for a in reader.pages[anchor.page]["/Annots"]][0]
    assert annot["/AP"]["/N"].get_object().get_data()


def test_altered_pdf_fails(empty_ctx, signed):
    data, _ = signed
    tampered = bytearray(data)
    pos = data.index(b"/Author")  # inside the signed byte range (the document info)
    tampered[pos + 9] = (tampered[pos + 9] + 1) % 256
    result = signing.verify_pdf(empty_ctx, bytes(tampered))
    assert not result.valid
    assert "sửa đổi" in result.message


def test_appended_revision_fails(empty_ctx, signed):
    data, _ = signed
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({"/Title": "Báo cáo đã sửa"})
    out = io.BytesIO()
    writer.write(out)
    result = signing.verify_pdf(empty_ctx, out.getvalue())
    assert not result.valid


def test_other_office_untrusted_until_enrolled(tmp_path, signed):
    from app.office import init_office

    other, _ = init_office(tmp_path / "other.db", unit_code="TVH", name="Tỉnh Trà Vinh", role="province")
    try:
        data, _ = signed
        result = signing.verify_pdf(other, data)
        assert not result.valid and "tin cậy" in result.message
    finally:
        other.close()


def test_enrolled_certificate_is_trusted(tmp_path, empty_ctx, signed):
    from app.office import init_office

    other, _ = init_office(tmp_path / "other.db", unit_code="TVH", name="Tỉnh Trà Vinh", role="province")
    try:
        signing.enroll_certificate(other, signing.export_certificate(empty_ctx), "TVH-CL")
        assert signing.verify_pdf(other, signed[0]).valid
    finally:
        other.close()


def test_unsigned_and_garbage(empty_ctx):
    data, _ = render_pdf_anchored(sample_document(pages=1))
    assert signing.verify_pdf(empty_ctx, data).message == "Tệp PDF không có chữ ký số."
    assert not signing.verify_pdf(empty_ctx, b"not a pdf").valid


def test_sign_and_verify_print_no_warning(demo_ctx, demo_path, tmp_path):
    """pyHanko's import warned about DSA on every `report verify` (issue 23 step 4); a fresh
    process, with Python's default warning filters as a user has them, must print nothing but
    DLXH's own lines."""
    from tests.conftest import run_cli

    data, anchors = render_pdf_anchored(sample_document(pages=1))
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(signing.sign_pdf(demo_ctx, data, anchors[0], "Nguyễn Văn An", "Trưởng ban"))
    for args in (("report", "verify", str(pdf)), ("info",)):
        done = run_cli("--db", str(demo_path), *args)
        assert done.returncode == 0, done.stderr
        assert "Warning" not in done.stdout + done.stderr, done.stderr
    assert "Chữ ký số hợp lệ" in run_cli("--db", str(demo_path), "report", "verify", str(pdf)).stdout
