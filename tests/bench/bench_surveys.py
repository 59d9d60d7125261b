"""Benchmark: survey import, tabulation, Excel export and report on a large survey.

Run: /work/venv/bin/python tests/bench/bench_surveys.py [--forms 5000]
Builds the demo office (with its ~400-form survey), imports N more phone forms from a CSV
(one all-or-nothing transaction), then times loading + weighting, every cross-tab, the
Excel export of every table and the PDF/DOCX report. Figures only; no pass/fail.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.demo import build_demo  # noqa: E402
from app.surveys import file_import, report  # noqa: E402
from app.surveys import questionnaire as qn  # noqa: E402
from app.surveys import responses as rs  # noqa: E402
from app.surveys import tabulate as tb  # noqa: E402
from app.surveys.excel_export import export_xlsx  # noqa: E402

PASSPHRASE = "bench-passphrase-1"


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - start:.2f} s", flush=True)
    return result


def write_csv(path: Path, n: int, areas: list[str], seed: int = 5) -> None:
    rng = random.Random(seed)
    lines = ["Số phiếu;Giới tính;Tuổi;Địa bàn;Câu 1;Câu 2;Câu 3;Câu 4;Câu 5;Câu 6"]
    for i in range(n):
        knows = rng.random() < 0.75
        worry = rng.choice(["1", "2", "3", "4", "5", "1,4"])
        lines.append(";".join([f"ĐT{i:05d}", rng.choice(["Nam", "Nữ"]), str(rng.randint(18, 80)), rng.choice(areas),
                               "1" if knows else "2", rng.choice(["1", "2", "1,3", "4"]) if knows else "",
                               str(rng.randint(1, 5)), worry, str(rng.randint(1, 4)),
                               str(rng.randint(1, 4)) if "4" in worry else ""]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=5000)
    args = parser.parse_args()
    os.environ["DLXH_PASSPHRASE"] = PASSPHRASE
    with tempfile.TemporaryDirectory() as tmp:
        ctx, _, _ = timed("build demo office (incl. demo survey)",
                          lambda: build_demo(Path(tmp) / "b.db", passphrase=PASSPHRASE))
        sid = qn.list_surveys(ctx)[0].id
        csv_path = Path(tmp) / "phone.csv"
        write_csv(csv_path, args.forms, list(rs.area_names(ctx).values()))
        result = timed(f"import {args.forms} forms from CSV (all or nothing)",
                       lambda: file_import.import_file(ctx, sid, csv_path, channel="phone"))
        print(f"  imported: {result.imported}")
        data = timed("load + weight all forms", lambda: tb.load_data(ctx, sid))
        print(f"  forms: {data.n}, weighted: {data.weighted}")
        timed("frequencies + 4 cross-tabs of every choice question",
              lambda: [tb.crosstab(data, q, by) for q in tb.choice_questions(data) for by in tb.BY]
              + [tb.frequency(data, q) for q in tb.choice_questions(data)])
        timed("Excel export of every table (texts read again)",
              lambda: export_xlsx(tb.load_data(ctx, sid, texts=True), Path(tmp) / "t.xlsx"))
        timed("report PDF + DOCX", lambda: report.render(ctx, sid, Path(tmp)))
        ctx.close()


if __name__ == "__main__":
    main()
