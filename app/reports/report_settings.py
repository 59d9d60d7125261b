"""Report settings with their defaults: due days, signer, recipients, the term numbers count
over, the USB token. Stored through app.settings, so the settings table overrides a default;
`save_settings` checks and stores a whole form at once."""

from __future__ import annotations

from datetime import date
from typing import Any

from app import settings, validate
from app.context import Ctx
from app.errors import ValidationError

DEFAULTS: dict[str, Any] = {
    "monthly_report_due_day": 20,          # day of the month after the period
    "consolidated_report_due_day": 25,     # a province's consolidated report: after the communes' day
    "quarterly_report_due_days": 20,       # days after the end of the period
    "half_year_report_due_days": 20,
    "annual_report_due_days": 30,
    "report_signer_name": "",
    "report_signer_mode": "tm",            # tm | kt
    "report_recipients": [],               # empty: the defaults of the office's kind (app.reports.issuer)
    "term_start": "2025-07-01",            # the Party committee's term: numbers count from 01 over it
    "pkcs11_module": "",                   # USB token library; empty: sign with the office certificate
    "pkcs11_token_label": "",
    "pkcs11_key_label": "",
    "pkcs11_cert_label": "",
}


def setting(ctx: Ctx, key: str) -> Any:
    value = settings.get(ctx, key)
    if key == "report_recipients" and not value:
        from app.reports.issuer import profile

        return list(profile(ctx).recipients)
    return DEFAULTS.get(key) if value is None else value


def save_settings(ctx: Ctx, values: dict[str, Any]) -> None:
    """Check and store report settings (admin only), all or nothing."""
    from app import auth

    auth.require(ctx, "settings")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in DEFAULTS:
            raise ValidationError(f"Không có cài đặt báo cáo '{key}'.")
        default = DEFAULTS[key]
        if isinstance(default, int):
            try:
                value = int(value)
            except (TypeError, ValueError) as exc:
                raise ValidationError("Số ngày phải là số nguyên.") from exc
            limit = 28 if key.endswith("_due_day") else 120
            if not 1 <= value <= limit:
                raise ValidationError(f"Giá trị phải từ 1 đến {limit}.")
        elif isinstance(default, list):
            value = [str(v).strip() for v in value if str(v).strip()]
        else:
            value = str(value).strip()
        if key == "term_start":
            value = parse_term_start(value).isoformat()
        if key == "report_signer_mode" and value not in ("tm", "kt"):
            raise ValidationError("Hình thức ký phải là T/M hoặc K/T.")
        clean[key] = value
    with ctx.transaction():
        for key, value in clean.items():
            settings.put(ctx, key, value)


def parse_term_start(text: str | date) -> date:
    """The `term_start` setting as a date (app/reports/numbering.py counts numbers over the term),
    typed dd/mm/yyyy like every other date in DLXH (stored ISO, which is also accepted)."""
    iso = validate.iso_date(text, "Ngày bắt đầu nhiệm kỳ")
    if iso is None:
        raise ValidationError("Ngày bắt đầu nhiệm kỳ không được để trống (dạng dd/mm/yyyy, ví dụ 01/07/2025).")
    return date.fromisoformat(iso)
