"""The claim rules of app.reports.wording, held over generated figures (hypothesis): a word that
states a judgement appears only when its figures support it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.reports import wording as w

counts = st.lists(st.integers(0, 60), min_size=1, max_size=12)
kinds = st.dictionaries(st.sampled_from(["ấp", "khóm", "thôn", "tổ dân phố"]), st.integers(1, 15), min_size=1)


@st.composite
def areas(draw):
    total = draw(kinds)
    reached = {k: draw(st.integers(0, n)) for k, n in total.items()}
    return reached, total


@given(areas(), st.lists(st.text("abcdeghiklmnopqrstuvxy", min_size=1, max_size=6), max_size=15))
def test_spread_words_follow_the_share_of_areas(pair, names):
    reached, total = pair
    n, m = sum(reached.values()), sum(total.values())
    text = w.spread(names, reached, total)
    assert ("hầu khắp" in text) == (3 * n >= 2 * m and n >= 3)
    if "nhiều địa bàn" in text:
        assert 3 * n >= m and 3 * n < 2 * m
    if "hầu khắp" in text or "nhiều địa bàn" in text:
        for got, of, kind in re.findall(r"(\d+)/(\d+) ([^,)]+)", text):
            assert int(got) == reached[kind] and int(of) == total[kind]


def test_areas_are_counted_by_their_kind():
    text = w.spread(["ấp Ba Se B"], {"ấp": 9, "khóm": 5}, {"ấp": 9, "khóm": 5})
    assert "09/09 ấp, 05/05 khóm" in text and "14/14" not in text
    # 7 of 14 is half, not "hầu khắp"; the places are not all called "ấp"
    half = w.spread(["khóm 4", "ấp Sóc Tro"], {"ấp": 4, "khóm": 3}, {"ấp": 9, "khóm": 5})
    assert "hầu khắp" not in half and "nhiều địa bàn (04/09 ấp, 03/05 khóm)" in half
    assert w.spread(["ấp A", "ấp B"], {"ấp": 2}, {"ấp": 9}) == "ở ấp A và ấp B"


@given(st.integers(0, 500), st.integers(1, 500), st.floats(0, 15))
def test_majority_words_only_above_half(part, whole, margin):
    part = min(part, whole)
    text = w.share(part, whole, "đồng tình", margin)
    if "phần lớn" in text or "đa số" in text:
        assert 100 * part / whole - margin > 50
    if "đa số" in text:
        assert 3 * part >= 2 * whole and not margin
    if "khoảng một nửa" in text:
        assert margin and abs(100 * part / whole - 50) <= margin


def test_a_majority_inside_the_margin_is_about_half():
    assert w.share(509, 1000, "đồng tình", 8.7).startswith("khoảng một nửa")
    assert w.share(620, 1000, "đồng tình", 8.7).startswith("phần lớn")


@given(st.lists(st.integers(0, 100), min_size=2, max_size=4))
def test_two_streams_only_when_two_dominate_and_are_close(values):
    if w.two_streams(values):
        top = sorted(values, reverse=True)
        total = sum(values)
        assert top[0] + top[1] >= 0.75 * total and top[0] - top[1] <= 0.10 * total
        assert all(v <= 0.25 * total for v in top[2:])


def test_a_third_stream_at_28_percent_is_not_two_streams():
    assert not w.two_streams([37, 35, 28])
    assert w.two_streams([45, 42, 13])


@given(counts)
def test_series_shape_words_hold(values):
    labels = [f"tháng {i + 1}" for i in range(len(values))]
    text = w.series(values, labels)
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    if "tăng qua các tháng" in text:
        assert len(values) > 1 and all(s > 0 for s in steps)
    if "giảm qua các tháng" in text:
        assert len(values) > 1 and all(s < 0 for s in steps)


def test_02_08_06_is_not_a_rise():
    text = w.series([2, 8, 6], ["tháng 10", "tháng 11", "tháng 12"])
    assert "tăng qua" not in text and "cao nhất tháng 11" in text and "thấp nhất tháng 10" in text


@given(st.integers(0, 50), st.integers(0, 50), st.booleans())
def test_no_comparison_with_a_period_without_data(now, before, has_prev):
    text = w.change(now, before, "năm trước", has_prev)
    if not has_prev:
        assert text == "chưa có số liệu năm trước để so sánh"
    assert "-0" not in text


@given(st.dates(date(2025, 1, 1), date(2027, 12, 31)), st.integers(-40, 40))
def test_a_running_period_carries_its_cutoff(end, shift):
    today = end + timedelta(days=shift)
    text = w.period_name("tháng 12 năm 2026", end, today)
    assert ("chưa kết thúc" in text) == (today < end)
    if today < end:
        assert today.strftime("%d/%m/%Y") in text


def test_ties_are_named_as_ties():
    text = w.ranking({"kinh tế": 12, "chính trị": 12, "khác": 3}, 27)
    assert text.startswith("kinh tế và chính trị ngang nhau, cùng 12 ý kiến")
    assert w.ranking({"kinh tế": 12, "chính trị": 3}, 15).startswith("nhiều nhất là kinh tế")
    assert w.leaders({"a": 0}) == []


@given(st.floats(-5, 5))
def test_no_negative_zero(value):
    text = w.points(value)
    assert text != "-0" and not re.fullmatch(r"-0(,0+)?", text)
    assert w.pct(-1, 10) == "0%"


def test_stock_figures_carry_their_date_and_novelty_needs_no_history():
    assert w.stock(16, "ý kiến", date(2026, 12, 7)) == "16 ý kiến (tính đến ngày 07/12/2026)"
    assert w.is_new(0) and not w.is_new(3)
    assert not w.covered(date(2025, 1, 1), date(2025, 12, 1)) and w.covered(date(2026, 11, 1), date(2025, 12, 1))
    assert not w.covered(date(2026, 11, 1), None)


@given(st.dictionaries(st.sampled_from(["đồng tình", "băn khoăn", "bức xúc", "xuyên tạc"]), st.integers(0, 30),
                       min_size=1))
def test_the_leading_tendency_names_a_tie_as_a_tie(counts):
    whole = sum(counts.values())
    text = w.leading(counts, whole)
    top = w.leaders(counts)
    if whole < w.FEW_ITEMS:  # one or two items are counted: "01 ý kiến A và 01 ý kiến B"
        assert "%" not in text and all(f"{w.n2(counts[k])} ý kiến" in text and k in text for k in top)
        return
    assert ("ngang nhau" in text) == (len(top) > 1)
    if len(top) == 1:
        assert text.endswith(f"({w.pct(counts[top[0]], whole)})") and top[0] in text


@given(st.integers(0, 60), st.integers(1, 60))
def test_few_items_are_counted_not_shared(part, whole):
    part = min(part, whole)
    text = w.share(part, whole, "băn khoăn")
    if whole < w.FEW_ITEMS:
        assert "%" not in text and "đa số" not in text and "phần lớn" not in text
        assert w.n2(part) in text
    if part == whole:
        assert "đa số" not in text and "phần lớn" not in text


def test_one_item_is_one_item():
    assert w.share(1, 1, "băn khoăn, lo lắng") == "01 ý kiến băn khoăn, lo lắng"
    assert w.leading({"đồng tình": 1, "băn khoăn": 1}, 2) == "01 ý kiến đồng tình và 01 ý kiến băn khoăn"


@given(st.integers(0, 80), st.sampled_from(["low", "medium", "high", ""]))
def test_interest_words_need_items(items, reported):
    level = w.interest(items, reported)
    order = ["low", "medium", "high"]
    assert order.index(level) <= order.index(reported or "low")
    if level == "high":
        assert items >= w.INTEREST_ITEMS["high"]
    if level == "medium":
        assert items >= w.INTEREST_ITEMS["medium"]


@given(st.integers(0, 40), st.integers(0, 40), st.booleans())
def test_a_matter_is_raised_only_with_something_to_pass_on(items, negative, hot):
    if w.worth_raising(items, min(negative, items), hot):
        assert items >= w.RAISE_ITEMS or hot or min(negative, items) >= w.FEW_ITEMS
    assert not w.worth_raising(1, 0, False) and not w.worth_raising(3, 0, False)


@given(counts)
def test_a_clear_direction_is_said_only_when_the_series_has_one(values):
    labels = [f"tháng {i + 1}" for i in range(len(values))]
    text = w.series(values, labels)
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    if "nhìn chung tăng" in text:
        assert values[-1] >= 2 * values[0] and 3 * sum(s > 0 for s in steps) >= 2 * len(steps)
    if "nhìn chung giảm" in text:
        assert 2 * values[-1] <= values[0] and 3 * sum(s < 0 for s in steps) >= 2 * len(steps)


def test_a_tripling_year_with_dips_is_a_rise():
    year = [51, 60, 55, 80, 87, 90, 120, 110, 140, 160, 173]
    text = w.series(year, [f"tháng {i}" for i in range(1, 12)])
    assert text.startswith("nhìn chung tăng mạnh") and "từ 51 ý kiến tháng 1 lên 173 ý kiến tháng 11" in text
    assert "không đều" not in w.series([5, 7, 11, 9, 14, 18, 20, 25, 32, 30, 44], [str(i) for i in range(11)])


def test_two_points_are_one_step():
    text = w.series([137, 173], ["tháng 10", "tháng 11"])
    assert text == "tháng 11 tăng so với tháng 10 (từ 137 lên 173 ý kiến)"   # a dash pair reads as a range
    assert w.series([24, 16], ["tháng 10", "tháng 11"]) == "tháng 11 giảm so với tháng 10 (từ 24 xuống 16 ý kiến)"


def test_a_tie_of_fields_is_each_field():
    assert w.ranking({"kinh tế": 18, "văn hóa – xã hội": 18}, 50, each="lĩnh vực").endswith("(mỗi lĩnh vực 36%)")
