"""Restore a backup over the office database, and explain a damaged database.

The restore never leaves a half-written database: the backup is copied next to the
database, verified there (opens with the key, integrity_check ok), and only then renamed
over it in one atomic step. The replaced file is kept beside it, just in case.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime
from pathlib import Path

from app import audit, auth, settings
from app.backup import files
from app.backup.core import Preview, check_file, current_key, key_for_file
from app.context import SYSTEM_USER, Ctx, User
from app.errors import NOT_THE_FILE, DlxhError, StoreError, os_reason
from app.office import open_ctx
from db import keys, store


def preview(backup: Path, *, ctx: Ctx | None = None, db_path: Path | None = None,
            passphrase: str | None = None) -> Preview:
    """Date and counts of a backup, checked with the office's key (nothing is changed)."""
    backup = Path(backup)
    if not backup.is_file():
        raise DlxhError(f"Không tìm thấy tệp sao lưu {backup}.")
    if ctx is not None:
        key = keys.DbKey(current_key(ctx).key, keys.read_salt(backup), "backup")
    else:
        key = key_for_file(Path(db_path or ""), backup, passphrase)
    return check_file(backup, key)


def restore(backup: Path, *, ctx: Ctx | None = None, db_path: Path | None = None,
            passphrase: str | None = None, user: User = SYSTEM_USER) -> Preview:
    """Replace the office database with a verified backup.

    With an open `ctx` (the GUI, an administrator), its connection is closed first and the same
    Ctx is reopened on the restored file; without one (the CLI, or a database too damaged to
    open) `db_path` names the file. Returns the preview of what was restored; the restore itself
    is written to the restored database's audit log.
    """
    if ctx is not None:
        auth.require(ctx, "backup")
        db_path, user = ctx.path, ctx.user
    if db_path is None:
        raise DlxhError("Chưa chọn cơ sở dữ liệu cần khôi phục.")
    db_path = Path(db_path)
    shown = preview(backup, ctx=ctx, db_path=db_path, passphrase=passphrase)
    key = keys.DbKey(current_key(ctx).key, keys.read_salt(backup), "backup") if ctx else \
        key_for_file(db_path, backup, passphrase)
    part = db_path.with_name(db_path.name + ".restore" + files.PART)
    try:
        shutil.copyfile(backup, part)
        files.fsync_file(part)
        check_file(part, key)  # the copy itself, not only the source, must be sound
    except (OSError, StoreError) as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        detail = exc.message if isinstance(exc, StoreError) else os_reason(exc)
        raise DlxhError(f"Không khôi phục được: {detail} Cơ sở dữ liệu hiện tại không bị thay đổi.") from exc
    old_key = current_key(ctx) if ctx is not None else None
    if ctx is not None:
        ctx.close()  # only now: everything that can fail on the copy has been checked
    try:
        _set_aside(db_path)
        os.replace(part, db_path)
        files.fsync_dir(db_path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        if ctx is not None:  # keep the session working on the file that is still there
            ctx.db = store.open_existing(db_path, key=old_key)
        raise DlxhError(f"Không khôi phục được: {os_reason(exc)}. Cơ sở dữ liệu hiện tại không bị thay đổi.") \
            from exc
    db = store.open_existing(db_path, key=key)
    if ctx is not None:  # the same Ctx object (held by every page) now works on the restored file
        ctx.db = db
    restored = ctx or Ctx(db=db, path=db_path, user=user)
    try:
        with restored.transaction():
            audit.record(restored, "restore", None, Path(backup).name,
                         {"from": str(backup), "taken_at": shown.taken_at.isoformat(), "counts": shown.counts})
    finally:
        if ctx is None:
            restored.close()
    return shown


def _set_aside(db_path: Path) -> None:
    """Keep the file being replaced (and its WAL) as <name>.before-restore-<time>.

    The old WAL must not stay next to the new file: SQLite would replay its frames into it.
    """
    if not db_path.exists():
        return
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    shutil.copyfile(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            if suffix == "-wal":
                shutil.copyfile(side, aside.with_name(aside.name + suffix))
            side.unlink()


def explain(db_path: Path, error: StoreError) -> StoreError:
    """The open error plus the newest backup and the command that restores it."""
    newest = files.latest(Path(db_path))
    if newest is None:
        where = ", ".join(str(f) for f in files.known_folders(Path(db_path)))
        return StoreError(f"{error.message} Không tìm thấy bản sao lưu nào (đã tìm trong: {where}).")
    return StoreError(
        f"{error.message} Bản sao lưu gần nhất: {newest.path} (lúc {newest.label}); "
        f"khôi phục bằng lệnh: dlxh --db \"{db_path}\" restore \"{newest.path}\".")


def open_or_explain(db_path: Path, passphrase: str | None = None, user: User = SYSTEM_USER) -> Ctx:
    """Open the office DB; if it is damaged or the key is wrong, say which backup to restore."""
    try:
        return open_ctx(Path(db_path), passphrase, user=user)
    except NOT_THE_FILE:
        raise  # a full or read-only drive, a lock: its own advice; a backup would not help
    except StoreError as exc:
        if Path(db_path).exists():
            raise explain(Path(db_path), exc) from exc
        raise


def set_folder(ctx: Ctx, folder: str | Path, keep: int | None = None) -> Path:
    """Choose the backup folder (e.g. on a second drive) and how many backups to keep."""
    auth.require(ctx, "backup")
    path = Path(folder).expanduser()
    if not str(folder).strip():
        raise DlxhError("Hãy chọn thư mục sao lưu.")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DlxhError(f"Không tạo được thư mục sao lưu {path}.") from exc
    with ctx.transaction():
        settings.put(ctx, "backup_dir", str(path.resolve()))
        if keep is not None:
            if not 1 <= int(keep) <= 365:
                raise DlxhError("Số bản sao lưu giữ lại phải từ 1 đến 365.")
            settings.put(ctx, "backup_keep", int(keep))
    files.remember_folder(ctx.path, path)
    return path


def set_auto(ctx: Ctx, on: bool) -> None:
    """Automatic backups on exit and daily: on by default; an administrator may turn them off."""
    auth.require(ctx, "backup")
    settings.put(ctx, "backup_auto", bool(on))
