"""The consolidated report's prose: the province's month in words, by topic across
communes, and the communes to name — those with hot spots, with overdue handling, and
those whose report has not arrived — listed compactly (a province has 38–168 communes)."""

from __future__ import annotations

from collections import defaultdict

from app.exchange import province
from app.exchange.consolidated_facts import CrossTopic, ProvinceFacts, UnitFacts
from app.reports.prose.words import (
    change,
    count,
    field_name,
    join,
    lower_first,
    n2,
    nhan_dan,
    pct,
    place,
    proposal_clause,
    share_phrase,
    tendency,
    upper_first,
)

KINDS = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Huyện ", "Thị xã ", "Thành phố ")


def compact(names: list[str], limit: int = 40) -> str:
    """'các xã An Trường, Bình Phú, Tân An; phường 1' — one kind word per group."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names[:limit]:
        kind = next((k for k in KINDS if name.startswith(k)), "")
        groups[kind.strip().lower()].append(name[len(kind):] if kind else name)
    parts = []
    for kind, bare in groups.items():
        lead = (f"các {kind}" if len(bare) > 1 else kind) if kind else ""
        parts.append(f"{lead} {', '.join(bare)}".strip())
    text = "; ".join(parts)
    return text + (f" và {count(len(names) - limit, 'đơn vị')} khác" if len(names) > limit else "")


def _units_of(t: CrossTopic, n: int = 4) -> str:
    names = compact([u for u, _ in t.units[:n]])
    more = len(t.units) - n
    return names + (f" và {count(more, 'đơn vị')} khác" if more > 0 else "")


def overview(f: ProvinceFacts, label: str, prev_label: str) -> list[str]:
    sent = [u for u in f.units if u.status in (province.ON_TIME, province.LATE)]
    with_items = [u for u in f.units if u.total]
    lines = []
    if not f.total:
        return [f"Trong {label}, chưa có dữ liệu dư luận xã hội của các đơn vị được tổng hợp."]
    neg = sum(u.negative for u in f.units)
    hot = [u for u in f.units if u.hot_topics]
    state = ("cơ bản ổn định" if neg * 4 < f.total and len(hot) * 10 < max(1, len(f.units))
             else "cơ bản ổn định, song có diễn biến phức tạp ở một số địa phương")
    main, n = max(f.by_tendency.items(), key=lambda kv: kv[1])
    big = [lower_first(t.title) for t in f.topics[:3]]
    lines.append(f"Trong {label}, tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân trong tỉnh {state}; "
                 f"{share_phrase(n, f.total, tendency(main))}." + (
                     f" Dư luận tập trung vào các vấn đề: {'; '.join(big)}." if big else ""))
    lines.append(f"Ban nhận báo cáo tháng của {n2(len(sent))}/{count(len(f.units), 'đơn vị')}, "
                 f"dữ liệu dư luận của {count(len(with_items), 'đơn vị')}; tổng hợp {count(f.total, 'ý kiến')} của "
                 f"cán bộ, đảng viên và Nhân dân, {change(f.total, f.prev_total, prev_label)}.")
    busiest = sorted(with_items, key=lambda u: -u.total)[:3]
    if busiest:
        lines.append("Các đơn vị có nhiều ý kiến nhất: " + join(
            [f"{place(u.name)} ({count(u.total, 'ý kiến')})" for u in busiest]) + ".")
    return lines


def by_field(f: ProvinceFacts, prev_label: str) -> list[str]:
    lines = []
    for code, n in sorted(f.by_field.items(), key=lambda kv: -kv[1]):
        mix = {t: f.cells.get((code, t), 0) for t in ("support", "concern", "frustration", "distortion")}
        main, m = max(mix.items(), key=lambda kv: kv[1])
        moved = f", {change(n, f.prev_by_field.get(code, 0), prev_label)}" if f.prev_total else ""
        lines.append(f"- Lĩnh vực {field_name(code)}: {count(n, 'ý kiến')} ({pct(n, f.total)}){moved}; "
                     f"{share_phrase(m, n, tendency(main))}.")
    return lines


def topics(f: ProvinceFacts, prev_label: str, limit: int = 6) -> list[str]:
    if not f.topics:
        return ["Trong kỳ, các đơn vị chưa phản ánh vấn đề nổi lên theo chủ đề."]
    lines = []
    for i, t in enumerate(f.topics[:limit]):
        spread = (f"phản ánh ở {count(len(t.units), 'đơn vị')}, nhiều nhất là {_units_of(t, 3)}"
                  if len(t.units) > 1 else f"chỉ phát sinh ở {compact([t.units[0][0]])}")
        trend = f", {change(t.count, t.prev, prev_label)}" if f.prev_total else ""
        main = t.main_tendency
        text = (f"{'abcdefghik'[i]}) {t.title}: {count(t.count, 'ý kiến')}{trend}; {spread}. "
                f"{upper_first(share_phrase(t.tendency.get(main, 0), t.count, tendency(main)))}.")
        if t.proposals:
            text += f" Nhân dân đề nghị {proposal_clause(t.proposals[0])}."
        lines.append(nhan_dan(text))
    rest = f.topics[limit:]
    if rest:
        lines.append("Ngoài ra, các đơn vị còn phản ánh về " + "; ".join(
            f"{lower_first(t.title)} ({count(t.count, 'ý kiến')})" for t in rest) + ".")
    return lines


def watch_list(f: ProvinceFacts) -> list[str]:
    """The communes to name: hot spots, overdue handling, no report."""
    lines = []
    hot = sorted((u for u in f.units if u.hot_topics), key=lambda u: (-u.high_risk, u.name))
    if hot:
        lines.append(f"Có {count(len(hot), 'đơn vị')} có điểm nóng hoặc vấn đề nguy cơ cao, theo từng vấn đề:")
        by_topic: dict[str, list[UnitFacts]] = defaultdict(list)
        for u in hot:
            by_topic[u.hot_topics[0]].append(u)
        for title, group in sorted(by_topic.items(), key=lambda kv: -len(kv[1])):
            risky = sum(u.high_risk for u in group)
            lines.append(f"- {title} ({count(len(group), 'đơn vị')}"
                         + (f", {count(risky, 'ý kiến')} nguy cơ cao" if risky else "") + "): "
                         + compact([u.name for u in group]) + ".")
    else:
        lines.append("Trong kỳ, không có đơn vị nào báo cáo điểm nóng.")
    late = sorted((u for u in f.units if u.overdue), key=lambda u: (-u.overdue, u.name))
    if late:
        labels = [f"{u.name} ({count(u.overdue, 'ý kiến')}, lâu nhất {count(u.max_days_over, 'ngày')})" for u in late]
        lines.append(f"Còn {count(len(late), 'đơn vị')} có ý kiến đã chuyển nhưng quá hạn chưa có kết quả giải "
                     f"quyết: {compact(labels)}.")
    missing = [u.name for u in f.units if u.status == province.MISSING]
    if missing:
        lines.append(f"Chưa nhận được báo cáo tháng của {count(len(missing), 'đơn vị')}: {compact(missing)}.")
    return lines


def proposals(f: ProvinceFacts, label: str) -> list[str]:
    lines = []
    hot = [u for u in f.units if u.hot_topics]
    if hot:
        lines.append(f"- Đề nghị Thường trực Tỉnh ủy chỉ đạo cấp ủy, chính quyền {compact([u.name for u in hot], 12)} "
                     "tập trung giải quyết dứt điểm các điểm nóng, không để phát sinh khiếu kiện đông người.")
    late: list[UnitFacts] = [u for u in f.units if u.overdue]
    if late:
        lines.append(f"- Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành và Ủy ban nhân dân {compact([u.name for u in late], 12)} "
                     f"sớm trả lời {count(sum(u.overdue for u in late), 'ý kiến')} đã quá hạn giải quyết.")
    missing = [u for u in f.units if u.status == province.MISSING]
    if missing:
        lines.append(f"- Đề nghị đảng ủy {compact([u.name for u in missing], 12)} gửi báo cáo tháng đúng hạn.")
    if f.by_tendency.get("distortion"):
        lines.append("- Đề nghị Ban Tuyên giáo và Dân vận Trung ương kịp thời cung cấp thông tin định hướng đối với "
                     f"{count(f.by_tendency['distortion'], 'ý kiến')} trái chiều, xuyên tạc ghi nhận trong {label}.")
    if not lines:
        lines.append("- Đề nghị các đảng ủy xã, phường tiếp tục nắm chắc tình hình dư luận, báo cáo kịp thời.")
    return lines
