"""Backups stay encrypted, are verified, pruned, previewed and restored atomically; a damaged
database names its latest backup."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from app import audit, backup, records, settings
from app.backup import files
from app.errors import DlxhError, StoreError
from app.office import open_ctx
from db import keys

from .conftest import PASSPHRASE


def _add_collaborator(ctx, name: str) -> str:
    return records.insert(ctx, "collaborators", {"full_name": name, "status": "active"})


def _count(ctx, table: str) -> int:
    return ctx.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def test_backup_is_encrypted_and_opens_only_with_the_key(office, tmp_path: Path) -> None:
    _add_collaborator(office, "Nguyễn Văn An")
    made = backup.make_backup(office, tmp_path / "bk")
    assert made.parent == tmp_path / "bk" and made.name.startswith("dlxh-backup-")
    head = made.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    assert b"Nguy" not in made.read_bytes()  # no plaintext anywhere in the file
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(made).execute("SELECT count(*) FROM sqlite_master").fetchone()
    wrong = sqlcipher3.connect(str(made))
    wrong.execute("PRAGMA cipher_log_level = NONE")
    wrong.execute("PRAGMA key = 'khong-phai-khoa'")
    with pytest.raises(sqlcipher3.DatabaseError):
        wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()
    # The same passphrase opens it like the office DB (same salt): a backup is a working DB.
    copy = open_ctx(made, PASSPHRASE)
    try:
        assert copy.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _count(copy, "collaborators") == 1
    finally:
        copy.close()
    assert not list((tmp_path / "bk").glob("*.part"))
    assert [e.row_id for e in audit.entries(office, action="backup")] == [made.name]


def test_keyring_mode_backup_and_restore(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from app.office import init_office

    monkeypatch.delenv("DLXH_PASSPHRASE")
    ctx, _code = init_office(tmp_path / "kr.db", unit_code="H03", name="Huyện Keyring", role="district")
    _add_collaborator(ctx, "Trần Thị Bình")
    made = backup.make_backup(ctx, tmp_path / "bk")
    path = ctx.path
    _add_collaborator(ctx, "Lê Văn Cường")
    shown = backup.restore(made, ctx=ctx)
    assert shown.counts["Cộng tác viên"] == 1
    again = open_ctx(path)
    try:
        assert _count(again, "collaborators") == 1
    finally:
        again.close()


def test_keep_last_n_and_clear_leftovers(office, tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    backup.set_folder(office, folder, keep=3)
    stale = folder / "dlxh-backup-20200101-000000.db.part"
    stale.write_bytes(b"half written")
    made = [backup.make_backup(office) for _ in range(5)]
    left = [b.path for b in backup.list_backups(folder)]
    assert left == list(reversed(made))[:3]
    assert not stale.exists()
    assert files.latest(office.path).path == made[-1]


def test_preview_shows_date_and_counts(office, tmp_path: Path) -> None:
    for name in ("An", "Bình"):
        _add_collaborator(office, name)
    made = backup.make_backup(office, tmp_path / "bk")
    shown = backup.preview(made, ctx=office)
    assert abs(shown.taken_at - datetime.now()) < timedelta(minutes=2)
    assert shown.counts["Cộng tác viên"] == 2
    assert shown.counts["Nhật ký hoạt động"] >= 3  # the audit log travels with the backup
    assert shown.office == "Huyện Phong Điền"
    text = "\n".join(shown.lines())
    assert "Thời điểm sao lưu" in text and "Cộng tác viên: 2" in text


def test_restore_replaces_atomically_and_keeps_the_old_file(office, tmp_path: Path) -> None:
    _add_collaborator(office, "Trước sao lưu")
    made = backup.make_backup(office, tmp_path / "bk")
    _add_collaborator(office, "Sau sao lưu")
    path = office.path
    shown = backup.restore(made, ctx=office)
    assert shown.counts["Cộng tác viên"] == 1
    assert list(path.parent.glob("dlxh.db.before-restore-*"))
    # the same Ctx (the GUI's pages hold it) now reads the restored file
    assert [r[0] for r in office.db.execute("SELECT full_name FROM collaborators")] == ["Trước sao lưu"]
    office.close()
    back = open_ctx(path, PASSPHRASE)
    try:
        names = [r[0] for r in back.db.execute("SELECT full_name FROM collaborators")]
        assert names == ["Trước sao lưu"]
        assert back.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [e.row_id for e in audit.entries(back, action="restore")] == [made.name]
    finally:
        back.close()


@pytest.mark.parametrize("damage", ["truncate", "garbage", "plain"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(office, tmp_path: Path, damage: str) -> None:
    _add_collaborator(office, "Giữ nguyên")
    made = backup.make_backup(office, tmp_path / "bk")
    data = made.read_bytes()
    if damage == "truncate":
        made.write_bytes(data[: len(data) // 2 + 100])
    elif damage == "garbage":
        made.write_bytes(data[:4096] + os.urandom(len(data) - 4096))
    else:
        made.unlink()
        sqlite3.connect(made).execute("CREATE TABLE office (x)").connection.commit()
    before = office.path.read_bytes()
    with pytest.raises(StoreError) as info:
        backup.restore(made, db_path=office.path)
    assert "sao lưu" in info.value.message or "khóa" in info.value.message
    assert office.path.read_bytes() == before
    assert not list(office.path.parent.glob("*.part"))


def test_backup_of_another_office_is_refused(office, office_template: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "khac.db"
    from app.office import init_office

    ctx, _ = init_office(other, unit_code="H02", name="Huyện Khác", role="district", passphrase="mat-khau-khac")
    monkeypatch.setenv("DLXH_PASSPHRASE", "mat-khau-khac")
    foreign = backup.make_backup(ctx, tmp_path / "khac")
    ctx.close()
    monkeypatch.setenv("DLXH_PASSPHRASE", PASSPHRASE)
    with pytest.raises(StoreError) as info:
        backup.preview(foreign, ctx=office)
    assert "không mở được bằng khóa" in info.value.message


@pytest.mark.parametrize("damage", ["truncate", "wrong_key", "not_a_db"])
def test_damaged_database_names_the_latest_backup(office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  damage: str) -> None:
    made = backup.make_backup(office, tmp_path / "bk")
    path = office.path
    office.close()
    if damage == "truncate":
        with open(path, "r+b") as fh:
            fh.truncate(3000)
    elif damage == "wrong_key":
        monkeypatch.setenv("DLXH_PASSPHRASE", "mat-khau-sai-roi")
    else:
        path.write_bytes(os.urandom(50_000))
    with pytest.raises(StoreError) as info:
        backup.open_or_explain(path)
    message = info.value.message
    assert str(made) in message and "Bản sao lưu gần nhất" in message and "dlxh --db" in message
    if damage != "wrong_key":  # the named backup really brings the office back
        backup.restore(made, db_path=path)
        ctx = backup.open_or_explain(path)
        assert ctx.db.execute("SELECT count(*) FROM office").fetchone()[0] == 1
        ctx.close()


def test_damaged_database_without_backups_says_so(office) -> None:
    path = office.path
    office.close()
    path.write_bytes(b"\x00" * 10)
    with pytest.raises(StoreError) as info:
        backup.open_or_explain(path)
    assert "Không tìm thấy bản sao lưu nào" in info.value.message


def test_automatic_backups_on_exit_and_daily(office, tmp_path: Path) -> None:
    backup.set_folder(office, tmp_path / "auto")
    assert backup.auto_backup(office, "daily") is not None  # none yet: make one
    assert backup.auto_backup(office, "daily") is None  # one from today exists
    assert backup.auto_backup(office, "exit") is not None  # on exit: always
    settings.put(office, "backup_auto", False)
    assert backup.auto_backup(office, "exit") is None
    assert len(backup.list_backups(tmp_path / "auto")) == 2


def test_unwritable_folder_gives_a_clear_message(office, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DlxhError) as info:
        backup.make_backup(office, blocker / "bk")
    assert "thư mục sao lưu" in info.value.message


def test_backup_key_matches_the_office_salt(office, tmp_path: Path) -> None:
    made = backup.make_backup(office, tmp_path / "bk")
    assert keys.read_salt(made) == keys.read_salt(office.path)


def test_a_backup_stopped_midway_leaves_no_file_and_no_record(office, tmp_path: Path) -> None:
    """The Dừng button of the backup's progress dialog raises Cancelled from the progress
    callback: the copy stops between two steps, its part file goes, nothing is audited."""
    from app.errors import Cancelled

    for n in range(1500):   # a store of more than one copy step (COPY_STEP_PAGES)
        _add_collaborator(office, f"Người thứ {n} " + "x" * 400)
    seen: list[tuple[int, int]] = []

    def stop_at_the_second_step(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 2:
            raise Cancelled()

    before = _count(office, "audit_log")
    with pytest.raises(Cancelled, match="Đã dừng"):
        backup.make_backup(office, tmp_path / "bk", progress=stop_at_the_second_step)
    assert len(seen) == 2 and 0 < seen[0][0] < seen[1][0] < seen[1][1]
    assert list((tmp_path / "bk").iterdir()) == []
    assert _count(office, "audit_log") == before
    made = backup.make_backup(office, tmp_path / "bk", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and backup.preview(made, ctx=office).counts["Cộng tác viên"] >= 1500
