"""The regular meeting rule: monthly or every two months, clamped day of month."""

from datetime import date

import pytest

from app.errors import ValidationError
from app.meetings.schedule import MeetingRule, dates_between, next_dates


def test_monthly_from_mid_month():
    rule = MeetingRule(every_months=1, day=15)
    assert next_dates(rule, date(2026, 11, 20), 3) == [date(2026, 12, 15), date(2027, 1, 15), date(2027, 2, 15)]
    assert next_dates(rule, date(2026, 11, 15), 1) == [date(2026, 11, 15)]
    assert next_dates(rule, date(2026, 11, 15), 1, include=False) == [date(2026, 12, 15)]


def test_day_past_month_end_falls_on_last_day():
    rule = MeetingRule(day=31)
    assert next_dates(rule, date(2027, 1, 1), 4) == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31),
                                                    date(2027, 4, 30)]
    assert next_dates(rule, date(2028, 2, 1), 1) == [date(2028, 2, 29)]


def test_every_two_months_follows_anchor_across_years():
    odd = MeetingRule(every_months=2, day=10, anchor_month=1)
    assert [d.month for d in next_dates(odd, date(2026, 10, 1), 4)] == [11, 1, 3, 5]
    even = MeetingRule(every_months=2, day=10, anchor_month=2)
    assert next_dates(even, date(2026, 10, 11), 2) == [date(2026, 12, 10), date(2027, 2, 10)]
    assert "các tháng 2, 4, 6, 8, 10, 12" in even.describe()
    assert "các tháng 1, 3, 5" in odd.describe()


def test_dates_between_a_year():
    rule = MeetingRule(every_months=2, day=5, anchor_month=1)
    got = dates_between(rule, date(2027, 1, 1), date(2027, 12, 31))
    assert got == [date(2027, m, 5) for m in (1, 3, 5, 7, 9, 11)]


@pytest.mark.parametrize("rule", [MeetingRule(every_months=3), MeetingRule(day=0), MeetingRule(day=32),
                                  MeetingRule(anchor_month=13)])
def test_bad_rules_are_refused_in_vietnamese(rule):
    with pytest.raises(ValidationError) as exc:
        next_dates(rule, date(2026, 1, 1))
    assert exc.value.message
