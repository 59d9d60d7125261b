"""Share columns print one precision, each share its count over the total as the text rounds it,
in every table of the demo's periodic reports (read back from the DOCX a head opens) and in the helper they use."""

from __future__ import annotations

from datetime import date

import pytest

from app.reports import draft, register
from app.text import vn_percents, vn_shares
from tests.reports.demo_copy import open_demo_copy
from tests.reports.share_columns import share_column_faults


def test_a_column_of_shares_has_one_precision_and_the_texts_figures():
    # the demo's quarter by field: "40%" was printed beside "21,4%"; the text says "29 ý kiến (8,1%)"
    column = vn_shares([29, 144, 77, 54, 10, 46, 0], 360, total=True)
    assert column == ["8,1%", "40,0%", "21,4%", "15,0%", "2,8%", "12,8%", "0,0%", "100,0%"]
    assert vn_shares([3, 18, 18, 6, 1, 4, 0], 50, total=True)[-2:] == ["0%", "100%"]   # all whole: no ",0"
    assert vn_shares([1, 1, 1], 3) == ["33,3%", "33,3%", "33,3%"]
    assert vn_shares([0, 0], 0, total=True) == ["0%", "0%", "0%"]
    assert vn_percents([(1, 4), (1, 3)]) == ["25,0%", "33,3%"]


@pytest.fixture(scope="module")
def docx_files(demo_template, tmp_path_factory) -> dict[str, bytes]:
    ctx = open_demo_copy(demo_template, tmp_path_factory, "shares")
    try:
        return {kind: register.render_files(ctx, draft.draft_report(ctx, kind, date.today()).id)[0]
                for kind in ("monthly", "quarterly", "half_year", "annual")}
    finally:
        ctx.close()


def test_every_table_of_the_periodic_reports_prints_shares_alike(docx_files):
    faults = {kind: share_column_faults(data) for kind, data in docx_files.items()}
    assert not any(faults.values()), faults
