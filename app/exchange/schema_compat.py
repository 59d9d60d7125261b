"""A package's schema version, read at import (it travels in every manifest).

Contract, checked after the signature and before anything is written:
- a package made by a NEWER schema than this store's is refused whole, telling the user to
  update DLXH to the sender's version: its rows may carry columns or meanings this app does
  not know, and dropping them silently would lose them for good (the sender's outbox counts
  them as delivered once our receipt arrives);
- a package from an OLDER schema is upgraded in memory, step by step (`UPGRADES[n]` turns
  rows written at schema n-1 into rows of schema n; a step that only added a column with a
  default needs no function, since an absent column keeps its default or local value);
- after that, every table and column in the package must exist here: a table or column this
  app does not know, in a package that claims a schema it does know, is a damaged or forged
  package and is refused rather than partly applied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.context import Ctx
from app.errors import ImportRefused
from app.exchange import refusals, tables
from db import migrate

Rows = dict[str, list[dict[str, Any]]]
UPGRADES: dict[int, Callable[[Rows], None]] = {}


def check_and_upgrade(ctx: Ctx, manifest: dict[str, Any], rows: Rows) -> None:
    """Refuse a package from a newer schema; bring an older one's rows up to this schema in place."""
    theirs = manifest.get("schema_version", 0)
    if isinstance(theirs, bool) or not isinstance(theirs, int) or theirs < 0:
        raise refusals.damaged("phiên bản lược đồ («schema_version») không hợp lệ")
    ours = migrate.current_version(ctx.db.conn)
    if theirs > ours:
        made_by = str(manifest.get("app_version") or "").strip()[:20]
        update_to = f"phiên bản {made_by}" if made_by else "phiên bản mới nhất"
        raise ImportRefused(f"Gói được tạo bằng DLXH mới hơn (lược đồ dữ liệu {theirs}, máy này {ours}): hãy cập nhật "
                            f"DLXH lên {update_to} trở lên rồi nhập lại; chưa nhập gì.")
    for step in range(theirs + 1, ours + 1):
        if step in UPGRADES:
            UPGRADES[step](rows)
    _all_known(ctx, rows)


def _all_known(ctx: Ctx, rows: Rows) -> None:
    local = tables.synced_tables(ctx)
    known = {name: set(t.columns) for name, t in local.items()}
    known.update({c.name: set(c.columns) for t in local.values() for c in t.children})
    for name, table_rows in rows.items():
        if name == tables.DELETED:
            continue
        if name not in known:
            raise _unknown(f"bảng «{name[:40]}»")
        extra = set().union(*(r.keys() for r in table_rows)) - known[name] if table_rows else set()
        if extra:
            raise _unknown(f"cột «{sorted(extra)[0][:40]}» của bảng «{name}»")


def _unknown(what: str) -> ImportRefused:
    return ImportRefused(f"Gói có {what} mà phiên bản DLXH này không biết: hãy cập nhật DLXH lên phiên bản mới nhất "
                         "(hoặc báo đơn vị gửi xuất lại gói); chưa nhập gì.")
