"""Errors of the store, told apart by SQLite's result code and the OS errno, said in Vietnamese.

db/ is the bottom layer, so the error every layer raises and shows lives here: `DlxhError` (a
refusal the user can act on, one Vietnamese sentence) and `StoreError` for the store; app.errors
re-exports both, so `except DlxhError` catches them anywhere.

A full disk, a read-only USB stick or network share, a folder without write permission, a
database another program holds, a wrong key and a damaged file are the user's environment, not
our bug, and each needs different advice. They are told apart by the code SQLite returns
(`sqlite_errorcode`, never its English text, which changes between versions) and, where SQLite
only says "unable to open" or "disk I/O error", by asking the operating system about the folder
(its errno and free space). `store_error(exc, path)` turns any of them into a StoreError
subclass whose message is what the CLI prints in one line and the GUI shows in a box.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import uuid
from pathlib import Path

import sqlcipher3

# Everything the driver raises (the stdlib sqlite3 too: sqlite-utils and tests use it).
DB_ERRORS: tuple[type[BaseException], ...] = (sqlcipher3.Error, sqlite3.Error)

# SQLite primary result codes (https://sqlite.org/rescode.html); stable across versions.
SQLITE_ERROR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 1, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
# Below this much free space SQLite cannot grow its journal or shared-memory file: "disk full".
LOW_SPACE_BYTES = 256 * 1024

RESTORE_ADVICE = "hãy khôi phục từ bản sao lưu gần nhất ('dlxh restore')."
NOTHING_HALF_WRITTEN = "chưa có gì bị ghi dở."


def readable(text: str) -> str:
    """`text` as the user can read it: a byte the OS could not decode (a file name that is not
    UTF-8 arrives as a lone surrogate, surrogateescape) is shown as U+FFFD, as the exchange folder
    import shows it, so the text prints, draws in Qt and stores as UTF-8 without raising."""
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte (from a JSON file, say)
        return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


class DlxhError(Exception):
    """A refusal the user can act on; `message` is one Vietnamese sentence, made readable once
    here (a file name's undecodable byte as U+FFFD) so no caller has to remember it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        message = readable(message)
        super().__init__(message)
        self.message = message
        self.field = field


class StoreError(DlxhError):
    """The database cannot be opened or used: wrong key, damaged file, newer schema …"""


class KeyUnavailableError(StoreError):
    """No key source works: no OS keyring and no passphrase given."""


class NoKeyring(KeyUnavailableError):
    """This machine has no OS keyring: the key must come from a passphrase (the CLI's message
    names the environment variable; the GUI asks in its own words)."""


class ReadOnlyStore(StoreError):
    """The file, its folder or the whole drive cannot be written."""


class DiskFull(StoreError):
    """The drive holding the database has no room left."""


class StoreLocked(StoreError):
    """Another program (or another DLXH window) holds the database."""


class WrongKey(StoreError):
    """The key or passphrase does not open the file (or the file is not a DLXH database)."""


class DamagedStore(StoreError):
    """The file's pages or schema are damaged: restore from a backup."""


class StorageIOError(StoreError):
    """The drive failed a read or write (a USB stick pulled out, a failing disk)."""


# The file itself is sound, the drive or another program is not: restoring a backup would not help.
NOT_THE_FILE: tuple[type[StoreError], ...] = (ReadOnlyStore, DiskFull, StoreLocked, StorageIOError, KeyUnavailableError)


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # extended codes carry the primary in the low byte


def folder_problem(path: Path) -> StoreError | None:
    """Why nothing can be written next to `path`, asked of the OS: a read-only drive, a folder
    without write permission (also for root: an immutable folder), or a full drive; None if
    the folder takes a new file."""
    folder = Path(path).parent
    with contextlib.suppress(OSError):
        st = os.statvfs(folder)
        if st.f_flag & os.ST_RDONLY:
            return read_only(path, errno.EROFS)
        if st.f_bavail * st.f_frsize < LOW_SPACE_BYTES:
            return disk_full(path)
    probe = folder / f".dlxh-probe-{uuid.uuid4().hex}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        return from_os_error(exc, path) if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC,
                                                          errno.EDQUOT) else None
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()
    with contextlib.suppress(OSError):  # the folder takes files: is the database file itself read-only?
        os.close(os.open(path, os.O_RDWR))
        return None
    if Path(path).exists():
        return read_only(path, errno.EACCES)
    return None


# Why the OS refused, in Vietnamese: an OSError's strerror is English ("No space left on
# device") and must never reach a message the user reads.
_ERRNO_VI = {
    errno.ENOENT: "không có tệp hoặc thư mục này", errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép", errno.EISDIR: "đây là thư mục, không phải tệp",
    errno.ENOTDIR: "một phần đường dẫn không phải thư mục", errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng được dùng", errno.EROFS: "ổ đĩa chỉ đọc",
    errno.EIO: "lỗi đọc/ghi ổ đĩa", errno.EEXIST: "đã có tệp hoặc thư mục cùng tên",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài", errno.EBUSY: "tệp hoặc ổ đĩa đang được dùng",
    errno.ETXTBSY: "tệp đang được dùng", errno.EMFILE: "đang mở quá nhiều tệp",
    errno.ENFILE: "hệ thống đang mở quá nhiều tệp", errno.EXDEV: "hai đường dẫn ở hai ổ đĩa khác nhau",
    errno.ENOTEMPTY: "thư mục không trống", errno.EINVAL: "tên hoặc đường dẫn không hợp lệ",
    errno.EFBIG: "tệp quá lớn", errno.ELOOP: "đường dẫn có liên kết vòng",
    errno.EADDRINUSE: "cổng đang được chương trình khác dùng",
    errno.EADDRNOTAVAIL: "máy này không có địa chỉ đó", errno.ENODEV: "không có thiết bị",
    errno.ENXIO: "không có thiết bị hoặc địa chỉ", errno.ETIMEDOUT: "quá thời gian chờ",
}


def os_reason(exc: OSError) -> str:
    """Why the OS refused, in Vietnamese; an errno not listed is named by its number."""
    return _ERRNO_VI.get(exc.errno or 0) or (f"lỗi hệ điều hành (mã {exc.errno})" if exc.errno else "lỗi hệ điều hành")


def read_only(path: Path | None, err: int) -> ReadOnlyStore:
    where = f" «{Path(path).parent}»" if path else ""
    if err == errno.EROFS:
        why = f"ổ đĩa{where} chỉ cho đọc (ổ USB hoặc thẻ nhớ gạt khóa ghi, ổ mạng hoặc đĩa CD chỉ đọc)"
    elif path:
        why = f"thư mục{where} hoặc tệp cơ sở dữ liệu chỉ cho đọc (không có quyền ghi)"
    else:
        why = "ổ đĩa, thư mục hoặc tệp cơ sở dữ liệu chỉ cho đọc (không có quyền ghi)"
    return ReadOnlyStore(f"Không ghi được cơ sở dữ liệu: {why}. Hãy chép tệp sang một thư mục trên ổ đĩa của máy "
                         f"(hoặc gạt khóa ghi của ổ USB) rồi mở lại; {NOTHING_HALF_WRITTEN}")


def disk_full(path: Path | None) -> DiskFull:
    where = f" chứa «{Path(path).parent}»" if path else ""
    return DiskFull(f"Ổ đĩa{where} đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng (xóa tệp không cần, "
                    f"dọn Thùng rác) rồi làm lại; {NOTHING_HALF_WRITTEN}")


def from_os_error(exc: OSError, path: Path | None = None) -> StoreError:
    """An OSError met while opening, creating or writing the store, by its errno."""
    if exc.errno == errno.EROFS:
        return read_only(path, errno.EROFS)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return read_only(path, errno.EACCES)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(path)
    if exc.errno == errno.EIO:
        return StorageIOError(_IO_MESSAGE)
    return StoreError(f"Không dùng được tệp cơ sở dữ liệu «{readable(str(path or exc.filename))}»: {os_reason(exc)}.")


_IO_MESSAGE = ("Lỗi đọc/ghi ổ đĩa (ổ USB bị rút ra hoặc ổ đĩa hỏng?): thao tác chưa thực hiện; hãy kiểm tra ổ đĩa, "
               "cắm lại rồi làm lại.")
_LOCKED_MESSAGE = ("Cơ sở dữ liệu đang bị một chương trình khác giữ (có thể DLXH đang mở ở cửa sổ khác, hoặc đang "
                   "sao lưu): hãy đóng chương trình đó hoặc đợi ít phút rồi làm lại.")
WRONG_KEY_MESSAGE = ("Không mở được cơ sở dữ liệu: sai khóa/mật khẩu, hoặc tệp không phải cơ sở dữ liệu DLXH "
                     "(hoặc trang đầu của tệp đã bị hỏng). Hãy kiểm tra mật khẩu hoặc dùng khóa khôi phục; "
                     "nếu vẫn không mở được, " + RESTORE_ADVICE)
DAMAGED_MESSAGE = "Tệp cơ sở dữ liệu bị hỏng, không đọc được: " + RESTORE_ADVICE


def store_error(exc: BaseException, path: Path | None = None) -> StoreError:
    """The StoreError for a driver error (or an OSError) met on the store at `path`."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        return from_os_error(exc, path)
    code = _code(exc)
    if code == SQLITE_FULL:
        return disk_full(path)
    if code == SQLITE_READONLY:
        return (folder_problem(path) if path else None) or read_only(path, errno.EACCES)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreLocked(_LOCKED_MESSAGE)
    if code == SQLITE_NOTADB:
        return WrongKey(WRONG_KEY_MESSAGE)
    if code == SQLITE_CORRUPT:
        return DamagedStore(DAMAGED_MESSAGE)
    if code in (SQLITE_CANTOPEN, SQLITE_IOERR):
        # SQLite cannot make its -wal/-shm files or grow them: the OS knows why.
        found = folder_problem(path) if path else None
        if found is not None:
            return found
        if code == SQLITE_IOERR:
            return StorageIOError(_IO_MESSAGE)
        return StoreError(f"Không mở được tệp cơ sở dữ liệu{f' «{path}»' if path else ''} (thư mục không còn, "
                          "hoặc không có quyền): hãy kiểm tra đường dẫn và ổ đĩa.")
    return StoreError("Cơ sở dữ liệu báo lỗi, thao tác chưa thực hiện (không có gì bị ghi dở): " + str(exc))


def message(exc: BaseException, path: Path | None = None) -> str:
    return store_error(exc, path).message
