"""Benchmark: survey import of N CSV rows, then tabulation, each with its peak memory.

Run: .venv/bin/python tests/bench/bench_survey_import.py [--rows 1000000]
Targets (issue 22): import ≥ 20,000 rows/s at ≤ 300 MB peak; tabulate at 1,000,000 responses:
time and peak memory. Each phase runs in its own fresh process so its peak RSS (ru_maxrss)
is its own; the store is a real encrypted office. The import is confirmed (the file is far
beyond 10 × the survey's plan, which without confirmation is refused while reading).
Figures only; no pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "bench-passphrase-1"


def write_csv(path: Path, n: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Số phiếu,Giới tính,Tuổi,Câu 1,Câu 3\n")  # 1,000,000 rows: 20.5 MB, under the 20 MiB cap
        for i in range(n):
            fh.write(f"P{i:07d},{rng.choice(['Nam', 'Nữ'])},{rng.randint(18, 80)},2,{rng.randint(1, 5)}\n")


def setup(folder: Path, rows: int) -> tuple[Path, str, Path]:
    from app.office import init_office
    from app.office_setup import official_spec
    from tests.surveys.store_helpers import build_survey

    db = folder / "bench.db"
    ctx, _ = init_office(db, **official_spec("commune", "29266", None, None).as_kwargs())
    sid = build_survey(ctx)
    ctx.close()
    csv_path = folder / "phieu.csv"
    write_csv(csv_path, rows)
    return db, sid, csv_path


def phase(name: str, db: str, sid: str, csv_path: str) -> dict:
    """One measured phase, in this (fresh) process."""
    from app.office import open_ctx
    from app.surveys import file_import
    from app.surveys import tabulate as tb

    ctx = open_ctx(Path(db))
    start = time.perf_counter()
    if name == "import":
        done = file_import.import_file(ctx, sid, Path(csv_path), confirmed=True).imported
    else:
        data = tb.load_data(ctx, sid)
        for q in tb.choice_questions(data):
            tb.frequency(data, q)
        done = len(data.responses)
    seconds = time.perf_counter() - start
    ctx.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"phase": name, "rows": done, "seconds": round(seconds, 2), "peak_mib": round(peak_mib)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--phase", choices=["import", "tabulate"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--sid", help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["DLXH_PASSPHRASE"] = PASSPHRASE
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    if args.phase:
        print(json.dumps(phase(args.phase, args.db, args.sid, args.csv)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db, sid, csv_path = setup(Path(tmp), args.rows)
        print(f"CSV: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB")
        for name in ("import", "tabulate"):
            out = subprocess.run([sys.executable, __file__, "--phase", name, "--db", str(db), "--sid", sid,
                                  "--csv", str(csv_path)], capture_output=True, text=True, env=os.environ, cwd=ROOT)
            if out.returncode:
                print(f"{name}: failed\n{out.stderr[-2000:]}")
                return
            got = json.loads(out.stdout.strip().splitlines()[-1])
            rate = f", {got['rows'] / got['seconds']:,.0f} rows/s" if got["seconds"] else ""
            print(f"{name}: {got['rows']:,} rows in {got['seconds']} s{rate}; peak {got['peak_mib']} MiB")
        print(f"store: {db.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
