"""Small validators shared by forms and imports; each raises ValidationError in Vietnamese."""

from __future__ import annotations

import re
from datetime import date, datetime

from app.errors import ValidationError

_PHONE = re.compile(r"^(0|\+84)(3|5|7|8|9|2)\d{8}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def required(value: str | None, label: str, field: str | None = None) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(f"{label} không được để trống.", field=field)
    return value


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


def iso_date(value: str | date | None, label: str, field: str | None = None) -> str | None:
    """Accepts a date, 'yyyy-mm-dd' or 'dd/mm/yyyy'; returns ISO 'yyyy-mm-dd'."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValidationError(f"{label} không đúng định dạng ngày (dd/mm/yyyy): {text}.", field=field)
