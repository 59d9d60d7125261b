"""Make and check backups: the SQLite backup API from the open SQLCipher connection into a
new file keyed with the same key (and salt), so the copy stays encrypted and opens with the
same passphrase or keyring entry as the office database.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import audit, auth, settings
from app.backup import files
from app.context import Ctx
from app.errors import DlxhError, KeyUnavailableError, StoreError, os_reason
from db import keys, store
from db.errors import DB_ERRORS, WrongKey
from db.migrate import latest_version
from db.store import PLAIN_SQLITE_MAGIC

COPY_STEP_PAGES = 256   # pages copied between two progress reports (1 MiB at SQLCipher's 4 KiB pages)

# What a preview counts (label shown to the user, table).
COUNTED = [
    ("Cộng tác viên", "collaborators"),
    ("Hội nghị giao ban", "meetings"),
    ("Vấn đề nổi cộm", "topics"),
    ("Thông tin dư luận", "opinions"),
    ("Báo cáo", "reports"),
    ("Người dùng", "users"),
    ("Nhật ký hoạt động", "audit_log"),
]


@dataclass(frozen=True)
class Preview:
    """What a restore would bring back, shown before the user confirms."""

    path: Path
    taken_at: datetime
    size: int
    office: str
    schema: int
    counts: dict[str, int]

    def lines(self) -> list[str]:
        out = [f"Bản sao lưu: {self.path}",
               f"Thời điểm sao lưu: {self.taken_at.strftime('%H:%M:%S ngày %d/%m/%Y')}",
               f"Đơn vị: {self.office or '(chưa khởi tạo)'}",
               f"Dung lượng: {self.size / 1024 / 1024:.1f} MB"]
        out += [f"{label}: {n}" for label, n in self.counts.items()]
        return out


def current_key(ctx: Ctx) -> keys.DbKey:
    """The key of the open store (the Ctx may carry it; else keyring or DLXH_PASSPHRASE)."""
    key = getattr(ctx, "key", None)
    return key if isinstance(key, keys.DbKey) else keys.existing_key(ctx.path)


def key_for_file(db_path: Path, backup: Path, passphrase: str | None = None) -> keys.DbKey:
    """The office's key with the salt of `backup`: works even when the office DB is damaged."""
    salt = keys.read_salt(backup)
    passphrase = passphrase or keys.passphrase_from_env()
    if passphrase:
        return keys.DbKey(keys.derive_key(passphrase, salt), salt, "passphrase")
    try:
        stored = keys.ring().get_password(keys.SERVICE, str(Path(db_path).resolve()))
    except keys.ring_errors() as exc:
        raise KeyUnavailableError("Máy này không có kho khóa: hãy đặt mật khẩu cơ sở dữ liệu "
                                  f"(biến môi trường {keys.PASSPHRASE_ENV}).") from exc
    if not stored:
        raise KeyUnavailableError("Không tìm thấy khóa của cơ sở dữ liệu trong kho khóa; hãy dùng mật khẩu.")
    return keys.DbKey(bytes.fromhex(stored), salt, "keyring")


def check_file(path: Path, key: keys.DbKey) -> Preview:
    """Open a backup read-only with `key`, run integrity_check, and count what it holds.

    Raises StoreError with a Vietnamese message if the file is plain, damaged, or for another key.
    """
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp sao lưu {path}.") from exc
    if head == PLAIN_SQLITE_MAGIC:
        raise StoreError("Tệp sao lưu không được mã hóa; DLXH không dùng tệp này.")
    if len(head) < 16:
        raise StoreError(f"Tệp sao lưu {path.name} bị cắt cụt hoặc rỗng.")
    try:
        conn = store.connect(path, key, read_only=True)
    except WrongKey as exc:
        raise StoreError(f"Tệp {path.name} không mở được bằng khóa của cơ sở dữ liệu này "
                         "(sai khóa, không phải bản sao lưu DLXH, hoặc tệp đã hỏng).") from exc
    except StoreError as exc:
        raise StoreError(f"Không mở được tệp sao lưu {path.name}: {exc.message}") from exc
    try:
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = {label: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
                      for label, t in COUNTED if t in tables}
            office = ""
            if {"office", "units"} <= tables:
                row = conn.execute("SELECT u.name FROM office o JOIN units u ON u.code = o.unit_code").fetchone()
                office = row[0] if row else ""
        except DB_ERRORS as exc:
            raise StoreError(f"Tệp sao lưu {path.name} bị hỏng, không đọc được.") from exc
    finally:
        conn.close()
    if [r[0] for r in result] != ["ok"]:
        raise StoreError(f"Tệp sao lưu {path.name} bị hỏng (kiểm tra toàn vẹn không đạt).")
    if schema < 1 or "office" not in tables:
        raise StoreError(f"Tệp {path.name} không phải bản sao lưu của DLXH.")
    if schema > latest_version():
        raise StoreError(f"Bản sao lưu {path.name} do phiên bản DLXH mới hơn tạo ra; hãy cập nhật phần mềm.")
    parsed = files.parse(path)
    taken = parsed.taken_at if parsed else datetime.fromtimestamp(path.stat().st_mtime)
    return Preview(path, taken, size, office, schema, counts)


def folder_of(ctx: Ctx) -> Path:
    chosen = settings.get(ctx, "backup_dir")
    return Path(chosen) if chosen else files.default_folder(ctx.path)


def keep_of(ctx: Ctx) -> int:
    value = settings.get(ctx, "backup_keep")
    return int(value) if value else files.DEFAULT_KEEP


def make_backup(ctx: Ctx, folder: Path | None = None, *, reason: str = "manual",
                progress: Callable[[int, int], None] | None = None) -> Path:
    """Write a dated, encrypted, verified backup; keep the newest N in that folder.

    Manual backups need the 'backup' permission; automatic ones (on exit, daily) run for
    whoever is signed in, since losing data is worse than anyone's role. With `progress`, the
    copy goes COPY_STEP_PAGES pages at a time and reports (pages copied, pages in all) after
    each step; an exception it raises (the user's Cancelled) stops the copy, the part file is
    removed and nothing is recorded.
    """
    if reason == "manual":
        auth.require(ctx, "backup")
    folder = Path(folder) if folder else folder_of(ctx)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DlxhError(f"Không tạo được thư mục sao lưu {folder} (ổ đĩa không sẵn sàng hoặc không có quyền ghi).") from exc
    key = current_key(ctx)
    final = files.new_name(folder)
    part = final.with_name(final.name + files.PART)
    try:
        target = store.connect(part, key)
        try:
            with ctx.lock:
                if progress is None:
                    ctx.db.conn.backup(target)
                else:
                    ctx.db.conn.backup(target, pages=COPY_STEP_PAGES,
                                       progress=lambda _status, left, total: progress(total - left, total))
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            target.close()
        files.fsync_file(part)
        check_file(part, key)
        os.replace(part, final)
        files.fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise DlxhError(f"Không ghi được bản sao lưu vào {folder}: {os_reason(exc)}.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise
    files.prune(folder, keep_of(ctx))
    files.remember_folder(ctx.path, folder)
    with ctx.transaction():
        audit.record(ctx, "backup", None, final.name, {"reason": reason, "folder": str(folder),
                                                      "size": final.stat().st_size})
    return final


def auto_backup(ctx: Ctx, reason: str) -> Path | None:
    """On exit: always. Daily: only if the newest backup is older than a day."""
    if not settings.get(ctx, "backup_auto"):
        return None
    if reason == "daily":
        newest = files.list_backups(folder_of(ctx))
        if newest and datetime.now() - newest[0].taken_at < timedelta(days=1):
            return None
    return make_backup(ctx, reason=reason)
