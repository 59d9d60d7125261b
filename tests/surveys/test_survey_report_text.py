"""The survey report a commune signs, read back from its PDF: it speaks for the office that
issues it, ranks groups correctly with ties as ties, never prints "-0,0%", says "phần lớn" /
"đa số" only beyond the margin of error, states the largest margin its tables show, and
titles every table."""

from __future__ import annotations

import re

import pytest

from app.surveys import report, report_text
from app.surveys import tabulate as tb
from app.surveys.report_groups import GroupAgreement, lowest_groups
from tests.pdfread import open_pdf

NUM = r"(\d+(?:,\d+)?)"


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _survey_pdf(ctx, tmp_path) -> tuple[str, tb.SurveyData]:
    survey_id = ctx.db.execute("SELECT id FROM surveys WHERE title LIKE 'Thăm dò%'").fetchone()[0]
    files = report.render(ctx, survey_id, tmp_path, docx=False)
    pdf = open_pdf(files[0].read_bytes())
    return "\n".join(p.text() for p in pdf), tb.load_data(ctx, survey_id, "auto")


def test_demo_survey_report_reads_as_the_commune_signs_it(demo_ctx, tmp_path):
    text, data = _survey_pdf(demo_ctx, tmp_path)
    flat = " ".join(text.split())
    assert "T/M ĐẢNG ỦY" in text
    assert "Ban Tuyên giáo báo cáo" not in flat
    assert "Đảng ủy xã Càng Long báo cáo kết quả thăm dò để Ban Tuyên giáo và Dân vận Tỉnh ủy" in flat
    assert "-0,0" not in flat
    # the frame is the adult population (18+), not everyone counted with the children
    adults, everyone = demo_ctx.db.execute("SELECT sum(adults), sum(population) FROM units WHERE level = 'hamlet'"
                                           ).fetchone()
    assert 0 < adults < everyone
    assert f"Tổng thể (khung mẫu) là {report_text.vn_number(adults)} người từ 18 tuổi trở lên" in flat
    assert report_text.vn_number(everyone) not in flat
    # every table has a title after its number
    numbers = re.findall(r"Bảng (\d+)\.(.*)", text)
    assert numbers and all(title.strip() for _n, title in numbers), numbers
    # "phần lớn" / "đa số" only above half beyond the margin
    for word, share, moe in re.findall(rf"(Phần lớn|Đa số|phần lớn|đa số)[^(]*\({NUM}% ± {NUM} điểm\)", flat):
        assert _num(share) - _num(moe) > 50, (word, share, moe)
        if word.lower() == "đa số":
            assert _num(share) - _num(moe) >= 200 / 3
    # the margin stated is the largest the question tables show
    worst = max(r.moe for q in data.questionnaire.questions if q.has_choices for r in tb.frequency(data, q).rows)
    assert worst > report_text.achieved_margin(data) * 100          # the demo has a skipped question
    assert f"±{report_text.vn_number(worst, 1)} điểm ở câu" in flat
    printed = [_num(x) for x in re.findall(rf"±{NUM}", flat)]
    method = flat.split("Sai số tối đa của các tỷ lệ")[1].split(". ")[0]
    stated = [_num(x) for x in re.findall(rf"±{NUM}", method)]
    assert max(printed) <= max(stated) + 0.05, (max(printed), stated)   # no table shows a wider ± than said
    # the lowest group named is the lowest of all groups, small ones included
    q = next(q for q in data.questionnaire.questions if q.kind == "likert")
    ct = tb.crosstab(data, q, "stratum")
    agree = {name: ct.col_percent(3, c) + ct.col_percent(4, c) for c, (_k, name) in enumerate(
        tb.group_categories(data, "stratum"))}
    lowest = min(agree, key=agree.get)
    assert f"tỷ lệ đồng tình thấp nhất là nhóm “{lowest}”" in flat


def test_lowest_groups_ranks_every_group_and_names_ties():
    groups = [GroupAgreement("Nông dân", 52.9, 8.0, 150), GroupAgreement("Doanh nhân", 48.9, 15.3, 41),
              GroupAgreement("Công nhân", 48.94, 13.6, 52), GroupAgreement("Khác", 60.0, 20.0, 17)]
    text = lowest_groups("giai tầng", groups)
    assert text.startswith("Theo giai tầng, các nhóm “Công nhân” (52 phiếu) và “Doanh nhân” (41 phiếu) có tỷ lệ "
                           "đồng tình thấp nhất ngang nhau (48,9%)")
    assert "tiếp đến là nhóm “Nông dân” (52,9%" in text
    single = lowest_groups("độ tuổi", [GroupAgreement("A", 40.0, 9.0, 100), GroupAgreement("B", 45.0, 9.0, 100)])
    assert single == "Theo độ tuổi, tỷ lệ đồng tình thấp nhất là nhóm “A” (40,0% ± 9,0 điểm, 100 phiếu), tiếp đến " \
                     "là nhóm “B” (45,0% ± 9,0 điểm, 100 phiếu)"


def test_shares_never_print_a_negative_zero():
    assert report_text.pct(-1e-12) == "0,0%" and report_text.vn_number(-0.04, 1) == "0,0"
    assert report_text.vn_number(-0.06, 1) == "-0,1"


def test_a_registered_survey_report_says_when_forms_were_added(demo_ctx):
    from app.reports import figures_check, store
    from app.surveys import questionnaire as qn
    from app.surveys import registered
    from app.surveys.model import Response
    from app.surveys.responses import load_responses, save_response

    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    report = registered.register_report(demo_ctx, survey.id)
    forms = load_responses(demo_ctx, survey.id)
    assert figures_check.changes(demo_ctx, report) == []
    first = forms[0]
    qn.update_survey(demo_ctx, survey.id, status="open")       # a late batch of forms is keyed in
    save_response(demo_ctx, survey.id, Response(first.stratum, first.area_code, first.age_band, first.gender,
                                                dict(first.answers), "9999"))
    assert figures_check.changes(demo_ctx, store.get(demo_ctx, report.id)) == [
        f"Số phiếu: {len(forms)} → {len(forms) + 1}"]


def test_closing_speaks_for_a_ban_too():
    from types import SimpleNamespace

    from app.office_kinds import style_for
    from app.surveys.report_groups import closing

    style = style_for("province", "Tỉnh Vĩnh Long")
    text = closing(SimpleNamespace(body_name=style.body_name, style=style))
    assert text.startswith("Ban Tuyên giáo và Dân vận Tỉnh ủy Vĩnh Long báo cáo kết quả thăm dò để Thường trực")
    commune = style_for("commune", "Xã Càng Long", "Tỉnh Vĩnh Long")
    own = closing(SimpleNamespace(body_name="BAN XÂY DỰNG ĐẢNG", style=commune))
    assert own.startswith("Ban xây dựng Đảng báo cáo") and "Đảng ủy xã Càng Long báo cáo" not in own


def test_a_planned_survey_with_no_form_yet_has_no_results_report(empty_ctx, tmp_path):
    """Before the first form comes in there is nothing to report: every table and chart of a
    results report would be empty, so it is refused with what to do, in the register too."""
    from app.errors import ValidationError
    from app.surveys import plan as plan_mod
    from app.surveys import registered

    from .store_helpers import add_communes, build_survey

    add_communes(empty_ctx)
    sid = build_survey(empty_ctx)
    plan_mod.save_plan(empty_ctx, sid, "area", plan_mod.catalogue_populations(empty_ctx))
    for weight in ("auto", "yes"):
        with pytest.raises(ValidationError, match="chưa có phiếu hợp lệ nào: chưa lập được báo cáo"):
            report.render(empty_ctx, sid, tmp_path / weight, docx=False, weight=weight)
        assert not (tmp_path / weight).exists() or list((tmp_path / weight).iterdir()) == []
    with pytest.raises(ValidationError, match="Hãy nhập phiếu"):
        registered.register_report(empty_ctx, sid)
