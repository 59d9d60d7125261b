"""Excel export of a filtered item list (openpyxl, write-only so 200k rows stay in bounds)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app import auth, excel_text
from app.context import Ctx
from app.listing import Shown
from app.opinions.items import LIST, OpinionFilter, list_opinions

# The sheet shows the list's declared columns, in order, each headed by its field's full label.
HEADERS = ["STT", *(LIST.label(c) for c in LIST.columns)]
# A long text column is wider, the content widest; a short value fits 14 characters.
WIDTHS = [6, *(70 if c.field == "summary" else 22 if c.long else 14 for c in LIST.columns)]


def export_xlsx(ctx: Ctx, flt: OpinionFilter, path: str | Path) -> int:
    """Write the filtered list to `path`; returns the number of items written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    auth.require(ctx, "export")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Thông tin dư luận")
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    ws.append(header)
    n = 0
    for n, r in enumerate(list_opinions(ctx, flt), start=1):
        ws.append(excel_text.row(ws, [n, *(_cell(ws, r, c) for c in LIST.columns)]))
    wb.save(str(path))
    return n


def _cell(ws: Any, row: Any, shown: Shown) -> Any:
    """A date as a real date cell (Excel sorts and filters it), anything else as the list reads it."""
    from openpyxl.cell import WriteOnlyCell

    iso = LIST.iso_date(row, shown)
    if iso:
        cell = WriteOnlyCell(ws, value=date.fromisoformat(iso))
        cell.number_format = "DD/MM/YYYY"
        return cell
    return LIST.text(row, shown, one_line=False)
