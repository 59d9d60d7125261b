"""The overall assessment of a longer report says only what its figures hold: overdue items
"tập trung ở" agencies only when those hold most of them (and lead every other agency), one
hot topic is not "một số vấn đề", and nothing is "kịp thời" that no figure measures."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.reports import draft
from app.reports.facts import gather


@pytest.fixture
def spread_overdue(demo_ctx):
    """The demo with its overdue items dealt out evenly over all the commune's agencies."""
    db = demo_ctx.db
    today = date.today().isoformat()
    agencies = [r[0] for r in db.execute("SELECT code FROM units WHERE level = 'agency' ORDER BY code").fetchall()]
    late = [r[0] for r in db.execute("SELECT id FROM opinions WHERE forwarded_on <= ? AND resolved_on IS NULL "
                                     "AND due_on < ? ORDER BY id", [today, today]).fetchall()]
    for i, item in enumerate(late):
        db.execute("UPDATE opinions SET forwarded_to = ? WHERE id = ?", [agencies[i % len(agencies)], item])
    db.conn.commit()
    return demo_ctx


def test_the_assessment_claims_only_what_its_figures_hold(spread_overdue):
    report = draft.draft_report(spread_overdue, "quarterly", date.today())
    facts = gather(spread_overdue, draft.period_for(report))
    text = next(s["text"] for s in report.sections if s["key"] == "assessment")
    assert "kịp thời" not in text
    m = re.search(r"đã quá hạn, tập trung ở ([^.]+)\.", text)
    if m:
        late = {a.name: a.overdue for a in facts.agencies}
        named = [n for n in late if n in m.group(1)]
        rest = [v for n, v in late.items() if n not in named]
        assert 2 * sum(late[n] for n in named) > facts.overdue and min(late[n] for n in named) > max(rest, default=0)
    hot = [t for t in facts.topics if t.is_hot_spot]
    assert ("Một số vấn đề kéo dài" in text) == (len(hot) > 1)
