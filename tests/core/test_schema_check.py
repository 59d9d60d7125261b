"""A damaged schema is refused when the database is opened (issue 14 point 6), not when some page
later touches the missing table: CLI exit 1 with one Vietnamese line, the app's open function a
StoreError, the GUI a message box that offers the backup, and nothing written to the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import backup
from app.errors import StoreError
from app.office import open_ctx
from db import schema_check
from tests.core.test_refusals import _one_line_refusal

DAMAGES = {
    "table": ("DROP TABLE meeting_attendance", "thiếu bảng meeting_attendance"),
    "column": ("ALTER TABLE meetings DROP COLUMN materials", "bảng meetings thiếu cột materials"),
}


def _damage(path: Path, sql: str) -> str:
    """Damage the schema with a real statement; returns the file's digest once it is closed."""
    ctx = open_ctx(path)
    ctx.db.execute("PRAGMA foreign_keys = OFF")
    ctx.db.execute(sql)
    ctx.close()
    return _digest(path)


def _digest(path: Path) -> str:
    wal = Path(str(path) + "-wal")
    return hashlib.sha256(path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")).hexdigest()


def _answer_box(seen: list[str], button: str | None) -> None:
    """Once the modal message box is up, note its text and click `button` (None: close it)."""
    # The visible message box, not the active modal widget: that is another dialog whenever
    # an earlier test in the same worker left one open, and the box would then wait forever.
    box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
    if box is None:
        QTimer.singleShot(50, lambda: _answer_box(seen, button))
        return
    seen.append(box.text())
    if button is None:
        box.close()
    else:
        next(b for b in box.buttons() if b.text() == button).click()


def test_the_reference_is_the_whole_schema_of_the_migrations() -> None:
    want = schema_check.expected()
    assert {"opinions", "meeting_attendance", "units", "audit_log"} <= set(want.tables)
    assert "materials" in want.tables["meetings"] and want.triggers and want.indexes


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_schema_is_refused_at_open(demo_path: Path, cli, damage: str) -> None:
    sql, named = DAMAGES[damage]
    before = _damage(demo_path, sql)
    line = _one_line_refusal(cli("--db", str(demo_path), "info"))  # info never touches the table
    assert named in line and "Sao lưu và khôi phục" in line and "dlxh restore" in line, line
    assert "attendance_collaborator" not in line  # a lost table is named once, not with its index
    with pytest.raises(StoreError) as refused:
        open_ctx(demo_path)
    assert named in refused.value.message
    assert _digest(demo_path) == before  # neither open wrote anything


def test_a_lost_trigger_is_named(demo_path: Path) -> None:
    trigger = sorted(schema_check.expected().triggers)[0]
    _damage(demo_path, f'DROP TRIGGER "{trigger}"')
    with pytest.raises(StoreError, match=f"thiếu trigger {trigger}"):
        open_ctx(demo_path)


def test_gui_offers_the_backup_and_restores_it(demo_path: Path, qtbot, store_file_off_gui_thread) -> None:
    from ui.restore_offer import offer_restore

    with open_ctx(demo_path) as ctx:
        backup.make_backup(ctx)
    _damage(demo_path, DAMAGES["table"][0])
    with pytest.raises(StoreError) as refused:
        open_ctx(demo_path)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_box(seen, "Khôi phục từ bản sao lưu"))
    with store_file_off_gui_thread(demo_path.parent):   # the backup is looked for, restored and opened on the worker
        ctx = offer_restore(demo_path, refused.value)
    assert seen and "thiếu bảng meeting_attendance" in seen[0] and "Khôi phục từ bản sao lưu gần nhất?" in seen[0]
    assert ctx is not None
    with ctx:
        assert ctx.db.execute("SELECT count(*) FROM meeting_attendance").fetchone()[0] > 0


def test_gui_without_a_backup_says_so_in_a_box(demo_path: Path, qtbot, store_file_off_gui_thread) -> None:
    from ui.restore_offer import offer_restore

    _damage(demo_path, DAMAGES["table"][0])
    with pytest.raises(StoreError) as refused:
        open_ctx(demo_path)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_box(seen, None))
    with store_file_off_gui_thread(demo_path.parent):
        assert offer_restore(demo_path, refused.value) is None
    assert seen and "thiếu bảng meeting_attendance" in seen[0] and "Không tìm thấy bản sao lưu" in seen[0]
