"""Share columns of a document's tables, read back from the DOCX: one precision per column, and in
a table with a total row whose share is 100 %, each share is its count over the total rounded as
the text rounds it (app.reports.wording.pct), so the sentences and the table agree (tests only)."""

from __future__ import annotations

import io
import re

import docx

SHARE = re.compile(r"^(\d{1,3})(?:,(\d+))?%$")
COUNT = re.compile(r"^\d{1,3}(?:\.\d{3})*$")


def _count(text: str) -> int:
    return int(text.replace(".", ""))


def _column_faults(rows: list[list[str]], col: int, where: str) -> list[str]:
    cells = [(row[0], row[1] if len(row) > 1 else "", row[col]) for row in rows[1:] if col < len(row)]
    shares = [(label, n, SHARE.match(text)) for label, n, text in cells if text not in ("–", "")]
    if len(shares) < 2 or not all(match for _label, _n, match in shares):
        return []
    column = [text for _label, _n, text in cells]
    digits = {len(match.group(2) or "") for _label, _n, match in shares}
    if len(digits) > 1:
        return [f"{where}: {column}"]
    places = digits.pop()
    total = [(n, match) for label, n, match in shares if label == "Tổng cộng"]
    if not total or match_value(total[0][1], places) != 100 * 10 ** places or not COUNT.match(total[0][0]):
        return []
    whole = _count(total[0][0])
    faults = []
    for label, n, match in shares:
        if label != "Tổng cộng" and COUNT.match(n):
            want = f"{100 * _count(n) / whole:.{places}f}".replace(".", ",") + "%"
            if match.group(0) != want:
                faults.append(f"{where}, {label}: {match.group(0)} ≠ {n}/{whole} = {want}")
    return faults


def match_value(match: re.Match, places: int) -> int:
    """A share in its column's last decimal place ("21,4%" -> 214)."""
    return int(match.group(1)) * 10 ** places + int(match.group(2) or 0)


def share_column_faults(data: bytes) -> list[str]:
    """What is wrong with the share columns of every table of a DOCX (empty: nothing)."""
    faults = []
    for number, table in enumerate(docx.Document(io.BytesIO(data)).tables):
        rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
        if len(rows) >= 3:
            for col in range(len(rows[0])):
                faults += _column_faults(rows, col, f"bảng {number + 1}, cột {rows[0][col]!r}")
    return faults
