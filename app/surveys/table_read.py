"""Reading the messy tables phone and online surveys come back in: CSV in UTF-8 (with or
without BOM), UTF-16 or Windows-1258, separated by commas, semicolons or tabs, or an
Excel workbook; title lines above the header are skipped.

Contract: a table is read twice and never held whole. `read_table` makes a first, bounded
pass that finds the encoding (checking the whole file decodes, so the second pass cannot fail
on it half-way through a write), the separator, the header below any title lines and the
first HEAD_ROWS data rows: what the column mapping and the preview show. `RawTable.data_rows()`
then re-opens the file with the same kind check and caps (20 MB, 128 KiB a cell, the zip-bomb
rules for workbooks) and streams every data row, so a million-row file costs one row at a time.
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from app import filekinds
from app.errors import ImportRefused

MAX_BYTES = 20 * 1024 * 1024
HEADER_SCAN = 15           # title lines above the header that _header_index looks through
HEAD_ROWS = 200            # data rows the first pass keeps: the mapping's samples and the preview
MAX_XLSX_COLS = 300        # a questionnaire of 250 questions plus the respondent's columns
MAX_XLSX_ROWS = 1_000_000  # Excel's own limit is 1,048,576
DELIMITERS = (",", ";", "\t")
HEAD_BYTES = 64 * 1024  # what the encoding and the separator are guessed from
TOO_BIG = "Tệp lớn quá 20 MB, không nhập."
BAD_ENCODING = "Không đọc được bảng mã của tệp (hãy lưu lại dưới dạng CSV UTF-8)."

Rows = Iterator[tuple[int, list[str]]]  # (line of the file, 1-based; the row's cells)


class TooManyRows(ImportRefused):
    """More data rows than the caller allowed (`limit`): the reading stopped there."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"Tệp có hơn {limit} dòng phiếu; không nhập.")
        self.limit = limit


@dataclass
class RawTable:
    """The header and the head of a table, and the way to read all of it again.

    `head` holds the first HEAD_ROWS data rows (blank rows dropped, cells stripped, padded to
    the header's width) with their lines in `head_lines`; `data_rows()` streams every data row
    the same way, from a fresh opening of the file."""

    headers: list[str]
    head: list[list[str]]
    head_lines: list[int]
    encoding: str | None
    delimiter: str | None
    header_line: int
    reopen: Callable[[], Rows]  # every row of the file from its top, blank ones included
    max_rows: int | None = None

    def data_rows(self) -> Rows:
        """Every data row below the header; TooManyRows once more than `max_rows` were met.
        A row longer than the header keeps its extra cells (no column maps them)."""
        width, count, limit = len(self.headers), 0, self.max_rows
        with closing(self.reopen()) as rows:
            for line, cells in rows:
                if line <= self.header_line:
                    continue
                cells = [c.strip() for c in cells]
                if not any(cells):
                    continue
                count += 1
                if limit is not None and count > limit:
                    raise TooManyRows(limit)
                if len(cells) < width:
                    cells.extend([""] * (width - len(cells)))
                yield line, cells


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
        except csv.Error:  # a cell over the csv module's limit: the reading says so with its line
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


def _first_pass(rows: Rows) -> tuple[list[str], list[list[str]], list[int], int]:
    """(headers, head rows, their lines, the header's line) from the top of a table: enough
    non-blank rows to find the header among the first HEADER_SCAN and HEAD_ROWS data rows."""
    top: list[list[str]] = []
    lines: list[int] = []
    for line, cells in rows:
        cells = [c.strip() for c in cells]
        if any(cells):
            top.append(cells)
            lines.append(line)
            if len(top) >= HEADER_SCAN + HEAD_ROWS + 1:
                break
    if not top:
        raise ImportRefused("Tệp không có dữ liệu.")
    h = _header_index(top)
    head, head_lines = top[h + 1:h + 1 + HEAD_ROWS], lines[h + 1:h + 1 + HEAD_ROWS]
    if not head:
        raise ImportRefused("Tệp chỉ có dòng tiêu đề, không có phiếu nào.")
    width = max(len(r) for r in top[h:h + 1 + HEAD_ROWS])
    for r in (top[h], *head):
        r.extend([""] * (width - len(r)))
    return top[h], head, head_lines, lines[h]


def read_csv_bytes(data: bytes, max_rows: int | None = None) -> RawTable:
    """A CSV held in memory, by the same rules as a file (read_csv_file)."""
    return read_csv_stream(lambda: io.BytesIO(data), max_rows)


def read_csv_file(path: Path, max_rows: int | None = None) -> RawTable:
    """A CSV file read as it is parsed, never whole: checked for kind on each opening, refused
    past MAX_BYTES however big it says it is."""
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
    """`opener` gives the file from its start, each time it is read. Encoding from a bounded
    head, checked over the whole file in the first pass (a file whose later bytes are not UTF-8
    is read as cp1258), separator from its first lines; `max_rows`: data rows allowed (title
    and header lines not counted), more raise TooManyRows while streaming."""
    with opener() as raw:
        encoding = encoding_of(raw.read(HEAD_BYTES))
    try:
        return _read_csv(opener, encoding, max_rows)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise ImportRefused(BAD_ENCODING) from None
        try:
            return _read_csv(opener, "cp1258", max_rows)
        except UnicodeDecodeError:
            raise ImportRefused(BAD_ENCODING) from None


def _read_csv(opener: Callable[[], BinaryIO], encoding: str, max_rows: int | None) -> RawTable:
    with opener() as raw, _text(raw, encoding) as text:
        delimiter = sniff_delimiter(_nfc("".join(head := _head_lines(text))))
        with closing(_csv_rows(itertools.chain(head, text), delimiter)) as rows:
            headers, rows_, lines, header_line = _first_pass(rows)
        while text.read(HEAD_BYTES):  # the rest decoded (and capped) now, before anything is written
            pass

    def reopen() -> Rows:
        with opener() as raw_, _text(raw_, encoding) as text_:
            try:
                yield from _csv_rows(text_, delimiter)
            except UnicodeDecodeError:  # the file changed since the first pass
                raise ImportRefused(BAD_ENCODING) from None

    return RawTable(headers, rows_, lines, encoding, delimiter, header_line, reopen, max_rows)


def _text(raw: BinaryIO, encoding: str) -> io.TextIOWrapper:
    buffered = io.BufferedReader(raw) if isinstance(raw, io.RawIOBase) else raw
    return io.TextIOWrapper(buffered, encoding=encoding, newline="")  # type: ignore[arg-type]


def _csv_rows(lines: Iterator[str], delimiter: str) -> Rows:
    """Each CSV record with the line it starts on; csv's English errors as one Vietnamese line."""
    reader = csv.reader((_nfc(line) for line in lines), delimiter=delimiter)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise csv_refusal(exc, reader.line_num) from None


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
    member sizes capped before openpyxl parses anything, on every opening) and with the sheet's
    own <dimension> ignored, at most MAX_XLSX_COLS columns and MAX_XLSX_ROWS rows read; openpyxl's
    read-only mode streams the sheet, so neither pass holds it."""
    def reopen() -> Rows:
        return _xlsx_rows(path)

    with closing(reopen()) as rows:
        headers, head, lines, header_line = _first_pass(rows)
    return RawTable(headers, head, lines, None, None, header_line, reopen, max_rows)


def _xlsx_rows(path: Path) -> Rows:
    from app.collaborators.excel_reader import check_archive, opened_workbook

    check_archive(path, "bảng phiếu trả lời")
    name = filekinds.shown(path.name)
    with opened_workbook(path, f"Tệp Excel {name} bị hỏng hoặc không đúng định dạng .xlsx; không nhập.") as wb:
        try:
            ws = next((s for s in wb.worksheets if s.sheet_state == "visible"), wb.worksheets[0])
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()
            for n, row in enumerate(ws.iter_rows(values_only=True, max_col=MAX_XLSX_COLS), start=1):
                if n > MAX_XLSX_ROWS:
                    raise ImportRefused(f"Trang tính có hơn {MAX_XLSX_ROWS:,} dòng; không nhập (hãy tách tệp)."
                                        .replace(",", "."))
                cells = [_cell(v) for v in row]
                while cells and not cells[-1]:  # iter_rows pads to max_col
                    cells.pop()
                yield n, cells
        except ImportRefused:
            raise
        except Exception as exc:  # noqa: BLE001 - malformed XML, missing shared string, CRC error…
            raise ImportRefused(f"Trang tính trong tệp {name} bị hỏng; không nhập phiếu nào.") from exc


def read_table(path: Path, max_rows: int | None = None) -> RawTable:
    """A .csv/.txt/.tsv or .xlsx file's header and head, and its rows to stream (RawTable)."""
    path = filekinds.existing_regular(Path(path), "tệp phiếu")
    if path.stat().st_size > MAX_BYTES:
        raise ImportRefused(TOO_BIG)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, max_rows)
    if suffix == ".xls":
        raise ImportRefused("Không đọc được tệp .xls cũ; hãy lưu lại dưới dạng .xlsx hoặc .csv.")
    return read_csv_file(path, max_rows)
