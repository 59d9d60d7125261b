"""Issue 22 case 4: survey imports refuse zip-bomb workbooks by the collaborator import's rules,
and a file that would take a survey past ten times its planned sample stops while being read
and asks for confirmation (CLI --yes, GUI asks) — nothing written until confirmed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest

from app.errors import DlxhError, ImportRefused
from app.surveys import file_import
from app.surveys import plan as plan_mod
from app.surveys.table_read import read_table
from tests.hostile_files import bomb_workbook
from tests.surveys.store_helpers import add_communes, build_survey

HEADER = "Số phiếu,Giới tính,Tuổi,Câu 1,Câu 3\n"


def _rows(n: int) -> str:
    return HEADER + "".join(f"P{i:05d},Nữ,34,2,4\n" for i in range(n))


def test_a_zip_bomb_workbook_is_refused_before_parsing(tmp_path: Path) -> None:
    path = bomb_workbook(tmp_path / "bom.xlsx", ["Số phiếu", "Câu 1"])
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportRefused, match="khi giải nén quá lớn"):
        read_table(path)


def test_a_workbook_with_a_huge_dimension_reads_only_its_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Số phiếu", "Câu 1"])
    ws.append(["P1", 1])
    book.save(tmp_path / "dim.xlsx")
    table = read_table(tmp_path / "dim.xlsx")
    assert len(table.headers) == 2 and table.head == [["P1", "1"]]
    assert [cells for _, cells in table.data_rows()] == table.head


@pytest.mark.parametrize("swap", ["fifo", "past the cap", "zip bomb"])
def test_the_second_pass_checks_the_file_again(tmp_path: Path, swap: str) -> None:
    """The rows are streamed from a fresh opening of the file: one swapped after the first pass
    for a FIFO, a file past the 20 MB cap or a zip bomb is refused on that opening (no hang, no
    unbounded read), with one Vietnamese line."""
    from app.surveys.table_read import MAX_BYTES

    name = "bom.xlsx" if swap == "zip bomb" else "phieu.csv"
    path = tmp_path / name
    if swap == "zip bomb":
        book = openpyxl.Workbook()
        book.active.append(["Số phiếu", "Câu 1"])
        book.active.append(["P1", 1])
        book.save(path)
    else:
        path.write_text(_rows(3), encoding="utf-8")
    table = read_table(path)
    assert table.head[0][0] == ("P1" if swap == "zip bomb" else "P00000")
    path.unlink()
    if swap == "fifo":
        os.mkfifo(path)
        expected = "ống dẫn"
    elif swap == "past the cap":
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(_rows(3))
            fh.write("P9,Nam,40,2,3\n" * (MAX_BYTES // 14 + 10))
        expected = "lớn quá 20 MB"
    else:
        bomb_workbook(path, ["Số phiếu", "Câu 1"])
        expected = "khi giải nén quá lớn"
    with pytest.raises(DlxhError, match=expected):
        list(table.data_rows())


def test_a_file_whose_name_is_not_utf8_is_named_readably(demo_ctx, tmp_path: Path) -> None:
    """A refusal naming the file shows a byte that is not UTF-8 as U+FFFD (never a lone surrogate
    that a message box, a log or the store cannot take), and the audit of an import names it so."""
    sid = build_survey(demo_ctx)
    broken = tmp_path / os.fsdecode(b"phi\xffu.xlsx")
    broken.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(ImportRefused) as caught:
        file_import.import_file(demo_ctx, sid, broken)
    assert "phi\ufffdu.xlsx" in caught.value.message and caught.value.message.isprintable()
    assert str(caught.value) == caught.value.message
    good = tmp_path / os.fsdecode(b"k\xe1q\xff.csv")
    good.write_text(_rows(3), encoding="utf-8")
    assert file_import.import_file(demo_ctx, sid, good).imported == 3
    detail = demo_ctx.db.execute("SELECT detail FROM audit_log WHERE action = 'import' ORDER BY rowid DESC").fetchone()
    assert json.loads(detail[0]) == {"file": "k\ufffdq\ufffd.csv", "rows": 3}


@pytest.fixture
def planned(demo_ctx) -> tuple:
    add_communes(demo_ctx)
    sid = build_survey(demo_ctx)
    pops = {("T01", None): 6000, ("T02", None): 3000, ("T03", None): 1000}
    plan_mod.save_plan(demo_ctx, sid, "area", pops, 95, 0.05, sample_size=6)
    return demo_ctx, sid


def test_more_rows_than_ten_times_the_plan_ask_first(planned, tmp_path: Path) -> None:
    ctx, sid = planned
    room, sample = file_import.growth_limit(ctx, sid)
    assert sample == 6 and room == 60
    path = tmp_path / "nhieu.csv"
    path.write_text(_rows(61), encoding="utf-8")
    with pytest.raises(file_import.NeedsConfirmation, match="vượt 10 lần cỡ mẫu kế hoạch"):
        file_import.import_file(ctx, sid, path)
    assert ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [sid]).fetchone()[0] == 0
    assert file_import.import_file(ctx, sid, path, confirmed=True).imported == 61
    path.write_text(_rows(60), encoding="utf-8")
    assert file_import.growth_limit(ctx, sid)[0] == 0


def test_the_cli_needs_yes(cli, planned, tmp_path: Path) -> None:
    ctx, sid = planned
    path = tmp_path / "nhieu.csv"
    path.write_text(_rows(61), encoding="utf-8")
    db = str(ctx.path)
    refused = cli("--db", db, "survey", "import", sid, str(path))
    assert refused.returncode == 1 and "thêm --yes" in refused.stderr
    done = cli("--db", db, "survey", "import", sid, str(path), "--yes")
    assert done.returncode == 0 and "Đã nhập 61 phiếu" in done.stdout
