"""CLI: `dlxh survey list|show|plan|tabulate|import|export|report|questionnaire|checks`.

The Excel writer and the report renderers (openpyxl, reportlab, python-docx: ~0.2 s of imports)
are imported by the commands that write files: every `dlxh` command builds this parser."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli_support import open_from_args, out, print_rows
from app.errors import ValidationError
from app.surveys import csv_import, double_entry, file_import, plan, responses
from app.surveys import questionnaire as qn
from app.surveys import tabulate as tb
from app.surveys.model import KINDS
from app.surveys.report_text import method_rows, pct, reading
from app.text import vn_number

ORDER = 80   # where these commands come in `dlxh --help` (app/cli.py)

BY_CHOICES = list(tb.BY)


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("survey", help="điều tra, thăm dò dư luận: phiếu, mẫu, nhập phiếu, tổng hợp, báo cáo")
    ssub = sp.add_subparsers(dest="survey_command", metavar="LỆNH", required=True)

    p = ssub.add_parser("list", help="danh sách các cuộc điều tra")
    p.set_defaults(func=cmd_list)

    p = ssub.add_parser("show", help="xem phiếu hỏi (câu hỏi, phương án, điều kiện bỏ qua)")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_show)

    p = ssub.add_parser("plan", help="lập kế hoạch mẫu theo số dân của các địa bàn trong danh mục")
    p.add_argument("id", metavar="ID")
    p.add_argument("--confidence", type=int, default=95, choices=[90, 95, 99], help="độ tin cậy (%%)")
    p.add_argument("--margin", type=float, default=5.0, help="sai số cho phép (%%, mặc định 5)")
    p.add_argument("--minimum", type=int, default=0, help="số phiếu tối thiểu mỗi xã")
    p.add_argument("--size", type=int, help="cỡ mẫu tự chọn (mặc định: theo công thức)")
    p.add_argument("--by", choices=["area", "stratum"], default="area",
                   help="phân tầng theo địa bàn (số dân lấy từ danh mục) hoặc giai tầng (nhập bằng --pop)")
    p.add_argument("--pop", action="append", default=[], metavar="MÃ=SỐ",
                   help="số dân của một ô, ví dụ farmer=52000 hoặc TVH-CL-X01=14200 (lặp lại cho từng ô)")
    p.set_defaults(func=cmd_plan)

    p = ssub.add_parser("tabulate", help="bảng tần suất, hoặc bảng chéo với --by")
    p.add_argument("id", metavar="ID")
    p.add_argument("--by", choices=BY_CHOICES, help="phân tổ theo giai tầng, địa bàn, độ tuổi hoặc giới tính")
    p.add_argument("--weight", choices=tb.WEIGHT_MODES, default="auto", help="gia quyền (mặc định auto)")
    p.set_defaults(func=cmd_tabulate)

    p = ssub.add_parser("import", help="nhập phiếu từ tệp CSV/Excel (tất cả hoặc không)")
    p.add_argument("id", metavar="ID")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--channel", default="online", choices=list(responses.CHANNELS), help="kênh thu phiếu")
    p.add_argument("--map", action="append", default=[], metavar="CỘT=MỤC",
                   help="gán cột (số thứ tự từ 1) cho mục, ví dụ 3=q2 hoặc 5=gender hoặc 6=- (bỏ qua)")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
    p.add_argument("--yes", action="store_true", help="xác nhận nhập tệp vượt 10 lần cỡ mẫu kế hoạch")
    p.set_defaults(func=cmd_import)

    p = ssub.add_parser("export", help="xuất mọi bảng ra tệp Excel")
    p.add_argument("id", metavar="ID")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--weight", choices=tb.WEIGHT_MODES, default="auto")
    p.set_defaults(func=cmd_export)

    for name, helptext in (("report", "báo cáo kết quả thăm dò (PDF/DOCX)"),
                           ("questionnaire", "phiếu hỏi để in (PDF/DOCX)")):
        p = ssub.add_parser(name, help=helptext)
        p.add_argument("id", metavar="ID")
        p.add_argument("--pdf", action="store_true")
        p.add_argument("--docx", action="store_true")
        p.add_argument("--out", default=".", metavar="DIR")
        if name == "report":
            p.add_argument("--signer", default="", help="họ tên người ký")
            p.add_argument("--weight", choices=tb.WEIGHT_MODES, default="auto")
            p.add_argument("--register", action="store_true",
                           help="lưu vào sổ báo cáo (dự thảo để trình, duyệt, ký số); in mã báo cáo ở dòng cuối")
        p.set_defaults(func=cmd_render, kind=name)

    p = ssub.add_parser("checks", help="kết quả nhập kiểm tra hai lần (các chỗ sai khác)")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_checks)


def cmd_list(args: argparse.Namespace) -> int:
    return print_rows(args, qn.list_surveys,
                      lambda s: f"{s.id}  {qn.STATUSES[s.status]:<15} {vn_number(s.responses):>6} phiếu  {s.title}",
                      "Chưa có cuộc điều tra nào.")


def cmd_show(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        survey = qn.find_survey(ctx, args.id)
        out(survey.title)
        for q in qn.load(ctx, survey.id).questions:
            extra = [KINDS[q.kind].lower()]
            if q.skip:
                extra.append(q.skip.describe().lower())
            if not q.required:
                extra.append("không bắt buộc")
            out(f"Câu {q.no}. {q.text}" + (f" ({'; '.join(extra)})" if extra else ""))
            for i, label in enumerate(q.choices, start=1):
                out(f"    {i}. {label}")
        return 0


def _populations(ctx, by: str, items: list[str]) -> dict:
    cells = {c.key: c.population for c in plan.starting_cells(ctx, "", by)} if by == "area" else {}
    for item in items:
        code, _, number = item.partition("=")
        code, number = code.strip(), number.replace(".", "").strip()
        if not number.isdigit():
            raise ValidationError(f"Số dân không đúng dạng MÃ=SỐ: '{item}'.")
        key = (code, None) if by == "area" else (None, code)
        if by == "stratum" and code not in plan.STRATA:
            raise ValidationError(f"Không có giai tầng mã '{code}'; các mã: {', '.join(plan.STRATA)}.")
        if by == "area" and key not in cells:
            raise ValidationError(f"Không có địa bàn mã '{code}' trong danh mục.")
        cells[key] = int(number)
    if not any(cells.values()):
        raise ValidationError("Chưa có số dân của ô nào; nhập số dân vào danh mục hoặc dùng --pop MÃ=SỐ.")
    return cells


def cmd_plan(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        survey = qn.find_survey(ctx, args.id)
        pops = _populations(ctx, args.by, args.pop)
        p = plan.save_plan(ctx, survey.id, args.by, pops, args.confidence, args.margin / 100, args.minimum, args.size)
        out(f"Tổng thể: {vn_number(p.population)} người; cỡ mẫu: {vn_number(p.sample_size)} phiếu "
            f"(độ tin cậy {p.confidence}%, sai số ±{vn_number(p.margin * 100, 1)}%).")
        for c in p.cells:
            out(f"  {c.label:<36} dân số {vn_number(c.population):>8}  chỉ tiêu {c.quota:>4}  đã thu {c.collected:>4}")
        return 0


def _print_frequencies(data: tb.SurveyData) -> None:
    for q in data.questionnaire.questions:
        out(f"Câu {q.no}. {q.text}")
        if q.has_choices:
            f = tb.frequency(data, q)
            for r in f.rows:
                out(f"  {r.key}. {r.label:<40} {vn_number(r.count, 1) if data.weighted else vn_number(r.count):>8}"
                    f"  {pct(r.percent):>7}  ±{vn_number(r.moe, 1)}")
            out(f"  {reading(data, q)}")
        elif q.kind == "number":
            s = tb.number_summary(data, q)
            out(f"  {s.n} trả lời; trung bình {vn_number(s.mean, 1)}" if s else "  Chưa có trả lời.")
        else:
            out(f"  {tb.text_count(data, q)} ý kiến ghi thêm.")


def _print_crosstabs(data: tb.SurveyData, by: str) -> None:
    groups = tb.group_categories(data, by)
    out(f"Cột theo {tb.BY[by].lower()}: " + "; ".join(f"({i}) {name}" for i, (_, name) in enumerate(groups, 1)))
    head = "".join(f"{f'({i})':>9}" for i in range(1, len(groups) + 1)) + f"{'Chung':>9}"
    for q in tb.choice_questions(data):
        ct = tb.crosstab(data, q, by)
        out()
        out(f"Câu {q.no}. {q.text} — theo {tb.BY[by].lower()} (% theo cột)")
        out(f"  {'':<34}{head}")
        for r, (key, label) in enumerate(ct.row_cats):
            cells = "".join(f"{pct(ct.col_percent(r, c)):>9}" for c in range(len(groups)))
            out(f"  {f'{key}. {label}'[:34]:<34}{cells}{pct(ct.row_percent_total(r)):>9}")
        out(f"  {'Số người trả lời':<34}" + "".join(f"{n:>9}" for n in ct.col_n) + f"{sum(ct.col_n):>9}")
        out(f"  {'Sai số tối đa ± (điểm %)':<34}" + "".join(f"{vn_number(ct.col_moe(c), 1):>9}"
                                                         for c in range(len(groups))))


def cmd_tabulate(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        survey = qn.find_survey(ctx, args.id)
        data = tb.load_data(ctx, survey.id, args.weight)
        out(survey.title)
        for name, value in method_rows(data):
            out(f"{name}: {value}")
        out()
        if args.by:
            _print_crosstabs(data, args.by)
        else:
            _print_frequencies(data)
        return 0


def _mapping(items: list[str]) -> dict[int, str | None]:
    mapping: dict[int, str | None] = {}
    for item in items:
        col, _, target = item.partition("=")
        if not col.strip().isdigit() or not target.strip():
            raise ValidationError(f"Gán cột không đúng dạng CỘT=MỤC: '{item}'.")
        mapping[int(col) - 1] = None if target.strip() in ("-", "") else target.strip()
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        survey = qn.find_survey(ctx, args.id)
        result = file_import.import_file(ctx, survey.id, Path(args.file), _mapping(args.map) or None, args.channel,
                                       dry_run=args.dry_run, confirmed=args.yes)
        pre = result.preview
        questionnaire = qn.load(ctx, survey.id)
        out(f"Bảng mã: {pre.table.encoding or 'Excel'}; dòng tiêu đề: {pre.table.header_line}.")
        for c in pre.columns:
            out(f"  Cột {c.index + 1} «{c.header}» → {csv_import.target_label(c.target, questionnaire)}")
        if args.dry_run:
            out(f"Kiểm tra xong: {vn_number(pre.valid)} phiếu hợp lệ, chưa ghi (--dry-run).")
        else:
            out(f"Đã nhập {vn_number(result.imported)} phiếu.")
        return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.surveys.excel_export import export_xlsx

    with open_from_args(args) as ctx:
        survey = qn.find_survey(ctx, args.id)
        path = export_xlsx(tb.load_data(ctx, survey.id, args.weight, texts=True), Path(args.file))
        out(str(path))
        return 0


def cmd_render(args: argparse.Namespace) -> int:
    from app.surveys import printable, report

    with open_from_args(args) as ctx:
        survey = qn.find_survey(ctx, args.id)
        pdf, docx = (args.pdf, args.docx) if (args.pdf or args.docx) else (True, True)
        if args.kind == "report" and args.register:
            from app.surveys.registered import register_report

            saved = register_report(ctx, survey.id, args.weight, signer_name=args.signer)
            out(f"Đã lưu vào sổ báo cáo (dự thảo): {saved.title}")
            out("Trình, duyệt, ký số: dlxh report submit|approve|sign MÃ; xuất tệp: dlxh report render MÃ")
            out(saved.id)
            return 0
        if args.kind == "report":
            files = report.render(ctx, survey.id, Path(args.out), pdf=pdf, docx=docx, weight=args.weight,
                                  signer_name=args.signer)
        else:
            files = printable.render(ctx, survey.id, Path(args.out), pdf=pdf, docx=docx)
        for f in files:
            out(str(f))
        return 0


def cmd_checks(args: argparse.Namespace) -> int:
    with open_from_args(args) as ctx:
        survey = qn.find_survey(ctx, args.id)
        s = double_entry.summary(ctx, survey.id)
        out(f"Đã nhập kiểm tra {s.forms_checked} phiếu; {s.forms_with_mismatch} phiếu có sai khác "
            f"({pct(s.error_rate)}), tổng {s.fields_mismatched} chỗ.")
        for r in s.results:
            for m in r.mismatches:
                out(f"  Phiếu {r.form_no}: {m.label}: lần 1 «{m.first}», lần 2 «{m.second}»")
        return 0
