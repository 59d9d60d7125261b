"""Excel export of a filtered item list (openpyxl, write-only so 200k rows stay in bounds)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app import auth, catalog, excel_text
from app.context import Ctx
from app.opinions.items import LABELS, OpinionFilter, list_opinions

# The item fields the sheet shows, in order; their headers are the fields' declared labels.
COLUMNS = ("received_on", "field", "tendency", "scale", "area_code", "topic_id", "summary", "collaborator_id",
           "handling")
HEADERS = ["STT", *(LABELS[key] for key in COLUMNS)]
WIDTHS = [6, 14, 22, 22, 14, 22, 32, 70, 24, 18]


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
        received = WriteOnlyCell(ws, value=date.fromisoformat(r.received_on))
        received.number_format = "DD/MM/YYYY"
        ws.append(excel_text.row(ws, [n, received, catalog.label(catalog.FIELDS, r.field),
                                      catalog.label(catalog.TENDENCIES, r.tendency),
                                      catalog.label(catalog.SCALES, r.scale), r.area_name, r.topic_title, r.summary,
                                      r.collaborator_name, catalog.label(catalog.HANDLING, r.handling)]))
    wb.save(str(path))
    return n
