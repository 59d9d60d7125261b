"""No live formulas in our Excel exports (OWASP "CSV/formula injection").

openpyxl stores any string that starts with "=" as a formula, so a summary or an answer typed
(or sent in an electronic form) as "=HYPERLINK(…)" would run in the reader's Excel; and a text
starting with "+", "-", "@", a tab or a carriage return becomes a formula as soon as the reader
edits the cell or saves the sheet as CSV. Every export writes text through here: such a text is
a text cell (never type "f") with Excel's own quote prefix — what Excel stores when a user types
'=1+2 — so it shows exactly as typed and stays text when edited. DLXH writes no formula of its
own."""

from __future__ import annotations

from typing import Any

# The first characters a spreadsheet reads as the start of a formula (OWASP's list).
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def risky(value: Any) -> bool:
    """A text a spreadsheet could take for a formula."""
    return isinstance(value, str) and value.startswith(RISKY_STARTS)


def _as_text(cell: Any) -> None:
    cell.data_type = "s"
    cell.quotePrefix = True


def defuse(workbook: Any) -> None:
    """Make every risky text cell of a (normal, not write-only) workbook a quoted text cell."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or risky(cell.value):
                    _as_text(cell)


def row(sheet: Any, values: list[Any]) -> list[Any]:
    """The values of one row of a write-only sheet, each risky text as a quoted text cell."""
    from openpyxl.cell import WriteOnlyCell

    out = []
    for value in values:
        if risky(value):
            cell = WriteOnlyCell(sheet, value=value)
            _as_text(cell)
            out.append(cell)
        else:
            out.append(value)
    return out
