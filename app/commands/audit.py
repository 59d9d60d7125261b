"""CLI: `dlxh audit [--table T] [--user U] [--action A] [--limit N]`: the activity log, one entry a line."""

from __future__ import annotations

import argparse
import json

from app.cli_support import print_rows

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

    def line(e: audit.AuditEntry) -> str:
        detail = json.dumps(e.detail, ensure_ascii=False) if e.detail is not None else ""
        return f"{e.ts}\t{e.user}\t{e.action}\t{e.table_name or ''}\t{e.row_id or ''}\t{detail}"

    return print_rows(args, lambda ctx: audit.entries(ctx, table=args.table, user=args.user, action=args.action,
                                                      limit=args.limit),
                      line, "Không có mục nào trong nhật ký khớp điều kiện.")
