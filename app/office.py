"""Units (province → districts → communes, agencies) and this office's identity and role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import audit, records
from app.context import SYSTEM_USER, Ctx, User
from app.errors import StoreError, ValidationError
from app.ids import utc_now
from db import store


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    level: str
    parent_code: str | None
    population: int | None = None


@dataclass(frozen=True)
class Office:
    unit_code: str
    name: str
    role: str
    body_code: str
    superior_name: str
    body_name: str
    place_name: str
    parent_code: str | None


def add_unit(ctx: Ctx, code: str, name: str, level: str, parent_code: str | None = None,
             population: int | None = None) -> Unit:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationError("Mã và tên đơn vị không được để trống.")
    if level not in ("province", "district", "commune", "agency"):
        raise ValidationError("Cấp đơn vị không hợp lệ.")
    records.upsert(ctx, "units", {"code": code, "name": name, "level": level, "parent_code": parent_code,
                                  "population": population})
    return Unit(code, name, level, parent_code, population)


def units(ctx: Ctx, level: str | None = None, parent_code: str | None = None) -> list[Unit]:
    sql = "SELECT code, name, level, parent_code, population FROM units WHERE 1=1"
    params: list = []
    if level:
        sql += " AND level = ?"
        params.append(level)
    if parent_code:
        sql += " AND parent_code = ?"
        params.append(parent_code)
    sql += " ORDER BY name"
    return [Unit(*r) for r in ctx.db.execute(sql, params).fetchall()]


def communes(ctx: Ctx) -> list[Unit]:
    """The areas of this office: communes under the office's district (all, for a province)."""
    return units(ctx, level="commune")


def agencies(ctx: Ctx) -> list[Unit]:
    return units(ctx, level="agency")


def unit_name(ctx: Ctx, code: str | None) -> str:
    if not code:
        return ""
    row = ctx.db.execute("SELECT name FROM units WHERE code = ?", [code]).fetchone()
    return row[0] if row else code


def get_office(ctx: Ctx) -> Office:
    row = ctx.db.execute(
        "SELECT o.unit_code, u.name, o.role, o.body_code, o.superior_name, o.body_name, o.place_name, u.parent_code "
        "FROM office o JOIN units u ON u.code = o.unit_code WHERE o.singleton = 1"
    ).fetchone()
    if row is None:
        raise StoreError("Cơ sở dữ liệu chưa được khởi tạo đơn vị; hãy chạy 'dlxh init'.")
    return Office(*row)


def init_office(path: Path, *, unit_code: str, name: str, role: str, parent_code: str | None = None,
                parent_name: str | None = None, passphrase: str | None = None,
                user: User = SYSTEM_USER, populate: Callable[[Ctx], None] | None = None) -> tuple[Ctx, str]:
    """Create the encrypted DB and this office's identity. Returns the context and the
    recovery code, which the caller must show once (it is not stored anywhere).

    The office is built under a staging name and published only when complete, together
    with whatever `populate(ctx)` adds (the demo data): a killed creation leaves no half office.
    """
    from db.keys import recovery_code

    unit_code, name = unit_code.strip(), name.strip()
    if role not in ("district", "province"):
        raise ValidationError("Vai trò phải là 'district' (huyện) hoặc 'province' (tỉnh).")
    if not unit_code or not name:
        raise ValidationError("Mã và tên đơn vị không được để trống.")
    db, key = store.create(Path(path), passphrase)
    ctx = Ctx(db=db, path=store.staging_path(Path(path)), user=user)
    bare = _bare_name(name)
    with ctx.transaction():
        if parent_code:
            ctx.db["units"].insert(
                {"code": parent_code, "name": parent_name or parent_code, "level": "province",
                 "parent_code": None, "origin": unit_code, "updated_at": utc_now()}
            )
        ctx.db["units"].insert(
            {"code": unit_code, "name": name, "level": role, "parent_code": parent_code,
             "origin": unit_code, "updated_at": utc_now()}
        )
        superior = ("HUYỆN ỦY " if role == "district" else "TỈNH ỦY ") + bare.upper()
        ctx.db["office"].insert(
            {"singleton": 1, "unit_code": unit_code, "role": role,
             "body_code": "BTGHU" if role == "district" else "BTGTU",
             "superior_name": superior, "body_name": "BAN TUYÊN GIÁO", "place_name": bare,
             "created_at": utc_now()}
        )
        audit.record(ctx, "init", "office", unit_code, {"name": name, "role": role})
    for hook in init_hooks():
        hook(ctx)
    if populate is not None:
        populate(ctx)
    ctx.db = store.publish(ctx.db, Path(path), key)
    ctx.path = Path(path)
    return ctx, recovery_code(key.key)


def _bare_name(name: str) -> str:
    """'Huyện Phong Điền' → 'Phong Điền' (for the date line and the superior body's name)."""
    for prefix in ("Huyện ", "huyện ", "Thị xã ", "Thành phố ", "Tỉnh ", "tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def init_hooks() -> list:
    """Capabilities that set something up at office creation (exchange keys, the signing
    certificate) provide `app/<capability>/on_create.py` with `on_office_created(ctx)`;
    found by module name so no shared list has to be edited. pkgutil (not a file glob)
    also finds them inside the PyInstaller bundle, where modules live in an archive."""
    import importlib
    import pkgutil

    import app

    hooks = []
    for info in sorted(pkgutil.iter_modules(app.__path__), key=lambda m: m.name):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"app.{info.name}.on_create")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.{info.name}.on_create":
                raise
            continue
        hooks.append(module.on_office_created)
    return hooks


def open_ctx(path: Path, passphrase: str | None = None, user: User = SYSTEM_USER) -> Ctx:
    db = store.open_existing(Path(path), passphrase)
    return Ctx(db=db, path=Path(path), user=user)


OFFICE_FIELDS = {
    "superior_name": "Tên cơ quan cấp trên",
    "body_name": "Tên cơ quan ban hành",
    "body_code": "Ký hiệu cơ quan ban hành",
    "place_name": "Địa danh ghi ở dòng ngày tháng",
}


def update_office(ctx: Ctx, **changes: str) -> Office:
    """Edit how the office prints itself on documents (names, body code, place)."""
    from app import auth

    auth.require(ctx, "settings")
    clean = {}
    for key, value in changes.items():
        if key not in OFFICE_FIELDS:
            raise ValidationError(f"Không có thông tin '{key}'.")
        value = " ".join((value or "").split())
        if not value:
            raise ValidationError(f"{OFFICE_FIELDS[key]} không được để trống.", field=key)
        clean[key] = value.upper() if key in ("superior_name", "body_name", "body_code") else value
    with ctx.transaction():
        before = get_office(ctx)
        ctx.db["office"].update(1, clean)
        audit.record(ctx, "update", "office", before.unit_code,
                     {k: [getattr(before, k), v] for k, v in clean.items() if getattr(before, k) != v})
    return get_office(ctx)


def save_unit(ctx: Ctx, code: str, name: str, level: str, population: int | None = None) -> Unit:
    """Add or rename a commune or agency under this office (the catalogue page)."""
    from app import auth

    auth.require(ctx, "settings")
    if level not in ("commune", "agency"):
        raise ValidationError("Chỉ thêm được xã, thị trấn hoặc cơ quan.")
    if population is not None and population < 0:
        raise ValidationError("Dân số không được âm.", field="population")
    return add_unit(ctx, code, name, level, get_office(ctx).unit_code, population)
