""""Database is locked" at the boundary (issue 14 point 6): while a second connection holds the
write lock on the same SQLCipher file (BEGIN EXCLUSIVE, same key), a write from the CLI, from an
app edit function and from a real page save ends in one Vietnamese line, nothing half-written,
the app still running; once the lock is released the very same write succeeds. A brief lock
(a backup, a second window's save) is waited out instead of failing the save."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.office import open_ctx, save_unit, units
from db import keys, store
from tests.core.test_refusals import _one_line_refusal

LOCKED_SAYS = "chương trình khác giữ"
NEW_AREA = "Ấp Khóa Thử"


@contextmanager
def write_lock(path: Path) -> Iterator[sqlcipher3.Connection]:
    """Another program's connection to the same file holding the exclusive write lock."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f'PRAGMA key = "{keys.existing_key(path).pragma_value()}"')
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE settings SET key = key WHERE 0")  # make sure the lock is really taken
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")
        conn.close()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusal tests below hold the lock for good, so each refused write waits the whole busy
    timeout first: 0.2 s instead of the real 5 s (pinned by test_busy_timeout_is_a_few_seconds;
    test_a_brief_lock_is_waited_out keeps it). Requested before the store is opened: the timeout
    is set per connection."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.2)


def _counts(path: Path) -> tuple[int, int, int]:
    with open_ctx(path) as ctx:
        return tuple(ctx.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("opinions", "units", "audit_log"))


def test_busy_timeout_is_a_few_seconds(demo_ctx) -> None:
    waits = demo_ctx.db.execute("PRAGMA busy_timeout").fetchone()[0]
    assert 2000 <= waits <= 10000, waits
    assert waits == store.BUSY_TIMEOUT_S * 1000


def test_cli_write_while_locked_says_so_then_succeeds(short_busy_timeout, demo_path: Path, cli) -> None:
    add = ["--db", str(demo_path), "opinions", "add", "--summary", "Bà con hỏi lịch cấp nước sạch",
           "--field", "kinh tế", "--tendency", "lo lắng", "--separate"]
    before = _counts(demo_path)
    with write_lock(demo_path):
        line = _one_line_refusal(cli(*add))
    assert LOCKED_SAYS in line and "locked" not in line, line
    assert _counts(demo_path) == before  # nothing half-written
    done = cli(*add)
    assert done.returncode == 0 and "Traceback" not in done.stdout + done.stderr, done.stderr
    after = _counts(demo_path)
    assert after[0] == before[0] + 1 and after[2] > before[2]


def test_app_edit_while_locked_rolls_back_then_succeeds(short_busy_timeout, demo_ctx) -> None:
    before = _counts(demo_ctx.path)
    with write_lock(demo_ctx.path), pytest.raises(sqlcipher3.OperationalError, match="locked"):
        save_unit(demo_ctx, "", NEW_AREA, "hamlet", 900, "ấp")
    assert not demo_ctx.db.conn.in_transaction  # the connection is not left inside a dead transaction
    assert _counts(demo_ctx.path) == before
    save_unit(demo_ctx, "", NEW_AREA, "hamlet", 900, "ấp")
    assert any(u.name == NEW_AREA for u in units(demo_ctx, level="hamlet"))


def test_a_brief_lock_is_waited_out(demo_ctx) -> None:
    """A lock released within the busy timeout (a backup's, a second window's) does not fail a save."""
    held = threading.Event()

    def hold_briefly() -> None:
        with write_lock(demo_ctx.path):
            held.set()
            time.sleep(1.0)

    holder = threading.Thread(target=hold_briefly)
    holder.start()
    held.wait(10)
    save_unit(demo_ctx, "", NEW_AREA, "hamlet", 900, "ấp")
    holder.join()
    assert any(u.name == NEW_AREA for u in units(demo_ctx, level="hamlet"))


@pytest.mark.qt_no_exception_capture  # the program's own global hook must see the error, as in the field
def test_gui_page_save_while_locked_shows_vietnamese_and_keeps_running(short_busy_timeout, main_window, qtbot,
                                                                       monkeypatch) -> None:
    import sys

    from ui import errors

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: warned.append("BUG " + text))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors.install_excepthook()
    ctx = main_window.ctx
    page = main_window.show_page("catalog").communes
    save = next(b for b in page.findChildren(QPushButton) if b.text() == "Lưu")
    page.code.setText("")
    page.area_type.setCurrentText("ấp")
    page.name.setText(NEW_AREA)
    rows, before = page.model.rowCount(), _counts(ctx.path)
    with write_lock(ctx.path):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert len(warned) == 1 and LOCKED_SAYS in warned[0], warned
    assert _counts(ctx.path) == before and page.model.rowCount() == rows
    assert main_window.isVisible() and not ctx.db.conn.in_transaction
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # the same save, once the lock is gone
    assert len(warned) == 1 and page.model.rowCount() == rows + 1
    assert any(u.name == NEW_AREA for u in units(ctx, level="hamlet"))
