"""Words of the survey report that rank groups and speak for the office.

Contract: `lowest_groups(dimension, groups)` names the groups that agree least, lowest first,
equal shares (to the printed decimal) named together as a tie, each with its margin and
number of forms, and says when a named group is too small to rank with confidence;
`closing(office)` is the report's last sentence in the voice of the body that issues it
(a commune Party committee is not "Ban Tuyên giáo"), addressed to the body above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.reports import wording
from app.reports.document import is_collective
from app.text import vn_number

NAMED = 3           # groups named, ties included beyond it
SMALL_GROUP = 30    # forms under which a group's share is read with caution


@dataclass(frozen=True)
class GroupAgreement:
    name: str
    agree: float      # % agreeing (levels 4–5)
    moe: float        # ± percentage points
    n: int


def _share(g: GroupAgreement) -> str:
    return f"{vn_number(max(g.agree, 0.0), 1)}% ± {vn_number(g.moe, 1)} điểm, {vn_number(g.n)} phiếu"


def lowest_groups(dimension: str, groups: list[GroupAgreement]) -> str:
    """'Theo giai tầng, tỷ lệ đồng tình thấp nhất là nhóm “Khác” (38,3% ± 23,8 điểm, 17 phiếu),
    tiếp đến là …' — every group ranked, not only the large ones, ties as ties."""
    if len(groups) < 2:
        return ""
    ranked = sorted(groups, key=lambda g: (round(g.agree, 1), g.name))
    low = round(ranked[0].agree, 1)
    first = [g for g in ranked if round(g.agree, 1) == low]
    rest = [g for g in ranked if round(g.agree, 1) != low][:max(0, NAMED - len(first))]
    if len(first) == 1:
        text = f"Theo {dimension}, tỷ lệ đồng tình thấp nhất là nhóm “{first[0].name}” ({_share(first[0])})"
    else:
        names = wording.join(f"“{g.name}” ({vn_number(g.n)} phiếu)" for g in first)
        text = (f"Theo {dimension}, các nhóm {names} có tỷ lệ đồng tình thấp nhất ngang nhau "
                f"({vn_number(max(low, 0.0), 1)}%)")
    if rest:
        text += ", tiếp đến là " + wording.join(f"nhóm “{g.name}” ({_share(g)})" for g in rest)
    if any(g.n < SMALL_GROUP for g in first + rest):
        text += f". Nhóm dưới {SMALL_GROUP} phiếu có sai số lớn nên thứ tự giữa các nhóm chỉ để tham khảo"
    return text


def _speaker(office) -> str:
    """The issuing body as a sentence names it: the office's own label when the header prints the
    default body, else the header's name in sentence case ("Ban xây dựng Đảng")."""
    style = office.style
    if office.body_name == style.body_name:
        return style.office_label
    words = office.body_name.lower().split()
    return " ".join(w.capitalize() if i == 0 or w == "đảng" else w for i, w in enumerate(words))


def closing(office) -> str:
    """The last sentence: who reports, to whom, and what it asks of its own organisations."""
    who = _speaker(office)
    if is_collective(office.body_name):
        return (f"{who} báo cáo kết quả thăm dò để {office.style.upper_body} biết; đồng thời chỉ đạo các chi bộ, "
                "cơ quan, đoàn thể tiếp tục nắm bắt dư luận, giải thích rõ chủ trương và giải quyết kịp thời "
                "những băn khoăn của Nhân dân.")
    return (f"{who} báo cáo kết quả thăm dò để Thường trực cấp ủy biết, chỉ đạo các cơ quan, đoàn thể tiếp tục "
            "nắm bắt dư luận và giải quyết kịp thời những băn khoăn của Nhân dân.")
