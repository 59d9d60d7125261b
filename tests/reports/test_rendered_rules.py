"""The claim rules held on the rendered documents themselves (PDF read back with pdfium, DOCX
with python-docx), for every periodic kind and an ad-hoc and a thematic report drafted from the
demo as of today: what a head reads is what is checked."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest

from app.reports import draft, register, wording
from app.reports.facts import gather
from app.reports.period import period_of
from tests.pdfread import open_pdf

NUMBER = r"(\d+(?:,\d+)?)"


def _value(text: str) -> float:
    return float(text.replace(",", "."))


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _kinds() -> dict[str, dict]:
    today = date.today()
    quarter = period_of("quarterly", today)
    return {
        "monthly": {"kind": "monthly", "anchor": today},
        "quarterly": {"kind": "quarterly", "anchor": today},
        "quarter-over": {"kind": "quarterly", "anchor": quarter.previous().start},
        "half_year": {"kind": "half_year", "anchor": today},
        "annual": {"kind": "annual", "anchor": today},
        "adhoc": {"kind": "adhoc", "start": quarter.start, "end": today,
                  "topic": "ô nhiễm môi trường từ cơ sở chăn nuôi heo và lò than củi"},
        "thematic": {"kind": "thematic", "start": today.replace(month=1, day=1), "end": today,
                     "topic": "bồi thường, giải phóng mặt bằng dự án nâng cấp Quốc lộ 53"},
    }


@pytest.fixture(scope="module")
def rendered(demo_template, tmp_path_factory):
    """Each kind drafted and rendered once: (facts, pdf text, docx text)."""
    import shutil

    from app.office import open_ctx
    from tests.conftest import PASSPHRASE

    path = tmp_path_factory.mktemp("rendered") / "demo.db"
    shutil.copy(demo_template, path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLXH_PASSPHRASE", PASSPHRASE)
        ctx = open_ctx(path)
    out = {}
    try:
        for name, spec in _kinds().items():
            spec = dict(spec)
            report = draft.draft_report(ctx, spec.pop("kind"), spec.pop("anchor", None), **spec)
            docx_bytes, pdf_bytes = register.render_files(ctx, report.id)
            facts = gather(ctx, draft.period_for(report), subject=draft.subject_of(report))
            out[name] = (facts, open_pdf(pdf_bytes).text(), _docx_text(docx_bytes))
    finally:
        ctx.close()
    return out


def _texts(rendered):
    for name, (facts, pdf, docx_text) in rendered.items():
        for fmt, text in (("pdf", pdf), ("docx", docx_text)):
            yield name, facts, fmt, " ".join(text.split())


def test_words_match_their_figures_in_every_rendered_document(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        where = (name, fmt)
        for tally in re.findall(r"hầu khắp địa bàn \(([^)]*)\)", text):
            got, of = (sum(int(x) for x in col) for col in zip(*re.findall(r"(\d+)/(\d+)", tally), strict=True))
            assert 3 * got >= 2 * of, (where, tally)
        assert not re.search(r"\b(\d+)/\1 ấp\b", text) or "khóm" in text, where
        assert "14/14" not in text, where
        for share in re.findall(rf"(?:phần lớn|đa số|Phần lớn|Đa số) ý kiến [^()]*\({NUMBER}%", text):
            assert _value(share) > 50, (where, share)
        for a, b in re.findall(rf"hai luồng gần ngang nhau: [^()]*\({NUMBER}%\) và [^()]*\({NUMBER}%\)", text):
            assert _value(a) + _value(b) >= 75 and abs(_value(a) - _value(b)) <= 10, (where, a, b)
        for series in re.findall(r"tăng qua các tháng \(([\d –]+) ý kiến\)", text):
            values = [int(v) for v in series.split(" – ")]
            assert all(b > a for a, b in zip(values, values[1:], strict=False)), (where, series)
        for series in re.findall(r"giảm qua các tháng \(([\d –]+) ý kiến\)", text):
            values = [int(v) for v in series.split(" – ")]
            assert all(b < a for a, b in zip(values, values[1:], strict=False)), (where, series)
        assert not re.search(r"-0,0", text) and "Kỳ này" not in text and "Kỳ trước" not in text, where


def test_no_comparison_with_a_period_without_data(rendered):
    for name, facts, fmt, text in _texts(rendered):
        if not facts.has_prev:
            assert not re.search(r"(tháng|quý|năm|kỳ|6 tháng) trước(?: đó)? không có ý kiến nào", text), (name, fmt)
            assert "mới phát sinh" not in text and "mới nổi lên" not in text, (name, fmt)
            assert "để so sánh" in text, (name, fmt)


def test_a_period_not_over_carries_its_cutoff_and_forecasts_no_trend_from_it(rendered):
    for name, facts, fmt, text in _texts(rendered):
        if facts.running:
            assert f"chưa kết thúc, số liệu tính đến ngày {facts.as_of:%d/%m/%Y}" in text, (name, fmt)
            if len(facts.complete_months) < 3:  # a trend is read from three months that are over, at least
                assert "lắng dần" not in text and "lắng xuống" not in text, (name, fmt)
                assert "dự báo tiếp tục tăng" not in text, (name, fmt)


def test_stock_figures_carry_their_date_and_agree(rendered):
    for name, facts, fmt, text in _texts(rendered):
        day = f"{facts.as_of:%d/%m/%Y}"
        stated = {int(n) for n in re.findall(rf"Tính đến ngày {day}, còn (\d+) ý kiến đã chuyển chưa có kết quả", text)}
        if facts.pending:
            assert stated == {facts.pending}, (name, fmt, stated, facts.pending)
        for n in re.findall(r"còn (\d+) ý kiến (?:đã chuyển )?chưa có kết quả", text):
            assert int(n) <= facts.pending, (name, fmt, n)


def test_longer_periods_name_their_periods_and_the_year_closes_with_tasks(rendered):
    for name in ("quarterly", "quarter-over", "half_year", "annual"):
        facts, pdf, _ = rendered[name]
        text = " ".join(pdf.split())
        assert "Bảng 2. Số ý kiến theo tháng và xu hướng" in text and "ĐÁNH GIÁ CHUNG" in text, name
        for d, _n, _mix in facts.monthly:
            assert f"Tháng {d.month}/{d.year}" in text, (name, d)
    over = " ".join(rendered["quarter-over"][1].split())
    q = rendered["quarter-over"][0].period
    assert re.search(r"Quý [IV]+/\d{4} Quý [IV]+/\d{4} Tăng, giảm", over) and "so với quý trước" in over, q
    annual = rendered["annual"][1]
    year = rendered["annual"][0].period.start.year
    assert f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}" in annual
    assert annual.index(f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}") > annual.index("ĐỀ XUẤT, KIẾN NGHỊ")


def test_subject_reports_keep_to_their_subject(rendered):
    adhoc = " ".join(rendered["adhoc"][1].split())
    thematic = " ".join(rendered["thematic"][1].split())
    assert "Quốc lộ 53" not in adhoc and "Biển Đông" not in adhoc and "phân bón" not in adhoc
    assert "lò than củi" not in thematic and "Biển Đông" not in thematic
    assert "Trong từ ngày" not in adhoc + thematic


def test_a_running_period_says_once_that_it_is_not_compared(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        said = len(re.findall(r"chưa so sánh với|chưa kết thúc nên chưa so sánh", text))
        assert said <= 1, (name, fmt, said)


def test_few_items_get_no_share_word_and_interest_words_need_items(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        assert not re.search(r"(?:đa số|phần lớn|Đa số|Phần lớn) ý kiến [^()]*\(100%", text), (name, fmt)
        for sentence, word in re.findall(r"([^.]*?); vấn đề (được bàn luận rộng rãi|thu hút sự quan tâm rất lớn"
                                         r"|được nhiều người quan tâm, bàn luận|được bàn luận khá nhiều)", text):
            n = int(re.findall(r"(\d+) (?:ý kiến|phản ánh)", sentence)[-1])
            high = word in ("được bàn luận rộng rãi", "thu hút sự quan tâm rất lớn")
            assert n >= wording.INTEREST_ITEMS["high" if high else "medium"], (name, fmt, n, word)


def test_no_meeting_in_the_period_is_said_of_the_period_with_the_latest_one(rendered):
    for name, facts, fmt, text in _texts(rendered):
        if "chưa tổ chức hội nghị giao ban" in text:
            assert re.search(rf"Trong {re.escape(facts.period.short)}[^.]*chưa tổ chức hội nghị giao ban", text), name
            if facts.last_meeting:
                assert f"{date.fromisoformat(facts.last_meeting):%d/%m/%Y}" in text, (name, fmt)


def test_a_matter_goes_upward_only_with_something_to_pass_on(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        for n, rest in re.findall(r"phản ánh lên cấp trên dư luận về [^()]*\((\d+) ý kiến([^)]*)\)", text):
            assert int(n) >= wording.RAISE_ITEMS or "bức xúc" in rest or "xuyên tạc" in rest \
                or "điểm nóng" in rest, (name, fmt, n, rest)


def test_topics_come_largest_first(rendered):
    for name, facts, fmt, text in _texts(rendered):
        by_title = {t.title: t.count for t in facts.topics}
        heads = [by_title[t] for t in re.findall(r"\b[a-i]\) (.+?) (?=Đây là|Vấn đề|Tính đến|Đến ngày|Trong |Dư luận"
                                                  r"|Số ý kiến)", text) if t in by_title]
        assert heads == sorted(heads, reverse=True), (name, fmt, heads)
        for listed in re.findall(r"(?:xoay quanh|tập trung vào|chủ yếu là|phản ánh về) ([^.]*)\.", text):
            counts = [int(n) for n in re.findall(r"\((\d[\d.]*) ý kiến\)", listed.replace(".", ""))]
            assert counts == sorted(counts, reverse=True), (name, fmt, listed)
        top = sorted(facts.topics, key=lambda t: -t.count)[:1]
        if top and "Nổi lên trong dư luận là các vấn đề: " in text:
            first = text.split("Nổi lên trong dư luận là các vấn đề: ", 1)[1]
            assert first.lower().startswith(top[0].title[:20].lower()), (name, fmt, first[:60])


def test_a_clear_direction_is_said_and_tables_separate_thousands(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        for series in re.findall(r"không đều qua các tháng \(([\d. –]+) ý kiến\)", text):
            values = [int(v.replace(".", "")) for v in series.split(" – ")]
            assert not wording.direction(values), (name, fmt, series)
        for series in re.findall(r"nhìn chung (?:tăng|giảm) mạnh qua các tháng \(([\d. –]+) ý kiến\)", text):
            values = [int(v.replace(".", "")) for v in series.split(" – ")]
            assert wording.direction(values), (name, fmt, series)
    for name, (_facts, _pdf, docx_text) in rendered.items():
        bare = [c for c in docx_text.splitlines() if re.fullmatch(r"[+-]?\d{4,}", c.strip())]
        assert not bare, (name, bare)


def test_a_topics_forwarded_and_resolved_figures_fit_the_agencies(rendered):
    """Part III counts a topic's items forwarded and resolved in the same window as part IV's
    agencies (this period, to its cut-off), so a topic never holds more than its agency."""
    for name, _facts, fmt, text in _texts(rendered):
        got = {a: (int(n), int(r or 0)) for a, n, r in re.findall(
            r"- ([^:.;]+?): nhận mới (\d+) ý kiến(?:, có kết quả giải quyết (\d+) ý kiến)?", text)}
        for sent, agency, resolved in re.findall(
                r"đã chuyển (\d+) ý kiến đến ([^(;.]+?) để xem xét, giải quyết(?:; đã có kết quả giải quyết (\d+))?",
                text):
            if agency.strip() in got:
                assert int(sent) <= got[agency.strip()][0], (name, fmt, agency, sent, got[agency.strip()])
                if resolved:
                    assert int(resolved) <= got[agency.strip()][1], (name, fmt, agency, resolved)
    adhoc = " ".join(rendered["adhoc"][1].split())
    iii = re.findall(r"đã có kết quả giải quyết (\d+) ý kiến", adhoc)
    iv = re.findall(r"có kết quả giải quyết (\d+) ý kiến", adhoc.split("Kết quả theo từng cơ quan", 1)[-1])
    assert set(iii) <= set(iv) or not iv, (iii, iv)


def test_earlier_periods_are_named_and_brackets_do_not_stack(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        assert "6 tháng trước đó" not in text and "cùng thời gian trước đó" not in text, (name, fmt)
        assert not re.search(r"\d\) \((?:từ|\d)", text), (name, fmt, re.findall(r".{60}\d\) \(.{30}", text)[:2])


def test_lists_inside_a_proposal_and_the_network_changes_read_as_one_sentence(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        assert not re.search(r"nhất là về [^.]*;[^.]*; thông tin kết quả", text), (name, fmt)
        assert not re.search(r"bổ sung \d+ cộng tác viên và \d+ cộng tác viên thôi", text), (name, fmt)


def test_a_period_from_new_year_compares_with_the_same_days_a_year_before_and_months_carry_cutoffs(rendered):
    thematic = " ".join(rendered["thematic"][1].split())
    year = rendered["thematic"][0].period.start.year
    assert f"cùng kỳ năm {year - 1}" in thematic and "25/01" not in thematic
    for name in ("adhoc", "thematic"):
        facts, pdf, _ = rendered[name]
        last = facts.monthly[-1][0]
        if facts.as_of < date(last.year + last.month // 12, last.month % 12 + 1, 1):  # the last month is not over
            assert f"Tháng {last.month}/{last.year} (đến {facts.as_of:%d/%m})" in " ".join(pdf.split()), name


def test_no_lone_letter_in_a_list(rendered):
    for name, _facts, fmt, text in _texts(rendered):
        if " a) " in f" {text} ":
            assert " b) " in text, (name, fmt)


def test_a_stable_structure_shows_its_figures_and_a_running_month_its_cutoff(rendered):
    for name, facts, fmt, text in _texts(rendered):
        for said in re.findall(r"không có biến động lớn so với [^.]*\.", text):
            assert "%" in said, (name, fmt, said)
        if len(facts.monthly) > 1 and len(facts.complete_months) < len(facts.monthly):
            for said in re.findall(r"Diễn biến theo tháng[^:]*:", text):
                assert "tính đến ngày" in said, (name, fmt, said)


def test_a_quarter_with_two_months_over_says_what_rose_between_them(rendered):
    facts, pdf, _ = rendered["quarterly"]
    text = " ".join(pdf.split())
    if len(facts.complete_months) == 2:
        (a, _, _), (b, _, _) = facts.complete_months
        rose = [t for t in facts.topics if t.monthly[1] - t.monthly[0] >= 3 and t.monthly[1] >= 1.25 * t.monthly[0]]
        assert ("dự báo xu hướng tăng, giảm của từng vấn đề" not in text) == bool(rose)   # the running period's line
        if rose:
            assert (f"tháng {b.month} tăng so với tháng {a.month}. Mới có 02 tháng đã kết thúc nên chưa đủ căn cứ "
                    "dự báo xu hướng; nếu chưa được giải quyết") in text


def test_no_zero_sentence_no_hidden_single_name_and_no_share_called_many(rendered):
    """What a head strikes out on sight, in every rendered kind: "0 ý kiến" in a sentence, one name
    hidden behind "và 01 … khác", "chiếm tỷ lệ nhiều nhất", "Tài liệu: Tài liệu"."""
    zero = re.compile(r"(?<![\d,./])0 (ý kiến|cộng tác viên|hội nghị|lượt|vấn đề|đơn vị|lớp|địa bàn)\b")
    for name, _facts, fmt, text in _texts(rendered):
        prose = re.sub(r"(Tổng cộng|Tháng \d+/\d{4}|Khác)( [\d.–-]+%?)+", "", text)  # table rows are not sentences
        assert not zero.search(prose), (name, fmt, zero.search(prose))
        assert not re.search(r"và 01 (địa bàn|đơn vị|vấn đề) khác", text), (name, fmt)
        assert "tỷ lệ nhiều nhất" not in text, (name, fmt)


def test_every_place_claim_holds_in_every_rendered_document(rendered):
    """'nhiều hơn cả ở', 'tập trung chủ yếu ở', 'phát sinh chủ yếu tại', 'Điểm nóng tập trung ở':
    the areas named lead every area left out, and "chủ yếu" / "tập trung" hold more than half."""
    from tests.reports.test_places import claims_hold

    for name, facts, fmt, text in _texts(rendered):
        for t in facts.topics:
            for block in text.split(t.title)[1:]:
                said = block.split(". ")[0] + ". " + block.split(". ")[1] if ". " in block else block
                assert not claims_hold(said[:400], t), (name, fmt, t.title, said[:400])
