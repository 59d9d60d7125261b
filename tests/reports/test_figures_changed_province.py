"""The consolidated report at a province office remembers its figures like any draft: an item
arriving after drafting is said at submit and refused at signing without confirmation."""

from __future__ import annotations

from datetime import date

import pytest

from app.opinions import items
from app.reports import draft, figures_check, register
from tests.exchange.sync_helpers import new_province


@pytest.fixture
def province(tmp_path, passphrase_env):
    ctx = new_province(tmp_path / "province.db")
    yield ctx
    ctx.close()


def test_consolidated_draft_says_what_arrived_after_drafting(province):
    report = draft.draft_report(province, "monthly", date(2026, 10, 1))
    assert report.drafted_figures and report.drafted_figures["Số ý kiến"] == 0
    items.create(province, items.Opinion(received_on="2026-10-15", field="economy", tendency="concern",
                                         summary="Bà con lo giá lúa xuống thấp."))
    assert figures_check.changes(province, report) == ["Số ý kiến: 0 → 1", "Lĩnh vực Kinh tế: 0 → 1",
                                                       "Xu hướng Băn khoăn, lo lắng: 0 → 1"]
    register.submit(province, report.id)
    register.approve(province, report.id)
    with pytest.raises(figures_check.FiguresChanged, match="Số ý kiến: 0 → 1"):
        register.sign(province, report.id)
