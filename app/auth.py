"""Roles and what each may do. Checked in app/ (not only by hiding buttons in ui/)."""

from __future__ import annotations

from app.context import Ctx
from app.errors import PermissionDenied

# staff: enter and draft; head: also approve and sign; admin: users, keys, settings, backup.
# Reading the audit log (who did what) is for the head of the office and the administrator.
PERMISSIONS: dict[str, set[str]] = {
    "staff": {"enter", "draft", "export", "import"},
    "head": {"enter", "draft", "export", "import", "approve", "sign", "audit"},
    "admin": {"enter", "draft", "export", "import", "users", "keys", "settings", "backup", "audit"},
}

ACTION_LABELS = {
    "enter": "nhập liệu",
    "draft": "soạn báo cáo",
    "export": "xuất dữ liệu",
    "import": "nhập dữ liệu",
    "approve": "phê duyệt báo cáo",
    "sign": "ký số báo cáo",
    "users": "quản lý người dùng",
    "keys": "quản lý khóa",
    "settings": "thay đổi cài đặt",
    "backup": "sao lưu, khôi phục",
    "audit": "xem nhật ký hoạt động",
}


def can(ctx: Ctx, action: str) -> bool:
    if ctx.user.name == "system":  # the CLI run by the machine's owner, and tests
        return True
    return action in PERMISSIONS.get(ctx.user.role, set())


def require(ctx: Ctx, action: str) -> None:
    if not can(ctx, action):
        raise PermissionDenied(
            f"Tài khoản của bạn không có quyền {ACTION_LABELS.get(action, action)}."
        )
