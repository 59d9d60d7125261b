"""Calendar-month arithmetic shared by lists, charts, reports and the demo."""

from __future__ import annotations

from datetime import date

from app.errors import ValidationError

# Years a month or date given by the user may name: wide enough for any record, narrow enough
# that adding a month, a quarter or a few years never leaves `date`'s range (year 10000).
MIN_YEAR, MAX_YEAR = 1900, 9000


def parse_month(text: str | None, field: str | None = "month") -> date:
    """'2026-10' or '10/2026' → the first day of that month; anything else (no month, month 13,
    year 9999) is one Vietnamese refusal, so no caller's month arithmetic can overflow."""
    raw = (text or "").strip()
    try:
        if "/" in raw:
            month, year = raw.split("/")
        else:
            year, month = raw.split("-")
        first = date(int(year), int(month), 1)
    except ValueError:
        first = None
    if first is None or not MIN_YEAR <= first.year <= MAX_YEAR:
        raise ValidationError(f"Tháng không hợp lệ: {raw[:20]} (dạng 2026-10 hoặc 10/2026, năm {MIN_YEAR}–{MAX_YEAR}).",
                              field=field)
    return first


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
