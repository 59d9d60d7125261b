"""At open, prove the database holds every table, column, index and trigger its schema version
requires; refuse a damaged one with one Vietnamese line (issue 14 point 6).

Why at open: a table dropped or a column lost (a file repaired or edited outside DLXH) would
otherwise surface only when some page touches it, possibly in the middle of a save. The
reference is not a hand-kept list but the schema the migrations in db/migrations build in a
scratch in-memory database, so a new migration is covered the day it lands. Objects the
database has beyond the reference are allowed (temporary search tables are created at run
time); only missing ones are refused. The check only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sqlcipher3

from db.errors import StoreError
from db.migrate import latest_version, migrate

RECOVERY = "hãy khôi phục từ bản sao lưu gần nhất (menu Tệp → Sao lưu và khôi phục…, hoặc lệnh 'dlxh restore')."


@dataclass(frozen=True)
class Schema:
    """Table name → its column names; index and trigger name → the table it belongs to."""

    tables: dict[str, tuple[str, ...]]
    indexes: dict[str, str]
    triggers: dict[str, str]


def _read(conn: sqlcipher3.Connection) -> Schema:
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    tables: dict[str, tuple[str, ...]] = {}
    for kind, name, _table in rows:
        if kind == "table":
            try:
                tables[name] = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")'))
            except sqlcipher3.DatabaseError:  # a virtual table whose storage is gone
                tables[name] = ()
    return Schema(tables,
                  {n: t for k, n, t in rows if k == "index"},
                  {n: t for k, n, t in rows if k == "trigger"})


@lru_cache(maxsize=1)
def expected() -> Schema:
    """The schema of a new database at the latest version (built once per process)."""
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn)
        return _read(conn)
    finally:
        conn.close()


def problems(conn: sqlcipher3.Connection) -> list[str]:
    """What the open database lacks, each said in Vietnamese; empty when whole."""
    want, have = expected(), _read(conn)
    found: list[str] = []
    for table, columns in want.tables.items():
        if table not in have.tables:
            found.append(f"thiếu bảng {table}")
            continue
        lost = [c for c in columns if c not in have.tables[table]]
        if lost:
            found.append(f"bảng {table} thiếu cột {', '.join(lost)}")
    for word, want_of, have_of in (("chỉ mục", want.indexes, have.indexes),
                                   ("trigger", want.triggers, have.triggers)):
        # an index or trigger of a missing table is not news: the table was already named
        found += [f"thiếu {word} {name}" for name, table in sorted(want_of.items())
                  if name not in have_of and table in have.tables]
    return found


def check(conn: sqlcipher3.Connection) -> None:
    """Refuse a database at the latest version that lacks part of its schema."""
    if conn.execute("PRAGMA user_version").fetchone()[0] != latest_version():
        return  # migrate() refuses newer databases; older ones were just brought up to date
    found = problems(conn)
    if found:
        named = "; ".join(found[:3]) + (f" (và {len(found) - 3} chỗ khác)" if len(found) > 3 else "")
        raise StoreError(f"Cơ sở dữ liệu bị hỏng lược đồ ({named}), chưa có gì được ghi: {RECOVERY}")
