"""The regular briefing-meeting rule: monthly or every two months, on a day of the month.

Offices hold "hội nghị giao ban cộng tác viên" monthly or every other month. The rule is
stored as one setting (`meeting_rule`) so planning the year is one click; extraordinary
meetings are added by hand. Days past a month's end fall on its last day (31 → 30/4).
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass
from datetime import date

from app import auth, settings
from app.context import Ctx
from app.errors import ValidationError

SETTING_KEY = "meeting_rule"
EVERY = {1: "Hằng tháng", 2: "Hai tháng một lần"}


@dataclass(frozen=True)
class MeetingRule:
    every_months: int = 1      # 1 monthly, 2 every two months
    day: int = 15              # day of month (1..31; clamped to the month's length)
    anchor_month: int = 1      # with every_months=2: meetings fall in months anchor, anchor+2, ...

    def validate(self) -> MeetingRule:
        if self.every_months not in EVERY:
            raise ValidationError("Chu kỳ giao ban chỉ có thể là hằng tháng hoặc hai tháng một lần.",
                                  field="every_months")
        if not 1 <= int(self.day) <= 31:
            raise ValidationError("Ngày họp trong tháng phải từ 1 đến 31.", field="day")
        if not 1 <= int(self.anchor_month) <= 12:
            raise ValidationError("Tháng bắt đầu phải từ 1 đến 12.", field="anchor_month")
        return self

    def describe(self) -> str:
        """The rule in Vietnamese words, e.g. 'Hai tháng một lần, ngày 15 (tháng 1, 3, 5 …)'."""
        text = f"{EVERY[self.every_months]}, ngày {self.day}"
        if self.every_months == 2:
            months = ", ".join(str(m) for m in range(self.anchor_month % 2 or 2, 13, 2))
            text += f" (các tháng {months})"
        return text


def _meets_in(rule: MeetingRule, year: int, month: int) -> bool:
    return (year * 12 + month - rule.anchor_month) % rule.every_months == 0


def date_in_month(rule: MeetingRule, year: int, month: int) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(rule.day, last))


def next_dates(rule: MeetingRule, after: date, count: int = 6, include: bool = True) -> list[date]:
    """The next `count` meeting dates on or after `after` (strictly after when include=False)."""
    rule.validate()
    out: list[date] = []
    year, month = after.year, after.month
    while len(out) < count:
        if _meets_in(rule, year, month):
            d = date_in_month(rule, year, month)
            if d > after or (include and d == after):
                out.append(d)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def dates_between(rule: MeetingRule, start: date, end: date) -> list[date]:
    """Every meeting date of the rule with start <= date <= end."""
    out = []
    for d in next_dates(rule, start, count=(end.year - start.year + 1) * 12 + 1):
        if d > end:
            break
        out.append(d)
    return out


def get_rule(ctx: Ctx) -> MeetingRule:
    value = settings.get(ctx, SETTING_KEY)
    if not value:
        return MeetingRule()
    return MeetingRule(**{k: int(v) for k, v in value.items() if k in ("every_months", "day", "anchor_month")})


def put_rule(ctx: Ctx, rule: MeetingRule) -> None:
    auth.require(ctx, "enter")
    settings.put(ctx, SETTING_KEY, asdict(rule.validate()))
