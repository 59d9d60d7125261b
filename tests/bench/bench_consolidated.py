"""Benchmark: draft the province's consolidated monthly report over N communes' data
(default 168 communes × 80 items), the province's largest case; prints seconds.

Run: .venv/bin/python tests/bench/bench_consolidated.py [--communes 168] [--items 80]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DLXH_PASSPHRASE", "bench-passphrase-5")

from app.reports import draft, register  # noqa: E402
from app.reports.compose import document_for  # noqa: E402
from app.reports.consolidated import sections  # noqa: E402
from app.reports.period import period_of  # noqa: E402
from app.reports.render_docx import render_docx  # noqa: E402
from app.reports.render_pdf import render_pdf  # noqa: E402
from tests.reports.province_sample import build  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=168)
    ap.add_argument("--items", type=int, default=80)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ctx, _ = build(Path(tmp) / "p.db", args.communes, args.items)
        print(f"build {args.communes} communes × {args.items} items: {time.perf_counter() - t0:.2f} s")
        october = period_of("monthly", date(2026, 10, 1))
        best = min(_timed(lambda: sections.build(ctx, october, date(2026, 11, 25))) for _ in range(3))
        print(f"draft consolidated report (sections): {best:.3f} s (best of 3)")
        report = draft.draft_report(ctx, "monthly", october.start)
        doc = document_for(ctx, report)
        scales: list[float] = []
        print(f"render PDF: {_timed(lambda: render_pdf(doc, scales)):.3f} s")
        print(f"render DOCX: {_timed(lambda: render_docx(doc, scales)):.3f} s")
        start, cpu = time.perf_counter(), time.process_time()
        register.render_files(ctx, draft.draft_report(ctx, "monthly", october.start).id)
        print(f"drafted in the register and rendered (PDF + DOCX): {time.perf_counter() - start:.2f} s "
              f"(CPU {time.process_time() - cpu:.2f} s)")
        ctx.close()


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
