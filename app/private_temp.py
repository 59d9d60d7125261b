"""A private temporary folder for the few files that must leave the encrypted store in the
clear: a DOCX opened in Word has to be a real file (issue 14 point 7).

The folder is this user's only (mode 0700, each file 0600), named after the process, and
removed when the app exits; a folder left by a crash or a power cut is removed on the next
start (its process is gone). Nothing else of DLXH writes plaintext to disk.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

PREFIX = "dlxh-rieng-"
_current: Path | None = None


def _base() -> Path:
    return Path(tempfile.gettempdir())


def folder() -> Path:
    """This run's private folder, created on first use (mkdtemp makes it 0700)."""
    global _current
    if _current is None or not _current.is_dir():
        _current = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=_base()))
        os.chmod(_current, 0o700)
    return _current


def write(name: str, data: bytes) -> Path:
    """Write `data` as `name` in the private folder, readable by this user only (0600)."""
    path = folder() / Path(name).name
    path.unlink(missing_ok=True)  # a previous copy of the same report, maybe still open read-only
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return path


def remove() -> None:
    """At exit: the decrypted copies go with the app (a file Word still holds on Windows stays
    until the next start)."""
    global _current
    if _current is not None:
        shutil.rmtree(_current, ignore_errors=True)
        _current = None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return False  # a folder in use cannot be removed there anyway; rmtree skips it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale() -> int:
    """At start: remove private folders of runs that ended without cleaning up."""
    removed = 0
    for path in _base().glob(f"{PREFIX}*"):
        pid_text = path.name[len(PREFIX):].split("-", 1)[0]
        if not pid_text.isdecimal() or _alive(int(pid_text)) or not path.is_dir():
            continue
        try:
            if path.stat().st_uid != os.getuid():
                continue
        except AttributeError:  # Windows: the temp folder is per user already
            pass
        shutil.rmtree(path, ignore_errors=True)
        removed += not path.exists()
    return removed
