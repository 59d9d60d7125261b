"""The survey report in the official format (FORMAT.md), built as a reports `Document`
and rendered by the reports renderers: method section from the plan, results per
question with margins of error, comparison between groups, and the reading of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.catalog import GENDERS, STRATA
from app.context import Ctx
from app.errors import ValidationError
from app.office import get_office
from app.reports.document import Chart, Document, Header, Heading, Paragraph, Table, number_text, signature
from app.reports.facts import office_kind, unit_place
from app.reports.prose.audience import audience
from app.reports.signer import default_signer
from app.surveys import shown
from app.surveys import tabulate as tb
from app.surveys.model import AGE_BANDS
from app.surveys.report_assessment import assessment
from app.surveys.report_groups import GroupAgreement, closing, lowest_groups
from app.surveys.report_text import method_paragraphs, pct, reading
from app.text import fold, vn_date_line, vn_number

ROMAN = ("I", "II", "III", "IV", "V")
def default_recipients(ctx: Ctx) -> list[str]:
    """The office's report recipients (settings, else the defaults of its kind)."""
    from app.reports.report_settings import setting

    return list(setting(ctx, "report_recipients"))


def _subject(title: str, place_name: str = "") -> str:
    """"kết quả thăm dò … trên địa bàn xã Càng Long": a title ending on the bare kind of place
    ("… trên địa bàn xã") gets the office's place name, so no line ends on "xã" alone."""
    body = title[0].lower() + title[1:] if title else ""
    bare = body.rstrip(" .").rsplit(" ", 1)
    if place_name and len(bare) == 2 and bare[1] in ("xã", "phường", "tỉnh", "đặc khu") \
            and bare[0].endswith("địa bàn"):
        body = f"{body.rstrip(' .')} {place_name}"
    if fold(body).startswith(("tham do", "dieu tra", "khao sat")):
        return f"kết quả {body}"
    return f"kết quả thăm dò dư luận xã hội về {body}"


def _plan_table(data: tb.SurveyData) -> Table | None:
    plan = data.plan
    if plan is None:
        return None
    rows = [[c.label, vn_number(c.population), vn_number(c.quota), vn_number(c.collected), pct(c.done_percent)]
            for c in plan.cells]
    done = 100 * plan.collected / plan.sample_size if plan.sample_size else 0.0
    rows.append(["Tổng cộng", vn_number(plan.population), vn_number(plan.sample_size), vn_number(plan.collected),
                 pct(done)])
    return Table(["Ô mẫu", "Từ 18 tuổi", "Chỉ tiêu", "Đã thu", "Đạt"], rows, [65, 27, 24, 24, 25],
                 "Bảng 1. Kế hoạch mẫu và kết quả thu phiếu", bold_last_row=True)


def _profile_table(data: tb.SurveyData) -> Table:
    rows = []
    n = data.n or 1
    for by, catalogue in (("gender", GENDERS), ("age_band", AGE_BANDS), ("stratum", STRATA)):
        counts = tb.profile_counts(data, by)
        for code, name in catalogue.items():
            if counts.get(code):
                rows.append([f"{tb.BY[by]}: {name}", vn_number(counts[code]), pct(100 * counts[code] / n)])
    return Table(["Nhóm người trả lời", "Số phiếu", "Tỷ lệ"], rows, [105, 30, 30],
                 "Cơ cấu người trả lời" + (" (số phiếu thu được, chưa gia quyền)" if data.weighted else ""))


def _question_blocks(data: tb.SurveyData, i: int) -> list:
    q = data.questionnaire.questions[i]
    blocks: list = [Heading(2, f"{i + 2}. Câu {q.no}: {q.text}")]
    if q.has_choices:
        f = tb.frequency(data, q)
        blocks.append(Paragraph(reading(data, q)))
        printed = shown.rows(f)
        rows = [[f"{r.key}. {p.label}", vn_number(p.count), pct(p.share), "±" + vn_number(p.moe, 1)]
                for r, p in zip(f.rows, printed, strict=True)]
        count_head = "Số phiếu (gia quyền)" if data.weighted else "Số phiếu"
        caption = (f"Câu {q.no}: tỷ lệ người trả lời chọn từng phương án (chọn nhiều, tổng vượt 100%)"
                   if q.kind == "multiple" else f"Câu {q.no}: tỷ lệ chọn từng phương án")
        blocks.append(Table(["Phương án", count_head, "Tỷ lệ", "Sai số"], rows, [89, 28, 24, 24], caption))
        if q.kind == "likert":
            blocks.append(Chart(f"Câu {q.no}: tỷ lệ theo mức độ (%)", [p.label for p in printed], ["Tỷ lệ (%)"],
                                [[round(p.share) for p in printed]]))
    elif q.kind == "number":
        s = tb.number_summary(data, q)
        blocks.append(Paragraph(
            f"{vn_number(s.n)} người trả lời; trung bình {vn_number(s.mean, 1)}, trung vị {vn_number(s.median, 1)}, "
            f"thấp nhất {vn_number(s.low, 1)}, cao nhất {vn_number(s.high, 1)}." if s else "Chưa có người trả lời."))
    else:
        quoted = "; ".join(f"“{t}”" for t in tb.common_texts(data, q))
        blocks.append(Paragraph(f"Có {vn_number(tb.text_count(data, q))} ý kiến"
                                + (f"; ý kiến nêu nhiều nhất: {quoted}." if quoted else ".")))
    return blocks


def _group_shares(ct, c: int) -> tuple[float, float, float]:
    """A group's agree / neutral / disagree as printed: rounded once, adding to 100,0 %."""
    raw = [ct.col_percent(3, c) + ct.col_percent(4, c), ct.col_percent(2, c),
           ct.col_percent(0, c) + ct.col_percent(1, c)]
    if not sum(raw):
        return 0.0, 0.0, 0.0
    agree, neutral, disagree = (t / 10 for t in shown.largest_remainder([10 * v for v in raw], 1000))
    return agree, neutral, disagree


def _groups_blocks(data: tb.SurveyData) -> tuple[list, str]:
    """Agreement with the first Likert question by stratum, age band and gender; and the
    sentence naming the groups that agree least (for the proposals)."""
    likerts = [q for q in data.questionnaire.questions if q.kind == "likert"]
    if not likerts or not data.n:
        return [Paragraph("Phiếu không có câu thang đo nên không so sánh mức đồng tình giữa các nhóm.")], ""
    q = likerts[0]
    blocks: list = [Paragraph(f"Mức đồng tình ở câu {q.no} ({q.text.rstrip('?').lower()}) theo từng nhóm "
                              "người trả lời (tỷ lệ theo cột, đã gia quyền nếu có):")]
    lowest = ""
    for by in ("stratum", "age_band", "gender"):
        groups = tb.group_categories(data, by)
        if len(groups) < 2:
            continue
        ct = tb.crosstab(data, q, by)
        rows, agree_by_group = [], []
        for c, (_, name) in enumerate(groups):
            agree, neutral, disagree = _group_shares(ct, c)
            rows.append([name, vn_number(ct.col_n[c]), pct(agree), pct(neutral), pct(disagree),
                         "±" + vn_number(ct.col_moe(c), 1)])
            agree_by_group.append(GroupAgreement(name, agree, ct.col_moe(c), ct.col_n[c]))
        if not lowest:
            lowest = lowest_groups(tb.BY[by].lower(), agree_by_group)
        blocks.append(Table([tb.BY[by], "Số phiếu", "Đồng ý", "Phân vân", "Không đồng ý", "Sai số tối đa"], rows,
                            [50, 22, 22, 23, 26, 22], f"Mức đồng tình theo {tb.BY[by].lower()}"))
        if by == "stratum":
            blocks.append(Chart(f"Câu {q.no}: mức đồng tình theo giai tầng (%)", [n for _, n in groups],
                                ["Đồng ý", "Phân vân", "Không đồng ý"],
                                [[round(ct.col_percent(3, c) + ct.col_percent(4, c)) for c in range(len(groups))],
                                 [round(ct.col_percent(2, c)) for c in range(len(groups))],
                                 [round(ct.col_percent(0, c) + ct.col_percent(1, c)) for c in range(len(groups))]]))
    return blocks, lowest


def build_document(ctx: Ctx, data: tb.SurveyData, *, signer_name: str = "", sign_mode: str = "tm",
                   number: int | None = None, recipients: list[str] | None = None,
                   today: date | None = None) -> Document:
    if data.n == 0:
        # a report of results with no result: every table and chart would be empty
        raise ValidationError(f"Cuộc điều tra «{data.survey.title}» chưa có phiếu hợp lệ nào: chưa lập được báo cáo "
                              "kết quả thăm dò. Hãy nhập phiếu (hoặc nhập tệp kết quả) trước.")
    office = get_office(ctx)
    today = today or date.today()
    signer_name = signer_name or default_signer(ctx)
    header = Header(office.superior_name, office.body_name, number_text(number, "BC", office.body_code),
                    vn_date_line(office.place_name, today))
    blocks: list = [Heading(1, f"{ROMAN[0]}. MỤC ĐÍCH, PHƯƠNG PHÁP THĂM DÒ")]
    blocks += [Paragraph(t) for t in method_paragraphs(data)]
    plan_table = _plan_table(data)
    if plan_table:
        blocks.append(plan_table)
    blocks += [Heading(1, f"{ROMAN[1]}. KẾT QUẢ THĂM DÒ"), Heading(2, "1. Cơ cấu người trả lời"),
               _profile_table(data)]
    for i in range(len(data.questionnaire.questions)):
        blocks += _question_blocks(data, i)
    group_blocks, lowest = _groups_blocks(data)
    blocks += [Heading(1, f"{ROMAN[2]}. SO SÁNH GIỮA CÁC NHÓM"), *group_blocks]
    blocks.append(Heading(1, f"{ROMAN[3]}. NHẬN ĐỊNH VÀ ĐỀ XUẤT"))
    asked = audience(office_kind(ctx), unit_place(ctx)).government
    blocks += [Paragraph(line) for line in assessment(data, lowest, asked)]
    blocks.append(Paragraph(closing(office)))
    return Document(header, "BÁO CÁO", _subject(data.survey.title, office.place_name), blocks,
                    recipients if recipients is not None else default_recipients(ctx),
                    [signature(office.body_name, sign_mode, signer_name)],
                    title_meta=f"Báo cáo kết quả thăm dò: {data.survey.title}")


def write_document(doc: Document, out_dir: Path, stem: str, *, pdf: bool = True, docx: bool = True) -> list[Path]:
    """Render a Document with the reports renderers into out_dir as <stem>.pdf / .docx."""
    from app.reports.render_docx import render_docx
    from app.reports.render_pdf import render_pdf

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    if pdf:
        written.append(out_dir / f"{stem}.pdf")
        written[-1].write_bytes(render_pdf(doc))
    if docx:
        written.append(out_dir / f"{stem}.docx")
        written[-1].write_bytes(render_docx(doc))
    return written


def render(ctx: Ctx, survey_id: str, out_dir: Path, *, pdf: bool = True, docx: bool = True,
           weight: str = "auto", **options) -> list[Path]:
    """Write the report as PDF and/or DOCX into out_dir; returns the files written."""
    data = tb.load_data(ctx, survey_id, weight)
    doc = build_document(ctx, data, **options)
    return write_document(doc, out_dir, f"bao-cao-tham-do-{survey_id[-8:]}", pdf=pdf, docx=docx)
