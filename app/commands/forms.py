"""CLI: `dlxh forms make|import|serve|revoke` (electronic forms, DESIGN §7b)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_support import err, open_from_args, out

ORDER = 40   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    fp = sub.add_parser("forms", help="phiếu điện tử: làm phiếu, nhận phiếu (tệp, văn bản dán, mạng nội bộ)")
    fsub = fp.add_subparsers(dest="forms_command", metavar="LỆNH", required=True)

    p = fsub.add_parser("make", help="làm phiếu điện tử (một tệp HTML) cho một cuộc điều tra hoặc cho cộng tác viên")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--survey", metavar="ID", help="mã cuộc điều tra")
    which.add_argument("--collaborators", action="store_true", help="một phiếu báo cáo riêng cho mỗi cộng tác viên")
    p.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi phiếu")
    p.set_defaults(func=cmd_make)

    p = fsub.add_parser("import", help="nhập phiếu trả về: tệp, thư mục, hoặc - (dán văn bản)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_import)

    p = fsub.add_parser("serve", help="thu phiếu qua mạng nội bộ trong thời gian hội nghị")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--survey", metavar="ID", help="mã cuộc điều tra")
    which.add_argument("--collaborators", action="store_true", help="phiếu báo cáo của cộng tác viên")
    p.add_argument("--bind", metavar="ADDR", help="địa chỉ nghe (mặc định địa chỉ của máy trong mạng nội bộ)")
    p.add_argument("--port", type=int, default=8080, metavar="N", help="cổng (0: tự chọn cổng trống)")
    p.add_argument("--for", dest="seconds", type=float, default=3600, metavar="SECONDS",
                   help="dừng sau số giây này (mặc định 3600)")
    p.add_argument("--expected", type=int, default=0, metavar="N", help="số người dự, để so với số phiếu đã nhận")
    p.set_defaults(func=cmd_serve)

    p = fsub.add_parser("revoke", help="thu hồi mọi phiếu báo cáo đã phát cho một cộng tác viên")
    p.add_argument("collaborator", metavar="ID")
    p.set_defaults(func=cmd_revoke)


def cmd_make(args: argparse.Namespace) -> int:
    from app.forms import make

    with open_from_args(args) as ctx:
        if args.survey:
            path = make.survey_forms(ctx, args.survey, Path(args.out))
            out(f"Đã làm phiếu điện tử ({path.stat().st_size // 1024} KB): {path}")
        else:
            paths = make.collaborator_forms(ctx, Path(args.out))
            out(f"Đã làm {len(paths)} phiếu báo cáo cho cộng tác viên trong {args.out}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.forms import receive

    stdin = None
    if "-" in args.paths:  # pasted text: bytes when there is a real stdin, else its text as UTF-8
        source = getattr(sys.stdin, "buffer", None)
        stdin = source.read(receive.MAX_TEXT_INPUT + 1) if source else sys.stdin.read().encode("utf-8")
    arrivals, skipped = receive.arrivals_from(args.paths, stdin)
    with open_from_args(args) as ctx:
        outcomes = receive.receive_many(ctx, arrivals)
    for o in outcomes:
        (err if o.status == "refused" else out)(o.line())
    imported = sum(o.status == "imported" for o in outcomes)
    already = sum(o.status == "already" for o in outcomes)
    refused = sum(o.status == "refused" for o in outcomes)
    tail = f"; bỏ qua {skipped} tệp không phải phiếu" if skipped else ""
    out(f"Đã nhập {imported} phiếu, {already} phiếu đã có, từ chối {refused} phiếu{tail}.")
    return 1 if refused or not outcomes else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from app.forms import serve

    with open_from_args(args) as ctx:
        return serve.run_cli(ctx, survey_id=args.survey, bind=args.bind, port=args.port, seconds=args.seconds,
                             expected=args.expected)


def cmd_revoke(args: argparse.Namespace) -> int:
    from app.forms import tokens

    with open_from_args(args) as ctx:
        n = tokens.revoke(ctx, args.collaborator)
    out(f"Đã thu hồi {n} phiếu báo cáo của cộng tác viên {args.collaborator}.")
    return 0
