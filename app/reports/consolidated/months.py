"""A quarter's, half year's or year's months in the consolidated report, compared like with
like.

The communes' months do not all carry the same coverage: a month whose reports are not due
yet holds only the few communes that sent early (November with 21 of 80 communes on
07/12), and a commune that skips a month makes that month smaller without anything having
changed. So a month is compared only when its reports were due by the report's date
("closed"), and only over the communes that have items in every closed month; a month not
closed is named as provisional with its count of communes and its cut-off, and is never part
of a trend (FORMAT.md, "What a sentence may claim"). The shape words come from
app.reports.wording.series.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from app.context import Ctx
from app.months import add_months
from app.reports.period import Period, due_date, period_of
from app.reports.wording import count, join, n2, series
from app.text import vn_date


@dataclass(frozen=True)
class MonthFigures:
    start: date
    items: int                 # items of the month from every office
    by_origin: dict[str, int]  # office → items of the month
    sent: int                  # offices that sent the month's report
    due: date | None           # the offices' deadline for the month's report
    closed: bool               # the month's reports were due by the report's date
    by_tendency: dict[str, int] = field(default_factory=dict)  # the month's items by tendency (its table row)


def gather(ctx: Ctx, me: str, p: Period, today: date, offices: set[str]) -> list[MonthFigures]:
    """The period's months that have begun by `today`, in order."""
    by_month: dict[str, Counter] = defaultdict(Counter)
    tendencies: dict[str, Counter] = defaultdict(Counter)
    for month, origin, tendency, n in ctx.db.execute(
            "SELECT substr(received_on, 1, 7), origin, tendency, count(*) FROM opinions WHERE origin != ? "
            "AND received_on BETWEEN ? AND ? GROUP BY 1, 2, 3", [me, p.start.isoformat(), p.end.isoformat()]):
        if origin in offices:
            by_month[month][origin] += n
            tendencies[month][tendency] += n
    sent = {m: n for m, n in ctx.db.execute(
        "SELECT substr(period_start, 1, 7), count(DISTINCT origin) FROM report_arrivals WHERE kind = 'monthly' "
        "AND period_start BETWEEN ? AND ? GROUP BY 1", [p.start.isoformat(), p.end.isoformat()])}
    out, start = [], p.start
    while start <= min(p.end, today):
        key = f"{start:%Y-%m}"
        due = due_date(ctx, period_of("monthly", start))
        items = dict(by_month.get(key, {}))
        out.append(MonthFigures(start, sum(items.values()), items, sent.get(key, 0), due,
                                due is not None and today > due, dict(tendencies.get(key, {}))))
        start = add_months(start, 1)
    return out


def in_words(months: list[MonthFigures], offices: int, today: date) -> list[str]:
    """The closed months' series over the same communes, then each provisional month apart."""
    closed = [m for m in months if m.closed and m.items]
    empty = [f"tháng {m.start.month}" for m in months if m.closed and not m.items]
    none = f"{join(empty)} không có ý kiến nào" if empty else ""
    labels = [f"tháng {m.start.month}" for m in closed]
    lines = []
    common = set.intersection(*(set(m.by_origin) for m in closed)) if len(closed) >= 2 else set()
    if common:
        values = [sum(m.by_origin[o] for o in common) for m in closed]
        anywhere = set().union(*(set(m.by_origin) for m in closed))
        basis = "" if common == anywhere else \
            (f"So sánh trên cùng {count(len(common), 'đơn vị')} có số liệu trong cả {n2(len(closed))} tháng "
             f"(các đơn vị khác gửi không đủ các tháng): s")
        lines.append(f"{basis or 'S'}ố ý kiến {series(values, labels)}" + (f"; {none}" if none else "") + ".")
    elif closed or none:
        lead = "Các tháng có số liệu của những đơn vị khác nhau, chưa so sánh được qua các tháng. " \
            if len(closed) >= 2 else ""
        parts = [f"{lab} có {count(m.items, 'ý kiến')} của {count(len(m.by_origin), 'đơn vị')}"
                 for lab, m in zip(labels, closed, strict=True)] + ([none] if none else [])
        said = f"Số ý kiến theo tháng: {'; '.join(parts)}" if len(parts) > 1 else parts[0][:1].upper() + parts[0][1:]
        lines.append(f"{lead}{said}.")
    for m in months:
        if m.closed:
            continue
        due = f"; hạn gửi ngày {vn_date(m.due)}" if m.due and today <= m.due else ""
        over = add_months(m.start, 1) <= today
        head = f"Tháng {m.start.month}" + ("" if over else " chưa kết thúc")
        if not m.items:
            lines.append(f"{head}, chưa có số liệu của đơn vị nào (đến ngày {vn_date(today)}{due}).")
            continue
        lines.append(f"{head}, số liệu tạm thời: {count(m.items, 'ý kiến')} của "
                     f"{count(len(m.by_origin), 'đơn vị')} (đến ngày {vn_date(today)}, "
                     f"{n2(m.sent)}/{count(offices, 'đơn vị')} đã gửi báo cáo tháng{due}), "
                     "chưa dùng để so sánh với các tháng khác.")
    return lines
