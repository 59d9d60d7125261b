"""Survey formulas checked against worked examples computed by hand here, not by the code."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.surveys import stats


def test_sample_size_large_population_95_5_is_384():
    # Cochran: 1.96² × 0.5 × 0.5 / 0.05² = 3.8416 × 0.25 / 0.0025 = 384.16 -> 384 forms.
    res = stats.sample_size(95, 0.05)
    assert res.n == 384
    assert res.n0 == pytest.approx(384.16, abs=0.05)


def test_sample_size_90_and_99():
    # 1.645² × 0.25 / 0.05² = 270.6 -> 271 ; 2.576² × 0.25 / 0.03² = 1843.3 -> about 1843.
    assert stats.sample_size(90, 0.05).n == 271
    assert stats.sample_size(99, 0.03).n0 == pytest.approx(1843.3, abs=0.5)


def test_finite_population_correction_matches_krejcie_morgan_table():
    # n = 384.16 / (1 + 383.16 / 1000) = 277.7 -> 278 ; N = 500: 384.16 / 1.76632 = 217.5 -> 217.
    assert stats.sample_size(95, 0.05, population=1000).n == 278
    assert stats.sample_size(95, 0.05, population=500).n == 217
    # A tiny population: you cannot ask more people than there are.
    assert stats.sample_size(95, 0.05, population=20).n <= 20


def test_sample_size_refuses_nonsense():
    with pytest.raises(ValidationError):
        stats.sample_size(80, 0.05)
    with pytest.raises(ValidationError):
        stats.sample_size(95, 0)
    with pytest.raises(ValidationError):
        stats.sample_size(95, 0.05, population=0)


def test_margin_of_error_400_forms():
    # 1.96 × sqrt(0.25 / 400) = 1.96 × 0.025 = 0.049
    assert stats.margin_of_error(400) == pytest.approx(0.049, abs=1e-4)
    # With N = 1000: × sqrt(600 / 999) = 0.7750 -> 0.0380
    assert stats.margin_of_error(400, population=1000) == pytest.approx(0.049 * math.sqrt(600 / 999), abs=1e-4)


def test_allocation_proportional_with_minimum_and_largest_remainder():
    # 400 forms, minimum 30. Commune C (200 people) would get 400×200/8200 = 9.8 -> raised to 30.
    # The other 370 split 5000:3000 -> 231.25 and 138.75 -> floors 231 + 138 = 369,
    # the last form goes to the larger remainder (B, 0.75): A 231, B 139, C 30. D has nobody.
    quotas = stats.allocate({"A": 5000, "B": 3000, "C": 200, "D": 0}, 400, minimum=30)
    assert quotas == {"A": 231, "B": 139, "C": 30, "D": 0}


def test_allocation_plain_proportional():
    # 3 forms over 1:1:1 -> 1 each; 100 forms -> 33.33 each, the leftover form goes to the first key on a tie.
    assert stats.allocate({"x": 10, "y": 10, "z": 10}, 3, minimum=0) == {"x": 1, "y": 1, "z": 1}
    assert stats.allocate({"x": 300, "y": 300, "z": 300}, 100) == {"x": 34, "y": 33, "z": 33}


def test_allocation_refuses_impossible_minimum():
    with pytest.raises(ValidationError, match="tối thiểu"):
        stats.allocate({"a": 100, "b": 100, "c": 100}, 50, minimum=20)
    with pytest.raises(ValidationError):
        stats.allocate({"a": 10}, 11)


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 5000), min_size=1, max_size=12),
       st.integers(0, 40), st.floats(0, 1))
def test_allocation_properties(pops, minimum, fraction):
    total = sum(pops.values())
    n = int(total * fraction)
    need = sum(min(minimum, v) for v in pops.values())
    if need > n:
        with pytest.raises(ValidationError):
            stats.allocate(pops, n, minimum)
        return
    quotas = stats.allocate(pops, n, minimum)
    assert sum(quotas.values()) == n
    for k, v in pops.items():
        assert min(minimum, v) <= quotas[k] <= v


def test_poststratification_weights_worked_example():
    # Population 4 800 men / 5 200 women (48 % / 52 %); sample 300 men / 100 women (75 % / 25 %).
    # Men: 0.48 / 0.75 = 0.64 ; women: 0.52 / 0.25 = 2.08 ; weights sum to the sample size.
    w = stats.poststrat_weights({"male": 4800, "female": 5200}, {"male": 300, "female": 100})
    assert w.weights["male"] == pytest.approx(0.64)
    assert w.weights["female"] == pytest.approx(2.08)
    assert w.uncovered == []
    # 60 % of men approve (180), 30 % of women (30): raw 210/400 = 52,5 % ;
    # weighted (180×0.64 + 30×2.08) / 400 = 177.6 / 400 = 44,4 % = 0.48×60 % + 0.52×30 %.
    values = [1] * 180 + [2] * 120 + [1] * 30 + [2] * 70
    weights = [0.64] * 300 + [2.08] * 100
    raw = stats.frequencies(values, [(1, "Đồng ý"), (2, "Không")])
    weighted = stats.frequencies(values, [(1, "Đồng ý"), (2, "Không")], weights)
    assert raw.rows[0].percent == pytest.approx(52.5)
    assert weighted.rows[0].percent == pytest.approx(44.4)
    assert weighted.weighted and not raw.weighted
    # Kish: 400² / (300×0.64² + 100×2.08²) = 160000 / 555.52 = 288.0
    assert weighted.effective_n == pytest.approx(288.02, abs=0.01)


def test_poststratification_reports_empty_cells():
    w = stats.poststrat_weights({"a": 100, "b": 100, "c": 200}, {"a": 10, "b": 30})
    assert w.uncovered == ["c"]
    # Over covered cells: a 50 % of population, 25 % of sample -> 2 ; b 50 % / 75 % -> 2/3.
    assert w.weights == pytest.approx({"a": 2.0, "b": 2 / 3})


def test_frequencies_percent_and_margin():
    # 120 of 400 -> 30 % ± 1.96 × sqrt(0.3 × 0.7 / 400) = ± 4.49 points ; blanks are not in the base.
    values = [1] * 120 + [2] * 280 + [None] * 25
    table = stats.frequencies(values, [(1, "Có"), (2, "Không")])
    assert table.base == 400 and table.n == 400
    assert table.rows[0].percent == pytest.approx(30.0)
    assert table.rows[0].moe == pytest.approx(4.49, abs=0.01)


def test_multiple_choice_percent_of_respondents():
    values = [(1, 2), (1,), (2, 3), None]
    table = stats.frequencies(values, [(1, "a"), (2, "b"), (3, "c")], multiple=True)
    assert [r.count for r in table.rows] == [2, 2, 1]
    assert table.rows[0].percent == pytest.approx(200 / 3)


def test_crosstab_column_percentages():
    answers = [1, 1, 2, 1, 2, 2, None]
    groups = ["m", "m", "m", "f", "f", "f", "f"]
    ct = stats.crosstab(answers, groups, [(1, "Có"), (2, "Không")], [("m", "Nam"), ("f", "Nữ")])
    assert ct.cells == [[2, 1], [1, 2]]
    assert ct.col_totals == [3, 3]
    assert ct.col_percent(0, 0) == pytest.approx(200 / 3)
    assert ct.total == 6


def test_likert_summary_against_statistics_module():
    values = [5, 4, 4, 3, 1, 2, 5, 4, None]
    s = stats.likert_summary(values)
    answered = [v for v in values if v is not None]
    assert s.mean == pytest.approx(statistics.mean(answered))
    assert s.sd == pytest.approx(statistics.stdev(answered))
    assert s.agree == pytest.approx(100 * 5 / 8)
    assert s.disagree == pytest.approx(100 * 2 / 8)
    assert s.moe_mean == pytest.approx(1.96 * statistics.stdev(answered) / math.sqrt(8), rel=1e-3)
