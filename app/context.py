"""The context every app function takes: the open store, the office and the signed-in user.

Passing it explicitly (no global main-window object, unlike Anki) keeps functions
testable and lets the CLI and the GUI call the very same code.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils  # imported by db.store, without its numpy support (see there)


@dataclass(frozen=True)
class User:
    name: str
    role: str  # staff | head | admin
    full_name: str = ""


SYSTEM_USER = User("system", "admin", "Hệ thống")


@dataclass
class Ctx:
    db: sqlite_utils.Database
    path: Path
    user: User = SYSTEM_USER
    # The key the store was opened with (db.keys.DbKey): a backup needs it, and a passphrase
    # typed at start-up is in no keyring or environment variable (issue 25: the exit backup
    # failed on PCs without an OS keyring). Kept in memory only, like the open connection.
    key: object | None = field(default=None, repr=False, compare=False)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _depth: int = field(default=0, init=False, repr=False, compare=False)

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One all-or-nothing unit of work, like sqlite-utils `atomic()`.

        The outermost call runs BEGIN IMMEDIATE … COMMIT with the COMMIT inside the try: a
        COMMIT that fails (a deferred foreign-key violation, a full disk) is rolled back, so
        the connection never stays inside a dead transaction that swallows later writes.
        A nested call is a SAVEPOINT: if it fails and the caller handles the error, only the
        inner part is undone and the outer unit goes on.
        """
        with self.lock:
            conn = self.db.conn
            if conn.in_transaction:
                self._depth += 1
                name = f"dlxh_sp{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self.db
                except BaseException:
                    if conn.in_transaction:  # SQLite may already have rolled everything back
                        conn.execute(f"ROLLBACK TO {name}")
                        conn.execute(f"RELEASE {name}")
                    raise
                else:
                    conn.execute(f"RELEASE {name}")
                finally:
                    self._depth -= 1
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @property
    def origin(self) -> str:
        """Unit code of this office: the owner of every row it creates."""
        row = self.db.execute("SELECT unit_code FROM office WHERE singleton = 1").fetchone()
        return row[0] if row else ""

    def close(self) -> None:
        """Waits for a worker thread's read under the lock (the topic-model build): closing the
        connection under a running statement crashes the process."""
        with self.lock:
            self.db.conn.close()

    def __enter__(self) -> Ctx:
        return self

    def __exit__(self, *exc: object) -> None:
        """`with open_ctx(path) as ctx:` closes the store whatever happens."""
        self.close()
