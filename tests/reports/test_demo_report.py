"""The demo office's monthly report, read back from DOCX (python-docx) and PDF (pypdfium2),
and the CLI contract: draft → render → submit → approve → sign → verify (and altered fails)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as read_docx
from docx.shared import Mm

from app.reports import register, store
from app.reports.layout import STYLES
from tests.conftest import PASSPHRASE
from tests.pdfread import open_pdf
from tests.reports.test_render import _runs_of, _spans

PT_PER_MM = 72 / 25.4


def _sent_report(ctx):
    return [r for r in store.list_reports(ctx) if r.status == "sent"][0]


def test_demo_monthly_report_format(demo_ctx):
    report = _sent_report(demo_ctx)
    docx_bytes, pdf_bytes = register.render_files(demo_ctx, report.id)
    docx = read_docx(io.BytesIO(docx_bytes))
    pdf = open_pdf(pdf_bytes)
    from app import office
    from app.reports.document import sign_lines

    me = office.get_office(demo_ctx)
    number = f"Số {report.number:02d}-BC/{me.body_code}"
    authority, title = sign_lines(me.body_name, report.signer_mode)
    issued = report.issued_on.split("-")
    month = issued[1] if int(issued[1]) <= 2 else str(int(issued[1]))
    date_line = f"Càng Long, ngày {issued[2]} tháng {month} năm {issued[0]}"
    expected = [(me.superior_name, "superior"), (me.body_name, "body_name"), (number, "number"),
                ("ĐẢNG CỘNG SẢN VIỆT NAM", "party"), (date_line, "date_line"), ("BÁO CÁO", "doc_type"),
                (report.title, "subject"), ("I. TÌNH HÌNH TƯ TƯỞNG, TÂM TRẠNG CHUNG", "heading1"),
                ("VI. DỰ BÁO VÀ ĐỀ XUẤT, KIẾN NGHỊ", "heading1"), ("Nơi nhận:", "recipients_label"),
                *([(authority, "sign_authority"), (title, "sign_title")] if authority else
                  [(title, "sign_authority")]),
                (report.signer_name, "signer_name")]
    assert "T/M BAN" not in pdf[pdf.page_count - 1].text()
    section = docx.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.left_margin - Mm(30)) < Mm(0.1)
    assert abs(section.top_margin - Mm(20)) < Mm(0.1) and abs(section.right_margin - Mm(15)) < Mm(0.1)
    for text, style in expected:
        want = STYLES[style]
        for _p, run in _runs_of(docx, text):
            assert (run.font.name, run.font.size.pt, bool(run.font.bold), bool(run.font.italic)) == \
                ("Times New Roman", want.size, want.bold, want.italic), text
        spans = _spans(pdf, text)
        for span in spans:
            assert round(span["size"], 1) == want.size, text
            assert ("Bold" in span["font"]) == want.bold and ("Ital" in span["font"]) == want.italic, text
    assert pdf.page_count >= 2
    for page in pdf:
        assert abs(page.width - 210 * PT_PER_MM) < 0.5 and abs(page.height - 297 * PT_PER_MM) < 0.5
    assert _spans(pdf, "2", 1)[0]["bbox"][3] < 20 * PT_PER_MM  # page number in the top margin of page 2
    last = pdf[pdf.page_count - 1].text()
    from app.reports.document import recipient_lines

    assert recipient_lines(report.recipients)[-1] in last and "Ký số bởi: Trần Văn Hùng" not in pdf[0].text()


def test_cli_draft_render_sign_verify(cli, demo_path, tmp_path):
    env = {"DLXH_PASSPHRASE": PASSPHRASE}
    db = ["--db", str(demo_path)]
    done = cli(*db, "report", "draft", "--month", "2026-10", env=env)
    assert done.returncode == 0, done.stderr
    report_id = done.stdout.strip().splitlines()[-1]
    out_dir = tmp_path / "out"
    done = cli(*db, "report", "render", report_id, "--pdf", "--docx", "--out", str(out_dir), env=env)
    assert done.returncode == 0, done.stderr
    assert sorted(p.suffix for p in out_dir.iterdir()) == [".docx", ".pdf"]
    for step in ("submit", "approve", "sign"):
        done = cli(*db, "report", step, report_id, env=env)
        assert done.returncode == 0, (step, done.stderr)
    done = cli(*db, "report", "render", report_id, "--pdf", "--out", str(out_dir), env=env)
    signed = Path(done.stdout.strip().splitlines()[-1])
    assert signed.name.endswith("-da-ky.pdf")
    done = cli(*db, "report", "verify", str(signed), env=env)
    assert done.returncode == 0 and "hợp lệ" in done.stdout
    data = bytearray(signed.read_bytes())
    pos = data.index(b"/Author")
    data[pos + 9] ^= 1
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(data))
    done = cli(*db, "report", "verify", str(altered), env=env)
    assert done.returncode == 1 and "sửa đổi" in done.stderr
    done = cli(*db, "report", "draft", env=env)
    assert done.returncode == 1 and "--month" in done.stderr


def test_cli_province_trusts_district_certificate(cli, demo_path, tmp_path):
    env = {"DLXH_PASSPHRASE": PASSPHRASE}
    province = tmp_path / "province.db"
    assert cli("--db", str(province), "init", "--role", "province", "--unit", "TVH", "--name", "Tỉnh Trà Vinh",
               env=env).returncode == 0
    listed = cli("--db", str(demo_path), "report", "list", env=env).stdout.splitlines()
    sent_id = next(line.split()[0] for line in listed if "Đã gửi" in line)
    out_dir = tmp_path / "files"
    signed = Path(cli("--db", str(demo_path), "report", "render", sent_id, "--pdf", "--out", str(out_dir),
                      env=env).stdout.strip().splitlines()[-1])
    done = cli("--db", str(province), "report", "verify", str(signed), env=env)
    assert done.returncode == 1 and "tin cậy" in done.stderr
    pem = tmp_path / "huyen.pem"
    assert cli("--db", str(demo_path), "report", "cert-export", str(pem), env=env).returncode == 0
    done = cli("--db", str(province), "report", "cert-enroll", str(pem), "--unit", "29266", env=env)
    assert done.returncode == 0 and "SHA-256" in done.stdout
    assert cli("--db", str(province), "report", "verify", str(signed), env=env).returncode == 0
    bad = tmp_path / "bad.pem"
    bad.write_text("không phải chứng thư")
    assert cli("--db", str(province), "report", "cert-enroll", str(bad), env=env).returncode == 1
