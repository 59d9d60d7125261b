"""SQLite errors at the boundary, said in Vietnamese (issue 14 point 6).

A full disk, a read-only USB stick, a database another program holds, an I/O error or a
database with a table missing is the user's environment, not our bug: `as_store_error`
turns the driver's English into a StoreError the CLI prints in one line and the GUI shows
in a box, and the app keeps running (the transaction was rolled back by Ctx.transaction).
"""

from __future__ import annotations

import sqlite3

import sqlcipher3

from app.errors import StoreError

DB_ERRORS: tuple[type[BaseException], ...] = (sqlcipher3.Error, sqlite3.Error)

_KNOWN = (
    ("disk is full", "Ổ đĩa đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng rồi làm lại; "
                     "chưa có gì bị ghi dở."),
    ("readonly", "Cơ sở dữ liệu nằm trên ổ chỉ đọc (hoặc tệp không có quyền ghi): không ghi được; "
                 "hãy chép sang ổ đĩa máy tính."),
    ("read-only", "Cơ sở dữ liệu nằm trên ổ chỉ đọc (hoặc tệp không có quyền ghi): không ghi được; "
                  "hãy chép sang ổ đĩa máy tính."),
    ("locked", "Cơ sở dữ liệu đang bị một chương trình khác giữ (có thể DLXH đang mở ở cửa sổ khác): "
               "hãy đóng chương trình đó rồi làm lại."),
    ("busy", "Cơ sở dữ liệu đang bận (một chương trình khác đang ghi): hãy làm lại sau ít phút."),
    ("i/o error", "Lỗi đọc/ghi ổ đĩa (ổ USB bị rút hoặc hỏng?): thao tác chưa thực hiện; hãy kiểm tra ổ đĩa."),
    ("no such table", "Cơ sở dữ liệu thiếu bảng dữ liệu (tệp bị hỏng hoặc bị sửa ngoài chương trình): "
                      "hãy khôi phục từ bản sao lưu gần nhất ('dlxh restore')."),
    ("no such column", "Cơ sở dữ liệu thiếu cột dữ liệu (tệp bị hỏng hoặc bị sửa ngoài chương trình): "
                       "hãy khôi phục từ bản sao lưu gần nhất ('dlxh restore')."),
    ("malformed", "Tệp cơ sở dữ liệu bị hỏng: hãy khôi phục từ bản sao lưu gần nhất ('dlxh restore')."),
    ("unable to open", "Không mở được tệp cơ sở dữ liệu (đường dẫn là thư mục, hoặc không có quyền)."),
)


def message(exc: BaseException) -> str:
    text = str(exc).lower()
    for needle, said in _KNOWN:
        if needle in text:
            return said
    return "Cơ sở dữ liệu báo lỗi, thao tác chưa thực hiện (không có gì bị ghi dở): " + str(exc)


def as_store_error(exc: BaseException) -> StoreError:
    return StoreError(message(exc))
