"""Whether the automatic backups are working, for the overview card and the exit message.

A failed automatic backup used to reach only the log file, so an office believed it was
backed up (issue 25). Each failure is now an audit entry ('backup_failed', with the reason
and the Vietnamese message), and `status` compares the newest failure with the newest
backup: the overview shows the problem until a backup succeeds again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app import audit, settings
from app.context import Ctx
from app.errors import DlxhError

STALE_AFTER = timedelta(days=2)  # the daily backup missed twice: say so even without a failure
WHAT_TO_DO = ("Cách khắc phục: kiểm tra ổ đĩa hoặc thư mục sao lưu (Tệp › Sao lưu và khôi phục…, người quản trị "
              "hệ thống) rồi bấm Sao lưu ngay; dữ liệu hiện tại vẫn nằm an toàn trong tệp cơ sở dữ liệu.")


@dataclass(frozen=True)
class BackupHealth:
    auto: bool                  # automatic backups switched on
    last_ok: datetime | None    # local time of the newest backup
    failed_at: datetime | None  # local time of the newest failure, when newer than the newest backup
    failure: str = ""           # its message

    @property
    def failing(self) -> bool:
        return self.failed_at is not None

    def stale(self, now: datetime | None = None) -> bool:
        """Backed up before, but not for two days (a new office has its first on exit)."""
        now = now or datetime.now()
        return self.auto and self.last_ok is not None and now - self.last_ok > STALE_AFTER


def record_failure(ctx: Ctx, reason: str, error: BaseException) -> str:
    """Note a failed automatic backup; returns the sentence to show the user."""
    message = error.message if isinstance(error, DlxhError) else "lỗi không lường trước (xem tệp nhật ký)."
    with ctx.transaction():
        audit.record(ctx, "backup_failed", None, None, {"reason": reason, "message": message})
    return message


def _local(ts: str) -> datetime:
    return datetime.fromisoformat(ts.replace("Z", "+00:00")).astimezone().replace(tzinfo=None)


def status(ctx: Ctx) -> BackupHealth:
    ok = audit.entries(ctx, action="backup", limit=1)
    bad = audit.entries(ctx, action="backup_failed", limit=1)
    last_ok = _local(ok[0].ts) if ok else None
    failed = bad[0] if bad and (not ok or bad[0].seq > ok[0].seq) else None
    return BackupHealth(bool(settings.get(ctx, "backup_auto")), last_ok,
                        _local(failed.ts) if failed else None,
                        (failed.detail or {}).get("message", "") if failed else "")
