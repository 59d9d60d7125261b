"""Section IV of the survey report, "Nhận định và đề xuất": what the results mean and what the
office proposes, not the findings of section II again. It quotes the agreement of the first
scale question with the same printed shares as its table (app.surveys.shown), weighs it with the
survey's wording rule (app.surveys.report_text.share_word), names the groups that agree least
(from the comparison of section III) and turns the open suggestions into a proposal by count."""

from __future__ import annotations

from app.surveys import shown, stats
from app.surveys import tabulate as tb
from app.surveys.report_text import pct, share_word
from app.text import vn_number


def _agreement_sentence(data: tb.SurveyData) -> str:
    likerts = [q for q in data.questionnaire.questions if q.kind == "likert"]
    f = tb.frequency(data, likerts[0]) if likerts else None
    if f is None or not f.n:
        return ""
    a = shown.agreement(f)
    moe = 100 * stats.margin_of_error(f.effective_n, 95, a.agree / 100) if f.effective_n else 0.0
    word = share_word(a.agree, moe).lower()
    share = f"{pct(a.agree)} ± {vn_number(moe, 1)} điểm"
    if word in ("đa số", "phần lớn"):
        lead = f"Chủ trương được {word} người được hỏi đồng tình ({share})"
    elif word:
        lead = f"Khoảng một nửa số người được hỏi đồng tình với chủ trương ({share})"
    else:
        lead = f"Chủ trương chưa được đa số người được hỏi đồng tình (chỉ {share} đồng ý)"
    doubt = a.neutral + a.disagree
    if doubt < 0.05:
        return lead + "."
    return (f"{lead}; tuy vậy còn {pct(doubt)} người phân vân hoặc không đồng ý ({pct(a.neutral)} phân vân, "
            f"{pct(a.disagree)} không đồng ý), cần được tuyên truyền, giải thích thêm.")


def assessment(data: tb.SurveyData, lowest: str, asked: str) -> list[str]:
    """The paragraphs of section IV: the assessment, then the proposals, addressed to `asked`
    (the body that carries the policy out: at a commune its People's Committee)."""
    out = []
    agreement = _agreement_sentence(data)
    if agreement:
        out.append(agreement)
    proposals = []
    if lowest:
        out.append(f"{lowest}.")
        proposals.append("tăng cường tuyên truyền, đối thoại, giải thích rõ chủ trương với các nhóm có tỷ lệ đồng "
                         "tình thấp nêu trên")
    texts = [q for q in data.questionnaire.questions if q.kind == "text"]
    suggestions = sum(tb.text_count(data, q) for q in texts)
    if suggestions:
        where = ", ".join(f"câu {q.no}" for q in texts)
        proposals.append(f"tiếp thu, xem xét và trả lời {vn_number(suggestions)} kiến nghị của người được hỏi "
                         f"({where})")
    if proposals:
        out.append(f"Đề nghị {asked} " + "; ".join(proposals) + ".")
    return out
