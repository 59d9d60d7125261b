"""The `dlxh` command line (DESIGN.md §2). Every command calls the same app/ functions as the GUI.

Exit status: 0 success, 1 refused (one Vietnamese line on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys

from app.cli_support import err
from app.errors import DlxhError

log = logging.getLogger("dlxh")


class VietnameseParser(argparse.ArgumentParser):
    """argparse with usage errors in one Vietnamese line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        err(f"Lỗi cú pháp lệnh: {message}. Xem 'dlxh --help'.")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    import app.commands as commands

    parser = VietnameseParser(prog="dlxh", description="DLXH: quản lý thông tin dư luận xã hội (Ban Tuyên giáo).")
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định DLXH_HOME/dlxh.db)")
    sub = parser.add_subparsers(dest="command", parser_class=VietnameseParser, metavar="LỆNH")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"app.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        from app.commands.core import cmd_gui

        return cmd_gui(args)
    try:
        return int(args.func(args) or 0)
    except DlxhError as exc:
        err(exc.message)
        return 1
    except KeyboardInterrupt:
        err("Đã dừng theo yêu cầu.")
        return 1
    except BrokenPipeError:
        # `dlxh ... | head` closed the pipe: not an error; silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
