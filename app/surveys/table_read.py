"""Reading the messy tables phone and online surveys come back in: CSV in UTF-8 (with or
without BOM), UTF-16 or Windows-1258, separated by commas, semicolons or tabs, or an
Excel workbook; title lines above the header are skipped."""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from app import filekinds
from app.errors import ImportRefused

MAX_BYTES = 20 * 1024 * 1024
HEADER_SCAN = 15           # title lines above the header that _header_index looks through
MAX_XLSX_COLS = 300        # a questionnaire of 250 questions plus the respondent's columns
MAX_XLSX_ROWS = 1_000_000  # Excel's own limit is 1,048,576
DELIMITERS = (",", ";", "\t")
HEAD_BYTES = 64 * 1024  # what the encoding and the separator are guessed from
TOO_BIG = "Tệp lớn quá 20 MB, không nhập."
MEMO_CELLS = 10_000        # distinct cell values shared while reading a CSV (answers, ages, genders)


class TooManyRows(ImportRefused):
    """More data rows than the caller allowed (`limit`): the reading stopped there."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"Tệp có hơn {limit} dòng phiếu; không nhập.")
        self.limit = limit


@dataclass
class RawTable:
    headers: list[str]
    rows: list[list[str]]
    line_numbers: list[int] = field(default_factory=list)  # where each row sits in the file (1-based)
    encoding: str | None = None
    delimiter: str | None = None
    header_line: int = 1


def _nfc(text: str) -> str:
    # cp1258 text decodes to base letters + combining marks; files from Macs come as NFD too.
    return unicodedata.normalize("NFC", text)


def encoding_of(head: bytes) -> str:
    """The encoding a file's first bytes say: UTF-8 (BOM or not), UTF-16 by BOM, else cp1258.
    A multi-byte character cut at the end of the head does not count against UTF-8."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:
            return "cp1258"
    return "utf-8"


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the same, largest number of columns."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:20]
    best, best_score = ",", (-1, -1)
    for delim in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delim)]
        except csv.Error:  # a cell over the csv module's limit: read_csv_bytes says so with its line
            continue
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (common if common > 1 else 0, widths.count(common))
        if score > best_score:
            best, best_score = delim, score
    return best


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return _nfc(str(value)).strip()


def _header_index(rows: list[list[str]]) -> int:
    """First of the top rows that fills at least half the table's width (titles fill one cell)."""
    top = rows[:HEADER_SCAN]
    width = max((sum(1 for c in r if c) for r in top), default=0)
    for i, r in enumerate(top):
        filled = sum(1 for c in r if c)
        if filled >= max(2, (width + 1) // 2):
            return i
    return 0


def _build(rows: list[list[str]], lines: list[int], encoding: str | None, delimiter: str | None) -> RawTable:
    """Blank rows dropped, cells stripped, rows padded to the table's width, all in place: a
    million-row file is held once, not once per step."""
    kept = 0
    for r, ln in zip(rows, lines, strict=True):
        if any(c.strip() for c in r):
            r[:] = [c.strip() for c in r]
            rows[kept], lines[kept] = r, ln
            kept += 1
    del rows[kept:], lines[kept:]
    if not rows:
        raise ImportRefused("Tệp không có dữ liệu.")
    h = _header_index(rows)
    width = max(len(r) for r in rows[h:])
    headers = rows[h] + [""] * (width - len(rows[h]))
    header_line = lines[h]
    del rows[:h + 1], lines[:h + 1]
    if not rows:
        raise ImportRefused("Tệp chỉ có dòng tiêu đề, không có phiếu nào.")
    for r in rows:
        if len(r) < width:
            r.extend([""] * (width - len(r)))
    return RawTable(headers, rows, lines, encoding, delimiter, header_line)


def read_csv_bytes(data: bytes, max_rows: int | None = None) -> RawTable:
    """A CSV held in memory, by the same rules as a file (read_csv_file)."""
    return read_csv_stream(lambda: io.BytesIO(data), max_rows)


def read_csv_file(path: Path, max_rows: int | None = None) -> RawTable:
    """A CSV file read as it is parsed, never whole: checked for kind on open, refused past
    MAX_BYTES however big it says it is."""
    return read_csv_stream(lambda: _Capped(filekinds.open_regular(path, "tệp phiếu")), max_rows)


class _Capped(io.RawIOBase):
    """A binary file that refuses (ImportRefused) once more than MAX_BYTES have been read from it,
    so a file that grows while it is read is still bounded."""

    def __init__(self, fh: BinaryIO) -> None:
        super().__init__()
        self._fh, self._read = fh, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        n = self._fh.readinto(buffer)
        self._read += n or 0
        if self._read > MAX_BYTES:
            raise ImportRefused(TOO_BIG)
        return n

    def close(self) -> None:
        self._fh.close()
        super().close()


def read_csv_stream(opener: Callable[[], BinaryIO], max_rows: int | None = None) -> RawTable:
    """`opener` gives the file from its start; encoding from a bounded head (a file whose later
    bytes are not UTF-8 is read again as cp1258), separator from its first lines. `max_rows`: data
    rows allowed (title and header lines not counted); more raise TooManyRows while reading."""
    with opener() as raw:
        head = raw.read(HEAD_BYTES)
    encoding = encoding_of(head)
    try:
        return _read_rows(opener, encoding, max_rows)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise ImportRefused("Không đọc được bảng mã của tệp (hãy lưu lại dưới dạng CSV UTF-8).") from None
        try:
            return _read_rows(opener, "cp1258", max_rows)
        except UnicodeDecodeError:
            raise ImportRefused("Không đọc được bảng mã của tệp (hãy lưu lại dưới dạng CSV UTF-8).") from None


def _read_rows(opener: Callable[[], BinaryIO], encoding: str, max_rows: int | None) -> RawTable:
    with opener() as raw, io.TextIOWrapper(io.BufferedReader(raw) if isinstance(raw, io.RawIOBase) else raw,
                                           encoding=encoding, newline="") as text:
        head = _head_lines(text)
        delimiter = sniff_delimiter(_nfc("".join(head)))
        lines_in = (_nfc(line) for line in itertools.chain(head, text))
        reader = csv.reader(lines_in, delimiter=delimiter)
        rows, lines = [], []
        try:
            start = 1
            same: dict[str, str] = {}  # one object per repeated cell ("Nam", "34"): a big file is mostly repeats
            for row in reader:
                rows.append([same.setdefault(c, c) if len(same) < MEMO_CELLS else same.get(c, c) for c in row])
                lines.append(start)
                start = reader.line_num + 1
                if max_rows is not None and len(rows) > max_rows + HEADER_SCAN:
                    raise TooManyRows(max_rows)
        except csv.Error as exc:
            raise csv_refusal(exc, reader.line_num) from None
    return _build(rows, lines, encoding, delimiter)


def _head_lines(text: io.TextIOWrapper) -> list[str]:
    """Whole lines (endings kept) up to about HEAD_BYTES characters: what the separator is guessed from."""
    lines, size = [], 0
    while size < HEAD_BYTES:
        line = text.readline()
        if not line:
            break
        lines.append(line)
        size += len(line)
    return lines


def csv_refusal(exc: csv.Error, line: int) -> ImportRefused:
    """The csv module's English error as one Vietnamese line naming the line of the file."""
    if "field larger than field limit" in str(exc):
        return ImportRefused(f"Tệp CSV có một ô dài quá {csv.field_size_limit() // 1024} KiB ở dòng {line}: "
                             "không phải bảng phiếu trả lời, không nhập.")
    if "NUL" in str(exc):
        return ImportRefused(f"Tệp CSV có ký tự NUL ở dòng {line} (tệp nhị phân hoặc bị hỏng): không nhập.")
    return ImportRefused(f"Tệp CSV sai cấu trúc ở dòng {line} (dấu ngoặc kép hoặc dấu phân cách): không nhập.")


def read_xlsx(path: Path, max_rows: int | None = None) -> RawTable:
    """The first visible sheet, by the collaborator import's rules against zip bombs (declared
    member sizes capped before openpyxl parses anything) and with the sheet's own <dimension>
    ignored, at most MAX_XLSX_COLS columns and MAX_XLSX_ROWS rows read."""
    from app.collaborators.excel_reader import check_archive, opened_workbook

    check_archive(path, "bảng phiếu trả lời")
    with opened_workbook(path, f"Tệp Excel {path.name} bị hỏng hoặc không đúng định dạng .xlsx; không nhập.") as wb:
        rows = _xlsx_rows(wb, path, max_rows)
    return _build(rows, list(range(1, len(rows) + 1)), None, None)


def _xlsx_rows(wb, path: Path, max_rows: int | None) -> list[list[str]]:
    try:
        ws = next((s for s in wb.worksheets if s.sheet_state == "visible"), wb.worksheets[0])
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
        rows = []
        for row in ws.iter_rows(values_only=True, max_col=MAX_XLSX_COLS):
            cells = [_cell(v) for v in row]
            while cells and not cells[-1]:  # iter_rows pads to max_col
                cells.pop()
            rows.append(cells)
            if max_rows is not None and len(rows) > max_rows + HEADER_SCAN:
                raise TooManyRows(max_rows)
            if len(rows) > MAX_XLSX_ROWS:
                raise ImportRefused(f"Trang tính có hơn {MAX_XLSX_ROWS:,} dòng; không nhập (hãy tách tệp).".replace(",", "."))
    except ImportRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - malformed XML, missing shared string, CRC error…
        raise ImportRefused(f"Trang tính trong tệp {path.name} bị hỏng; không nhập phiếu nào.") from exc
    return rows


def read_table(path: Path, max_rows: int | None = None) -> RawTable:
    """Read a .csv/.txt/.tsv or .xlsx file into header + rows of stripped strings."""
    path = filekinds.existing_regular(Path(path), "tệp phiếu")
    if path.stat().st_size > MAX_BYTES:
        raise ImportRefused(TOO_BIG)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, max_rows)
    if suffix == ".xls":
        raise ImportRefused("Không đọc được tệp .xls cũ; hãy lưu lại dưới dạng .xlsx hoặc .csv.")
    return read_csv_file(path, max_rows)
