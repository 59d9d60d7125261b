"""A quarter whose first months come before the office's first data: those months are no
months in which nothing was said. No "0 – 0 – 98 ý kiến" series, no "thấp nhất tháng 1 và
tháng 2 (0 ý kiến)", no zero rows for them in the months' table; the report says from which
month the office has data."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.months import add_months
from app.reports import draft


def test_months_before_the_first_data_are_not_zero_months(demo_ctx):
    db = demo_ctx.db
    first = date.fromisoformat(db.execute("SELECT min(received_on) FROM opinions").fetchone()[0][:10]).replace(day=1)
    gone = [first, add_months(first, 1)]
    start = add_months(first, 2)
    db.execute("DELETE FROM opinions WHERE substr(received_on, 1, 7) IN (?, ?)", [f"{m:%Y-%m}" for m in gone])
    db.conn.commit()
    report = draft.draft_report(demo_ctx, "quarterly", start)
    assert draft.period_for(report).start <= gone[-1]  # the quarter holds a month before the data
    text = "\n".join(s["text"] for s in report.sections)
    assert not re.search(r"(?<![\d,.])0 – |– 0(?![\d,])", text), text
    assert not re.search(r"\(0 ý kiến\)", text)
    assert f"Số liệu của đơn vị có từ tháng {start.month}/{start.year}" in report.sections[0]["text"]
    months = [t for t in report.sections[0].get("tables", []) if "theo tháng" in t["caption"]]
    rows = [r[0] for t in months for r in t["rows"]]
    assert not any(r.startswith(f"Tháng {m.month}/{m.year}") for m in gone for r in rows), rows


def test_a_month_left_empty_inside_the_data_is_no_data(demo_ctx):
    """A commune that records a hundred items a month and nothing one month has a gap in its
    data, not a month of silence: no "tăng từ 0 lên 173", no "0 – 44 – 08", no topic "tháng 11
    tăng so với tháng 10"; the report says the month has no data."""
    today = date.today()
    last = add_months(today.replace(day=1), -1)
    gap = add_months(last, -1)
    demo_ctx.db.execute("DELETE FROM opinions WHERE substr(received_on, 1, 7) = ?", [f"{gap:%Y-%m}"])
    demo_ctx.db.conn.commit()
    if gap.year != last.year:
        pytest.skip("the gap and the month after it fall in different years (January, February)")
    report = draft.draft_report(demo_ctx, "annual", last)
    text = "\n".join(s["text"] for s in report.sections)
    assert "từ 0 lên" not in text and not re.search(r"(?<![\d,.])0 – ", text), text
    assert f"so với tháng {gap.month}" not in text, text
    assert f"tháng {gap.month} chưa có số liệu" in text.lower(), report.sections[0]["text"]


def test_a_month_after_a_gap_is_compared_with_nothing(demo_ctx):
    """Issue 21 banned "trong khi năm trước không có ý kiến nào" for a year without data; a month
    after a month with no item is the same case: "chưa có số liệu tháng trước để so sánh"."""
    today = date.today()
    last = add_months(today.replace(day=1), -1)
    gap = add_months(last, -1)
    demo_ctx.db.execute("DELETE FROM opinions WHERE substr(received_on, 1, 7) = ?", [f"{gap:%Y-%m}"])
    demo_ctx.db.conn.commit()
    report = draft.draft_report(demo_ctx, "monthly", last)
    text = "\n".join(s["text"] for s in report.sections)
    assert "không có ý kiến nào" not in text and "so với tháng trước" not in text, text
    assert "chưa có số liệu tháng trước để so sánh" in report.sections[0]["text"]
    assert "Tăng, giảm" not in report.sections[0]["table"]["columns"]
