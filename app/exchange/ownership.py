"""What a package may change here: only rows its sender owns (DESIGN §3, "a row is only ever
changed by its origin office").

Contract, checked inside the import before anything is written:
- a package carries only the tables of its kind (`tables.for_kind`), their child tables and
  tombstones: a table this DLXH keeps to itself (peers, settings, users, inbox …) or one the
  sender's side never issues (guidance from a commune) refuses the whole package, since a
  genuine DLXH never writes one;
- every row names the sender as its origin, with a key and an integer version (else refused);
- the catalogue (units) is shared, so a lower office's units rows are held to what that office can
  own: its own row and the rows of provinces and districts are the receiver's and are left as
  they are here (every genuine package carries the sender's own row and its province's);
  a commune-level row comes only from a legacy district office; an area, agency or member
  organisation must sit under the sender or under a unit the sender owns, and must not take a
  code in another office's space ("X002-A05" from X001, or an official 2025 commune code), which
  would squat that office's row before its own package arrives. Any of those refuses the
  package whole, nothing written, in one Vietnamese line.
Rows held here from another origin are never replaced (importer `_newer_rows`), and a
tombstone removes only the sender's own rows (tombstones.py).
"""

from __future__ import annotations

from typing import Any

from app import units as official
from app.context import Ctx
from app.errors import ImportRefused
from app.exchange import tables

OFFICE_LEVELS = ("province", "district")   # the receiver's catalogue of offices: never from a package
AREA_LEVELS = ("hamlet", "agency", "member")


def check_tables(ctx: Ctx, kind: str, sender: str, names: list[str]) -> None:
    """Refuse a package carrying a table that is not for its kind but exists here. A table this
    DLXH does not know at all is left to schema_compat (a newer sender: "update DLXH")."""
    allowed = tables.for_kind(ctx, kind)
    allowed_names = set(allowed) | {c.name for t in allowed.values() for c in t.children} | {tables.DELETED}
    existing = {r[0] for r in ctx.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    for name in names:
        if name not in allowed_names and name in existing:
            raise ImportRefused(f"Gói của {sender} chứa bảng «{name}» không được gửi qua gói loại này "
                                "(dữ liệu riêng của máy nhận hoặc không do đơn vị gửi quản lý): không nhập gói; "
                                "hãy báo đơn vị gửi kiểm tra.")


def owned_rows(ctx: Ctx, table: tables.Synced, rows: list[dict[str, Any]], sender: str,
               kind: str = "data") -> list[dict[str, Any]]:
    """The rows of `table` this package may apply; raises ImportRefused for a row the sender
    cannot own. In a lower office's package, units rows of the province's catalogue of offices
    are dropped, not refused; the province's guidance carries its catalogue down as it is."""
    for row in rows:
        if row.get("origin") != sender or row.get(table.pk) in (None, "") or not isinstance(row.get("version"), int):
            raise ImportRefused(
                f"Gói của {sender} chứa dữ liệu không thuộc đơn vị này (nguồn «{row.get('origin')}»): không nhập."
            )
    if table.name != "units" or kind != "data":
        return rows
    return _units(ctx, rows, sender)


def _units(ctx: Ctx, rows: list[dict[str, Any]], sender: str) -> list[dict[str, Any]]:
    kind = ctx.db.execute("SELECT kind FROM peers WHERE unit_code = ?", [sender]).fetchone()
    sender_kind = kind[0] if kind else ""
    others = {r[0] for r in ctx.db.execute("SELECT unit_code FROM peers").fetchall()} | {
        r[0] for r in ctx.db.execute("SELECT code FROM units WHERE origin <> ?", [sender]).fetchall()}
    # Parents the sender may use: its own units here and the new ones this package brings.
    mine = {r[0] for r in ctx.db.execute("SELECT code FROM units WHERE origin = ?", [sender]).fetchall()} | {
        str(r["code"]) for r in rows
        if str(r["code"]) not in others and str(r["code"]) != sender and r.get("level") not in OFFICE_LEVELS}
    kept = []
    for row in rows:
        code, level, parent = str(row["code"]), row.get("level"), row.get("parent_code")
        if code == sender or level in OFFICE_LEVELS:
            continue
        said = f"«{row.get('name') or code}» ({code})"
        if level == "commune" and sender_kind != "district":
            _refuse(sender, f"thêm đơn vị cấp xã {said}: chỉ tỉnh quản lý danh mục xã, phường")
        if parent not in (None, "", sender) and parent not in mine:
            _refuse(sender, f"đặt {said} dưới «{parent}», đơn vị không thuộc {sender}")
        prefix = code.split("-", 1)[0] if "-" in code else ""
        if (prefix and prefix != sender and prefix in others) or (level != "commune" and _official_commune(code)):
            _refuse(sender, f"dùng mã {said} thuộc đơn vị khác")
        kept.append(row)
    return kept


def _official_commune(code: str) -> bool:
    """An official 2025 commune code as written ("29266"); short local codes an office typed for
    its agencies ("01", "1") are not taken for a province's code."""
    return len(code) == 5 and code.isdigit() and official.commune(code) is not None


def _refuse(sender: str, what: str) -> None:
    raise ImportRefused(f"Gói của {sender} sửa danh mục đơn vị ngoài phạm vi của mình ({what}): không nhập gói; "
                        "hãy báo đơn vị gửi kiểm tra.")
