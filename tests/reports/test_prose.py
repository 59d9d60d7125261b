"""The rules a head of office checks before signing, asserted on the demo's drafted months:
every field and topic with items is named, no sentence repeats, quantifiers match the
shares, the quoted opinion comes from the main tendency, counts have two digits,
proposals are addressed to a named body, and a quarter speaks of its trend."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app import catalog
from app.reports import draft, prose
from app.reports.facts import gather
from app.reports.period import period_of
from app.reports.prose.opinions import quote_for
from app.reports.prose.words import field_name, lower_first, sentences, share_phrase

COUNTED = r"(?:ý kiến|hội nghị|cộng tác viên|lượt|vấn đề|ngày|lớp|xã, thị trấn|ấp|cơ quan)"


def _months(n: int = 3) -> list[date]:
    first = date.today().replace(day=1)
    out = []
    for _ in range(n):
        first = period_of("monthly", date.fromordinal(first.toordinal() - 1)).start
        out.append(first)
    return out


def _text(report) -> str:
    return "\n".join(s["text"] for s in report.sections)


@pytest.fixture
def drafted(demo_ctx):
    reports = [draft.draft_report(demo_ctx, "monthly", m) for m in _months()]
    return [(r, gather(demo_ctx, draft.period_for(r))) for r in reports]


def test_every_field_and_topic_with_items_is_named(drafted):
    for report, facts in drafted:
        issues = report.sections[1]["text"].lower()
        for code, n in facts.by_field.items():
            assert n and field_name(code).lower() in issues, (report.period_start, code)
        for topic in facts.topics:
            assert topic.title.lower() in issues, (report.period_start, topic.title)


def test_no_sentence_repeats_and_no_form_text(drafted):
    for report, _facts in drafted:
        text = _text(report)
        said = [s for s in sentences(text) if not s.startswith("- ")]
        repeated = {s for s in said if said.count(s) > 1}
        assert not repeated, repeated
        assert "mức độ quan tâm" not in text.lower() and "Địa bàn:" not in text
        assert not re.search(r"(?<!Ủy ban )(?<!Hội đồng )\bnhân dân", text), "Nhân dân is capitalised"


def test_quantifiers_match_the_shares(drafted):
    checked = 0
    for report, _facts in drafted:
        text = _text(report)
        for word, share in re.findall(r"(phần lớn|đa số) ý kiến [^()]*\((\d+(?:,\d+)?)%\)", text):
            assert float(share.replace(",", ".")) > 50, (word, share)
            checked += 1
        for share in re.findall(r"chiếm tỷ lệ cao nhất \((\d+(?:,\d+)?)%\)", text):
            assert float(share.replace(",", ".")) <= 50
            checked += 1
    assert checked >= 6
    assert share_phrase(40, 100, "x").startswith("ý kiến x chiếm tỷ lệ cao nhất")
    assert share_phrase(51, 100, "x").startswith("phần lớn") and share_phrase(70, 100, "x").startswith("đa số")


def test_quoted_opinion_comes_from_the_main_tendency(demo_ctx, drafted):
    quotes = 0
    for report, facts in drafted:
        issues = report.sections[1]["text"]
        for topic in facts.topics:
            sample = quote_for(topic)
            if sample is None or sample.text.rstrip(".") not in issues:
                continue
            assert sample.tendency == topic.main_tendency
            label = lower_first(catalog.TENDENCIES[topic.main_tendency])
            assert f"Ý kiến tiêu biểu ({label}): “{sample.text.rstrip('.')}" in issues
            row = demo_ctx.db.execute("SELECT count(*) FROM opinions WHERE summary = ? AND tendency = ? AND "
                                      "received_on BETWEEN ? AND ?", [sample.text, sample.tendency,
                                                                       report.period_start, report.period_end])
            assert row.fetchone()[0] >= 1
            quotes += 1
    assert quotes >= 6


def test_counts_have_two_digits(drafted):
    for report, _facts in drafted:
        text = _text(report)
        assert not re.findall(rf"(?<![\d.,/–-])\d {COUNTED}\b", text)
    assert re.search(rf"\b0\d {COUNTED}", _text(drafted[0][0]))


def test_parts_three_to_six_say_what_the_format_asks(drafted):
    for report, facts in drafted:
        keys = [s["key"] for s in report.sections]
        assert keys == ["general", "issues", "hotspots", "handling", "network", "proposals"]
        general, hotspots, handling, proposals = (report.sections[i]["text"] for i in (0, 2, 3, 5))
        assert "ổn định" in general.split("\n")[0] and "so với tháng trước" in general
        for topic in (t for t in facts.topics if t.is_hot_spot):
            assert topic.title in hotspots
        for agency in (a for a in facts.agencies if a.overdue):
            assert f"- {agency.name}:" in handling and "quá hạn" in handling
        who = prose.pen_for(facts).who
        named = {a.name for a in facts.agencies} | {who.government, who.committee, who.superior} - {""}
        asks = [line for line in proposals.splitlines() if line.startswith("- ")]
        assert asks
        for line in asks:
            assert line.startswith("- Đề nghị ") and any(line[len("- Đề nghị "):].startswith(b) for b in named), line
        citizen = {p for t in facts.topics for p, _ in t.proposals}
        assert not any(c.rstrip(".") in proposals for c in citizen)


def test_quarter_speaks_of_its_trend(demo_ctx):
    quarter = draft.draft_report(demo_ctx, "quarterly", _months(4)[-1])
    general = quarter.sections[0]["text"]
    assert re.search(r"Qua 03 tháng đã kết thúc \(Bảng 2\), số ý kiến (tăng|giảm|không đều) qua các tháng "
                     r"\(\d+ – \d+ – \d+ ý kiến\)", general)
    assert [s["key"] for s in quarter.sections][-2:] == ["assessment", "proposals"]
    assert quarter.sections[0]["tables"][0]["caption"].startswith("Bảng 2. Số ý kiến theo tháng")
    month = draft.draft_report(demo_ctx, "monthly", _months(1)[0])
    assert "theo từng tháng" not in month.sections[0]["text"]
    assert not any("theo tháng" in t["caption"] for t in month.sections[0].get("tables", []))   # a month: no months' table
    assert "Diễn biến theo tháng:" in quarter.sections[1]["text"]


def test_wording_follows_the_office_kind():
    from app.reports.prose.audience import audience

    commune = audience("commune", "xã Càng Long")
    assert commune.area_word == "ấp" and commune.government == "Ủy ban nhân dân xã Càng Long"
    assert commune.superior == "Ban Tuyên giáo và Dân vận Tỉnh ủy" and "huyện" not in str(commune.__dict__).lower()
    assert audience("commune", "phường 1").area_word == "khu phố"
    assert audience("district", "huyện Càng Long").committee == "Thường trực Huyện ủy"
    assert audience("commune", "xã Càng Long", "Ban Tuyên giáo và Dân vận Thành ủy").superior.endswith("Thành ủy")
