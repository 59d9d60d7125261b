"""Open the encrypted store: SQLCipher through sqlcipher3, wrapped in sqlite_utils.Database.

The one opener: the CLI, the GUI, restore and the backup check all connect through
`connect()`, so a wrong key, a read-only drive, a full disk or a damaged file is refused the
same way everywhere, with the message db/errors.py gives for its SQLite code and errno.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import sqlcipher3

from db import keys
from db.errors import DB_ERRORS, StoreError, WrongKey, store_error
from db.migrate import migrate
from db.schema_check import check as check_schema


def _import_sqlite_utils():
    """sqlite-utils without its numpy and pandas support: when they are installed it imports
    them to map their values to column types, which DLXH never stores (its tables come from
    db/migrations). numpy alone was a quarter of start-up's imports (70 ms); the analytics
    import it on the worker when first needed. Done once, as this module is imported at
    start-up, before any worker thread runs: for that moment an import of them fails."""
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None   # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a write waits for another connection's lock before it is refused ("database is
# locked", said in Vietnamese by db/errors.py). Long enough that a backup's brief lock or a
# second window's save does not fail a save, short enough that a truly held lock does not
# freeze the window for half a minute.
BUSY_TIMEOUT_S = 5
# SQLCipher decrypts every page it reads: a 64 MiB page cache keeps list filters and searches
# 2-5x faster on repeated queries (measured on 200k items, issue 4).
CACHE_KIB = 65536
# The integrity check at open reads every page once; through the working cache it left that
# cache full (+64 MiB resident at 200,000 items before a page was shown). Through a small
# one it costs the same time and the memory is never taken.
CHECK_CACHE_KIB = 512


def default_path() -> Path:
    """DLXH_HOME/dlxh.db; DLXH_HOME defaults to the platform's user data folder."""
    home = os.environ.get("DLXH_HOME")
    if home:
        return Path(home) / "dlxh.db"
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "dlxh" / "dlxh.db"


WRONG_PASSPHRASE = ("Sai mật khẩu cơ sở dữ liệu: hãy gõ lại (chú ý phím Caps Lock và bộ gõ tiếng Việt). "
                    "Nếu chắc chắn đúng mật khẩu thì tệp có thể đã bị hỏng: hãy khôi phục từ bản sao lưu.")


def connect(path: Path, key: keys.DbKey, *, read_only: bool = False) -> sqlcipher3.Connection:
    """A keyed connection whose key has been checked (the first page decrypts).

    `read_only` opens the file as is, for checking a backup: no WAL, nothing written. Any
    failure is a StoreError saying why (db/errors.py), and no connection is left open.
    """
    target, uri = (Path(path).resolve().as_uri() + "?mode=ro", True) if read_only else (str(path), False)
    conn = None
    try:
        conn = sqlcipher3.connect(target, uri=uri, isolation_level=None, check_same_thread=False,
                                  timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log line
        conn.execute(f'PRAGMA key = "{key.pragma_value()}"')
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not read_only:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except DB_ERRORS as exc:
        if conn is not None:
            conn.close()
        problem = store_error(exc, Path(path))
        if isinstance(problem, WrongKey) and key.source == "passphrase":  # by far the likeliest cause: say it plainly
            problem = WrongKey(WRONG_PASSPHRASE)
        raise problem from exc
    return conn


def wrap(conn: sqlcipher3.Connection) -> sqlite_utils.Database:
    """The keyed connection as a sqlite_utils.Database, without sqlite-utils plugins: those are
    found in every installed package's entry points and would be handed our decrypted
    connection; the scan also cost each open 14 ms."""
    return sqlite_utils.Database(conn, execute_plugins=False)


def staging_path(path: Path) -> Path:
    """Where a new database is built before it is published under its real name."""
    return Path(path).with_name(Path(path).name + ".part")


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def create(path: Path, passphrase: str | None = None) -> tuple[sqlite_utils.Database, keys.DbKey]:
    """Create a new encrypted database for `path`, built at its staging path (see publish()).

    A creation killed half-way (power cut during `dlxh demo`) leaves only a `.part` file, which
    the next attempt replaces; the real name never points at a half-made office. Refuses to
    overwrite an existing database.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"Tệp {path} đã tồn tại; không ghi đè.")
    staging = staging_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_with_sidecars(staging)  # left by a creation that never finished
    except OSError as exc:
        raise store_error(exc, path) from exc
    key = keys.new_key(path, passphrase)  # the keyring entry is for the real name
    conn = connect(staging, key)
    db = wrap(conn)
    try:
        migrate(conn)
    except BaseException as exc:
        abandon(db, path)
        if isinstance(exc, (*DB_ERRORS, OSError)):
            raise store_error(exc, path) from exc
        raise
    return db, key


def abandon(db: sqlite_utils.Database, path: Path) -> None:
    """Give up a creation that failed (a full disk, an error while filling it): close it and
    remove its staging file, sidecars and key, so no `.part` file is left behind."""
    with contextlib.suppress(*DB_ERRORS):
        db.conn.close()
    with contextlib.suppress(OSError):
        _remove_with_sidecars(staging_path(Path(path)))
    keys.forget_key(Path(path))


def discard(path: Path) -> None:
    """Remove a database just created and then taken back (the first-run wizard's Back or
    Cancel): the file, its sidecars, a staging copy and its keyring entry. Only for a file
    the caller itself created a moment ago: nothing of the user's is in it yet."""
    _remove_with_sidecars(Path(path))
    _remove_with_sidecars(staging_path(Path(path)))
    keys.forget_key(Path(path))


def publish(db: sqlite_utils.Database, path: Path, key: keys.DbKey) -> sqlite_utils.Database:
    """Move a finished new database from its staging path to `path` atomically and reopen it."""
    path = Path(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    staging = staging_path(path)
    Path(str(staging) + "-wal").unlink(missing_ok=True)  # empty after the checkpoint
    Path(str(staging) + "-shm").unlink(missing_ok=True)
    with open(staging, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(staging, path)
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return wrap(connect(path, key))


def open_existing(path: Path, passphrase: str | None = None, key: keys.DbKey | None = None) -> sqlite_utils.Database:
    """Open an existing database, checking the key, then bring its schema up to date."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"Không tìm thấy cơ sở dữ liệu {path}; hãy khởi tạo bằng lệnh 'dlxh init' hoặc 'dlxh demo'.")
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head == PLAIN_SQLITE_MAGIC:
        raise StoreError("Tệp là cơ sở dữ liệu SQLite không mã hóa, không phải cơ sở dữ liệu DLXH.")
    key = key or keys.existing_key(path, passphrase)
    conn = connect(path, key)
    try:
        migrate(conn)
        check_schema(conn)  # a table or column missing is refused now, not mid-save
        conn.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
        integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except StoreError:
        conn.close()
        raise
    except DB_ERRORS as exc:
        conn.close()
        raise store_error(exc, path) from exc
    if integrity != "ok":
        conn.close()
        raise StoreError("Cơ sở dữ liệu bị hỏng (kiểm tra toàn vẹn không đạt); hãy khôi phục từ bản sao lưu.")
    return wrap(conn)


def open_with_recovery(path: Path, code: str) -> sqlite_utils.Database:
    """Regain access with the printed recovery code, and put the key back in the keyring."""
    path = Path(path)
    key = keys.DbKey(keys.key_from_recovery(code), keys.read_salt(path), "recovery")
    db = open_existing(path, key=key)
    keys.remember_key(path, key)
    return db


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) != PLAIN_SQLITE_MAGIC
