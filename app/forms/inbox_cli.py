"""CLI: `dlxh opinions inbox` and `dlxh opinions accept ID|--all` (the opinion inbox of
collaborators' electronic reports, app/forms/inbox.py)."""

from __future__ import annotations

import argparse

from app import catalog
from app.cli_support import err, open_from_args, out, print_rows
from app.errors import ValidationError


def add_opinion_commands(osub: argparse._SubParsersAction) -> None:
    p = osub.add_parser("inbox", help="ý kiến cộng tác viên gửi qua phiếu điện tử, chờ duyệt")
    p.set_defaults(func=cmd_inbox)
    p = osub.add_parser("accept", help="duyệt ý kiến chờ duyệt (đưa vào thông tin dư luận)")
    p.add_argument("ids", nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="duyệt mọi ý kiến đang chờ")
    p.add_argument("--despite-privacy", action="store_true",
                   help="vẫn duyệt ý kiến có dấu hiệu nêu danh tính (tên, số điện thoại)")
    p.add_argument("--topic", action="store_true", help="gán vấn đề được gợi ý (xem bằng 'opinions inbox')")
    p.set_defaults(func=cmd_accept)


def cmd_inbox(args: argparse.Namespace) -> int:
    from app.forms import inbox

    def lines(item: inbox.InboxItem) -> list[str]:
        topic = f" | gợi ý vấn đề: {item.topic_title}" if item.topic_title else ""
        return [f"{item.id}  {item.received_on}  {item.collaborator_name} | "
                f"{catalog.label(catalog.FIELDS, item.field)} | {catalog.label(catalog.TENDENCIES, item.tendency)} | "
                f"{item.summary}{topic}", *(f"    ! {hint}" for hint in item.hints)]

    return print_rows(args, inbox.waiting, lines, "Không có ý kiến nào chờ duyệt.")


def cmd_accept(args: argparse.Namespace) -> int:
    from app.forms import inbox

    if bool(args.ids) == bool(args.all):
        raise ValidationError("Ghi mã ý kiến cần duyệt, hoặc --all để duyệt mọi ý kiến đang chờ.")
    with open_from_args(args) as ctx:
        result = inbox.accept(ctx, None if args.all else args.ids, despite_privacy=args.despite_privacy,
                              with_topic=args.topic)
    for item, opinion_id in result.accepted:
        out(f"Đã duyệt {item.id} → thông tin dư luận {opinion_id}")
    for item in result.held:
        err(f"Chưa duyệt {item.id}: {' '.join(item.hints)} Sửa lại, hoặc duyệt với --despite-privacy.")
    out(f"Đã duyệt {len(result.accepted)} ý kiến; giữ lại {len(result.held)} ý kiến cần xem lại.")
    return 1 if result.held and not result.accepted else 0
