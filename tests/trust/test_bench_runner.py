"""The benchmark runner finds every bench_*.py, runs each in a subprocess and prints one table
(no timing is asserted: figures are read, not judged)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.bench.__main__ import _pairs, scripts, table

ROOT = Path(__file__).resolve().parents[2]


def test_every_bench_script_is_discovered() -> None:
    names = {p.stem for p in scripts([])}
    assert {"bench_startup", "bench_search", "bench_list", "bench_memory"} <= names
    assert "bigstore" not in names


def test_table_keeps_every_line() -> None:
    pairs = _pairs("start-up: 1200 ms\n\nfree text line\n")
    assert pairs == [("start-up", "1200 ms"), ("free text line", "")]
    text = table([("startup", pairs, 3.2, "ok"), ("broken", [], 0.1, "exit 1")])
    assert "| startup" in text and "1200 ms" in text and "free text line" in text
    assert "(no output)" in text and "exit 1" in text


def test_runner_and_dlxh_bench_print_the_table(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DLXH_BENCH_ITEMS": "300", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "app", "bench", "search"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Machine:" in done.stdout and "search opinions 'tái định cư'" in done.stdout
    assert "(script wall time / status)" in done.stdout
