"""Core commands: init, demo, info, recover (DESIGN.md §2); `gui` is app/commands/gui.py."""

from __future__ import annotations

import argparse

from app.cli_support import db_path, open_from_args, out
from app.errors import DlxhError

ORDER = 20   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="tạo văn phòng mới (cơ sở dữ liệu trống, đã mã hóa)")
    p.add_argument("--kind", choices=["commune", "agency", "province"],
                   help="commune: đảng ủy xã, phường, đặc khu; agency: đảng ủy trực thuộc Tỉnh ủy; "
                        "province: Ban Tuyên giáo và Dân vận Tỉnh ủy")
    p.add_argument("--role", choices=["district", "province"], help="cách cũ (trước 7/2025): cần --name")
    p.add_argument("--unit", required=True, metavar="CODE", help="mã đơn vị trong danh mục 2025 (xã 29266, tỉnh 86)")
    p.add_argument("--name", help="tên đơn vị (đảng ủy trực thuộc, hoặc cách cũ --role)")
    p.add_argument("--parent", metavar="CODE", help="mã tỉnh, thành phố cấp trên")
    p.add_argument("--parent-name", help="tên đơn vị cấp trên")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="tạo văn phòng mẫu (Đảng ủy xã Càng Long, dữ liệu 12 tháng)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument(
        "--province", action="store_true",
        help="tạo Ban Tuyên giáo và Dân vận Tỉnh ủy Vĩnh Long mẫu với các xã đã gửi dữ liệu 12 tháng",
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("info", help="số liệu, phiên bản lược đồ, trạng thái mã hóa")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("recover", help="lấy lại quyền truy cập bằng khóa khôi phục")
    p.add_argument("--code", required=True, help="khóa khôi phục đã in khi tạo")
    p.set_defaults(func=cmd_recover)


def cmd_init(args: argparse.Namespace) -> int:
    from app.office import init_office

    if args.kind:
        from app.office_setup import official_spec

        spec = official_spec(args.kind, args.unit, args.name, args.parent)
        ctx, code = init_office(db_path(args), **spec.as_kwargs())
    elif args.role:
        if not args.name:
            raise DlxhError("Cách tạo cũ --role cần --name (tên đơn vị).")
        ctx, code = init_office(db_path(args), unit_code=args.unit, name=args.name, role=args.role,
                                parent_code=args.parent, parent_name=args.parent_name)
    else:
        raise DlxhError("Hãy chọn loại đơn vị: --kind commune (xã, phường), --kind province hoặc --kind agency.")
    ctx.close()
    out(f"Đã tạo cơ sở dữ liệu: {db_path(args)}")
    out(f"Khóa khôi phục (in ra và cất giữ, chỉ hiện một lần): {code}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import build_demo
    from app.info import info_lines

    path = db_path(args)
    if path.exists():
        raise DlxhError(f"Tệp {path} đã tồn tại; hãy chọn tệp khác cho văn phòng mẫu.")
    if getattr(args, "province", False):
        from app.demo.province import build_province_demo

        ctx, code, summary = build_province_demo(path, seed=args.seed)
    else:
        ctx, code, summary = build_demo(path, seed=args.seed)
    # The counts `dlxh info` gives, read from the finished store: the builders' own tallies
    # missed what the extra demo modules add afterwards (1477 items said, 1487 stored).
    counts = dict(info_lines(ctx))
    ctx.close()
    out(f"Đã tạo văn phòng mẫu: {path}")
    for name, value in summary.items():
        out(f"{name}: {counts.get(name, value)}")
    out(f"Khóa khôi phục: {code}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from app.info import info_lines

    with open_from_args(args) as ctx:
        for name, value in info_lines(ctx):
            out(f"{name}: {value}")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    from db.store import open_with_recovery

    db = open_with_recovery(db_path(args), args.code)
    db.conn.close()
    out("Đã lấy lại quyền truy cập; khóa đã được lưu vào kho khóa của hệ điều hành.")
    return 0
