"""An ad-hoc report compares with the equal span just before it; that span is named with its
dates once (the first comparison, part I), then as "khoảng thời gian liền trước" — the same
twelve-word date range three times in two pages is what a head strikes out."""

from __future__ import annotations

from datetime import date

from app.months import add_months
from app.reports import draft


def test_the_previous_span_is_dated_once(demo_ctx):
    today = date.today()
    start = add_months(today.replace(day=1), -2)
    report = draft.draft_report(demo_ctx, "adhoc", start=start, end=today,
                                topic="ô nhiễm môi trường từ cơ sở chăn nuôi heo và lò than củi")
    prev = draft.period_for(report).previous()
    dated = f"từ ngày {prev.start:%d/%m/%Y} đến ngày {prev.end:%d/%m/%Y}"
    text = " ".join(s["text"] for s in report.sections)
    assert text.count(dated) == 1, text
    assert text.count("khoảng thời gian liền trước") >= 2


def test_a_one_subject_report_gives_its_months_once(demo_ctx):
    """Part I reads the subject's months (with Bảng 1 beside it); part II does not list them again."""
    today = date.today()
    report = draft.draft_report(demo_ctx, "thematic", start=today.replace(month=1, day=1), end=today,
                                topic="bồi thường, giải phóng mặt bằng dự án nâng cấp Quốc lộ 53")
    text = " ".join(s["text"] for s in report.sections)
    assert text.count("Diễn biến theo tháng") == 0 and "Bảng 1" in report.sections[0]["text"], text
