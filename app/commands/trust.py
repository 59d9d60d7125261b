"""Trust commands: backup, restore, users, audit, bench (DESIGN.md §2)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli_support import db_path, open_from_args, out
from app.errors import DlxhError

PASSWORD_ENV = "DLXH_USER_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (vẫn được mã hóa) vào một thư mục")
    p.add_argument("--to", metavar="DIR", help="thư mục sao lưu (mặc định: thư mục đã chọn trong cài đặt)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backup-settings", help="xem hoặc đặt thư mục sao lưu, số bản giữ lại, tự động, tự khóa")
    p.add_argument("--folder", metavar="DIR", help="thư mục sao lưu (ví dụ trên ổ đĩa thứ hai)")
    p.add_argument("--keep", type=int, metavar="N", help="số bản sao lưu mới nhất được giữ lại")
    p.add_argument("--auto", choices=["yes", "no"], help="tự sao lưu khi thoát và mỗi ngày")
    p.add_argument("--idle-lock", type=int, metavar="MIN", help="số phút không thao tác thì khóa màn hình (0: tắt)")
    p.set_defaults(func=cmd_backup_settings)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu")
    p.add_argument("file", metavar="FILE", help="tệp sao lưu")
    p.add_argument("--yes", action="store_true", help="không hỏi lại")
    p.set_defaults(func=cmd_restore)

    users = sub.add_parser("users", help="tài khoản người dùng").add_subparsers(dest="users_command", metavar="LỆNH")
    users.required = True
    p = users.add_parser("add", help="thêm người dùng (mật khẩu từ DLXH_USER_PASSWORD hoặc nhập)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=["staff", "head", "admin"])
    p.add_argument("--full-name", default="")
    p.set_defaults(func=cmd_users_add)
    p = users.add_parser("list", help="danh sách người dùng")
    p.set_defaults(func=cmd_users_list)
    for name, active, text in (("disable", False, "vô hiệu hóa"), ("enable", True, "kích hoạt lại")):
        p = users.add_parser(name, help=f"{text} một tài khoản")
        p.add_argument("name", metavar="NAME")
        p.set_defaults(func=cmd_users_active, active=active)
    p = users.add_parser("passwd", help="đặt lại mật khẩu (từ DLXH_USER_PASSWORD hoặc nhập)")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=cmd_users_passwd)

    p = sub.add_parser("audit", help="xem nhật ký hoạt động")
    p.add_argument("--table", metavar="T")
    p.add_argument("--user", metavar="U")
    p.add_argument("--action", metavar="A")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("bench", help="chạy bộ đo hiệu năng và in bảng kết quả")
    p.add_argument("only", nargs="*", metavar="NAME", help="chỉ chạy các phép đo này (ví dụ: search)")
    p.set_defaults(func=cmd_bench)


def cmd_backup(args: argparse.Namespace) -> int:
    from app.backup import make_backup

    with open_from_args(args) as ctx:
        path = make_backup(ctx, Path(args.to) if args.to else None)
    out(f"Đã sao lưu (đã mã hóa, đã kiểm tra toàn vẹn): {path}")
    out(str(path))
    return 0


def cmd_backup_settings(args: argparse.Namespace) -> int:
    from app import backup, settings, users

    with open_from_args(args) as ctx:
        if args.folder or args.keep is not None:
            backup.set_folder(ctx, args.folder or backup.folder_of(ctx), keep=args.keep)
        if args.auto:
            backup.set_auto(ctx, args.auto == "yes")
        if args.idle_lock is not None:
            users.set_idle_lock(ctx, args.idle_lock)
        newest = backup.list_backups(backup.folder_of(ctx))
        out(f"Thư mục sao lưu: {backup.folder_of(ctx)}")
        out(f"Số bản giữ lại: {backup.keep_of(ctx)}")
        out(f"Tự động sao lưu khi thoát và mỗi ngày: {'có' if settings.get(ctx, 'backup_auto') else 'không'}")
        out(f"Tự khóa sau (phút, 0 là không khóa): {settings.get(ctx, 'idle_lock_minutes')}")
        out(f"Bản sao lưu gần nhất: {newest[0].path if newest else '(chưa có)'}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.backup import preview, restore

    path = db_path(args)
    shown = preview(Path(args.file), db_path=path)
    for line in shown.lines():
        out(line)
    if not args.yes:
        if not sys.stdin.isatty():
            raise DlxhError("Cần xác nhận khôi phục: chạy lại với --yes.")
        answer = input(f"Thay thế cơ sở dữ liệu {path} bằng bản sao lưu này? Gõ 'có' để đồng ý: ").strip().lower()
        if answer not in ("có", "co", "c", "yes", "y"):
            out("Đã hủy; cơ sở dữ liệu không thay đổi.")
            return 1
    restore(Path(args.file), db_path=path)
    out(f"Đã khôi phục {path} từ {args.file}; tệp cũ được giữ lại bên cạnh (đuôi .before-restore-…).")
    return 0


def _password(prompt: str) -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise DlxhError(f"Cần mật khẩu: đặt biến môi trường {PASSWORD_ENV} hoặc chạy trong cửa sổ dòng lệnh.")
    first = getpass.getpass(prompt)
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise DlxhError("Hai lần nhập mật khẩu không khớp.")
    return first


def cmd_users_add(args: argparse.Namespace) -> int:
    from app import users

    with open_from_args(args) as ctx:
        users.clean_name(args.name)  # refuse a bad name before asking for a password
        account = users.add_user(ctx, args.name, args.role, _password("Mật khẩu của người dùng mới: "),
                                 args.full_name)
    out(f"Đã thêm người dùng {account.name} ({account.role_label}).")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from app import users

    with open_from_args(args) as ctx:
        accounts = users.list_users(ctx)
    if not accounts:
        out("Chưa có người dùng nào; lần mở giao diện đầu tiên sẽ tạo tài khoản quản trị.")
    for a in accounts:
        out(f"{a.name}\t{a.role}\t{a.role_label}\t{_state(a.active)}\t{a.full_name}")
    return 0


def _state(active: bool) -> str:
    return "đang dùng" if active else "đã vô hiệu hóa"


def cmd_users_active(args: argparse.Namespace) -> int:
    from app import users

    with open_from_args(args) as ctx:
        account = users.set_active(ctx, args.name, args.active)
    out(f"Tài khoản {account.name}: {_state(account.active)}.")
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    from app import users

    with open_from_args(args) as ctx:
        users.get(ctx, args.name)
        users.change_password(ctx, args.name, _password("Mật khẩu mới: "))
    out(f"Đã đặt lại mật khẩu cho {args.name}.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from app import audit

    with open_from_args(args) as ctx:
        found = audit.entries(ctx, table=args.table, user=args.user, action=args.action, limit=args.limit)
    if not found:
        out("Không có mục nào trong nhật ký khớp điều kiện.")
    for e in found:
        detail = json.dumps(e.detail, ensure_ascii=False) if e.detail is not None else ""
        out(f"{e.ts}\t{e.user}\t{e.action}\t{e.table_name or ''}\t{e.row_id or ''}\t{detail}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    root = Path(__file__).resolve().parents[2]
    if not (root / "tests" / "bench" / "__main__.py").exists():
        raise DlxhError("Bộ đo hiệu năng chỉ có trong mã nguồn DLXH (thư mục tests/bench).")
    return subprocess.call([sys.executable, "-m", "tests.bench", *args.only], cwd=root)
