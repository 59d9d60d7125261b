"""`dlxh meetings minutes ID --pdf --docx --out DIR` (DESIGN.md §2): a meeting's minutes
(biên bản) written as files, the same document the meetings page exports and prints."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli_support import open_from_args, out


def add_meeting_commands(msub: argparse._SubParsersAction) -> None:
    p = msub.add_parser("minutes", help="xuất biên bản hội nghị ra tệp DOCX và/hoặc PDF (in đường dẫn tệp)")
    p.add_argument("id", metavar="ID", help="mã hội nghị (xem 'meetings list')")
    p.add_argument("--pdf", action="store_true")
    p.add_argument("--docx", action="store_true")
    p.add_argument("--out", default=".", metavar="DIR")
    p.set_defaults(func=cmd_minutes)


def cmd_minutes(args: argparse.Namespace) -> int:
    from app.meetings import core
    from app.meetings.minutes_export import export_minutes

    kinds = [k for k in ("docx", "pdf") if getattr(args, k)] or ["docx", "pdf"]
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    with open_from_args(args) as ctx:
        m = core.get(ctx, args.id)
        stem = f"bien-ban-giao-ban-{'dot-xuat-' if m.kind == 'extraordinary' else ''}{m.held_on}"
        for kind in kinds:
            out(str(export_minutes(ctx, m.id, folder / f"{stem}.{kind}", kind)))
    return 0
