"""CLI: `dlxh opinions add|list|export|overdue|forward|resolve|answer|delete`, plus the
similar-items and electronic-inbox commands their capabilities add."""

from __future__ import annotations

import argparse
from datetime import date

from app import catalog, kinds
from app.analytics import cli as analytics_cli
from app.cli_support import add_delete_command, day_or_today, open_from_args, out
from app.context import Ctx
from app.errors import ValidationError
from app.forms import inbox_cli
from app.opinions import handling, items, lookup, privacy, topics
from app.text import vn_date

ORDER = 60   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    op = sub.add_parser("opinions", help="thông tin dư luận: thêm, liệt kê, quá hạn, xuất Excel")
    osub = op.add_subparsers(dest="opinions_command", metavar="LỆNH", required=True)

    p = osub.add_parser("add", help="thêm một thông tin dư luận")
    p.add_argument("--summary", required=True, help=kinds.help_text(items.LABELS["summary"], " (không nêu tên người dân)"))
    p.add_argument("--field", required=True, help=kinds.help_text(items.LABELS["field"], ": mã hoặc tên, ví dụ 'kinh tế'"))
    p.add_argument("--tendency", required=True, help=kinds.help_text(items.LABELS["tendency"], ", ví dụ 'lo lắng' hoặc 'bức xúc'"))
    p.add_argument("--date", default=None, help=kinds.help_text(items.LABELS["received_on"], " (dd/mm/yyyy; mặc định hôm nay)"))
    p.add_argument("--area", help=kinds.help_text(items.LABELS["area_code"], " (thôn, ấp, xã, phường): mã hoặc tên"))
    p.add_argument("--channel", default="direct", help=kinds.help_text(items.LABELS["channel"], " (mặc định trực tiếp)"))
    p.add_argument("--scale", default="low", help=kinds.help_text(items.LABELS["scale"], ": ít / nhiều / rất nhiều"))
    p.add_argument("--risk", default="none", help=kinds.help_text(items.LABELS["hotspot_risk"], ": không / thấp / cao"))
    p.add_argument("--topic", help=kinds.help_text(items.LABELS["topic_id"], ": tên (hoặc một phần tên) hoặc mã"))
    p.add_argument("--proposal", help=kinds.help_text(items.LABELS["proposal"]))
    p.add_argument("--meeting", help="mã hội nghị giao ban")
    p.add_argument("--merge-into", metavar="MÃ", help="gộp nội dung vào một ý kiến đã có (bản nhập trùng) thay vì "
                                                      "thêm ý kiến mới")
    p.add_argument("--separate", action="store_true", help="vẫn lưu riêng khi có thể trùng một ý kiến cùng hội nghị")
    p.set_defaults(func=cmd_add)

    p = osub.add_parser("list", help="liệt kê thông tin dư luận theo bộ lọc")
    _filter_args(p)
    p.add_argument("--limit", type=int, default=200, help="số dòng tối đa (mặc định 200)")
    p.set_defaults(func=cmd_list)

    p = osub.add_parser("export", help="xuất danh sách đã lọc ra tệp Excel")
    p.add_argument("file", metavar="FILE.xlsx")
    _filter_args(p)
    p.set_defaults(func=cmd_export)

    p = osub.add_parser("overdue", help="thông tin, vấn đề đã quá hạn xử lý")
    p.set_defaults(func=cmd_overdue)

    p = osub.add_parser("forward", help="chuyển một thông tin (hoặc vấn đề, với --topic) cho cơ quan xử lý")
    p.add_argument("id")
    p.add_argument("--agency", required=True, help="cơ quan: mã hoặc tên (không dấu cũng được)")
    p.add_argument("--due", required=True, help="hạn xử lý (dd/mm/yyyy)")
    p.add_argument("--on", help="ngày chuyển (mặc định hôm nay)")
    p.add_argument("--topic", action="store_true", help="ID là mã vấn đề, không phải mã thông tin")
    p.set_defaults(func=cmd_forward)
    p = osub.add_parser("resolve", help="ghi kết quả giải quyết")
    p.add_argument("id")
    p.add_argument("--result", required=True)
    p.add_argument("--on", help="ngày giải quyết (mặc định hôm nay)")
    p.add_argument("--topic", action="store_true")
    p.set_defaults(func=cmd_resolve)
    p = osub.add_parser("answer", help="ghi ngày phản hồi cho người phản ánh")
    p.add_argument("id")
    p.add_argument("--on", help="ngày phản hồi (mặc định hôm nay)")
    p.add_argument("--topic", action="store_true")
    p.set_defaults(func=cmd_answer)
    add_delete_command(osub, "opinions")
    analytics_cli.add_opinion_commands(osub)
    inbox_cli.add_opinion_commands(osub)


def _filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--month", help="tháng YYYY-MM")
    p.add_argument("--from", dest="date_from", help="từ ngày (dd/mm/yyyy)")
    p.add_argument("--to", dest="date_to", help="đến ngày (dd/mm/yyyy)")
    p.add_argument("--field", help="lĩnh vực")
    p.add_argument("--tendency", help="xu hướng")
    p.add_argument("--area", help="địa bàn: mã hoặc tên")
    p.add_argument("--topic", help="vấn đề")
    p.add_argument("--handling", help="tình trạng xử lý")
    p.add_argument("--meeting", help="mã hội nghị")
    p.add_argument("--search", default="", help="tìm theo nội dung (không dấu cũng được)")


def _areas(ctx: Ctx) -> dict[str, str]:
    from app.office import communes

    return {u.code: u.name for u in communes(ctx)}


def _topic_options(ctx: Ctx) -> dict[str, str]:
    return {t.id: t.title for t in topics.list_topics(ctx) if t.id}


def build_filter(ctx: Ctx, args: argparse.Namespace) -> items.OpinionFilter:
    """Turn CLI options into a filter; names resolve accent-insensitively."""
    from app.months import parse_month
    from app.validate import iso_date

    if args.month:
        args.month = parse_month(args.month).strftime("%Y-%m")
    return items.OpinionFilter(
        text=args.search or "", month=args.month,
        date_from=iso_date(args.date_from, "Từ ngày"), date_to=iso_date(args.date_to, "Đến ngày"),
        field=lookup.resolve(catalog.FIELDS, args.field, "Lĩnh vực", required=False),
        tendency=lookup.resolve(catalog.TENDENCIES, args.tendency, "Xu hướng", required=False),
        area_code=lookup.resolve(_areas(ctx), args.area, "Địa bàn", required=False) if args.area else None,
        topic_id=lookup.resolve(_topic_options(ctx), args.topic, "Vấn đề", required=False) if args.topic else None,
        handling=lookup.resolve(catalog.HANDLING, args.handling, "Tình trạng xử lý", required=False),
        meeting_id=args.meeting or None,
    )


def cmd_add(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        item = items.Opinion(
            received_on=day_or_today(args.date).isoformat(), summary=args.summary,
            field=lookup.resolve(catalog.FIELDS, args.field, "Lĩnh vực", "field"),
            tendency=lookup.resolve(catalog.TENDENCIES, args.tendency, "Xu hướng", "tendency"),
            area_code=lookup.resolve(_areas(ctx), args.area, "Địa bàn", "area_code", required=False),
            channel=lookup.resolve(catalog.CHANNELS, args.channel, "Kênh tiếp nhận", "channel"),
            scale=lookup.resolve(catalog.SCALES, args.scale, "Mức độ quan tâm", "scale"),
            hotspot_risk=lookup.resolve(catalog.HOTSPOT_RISKS, args.risk, "Nguy cơ điểm nóng", "hotspot_risk"),
            topic_id=lookup.resolve(_topic_options(ctx), args.topic, "Vấn đề", "topic_id", required=False),
            proposal=args.proposal, meeting_id=args.meeting or None,
        )
        from app.analytics import similar  # numpy only when adding, not at every CLI start

        if args.merge_into:
            merged = similar.merge_into(ctx, args.merge_into, args.summary, args.proposal)
            out(f"Đã gộp vào thông tin dư luận ngày {vn_date(date.fromisoformat(merged.received_on))}.")
            out(merged.id or "")
            return 0
        items.clean(item)
        twins = [] if args.separate else similar.duplicates(ctx, item.summary, None, item.meeting_id)
        if twins:
            twin = twins[0]
            raise ValidationError(
                f"Chưa lưu: có thể trùng ý kiến cùng hội nghị ngày {vn_date(date.fromisoformat(twin.received_on))} "
                f"(giống {round(100 * twin.score)}%). Thêm --merge-into {twin.id} để gộp vào ý kiến đã có, "
                f"hoặc --separate để vẫn lưu riêng.", field="summary")
        created = items.create(ctx, item)
        for hint in privacy.check(args.summary) + privacy.check(args.proposal):
            out(f"Lưu ý: {hint.message}")
        out(f"Đã thêm thông tin dư luận ngày {vn_date(date.fromisoformat(created.received_on))}.")
        out(created.id or "")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        flt = build_filter(ctx, args)
        total = items.count(ctx, flt)
        rows = items.list_opinions(ctx, flt, limit=args.limit)
        for r in rows:
            out(f"{vn_date(date.fromisoformat(r.received_on))} | {catalog.label(catalog.FIELDS, r.field)} | "
                f"{catalog.label(catalog.TENDENCIES, r.tendency)} | {r.area_name or '-'} | {r.summary}")
        shown = f" (hiện {len(rows)})" if len(rows) < total else ""
        out(f"Tổng số: {total} thông tin{shown}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.opinions.export import export_xlsx

    with open_from_args(args) as ctx:
        n = export_xlsx(ctx, build_filter(ctx, args), args.file)
        out(f"Đã xuất {n} thông tin ra {args.file}.")
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        rows = handling.overdue(ctx)
        for r in rows:
            out(f"{r.kind_label} | quá hạn {r.days_over} ngày | hạn {vn_date(date.fromisoformat(r.due_on))} | "
                f"{r.agency_name} | {r.text}")
        out(f"Quá hạn: {len(rows)}.")
    return 0


def _kind(args: argparse.Namespace) -> str:
    return "topic" if args.topic else "opinion"


def cmd_forward(args: argparse.Namespace) -> int:
    from app.office import agencies

    with open_from_args(args) as ctx:
        agency = lookup.resolve({a.code: a.name for a in agencies(ctx)}, args.agency, "Cơ quan nhận xử lý")
        handling.forward(ctx, _kind(args), args.id, agency or "", args.due, args.on)
        out("Đã chuyển xử lý.")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        handling.resolve(ctx, _kind(args), args.id, args.result, args.on)
        out("Đã ghi kết quả giải quyết.")
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        handling.answer(ctx, _kind(args), args.id, args.on)
        out("Đã ghi ngày phản hồi.")
    return 0
