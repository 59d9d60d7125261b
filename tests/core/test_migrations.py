"""Migrations: an empty DB and a DB at every earlier version reach the same latest schema."""

import pytest
import sqlcipher3

from db import keys
from db.migrate import available, current_version, latest_version, migrate
from db.store import open_existing


def schema(conn) -> list[tuple]:
    return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())


def _encrypted(path, passphrase="migration-pass"):
    key = keys.DbKey(keys.derive_key(passphrase, b"0123456789abcdef"), b"0123456789abcdef", "passphrase")
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.pragma_value()}"')
    return conn, key


def test_numbering_is_contiguous():
    numbers = [m.number for m in available()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_empty_db_migrates_to_latest(tmp_path):
    conn, _ = _encrypted(tmp_path / "a.db")
    assert migrate(conn) == latest_version()
    assert current_version(conn) == latest_version()
    assert migrate(conn) == latest_version()  # idempotent


@pytest.mark.parametrize("start", range(0, latest_version()))
def test_every_earlier_version_upgrades_to_the_same_schema(tmp_path, start):
    fresh, _ = _encrypted(tmp_path / "fresh.db")
    migrate(fresh)
    old, key = _encrypted(tmp_path / "old.db")
    migrate(old, target=start)
    assert current_version(old) == start
    old.close()
    db = open_existing(tmp_path / "old.db", key=key)
    assert current_version(db.conn) == latest_version()
    assert schema(db.conn) == schema(fresh)


def test_a_failing_step_leaves_the_previous_version(tmp_path, monkeypatch):
    import db.migrate as m

    conn, _ = _encrypted(tmp_path / "b.db")
    good = available()
    broken = [*good[:1], m.Migration(2, "0002_broken", "CREATE TABLE ok_table (x);\nTHIS IS NOT SQL;")]
    monkeypatch.setattr(m, "available", lambda: broken)
    with pytest.raises(sqlcipher3.DatabaseError):
        migrate(conn)
    assert current_version(conn) == 1
    assert "ok_table" not in [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
