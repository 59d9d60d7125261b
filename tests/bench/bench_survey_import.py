"""Benchmark: survey import of N CSV rows, then tabulation, each with its peak memory.

Run: .venv/bin/python tests/bench/bench_survey_import.py [--rows 1000000] [--store DIR]
Targets (issue 22): import ≥ 20,000 rows/s at ≤ 300 MB peak; tabulate at 1,000,000 responses:
time and peak memory. Each phase runs in its own fresh process so its peak RSS (ru_maxrss)
is its own; the store is a real encrypted office. Tabulation makes every table the report and
the Excel export print (frequencies, Likert and number summaries, the cross-tabs by every
group, the method rows), timed (wall and CPU: the machine may be shared) with its peak RSS,
then again in another process under tracemalloc for the peak of Python allocations.
`--store DIR` keeps the store there; run again with the same DIR, it re-times the
tabulation on it without importing again. The import is confirmed (the file is far
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
import tracemalloc
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

    ctx = open_ctx(Path(db))
    if name == "tabulate-traced":
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    if name == "import":
        done = file_import.import_file(ctx, sid, Path(csv_path), confirmed=True).imported
    else:
        done = tabulate_everything(ctx, sid).n
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if tracemalloc.is_tracing() else None
    ctx.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"phase": name, "rows": done, "seconds": round(seconds, 2), "cpu": round(cpu, 2),
            "peak_mib": round(peak_mib), "traced_mib": traced and round(traced, 1)}


def tabulate_everything(ctx, sid: str):
    """Every table of the report and the Excel export (also what tests/surveys/
    test_tabulation_memory.py bounds); returns the tabulated SurveyData."""
    from app.surveys import tabulate as tb
    from app.surveys.report_text import method_rows

    data = tb.load_data(ctx, sid)
    for q in data.questionnaire.questions:
        if q.has_choices:
            tb.frequency(data, q)
            for by, _ in tb.BY.items():
                if tb.group_categories(data, by):
                    tb.crosstab(data, q, by)
        if q.kind == "likert":
            tb.likert(data, q)
        if q.kind == "number":
            tb.number_summary(data, q)
    method_rows(data)
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--store", help="keep the store in this folder; with a store there, only re-tabulate")
    parser.add_argument("--phase", choices=["import", "tabulate", "tabulate-traced"], help=argparse.SUPPRESS)
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
        folder = Path(args.store or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        phases = ["tabulate", "tabulate-traced"]
        if (folder / "sid").exists():
            db, sid, csv_path = folder / "bench.db", (folder / "sid").read_text(), folder / "phieu.csv"
        else:
            db, sid, csv_path = setup(folder, args.rows)
            print(f"CSV: {args.rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB")
            phases.insert(0, "import")
        for name in phases:
            out = subprocess.run([sys.executable, __file__, "--phase", name, "--db", str(db), "--sid", sid,
                                  "--csv", str(csv_path)], capture_output=True, text=True, env=os.environ, cwd=ROOT)
            if out.returncode:
                print(f"{name}: failed\n{out.stderr[-2000:]}")
                return
            got = json.loads(out.stdout.strip().splitlines()[-1])
            rate = f", {got['rows'] / got['seconds']:,.0f} rows/s" if got["seconds"] else ""
            traced = f"; traced peak {got['traced_mib']} MiB" if got["traced_mib"] is not None else ""
            print(f"{name}: {got['rows']:,} rows in {got['seconds']} s (CPU {got['cpu']} s){rate}; "
                  f"peak RSS {got['peak_mib']} MiB{traced}")
            if name == "import":
                (folder / "sid").write_text(sid)
        print(f"store: {db.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
