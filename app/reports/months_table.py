"""The months' table of a quarter, half year or year (its months' series): one row per month,
named "Tháng 10/2026", with the items by tendency, and a total row. Shared by a commune's
periodic report (app.reports.draft) and the province's consolidated report, so both name the
months and their cut-off the same way.

A month that is not over at `as_of` is marked with its cut-off ("Tháng 10/2026 (đến 15/10)"),
a month over but whose figures are still coming (the province before the communes' monthly
reports are due) as provisional;
a month that has not begun at `as_of` is left out: a row of zeros for it would read as a month
in which nothing was said. The total row is the sum of the rows shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from datetime import date, timedelta

from app import catalog
from app.months import add_months
from app.reports.document import Table
from app.text import vn_number

Month = tuple[date, int, dict[str, int]]   # (first day of the month, items, items by tendency)


def months_table(monthly: Sequence[Month], as_of: date, caption: str, provisional: Collection[date] = (),
                 zero: str = "0") -> Table:
    """`zero`: how a zero count prints ("–" in the province's tables, where a month without
    figures yet is no month in which nothing was said)."""
    codes = list(catalog.TENDENCIES)

    def n(value: int) -> str:
        return vn_number(value) if value else zero

    rows, total, mix_total = [], 0, Counter()
    for start, items, mix in monthly:
        if start > as_of:
            continue
        over = add_months(start, 1) - timedelta(days=1) <= as_of
        mark = f" (đến {as_of:%d/%m})" if not over else " (số liệu tạm thời)" if start in provisional else ""
        rows.append([f"Tháng {start.month}/{start.year}{mark}", n(items), *[n(mix.get(c, 0)) for c in codes]])
        total += items
        mix_total.update(mix)
    rows.append(["Tổng cộng", n(total), *[n(mix_total.get(c, 0)) for c in codes]])
    return Table(["Tháng", "Tổng số", *catalog.TENDENCIES.values()], rows, widths_mm=[35, 22, 27, 27, 27, 27],
                 caption=caption, bold_last_row=True)
