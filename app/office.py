"""Units and this office's identity, kind and areas.

An office has a kind (app/office_kinds.py: commune | agency | district | province) and a role,
the exchange side ('district' = any lower office, kept for old identity cards; 'province').
Its areas (địa bàn) are the units of level `style.area_level` under it: a commune's hamlets
(thôn, ấp, tổ dân phố …), an agency committee's member organisations, a province's or a
legacy district's communes. `areas(ctx)` is what coverage, filters, reports and exchange use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import audit, filekinds, office_kinds, records, validate
from app.context import SYSTEM_USER, Ctx, User
from app.errors import DB_ERRORS, StoreError, ValidationError, store_error
from app.ids import utc_now
from db import keys, store


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    level: str
    parent_code: str | None
    population: int | None = None
    area_type: str | None = None       # thôn, ấp, tổ dân phố … for a hamlet
    adults: int | None = None          # people aged 18 and over: a survey's sampling frame


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
    kind: str = "district"
    official_code: str | None = None
    province_name: str = ""

    @property
    def style(self) -> office_kinds.OfficeStyle:
        """Kind-bound defaults and wording (recipients, signer, area noun …) for this office."""
        return office_kinds.style_for(self.kind, self.name, self.province_name)


LEVELS = ("province", "district", "commune", "agency", "hamlet", "member")


def add_unit(ctx: Ctx, code: str, name: str, level: str, parent_code: str | None = None,
             population: int | None = None, area_type: str | None = None, adults: int | None = None) -> Unit:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationError("Mã và tên đơn vị không được để trống.")
    name = validate.bounded(name, "Tên đơn vị, địa bàn", validate.UNIT_NAME_MAX, "name")
    if level not in LEVELS:
        raise ValidationError("Cấp đơn vị không hợp lệ.")
    if area_type is not None and area_type not in office_kinds.AREA_TYPES:
        raise ValidationError("Loại địa bàn phải là: " + ", ".join(office_kinds.AREA_TYPES) + ".", field="area_type")
    if adults is not None and population is not None and adults > population:
        raise ValidationError("Số người từ 18 tuổi không thể lớn hơn dân số.", field="adults")
    records.upsert(ctx, "units", {"code": code, "name": name, "level": level, "parent_code": parent_code,
                                  "population": population, "area_type": area_type, "adults": adults})
    return Unit(code, name, level, parent_code, population, area_type, adults)


def units(ctx: Ctx, level: str | None = None, parent_code: str | None = None) -> list[Unit]:
    """This office's units of a level. Agencies exclude those a lower office sent up with its
    packages (each commune's own police, health station …: a province holds hundreds of them,
    and they are that commune's to forward to, not the province's)."""
    sql = "SELECT code, name, level, parent_code, population, area_type, adults FROM units WHERE 1=1"
    params: list = []
    if level:
        sql += " AND level = ?"
        params.append(level)
    if level == "agency":
        sql += " AND origin NOT IN (SELECT unit_code FROM peers WHERE role != 'province')"
    if parent_code:
        sql += " AND parent_code = ?"
        params.append(parent_code)
    sql += " ORDER BY name"
    return [Unit(*r) for r in ctx.db.execute(sql, params).fetchall()]


def area_level(ctx: Ctx) -> str:
    """units.level of this office's areas (hamlet for a commune, commune for a province …)."""
    row = ctx.db.execute("SELECT kind FROM office WHERE singleton = 1").fetchone()
    return office_kinds.AREA_LEVEL[row[0] if row else "district"]


def areas(ctx: Ctx) -> list[Unit]:
    """The areas (địa bàn) of this office, by its kind: what coverage, filters and reports use."""
    return units(ctx, level=area_level(ctx))


def communes(ctx: Ctx) -> list[Unit]:
    """Kept for callers written before office kinds: the office's areas (see areas())."""
    return areas(ctx)


def agencies(ctx: Ctx) -> list[Unit]:
    """Agencies an item can be forwarded to (not the office itself, for an agency committee)."""
    row = ctx.db.execute("SELECT unit_code FROM office WHERE singleton = 1").fetchone()
    return [u for u in units(ctx, level="agency") if not row or u.code != row[0]]


def unit_name(ctx: Ctx, code: str | None) -> str:
    if not code:
        return ""
    row = ctx.db.execute("SELECT name FROM units WHERE code = ?", [code]).fetchone()
    return row[0] if row else code


def get_office(ctx: Ctx) -> Office:
    row = ctx.db.execute(
        "SELECT o.unit_code, u.name, o.role, o.body_code, o.superior_name, o.body_name, o.place_name, u.parent_code, "
        "o.kind, o.official_code, o.province_name FROM office o JOIN units u ON u.code = o.unit_code WHERE o.singleton = 1"
    ).fetchone()
    if row is None:
        raise StoreError("Cơ sở dữ liệu chưa được khởi tạo đơn vị; hãy chạy 'dlxh init'.")
    return Office(*row)


def init_office(path: Path, *, unit_code: str, name: str, role: str | None = None, kind: str | None = None,
                parent_code: str | None = None, parent_name: str | None = None,
                official_code: str | None = None, passphrase: str | None = None,
                user: User = SYSTEM_USER, populate: Callable[[Ctx], None] | None = None) -> tuple[Ctx, str]:
    """Create the encrypted DB and this office's identity. Returns the context and the
    recovery code, which the caller must show once (it is not stored anywhere).

    `kind` is commune | agency | district | province (office_kinds); the older `role`
    ('district' | 'province') alone still means those two kinds. The header names, symbol
    and place come from office_kinds.style_for and are editable later in Settings. A province
    made from its official code gets its communes preloaded as areas (app/units).

    The office is built under a staging name and published only when complete, together
    with whatever `populate(ctx)` adds (the demo data): a killed creation leaves no half office.
    """
    from db.keys import recovery_code

    kind = kind or role
    if kind not in office_kinds.KINDS:
        raise ValidationError("Loại đơn vị phải là: commune (đảng ủy xã, phường), agency (đảng ủy trực thuộc), "
                              "province (Ban Tuyên giáo và Dân vận Tỉnh ủy) hoặc district (huyện, trước 7/2025).")
    role = "province" if kind == "province" else "district"
    unit_code, name = unit_code.strip(), name.strip()
    if not unit_code or not name:
        raise ValidationError("Mã và tên đơn vị không được để trống.")
    province_name = name if kind == "province" else (parent_name or "")
    style = office_kinds.style_for(kind, name, province_name)
    for place in (Path(path), store.staging_path(Path(path))):  # never replace a FIFO or a device
        filekinds.regular_or_absent(place, "tệp cơ sở dữ liệu")
    db, key = store.create(Path(path), passphrase)
    ctx = Ctx(db=db, path=store.staging_path(Path(path)), user=user, key=key)
    try:
        with ctx.transaction():
            if parent_code:
                ctx.db["units"].insert(
                    {"code": parent_code, "name": parent_name or parent_code, "level": "province",
                     "parent_code": None, "origin": unit_code, "updated_at": utc_now()}
                )
            ctx.db["units"].insert(
                {"code": unit_code, "name": name, "level": "agency" if kind == "agency" else kind,
                 "parent_code": parent_code, "origin": unit_code, "updated_at": utc_now()}
            )
            ctx.db["office"].insert(
                {"singleton": 1, "unit_code": unit_code, "role": role, "kind": kind, "official_code": official_code,
                 "province_name": province_name, "body_code": style.symbol, "superior_name": style.superior_name,
                 "body_name": style.body_name, "place_name": style.place_name, "created_at": utc_now()}
            )
            audit.record(ctx, "init", "office", unit_code, {"name": name, "role": role, "kind": kind})
            if kind == "province" and official_code:
                from app import units as official

                for commune in official.communes_of(official_code):
                    ctx.db["units"].insert(
                        {"code": commune.code, "name": commune.name, "level": "commune", "parent_code": unit_code,
                         "origin": unit_code, "updated_at": utc_now()}
                    )
        for hook in init_hooks():
            hook(ctx)
        if populate is not None:
            populate(ctx)
        ctx.db = store.publish(ctx.db, Path(path), key)
        ctx.path = Path(path)
    except BaseException as exc:
        # A full disk or any failure while filling the office: no `.part` file is left behind.
        store.abandon(ctx.db, Path(path))
        if isinstance(exc, (*DB_ERRORS, OSError)):
            raise store_error(exc, Path(path)) from exc
        raise
    return ctx, recovery_code(key.key)


def init_hooks() -> list:
    """Capabilities that set something up at office creation (exchange keys, the signing
    certificate) provide `app/<capability>/on_create.py` with `on_office_created(ctx)`;
    found by module name (app/discovery.py) so no shared list has to be edited."""
    from app import discovery

    return [module.on_office_created for module in discovery.in_capabilities("on_create")]


def open_ctx(path: Path, passphrase: str | None = None, user: User = SYSTEM_USER) -> Ctx:
    filekinds.regular_or_absent(path, "tệp cơ sở dữ liệu")  # a FIFO would block the open forever
    path = Path(path)
    key = None
    if path.is_file():
        with open(path, "rb") as fh:
            plain = fh.read(16) == store.PLAIN_SQLITE_MAGIC
        if not plain:  # a plain SQLite file: open_existing says so
            key = keys.existing_key(path, passphrase)
    db = store.open_existing(path, passphrase, key=key)
    return Ctx(db=db, path=path, user=user, key=key)


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


def save_unit(ctx: Ctx, code: str, name: str, level: str, population: int | None = None,
              area_type: str | None = None, adults: int | None = None) -> Unit:
    """Add or rename an area (thôn/ấp, commune, member organisation) or an agency under this
    office (the catalogue page)."""
    from app import auth

    auth.require(ctx, "settings")
    if level not in ("commune", "agency", "hamlet", "member"):
        raise ValidationError("Chỉ thêm được địa bàn (thôn, ấp, xã, phường), cơ quan hoặc đơn vị trực thuộc.")
    if level == "hamlet" and not area_type:
        raise ValidationError("Hãy chọn loại địa bàn (thôn, ấp, bản, tổ dân phố, khu phố …).", field="area_type")
    if population is not None and population < 0:
        raise ValidationError("Dân số không được âm.", field="population")
    if adults is not None and adults < 0:
        raise ValidationError("Số người từ 18 tuổi không được âm.", field="adults")
    me = get_office(ctx)
    if not code.strip() and level in ("hamlet", "member"):
        code = _next_local_code(ctx, me.unit_code, "A" if level == "hamlet" else "TV")
    return add_unit(ctx, code, name, level, me.unit_code, population, area_type if level == "hamlet" else None,
                    adults)


def _next_local_code(ctx: Ctx, office_code: str, letter: str) -> str:
    """Local code of a new hamlet / member organisation: '29266-A15' (not in any official list)."""
    n = 1
    taken = {r[0] for r in ctx.db.execute("SELECT code FROM units WHERE code LIKE ?", [f"{office_code}-{letter}%"])}
    while f"{office_code}-{letter}{n:02d}" in taken:
        n += 1
    return f"{office_code}-{letter}{n:02d}"
