"""Issue 22 cases 1–2: a database path or input file that is a FIFO, a device or a folder is
refused in one Vietnamese line before anything opens it; nothing is replaced, nothing blocks,
and no input is read past its cap whatever size the file reports."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app import filekinds
from app.errors import DlxhError, ImportRefused
from tests.conftest import PASSPHRASE, run_cli

ENV = {"DLXH_PASSPHRASE": PASSPHRASE}
INIT = ("init", "--kind", "commune", "--unit", "29266")


def _one_line_refusal(done) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Lỗi chương trình" not in lines[0], done.stderr
    return lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.db"
    os.mkfifo(path)
    return path


def test_init_never_replaces_a_fifo(fifo: Path) -> None:
    line = _one_line_refusal(run_cli("--db", str(fifo), *INIT, env=ENV, timeout=60))
    assert "ống dẫn (FIFO)" in line
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO, not a database
    assert not Path(str(fifo) + ".part").exists()


def test_init_never_touches_a_device(tmp_path: Path) -> None:
    # A private twin of /dev/null: a regression must never replace the system's own node.
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        pytest.skip("device nodes cannot be made here (not root, or a nodev mount)")
    line = _one_line_refusal(run_cli("--db", str(node), *INIT, env=ENV, timeout=60))
    assert "thiết bị" in line
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_init_through_a_symlink_to_a_fifo_is_refused(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(fifo)
    assert "ống dẫn" in _one_line_refusal(run_cli("--db", str(link), *INIT, env=ENV, timeout=60))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("command", [("info",), ("import", "/dev/null")])
def test_a_fifo_as_database_never_blocks(fifo: Path, command: tuple[str, ...]) -> None:
    # A blocked open would hit the timeout and fail the test.
    assert "ống dẫn (FIFO)" in _one_line_refusal(run_cli("--db", str(fifo), *command, env=ENV, timeout=60))


@pytest.mark.parametrize("source", ["fifo", "/dev/zero", "/dev/null", "dir"])
def test_package_that_is_not_a_regular_file(cli, demo_path: Path, tmp_path: Path, source: str) -> None:
    if source == "fifo":
        source = str(tmp_path / "x.dlxh")
        os.mkfifo(source)
    elif source == "dir":
        source = str(tmp_path / "folder.dlxh")
        os.mkdir(source)
        (Path(source) / "inner.txt").write_text("x")
    before = demo_path.stat().st_mtime_ns
    run = run_cli if source.endswith("x.dlxh") else cli  # a blocked FIFO must hit a timeout, not hang
    done = run("--db", str(demo_path), "import", source, env=ENV, timeout=60)
    line = _one_line_refusal(done)
    assert "không phải tệp" in line or "Không có gói" in line, line
    assert demo_path.stat().st_mtime_ns == before


@pytest.mark.parametrize("command", [("collaborators", "import"), ("receipts", "import"), ("identity", "import"),
                                     ("report", "verify")])
def test_other_inputs_refuse_devices(cli, demo_path: Path, command: tuple[str, ...]) -> None:
    args = [*command, "/dev/zero"] + (["--yes"] if command[0] == "identity" else [])
    line = _one_line_refusal(cli("--db", str(demo_path), *args, env=ENV))
    assert "thiết bị" in line, line


def test_read_capped_reads_at_most_cap_plus_one(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * 10_000)
    assert filekinds.read_capped(path, 10_000, "quá lớn") == b"x" * 10_000
    with pytest.raises(ImportRefused, match="quá lớn"):
        filekinds.read_capped(path, 9_999, "quá lớn")


def test_read_capped_on_a_file_reporting_size_zero() -> None:
    # /proc files report st_size 0 yet have content: the cap holds whatever the size says.
    with pytest.raises(ImportRefused, match="quá lớn"):
        filekinds.read_capped(Path("/proc/self/maps"), 10, "quá lớn")


def test_kind_checks(tmp_path: Path) -> None:
    assert filekinds.regular_or_absent(tmp_path / "none") == tmp_path / "none"
    with pytest.raises(DlxhError, match="thư mục"):
        filekinds.regular_or_absent(tmp_path)
    (tmp_path / "f").write_text("x")
    with pytest.raises(DlxhError, match="thư mục"):
        filekinds.regular_or_absent(tmp_path / "f" / "under")
    assert filekinds.shown(os.fsdecode(b"/tmp/b\xffd")) == "/tmp/b\ufffdd"
    assert filekinds.shown("lone \ud800 surrogate") == "lone \ufffd surrogate"  # not an escaped byte: no raise


def test_every_refusal_names_a_path_readably() -> None:
    """A refusal built with a file name the OS gave undecoded shows U+FFFD, whoever built it."""
    from app.errors import ImportRefused, StoreError

    path = os.fsdecode(b"/tmp/s\xe1o\xff.db")
    for error in (DlxhError, StoreError, ImportRefused):
        refused = error(f"Không mở được «{path}».")
        assert refused.message == str(refused) == "Không mở được «/tmp/s\ufffdo\ufffd.db»."
