"""Hostile files shared by the tests of issue 22: a zip-bomb workbook."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl


def bomb_workbook(path: Path, header: list[str], sheet_bytes: int = 80 << 20) -> Path:
    """A real .xlsx whose first sheet's XML inflates to more than `sheet_bytes` (a comment of
    one repeated byte: about 1000:1 compressed), so the file itself stays under a megabyte."""
    book = openpyxl.Workbook()
    book.active.append(header)
    buf = io.BytesIO()
    book.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<!--" + b"x" * sheet_bytes + b"--><sheetData>", 1)
            dst.writestr(info.filename, data)
    return path
