"""Calendar-month arithmetic shared by lists, charts, reports and the demo."""

from __future__ import annotations

from datetime import date


def add_months(d: date, months: int) -> date:
    """The first day of the month `months` away from d's month (negative goes back)."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_starts(today: date, n: int, *, include_current: bool = True) -> list[date]:
    """First days of the last n months, oldest first; ends with today's month, or with the
    month before it when include_current is False."""
    last = add_months(today, 0 if include_current else -1)
    return [add_months(last, -i) for i in range(n - 1, -1, -1)]


def month_keys(today: date, n: int, *, include_current: bool = True) -> list[str]:
    """The same months as 'YYYY-MM' keys."""
    return [d.strftime("%Y-%m") for d in month_starts(today, n, include_current=include_current)]
