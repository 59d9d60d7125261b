"""Sentences of a report, written the way a Party office writes them, from `Facts`.

Each function returns the editable text of one section (one paragraph per line; "- "
lines for lists). Numbers go through app.text (1.234 and 12,5%).
"""

from __future__ import annotations

from datetime import date

from app import catalog
from app.reports.facts import Facts, TopicFacts
from app.text import vn_number, vn_percent


def _n(value: int) -> str:
    return vn_number(value)


def _label(table: dict[str, str], code: str) -> str:
    return catalog.label(table, code)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _change(now: int, before: int, prev_label: str) -> str:
    if before == 0:
        return f"({prev_label} không có ý kiến nào được ghi nhận)" if now else f"bằng {prev_label}"
    diff = now - before
    if diff == 0:
        return f"bằng {prev_label}"
    word = "tăng" if diff > 0 else "giảm"
    return f"{word} {_n(abs(diff))} ý kiến ({vn_percent(abs(diff), before)}) so với {prev_label}"


def place(name: str) -> str:
    """'Xã Nhị Long' → 'xã Nhị Long' inside a sentence (unit kinds are common nouns)."""
    for kind in ("Thị trấn ", "Thị xã ", "Thành phố ", "Xã ", "Phường ", "Huyện ", "Tỉnh "):
        if name.startswith(kind):
            return kind.lower() + name[len(kind):]
    return name


def _proposal(text: str) -> str:
    """A proposal as a clause after 'đề nghị' (no doubled 'đề nghị')."""
    text = text.strip().rstrip(".")
    for lead in ("Đề nghị ", "đề nghị ", "Kiến nghị ", "kiến nghị "):
        if text.startswith(lead):
            return text[len(lead):]
    return _lower_first(text)


def _join(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def general(f: Facts) -> str:
    p, total = f.period, f.total
    tend = f.by_tendency
    support = tend.get("support", 0)
    if total == 0:
        return (f"Trong {p.label}, chưa ghi nhận thông tin dư luận xã hội nào trên địa bàn. Tình hình tư tưởng, "
                "tâm trạng của cán bộ, đảng viên và Nhân dân cơ bản ổn định.")
    mood = ("đa số đồng tình, ủng hộ các chủ trương của Đảng, chính sách, pháp luật của Nhà nước"
            if support * 2 >= total else
            "tuy nhiên, số ý kiến băn khoăn, lo lắng, bức xúc còn chiếm tỷ lệ đáng kể, cần được quan tâm giải quyết")
    lines = [f"Nhìn chung, tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân trên địa bàn "
             f"{f.district} trong {p.label} cơ bản ổn định; {mood}."]
    ranked = sorted(f.by_field.items(), key=lambda kv: (-kv[1], kv[0]))
    top = ranked[0]
    others = [f"{_lower_first(_label(catalog.FIELDS, k))} ({_n(v)} ý kiến)" for k, v in ranked[1:3]]
    line = (f"Trong {p.short}, đội ngũ cộng tác viên và các kênh thông tin đã phản ánh {_n(total)} ý kiến, "
            f"{_change(total, f.prev_total, p.previous_label)}, ở {_n(f.areas_with_items)} xã, thị trấn. "
            f"Lĩnh vực được quan tâm nhiều nhất là {_lower_first(_label(catalog.FIELDS, top[0]))} với "
            f"{_n(top[1])} ý kiến ({vn_percent(top[1], total)})")
    line += f", tiếp đến là {_join(others)}." if others else "."
    lines.append(line)
    shares = [f"{vn_percent(tend.get(k, 0), total)} ý kiến {_lower_first(v)}" for k, v in catalog.TENDENCIES.items()]
    lines.append(f"Về xu hướng dư luận: {'; '.join(shares)}.")
    if f.high_risk:
        lines.append(f"Có {_n(f.high_risk)} ý kiến được đánh giá có nguy cơ cao hình thành điểm nóng, "
                     "cần theo dõi chặt chẽ.")
    return "\n".join(lines)


def _topic_paragraph(t: TopicFacts, f: Facts) -> str:
    main = max(t.tendency.items(), key=lambda kv: kv[1])[0] if t.tendency else "concern"
    areas = [place(a) for a in t.areas]
    if t.area_count > len(areas):
        areas.append(f"{_n(t.area_count - len(areas))} địa bàn khác")
    where = f"tập trung ở {_join(areas)}" if areas else ""
    scale = _lower_first(_label(catalog.SCALES, t.scale))
    text = (f"Về {_lower_first(t.title)}: trong {f.period.short} có {_n(t.count)} ý kiến phản ánh"
            f"{', ' + where if where else ''}; mức độ quan tâm: {scale} người quan tâm. "
            f"Phần lớn ý kiến {_lower_first(_label(catalog.TENDENCIES, main))} "
            f"({vn_percent(t.tendency.get(main, 0), t.count)}).")
    if t.samples:
        text += f" Ý kiến tiêu biểu: “{t.samples[0].rstrip('.')}”."
    if t.proposals:
        text += f" Nhân dân đề nghị {_proposal(t.proposals[0])}."
    if t.status == "hot":
        text += " Đây là vấn đề nổi cộm, cần tiếp tục theo dõi, nắm chắc diễn biến."
    return text


def issues(f: Facts) -> str:
    if not f.topics:
        if not f.total:
            return f"Trong {f.period.short}, không có vấn đề nổi bật được dư luận quan tâm."
        ranked = sorted(f.by_field.items(), key=lambda kv: -kv[1])[:3]
        return "\n".join(f"Về lĩnh vực {_lower_first(_label(catalog.FIELDS, k))}: có {_n(v)} ý kiến phản ánh."
                         for k, v in ranked)
    return "\n".join(_topic_paragraph(t, f) for t in f.topics)


def handling(f: Facts) -> str:
    h = f.handling
    text = (f"Trong {f.period.short}, Ban đã tiếp nhận {_n(h.received)} ý kiến; chuyển {_n(h.forwarded)} ý kiến đến "
            f"các cơ quan chức năng xem xét, giải quyết; {_n(h.resolved)} ý kiến đã có kết quả giải quyết; "
            f"đã phản hồi {_n(h.answered)} ý kiến đến cộng tác viên và nơi phản ánh.")
    if h.overdue:
        text += (f"\nĐến cuối kỳ, còn {_n(h.overdue)} ý kiến đã chuyển nhưng quá hạn chưa có kết quả giải quyết; "
                 "Ban tiếp tục phối hợp, đôn đốc các cơ quan liên quan.")
    else:
        text += "\nKhông có ý kiến quá hạn giải quyết."
    return text


def network(f: Facts) -> str:
    lines = []
    if f.meetings:
        present = sum(m.present for m in f.meetings)
        absent = sum(m.absent + m.excused for m in f.meetings)
        excused = sum(m.excused for m in f.meetings)
        dates = _join([date.fromisoformat(m.held_on).strftime("%d/%m/%Y") for m in f.meetings])
        lines.append(f"Trong {f.period.short}, Ban tổ chức {_n(len(f.meetings))} hội nghị giao ban cộng tác viên dư "
                     f"luận xã hội (ngày {dates}), với {_n(present)} lượt cộng tác viên tham dự "
                     f"(đạt {vn_percent(present, present + absent)}); {_n(absent)} lượt vắng, trong đó "
                     f"{_n(excused)} lượt có lý do.")
    else:
        lines.append(f"Trong {f.period.short}, Ban chưa tổ chức hội nghị giao ban cộng tác viên.")
    line = f"Hiện nay, toàn đơn vị có {_n(f.active_collaborators)} cộng tác viên dư luận xã hội đang hoạt động"
    changes = []
    if f.joined:
        changes.append(f"bổ sung {_n(f.joined)} cộng tác viên")
    if f.left:
        changes.append(f"{_n(f.left)} cộng tác viên thôi tham gia")
    lines.append(line + (f"; trong {f.period.short} đã {_join(changes)}." if changes else "."))
    if f.trainings:
        lines.append(f"Ban đã tổ chức {_n(f.trainings)} lớp tập huấn, bồi dưỡng nghiệp vụ cho cộng tác viên.")
    return "\n".join(lines)


def forecast(f: Facts) -> str:
    hot = [t for t in f.topics if t.status == "hot"] or f.topics[:2]
    lines = []
    if hot:
        titles = _join([f"“{t.title}”" for t in hot])
        areas = _join([place(a) for a in dict.fromkeys(a for t in hot for a in t.areas)][:3])
        line = f"Thời gian tới, dư luận xã hội tiếp tục quan tâm đến {titles}"
        line += (f"; nếu không được giải quyết kịp thời có thể phát sinh điểm nóng, nhất là tại {areas}."
                 if areas else ".")
        lines.append(line)
    ranked = [k for k, _ in sorted(f.by_field.items(), key=lambda kv: -kv[1])[:2]]
    if ranked:
        fields_text = _join([_lower_first(_label(catalog.FIELDS, k)) for k in ranked])
        lines.append(f"Các vấn đề thuộc lĩnh vực {fields_text} dự báo tiếp tục được cán bộ, đảng viên và Nhân dân "
                     "quan tâm, bàn luận.")
    if not lines:
        lines.append("Dự báo tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân tiếp tục ổn định.")
    return "\n".join(lines)


def proposals(f: Facts) -> str:
    lines = []
    for text, _n_items in f.proposals:
        lines.append(f"- Đề nghị {_proposal(text)}.")
    if f.handling.overdue:
        lines.append("- Đề nghị các cơ quan chức năng sớm xem xét, giải quyết dứt điểm các ý kiến đã quá hạn "
                     "và thông tin kết quả để Ban phản hồi đến Nhân dân.")
    hot = [t.title for t in f.topics if t.status == "hot"]
    if hot:
        lines.append(f"- Đề nghị Thường trực Huyện ủy chỉ đạo kịp thời thông tin, định hướng dư luận về "
                     f"{_join([f'“{t}”' for t in hot])}.")
    lines.append("- Đề nghị Ban Tuyên giáo Tỉnh ủy tiếp tục quan tâm tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ "
                 "cộng tác viên dư luận xã hội.")
    return "\n".join(lines)
