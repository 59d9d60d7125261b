"""Part I and part II's sentences on fields say what the figures hold: a field's topics are
"chủ yếu" / "tập trung" only when they hold more than half and not all of its items (all of
them are "đều"), and the places a count was reported in follow the count, never a comparison
clause ("đã phản ánh 50 ý kiến, chưa so sánh …, ở 05/05 khóm")."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.months import add_months
from app.reports import draft
from app.reports.facts import gather
from app.reports.prose.words import field_name

MOST = ("Các ý kiến tập trung vào", "Nội dung được phản ánh chủ yếu là", "Dư luận xoay quanh")
ALL = ("Các ý kiến đều về", "Toàn bộ ý kiến phản ánh về", "Ý kiến phản ánh về")


def _drafts(ctx):
    today = date.today()
    for kind, anchor in (("monthly", today), ("monthly", add_months(today.replace(day=1), -1)),
                         ("quarterly", today), ("annual", today)):
        report = draft.draft_report(ctx, kind, anchor)
        yield report, gather(ctx, draft.period_for(report))


@pytest.fixture
def drafts(demo_ctx):
    return list(_drafts(demo_ctx))


def test_a_fields_topics_are_mainly_only_when_they_hold_most_but_not_all(drafts):
    checked = 0
    for report, facts in drafts:
        issues = next(s["text"] for s in report.sections if s["key"] == "issues")
        for code, n in facts.by_field.items():
            topics = sorted((t for t in facts.topics if t.field == code), key=lambda t: -t.count)[:4]
            if not topics:
                continue
            covered = sum(t.count for t in topics)
            label = re.escape(field_name(code))
            opens = re.compile(rf"^(Lĩnh vực {label} có|Về {label}, ghi nhận|Đối với lĩnh vực {label}:)")
            para = next(line for line in issues.splitlines() if opens.match(line))
            said_all = any(w in para for w in ALL)
            said_most = any(w in para for w in MOST)
            assert said_all == (covered == n), (code, n, covered, para)
            assert not said_most or n < 2 * covered < 2 * n, (code, n, covered, para)
            checked += 1
    assert checked >= 10


def test_the_places_follow_the_count(drafts):
    for report, _facts in drafts:
        general = report.sections[0]["text"]
        assert re.search(r"đã phản ánh [\d.]+ ý kiến ở \d", general), general
        assert not re.search(r"so sánh[^.]*, ở \d", general), general
