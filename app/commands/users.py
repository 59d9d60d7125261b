"""CLI: `dlxh users add|list|disable|enable|passwd` (the password from DLXH_USER_PASSWORD or typed)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app.cli_support import open_from_args, out, print_rows
from app.errors import DlxhError

PASSWORD_ENV = "DLXH_USER_PASSWORD"

ORDER = 92   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
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

    return print_rows(args, users.list_users,
                      lambda a: f"{a.name}\t{a.role}\t{a.role_label}\t{_state(a.active)}\t{a.full_name}",
                      "Chưa có người dùng nào; lần mở giao diện đầu tiên sẽ tạo tài khoản quản trị.")


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
