"""The app's tabulation gives the figures of the plain-Python reference (every response
loaded and summed one by one, tests/surveys/tabulation_reference.py): on the demo survey and
on a generated survey with weights, skipped and missing answers, in every weighting mode.

Counts of forms are equal exactly; weighted sums may differ in the last bits only (the order
of the additions), far below anything a table prints.
"""

from __future__ import annotations

import pytest

from app.surveys import questionnaire as qn
from app.surveys import stats
from app.surveys import tabulate as tb

from . import tabulation_reference as ref
from .generated import generated_survey

CLOSE = {"rel": 1e-9, "abs": 1e-9}


def _compare(ctx, sid: str, weight: str) -> None:
    data = tb.load_data(ctx, sid, weight, texts=True)
    want = ref.load_reference(ctx, sid, weight)
    assert data.weighted == want.weighted
    if want.weighted:
        assert data.weighting.weights == pytest.approx(want.cell_weights, **CLOSE)
    assert data.n == len(want.responses)
    if data.weighted:
        assert stats.effective_n(*tb.respondents(data)) == pytest.approx(ref._neff(want.weights), **CLOSE)
    if data.plan is not None:
        assert {c.key: c.collected for c in data.plan.cells} == want.collected
    for q in data.questionnaire.questions:
        if q.has_choices:
            f, w = tb.frequency(data, q), ref.frequency(want, q)
            assert (f.n, f.weighted) == (w["n"], w["weighted"]), q.no
            assert (f.base, f.effective_n) == pytest.approx((w["base"], w["effective_n"]), **CLOSE)
            assert [(r.count, r.percent, r.moe) for r in f.rows] == [pytest.approx(row, **CLOSE) for row in w["rows"]]
            for by in tb.BY:
                groups = tb.group_categories(data, by)
                assert [code for code, _ in groups] == ref.groups(want, by)
                assert {k: v for k, v in tb.profile_counts(data, by).items() if k} == ref.profile_counts(want, by)
                if not groups:
                    continue
                ct, wt = tb.crosstab(data, q, by), ref.crosstab(want, q, by)
                assert ct.col_n == wt["col_n"], (q.no, by)
                assert ct.col_totals == pytest.approx(wt["col_totals"], **CLOSE)
                assert ct.cells == [pytest.approx(row, **CLOSE) for row in wt["cells"]]
        if q.kind == "likert":
            s, w = tb.likert(data, q), ref.likert(want, q)
            assert (s.n, s.counts) == (w["n"], pytest.approx(w["counts"], **CLOSE))
            if w["n"]:
                assert (s.base, s.mean, s.sd, s.moe_mean) == pytest.approx(
                    (w["base"], w["mean"], w["sd"], w["moe_mean"]), **CLOSE)
        if q.kind == "number":
            s, w = tb.number_summary(data, q), ref.number(want, q)
            assert (s is None) == (w is None)
            if s is not None:
                assert (s.n, s.median, s.low, s.high) == (w[0], w[2], w[3], w[4])
                assert s.mean == pytest.approx(w[1], **CLOSE)
        if q.kind == "text":
            assert tb.texts(data, q) == ref.texts(want, q)
            assert tb.text_count(data, q) == len(ref.texts(want, q))
            assert tb.common_texts(data, q) == ref.most_common(ref.texts(want, q), 5)


@pytest.mark.parametrize("weight", ["auto", "yes", "no"])
def test_demo_survey_tabulates_as_the_reference(demo_ctx, weight):
    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    _compare(demo_ctx, survey.id, weight)


def test_generated_survey_with_weights_and_gaps_tabulates_as_the_reference(empty_ctx):
    sid = generated_survey(empty_ctx, 3_000)
    data = tb.load_data(empty_ctx, sid)
    assert data.weighted and data.weighting.uncovered  # weighted, one planned cell never reached
    for weight in ("auto", "yes", "no"):
        _compare(empty_ctx, sid, weight)
