"""A period with no items says what the data say and nothing more: no "0 ý kiến" or "0 cộng
tác viên" sentences, no chart of zeros, no "0%" shares, and no conclusion about the world the
data cannot carry — not "không phát sinh điểm nóng", not a forecast that things stay
"ổn định" — for a month left empty in an office with a year of data, and for a new office."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.reports import draft

ZERO = re.compile(r"(?<![\d,./])0 (ý kiến|cộng tác viên|hội nghị|lượt|vấn đề|đơn vị|lớp)\b")


def _last_month() -> date:
    today = date.today()
    return date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)


@pytest.fixture
def empty_month(demo_ctx):
    month = _last_month()
    demo_ctx.db.execute("DELETE FROM opinions WHERE substr(received_on, 1, 7) = ?", [f"{month:%Y-%m}"])
    demo_ctx.db.conn.commit()
    return draft.draft_report(demo_ctx, "monthly", month)


@pytest.fixture
def new_office(empty_ctx):
    return draft.draft_report(empty_ctx, "monthly", _last_month())


@pytest.mark.parametrize("which", ["empty_month", "new_office"])
def test_no_data_claims_nothing_it_cannot_know(request, which):
    report = request.getfixturevalue(which)
    text = "\n".join(s["text"] for s in report.sections)
    assert not ZERO.search(text), ZERO.search(text)
    assert "ổn định" not in text
    assert "không phát sinh điểm nóng" not in text and "không có vụ việc" not in text
    assert "không có vấn đề nổi bật" not in text
    general = report.sections[0]
    assert "chart" not in general
    cells = [c for row in general["table"]["rows"] for c in row]
    assert "0%" not in cells


def test_an_empty_month_still_reports_the_handling_it_saw(empty_month):
    handling = next(s["text"] for s in empty_month.sections if s["key"] == "handling")
    assert "chưa tiếp nhận ý kiến nào" in handling
    network = next(s["text"] for s in empty_month.sections if s["key"] == "network")
    assert "chưa cộng tác viên nào có thông tin phản ánh" in network


def test_an_office_without_collaborators_asks_for_help_building_them(empty_ctx):
    """'tiếp tục quan tâm tập huấn … cho đội ngũ cộng tác viên' asks to go on training a network the
    office does not have yet."""
    report = draft.draft_report(empty_ctx, "monthly", _last_month())
    asks = next(s["text"] for s in report.sections if s["key"] == "proposals")
    assert "tiếp tục quan tâm tập huấn" not in asks
    assert "xây dựng đội ngũ cộng tác viên" in asks, asks
