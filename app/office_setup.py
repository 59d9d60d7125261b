"""Turn "which office is this" (kind + official code) into init_office's arguments.

Used by `dlxh init` and the first-run wizard so both fill the names, the province and the
place from the official list (app/units) and refuse an unknown code the same way: one
Vietnamese sentence naming the nearest codes of the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import units
from app.context import Ctx
from app.errors import ValidationError
from db import keys, store


@dataclass(frozen=True)
class OfficeSpec:
    """Keyword arguments for app.office.init_office."""

    kind: str
    unit_code: str
    name: str
    parent_code: str | None
    parent_name: str | None
    official_code: str | None

    def as_kwargs(self) -> dict:
        return {"kind": self.kind, "unit_code": self.unit_code, "name": self.name, "parent_code": self.parent_code,
                "parent_name": self.parent_name, "official_code": self.official_code}


def _unknown(code: str, what: str) -> ValidationError:
    near = ", ".join(f"{u.code} ({u.name})" for u in units.nearest(code))
    return ValidationError(f"Mã {what} '{code}' không có trong danh mục đơn vị hành chính 2025; "
                           f"mã gần nhất: {near}.", field="unit")


def official_spec(kind: str, unit: str, name: str | None = None, parent: str | None = None) -> OfficeSpec:
    """The office for `kind` and official `unit` code.

    commune: `unit` is a commune code (names and province from the list).
    province: `unit` is a province code.
    agency: `parent` is the province code, `name` the committee's name, `unit` its own code
    (any code the province uses: agencies are not in the list).
    """
    unit = (unit or "").strip()
    if kind == "commune":
        found = units.commune(unit)
        if found is None:
            raise _unknown(unit, "xã, phường")
        return OfficeSpec("commune", found.code, found.name, found.province_code, found.province_name, found.code)
    if kind == "province":
        prov = units.province(unit)
        if prov is None:
            raise _unknown(unit, "tỉnh, thành phố")
        return OfficeSpec("province", prov.code, prov.name, None, None, prov.code)
    if kind == "agency":
        prov = units.province(parent)
        if prov is None:
            raise _unknown(parent or "", "tỉnh, thành phố (--parent)")
        if not name or not name.strip():
            raise ValidationError("Hãy ghi tên đảng ủy trực thuộc (--name), ví dụ 'Đảng ủy các cơ quan Đảng tỉnh'.")
        if not unit:
            raise ValidationError("Hãy ghi mã của đảng ủy trực thuộc (--unit).")
        if units.commune(unit) or units.province(unit):
            raise ValidationError(f"Mã '{unit}' là mã của {units.lookup(unit).name}; hãy dùng mã riêng cho đảng ủy.")
        return OfficeSpec("agency", unit, " ".join(name.split()), prov.code, prov.name, None)
    raise ValidationError("Loại đơn vị phải là commune, agency hoặc province.")


def discard_office(ctx: Ctx) -> None:
    """Take back an office the first-run wizard created a moment ago, when the clerk goes
    back and changes a choice or cancels: the file, its key and nothing else go."""
    path = ctx.path
    ctx.close()
    store.discard(path)


def needs_passphrase() -> bool:
    """A new office's key goes to the OS keyring; where there is none (headless Linux) the
    first-run wizard asks for a passphrase instead (db/keys.py), unless DLXH_PASSPHRASE, set by
    whoever installed the PC, already decides the key."""
    return not keys.keyring_available() and keys.passphrase_from_env() is None
