"""Backup files on disk: naming, listing, pruning, and where the backup folder is.

No database access here, so a damaged store can still be told where its backups are.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

PREFIX = "dlxh-backup-"
SUFFIX = ".db"
PART = ".part"
_NAME = re.compile(r"^dlxh-backup-(\d{8}-\d{6})(?:-(\d+))?\.db$")
DEFAULT_KEEP = 10


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local time, from the file name
    size: int

    @property
    def label(self) -> str:
        return self.taken_at.strftime("%H:%M ngày %d/%m/%Y")


def default_folder(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / "backups"


def _pointer(db_path: Path) -> Path:
    """A small plain file next to the DB naming the backup folder: it must be readable when the
    encrypted DB is not (a damaged file still has to point at its backups)."""
    return Path(db_path).with_name(Path(db_path).name + ".backup-folder")


def remember_folder(db_path: Path, folder: Path) -> None:
    try:
        _pointer(db_path).write_text(str(Path(folder).resolve()), encoding="utf-8")
    except OSError:
        pass  # only a hint for the damaged-file message; the backup itself succeeded


def known_folders(db_path: Path) -> list[Path]:
    """The folder last used (from the pointer file) and the default one."""
    found: list[Path] = []
    try:
        text = _pointer(db_path).read_text(encoding="utf-8").strip()
        if text:
            found.append(Path(text))
    except OSError:
        pass
    default = default_folder(db_path)
    if default not in found:
        found.append(default)
    return found


def new_name(folder: Path, now: datetime | None = None) -> Path:
    """A dated name that sorts after every backup already there, even ones made (and maybe
    pruned) in the same second: a reused name would sort as the oldest and be pruned at once."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    taken = [_seq(p) for p in Path(folder).glob(f"{PREFIX}{stamp}*")] if Path(folder).is_dir() else []
    n = max(taken, default=0) + 1
    return folder / (f"{PREFIX}{stamp}{SUFFIX}" if n == 1 else f"{PREFIX}{stamp}-{n}{SUFFIX}")


def parse(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupFile(path, taken, size)


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in a folder, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [b for b in (parse(p) for p in folder.iterdir()) if b is not None]
    found.sort(key=lambda b: (b.taken_at, _seq(b.path)), reverse=True)
    return found


def _seq(path: Path) -> int:
    match = _NAME.match(path.name.removesuffix(PART))
    return int(match.group(2)) if match and match.group(2) else 1


def latest(db_path: Path) -> BackupFile | None:
    for folder in known_folders(db_path):
        backups = list_backups(folder)
        if backups:
            return backups[0]
    return None


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups, and leftovers of interrupted ones."""
    removed = []
    for old in list_backups(folder)[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    for part in Path(folder).glob(f"{PREFIX}*{PART}"):
        part.unlink(missing_ok=True)
        removed.append(part)
    return removed


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
