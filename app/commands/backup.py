"""CLI: `dlxh backup` and `dlxh backup-settings` (the folder, copies kept, automatic backup, idle lock)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli_support import open_from_args, out

ORDER = 90   # where these commands come in `dlxh --help` (app/cli.py)


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
