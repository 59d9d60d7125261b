"""Reading an .xlsx workbook safely: every cell value of the sheet that holds the list, or one
Vietnamese refusal (ImportRefused) — never a traceback, never a silently truncated sheet.

Why each guard exists:
- Zip members are capped by their declared size BEFORE openpyxl sees the file (a 1.5 MB zip bomb
  must not expand to gigabytes); Python's zipfile never reads past a member's declared size and
  fails on the CRC when the data lies, so the declared sizes are a real bound.
- openpyxl's read-only mode streams the sheet XML, but trusts the <dimension> tag: a tag smaller
  than the data cuts rows off silently, a huge one pads every row to 16,384 columns. We drop the
  tag (`reset_dimensions`) and read at most MAX_COLS columns ourselves.
- Errors surface while iterating (malformed XML, a shared-string index past the table, a CRC
  failure), not when opening, so the whole read sits inside one guard.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app import filekinds
from app.collaborators.excel_headers import HEADER_SCAN_ROWS, find_header
from app.errors import ImportRefused

MAX_ROWS = 20_000                      # non-blank rows per sheet
MAX_COLS = 80                          # columns read per row; a collaborator list has about 20
MAX_BYTES = 50 * 1024 * 1024           # the .xlsx file itself
MAX_SHEET_XML = 64 * 1024 * 1024       # one worksheet, uncompressed (streamed)
MAX_OTHER_XML = 16 * 1024 * 1024       # shared strings, styles… (loaded whole by openpyxl)
MAX_TOTAL_XML = 200 * 1024 * 1024
MAX_MEMBERS = 2_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class SheetData:
    """The sheet holding the list: its rows (dense, index = Excel row - 1, trailing empty cells
    trimmed) and the names of other sheets that look like lists too (shown, not imported)."""

    title: str
    rows: list[tuple]
    other_lists: list[str] = field(default_factory=list)


def check_archive(path: Path, what: str = "danh sách cộng tác viên") -> None:
    """Refuse what is not a plausible .xlsx before any XML is parsed. Every workbook importer
    uses these rules (collaborator lists, survey responses), `what` naming what was expected."""
    filekinds.existing_regular(path, "tệp Excel")  # a FIFO or device never reaches zipfile
    if path.stat().st_size > MAX_BYTES:
        raise ImportRefused(f"Tệp quá lớn (trên 50 MB) để là {what}; không nhập.")
    head = filekinds.read_head(path, 4, "tệp Excel")
    if head == _OLE_MAGIC:
        raise ImportRefused("Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy mở bằng Excel và lưu lại dạng .xlsx.")
    if not head.startswith(b"PK"):
        raise ImportRefused(f"Tệp {path.name} không phải tệp Excel (.xlsx); không nhập.")
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRefused(f"Tệp {path.name} bị hỏng hoặc không phải tệp Excel (.xlsx); không nhập.") from exc
    if len(members) > MAX_MEMBERS:
        raise ImportRefused(f"Tệp {path.name} chứa quá nhiều thành phần ({len(members)}); không phải {what}, "
                            "không nhập.")
    total = 0
    for info in members:
        cap = MAX_SHEET_XML if info.filename.startswith("xl/worksheets/") else MAX_OTHER_XML
        total += info.file_size
        if info.file_size > cap or total > MAX_TOTAL_XML:
            raise ImportRefused(f"Tệp {path.name} khi giải nén quá lớn (thành phần {info.filename[:60]} "
                                f"{info.file_size // (1024 * 1024)} MB): có thể là tệp độc hại, không nhập.")


@contextmanager
def opened_workbook(path: Path, refusal: str) -> Iterator:
    """openpyxl's read-only workbook over a file handle we own, `refusal` raised when it cannot
    be loaded. openpyxl leaves the handle it opens itself unclosed when a damaged file fails
    to load (one leaked descriptor per refused file); ours is closed on every path."""
    import openpyxl

    with open(path, "rb") as handle:
        try:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises KeyError, InvalidFileException, lxml errors…
            raise ImportRefused(refusal) from exc
        try:
            yield book
        finally:
            book.close()


def read_sheet(path: Path) -> SheetData:
    """The first sheet with a recognisable header, read whole; refusals name the reason."""
    path = Path(path)
    check_archive(path)
    with opened_workbook(path, f"Tệp {path.name} bị hỏng hoặc không phải tệp Excel (.xlsx); không nhập.") as book:
        title = ""
        try:
            found: SheetData | None = None
            any_data = False
            for sheet in book.worksheets:
                title = sheet.title
                if found is not None:
                    if _has_header(sheet):
                        found.other_lists.append(sheet.title)
                    continue
                rows = _rows(sheet)
                if rows:
                    any_data = True
                    if find_header(rows) is not None:
                        found = SheetData(sheet.title, rows)
            if found is not None:
                return found
            if not any_data:
                raise ImportRefused("Bảng tính trống: không có dữ liệu để nhập.")
            raise ImportRefused("Không tìm thấy dòng tiêu đề trong 10 dòng đầu: cần cột 'Họ và tên' và ít nhất "
                                "một cột khác như 'Năm sinh', 'Địa bàn', 'Số điện thoại'.")
        except ImportRefused:
            raise
        except Exception as exc:  # noqa: BLE001 - malformed XML, missing shared string, CRC error…
            raise ImportRefused(f"Trang tính '{title[:40]}' trong tệp {path.name} bị hỏng ({_reason(exc)}); "
                                "không nhập dòng nào.") from exc


def _rows(sheet) -> list[tuple]:
    """Dense rows with trailing blanks trimmed; refuses a sheet longer than any real list."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    rows: list[tuple] = []
    filled = 0
    last = -1
    for row in sheet.iter_rows(values_only=True, max_col=MAX_COLS):
        end = len(row)
        while end and _blank(row[end - 1]):
            end -= 1
        rows.append(tuple(row[:end]) if end else ())
        if end:
            filled += 1
            last = len(rows) - 1
            if filled > MAX_ROWS:
                raise ImportRefused(f"Trang tính '{sheet.title}' có hơn {MAX_ROWS:,} dòng; danh sách cộng "
                                    "tác viên không thể dài như vậy, không nhập.".replace(",", "."))
    del rows[last + 1:]
    return rows


def _has_header(sheet) -> bool:
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    head = [tuple(r) for r in sheet.iter_rows(values_only=True, max_col=MAX_COLS, max_row=HEADER_SCAN_ROWS)]
    return find_header(head) is not None


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _reason(exc: BaseException) -> str:
    """A short, plain reason for the refusal line (no exception class names, no newlines)."""
    if isinstance(exc, IndexError):
        return "thiếu chuỗi dùng chung"
    if isinstance(exc, zipfile.BadZipFile | EOFError):
        return "dữ liệu nén sai"
    if isinstance(exc, MemoryError):
        return "quá lớn"
    return "nội dung XML sai cấu trúc"
