"""What kind of thing a path names, checked before anything opens it, and reads with a cap.

Contract: a path the user gives (the database, a package, a workbook, a card, a receipt) is
either a regular file or absent. A FIFO would block `open()` forever, a device such as
/dev/zero reports size 0 and never ends, a directory cannot be read; and creating a database
must never replace a device node or anything else that is not ours. Each check raises one
Vietnamese `DlxhError` and touches nothing.

`read_capped` is the one way an input file's bytes are read: it opens without blocking
(O_NONBLOCK, so a FIFO returns at once), checks the opened descriptor is a regular file
(no race between the check and the open), and reads at most cap + 1 bytes whatever size the
file reports, so an endless or growing stream is refused at the cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from app.errors import DlxhError, ImportRefused
from db.errors import os_reason, readable

_KINDS = ((stat.S_ISDIR, "một thư mục"), (stat.S_ISFIFO, "một ống dẫn (FIFO)"),
          (stat.S_ISCHR, "một thiết bị"), (stat.S_ISBLK, "một thiết bị"), (stat.S_ISSOCK, "một socket"))


def kind_of(mode: int) -> str | None:
    """The Vietnamese name of what a non-regular file is; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((said for test, said in _KINDS if test(mode)), "không phải tệp thông thường")


def shown(path: Path | str) -> str:
    """A path as the user can read it, even with a file name byte that is not UTF-8
    (surrogateescape from the OS): such a byte is shown as U+FFFD, never raised on."""
    return readable(os.fspath(path))


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError as exc:
        raise DlxhError(f"Đường dẫn «{shown(path)}» đi qua một tệp như thể là thư mục: hãy chọn đường dẫn khác.") \
            from exc
    except OSError as exc:
        raise DlxhError(f"Không xem được «{shown(path)}»: {os_reason(exc)}.") from exc


def regular_or_absent(path: Path | str, what: str = "tệp") -> Path:
    """`path` (following a symlink) is a regular file or does not exist yet; else one line."""
    path = Path(path)
    info = _stat(path)
    if info is not None and (kind := kind_of(info.st_mode)):
        raise DlxhError(f"«{shown(path)}» là {kind}, không phải {what}: không dùng, không ghi gì.")
    return path


def existing_regular(path: Path | str, what: str = "tệp") -> Path:
    """An input: a regular file that exists."""
    path = regular_or_absent(path, what)
    if not path.exists():
        raise ImportRefused(f"Không tìm thấy tệp {shown(path)}.")
    return path


def read_capped(path: Path | str, cap: int, too_big: str, what: str = "tệp") -> bytes:
    """The whole file, refused with `too_big` (one Vietnamese line) past `cap` bytes.

    Never blocks on a FIFO and never reads more than cap + 1 bytes from anything."""
    data = _read(path, cap + 1, what)
    if len(data) > cap:
        raise ImportRefused(too_big)
    return data


def read_head(path: Path | str, size: int, what: str = "tệp") -> bytes:
    """The first `size` bytes (a format's magic number), with the same checks as read_capped."""
    return _read(path, size, what)


def _read(path: Path | str, limit: int, what: str) -> bytes:
    with open_regular(path, what) as fh:
        try:
            return fh.read(limit)
        except OSError as exc:
            raise ImportRefused(f"Không đọc được tệp {shown(Path(path).name)}: {os_reason(exc)}.") from exc


def open_regular(path: Path | str, what: str = "tệp") -> BinaryIO:
    """The file opened for binary reading, refused unless it is a regular file both before and
    after the open (never blocks on a FIFO); for readers that stream instead of reading whole."""
    path = existing_regular(path, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ImportRefused(f"Không đọc được tệp {shown(path.name)}: {os_reason(exc)}.") from exc
    fh = os.fdopen(fd, "rb")
    kind = kind_of(os.fstat(fd).st_mode)
    if kind:  # swapped between the stat and the open
        fh.close()
        raise ImportRefused(f"«{shown(path)}» là {kind}, không phải {what}: không đọc.")
    return fh
