"""Storage failures told apart by their SQLite/OS code (issue 22 case 8, issue 23 step 3).

A read-only folder, a read-only drive and a full disk were all said as "sai khóa/mật khẩu … hoặc
tệp đã bị hỏng"; each now gets its own line and advice, and `demo` on a full disk leaves no
`.part` file. The drives are real: a tmpfs mounted in a private mount namespace (`unshare -m`,
so nothing is visible outside the test's own subprocess), made read-only or filled up. Tests
run as root, where a chmod does not stop writes: the read-only folder is an immutable folder
(`chattr +i`) as root, a mode-555 folder otherwise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlcipher3

from app.office import open_ctx
from db import errors, keys, store
from tests.conftest import PASSPHRASE, ROOT
from tests.core.test_refusals import _one_line_refusal

WRONG_KEY_SAYS = "sai khóa/mật khẩu"


def _can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    done = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                          capture_output=True, timeout=30)
    return done.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs unshare -m and mount (root in a container)")


def _in_own_drive(tmp_path: Path, script: str, size: str) -> str:
    """Run `script` (sh) with $D a fresh tmpfs of `size` in a private mount namespace and $DLXH
    the CLI; returns its output (each CLI line is what a user reads)."""
    mnt = tmp_path / "drive"
    mnt.mkdir()
    dlxh = f"{sys.executable} -m app"
    full = f"set -u; D={mnt}; DLXH='{dlxh}'; mount -t tmpfs -o size={size} tmpfs $D; {script}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DLXH_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(["unshare", "-m", "sh", "-c", full], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, env=env, cwd=ROOT, timeout=300)
    out = done.stdout
    assert "Traceback" not in out and "Lỗi chương trình" not in out, out
    return out


@needs_mount
def test_read_only_drive_is_said_as_read_only(demo_path: Path, tmp_path: Path) -> None:
    out = _in_own_drive(tmp_path, f"cp {demo_path} $D/x.db; mount -o remount,ro $D; "
                                  "$DLXH --db $D/x.db info; echo rc=$?; "
                                  "$DLXH --db $D/x.db opinions list; echo rc=$?", "32m")
    lines = out.splitlines()
    assert lines.count("rc=1") == 2, out
    for line in (lines[0], lines[2]):
        assert "chỉ cho đọc" in line and "chép tệp sang" in line and "bản sao lưu" not in line, line


@needs_mount
def test_full_disk_is_said_as_full_and_demo_leaves_no_part_file(demo_path: Path, tmp_path: Path) -> None:
    add = ("opinions add --summary 'Bà con hỏi lịch cấp nước sạch' --field 'kinh tế' --tendency 'lo lắng' "
           "--separate")
    out = _in_own_drive(tmp_path, f"cp {demo_path} $D/x.db; dd if=/dev/zero of=$D/fill bs=4k 2>/dev/null; "
                                  f"$DLXH --db $D/x.db info; echo rc=$?; $DLXH --db $D/x.db {add}; echo rc=$?; "
                                  "rm $D/x.db* $D/fill; dd if=/dev/zero of=$D/fill bs=1k count=7000 2>/dev/null; "
                                  "$DLXH --db $D/new.db demo; echo rc=$?; ls -a $D", "8m")
    lines = out.splitlines()
    assert lines[1] == lines[3] == lines[5] == "rc=1", out
    for line in (lines[0], lines[2], lines[4]):
        assert "đã đầy" in line and "giải phóng dung lượng" in line and "bản sao lưu" not in line, line
    assert sorted(lines[6:]) == [".", "..", "fill"], out  # no new.db.part, no -wal/-shm beside it


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """A folder nobody can create files in, root included (root ignores mode bits)."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not supported on this file system")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_read_only_folder_is_said_as_read_only(demo_path: Path, cli) -> None:
    with read_only_folder(demo_path.parent):
        for command in (["info"], ["opinions", "list"]):
            line = _one_line_refusal(cli("--db", str(demo_path), *command))
            assert "thư mục" in line and "chỉ cho đọc" in line and "chép tệp sang" in line, line
            assert WRONG_KEY_SAYS not in line and "bản sao lưu" not in line, line
    assert open_ctx(demo_path).close() is None  # the same file opens once the folder is writable


def test_wrong_key_and_damaged_file_each_have_their_message(demo_path: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DLXH_PASSPHRASE", "another-passphrase")
    with pytest.raises(errors.WrongKey) as wrong:
        open_ctx(demo_path)
    assert "Sai mật khẩu" in wrong.value.message
    key = keys.existing_key(demo_path, PASSPHRASE)
    with pytest.raises(errors.WrongKey) as wrong:  # a keyring key that is not this file's
        store.connect(demo_path, keys.DbKey(bytes(32), key.salt, "keyring"))
    assert WRONG_KEY_SAYS in wrong.value.message and "khóa khôi phục" in wrong.value.message
    monkeypatch.setenv("DLXH_PASSPHRASE", PASSPHRASE)
    damaged = tmp_path / "damaged.db"
    data = bytearray(demo_path.read_bytes())
    data[5 * 4096: 6 * 4096] = os.urandom(4096)  # one page of the tables, not the first
    damaged.write_bytes(bytes(data))
    with pytest.raises(errors.StoreError) as broken:
        open_ctx(damaged)
    assert "bị hỏng" in broken.value.message and "bản sao lưu" in broken.value.message
    assert WRONG_KEY_SAYS not in broken.value.message


def test_a_real_locked_error_is_said_as_locked(demo_path: Path) -> None:
    """The code SQLite returns, not its English text, chooses the message."""
    key = keys.existing_key(demo_path)
    holder, other = (sqlcipher3.connect(str(demo_path), isolation_level=None, timeout=0) for _ in range(2))
    for conn in (holder, other):
        conn.execute(f'PRAGMA key = "{key.pragma_value()}"')
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(sqlcipher3.OperationalError) as raised:
            other.execute("UPDATE settings SET key = key WHERE 0")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()
    said = errors.store_error(raised.value, demo_path)
    assert isinstance(said, errors.StoreLocked) and "chương trình khác giữ" in said.message
    raised.value.args = ("no English text to go by",)
    assert isinstance(errors.store_error(raised.value, demo_path), errors.StoreLocked)
