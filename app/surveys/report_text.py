"""Vietnamese wording generated from a survey's plan and results: the method facts and
the one-line reading of each table. Kept apart from the layout so the Excel export, the
report and the UI say exactly the same thing."""

from __future__ import annotations

from datetime import date

from app.reports import wording
from app.reports.prose.words import nhan_dan
from app.surveys import shown, stats
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


def question_margins(data: tb.SurveyData) -> list[tuple[Question, float, int]]:
    """Each choice question with the largest ± its table prints (one decimal) and its respondents."""
    out = []
    for q in data.questionnaire.questions:
        if q.has_choices:
            f = tb.frequency(data, q)
            if f.n:
                out.append((q, max(r.moe for r in shown.rows(f)), f.n))
    return out


def group_margin(data: tb.SurveyData) -> tuple[float, str, int] | None:
    """The widest ± of the group comparison tables (the smallest group): (points, group, forms)."""
    likerts = [q for q in data.questionnaire.questions if q.kind == "likert"]
    if not likerts or not data.n:
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
    """The margins of error, at 95 %: that of the whole sample, then every question whose table
    prints a wider ± (fewer people answered it), then the smallest group compared, so that every
    ± a table prints is within what is said and the largest said is the largest printed."""
    whole = round(achieved_margin(data) * 100, 1)
    parts = [f"±{vn_number(whole, 1)} điểm phần trăm trên toàn mẫu ({vn_number(data.n)} phiếu)"]
    parts += [f"±{vn_number(worst, 1)} điểm ở câu {q.no} ({vn_number(n)} người trả lời)"
              for q, worst, n in question_margins(data) if worst > whole]
    group = group_margin(data)
    if group is not None and round(group[0], 1) > max([whole, *(w for _q, w, _n in question_margins(data))]):
        parts.append(f"khi so sánh giữa các nhóm, tới ±{vn_number(group[0], 1)} điểm ở nhóm nhỏ nhất "
                     f"(“{group[1]}”, {vn_number(group[2])} phiếu)")
    return "; ".join(parts)


def achieved_margin(data: tb.SurveyData) -> float:
    """± (0–1) at p = 0.5, 95 %: on the effective sample when weighted, with the population correction."""
    n = stats.effective_n(*tb.respondents(data)) if data.weighted else data.n
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
    rows.append(("Số phiếu hợp lệ", f"{vn_number(data.n)} phiếu"))
    if data.n:
        rows.append(("Sai số tối đa của kết quả (độ tin cậy 95%)", margin_words(data)))
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
        out.append(f"Đã thu {vn_number(data.n)} phiếu hợp lệ, đạt {pct(done)} kế hoạch."
                   + (f" Sai số tối đa của các tỷ lệ, độ tin cậy 95%: {margin_words(data)}." if data.n else ""))
    else:
        out.append(f"Đã thu {vn_number(data.n)} phiếu hợp lệ; chưa lập kế hoạch mẫu nên kết quả chỉ "
                   "phản ánh ý kiến của những người được hỏi.")
    if data.weighted:
        out.append("Do cơ cấu phiếu thu được chưa đúng với cơ cấu của tổng thể ở các ô mẫu, các tỷ lệ đã được gia "
                   "quyền hậu phân tầng (trọng số = tỷ trọng trong tổng thể / tỷ trọng số phiếu của từng ô).")
    return out


def reading(data: tb.SurveyData, q: Question) -> str:
    """One sentence on a choice question's result, quoting the shares its table prints: the
    agreement of a scale, the leading option of a single choice, the options most chosen of a
    multiple choice (shares of respondents, adding past 100 %)."""
    f = tb.frequency(data, q)
    if not f.n:
        return "Chưa có người trả lời."
    answered = f"; {vn_number(f.n)} người trả lời câu này"
    if data.weighted and round(f.base) != f.n and not f.multiple:
        answered += f" (sau gia quyền tương đương {vn_number(round(f.base))} phiếu)"
    answered += "."
    if q.kind == "likert":
        s, a = tb.likert(data, q), shown.agreement(f)
        return (f"{pct(a.agree)} đồng ý hoặc hoàn toàn đồng ý, {pct(a.neutral)} phân vân, {pct(a.disagree)} không "
                f"đồng ý; điểm trung bình {vn_number(s.mean, 2)}/5 (±{vn_number(s.moe_mean, 2)})" + answered)
    if q.kind == "multiple":
        return _most_chosen(f) + answered
    return _lead(f) + answered


def _ranked(f) -> list[shown.ShownRow]:
    order = sorted(range(len(f.rows)), key=lambda i: -f.rows[i].percent)
    printed = shown.rows(f)
    return [printed[i] for i in order]


def _tie(top: shown.ShownRow, second: shown.ShownRow) -> bool:
    return bool(second.share) and top.share - second.share <= max(top.moe, second.moe)


def _most_chosen(f) -> str:
    """A multiple choice: each option's share of the respondents, the most chosen first; no
    "phần lớn" (the options are not parts of one whole) and the sum said to pass 100 %."""
    ranked = [r for r in _ranked(f) if r.share]
    if not ranked:
        return "Chưa có phương án nào được chọn"
    top = ranked[0]
    text = f"Phương án được nhiều người chọn nhất là “{top.label}” ({pct(top.share)} số người trả lời, ± {vn_number(top.moe, 1)} điểm)"
    if len(ranked) > 1 and _tie(top, ranked[1]):
        text = (f"Hai phương án được nhiều người chọn nhất là “{top.label}” ({pct(top.share)} số người trả lời, ± "
                f"{vn_number(top.moe, 1)} điểm) và “{ranked[1].label}” ({pct(ranked[1].share)} ± "
                f"{vn_number(ranked[1].moe, 1)} điểm), chênh lệch trong phạm vi sai số")
        ranked = ranked[1:]
    if len(ranked) > 1:
        text += ", tiếp đến " + ", ".join(f"“{r.label}” ({pct(r.share)})" for r in ranked[1:3])
    return text + "; mỗi người được chọn nhiều phương án nên tổng các tỷ lệ vượt 100%"


def _lead(f) -> str:
    """The leading option of a single choice in words with its margin (app.reports.wording's rule
    for a survey): "phần lớn" only above half beyond the margin, "đa số" above two thirds beyond
    it, "khoảng một nửa" when the margin reaches half, "nhiều nhất" for a plurality, and a tie
    said as such when the gap is inside the margins of error."""
    ranked = _ranked(f)
    top = ranked[0]
    share = f"{pct(top.share)} ± {vn_number(top.moe, 1)} điểm"
    if len(ranked) > 1 and _tie(top, ranked[1]):
        second = ranked[1]
        return (f"Hai phương án “{top.label}” ({share}) và “{second.label}” ({pct(second.share)} ± "
                f"{vn_number(second.moe, 1)} điểm) chênh lệch trong phạm vi sai số, chưa khẳng định được phương án "
                "nào được chọn nhiều hơn")
    word = share_word(top.share, top.moe)
    if word:
        return f"{word} người trả lời ({share}) chọn “{top.label}”"
    return f"Phương án được chọn nhiều nhất là “{top.label}” ({share})"


def share_word(share: float, moe: float) -> str:
    """"Đa số" (two thirds beyond the margin), "Phần lớn" (half beyond it), "Khoảng một nửa"
    (the margin reaches half), or "" when the share is below that."""
    if wording.is_majority(share, 100, moe):
        return "Đa số" if share - moe >= 200 / 3 else "Phần lớn"
    if abs(share - 50) <= moe:
        return "Khoảng một nửa số"
    return ""
