"""Helpers shared by the CLI command modules in app/commands/."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from app.context import Ctx
from db.store import default_path

T = TypeVar("T")


def db_path(args: argparse.Namespace) -> Path:
    """The database file --db names (or the default); a folder, FIFO or device is refused in one
    line before anything opens it (app/filekinds)."""
    from app import filekinds
    from app.errors import StoreError

    path = Path(args.db) if getattr(args, "db", None) else default_path()
    if path.is_dir():
        raise StoreError(f"«{path}» là một thư mục, không phải tệp cơ sở dữ liệu: hãy ghi cả tên tệp, "
                         f"ví dụ --db {path / 'dlxh.db'}.")
    return filekinds.regular_or_absent(path, "tệp cơ sở dữ liệu")


def open_from_args(args: argparse.Namespace) -> Ctx:
    """Open the store named by --db (key from keyring or DLXH_PASSPHRASE); a damaged file's
    message names the latest backup and the restore command."""
    from app.backup import open_or_explain

    return open_or_explain(db_path(args))


def out(line: str = "") -> None:
    """One line on stdout; a file name that is not UTF-8 is shown with U+FFFD, never raised on."""
    print(_printable(line), flush=True)


def err(line: str) -> None:
    print(_printable(line), file=sys.stderr, flush=True)


def _printable(line: str) -> str:
    from app.filekinds import shown

    return shown(line)


def print_rows(args: argparse.Namespace, read: Callable[[Ctx], Sequence[T]],
               line: Callable[[T], str | Iterable[str]], none: str) -> int:
    """The list commands' one shape: the rows `read` finds in the store --db names, printed after
    it is closed, one line a row (or a row's line and the notes under it), or the one sentence
    `none` when there are none. Exit status 0: an empty list is an answer, not a refusal."""
    with open_from_args(args) as ctx:
        rows = read(ctx)
    if not rows:
        out(none)
    for row in rows:
        shown = line(row)
        for text in [shown] if isinstance(shown, str) else shown:
            out(text)
    return 0


def day_or_today(text: str | None) -> date:
    """A command's --date / --on option (dd/mm/yyyy), today when not given."""
    from app.validate import iso_date

    iso = iso_date(text, "Ngày", "date")
    return date.fromisoformat(iso) if iso else date.today()


def add_delete_command(cmds: argparse._SubParsersAction, table: str) -> None:
    """`dlxh <group> delete ID --yes`: remove a row entered by mistake (app/deletion.py rules).

    Without --yes nothing is deleted and one line says how to confirm (exit 1), so a script
    cannot delete by accident.
    """
    from app import deletion

    what = deletion.KINDS[table]
    p = cmds.add_parser("delete", help=f"xóa {what} nhập nhầm (cần --yes để xác nhận)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="xác nhận xóa")
    p.set_defaults(func=lambda args: _cmd_delete(args, table))


def _cmd_delete(args: argparse.Namespace, table: str) -> int:
    from app import deletion
    from app.errors import ValidationError

    what = deletion.KINDS[table]
    if not args.yes:
        raise ValidationError(f"Chưa xóa {what} {args.id}: thêm --yes để xác nhận xóa.")
    delete = {"opinions": deletion.delete_opinion, "reports": deletion.delete_draft_report,
              "meetings": deletion.delete_meeting, "collaborators": deletion.delete_collaborator}[table]
    with open_from_args(args) as ctx:
        gone = delete(ctx, args.id)
    out(f"Đã xóa {what}: {gone.label} ({args.id}).")
    return 0
