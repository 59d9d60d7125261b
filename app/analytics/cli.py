"""CLI of the analytics: `dlxh topics suggest|add|streams` and `dlxh opinions similar`.

Hooked into the `topics` and `opinions` sub-commands of app/commands/opinions.py (argparse
allows one parser per command name, so these attach to the existing ones)."""

from __future__ import annotations

import argparse
from datetime import date

from app import catalog
from app.cli_support import open_from_args, out, print_rows
from app.opinions import lookup
from app.text import vn_iso


def add_topic_commands(tsub: argparse._SubParsersAction) -> None:
    p = tsub.add_parser("suggest", help="gợi ý vấn đề cho một nội dung (xếp hạng, tốt nhất trước)")
    p.add_argument("text", metavar="NỘI_DUNG")
    p.add_argument("--limit", type=int, default=5)
    p.set_defaults(func=cmd_suggest)
    p = tsub.add_parser("add", help="tạo vấn đề mới")
    p.add_argument("title", metavar="TÊN")
    p.add_argument("--field", required=True, help="lĩnh vực: mã hoặc tên")
    p.add_argument("--status", default="watch", help="watch (theo dõi) hoặc hot (nổi cộm)")
    p.set_defaults(func=cmd_add_topic)
    p = tsub.add_parser("streams", help="luồng dư luận mới chưa thuộc vấn đề nào trong một tháng")
    p.add_argument("--month", required=True, help="tháng YYYY-MM")
    p.set_defaults(func=cmd_streams)


def add_opinion_commands(osub: argparse._SubParsersAction) -> None:
    p = osub.add_parser("similar", help="các thông tin dư luận tương tự một thông tin")
    p.add_argument("id")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=cmd_similar)


def cmd_suggest(args: argparse.Namespace) -> int:
    from app.analytics.suggest import suggest

    return print_rows(args, lambda ctx: suggest(ctx, args.text, args.limit),
                      lambda s: f"{s.score:.3f} | {s.title} | {s.field_label} | {s.reason} | {s.topic_id}",
                      "Không có vấn đề nào đủ gần để gợi ý.")


def cmd_add_topic(args: argparse.Namespace) -> int:
    from app.opinions import topics

    with open_from_args(args) as ctx:
        topic = topics.create(ctx, topics.Topic(
            title=args.title, field=lookup.resolve(catalog.FIELDS, args.field, "Lĩnh vực", "field") or "",
            status=lookup.resolve({"watch": "theo dõi", "hot": "nổi cộm"}, args.status, "Trạng thái", "status")
            or "watch", opened_on=date.today().isoformat()))
        out(f"Đã tạo vấn đề «{topic.title}».")
        out(topic.id or "")
    return 0


def cmd_streams(args: argparse.Namespace) -> int:
    from app.analytics.streams import streams

    with open_from_args(args) as ctx:
        found = streams(ctx, args.month)
        for s in found:
            flag = "CẢNH BÁO" if s.warning else "theo dõi"
            out(f"{flag} | {s.size} ý kiến | từ khóa: {', '.join(s.keywords)} | địa bàn: {', '.join(s.areas) or '-'}"
                + (f" | {'; '.join(s.reasons)}" if s.reasons else "") + f" | {s.key}")
            for sample in s.samples:
                out(f"    – {sample}")
        out(f"Có {len(found)} luồng dư luận mới, {sum(s.warning for s in found)} cần cảnh báo."
            if found else "Không có luồng dư luận mới.")
    return 0


def cmd_similar(args: argparse.Namespace) -> int:
    from app.analytics.similar import similar

    return print_rows(args, lambda ctx: similar(ctx, args.id, args.limit),
                      lambda s: f"{s.score:.3f} | {vn_iso(s.received_on)} | {s.area_name or '-'} | "
                                f"{s.topic_title or '-'} | {s.summary} | {s.id}",
                      "Không có thông tin nào tương tự.")
