"""The `dlxh` command line (DESIGN.md §2). Every command calls the same app/ functions as the GUI.

Exit status: 0 success, 1 refused (one Vietnamese line on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import re
import sys

from app.cli_support import err
from app.errors import DlxhError

log = logging.getLogger("dlxh")


class VietnameseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse API
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """argparse with Vietnamese help, usage errors in one Vietnamese line and exit status 2."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:  # type: ignore[override]
        err(f"Lỗi cú pháp lệnh: {vietnamese_usage_error(message)}. Xem 'dlxh --help'.")
        raise SystemExit(2)


# argparse's own messages, in the words a Vietnamese user reads.
_USAGE_ERRORS = [
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)"),
     r"đối số \1: giá trị \2 không hợp lệ (chọn một trong: \3)"),
    (re.compile(r"the following arguments are required: (.+)"), r"thiếu đối số bắt buộc: \1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"đối số không nhận ra: \1"),
    (re.compile(r"argument (.+?): expected one argument"), r"đối số \1 cần một giá trị"),
    (re.compile(r"argument (.+?): invalid (\w+) value: (.+)"), r"đối số \1: \3 không đúng kiểu (\2)"),
    (re.compile(r"argument (.+?): not allowed with argument (.+)"), r"đối số \1 không dùng cùng \2"),
]


def vietnamese_usage_error(message: str) -> str:
    for pattern, replacement in _USAGE_ERRORS:
        if pattern.search(message):
            return pattern.sub(replacement, message)
    return message


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
