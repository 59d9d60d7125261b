"""The read-only audit viewer's data: filters and the choices offered in them.

Reading the log is itself a permission ('audit': head and administrator), checked here
so that the viewer page and any other caller get the same answer.
"""

from __future__ import annotations

from app import audit, auth
from app.audit import AuditEntry
from app.context import Ctx

# How actions read in the viewer; unknown actions are shown as they are stored.
ACTION_LABELS = {
    "create": "Tạo mới", "update": "Sửa", "delete": "Xóa", "upsert": "Cập nhật", "status": "Đổi trạng thái",
    "login": "Đăng nhập", "login_failed": "Đăng nhập thất bại", "logout": "Đăng xuất", "lock": "Khóa màn hình",
    "backup": "Sao lưu", "restore": "Khôi phục", "export": "Xuất dữ liệu", "import": "Nhập dữ liệu",
    "settings": "Cài đặt", "init": "Khởi tạo", "password": "Đổi mật khẩu", "disable": "Vô hiệu hóa",
    "enable": "Kích hoạt", "role": "Đổi vai trò", "approve": "Phê duyệt", "sign": "Ký số", "print": "In",
}

TABLE_LABELS = {
    "collaborators": "Cộng tác viên", "meetings": "Hội nghị giao ban", "meeting_attendance": "Điểm danh",
    "topics": "Vấn đề nổi cộm", "opinions": "Thông tin dư luận", "reports": "Báo cáo", "users": "Người dùng",
    "settings": "Cài đặt", "units": "Đơn vị", "office": "Văn phòng", "surveys": "Điều tra",
}


def entries(ctx: Ctx, *, table: str | None = None, user: str | None = None, action: str | None = None,
            limit: int = 2000) -> list[AuditEntry]:
    auth.require(ctx, "audit")
    return audit.entries(ctx, table=table or None, user=user or None, action=action or None, limit=limit)


def choices(ctx: Ctx) -> dict[str, list[str]]:
    """Distinct users, tables and actions present in the log, for the filter boxes."""
    auth.require(ctx, "audit")
    out = {}
    for key, column in (("users", "user"), ("tables", "table_name"), ("actions", "action")):
        rows = ctx.db.execute(f"SELECT DISTINCT {column} FROM audit_log WHERE {column} IS NOT NULL ORDER BY 1")
        out[key] = [r[0] for r in rows]
    return out


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)

REASON_LABELS = {"wrong_password": "sai mật khẩu", "unknown_user": "không có tài khoản này",
                 "disabled": "tài khoản đã bị vô hiệu hóa", "locked": "tài khoản đang tạm khóa",
                 "manual": "sao lưu thủ công", "exit": "tự động khi thoát", "daily": "tự động hằng ngày"}
# Detail keys written by the trust capability, shown in Vietnamese; other keys as stored.
KEY_LABELS = {"folder": "thư mục", "size": "dung lượng (byte)", "role": "vai trò", "full_name": "họ tên",
              "by": "người thực hiện", "reset": "đặt lại", "from": "từ tệp", "taken_at": "thời điểm sao lưu",
              "active": "đang dùng", "counts": "số bản ghi"}


def user_label(name: str) -> str:
    return "Hệ thống" if name == "system" else name


def table_label(table: str | None) -> str:
    return TABLE_LABELS.get(table or "", table or "")


def detail_text(entry: AuditEntry, width: int = 300) -> str:
    """The diff or note as one short line: `field: old → new` for updates."""
    detail = entry.detail
    if not detail:
        return ""
    if isinstance(detail, dict):
        parts = []
        for key, value in detail.items():
            if key == "reason" and value in REASON_LABELS:
                parts.append(f"lý do: {REASON_LABELS[value]}")
            elif isinstance(value, list) and len(value) == 2:
                parts.append(f"{KEY_LABELS.get(key, key)}: {value[0]} → {value[1]}")
            else:
                parts.append(f"{KEY_LABELS.get(key, key)}: {value}")
        text = "; ".join(parts)
    else:
        text = str(detail)
    return text if len(text) <= width else text[: width - 1] + "…"
