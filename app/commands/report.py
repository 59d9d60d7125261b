"""`dlxh report …`: draft, list, render, submit/approve/sign/send, verify (DESIGN.md §2)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app import filekinds
from app.cli_support import add_delete_command, open_from_args, out
from app.errors import DlxhError, ValidationError
from app.text import vn_iso

ORDER = 70   # where these commands come in `dlxh --help` (app/cli.py)

MAX_PDF_BYTES = 256 * 1024 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="báo cáo: soạn, xuất DOCX/PDF, ký số, kiểm tra chữ ký")
    cmds = report.add_subparsers(dest="report_command", metavar="LỆNH")
    cmds.required = True

    p = cmds.add_parser("draft", help="soạn dự thảo báo cáo từ số liệu (in mã báo cáo ở dòng cuối)")
    p.add_argument("--month", metavar="YYYY-MM", help="báo cáo tháng")
    p.add_argument("--kind", default=None,
                   choices=["monthly", "quarterly", "half_year", "annual", "adhoc", "thematic"])
    p.add_argument("--date", metavar="YYYY-MM-DD", help="một ngày trong kỳ (quý, 6 tháng, năm)")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="đầu kỳ (đột xuất, chuyên đề)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="cuối kỳ (đột xuất, chuyên đề)")
    p.add_argument("--topic", help="vấn đề báo cáo (đột xuất, chuyên đề)")
    p.add_argument("--new", action="store_true",
                   help="soạn thêm một phiên bản dù đã có dự thảo cùng loại, cùng kỳ")
    p.set_defaults(func=cmd_draft)

    p = cmds.add_parser("redraft", help="soạn lại dự thảo từ số liệu hiện tại, giữ các phần đã sửa tay "
                                        "(in tên các phần, mã báo cáo ở dòng cuối)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--discard-edits", action="store_true", help="soạn lại cả các phần đã sửa tay")
    p.set_defaults(func=cmd_redraft)

    p = cmds.add_parser("list", help="sổ đăng ký báo cáo")
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_list)
    add_delete_command(cmds, "reports")

    p = cmds.add_parser("render", help="xuất báo cáo ra tệp DOCX và/hoặc PDF")
    p.add_argument("id", metavar="ID")
    p.add_argument("--pdf", action="store_true")
    p.add_argument("--docx", action="store_true")
    p.add_argument("--out", metavar="DIR", default=".")
    p.set_defaults(func=cmd_render)

    for name, text in (("submit", "trình duyệt"), ("approve", "phê duyệt (Trưởng ban)"),
                       ("send", "đánh dấu đã gửi"), ("new-version", "tạo phiên bản mới của báo cáo đã ký")):
        p = cmds.add_parser(name, help=text)
        p.add_argument("id", metavar="ID")
        p.set_defaults(func=cmd_status, action=name)

    p = cmds.add_parser("sign", help="ký số báo cáo đã duyệt (chứng thư của đơn vị hoặc USB token)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--token", action="store_true", help="ký bằng USB token (PKCS#11) đã cấu hình")
    p.add_argument("--signer", metavar="HỌ_TÊN", help="họ tên người ký (nếu dự thảo chưa ghi)")
    p.add_argument("--yes", action="store_true",
                   help="ký cả khi số liệu đã thay đổi kể từ khi soạn dự thảo (ký với số liệu trong dự thảo)")
    p.set_defaults(func=cmd_sign)

    p = cmds.add_parser("cert-export", help="xuất chứng thư số (khóa công khai) của đơn vị để cấp trên kiểm tra chữ ký")
    p.add_argument("file", metavar="FILE.pem")
    p.set_defaults(func=cmd_cert_export)

    p = cmds.add_parser("cert-enroll", help="tin cậy chứng thư số của đơn vị khác (để kiểm tra báo cáo họ ký)")
    p.add_argument("file", metavar="FILE.pem")
    p.add_argument("--unit", metavar="CODE", help="mã đơn vị sở hữu chứng thư")
    p.set_defaults(func=cmd_cert_enroll)

    p = cmds.add_parser("verify", help="kiểm tra chữ ký số của tệp PDF (mã thoát 0: hợp lệ, 1: không hợp lệ)")
    p.add_argument("file", metavar="FILE.pdf")
    p.set_defaults(func=cmd_verify)


def cmd_redraft(args: argparse.Namespace) -> int:
    """The GUI's "Soạn lại" from the command line: the sections another capability drafts (a
    survey report) or the province's consolidated report are rebuilt by their own code."""
    from app.reports import draft

    with open_from_args(args) as ctx:
        report = draft.regenerate(ctx, args.id, discard_edits=args.discard_edits)
    out(f"Đã soạn lại: {report.title}")
    for section in report.sections:
        out(f"- {section['title']}")
    out(report.id)
    return 0


def _iso(text: str | None, label: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(f"{label} không hợp lệ: {text} (dạng YYYY-MM-DD).") from exc


def cmd_draft(args: argparse.Namespace) -> int:
    from app.months import parse_month
    from app.reports import draft, drafts, store

    kind = args.kind or "monthly"
    if kind == "monthly":
        if not args.month and not args.date:
            raise ValidationError("Hãy chọn tháng báo cáo: --month YYYY-MM.")
        anchor = parse_month(args.month) if args.month else _iso(args.date, "Ngày")
    else:
        anchor = _iso(args.date, "Ngày") or (parse_month(args.month) if args.month else None)
    with open_from_args(args) as ctx:
        started = drafts.start_draft(ctx, kind, anchor, start=_iso(args.start, "Ngày đầu kỳ"),
                                     end=_iso(args.end, "Ngày cuối kỳ"), topic=args.topic, new=args.new)
        report = started.report
        if started.existing:
            p = draft.period_for(report)
            out(f"Đã có dự thảo {drafts.period_words(p)} ({store.STATUSES[report.status]}): {report.title}; "
                "không soạn thêm (dùng --new để soạn một phiên bản khác).")
        else:
            out(f"Đã soạn dự thảo: {report.title}")
            out(f"Hạn gửi: {vn_iso(report.due_on) or 'không có'}")
        out(report.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.reports import register, store

    with open_from_args(args) as ctx:
        for r in store.list_reports(ctx, year=args.year):
            number = f"{r.number}-{r.doc_code}" if r.number else "chưa số"
            out(f"{r.id}  {number:<10} {store.STATUSES[r.status]:<9} {register.deadline(r).label:<16} {r.title}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from app.reports import register, store

    if not (args.pdf or args.docx):
        args.pdf = args.docx = True
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    with open_from_args(args) as ctx:
        report = store.get(ctx, args.id)
        docx, pdf = register.render_files(ctx, args.id)
        stem = f"bao-cao-{report.kind}-{report.period_start}" + (f"-so-{report.number}" if report.number else "")
        if args.docx:
            (folder / f"{stem}.docx").write_bytes(docx)
            out(str(folder / f"{stem}.docx"))
        if args.pdf:
            name = f"{stem}-da-ky.pdf" if report.status in store.FROZEN else f"{stem}.pdf"
            (folder / name).write_bytes(pdf)
            out(str(folder / name))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.reports import register, store

    actions = {"submit": register.submit, "approve": register.approve, "send": register.mark_sent,
               "new-version": register.new_version}
    with open_from_args(args) as ctx:
        if args.action in ("submit", "approve"):
            _say_changed(ctx, args.id)
        report = actions[args.action](ctx, args.id)
        out(f"Trạng thái: {store.STATUSES[report.status]}")
        out(report.id)
    return 0


def _say_changed(ctx, report_id: str, refuse: bool = False) -> None:
    """One line when the figures moved since drafting (DESIGN.md §2: submit, approve, sign);
    with `refuse` that line is the refusal (signing without --yes)."""
    from app.errors import ValidationError
    from app.reports import figures_check, store

    moved = figures_check.changes(ctx, store.get(ctx, report_id))
    if moved and refuse:
        raise ValidationError(f"Chưa ký. {figures_check.headline(moved)} Soạn lại dự thảo, hoặc thêm --yes để ký "
                              "với số liệu trong dự thảo.")
    if moved:
        out(figures_check.headline(moved))


def cmd_sign(args: argparse.Namespace) -> int:
    from app.reports import register, store

    with open_from_args(args) as ctx:
        _say_changed(ctx, args.id, refuse=not args.yes)
        signer = None
        if args.token:
            from app.reports import pkcs11

            signer = pkcs11.token_signer(ctx)
        report = register.sign(ctx, args.id, signer=signer, signer_name=args.signer, figures_confirmed=args.yes)
        out(f"Đã ký số báo cáo số {report.number}-{report.doc_code}; SHA-256 của tệp PDF đã ký: {report.pdf_sha256}")
        out(f"Trạng thái: {store.STATUSES[report.status]}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.reports import signing

    data = filekinds.read_capped(Path(args.file), MAX_PDF_BYTES, "Tệp quá lớn (trên 256 MB) để là báo cáo PDF; "
                                 "không kiểm tra.", "tệp PDF")
    with open_from_args(args) as ctx:
        result = signing.verify_pdf(ctx, data)
    if result.valid:
        out(result.message)
        return 0
    raise DlxhError(result.message)


def cmd_cert_export(args: argparse.Namespace) -> int:
    from app.reports import signing

    with open_from_args(args) as ctx:
        Path(args.file).write_text(signing.export_certificate(ctx), encoding="ascii")
    out(f"Đã xuất chứng thư số của đơn vị: {args.file}")
    return 0


def cmd_cert_enroll(args: argparse.Namespace) -> int:
    from app.reports import signing

    pem = filekinds.read_capped(Path(args.file), 1024 * 1024, "Tệp quá lớn (trên 1 MB) để là chứng thư số; "
                                "không nhập.", "tệp chứng thư")
    with open_from_args(args) as ctx:
        fingerprint = signing.enroll_certificate(ctx, pem.decode("ascii", errors="replace"), args.unit)
    out(f"Đã tin cậy chứng thư số; dấu vân tay SHA-256: {fingerprint}")
    return 0
