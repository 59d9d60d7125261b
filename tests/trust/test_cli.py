"""The trust commands as users and scripts run them (`dlxh ...`; one test as its own process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import backup
from app.errors import StoreError
from ui.restore_offer import restore_question


@pytest.fixture
def db(office) -> Path:
    path = office.path
    office.close()
    return path


def test_users_backup_audit_restore_round_trip(db: Path, cli, tmp_path: Path) -> None:
    added = cli("--db", str(db), "users", "add", "Lan", "--role", "head", "--full-name", "Trần Thị Lan",
                env={"DLXH_USER_PASSWORD": "mat-khau-dai"})
    assert added.returncode == 0, added.stderr
    assert "Đã thêm người dùng lan (Lãnh đạo ban)." in added.stdout
    listed = cli("--db", str(db), "users", "list")
    assert listed.stdout.splitlines() == ["lan\thead\tLãnh đạo ban\tđang dùng\tTrần Thị Lan"]
    made = cli("--db", str(db), "backup", "--to", str(tmp_path / "bk"))
    assert made.returncode == 0, made.stderr
    backup_file = Path(made.stdout.splitlines()[-1])
    assert backup_file.is_file() and backup_file.parent == tmp_path / "bk"
    cli("--db", str(db), "users", "disable", "lan")
    log = cli("--db", str(db), "audit", "--table", "users")
    assert [line.split("\t")[2] for line in log.stdout.splitlines()] == ["disable", "create"]
    refused = cli("--db", str(db), "restore", str(backup_file))  # no terminal and no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    done = cli("--db", str(db), "restore", "--yes", str(backup_file))
    assert done.returncode == 0, done.stderr
    assert "Người dùng: 1" in done.stdout and "Thời điểm sao lưu" in done.stdout
    assert "đang dùng" in cli("--db", str(db), "users", "list").stdout  # the disable was undone


def test_usage_and_refusals(db: Path, cli) -> None:
    bad_role = cli("--db", str(db), "users", "add", "lan", "--role", "boss")
    assert bad_role.returncode == 2 and bad_role.stderr.startswith("Lỗi cú pháp lệnh")
    no_password = cli("--db", str(db), "users", "add", "lan", "--role", "staff")
    assert no_password.returncode == 1 and "DLXH_USER_PASSWORD" in no_password.stderr
    bad_name = cli("--db", str(db), "users", "add", "có dấu", "--role", "staff",
                   env={"DLXH_USER_PASSWORD": "mat-khau-dai"})
    assert bad_name.returncode == 1 and "Tên đăng nhập" in bad_name.stderr
    missing = cli("--db", str(db), "restore", "--yes", "/khong/co/tep.db")
    assert missing.returncode == 1 and "Không tìm thấy tệp sao lưu" in missing.stderr


def test_any_command_on_a_damaged_db_names_the_latest_backup(db: Path, cli, tmp_path: Path) -> None:
    made = cli("--db", str(db), "backup", "--to", str(tmp_path / "bk"))
    newest = Path(made.stdout.splitlines()[-1])
    with open(db, "r+b") as fh:
        fh.truncate(2000)
    for command in (["info"], ["audit"], ["users", "list"]):
        done = cli("--db", str(db), *command)
        assert done.returncode == 1
        assert str(newest) in done.stderr and "dlxh --db" in done.stderr and len(done.stderr.splitlines()) == 1


def test_gui_offers_the_backup_only_when_it_would_help(db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from app.office import open_ctx

    ctx = open_ctx(db)
    made = backup.make_backup(ctx, tmp_path / "bk")
    ctx.close()
    db.write_bytes(b"\x00" * 5000)
    with pytest.raises(StoreError) as info:
        open_ctx(db)
    error = info.value
    text, source = restore_question(db, error)
    assert source == made and "Khôi phục từ bản sao lưu gần nhất?" in text and "Đơn vị: Huyện Phong Điền" in text
    monkeypatch.setenv("DLXH_PASSPHRASE", "mat-khau-khac-han")  # wrong key: the backup would not open either
    text, source = restore_question(db, error)
    assert source is None and "không mở được bằng khóa" in text


@pytest.mark.real_process
def test_backup_settings_command(db: Path, cli, tmp_path: Path) -> None:
    done = cli("--db", str(db), "backup-settings", "--folder", str(tmp_path / "o2"), "--keep", "3", "--auto", "no",
               "--idle-lock", "15")
    assert done.returncode == 0, done.stderr
    assert f"Thư mục sao lưu: {tmp_path / 'o2'}" in done.stdout and "Số bản giữ lại: 3" in done.stdout
    assert "mỗi ngày: không" in done.stdout and "(phút, 0 là không khóa): 15" in done.stdout
    bad = cli("--db", str(db), "backup-settings", "--idle-lock", "999")
    assert bad.returncode == 1 and "240 phút" in bad.stderr
