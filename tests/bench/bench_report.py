"""Benchmark: draft + render DOCX + PDF of a monthly report for a month with 1,000 items,
next to LibreOffice's DOCX→PDF conversion of the same DOCX; plus signing and verifying.

Run: /work/venv/bin/python tests/bench/bench_report.py [--items 1000] [--runs 3]
Builds a district office (14 communes, 40 collaborators, 6 topics), adds the items for one
month in one transaction through app.opinions.items, then times each step (best of N runs)
and prints figures. No pass/fail: speed goals are read, not asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DLXH_PASSPHRASE", "bench-passphrase-5")

from app import catalog  # noqa: E402
from app.office import add_unit, init_office  # noqa: E402
from app.opinions import items, topics  # noqa: E402
from app.reports import draft, register, signing  # noqa: E402
from app.reports.compose import document_for  # noqa: E402
from app.reports.render_docx import render_docx  # noqa: E402
from app.reports.render_pdf import render_pdf_anchored  # noqa: E402

MONTH = date(2026, 10, 1)
SUMMARIES = ["Nhân dân băn khoăn về tiến độ chi trả tiền bồi thường giải phóng mặt bằng",
             "Nhiều hộ dân phản ánh mùi hôi từ cơ sở chăn nuôi gây ô nhiễm",
             "Người dân đồng tình với chủ trương sáp nhập ấp, khu phố",
             "Tiểu thương lo lắng giá điện, xăng dầu tăng ảnh hưởng buôn bán",
             "Phụ huynh quan tâm chất lượng bữa ăn bán trú tại trường tiểu học"]
PROPOSALS = ["Đề nghị công khai phương án bồi thường", "Đề nghị kiểm tra, xử lý cơ sở gây ô nhiễm", None, None]


def build(path: Path, n_items: int):
    ctx, _ = init_office(path, unit_code="BENCH", name="Huyện Phong Điền", role="district", parent_code="T46",
                         parent_name="Tỉnh Thừa Thiên Huế")
    rng = random.Random(5)
    communes = [f"BENCH-X{i:02d}" for i in range(1, 15)]
    for i, code in enumerate(communes, start=1):
        add_unit(ctx, code, f"Xã Phong {['An', 'Hiền', 'Sơn', 'Thu', 'Mỹ', 'Xuân', 'Chương'][i % 7]} {i}",
                 "commune", "BENCH")
    topic_ids = [topics.create(ctx, topics.Topic(title=f"Vấn đề số {i}", field=rng.choice(list(catalog.FIELDS)),
                                                 opened_on="2026-01-01", status="hot" if i < 2 else "watch")).id
                 for i in range(6)]
    with ctx.transaction():
        for _ in range(n_items):
            items.create(ctx, items.Opinion(
                received_on=MONTH.replace(day=rng.randint(1, 28)).isoformat(), field=rng.choice(list(catalog.FIELDS)),
                summary=rng.choice(SUMMARIES), tendency=rng.choice(list(catalog.TENDENCIES)),
                area_code=rng.choice(communes), scale=rng.choice(list(catalog.SCALES)),
                topic_id=rng.choice(topic_ids + [None] * 3), proposal=rng.choice(PROPOSALS)))
    return ctx


def best(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        ctx = build(folder / "bench.db", args.items)
        print(f"setup: office + {args.items} items in {time.perf_counter() - t0:.2f} s")
        t_draft, report = best(lambda: draft.draft_report(ctx, "monthly", MONTH), args.runs)
        doc = document_for(ctx, report)
        t_docx, docx = best(lambda: render_docx(doc), args.runs)
        t_pdf, (pdf, anchors) = best(lambda: render_pdf_anchored(doc), args.runs)
        print(f"draft (queries + prose, 6 sections): {t_draft * 1000:.0f} ms")
        print(f"render DOCX (python-docx, chart PNG): {t_docx * 1000:.0f} ms, {len(docx) / 1024:.0f} KiB")
        print(f"render PDF (reportlab, fonts embedded): {t_pdf * 1000:.0f} ms, {len(pdf) / 1024:.0f} KiB")
        print(f"draft + DOCX + PDF: {(t_draft + t_docx + t_pdf) * 1000:.0f} ms")
        t_sign, signed = best(lambda: signing.sign_pdf(ctx, pdf, anchors[0], "Nguyễn Văn An", "Trưởng ban"),
                              args.runs)
        t_verify, result = best(lambda: signing.verify_pdf(ctx, signed), args.runs)
        print(f"sign (PAdES, visible stamp): {t_sign * 1000:.0f} ms; verify offline: {t_verify * 1000:.0f} ms "
              f"({'valid' if result.valid else 'INVALID'})")
        t_files, _ = best(lambda: register.render_files(ctx, report.id), 1)
        print(f"register.render_files (compose + DOCX + PDF): {t_files * 1000:.0f} ms")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            print("LibreOffice: not installed, no comparison")
            return
        (folder / "report.docx").write_bytes(docx)
        profile = f"file://{folder / 'lo-profile'}"
        for label in ("cold (new profile)", "warm"):
            start = time.perf_counter()
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(folder / "lo"), str(folder / "report.docx")],
                           check=True, capture_output=True, timeout=180)
            print(f"LibreOffice DOCX→PDF {label}: {(time.perf_counter() - start) * 1000:.0f} ms")
        ctx.close()


if __name__ == "__main__":
    main()
