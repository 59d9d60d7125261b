"""Exchange commands (DESIGN.md §2): identity cards, export, import, receipts, guidance."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_support import err, open_from_args, out
from app.errors import ValidationError
from app.office_kinds import KINDS

ORDER = 30   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("identity", help="thẻ định danh của đơn vị (khóa công khai) để đăng ký với đơn vị kia")
    isub = p.add_subparsers(dest="identity_cmd", required=True)
    q = isub.add_parser("export", help="ghi thẻ định danh của đơn vị này ra tệp")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_identity_export)
    q = isub.add_parser("import", help="đăng ký đơn vị kia từ thẻ định danh (sau khi đối chiếu mã xác nhận)")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--yes", action="store_true", help="đã đối chiếu mã xác nhận qua điện thoại")
    q.set_defaults(func=cmd_identity_import)

    q = isub.add_parser(
        "import-folder", help="đăng ký nhiều đơn vị một lần từ thư mục thẻ định danh (.dlxid), thẻ hỏng bị bỏ qua"
    )
    q.add_argument("folder", metavar="DIR")
    q.add_argument("--yes", action="store_true", help="đã đối chiếu mã xác nhận của mọi thẻ trong bảng")
    q.set_defaults(func=cmd_identity_import_folder)

    q = isub.add_parser("export-age-key", help="ghi khóa giải mã (age) đã bọc mật khẩu, để kiểm tra gói bằng lệnh age")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_identity_export_age_key)

    p = sub.add_parser("export", help="xuất gói dữ liệu đã ký và mã hóa gửi tỉnh (hoặc gói hướng dẫn gửi xã, phường)")
    p.add_argument("--to", required=True, metavar="DIR", help="thư mục hoặc USB để ghi gói")
    p.add_argument(
        "--since", metavar="YYYY-MM-DD", help="xuất mọi thay đổi từ ngày này (mặc định: sau gói đã có biên nhận)"
    )
    p.add_argument("--include-contacts", action="store_true", help="kèm số điện thoại, email, Zalo của cộng tác viên")
    p.add_argument("--recipient", metavar="CODE", help="mã đơn vị nhận (cấp tỉnh: xã, phường nhận gói hướng dẫn)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import",
        help="nhập gói .dlxh (kiểm tra chữ ký, mã băm, số thứ tự; mỗi gói tất cả hoặc không gì); "
        "nhiều tệp hoặc cả thư mục được nhập một lượt, gói hỏng không cản các gói khác",
    )
    p.add_argument("file", metavar="FILE", nargs="+", help="tệp gói .dlxh hoặc thư mục chứa các gói")
    p.add_argument("--receipt-dir", metavar="DIR", help="nơi ghi biên nhận (mặc định: cạnh tệp gói)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("receipts", help="biên nhận gói đã gửi")
    rsub = p.add_subparsers(dest="receipts_cmd", required=True)
    q = rsub.add_parser("import", help="nhập biên nhận do đơn vị nhận gửi lại")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_receipt_import)

    p = sub.add_parser("province", help="cấp tỉnh: tình hình các xã, đơn vị cấp dưới gửi, báo cáo tổng hợp")
    psub = p.add_subparsers(dest="province_cmd", required=True)
    q = psub.add_parser("status", help="đơn vị đã đăng ký, gói đã nhận, báo cáo tháng đúng hạn, muộn, chưa nhận")
    q.add_argument("--months", type=int, default=6)
    q.set_defaults(func=cmd_province_status)
    q = psub.add_parser("report", help="soạn báo cáo tổng hợp tháng từ dữ liệu các xã, phường (PDF và DOCX)")
    q.add_argument("--month", required=True, metavar="YYYY-MM")
    q.add_argument("--out", required=True, metavar="DIR")
    q.set_defaults(func=cmd_province_report)

    p = sub.add_parser("guidance", help="hướng dẫn, định hướng của tỉnh gửi xã, phường")
    gsub = p.add_subparsers(dest="guidance_cmd", required=True)
    q = gsub.add_parser("add", help="thêm một hướng dẫn (cấp tỉnh)")
    q.add_argument("--title", required=True)
    q.add_argument("--body", default="")
    q.add_argument("--kind", choices=["note", "watch_topic"], default="note")
    q.add_argument("--field", help="lĩnh vực (mã), với vấn đề cần theo dõi")
    q.add_argument("--until", metavar="YYYY-MM-DD", help="hiệu lực đến ngày")
    q.set_defaults(func=cmd_guidance_add)


def cmd_identity_export(args: argparse.Namespace) -> int:
    from app.exchange import identity, keys, safezip

    with open_from_args(args) as ctx:
        card = keys.my_card(ctx)
    safezip.atomic_write(Path(args.file), identity.card_bytes(card))
    out(f"Đơn vị: {card.unit_code} — {card.name}")
    out(f"Kèm chứng thư số ký báo cáo; dấu vân tay SHA-256: {card.certificate_fingerprint}")
    out(f"Mã xác nhận (đọc cho đơn vị kia qua điện thoại): {card.fingerprint}")
    out(str(Path(args.file)))
    return 0


def cmd_identity_import(args: argparse.Namespace) -> int:
    from app.exchange import identity, keys
    from app.exchange.importer import read_file

    card = identity.parse_card(read_file(Path(args.file), limit=identity.MAX_CARD_BYTES))
    out(f"Thẻ định danh: {card.unit_code} — {card.name} ({KINDS[card.office_kind]})")
    if card.certificate_pem:
        out(f"Chứng thư số ký báo cáo kèm theo; dấu vân tay SHA-256: {card.certificate_fingerprint}")
    else:
        out("Thẻ định dạng cũ, không kèm chứng thư số ký báo cáo.")
    out(f"Mã xác nhận: {card.fingerprint}")
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError("Hãy đối chiếu mã xác nhận với đơn vị kia qua điện thoại, rồi chạy lại với --yes.")
        answer = input("Mã xác nhận có khớp với mã đơn vị kia đọc qua điện thoại không? (c/k): ").strip().lower()
        if answer not in ("c", "có", "co", "y", "yes"):
            raise ValidationError("Chưa đăng ký: mã xác nhận chưa được xác nhận.")
    with open_from_args(args) as ctx:
        peer = keys.enrol(ctx, card)
    out(f"Đã đăng ký đơn vị {peer.unit_code} — {peer.name}.")
    out(identity.certificate_note(card))
    if not card.certificate_pem:
        out(f"Hoặc nhận tệp chứng thư của đơn vị đó rồi chạy: dlxh report cert-enroll TỆP.pem --unit {card.unit_code}")
    return 0


def cmd_identity_import_folder(args: argparse.Namespace) -> int:
    """Print the fingerprint table; with --yes enrol every good card. Refused cards get one
    line each on stderr and exit 1, but the good ones are enrolled all the same."""
    from app.exchange import enrol_folder

    with open_from_args(args) as ctx:
        found = enrol_folder.scan_folder(ctx, Path(args.folder))
        for c in found:
            who = f"{c.card.unit_code} — {c.card.name}" if c.card else c.path.name
            code = c.card.fingerprint if c.card else "-"
            out(f"{enrol_folder.STATE_LABELS[c.state]}: {who} | mã xác nhận {code}" + (f" | {c.note}" if c.note else ""))
        chosen = [c for c in found if c.state == enrol_folder.NEW or (c.state == enrol_folder.CHANGED and args.yes)]
        if not args.yes:
            raise ValidationError(
                f"Có {len(chosen)} thẻ chưa đăng ký: đối chiếu mã xác nhận từng đơn vị qua điện thoại, rồi chạy lại với --yes."
            )
        outcome = enrol_folder.enrol_cards(ctx, chosen)
    refused = outcome.refused + [(c.path, c.note) for c in found if c.state == enrol_folder.REFUSED]
    for path, reason in refused:
        err(f"Không nhận thẻ {path.name}: {reason}")
    out(enrol_folder.summary_line(enrol_folder.Outcome(outcome.enrolled, refused)))
    return 1 if refused else 0


def cmd_identity_export_age_key(args: argparse.Namespace) -> int:
    import getpass
    import os

    from app.exchange import keys, safezip

    secret = os.environ.get("DLXH_KEY_EXPORT_PASSPHRASE")
    if not secret:
        if not sys.stdin.isatty():
            raise ValidationError("Cần mật khẩu bảo vệ khóa: đặt biến DLXH_KEY_EXPORT_PASSPHRASE hoặc chạy trong cửa sổ lệnh.")
        secret = getpass.getpass("Mật khẩu bảo vệ khóa (ít nhất 10 ký tự): ")
        if getpass.getpass("Nhập lại mật khẩu: ") != secret:
            raise ValidationError("Hai lần nhập mật khẩu không khớp.")
    with open_from_args(args) as ctx:
        blob = keys.export_age_identity(ctx, secret)
    safezip.atomic_write(Path(args.file), blob)
    out("Khóa đã được bọc mật khẩu; lệnh age sẽ hỏi mật khẩu khi dùng: age -d -i FILE GÓI.dlxh")
    out(str(Path(args.file)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.exchange.export import export_package
    from app.validate import iso_date

    since = iso_date(args.since, "Ngày bắt đầu") if args.since else None
    with open_from_args(args) as ctx:
        res = export_package(
            ctx, Path(args.to), recipient=args.recipient, since_date=since, include_contacts=args.include_contacts
        )
    total = sum(v for k, v in res.rows.items() if not k.startswith("_"))
    out(f"Gói số {res.seq} gửi {res.recipient}: {total} dòng, {res.files} tệp đính kèm.")
    for table, count in sorted(res.rows.items()):
        out(f"{table}: {count}")
    out(str(res.path))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    receipt_dir = Path(args.receipt_dir) if args.receipt_dir else None
    if len(args.file) == 1 and not Path(args.file[0]).is_dir():
        return _import_one(args, Path(args.file[0]), receipt_dir)
    from app.exchange import import_batch

    with open_from_args(args) as ctx:
        outcomes = import_batch.import_files(ctx, [Path(f) for f in args.file], receipt_dir=receipt_dir)
    for o in outcomes:
        if o.state == import_batch.REFUSED or (o.result and o.result.receipt_error):
            err(f"{o.name}: {o.message}")
        else:
            out(f"{o.name}: {o.message}")
    out(import_batch.summary(outcomes))
    unfinished = any(o.state == import_batch.REFUSED or (o.result and o.result.receipt_error) for o in outcomes)
    return 1 if unfinished else 0


def _import_one(args: argparse.Namespace, path: Path, receipt_dir: Path | None) -> int:
    from app.exchange.importer import import_package

    with open_from_args(args) as ctx:
        res = import_package(ctx, path, receipt_dir=receipt_dir)
    out(res.message)
    for table, count in sorted(res.rows.items()):
        out(f"{table}: {count}")
    if res.receipt_path:
        out(f"Biên nhận (gửi lại cho {res.sender}): {res.receipt_path}")
    if res.receipt_error:  # imported, but the sender is still waiting for its receipt
        err(res.said())
        return 1
    return 0


def cmd_receipt_import(args: argparse.Namespace) -> int:
    from app.exchange.receipts import import_receipt

    with open_from_args(args) as ctx:
        out(import_receipt(ctx, Path(args.file)))
    return 0


def cmd_guidance_add(args: argparse.Namespace) -> int:
    from app.exchange.guidance import add_guidance
    from app.validate import iso_date

    with open_from_args(args) as ctx:
        until = iso_date(args.until, "Ngày hết hiệu lực") if args.until else None
        gid = add_guidance(ctx, title=args.title, body=args.body, kind=args.kind, field=args.field, valid_until=until)
    err("Đã thêm hướng dẫn; xuất gói cho các xã, phường để gửi đi.")
    out(gid)
    return 0


def cmd_province_status(args: argparse.Namespace) -> int:
    from datetime import date

    from app.exchange import province

    with open_from_args(args) as ctx:
        months = province.recent_months(date.today(), args.months)
        for d in province.offices(ctx):
            out(f"{d.unit_code}: {d.name} — {d.packages} gói, {d.opinions} ý kiến, {d.collaborators} CTV")
        rows = province.timeliness(ctx, months)
        for row in rows:
            cells = ", ".join(
                f"{m}: {province.STATUS_LABELS[s]}{' ' + r if r else ''}" for m, (s, r) in row.cells.items()
            )
            out(f"{row.unit_code} báo cáo tháng — {cells}")
        for month, counts in province.month_counts(rows, months).items():
            out(f"{month}: " + ", ".join(f"{province.STATUS_LABELS[s]} {n}" for s, n in counts.items()))
        missing = province.not_enrolled(ctx)
        if missing:
            out(f"Chưa đăng ký ({len(missing)}): " + ", ".join(u.name for u in missing))
    return 0


def cmd_province_report(args: argparse.Namespace) -> int:
    """A shortcut to the register path: the month's consolidated report is drafted as a
    report (or its open draft reused), then written as DOCX and PDF; its id is printed last
    so it can be submitted, approved, signed and sent with `dlxh report …`."""
    from app.exchange import safezip
    from app.months import parse_month
    from app.reports import drafts, register, store
    from app.reports.facts import office_kind

    anchor = parse_month(args.month)
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    with open_from_args(args) as ctx:
        if office_kind(ctx) != "province":
            raise ValidationError("Báo cáo tổng hợp chỉ soạn ở Ban Tuyên giáo và Dân vận Tỉnh ủy (đơn vị cấp tỉnh).")
        started = drafts.start_draft(ctx, "monthly", anchor)
        report = started.report
        if started.existing:
            out(f"Dùng dự thảo đã có ({store.STATUSES[report.status]}): {report.title}")
        docx, pdf = register.render_files(ctx, report.id)
        stem = f"bao-cao-tong-hop-{anchor:%Y-%m}" + (f"-so-{report.number}" if report.number else "")
        out(str(safezip.atomic_write(folder / f"{stem}.docx", docx)))
        out(str(safezip.atomic_write(folder / f"{stem}.pdf", pdf)))
        out(report.id)
    return 0
