"""`dlxh … | head`: when the reader of stdout goes away, dlxh ends quietly (no message, no
traceback) with the shell's exit for a closed pipe, like any Unix tool; a real pipe whose read
end is closed before dlxh writes, so the failure is certain, not a race."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import CLOSED_PIPE_EXIT
from tests.conftest import ROOT


def _run_into_closed_pipe(*args: str) -> tuple[int, str]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `head` has already left
    try:
        done = subprocess.run([sys.executable, "-m", "app", *args], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=120)
    finally:
        os.close(write_end)
    return done.returncode, done.stderr


@pytest.mark.skipif(os.name == "nt", reason="POSIX pipes")
@pytest.mark.parametrize("command", [("opinions", "list"), ("info",)])
def test_a_closed_stdout_ends_quietly(demo_path: Path, command: tuple[str, ...]) -> None:
    code, stderr = _run_into_closed_pipe("--db", str(demo_path), *command)
    assert stderr == ""
    assert code == CLOSED_PIPE_EXIT


def test_an_open_stdout_still_gets_everything(cli, demo_path: Path) -> None:
    done = cli("--db", str(demo_path), "info")
    assert done.returncode == 0
    assert "opinions:" in done.stdout
