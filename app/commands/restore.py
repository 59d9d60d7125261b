"""CLI: `dlxh restore FILE [--yes]`: shows what the backup holds, asks, then restores."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_support import db_path, out
from app.errors import DlxhError

ORDER = 91   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu")
    p.add_argument("file", metavar="FILE", help="tệp sao lưu")
    p.add_argument("--yes", action="store_true", help="không hỏi lại")
    p.set_defaults(func=cmd_restore)


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
