"""Run every tests/bench/bench_*.py in its own subprocess and print one table of figures.

Usage: python -m tests.bench [NAME ...] [--timeout S] [--markdown FILE]
  NAME selects scripts by part of their name (e.g. `search`, `startup`).
Each script prints its figures as lines, ideally `label: value`; the runner puts every
line into the table under the script's name, so scripts stay free-standing and runnable
alone. The header gives the date and the machine, for the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    versions = [f"Python {platform.python_version()}"]
    try:
        import sqlcipher3

        versions.append(f"SQLite {sqlcipher3.sqlite_version}")
    except ImportError:
        pass
    try:
        import PySide6

        versions.append(f"PySide6 {PySide6.__version__}")
    except ImportError:
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs{ram}; {platform.system()} {platform.release()}; " + ", ".join(versions)


def scripts(selected: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if selected:
        chosen = []
        for name in selected:  # an exact name wins; otherwise every script containing it
            exact = [p for p in found if p.stem == f"bench_{name}"]
            chosen += exact or [p for p in found if name in p.stem]
        found = sorted(set(chosen))
    return found


def run_one(path: Path, timeout: float) -> tuple[list[tuple[str, str]], float, str]:
    """(figure, value) pairs, wall seconds, and a status ('ok' or why not)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(path)], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        lines = (exc.stdout or b"").decode("utf-8", "replace") if isinstance(exc.stdout, bytes) else exc.stdout or ""
        return _pairs(lines), time.perf_counter() - start, f"timeout after {timeout:.0f} s"
    status = "ok" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"
    return _pairs(done.stdout), time.perf_counter() - start, status


def _pairs(stdout: str) -> list[tuple[str, str]]:
    pairs = []
    for line in stdout.splitlines():
        if not line.strip():
            continue
        label, sep, value = line.partition(": ")
        pairs.append((label.strip(), value.strip()) if sep else (line.rstrip(), ""))
    return pairs


def table(results: list[tuple[str, list[tuple[str, str]], float, str]]) -> str:
    rows = [("benchmark", "figure", "value")]
    for name, pairs, seconds, status in results:
        first = True
        for label, value in pairs or [("(no output)", "")]:
            rows.append((name if first else "", label, value))
            first = False
        rows.append(("", "(script wall time / status)", f"{seconds:.1f} s / {status}"))
    widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate((28, 60, 80))]
    out = []
    for i, row in enumerate(rows):
        out.append("| " + " | ".join(cell.replace("|", "/").ljust(w) for cell, w in zip(row, widths, strict=True))
                   + " |")
        if i == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("names", nargs="*")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--markdown", help="also write the table to this file")
    args = parser.parse_args(argv)
    found = scripts(args.names)
    if not found:
        print("no benchmark matches", args.names, file=sys.stderr)
        return 2
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    results = []
    for path in found:
        print(f"running {path.name} …", file=sys.stderr, flush=True)
        pairs, seconds, status = run_one(path, args.timeout)
        results.append((path.stem.removeprefix("bench_"), pairs, seconds, status))
    text = f"DLXH benchmarks, {stamp}\nMachine: {machine()}\n\n{table(results)}\n"
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    return 0 if all(r[3] == "ok" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
