"""Tabulating a survey needs memory for its tables, not for its responses: the peak of Python
allocations while 100,000 stored responses are tabulated (every frequency, Likert and number
summary, every cross-tab, the method rows) stays under a bound that 100,000 responses held as
Python objects would pass many times over (about 500 bytes each with their answers); so does
finding one form by its number (double entry), which used to load them all."""

from __future__ import annotations

import tracemalloc

from app.surveys.responses import find_by_form
from tests.bench.bench_survey_import import tabulate_everything

from .generated import generated_survey

FORMS = 100_000
# bytes. The generated survey's tables are ~13,000 groups (profile × answer): 6.5 MiB traced, the
# same at 1,000,000 forms once every group occurs; its forms loaded as objects took 70.6 MiB.
BOUND = 16 * 2**20


def _traced(work):
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_tabulation_peak_does_not_grow_with_the_responses(empty_ctx):
    sid = generated_survey(empty_ctx, FORMS)
    collected, peak = _traced(lambda: tabulate_everything(empty_ctx, sid).plan.collected)
    assert collected > FORMS // 3  # the planned cells did count the stored forms
    assert peak < BOUND, f"peak {peak / 2**20:.1f} MiB while tabulating {FORMS:,} responses"
    form, peak = _traced(lambda: find_by_form(empty_ctx, sid, "G0050000"))
    assert form.form_no == "G0050000"
    assert peak < BOUND // 8, f"peak {peak / 2**20:.1f} MiB to find one form among {FORMS:,}"
