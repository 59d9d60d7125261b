"""Share columns of a document's tables, read back from the DOCX: one precision per column, and
a share column with a 100 % total adds up to exactly its total (tests only)."""

from __future__ import annotations

import io
import re

import docx

SHARE = re.compile(r"^(\d{1,3})(?:,(\d+))?%$")


def _units(match: re.Match, places: int) -> int:
    """A share in its column's last decimal place ("21,4%" -> 214)."""
    return int(match.group(1)) * 10 ** places + int(match.group(2) or 0)


def share_column_faults(data: bytes) -> list[str]:
    """What is wrong with the share columns of every table of a DOCX (empty: nothing)."""
    faults = []
    document = docx.Document(io.BytesIO(data))
    for number, table in enumerate(document.tables):
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if len(rows) < 3:
            continue
        for col in range(len(rows[0])):
            cells = [(row[0], row[col]) for row in rows[1:] if col < len(row)]
            shares = [(label, SHARE.match(text)) for label, text in cells if text not in ("–", "")]
            if len(shares) < 2 or not all(match for _label, match in shares):
                continue
            digits = {len(match.group(2) or "") for _label, match in shares}
            column = [text for _label, text in cells]
            if len(digits) > 1:
                faults.append(f"bảng {number + 1}, cột {rows[0][col]!r}: {column}")
            total = [match for label, match in shares if label == "Tổng cộng"]
            places = digits.pop() if len(digits) == 1 else None
            if total and places is not None and total[0].group(1) == "100" and not int(total[0].group(2) or 0):
                parts = sum(_units(match, places) for label, match in shares if label != "Tổng cộng")
                if parts != _units(total[0], places):
                    faults.append(f"bảng {number + 1}, cột {rows[0][col]!r}: cộng {parts} ≠ {column[-1]}: {column}")
    return faults
