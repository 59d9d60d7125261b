"""Report periods (month, quarter, half year, year), their Vietnamese labels, the
period before, and due dates (the due days are report settings: app.reports.report_settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.context import Ctx
from app.errors import ValidationError
from app.months import add_months
from app.reports.report_settings import setting

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
SPAN_BEFORE = "khoảng thời gian liền trước"   # an ad-hoc span's previous span, by its dates once


@dataclass(frozen=True)
class Period:
    kind: str  # monthly | quarterly | half_year | annual | adhoc | thematic
    start: date
    end: date

    @property
    def label(self) -> str:
        """'tháng 10 năm 2024', 'quý III năm 2024', '6 tháng đầu năm 2024', 'năm 2024'."""
        s, e = self.start, self.end
        if self.kind == "monthly":
            return f"tháng {s.month} năm {s.year}"
        if self.kind == "quarterly":
            return f"quý {ROMAN[(s.month - 1) // 3]} năm {s.year}"
        if self.kind == "half_year":
            return f"6 tháng {'đầu' if s.month == 1 else 'cuối'} năm {s.year}"
        if self.kind == "annual":
            return f"năm {s.year}"
        return f"từ ngày {s:%d/%m/%Y} đến ngày {e:%d/%m/%Y}"

    @property
    def short(self) -> str:
        """'trong tháng', 'trong quý' ... for sentences."""
        return {"monthly": "tháng", "quarterly": "quý", "half_year": "6 tháng", "annual": "năm"}.get(self.kind, "kỳ")

    @property
    def previous_label(self) -> str:
        """'tháng trước' …, a half year by its name ('6 tháng đầu năm 2026'); an ad-hoc or thematic
        period names the equal span just before it by its dates, without brackets (its figures
        follow in brackets)."""
        named = {"monthly": "tháng trước", "quarterly": "quý trước", "annual": "năm trước"}.get(self.kind)
        if named:
            return named
        prev = self.previous()
        if self.kind == "half_year":
            return prev.label
        if self._from_new_year():
            return f"cùng kỳ năm {prev.start.year}"
        return f"{SPAN_BEFORE}, từ ngày {prev.start:%d/%m/%Y} đến ngày {prev.end:%d/%m/%Y}"

    @property
    def previous_short(self) -> str:
        """The previous period once it has been named: an ad-hoc span's dates are said once (part
        I's first comparison), then it is 'khoảng thời gian liền trước'."""
        label = self.previous_label
        return SPAN_BEFORE if label.startswith(SPAN_BEFORE) else label

    def _from_new_year(self) -> bool:
        """An ad-hoc or thematic year to date: from 1 January over at least a quarter of the same
        year (a span whose equal span before starts in late January of the previous year, which no
        head compares with; a short span keeps the days just before it)."""
        return self.kind in ("adhoc", "thematic") and (self.start.month, self.start.day) == (1, 1) \
            and self.end.year == self.start.year and (self.end - self.start).days >= 90

    def previous(self) -> Period:
        if self.kind in ("monthly", "quarterly", "half_year", "annual"):
            months = {"monthly": 1, "quarterly": 3, "half_year": 6, "annual": 12}[self.kind]
            return period_of(self.kind, add_months(self.start, -months))
        if self._from_new_year():  # 01/01 to a day of the year: the same days of the year before
            end = self.end if (self.end.month, self.end.day) != (2, 29) else self.end - timedelta(days=1)
            return Period(self.kind, self.start.replace(year=self.start.year - 1), end.replace(year=end.year - 1))
        length = (self.end - self.start).days + 1
        return Period(self.kind, self.start - timedelta(days=length), self.start - timedelta(days=1))


def _month_end(year: int, month: int) -> date:
    return add_months(date(year, month, 1), 1) - timedelta(days=1)


def period_of(kind: str, anchor: date) -> Period:
    """The period of `kind` containing `anchor`."""
    y, m = anchor.year, anchor.month
    if kind == "monthly":
        return Period(kind, date(y, m, 1), _month_end(y, m))
    if kind == "quarterly":
        first = (m - 1) // 3 * 3 + 1
        return Period(kind, date(y, first, 1), _month_end(y, first + 2))
    if kind == "half_year":
        first = 1 if m <= 6 else 7
        return Period(kind, date(y, first, 1), _month_end(y, first + 5))
    if kind == "annual":
        return Period(kind, date(y, 1, 1), date(y, 12, 31))
    raise ValidationError("Loại báo cáo này cần ghi rõ ngày bắt đầu và kết thúc của kỳ báo cáo.")


def due_date(ctx: Ctx, p: Period, day_key: str = "monthly_report_due_day") -> date | None:
    """Monthly: the due day of the month after the period (`day_key`: the province's own
    consolidated report has a later day than the communes' reports it sums up); others: N days
    after its end; ad-hoc and thematic reports have no fixed due date."""
    if p.kind == "monthly":
        day = int(setting(ctx, day_key))
        nxt = add_months(p.start, 1)
        return nxt.replace(day=min(day, _month_end(nxt.year, nxt.month).day))
    key = {"quarterly": "quarterly_report_due_days", "half_year": "half_year_report_due_days",
           "annual": "annual_report_due_days"}.get(p.kind)
    return p.end + timedelta(days=int(setting(ctx, key))) if key else None
