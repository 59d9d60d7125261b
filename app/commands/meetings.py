"""CLI: `dlxh meetings plan|list|delete`, plus the minutes commands of app/meetings."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli_support import add_delete_command, open_from_args, out
from app.meetings import minutes_cli
from app.text import vn_date

ORDER = 62   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    mp = sub.add_parser("meetings", help="hội nghị giao ban: lập lịch, danh sách, biên bản")
    msub = mp.add_subparsers(dest="meetings_command", metavar="LỆNH", required=True)
    p = msub.add_parser("plan", help="lập lịch giao ban định kỳ theo quy định đã đặt")
    p.add_argument("--months", type=int, default=12, help="số tháng tới (mặc định 12)")
    p.set_defaults(func=cmd_plan)
    p = msub.add_parser("list", help="danh sách hội nghị")
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_meetings)
    minutes_cli.add_meeting_commands(msub)
    add_delete_command(msub, "meetings")


def cmd_plan(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from app.meetings import planning, schedule

    with open_from_args(args) as ctx:
        today = date.today()
        made = planning.plan_regular(ctx, today, today + timedelta(days=round(args.months * 30.44)))
        out(f"Lịch: {schedule.get_rule(ctx).describe()}.")
        for m in made:
            out(f"Đã lập hội nghị ngày {vn_date(date.fromisoformat(m.held_on))}.")
        out(f"Đã lập {len(made)} hội nghị.")
    return 0


def cmd_meetings(args: argparse.Namespace) -> int:
    from app.meetings import core, planning

    with open_from_args(args) as ctx:
        counts = planning.item_counts(ctx)
        for m in core.list_meetings(ctx, args.year):
            s = planning.summary(ctx, m.id)
            out(f"{vn_date(date.fromisoformat(m.held_on))} | {core.KINDS[m.kind]} | có mặt {s.present} | "
                f"{counts.get(m.id, 0)} ý kiến | {m.place or ''} | {m.id}")
    return 0
