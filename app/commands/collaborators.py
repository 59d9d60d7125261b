"""`dlxh collaborators import|export|coverage|inactive`: the collaborator network headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import kinds
from app.cli_support import add_delete_command, err, open_from_args, out, print_rows
from app.collaborators.registry import CHOICES, LABELS

ORDER = 10   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("collaborators", help="đội ngũ cộng tác viên: nhập/xuất Excel, cơ cấu, hoạt động")
    cmds = p.add_subparsers(dest="collaborators_command", metavar="LỆNH", required=True)
    add_delete_command(cmds, "collaborators")

    q = cmds.add_parser("import", help="nhập danh sách cộng tác viên từ tệp Excel (.xlsx)")
    q.add_argument("file", metavar="FILE.xlsx")
    q.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    q.add_argument("--add-areas", action="store_true", help="thêm các địa bàn chưa có vào danh mục")
    q.add_argument("--old-district", metavar="TÊN", help="huyện cũ (trước 7/2025) của danh sách, khi tên xã cũ trùng")
    q.set_defaults(func=cmd_import)

    q = cmds.add_parser("export", help="xuất danh sách (đã lọc) ra tệp Excel")
    q.add_argument("file", metavar="FILE.xlsx")
    contact_fields = ", ".join([*(LABELS[k].lower() for k in ("full_name", "area_code", "phone", "email")),
                                LABELS["zalo"]])   # a name, kept capitalised
    q.add_argument("--contacts", action="store_true", help=f"chỉ danh bạ: {contact_fields}")
    for key in ("status", "stratum", "sector"):
        q.add_argument(f"--{key}", choices=list(CHOICES[key]), help=kinds.help_text(LABELS[key]))
    q.add_argument("--area", metavar="CODE", help=kinds.help_text(LABELS["area_code"], ": mã"))
    q.add_argument("--party-member", action="store_true", help="chỉ " + LABELS["party_member"].lower())
    q.add_argument("--search", default="", help=f"tìm theo {LABELS['full_name'].lower()}, "
                                                f"{LABELS['workplace'].lower()} (không dấu cũng được)")
    q.set_defaults(func=cmd_export)

    q = cmds.add_parser("coverage", help="in ma trận cơ cấu địa bàn × giai tầng (hoặc × ngành) và gợi ý cần tuyển")
    q.add_argument("--by", choices=["stratum", "sector"], default="stratum")
    q.set_defaults(func=cmd_coverage)

    q = cmds.add_parser("inactive", help="cộng tác viên cần chú ý: lâu không phản ánh, vắng giao ban liên tiếp")
    q.set_defaults(func=cmd_inactive)


def cmd_import(args: argparse.Namespace) -> int:
    from app.collaborators import excel_import

    with open_from_args(args) as ctx:
        pv = excel_import.preview(ctx, Path(args.file), old_district=args.old_district)
        if args.add_areas:
            pv.add_unknown_areas()
        if pv.pending_areas and not args.dry_run:
            err(excel_import.pending_message(pv))
            return 1
        result = None if args.dry_run else excel_import.apply(ctx, pv)
        out(f"Tệp {pv.source}, trang '{pv.sheet}', dòng tiêu đề {pv.header_row}.")
        for m in pv.areas:
            if m.how != "catalogue" or m.choice != "map":
                state = "" if m.how in ("legacy", "here") and not m.needs_choice else f" [{_choice_text(m)}]"
                out(f"Địa bàn {m.describe()}{state}")
        if pv.skipped_text():
            out(pv.skipped_text())
        if pv.other_lists:
            out("Lưu ý: chỉ đọc trang đầu tiên có danh sách; các trang " + ", ".join(f"'{t}'" for t in pv.other_lists)
                + " cũng có dòng tiêu đề nhưng không được đọc (hãy tách ra tệp riêng).")
        for item in pv.with_problems:
            out(f"Dòng {item.row}: " + " ".join(item.problems))
        for item in pv.duplicates:
            out(f"Dòng {item.row}: {item.duplicate}")
        for item in pv.rows:
            for warning in item.warnings if item.ok else []:
                out(f"Dòng {item.row}: {warning}")
        if result is None:
            out("Chạy thử (--dry-run): " + pv.summary() + " Không ghi gì.")
            if pv.pending_areas:
                out(excel_import.pending_message(pv))
        else:
            out(f"Đã thêm {result.created} cộng tác viên; {result.duplicates} dòng trùng, "
                f"{result.rejected} dòng lỗi không nhập."
                + (f" Đã thêm {len(result.areas_added)} địa bàn vào danh mục." if result.areas_added else ""))
    return 0


def _choice_text(mapping) -> str:
    from app.collaborators import excel_areas as ea

    if mapping.choice == ea.ADD:
        return "sẽ thêm vào danh mục"
    if mapping.choice == ea.NONE:
        return "để trống địa bàn"
    if mapping.choice == ea.MAP:
        return f"gán cho {mapping.target}"
    return "chưa chọn: thêm vào danh mục (--add-areas) hoặc gán cho địa bàn có sẵn"


def cmd_export(args: argparse.Namespace) -> int:
    from app.collaborators.excel_export import PRIVACY_NOTE, export
    from app.collaborators.registry import CollaboratorFilter

    with open_from_args(args) as ctx:
        flt = CollaboratorFilter(text=args.search, area_code=args.area, sector=args.sector, stratum=args.stratum,
                                 status=args.status, party_member=True if args.party_member else None)
        n = export(ctx, Path(args.file), flt, contacts=args.contacts)
    out(f"Đã xuất {n} cộng tác viên ra {args.file}.")
    err("Lưu ý: " + PRIVACY_NOTE)
    return 0


def coverage_lines(ctx, by: str) -> list[str]:
    """The matrix as text: numbered columns with a legend, '*' after a count below target."""
    from app.collaborators import coverage

    cov = coverage.matrix(ctx, by)
    labels = cov.labels()
    width = max([len(u.name) for u in cov.areas] + [22])
    head = f"{'Địa bàn':<{width}}" + "".join(f"{i:>5}" for i in range(1, len(cov.codes) + 1)) + "  Tổng"
    lines = [f"Cơ cấu đội ngũ theo {coverage.DIMENSION_LABELS[by].lower()} (người đang hoạt động; * = dưới chỉ tiêu)",
             head, "-" * len(head)]
    for unit in cov.areas:
        cells = "".join(f"{cov.count(unit.code, c)}{'*' if cov.cell_below(unit.code, c) else ' '}".rjust(5)
                        for c in cov.codes)
        total = f"{cov.area_totals[unit.code]}{'*' if cov.area_below(unit.code) else ''}"
        lines.append(f"{unit.name:<{width}}{cells}  {total}")
    lines.append("-" * len(head))
    lines.append(f"{'Toàn địa bàn':<{width}}" + "".join(
        f"{cov.code_totals[c]}{'*' if cov.code_below(c) else ' '}".rjust(5) for c in cov.codes) + f"  {cov.total}")
    lines.append(f"{'Chỉ tiêu toàn địa bàn':<{width}}" + "".join(
        f"{cov.overall_target(c) or '-'} ".rjust(5) for c in cov.codes))
    lines.append("")
    lines.extend(f"{i:>3} = {labels[c]}" for i, c in enumerate(cov.codes, start=1))
    suggestions = coverage.recruit_next(ctx)
    lines.append("")
    lines.append("Cần tuyển tiếp:" if suggestions else "Cơ cấu đạt chỉ tiêu; chưa cần tuyển thêm.")
    lines.extend(f"- {s.text}" for s in suggestions)
    return lines


def cmd_coverage(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        for line in coverage_lines(ctx, args.by):
            out(line)
    return 0


def cmd_inactive(args: argparse.Namespace) -> int:
    from app.collaborators import activity

    return print_rows(args, activity.flagged,
                      lambda a: f"{a.full_name} ({a.area_name or 'chưa rõ địa bàn'}): {a.reason}"
                                + (" [đã đề xuất thay thế]" if a.open_proposal_id else ""),
                      "Không có cộng tác viên nào cần chú ý.")
