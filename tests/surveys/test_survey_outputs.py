"""The demo survey end to end: tabulation, Excel export, report and questionnaire
documents, double entry, and the CLI in a subprocess."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from app.demo import extra_surveys
from app.surveys import double_entry, printable, report
from app.surveys import questionnaire as qn
from app.surveys import responses as rs
from app.surveys import tabulate as tb
from app.surveys.excel_export import export_xlsx
from app.surveys.model import Response
from tests.conftest import PASSPHRASE

from .store_helpers import add_communes


@pytest.fixture
def demo_survey(demo_ctx):
    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    return demo_ctx, survey


def test_demo_survey_is_realistic_and_weighted(demo_survey):
    ctx, survey = demo_survey
    assert 350 <= survey.responses <= 450 and survey.status == "closed"
    data = tb.load_data(ctx, survey.id)
    assert data.weighted  # quotas were missed on purpose
    weights, forms = tb.respondents(data)
    assert sum(w * n for w, n in zip(weights, forms, strict=True)) == pytest.approx(data.n)
    # Weighted percentages of a single-choice question still sum to 100.
    f = tb.frequency(data, data.questionnaire.question(1))
    assert sum(r.percent for r in f.rows) == pytest.approx(100)
    unweighted = tb.load_data(ctx, survey.id, "no")
    assert not unweighted.weighted and set(tb.respondents(unweighted)[0]) == {1.0}


def test_demo_is_deterministic(tmp_path, memory_keyring):
    from app.office import init_office

    answers = []
    for i in range(2):
        ctx, _ = init_office(tmp_path / f"d{i}.db", unit_code="TVH-CL", name="Huyện Càng Long", role="district",
                             parent_code="TVH", parent_name="Tỉnh Trà Vinh")
        add_communes(ctx)
        extra_surveys.populate(ctx, random.Random("seed"), date(2026, 11, 1))
        (s,) = qn.list_surveys(ctx)
        answers.append([(r.form_no, r.profile(), r.answers) for r in rs.load_responses(ctx, s.id)])
        ctx.close()
    assert answers[0] == answers[1]


def test_excel_export_has_every_table(demo_survey, tmp_path):
    ctx, survey = demo_survey
    data = tb.load_data(ctx, survey.id, texts=True)
    path = export_xlsx(data, tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Phương pháp", "Kế hoạch mẫu", "Tần suất", "Theo giai tầng", "Theo địa bàn",
                             "Theo độ tuổi", "Theo giới tính"]
    freq = [row for row in wb["Tần suất"].iter_rows(values_only=True)]
    titles = [r[0] for r in freq if r[0] and re.match(r"Câu \d+\. ", str(r[0]))]
    assert len(titles) == len(data.questionnaire.questions)
    first = data.questionnaire.question(1)
    f = tb.frequency(data, first)
    row = next(r for r in freq if r[0] == f"1. {first.choices[0]}")
    assert row[2] == pytest.approx(f.rows[0].percent)
    gender = [r for r in wb["Theo giới tính"].iter_rows(values_only=True) if r[0] == "Số người trả lời"]
    assert len(gender) == len(tb.choice_questions(data))


def test_report_pdf_and_docx(demo_survey, tmp_path):
    ctx, survey = demo_survey
    files = report.render(ctx, survey.id, tmp_path, signer_name="Nguyễn Văn An", today=date(2026, 11, 20))
    pdf = PdfReader(files[0])
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "BÁO CÁO" in text and "MỤC ĐÍCH, PHƯƠNG PHÁP" in text.upper()
    assert "Cochran" in text and "ngày 20 tháng 11 năm 2026" in text
    assert f"{survey.responses} phiếu hợp lệ" in text.replace("\n", " ")
    docx_text = "\n".join(p.text for p in DocxDocument(str(files[1])).paragraphs)
    assert "KẾT QUẢ THĂM DÒ" in docx_text.upper()


def test_printable_questionnaire_is_anonymous(demo_survey, tmp_path):
    ctx, survey = demo_survey
    doc = printable.build_document(ctx, qn.load(ctx, survey.id))
    from app.reports.document import plain_text

    text = plain_text(doc)
    assert "Phiếu không ghi họ tên, địa chỉ, số điện thoại" in text
    assert "chỉ trả lời nếu câu 1 chọn phương án 1" in text
    for forbidden in ("Họ và tên", "Số điện thoại:", "Địa chỉ:"):
        assert forbidden not in text
    files = printable.render(ctx, survey.id, tmp_path, docx=False)
    assert PdfReader(files[0]).pages


def test_double_entry_lists_mismatches(demo_survey):
    ctx, survey = demo_survey
    qn.update_survey(ctx, survey.id, status="open")     # the demo survey is closed: reopen it to key checks
    first = rs.load_responses(ctx, survey.id)[0]
    second = Response(first.stratum, first.area_code, first.age_band,
                      "female" if first.gender == "male" else "male", dict(first.answers), first.form_no)
    second.answers[5] = 1 if first.answers[5] != 1 else 2
    result = double_entry.record_check(ctx, survey.id, second)
    assert [m.field for m in result.mismatches] == ["gender", "q5"]
    summary = double_entry.summary(ctx, survey.id)
    assert first.form_no in [r.form_no for r in summary.results if r.mismatches]
    picks = double_entry.sample_forms(ctx, survey.id, 0.1, seed=3)
    assert picks == double_entry.sample_forms(ctx, survey.id, 0.1, seed=3)
    assert len(picks) == round(survey.responses * 0.1)


def _reopen(path, sid: str) -> None:
    from app.office import open_ctx

    ctx = open_ctx(path)
    try:
        qn.update_survey(ctx, sid, status="open")
    finally:
        ctx.close()


@pytest.mark.real_process
def test_cli_list_tabulate_import(demo_path, tmp_path, cli):
    env = {"DLXH_PASSPHRASE": PASSPHRASE}
    listed = cli("--db", str(demo_path), "survey", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    sid = listed.stdout.split()[0]
    tab = cli("--db", str(demo_path), "survey", "tabulate", sid[-8:], "--by", "stratum", env=env)
    assert tab.returncode == 0, tab.stderr
    assert "theo giai tầng" in tab.stdout and "Nông dân" in tab.stdout and "Sai số tối đa" in tab.stdout
    good = tmp_path / "phone.csv"
    good.write_text("Số phiếu;Câu 1;Câu 2;Câu 3;Câu 4;Câu 5\nĐT-1;2;;4;5;1\nĐT-2;2;;2;1,2;3\n", encoding="utf-8")
    closed = cli("--db", str(demo_path), "survey", "import", sid, str(good), env=env)   # the demo survey is closed
    assert closed.returncode == 1 and "Cuộc điều tra đã kết thúc" in closed.stderr
    assert "Traceback" not in closed.stderr
    _reopen(demo_path, sid)
    ok = cli("--db", str(demo_path), "survey", "import", sid, str(good), "--channel", "phone", env=env)
    assert ok.returncode == 0, ok.stderr
    assert "Đã nhập 2 phiếu." in ok.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("Câu 1,Câu 3,Câu 4,Câu 5\n2,9,5,1\n", encoding="utf-8")
    refused = cli("--db", str(demo_path), "survey", "import", sid, str(bad), env=env)
    assert refused.returncode == 1
    assert "Dòng 2: Câu 3: phương án '9' không có" in refused.stderr and "chưa ghi phiếu nào" in refused.stderr
    after = cli("--db", str(demo_path), "survey", "list", env=env)
    count = [int(re.search(r"(\d+) phiếu", x.stdout).group(1)) for x in (listed, after)]
    assert count[1] == count[0] + 2  # the refused file added nothing
    usage = cli("--db", str(demo_path), "survey", "tabulate", sid, "--by", "religion", env=env)
    assert usage.returncode == 2
