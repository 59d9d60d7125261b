"""Vietnamese wording generated from a survey's plan and results: the method facts and
the one-line reading of each table. Kept apart from the layout so the Excel export, the
report and the UI say exactly the same thing."""

from __future__ import annotations

from datetime import date

from app.reports import wording
from app.reports.prose.words import nhan_dan
from app.surveys import stats
from app.surveys import tabulate as tb
from app.surveys.model import Question
from app.surveys.plan import DIMENSIONS, Plan
from app.surveys.questionnaire import METHODS
from app.text import vn_date, vn_number


def pct(value: float, decimals: int = 1) -> str:
    """A share: never negative, never "-0,0%"."""
    return vn_number(max(value, 0.0), decimals) + "%"


def _d(iso: str | None) -> str:
    return vn_date(date.fromisoformat(iso)) if iso else "…"


def _formula_n(plan: Plan) -> int:
    return stats.sample_size(plan.confidence, plan.margin, plan.population).n


def largest_margin(data: tb.SurveyData) -> tuple[float, Question | None, int]:
    """The largest ± (percentage points) any share of the question tables carries, with its
    question and respondents: a question answered by fewer people (a skip, a sub-group) has a
    wider margin than the whole sample's, and the report must not claim less than it shows."""
    worst: tuple[float, Question | None, int] = (achieved_margin(data) * 100, None, len(data.responses))
    for q in data.questionnaire.questions:
        if q.has_choices:
            f = tb.frequency(data, q)
            for r in f.rows:
                if f.n and r.moe > worst[0] + 0.05:
                    worst = (r.moe, q, f.n)
    return worst


def group_margin(data: tb.SurveyData) -> tuple[float, str, int] | None:
    """The widest ± of the group comparison tables (the smallest group): (points, group, forms)."""
    likerts = [q for q in data.questionnaire.questions if q.kind == "likert"]
    if not likerts or not data.responses:
        return None
    worst: tuple[float, str, int] | None = None
    for by in ("stratum", "age_band", "gender"):
        groups = tb.group_categories(data, by)
        if len(groups) < 2:
            continue
        ct = tb.crosstab(data, likerts[0], by)
        for c, (_code, name) in enumerate(groups):
            if ct.col_n[c] and (worst is None or ct.col_moe(c) > worst[0]):
                worst = (ct.col_moe(c), name, int(ct.col_n[c]))
    return worst


def margin_words(data: tb.SurveyData) -> str:
    """'±5,0% …' on the whole sample, the largest margin of the question tables when it is wider,
    and that of the smallest group compared: every ± a table prints is within what is said."""
    whole = achieved_margin(data) * 100
    worst, q, n = largest_margin(data)
    text = f"±{vn_number(whole, 1)}% trên toàn mẫu, độ tin cậy 95%"
    if q is not None:
        text += f"; ở câu {q.no}, chỉ {vn_number(n)} người trả lời, tới ±{vn_number(worst, 1)} điểm phần trăm"
    group = group_margin(data)
    if group is not None and group[0] > max(worst, whole) + 0.05:
        text += (f"; khi so sánh giữa các nhóm, tới ±{vn_number(group[0], 1)} điểm ở nhóm nhỏ nhất "
                 f"(“{group[1]}”, {vn_number(group[2])} phiếu)")
    return text


def achieved_margin(data: tb.SurveyData) -> float:
    """± (0–1) at p = 0.5, 95 %: on the effective sample when weighted, with the population correction."""
    n = stats.effective_n(data.weights) if data.weighted else len(data.responses)
    population = data.plan.population if data.plan else None
    return stats.margin_of_error(n, 95, population=population) if n else float("nan")


def method_rows(data: tb.SurveyData) -> list[tuple[str, str]]:
    """Label/value pairs of the method: sample size, dates, margin of error, weighting."""
    s, plan = data.survey, data.plan
    rows = [("Hình thức", METHODS.get(s.method, s.method)),
            ("Thời gian thu phiếu", f"từ {_d(s.starts_on)} đến {_d(s.ends_on)}")]
    if plan:
        rows += [
            ("Tổng thể", f"{vn_number(plan.population)} người từ 18 tuổi trở lên"),
            ("Cỡ mẫu theo công thức", f"{vn_number(_formula_n(plan))} phiếu (độ tin cậy {plan.confidence}%, "
                                      f"sai số cho phép ±{vn_number(plan.margin * 100, 1)}%, "
                                      "có hiệu chỉnh tổng thể hữu hạn)"),
            ("Cỡ mẫu theo kế hoạch", f"{vn_number(plan.sample_size)} phiếu"),
            ("Phân bổ mẫu", f"{DIMENSIONS[plan.dimension].lower()}, tỷ lệ với số người từ 18 tuổi"
                            + (f", tối thiểu {plan.minimum} phiếu mỗi ô" if plan.minimum else "")),
        ]
    else:
        rows.append(("Kế hoạch mẫu", "chưa lập (mẫu thuận tiện, không suy rộng được cho tổng thể)"))
    rows.append(("Số phiếu hợp lệ", f"{vn_number(len(data.responses))} phiếu"))
    if data.responses:
        rows.append(("Sai số tối đa của kết quả", margin_words(data)))
    if data.weighted and data.weighting:
        text = "có: gia quyền hậu phân tầng theo tỷ trọng trong tổng thể của từng ô"
        if data.weighting.uncovered:
            text += f"; {len(data.weighting.uncovered)} ô chưa có phiếu nên không đại diện được"
        rows.append(("Gia quyền", text))
    else:
        rows.append(("Gia quyền", "không (cơ cấu mẫu sát với cơ cấu tổng thể)" if plan else "không"))
    return rows


def method_paragraphs(data: tb.SurveyData) -> list[str]:
    """The method section as sentences for the report."""
    s, plan = data.survey, data.plan
    out = []
    if s.purpose:
        out.append(nhan_dan(s.purpose.rstrip(".")) + ".")
    how = METHODS.get(s.method, s.method).lower()
    out.append(f"Hình thức thăm dò: {how}; thời gian thu phiếu từ ngày {_d(s.starts_on)} đến ngày {_d(s.ends_on)}. "
               "Phiếu không ghi họ tên, địa chỉ, số điện thoại của người trả lời.")
    if plan:
        out.append(
            f"Tổng thể (khung mẫu) là {vn_number(plan.population)} người từ 18 tuổi trở lên. Cỡ mẫu được tính theo công thức Cochran với độ tin cậy "
            f"{plan.confidence}%, sai số cho phép ±{vn_number(plan.margin * 100, 1)}%, p = 0,5 và hiệu chỉnh tổng thể "
            f"hữu hạn: {vn_number(_formula_n(plan))} phiếu"
            + (f"; kế hoạch chọn {vn_number(plan.sample_size)} phiếu" if plan.sample_size != _formula_n(plan) else "")
            + f", phân bổ {DIMENSIONS[plan.dimension].lower()} tỷ lệ với số người từ 18 tuổi"
            + (f", tối thiểu {plan.minimum} phiếu mỗi ô." if plan.minimum else "."))
        done = 100 * plan.collected / plan.sample_size if plan.sample_size else 0
        out.append(f"Đã thu {vn_number(len(data.responses))} phiếu hợp lệ, đạt {pct(done)} kế hoạch. "
                   f"Sai số tối đa của các tỷ lệ: {margin_words(data)}.")
    else:
        out.append(f"Đã thu {vn_number(len(data.responses))} phiếu hợp lệ; chưa lập kế hoạch mẫu nên kết quả chỉ "
                   "phản ánh ý kiến của những người được hỏi.")
    if data.weighted:
        out.append("Do cơ cấu phiếu thu được chưa đúng với cơ cấu của tổng thể ở các ô mẫu, các tỷ lệ đã được gia "
                   "quyền hậu phân tầng (trọng số = tỷ trọng trong tổng thể / tỷ trọng số phiếu của từng ô).")
    return out


def reading(data: tb.SurveyData, q: Question) -> str:
    """One sentence on a choice question's result: the leading option and its margin."""
    if q.kind == "likert":
        s = tb.likert(data, q)
        if not s.n:
            return "Chưa có người trả lời."
        return (f"{pct(s.agree)} đồng ý hoặc hoàn toàn đồng ý, {pct(s.neutral)} phân vân, {pct(s.disagree)} không "
                f"đồng ý; điểm trung bình {vn_number(s.mean, 2)}/5 (±{vn_number(s.moe_mean, 2)}).")
    f = tb.frequency(data, q)
    if not f.n:
        return "Chưa có người trả lời."
    text = _lead(f)
    if q.kind == "multiple":
        text += "; tỷ lệ tính trên số người trả lời, mỗi người được chọn nhiều phương án"
    return text + f"; {vn_number(f.n)} người trả lời câu này."


def _lead(f) -> str:
    """The leading option in words with its margin (app.reports.wording's rule for a survey):
    "phần lớn" only above half beyond the margin, "đa số" above two thirds beyond it, "khoảng
    một nửa" when the margin reaches half, "nhiều nhất" for a plurality, and a tie said as such
    when the gap is inside the margins of error."""
    ranked = sorted(f.rows, key=lambda r: -r.percent)
    top = ranked[0]
    share = f"{pct(top.percent)} ± {vn_number(top.moe, 1)} điểm"
    if len(ranked) > 1 and ranked[1].percent and top.percent - ranked[1].percent <= max(top.moe, ranked[1].moe):
        second = ranked[1]
        return (f"Hai phương án “{top.label}” ({share}) và “{second.label}” ({pct(second.percent)} ± "
                f"{vn_number(second.moe, 1)} điểm) chênh lệch trong phạm vi sai số, chưa khẳng định được phương án "
                "nào được chọn nhiều hơn")
    if wording.is_majority(top.percent, 100, top.moe):
        word = "Đa số" if top.percent - top.moe >= 200 / 3 else "Phần lớn"
        return f"{word} người trả lời ({share}) chọn “{top.label}”"
    if abs(top.percent - 50) <= top.moe:
        return f"Khoảng một nửa số người trả lời ({share}) chọn “{top.label}”"
    return f"Phương án được chọn nhiều nhất là “{top.label}” ({share})"


def findings(data: tb.SurveyData) -> list[str]:
    """The main findings in words, one line per choice or scale question, with margins."""
    out = []
    for q in data.questionnaire.questions:
        if q.kind == "likert":
            s = tb.likert(data, q)
            if s.n:
                out.append(f"- Câu {q.no}: {pct(s.agree)} người được hỏi đồng ý hoặc hoàn toàn đồng ý, "
                           f"{pct(s.disagree)} không đồng ý (điểm trung bình {vn_number(s.mean, 2)}/5, "
                           f"± {vn_number(s.moe_mean, 2)}).")
        elif q.kind in ("single", "multiple"):
            f = tb.frequency(data, q)
            if f.n:
                out.append(f"- Câu {q.no} ({q.text.rstrip('?').strip()}): {_lead(f)}.")
    return out
