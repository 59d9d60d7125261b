"""CLI: `dlxh topics warnings|list`, plus the suggestion and new-stream commands of the analytics."""

from __future__ import annotations

import argparse

from app import catalog
from app.analytics import cli as analytics_cli
from app.cli_support import day_or_today, open_from_args, out
from app.opinions import topics, warnings

ORDER = 61   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    tp = sub.add_parser("topics", help="vấn đề dư luận quan tâm: danh sách, cảnh báo sớm")
    tsub = tp.add_subparsers(dest="topics_command", metavar="LỆNH", required=True)
    p = tsub.add_parser("warnings", help="cảnh báo sớm: vấn đề tăng đột biến, lan rộng, nguy cơ điểm nóng")
    p.add_argument("--date", help="tính đến ngày (mặc định hôm nay)")
    p.set_defaults(func=cmd_warnings)
    p = tsub.add_parser("list", help="danh sách vấn đề")
    p.set_defaults(func=cmd_topics)
    analytics_cli.add_topic_commands(tsub)


def cmd_warnings(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        flagged = warnings.topic_warnings(ctx, day_or_today(args.date))
        for w in flagged:
            out(f"{w.title} [{catalog.label(catalog.TOPIC_STATUSES, w.status)}]: {w.reason_text}.")
        out(f"Có {len(flagged)} vấn đề cần cảnh báo." if flagged else "Không có vấn đề nào cần cảnh báo.")
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        for t in topics.list_topics(ctx):
            out(f"{catalog.label(catalog.TOPIC_STATUSES, t.status)} | {catalog.label(catalog.FIELDS, t.field)} | "
                f"{t.title} | {t.id}")
    return 0
