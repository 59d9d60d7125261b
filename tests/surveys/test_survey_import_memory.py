"""Issue 22 case 4: a survey file is imported holding a part of it, never the whole file.

tracemalloc's peak (Python objects: the table, the parsed forms, the rows to write) during an
import of ROWS rows written PART at a time must stay under a bound set by the part size; the
file alone, parsed whole, is several times that bound. A dry run writes nothing, so it must
hold the file's form numbers to find a repeat (a set of strings), and nothing else. Each import
is measured in a fresh interpreter (tests/surveys/import_peak.py): in the test run's own process
the peak also counted what earlier tests had left growing."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.surveys.store_helpers import build_survey

ROWS = 20_000
PART = 250
PART_BOUND = 1536 * 1024  # a part's rows, forms and tuples, the parse memo, the head and the mapping
FORM_NUMBER_BYTES = 170        # one held form number: its string (57 B) and up to three 16-byte set slots as the set grows


def _write_csv(path: Path, rows: int) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Số phiếu,Giới tính,Tuổi,Câu 1,Câu 3,Câu 5\n")
        for i in range(rows):
            said = f"Ý kiến số {i}" if i % 10 == 0 else ""  # free text: a row the memo cannot share
            fh.write(f"P{i:07d},{rng.choice(['Nam', 'Nữ'])},{rng.randint(18, 80)},2,{rng.randint(1, 5)},{said}\n")


def _import_peak(ctx, sid: str, path: Path, mode: str = "import") -> dict:
    """Peak and preview figures of one import of `path`, PART rows at a time, in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-m", "tests.surveys.import_peak", str(ctx.path), sid, str(path),
                           str(PART), mode], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture
def big(demo_ctx, tmp_path: Path) -> tuple:
    path = tmp_path / "dien-thoai.csv"
    _write_csv(path, ROWS)
    return demo_ctx, build_survey(demo_ctx), path


def test_an_import_holds_a_part_not_the_file(big) -> None:
    ctx, sid, path = big
    peak = _import_peak(ctx, sid, path)["peak"]
    held = ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [sid]).fetchone()[0]
    assert held == ROWS
    assert peak < PART_BOUND, f"{peak / 1024:.0f} KiB"


def test_a_dry_run_holds_a_part_and_the_form_numbers(big) -> None:
    ctx, sid, path = big
    got = _import_peak(ctx, sid, path, "dry-run")
    peak = got["peak"]
    assert got["valid"] == ROWS and got["ok"] and got["responses"] == 200
    assert peak < PART_BOUND + ROWS * FORM_NUMBER_BYTES, f"{peak / 1024:.0f} KiB"


WORKBOOK_BOUND = 4 * 1024 * 1024  # PART_BOUND plus openpyxl's own (styles, shared strings, the XML parser: ~2.5 MiB)


@pytest.mark.slow  # openpyxl under tracemalloc: about 15 s
def test_a_workbook_import_streams_its_sheet(big, tmp_path: Path) -> None:
    """The workbook path reads the sheet in openpyxl's read-only mode on both passes: 20,000 rows
    cost what a part costs plus openpyxl's fixed share, not a list of every row."""
    import openpyxl

    ctx, sid, _csv = big
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["Số phiếu", "Giới tính", "Tuổi", "Câu 1", "Câu 3"])
    for i in range(ROWS):
        sheet.append([100_000 + i, "Nam" if i % 3 else "Nữ", 20 + i % 60, 2, 1 + i % 5])
    path = tmp_path / "truc-tuyen.xlsx"
    book.save(path)
    peak = _import_peak(ctx, sid, path)["peak"]
    assert ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [sid]).fetchone()[0] == ROWS
    assert peak < WORKBOOK_BOUND, f"{peak / 1024:.0f} KiB"
