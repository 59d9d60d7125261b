"""The `dlxh` command line (DESIGN.md §2). Every command calls the same app/ functions as the GUI.

Exit status: 0 success, 1 refused (one Vietnamese line on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import re
import sys

from app import filekinds
from app.cli_support import err
from app.errors import DB_ERRORS, LOG_PATH, DlxhError, store_error

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
    from app import discovery

    parser = VietnameseParser(prog="dlxh", description="DLXH: quản lý thông tin dư luận xã hội (Ban Tuyên giáo).")
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định DLXH_HOME/dlxh.db)")
    sub = parser.add_subparsers(dest="command", parser_class=VietnameseParser, metavar="LỆNH")
    # One module per command (or per command with its settings, as backup); each declares its
    # ORDER, so `dlxh --help` lists them by what a clerk does, not by file name.
    for module in sorted(discovery.submodules("app.commands"), key=lambda m: getattr(m, "ORDER", 1000)):
        module.register(sub)
    return parser


def _library_warnings_to_the_log() -> None:
    """Libraries log warnings, some with a whole trace (pyhanko's certificate validator on an
    untrusted signer); with no handler Python prints them on stderr, which reads as a crash
    under our one-line message. Send them to the log file instead (the GUI sets its own)."""
    root = logging.getLogger()
    if root.handlers:
        return
    logging.raiseExceptions = False  # an unwritable log file must not print a trace either
    handler = logging.FileHandler(LOG_PATH, encoding="utf-8", delay=True)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _library_warnings_to_the_log()
    if not getattr(args, "func", None):
        from app.commands.gui import cmd_gui

        return cmd_gui(args)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's flush at exit
        return code
    except OSError as exc:
        if _pipe_closed(exc):
            return _quiet_after_closed_pipe()
        err(_os_message(exc))
        return 1
    except DlxhError as exc:
        err(exc.message)
        return 1
    except DB_ERRORS as exc:  # full disk, read-only medium, locked, I/O error: told by the SQLite code
        err(store_error(exc, _store_path(args)).message)
        return 1
    except (RecursionError, MemoryError) as exc:
        err(_os_message(exc))
        return 1
    except Exception as exc:  # noqa: BLE001 - our bug: a trace in the log, one line for the user
        return _unexpected(exc)
    except KeyboardInterrupt:
        err("Đã dừng theo yêu cầu.")
        return 1


# What a shell reports for a command killed by SIGPIPE (128 + 13), e.g. `yes | head`.
CLOSED_PIPE_EXIT = 141


def _pipe_closed(exc: OSError) -> bool:
    """The reader of our stdout went away (`dlxh … | head`): EPIPE on POSIX; on Windows a write
    to a closed pipe fails with EINVAL, told apart by stdout refusing a flush too. An EPIPE
    about a named file is a real error with its own message."""
    if exc.errno == errno.EPIPE and exc.filename is None:
        return True
    if exc.errno == errno.EINVAL and os.name == "nt":
        try:
            sys.stdout.flush()
        except OSError:
            return True
    return False


def _quiet_after_closed_pipe() -> int:
    """No message and no traceback, like any Unix tool whose reader left: the output still
    buffered goes to the null device so the interpreter's own flush at exit cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout without a file descriptor (captured in tests)
        pass
    return CLOSED_PIPE_EXIT


def _store_path(args: argparse.Namespace):
    """The --db file (or the default) a store error is about, for telling a read-only or full
    drive apart; None when even that cannot be named."""
    from app.cli_support import db_path

    try:
        return db_path(args)
    except DlxhError:
        return None


def _os_message(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        where = f" «{exc.filename}»" if getattr(exc, "filename", None) else ""
        said = filekinds.os_reason(exc)
        return f"Không đọc/ghi được tệp{where}: {said}; chưa có gì bị ghi dở."
    return "Dữ liệu vào quá lớn hoặc lồng nhau quá sâu: không xử lý."


def _unexpected(exc: BaseException) -> int:
    try:
        handler = logging.FileHandler(LOG_PATH, encoding="utf-8")
        log.addHandler(handler)
        log.error("unexpected error", exc_info=exc)
        handler.close()
        log.removeHandler(handler)
        where = f"chi tiết đã ghi vào {LOG_PATH}"
    except OSError:
        where = "không ghi được nhật ký"
    err(f"Lỗi chương trình ({type(exc).__name__}): thao tác chưa thực hiện; {where}.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
