from datetime import date

from app.months import add_months, month_keys, month_starts


def test_add_months_crosses_years_both_ways():
    assert add_months(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 1)
    assert add_months(date(2026, 3, 9), -14) == date(2025, 1, 1)


def test_last_months_with_and_without_the_current_one():
    assert month_starts(date(2026, 2, 10), 3) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert month_keys(date(2026, 2, 10), 2, include_current=False) == ["2025-12", "2026-01"]
