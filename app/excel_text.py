"""No live formulas in our Excel exports: openpyxl stores any string that starts with "=" as a
formula, so a summary or an answer typed (or sent in an electronic form) as "=HYPERLINK(…)"
would run in the reader's Excel. Every export writes text through here; DLXH writes no
formula of its own."""

from __future__ import annotations

from typing import Any


def defuse(workbook: Any) -> None:
    """Turn every formula cell of a (normal, not write-only) workbook back into the text it was."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def row(sheet: Any, values: list[Any]) -> list[Any]:
    """The values of one row of a write-only sheet, a text starting with "=" as a text cell."""
    from openpyxl.cell import WriteOnlyCell

    out = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            out.append(cell)
        else:
            out.append(value)
    return out
