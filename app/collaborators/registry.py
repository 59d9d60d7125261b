"""Collaborator records: create, read, update, list with filters and accent-insensitive search."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app import catalog, kinds, listing, records, validate
from app.context import Ctx
from app.errors import ValidationError
from app.text import fold, name_key


@dataclass
class Collaborator:
    full_name: str
    area_code: str | None = None
    gender: str | None = None
    birth_year: int | None = None
    ethnicity: str | None = None
    religion: str | None = None
    party_member: bool = False
    position: str | None = None
    workplace: str | None = None
    sector: str | None = None
    stratum: str | None = None
    phone: str | None = None
    email: str | None = None
    zalo: str | None = None
    decision_no: str | None = None
    decision_date: str | None = None
    joined_on: str | None = None
    status: str = "active"
    left_on: str | None = None
    left_reason: str | None = None
    replaced_by: str | None = None
    notes: str | None = None
    id: str | None = None
    origin: str | None = None
    version: int = 0
    updated_at: str | None = None


# Each field's Vietnamese label, declared once: the collaborator form, the refusals, the Excel
# export headers (which the importer reads back) and the audit log say each field this way.
LABELS: dict[str, str] = {
    "full_name": "Họ và tên", "birth_year": "Năm sinh", "gender": "Giới tính", "ethnicity": "Dân tộc",
    "religion": "Tôn giáo", "party_member": "Đảng viên", "position": "Chức vụ", "workplace": "Đơn vị công tác",
    "area_code": "Địa bàn", "sector": "Ngành, đoàn thể", "stratum": "Giai tầng", "phone": "Số điện thoại",
    "email": "Thư điện tử", "zalo": "Zalo", "decision_no": "Số quyết định", "decision_date": "Ngày quyết định",
    "joined_on": "Ngày tham gia", "status": "Trạng thái", "left_on": "Ngày thôi", "left_reason": "Lý do thôi",
    "replaced_by": "Người thay thế", "notes": "Ghi chú",
}
CHOICES: dict[str, dict[str, str]] = {"gender": catalog.GENDERS, "stratum": catalog.STRATA,
                                      "sector": catalog.SECTORS, "status": catalog.COLLABORATOR_STATUSES}

_LANDLINE = re.compile(r"^(0|\+84)2\d{9}$")


def phone_number(value: str | None, field: str = "phone") -> str | None:
    """Mobile numbers as app.validate.phone, plus the 11-digit landlines (02xx xxx xxxx) many
    commune offices still give."""
    if value and _LANDLINE.match(re.sub(r"[\s.\-()]", "", value)):
        return re.sub(r"[\s.\-()]", "", value)
    return validate.phone(value, field=field)


def clean(c: Collaborator) -> dict:
    """Validate a collaborator and return the row to store (raises ValidationError)."""
    row = records.editable_row(c)
    row["full_name"] = validate.bounded(c.full_name, LABELS["full_name"], validate.PERSON_NAME_MAX, "full_name")
    for key, choices in CHOICES.items():
        if key == "status" or getattr(c, key) is not None:
            validate.one_of(getattr(c, key), choices, LABELS[key], key)
    row["birth_year"] = validate.year(c.birth_year, LABELS["birth_year"], "birth_year")
    row["phone"] = phone_number(c.phone)
    row["email"] = validate.email(c.email)
    row["zalo"] = phone_number(c.zalo, field="zalo") if c.zalo else None
    for key in ("decision_date", "joined_on", "left_on"):
        row[key] = validate.iso_date(row[key], LABELS[key], key)
    row["party_member"] = 1 if c.party_member else 0
    row["decision_no"] = " ".join((c.decision_no or "").split()) or None
    if row["decision_no"] and (not re.search(r"\d", row["decision_no"]) or len(row["decision_no"]) > 40):
        raise ValidationError(f"Số quyết định không hợp lệ: {row['decision_no'][:40]} (ví dụ 125-QĐ/HU).",
                              field="decision_no")
    today = date.today().isoformat()
    for key in ("decision_date", "joined_on"):
        if row[key] and row[key] > today:
            raise ValidationError(f"{LABELS[key]} không được ở tương lai.", field=key)
    if c.status == "left" and not row["left_on"]:
        raise ValidationError("Cần ghi ngày thôi tham gia khi chuyển trạng thái 'Đã thôi'.", field="left_on")
    return row


def _from_row(row: dict) -> Collaborator:
    collaborator = records.from_row(Collaborator, row)
    collaborator.party_member = bool(collaborator.party_member)
    return collaborator


KIND = kinds.Kind("collaborators", Collaborator, clean, "cộng tác viên", load=_from_row, labels=LABELS)
create, update, get = KIND.create, KIND.update, KIND.get


@dataclass
class CollaboratorFilter:
    text: str = ""
    area_code: str | None = None
    sector: str | None = None
    stratum: str | None = None
    status: str | None = None
    party_member: bool | None = None


# What the registry's list shows, declared once: the page's table reads these columns and
# headers; the filters and the search below read the same declaration.
LIST = listing.Listing(
    KIND, alias="c", joins="LEFT JOIN units u ON u.code = c.area_code",
    columns=(
        listing.Shown("full_name", sort=name_key),
        listing.Shown("birth_year"),
        listing.Shown("area_code", sql="u.name", name="area_name", long=True),
        listing.Shown("sector", long=True),
        listing.Shown("position", also=("workplace",), header="Chức vụ, đơn vị", long=True),
        listing.Shown("phone"),
        listing.Shown("party_member"),
        listing.Shown("status"),
    ),
    filters=("area_code", "sector", "stratum", "status"),
    search=("full_name", "workplace", "position", "area_name", "phone"),
    choices=CHOICES,
)


def list_collaborators(ctx: Ctx, flt: CollaboratorFilter | None = None) -> list[Collaborator]:
    """Filtered list ordered by given name; text search is accent-insensitive over the fields
    LIST.search names (a network is at most a few hundred people, so folding in Python is enough)."""
    flt = flt or CollaboratorFilter()
    exact, params = LIST.where(flt)
    sql = f"SELECT c.*, {LIST.joined()} FROM collaborators c {LIST.joins} WHERE 1=1{exact}"
    if flt.party_member is not None:
        sql += " AND c.party_member = ?"
        params.append(1 if flt.party_member else 0)
    rows = list(ctx.db.query(sql, params))
    needle = fold(flt.text).split()
    if needle:
        rows = [r for r in rows if all(w in fold(LIST.haystack(r)) for w in needle)]
    rows.sort(key=lambda r: name_key(r["full_name"]))
    return [_from_row(r) for r in rows]
