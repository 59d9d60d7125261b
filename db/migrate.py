"""Numbered SQL migrations, applied in order, each in one transaction, recorded in
PRAGMA user_version. A database written by a newer app is refused, not touched."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from db.errors import StoreError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str


def available() -> list[Migration]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path.stem, path.read_text(encoding="utf-8")))
    numbers = [m.number for m in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..n without gaps: {numbers}")
    return found


def latest_version() -> int:
    return len(available())


def current_version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn, target: int | None = None) -> int:
    """Bring the schema to `target` (default: latest); returns the resulting version."""
    migrations = available()
    target = len(migrations) if target is None else target
    version = current_version(conn)
    if version > len(migrations):
        raise StoreError(
            f"Cơ sở dữ liệu được tạo bởi phiên bản DLXH mới hơn (lược đồ {version}); "
            "hãy cập nhật phần mềm trước khi mở."
        )
    if version >= target:
        return version
    # Foreign keys off while migrating (a no-op inside a transaction, so set before BEGIN): a
    # migration that rebuilds a referenced table (0009 units) would otherwise cascade or fail.
    # Each migration checks them before it commits, so none can leave a dangling reference.
    fk_on = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for migration in migrations[version:target]:
            # executescript would COMMIT first; run statement by statement inside one transaction.
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_statements(migration.sql):
                    conn.execute(statement)
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"Nâng cấp cơ sở dữ liệu ({migration.name}) làm hỏng liên kết dữ liệu; "
                                     "đã hủy, dữ liệu giữ nguyên.")
                conn.execute(f"PRAGMA user_version = {migration.number}")
                conn.execute("COMMIT")
            except Exception:
                conn.execute("ROLLBACK")
                raise
    finally:
        if fk_on:
            conn.execute("PRAGMA foreign_keys = ON")
    return current_version(conn)


def _split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies contain semicolons)."""
    import sqlcipher3

    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
