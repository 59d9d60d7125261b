"""Small validators shared by forms and imports; each raises ValidationError in Vietnamese."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from app.errors import ValidationError
from app.months import MAX_YEAR, MIN_YEAR

_PHONE = re.compile(r"^(0|\+84)(3|5|7|8|9|2)\d{8}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def required(value: str | None, label: str, field: str | None = None) -> str:
    """The text, stripped; refused when it says nothing: empty, or only spaces, zero-width
    characters, punctuation or symbols ("." or "\u200b" is no opinion, no name). A byte that
    is not UTF-8 (argv decoded with surrogateescape) is refused here too, in words."""
    value = readable(value, label, field).strip()
    if not value:
        raise ValidationError(f"{label} không được để trống.", field=field)
    if not any(ch.isalnum() for ch in value):
        raise ValidationError(f"{label} không được để trống (cần có chữ hoặc số).", field=field)
    return value


def readable(value: str | None, label: str, field: str | None = None) -> str:
    """Text that can be stored: a lone surrogate (a non-UTF-8 byte from the command line or a
    file name) would make SQLite's driver raise; say so instead."""
    value = value or ""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(f"{label} có ký tự không đọc được (không phải UTF-8): hãy gõ lại bằng "
                              "bảng mã Unicode.", field=field) from None
    return value


def storable(row: dict[str, object]) -> None:
    """Every text value of a row to write can be stored (see `readable`)."""
    for key, value in row.items():
        if isinstance(value, str):
            readable(value, f"Trường «{key}»", key)


def one_of(value: str | None, allowed: dict[str, str], label: str, field: str | None = None) -> str:
    if value not in allowed:
        raise ValidationError(f"{label} không hợp lệ: {value!r}.", field=field)
    return value


def phone(value: str | None, field: str = "phone") -> str | None:
    """Vietnamese phone numbers: 0xxxxxxxxx or +84xxxxxxxxx (spaces, dots, dashes allowed)."""
    if not value or not value.strip():
        return None
    cleaned = re.sub(r"[\s.\-()]", "", value)
    if cleaned.startswith("84") and len(cleaned) == 11:
        cleaned = "+" + cleaned
    if not _PHONE.match(cleaned):
        raise ValidationError(f"Số điện thoại không hợp lệ: {value.strip()} (dạng 0xxxxxxxxx hoặc +84xxxxxxxxx).",
                              field=field)
    return cleaned


def email(value: str | None, field: str = "email") -> str | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    if not _EMAIL.match(value):
        raise ValidationError(f"Địa chỉ thư điện tử không hợp lệ: {value}.", field=field)
    return value


def year(value: int | str | None, label: str = "Năm sinh", field: str | None = None,
         lo: int = 1920, hi: int | None = None) -> int | None:
    if value in (None, ""):
        return None
    hi = hi or date.today().year
    try:
        number = int(str(value).strip())
    except ValueError as exc:
        raise ValidationError(f"{label} phải là một năm (ví dụ 1975).", field=field) from exc
    if not lo <= number <= hi:
        raise ValidationError(f"{label} phải trong khoảng {lo}–{hi}.", field=field)
    return number


_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _missing_day(day: int, month: int, year: int) -> str:
    """Why a date written in the right format does not exist, in a clerk's words."""
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    last = calendar.monthrange(year, month)[1]
    return f"tháng {month}/{year} chỉ có {last} ngày"


def iso_date(value: str | date | None, label: str, field: str | None = None) -> str | None:
    """Accepts a date, 'yyyy-mm-dd' or 'dd/mm/yyyy' (also with - or .); returns ISO 'yyyy-mm-dd'.
    A well-written date that does not exist (31/02/2026) is refused as such, not as a format."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    day_first, year_first = _DAY_FIRST.fullmatch(text), _YEAR_FIRST.fullmatch(text)
    if day_first or year_first:
        if day_first:
            day, month, year = (int(g) for g in day_first.groups())
        else:
            year, month, day = (int(g) for g in year_first.groups())  # type: ignore[union-attr]
        try:
            parsed = date(year, month, day)
        except ValueError:
            raise ValidationError(f"{label}: ngày {text} không có ({_missing_day(day, month, year)}).",
                                  field=field) from None
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:  # 31/12/9999 + one day would overflow later
            raise ValidationError(f"{label}: năm phải trong khoảng {MIN_YEAR}–{MAX_YEAR}: {text}.", field=field)
        return parsed.isoformat()
    raise ValidationError(f"{label} không đúng định dạng ngày (dd/mm/yyyy): {text}.", field=field)


# Longest free texts the app keeps on one line: a name or an area name longer than this is a
# paste gone wrong, and would push buttons off screen and overflow a report's table cell.
PERSON_NAME_MAX = 80
UNIT_NAME_MAX = 120
TITLE_MAX = 200


def limit_hint(limit: int) -> str:
    """What a field states about its limit (placeholder or tooltip), the same words everywhere."""
    return f"tối đa {limit} ký tự"


def bounded(value: str | None, label: str, limit: int, field: str | None = None) -> str:
    """A required one-line text, spaces collapsed, refused when longer than `limit`."""
    text = " ".join(required(value, label, field).split())
    if len(text) > limit:
        raise ValidationError(f"{label} dài {len(text)} ký tự, quá giới hạn {limit} ký tự: hãy viết gọn lại.",
                              field=field)
    return text
