"""Kill -9 harness: run a real `dlxh` command (or a real app/ worker) in a subprocess, SIGKILL it
at a random moment, then check what is left on disk.

A check never trusts the killed process: it opens the file afresh (WAL recovery included),
runs PRAGMA integrity_check, and returns the counts the caller compares with the
"all" and "none" states of the interrupted transaction.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.office import open_ctx

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "crash-passphrase-9"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DLXH_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen",
       "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def run(cmd: list[str], timeout: float = 120) -> float:
    """Run to completion (must succeed); returns the wall time, used to spread kill moments."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=ENV, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise AssertionError(f"{cmd} failed: {done.stderr}")
    return time.perf_counter() - start


def run_and_kill(cmd: list[str], delay: float) -> bool:
    """Start `cmd`, SIGKILL it after `delay` seconds. True if it had already finished."""
    proc = subprocess.Popen(cmd, env=ENV, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
        return True
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return False


COUNTED = ("units", "office", "collaborators", "opinions", "meetings", "topics", "users", "audit_log")


def check(path: Path) -> dict[str, int]:
    """Open afresh, integrity_check must say ok; returns row counts per table."""
    ctx = open_ctx(path, PASSPHRASE)
    try:
        result = [r[0] for r in ctx.db.execute("PRAGMA integrity_check").fetchall()]
        assert result == ["ok"], f"{path}: integrity_check {result[:5]}"
        fk = ctx.db.execute("PRAGMA foreign_key_check").fetchall()
        assert not fk, f"{path}: foreign keys broken {fk[:5]}"
        return {t: ctx.db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in COUNTED}
    finally:
        ctx.close()
