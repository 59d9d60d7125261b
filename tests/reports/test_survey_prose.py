"""The survey report states its findings in words with their margins of error, uses the
same quantifier rules as the monthly report, and always has a signer line."""

from __future__ import annotations

import re

from app.reports.document import Paragraph
from app.surveys import questionnaire as qn
from app.surveys import tabulate as tb
from app.surveys.report import build_document
from app.surveys.report_text import reading


def test_survey_findings_in_words_with_margins(demo_ctx):
    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    data = tb.load_data(demo_ctx, survey.id)
    lines = [reading(data, q) for q in data.questionnaire.questions if q.has_choices]
    assert len(lines) >= 3 and all("±" in line for line in lines)
    doc = build_document(demo_ctx, data)
    text = "\n".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "Sai số tối đa của các tỷ lệ, độ tin cậy 95%: ±" in text
    for word, share in re.findall(r"(Phần lớn|Đa số) người trả lời \((\d+(?:,\d+)?)%", text):
        assert float(share.replace(",", ".")) > 50, word
    for share in re.findall(r"nhiều nhất là “[^”]+” \((\d+(?:,\d+)?)%", text):
        assert float(share.replace(",", ".")) <= 50
    assert "nhân dân" not in text.replace("Ủy ban nhân dân", "")
    assert doc.signatures and doc.signatures[0].title


def test_the_survey_proposal_is_addressed_to_a_body(demo_ctx):
    """FORMAT: each proposal is addressed to a named body, never a bare "Đề nghị tăng cường …";
    at a commune the body that carries out a commune's policy is its People's Committee."""
    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    doc = build_document(demo_ctx, tb.load_data(demo_ctx, survey.id))
    asks = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text.startswith("Đề nghị")]
    assert asks and all(a.startswith("Đề nghị Ủy ban nhân dân xã Càng Long ") for a in asks), asks


def test_the_oldest_age_band_is_a_whole_phrase(demo_ctx):
    """'Độ tuổi: Từ 60 tuổi' is half a phrase: the band reads 'Từ 60 tuổi trở lên' in the report,
    and files written with the old label still import."""
    from app.surveys.form_rows import parse_profile

    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    doc = build_document(demo_ctx, tb.load_data(demo_ctx, survey.id))
    cells = [c for b in doc.blocks if hasattr(b, "rows") for row in b.rows for c in row]
    assert any("Từ 60 tuổi trở lên" in c for c in cells)
    assert not any(re.search(r"Từ 60 tuổi(?! trở lên)", c) for c in cells)
    assert parse_profile("age_band", "Từ 60 tuổi", {}) == "60+"
