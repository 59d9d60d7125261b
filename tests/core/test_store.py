"""The encrypted store: no plaintext on disk, wrong keys refused, keyring and recovery paths."""

from pathlib import Path

import pytest

from app.collaborators.registry import Collaborator, create
from app.errors import KeyUnavailableError, StoreError
from app.office import init_office, open_ctx
from db import keys, store
from db.migrate import latest_version

SECRET_NAME = "Nguyễn Thị Bí Mật Zyxwv"


def _office(tmp_path: Path, **kw):
    return init_office(tmp_path / "office.db", unit_code="D1", name="Huyện Thử", role="district", **kw)


def test_db_file_holds_no_plaintext_of_a_record(tmp_path):
    ctx, _ = _office(tmp_path)
    create(ctx, Collaborator(full_name=SECRET_NAME, phone="0912345678"))
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("office.db"))
    assert raw, "the database file should exist"
    for needle in (SECRET_NAME, "0912345678", "Zyxwv", "collaborators", "SQLite format 3"):
        assert needle.encode("utf-8") not in raw


def test_keyring_holds_the_key_and_reopens(tmp_path, memory_keyring):
    ctx, _ = _office(tmp_path)
    ctx.close()
    assert (keys.SERVICE, str((tmp_path / "office.db").resolve())) in memory_keyring.store
    reopened = open_ctx(tmp_path / "office.db")
    assert reopened.origin == "D1"
    reopened.close()


def test_wrong_passphrase_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("DLXH_PASSPHRASE", "right-passphrase")
    ctx, _ = _office(tmp_path)
    ctx.close()
    monkeypatch.setenv("DLXH_PASSPHRASE", "wrong-passphrase")
    with pytest.raises(StoreError) as info:
        open_ctx(tmp_path / "office.db")
    assert "Sai mật khẩu cơ sở dữ liệu" in info.value.message


def test_no_keyring_and_no_passphrase_says_so(tmp_path, monkeypatch):
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())
    with pytest.raises(KeyUnavailableError) as info:
        _office(tmp_path)
    assert "DLXH_PASSPHRASE" in info.value.message
    assert not (tmp_path / "office.db").exists() or (tmp_path / "office.db").stat().st_size == 0


def test_recovery_code_regains_access(tmp_path, memory_keyring):
    ctx, code = _office(tmp_path)
    ctx.close()
    memory_keyring.store.clear()  # the keyring was lost (new PC, reinstalled OS)
    with pytest.raises(KeyUnavailableError):
        open_ctx(tmp_path / "office.db")
    db = store.open_with_recovery(tmp_path / "office.db", code.lower().replace("-", " "))
    db.conn.close()
    assert open_ctx(tmp_path / "office.db").origin == "D1"


def test_bad_recovery_code_is_refused(tmp_path):
    ctx, code = _office(tmp_path)
    ctx.close()
    wrong = ("A" if code[0] != "A" else "B") + code[1:]
    with pytest.raises(StoreError):
        store.open_with_recovery(tmp_path / "office.db", wrong)
    with pytest.raises(StoreError):
        store.open_with_recovery(tmp_path / "office.db", "not a code")


def test_plain_sqlite_and_junk_and_truncated_files_are_refused(tmp_path, passphrase_env):
    import sqlite3

    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="không mã hóa"):
        store.open_existing(plain)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError):
        store.open_existing(junk)
    short = tmp_path / "short.db"
    short.write_bytes(b"abc")
    with pytest.raises(StoreError, match="cắt cụt"):
        store.open_existing(short)


def test_newer_schema_is_refused(tmp_path, passphrase_env):
    ctx, _ = _office(tmp_path)
    ctx.db.execute(f"PRAGMA user_version = {latest_version() + 1}")
    ctx.close()
    with pytest.raises(StoreError, match="mới hơn"):
        open_ctx(tmp_path / "office.db")


def test_create_refuses_to_overwrite(tmp_path, passphrase_env):
    ctx, _ = _office(tmp_path)
    ctx.close()
    with pytest.raises(StoreError, match="đã tồn tại"):
        _office(tmp_path)


def test_wal_and_foreign_keys_are_on(empty_ctx):
    assert empty_ctx.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert empty_ctx.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_creation_that_dies_leaves_no_office_and_can_be_retried(tmp_path, passphrase_env):
    def boom(ctx):
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        init_office(tmp_path / "office.db", unit_code="D1", name="Huyện Thử", role="district", populate=boom)
    assert not (tmp_path / "office.db").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # an error cleans its staging file up
    store.staging_path(tmp_path / "office.db").write_bytes(b"half an office")  # what kill -9 leaves
    ctx, _ = _office(tmp_path)  # the stale staging file is replaced
    assert ctx.origin == "D1" and ctx.path == tmp_path / "office.db"
    ctx.close()
    assert not store.staging_path(tmp_path / "office.db").exists()


def _sqlite_memory_used() -> int:
    """SQLite's own allocations in this process (page caches included), from the sqlcipher3
    extension itself."""
    import ctypes

    import sqlcipher3._sqlite3 as extension

    used = ctypes.CDLL(extension.__file__).sqlite3_memory_used
    used.restype = ctypes.c_int64
    return used()


def test_the_check_at_open_leaves_no_full_page_cache_behind(demo_path: Path) -> None:
    """The integrity check reads every page; through the 64 MiB working cache it kept them all
    (+64 MiB resident at 200,000 items). The check still runs, the working cache is set after it."""
    before = _sqlite_memory_used()
    with open_ctx(demo_path) as ctx:
        grown = _sqlite_memory_used() - before
        assert ctx.db.execute("PRAGMA cache_size").fetchone()[0] == -store.CACHE_KIB
        assert grown < demo_path.stat().st_size / 4, (grown, demo_path.stat().st_size)

