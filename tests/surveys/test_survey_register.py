"""The survey report kept in the report register: same document as the direct survey report
(tables and charts in place), editable and redrafted like other reports, and numbered,
approved, signed and verified through the normal `dlxh report` flow."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.errors import ValidationError
from app.reports import draft, register, store
from app.reports.compose import document_for
from app.reports.document import Chart, Table, plain_text
from app.reports.render_pdf import render_pdf
from app.surveys import questionnaire as qn
from app.surveys import registered
from app.surveys import tabulate as tb
from app.surveys.report import build_document
from tests.conftest import PASSPHRASE
from tests.pdfread import open_pdf

DAY = date(2026, 11, 20)


@pytest.fixture
def survey_report(demo_ctx):
    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    return demo_ctx, survey, registered.register_report(demo_ctx, survey.id, signer_name="Nguyễn Văn An")


def _pages_text(pdf: bytes) -> list[str]:
    return [page.text() for page in open_pdf(pdf)]


def test_register_keeps_the_same_document(survey_report):
    ctx, survey, report = survey_report
    assert (report.kind, report.status, report.survey_id, report.survey_weight) == ("survey", "draft", survey.id,
                                                                                    "auto")
    assert report in store.list_reports(ctx, kind="survey")
    assert [s["title"] for s in report.sections] == ["MỤC ĐÍCH, PHƯƠNG PHÁP THĂM DÒ", "KẾT QUẢ THĂM DÒ",
                                                     "SO SÁNH GIỮA CÁC NHÓM", "NHẬN ĐỊNH VÀ ĐỀ XUẤT"]
    direct = build_document(ctx, tb.load_data(ctx, survey.id), signer_name="Nguyễn Văn An", today=DAY)
    stored = document_for(ctx, report, DAY)
    assert stored.blocks == direct.blocks
    assert (stored.header, stored.subject, stored.recipients, stored.signatures) == \
        (direct.header, direct.subject, direct.recipients, direct.signatures)
    tables = [b for b in stored.blocks if isinstance(b, Table)]
    charts = [b for b in stored.blocks if isinstance(b, Chart)]
    assert len(tables) >= 5 and len(charts) >= 2
    assert _pages_text(render_pdf(stored)) == _pages_text(render_pdf(direct))


def test_edits_survive_redrafting_and_markers_place_figures(survey_report):
    ctx, _, report = survey_report
    part = report.sections[2]
    assert "[Bảng" in part["text"] and "[Biểu đồ 2]" in part["text"]
    lines = [line for line in part["text"].splitlines() if line != "[Biểu đồ 2]"]
    lines.insert(0, "Nhóm nông dân cần được giải thích thêm về chủ trương.")
    edited = draft.edit_section(ctx, report.id, part["key"], "\n".join(lines))
    charts_before = sum(isinstance(b, Chart) for b in document_for(ctx, report, DAY).blocks)
    doc = document_for(ctx, edited, DAY)
    assert sum(isinstance(b, Chart) for b in doc.blocks) == charts_before - 1  # its line removed: chart gone
    assert "Nhóm nông dân cần được giải thích thêm" in plain_text(doc)

    kept = draft.regenerate(ctx, report.id)
    assert kept.sections[2]["text"] == edited.sections[2]["text"] and kept.sections[2]["edited"]
    assert kept.sections[0] == report.sections[0]
    fresh = draft.regenerate(ctx, report.id, discard_edits=True)
    assert fresh.sections == report.sections


def test_redrafting_needs_the_survey_here(demo_ctx):
    orphan = store.create(demo_ctx, store.Report(kind="survey", period_start="2026-10-01", period_end="2026-10-31",
                                                 title="kết quả thăm dò", sections=[]))
    with pytest.raises(ValidationError, match="không gắn với cuộc điều tra"):
        draft.regenerate(demo_ctx, orphan.id)


def test_signed_survey_report_verifies_and_new_version_keeps_the_link(survey_report):
    ctx, survey, report = survey_report
    for step in (register.submit, register.approve, register.sign):
        report = step(ctx, report.id)
    assert report.status == "signed" and report.number
    docx, pdf = register.render_files(ctx, report.id)
    from app.reports import signing

    assert signing.verify_pdf(ctx, pdf).valid
    text = "".join(_pages_text(pdf))
    assert f"Số {report.number:02d}-BC/ĐU" in text and "Câu 3: mức đồng tình theo giai tầng (%)" in text
    again = register.new_version(ctx, report.id)
    assert (again.survey_id, again.survey_weight, again.supersedes) == (survey.id, "auto", report.id)


def test_cli_register_render_sign_verify(cli, demo_path, tmp_path):
    env = {"DLXH_PASSPHRASE": PASSPHRASE}
    db = ["--db", str(demo_path)]
    sid = cli(*db, "survey", "list", env=env).stdout.split()[0]
    done = cli(*db, "survey", "report", sid[-8:], "--register", "--signer", "Trần Văn Hùng", env=env)
    assert done.returncode == 0, done.stderr
    assert "Đã lưu vào sổ báo cáo" in done.stdout
    report_id = done.stdout.strip().splitlines()[-1]
    out_dir = tmp_path / "out"
    done = cli(*db, "report", "render", report_id, "--pdf", "--out", str(out_dir), env=env)
    assert done.returncode == 0, done.stderr
    draft_pdf = Path(done.stdout.strip().splitlines()[-1])
    assert "KẾT QUẢ THĂM DÒ" in "".join(_pages_text(draft_pdf.read_bytes()))
    for step in ("submit", "approve", "sign"):
        done = cli(*db, "report", step, report_id, env=env)
        assert done.returncode == 0, (step, done.stderr)
    done = cli(*db, "report", "render", report_id, "--pdf", "--out", str(out_dir), env=env)
    signed = Path(done.stdout.strip().splitlines()[-1])
    assert signed.name.startswith("bao-cao-survey-") and signed.name.endswith("-da-ky.pdf")
    done = cli(*db, "report", "verify", str(signed), env=env)
    assert done.returncode == 0 and "hợp lệ" in done.stdout
    listed = cli(*db, "report", "list", env=env).stdout
    assert any(line.startswith(report_id) and "Đã ký" in line for line in listed.splitlines())


def test_save_to_register_from_the_survey_page(main_window, demo_ctx, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append((title, text)))
    page = main_window.show_page("surveys")
    page.tabs.setCurrentWidget(page.tabulate)
    button = next(b for b in page.tabulate.findChildren(QPushButton) if b.text() == "Lưu vào sổ báo cáo")
    button.click()
    assert shown and shown[0][0] == "Đã lưu vào sổ báo cáo"
    (saved,) = store.list_reports(demo_ctx, kind="survey")
    assert saved.survey_id == page.survey_id()
    reports = main_window.show_page("reports")
    reports.refresh(saved.id)
    assert reports.panel.report.id == saved.id
    assert reports.panel.section_list.count() == 4
