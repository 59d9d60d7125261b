"""CLI: `dlxh audit [--table T] [--user U] [--action A] [--limit N]`: the activity log, one entry a line."""

from __future__ import annotations

import argparse
import json

from app.cli_support import open_from_args, out

ORDER = 93   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="xem nhật ký hoạt động")
    p.add_argument("--table", metavar="T")
    p.add_argument("--user", metavar="U")
    p.add_argument("--action", metavar="A")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(func=cmd_audit)


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
