"""No plaintext left behind (issue 14 point 7): the DOCX opened in Word lives in a private
folder (0700, file 0600) that goes at exit, and a folder a crashed run left goes at next start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from app import private_temp


@pytest.fixture(autouse=True)
def _own_tmp(tmp_path, monkeypatch):
    monkeypatch.setattr(private_temp, "_base", lambda: tmp_path)
    monkeypatch.setattr(private_temp, "_current", None)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_private_folder_and_file_modes_and_removal(tmp_path) -> None:
    path = private_temp.write("bao-cao.docx", b"PK decrypted")
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert private_temp.write("bao-cao.docx", b"again").read_bytes() == b"again"  # a second open replaces it
    private_temp.remove()
    assert not path.exists() and not path.parent.exists()


def test_a_crashed_runs_folder_is_removed_at_next_start(tmp_path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"{private_temp.PREFIX}{dead.stdout.strip()}-abc"
    stale.mkdir()
    (stale / "bao-cao.docx").write_bytes(b"left by a power cut")
    mine = private_temp.write("dang-mo.docx", b"in use")
    assert private_temp.clean_stale() == 1
    assert not stale.exists() and mine.exists()
