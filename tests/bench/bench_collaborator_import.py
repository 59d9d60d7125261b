"""Benchmark: Excel import of a 5,000-row collaborator workbook into the demo office.

Run: /work/venv/bin/python tests/bench/bench_collaborator_import.py [--rows 5000]
Writes a messy-but-valid workbook (title rows, header on row 4, mixed date types, phones
typed as numbers), then prints: workbook build time and size, preview time (read + match +
duplicate check), apply time (one transaction, audited), re-preview time (all duplicates),
and the contact-sheet export time. Figures only; no pass/fail.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DLXH_PASSPHRASE", "bench-passphrase-1")

import openpyxl  # noqa: E402

from app.collaborators import excel_export, excel_import  # noqa: E402
from app.demo import build_demo, places  # noqa: E402
from app.office import communes  # noqa: E402

STRATA = ["Nông dân", "Cán bộ, công chức", "Cựu chiến binh", "Thanh niên", "Hưu trí", "Tiểu thương", "Công nhân"]


def build_workbook(path: Path, rows: int, areas: list[str], rng: random.Random) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI"])
    ws.append(["(Kèm theo Quyết định số 12-QĐ/HU)"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đảng viên", "Đơn vị công tác", "Địa bàn", "Giai tầng",
               "SĐT", "Email", "Ngày QĐ"])
    ws.merge_cells("A1:K1")
    ws.merge_cells("A2:K2")
    for n in range(1, rows + 1):
        male = rng.random() < 0.6
        name = (f"{rng.choice(places.FAMILY)} {rng.choice(places.MIDDLE_M if male else places.MIDDLE_F)} "
                f"{rng.choice(places.GIVEN_M if male else places.GIVEN_F)}")
        year = rng.randint(1950, 2004)
        birth = datetime(year, rng.randint(1, 12), rng.randint(1, 28)) if n % 3 == 0 else (
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}" if n % 3 == 1 else year)
        ws.append([n, name, birth, "Nam" if male else "Nữ", rng.choice(["x", "", "✓", "có"]),
                   f"Chi hội {n}", rng.choice(areas), rng.choice(STRATA), 900000000 + n,
                   f"ctv{n}@gmail.com" if n % 4 == 0 else None, f"{rng.randint(1, 28)}/3/2024"])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ctx, _code, _ = build_demo(tmp_path / "demo.db", seed=2026)
        areas = [u.name for u in communes(ctx)]
        book = tmp_path / "ds.xlsx"
        t = time.perf_counter()
        build_workbook(book, args.rows, areas, rng)
        print(f"workbook: {args.rows} rows, {book.stat().st_size / 1024:.0f} KiB, built in {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        pv = excel_import.preview(ctx, book)
        print(f"preview: {time.perf_counter() - t:.2f} s ({len(pv.good)} to create, {len(pv.with_problems)} with "
              f"problems, {len(pv.duplicates)} duplicates)")
        t = time.perf_counter()
        result = excel_import.apply(ctx, pv)
        elapsed = time.perf_counter() - t
        print(f"apply (one transaction): {elapsed:.2f} s, {result.created} rows, {result.created / elapsed:.0f} rows/s")
        t = time.perf_counter()
        again = excel_import.preview(ctx, book)
        print(f"re-preview: {time.perf_counter() - t:.2f} s ({len(again.duplicates)} duplicates, {len(again.good)} new)")
        t = time.perf_counter()
        n = excel_export.export(ctx, tmp_path / "danh-ba.xlsx", contacts=True)
        print(f"contact sheet export: {n} rows in {time.perf_counter() - t:.2f} s")
        ctx.close()


if __name__ == "__main__":
    main()
