"""Two real offices in two encrypted databases, and a comparison of what each holds."""

from __future__ import annotations

from pathlib import Path

from app.context import Ctx
from app.demo import places
from app.exchange import export, identity, importer, keys, receipts, tables
from app.office import init_office


def new_province(path: Path) -> Ctx:
    """The provincial office the demo communes report to, in a new encrypted database."""
    ctx, _ = init_office(path, unit_code=places.PROVINCE[0], name=places.PROVINCE[1], role="province")
    return ctx


def enrol_both(district: Ctx, province: Ctx) -> None:
    for me, other in ((district, province), (province, district)):
        card = identity.parse_card(identity.card_bytes(keys.my_card(other)))
        keys.enrol(me, card)


def owned_state(ctx: Ctx, origin: str, *, skip_contacts: bool = True) -> dict[str, set]:
    """Every row owned by `origin` (children by parent), as comparable tuples."""
    state: dict[str, set] = {}
    for name, table in tables.for_kind(ctx, "data").items():
        drop = set(tables.CONTACT_COLUMNS.get(name, ())) if skip_contacts else set()
        cols = [c for c in table.columns if c not in drop]
        where = "p.origin = ?"
        if name == "units":  # the two offices' own unit rows are each kept by their owner
            where += " AND p.level NOT IN ('province', 'district') AND p.code <> p.origin"
        rows = ctx.db.execute(f"SELECT {', '.join(cols)} FROM [{name}] p WHERE {where}", [origin]).fetchall()
        state[name] = {tuple(r) for r in rows}
        for child in table.children:
            sql = f"SELECT c.* FROM [{child.name}] c JOIN [{name}] p ON p.[{table.pk}] = c.[{child.fk}] WHERE {where}"
            state[child.name] = {tuple(r) for r in ctx.db.execute(sql, [origin]).fetchall()}
    return state


def roundtrip(district: Ctx, province: Ctx, folder: Path, **export_args):
    """District exports, province imports, district imports the receipt."""
    res = export.export_package(district, folder, **export_args)
    imp = importer.import_package(province, res.path)
    assert imp.status == "imported", imp.message
    receipts.import_receipt(district, imp.receipt_path)
    return res, imp
