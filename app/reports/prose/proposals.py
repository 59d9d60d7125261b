"""Part VI: the forecast tied to the period's trends, and the office's own proposals, each
addressed to a named body — the agency an issue was forwarded to, the People's Committee,
the Party committee or the superior Ban — and derived from what is unresolved or rising.
The citizens' own requests are not restated here (Part II says what people propose)."""

from __future__ import annotations

from app.reports.facts import Facts, TopicFacts
from app.reports.prose.pen import Pen
from app.reports.prose.words import count, join, place, titles


def _rising(t: TopicFacts) -> bool:
    return t.count >= 3 and (t.prev_count == 0 or t.count >= t.prev_count * 1.25)


def forecast(f: Facts, pen: Pen) -> list[str]:
    lines = []
    rising = [t for t in f.topics if _rising(t)]
    hot = [t for t in f.topics if t.is_hot_spot]
    if rising:
        names = titles((t.title for t in rising[:3]), quote=True)
        lines.append(f"Thời gian tới, dư luận về {names} dự báo tiếp tục tăng, nhất là khi các vấn đề này chưa "
                     "được giải quyết dứt điểm.")
    if hot:
        areas = list(dict.fromkeys(a for t in hot for a in (t.high_risk_areas or [x for x, _ in t.areas[:1]])))
        lines.append(f"Các vấn đề {titles((t.title for t in hot[:3]), quote=True)} còn tiềm ẩn nguy cơ; nếu không "
                     f"được giải quyết kịp thời, tại {join([place(a) for a in areas[:3]])} có thể phát sinh khiếu "
                     "kiện, tụ tập đông người hoặc bị lợi dụng để xuyên tạc, kích động.")
    falling = [t for t in f.topics if t.prev_count >= 5 and t.count * 1.5 <= t.prev_count]
    if falling:
        lines.append(f"Dư luận về {titles(t.title for t in falling[:2])} có xu hướng lắng xuống.")
    if not lines:
        lines.append("Dự báo tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân tiếp tục ổn định.")
    return lines


def _main_agency(t: TopicFacts) -> str:
    return t.agencies[0][0] if t.agencies else ""


def proposals(f: Facts, pen: Pen) -> list[str]:
    who = pen.who
    lines = []
    topics_of: dict[str, list[TopicFacts]] = {}
    for t in f.topics:
        if t.open_forwarded and _main_agency(t):
            topics_of.setdefault(_main_agency(t), []).append(t)
    pending = [a for a in f.agencies if a.open]
    for a in pending[:4]:
        late = (f", trong đó {count(a.overdue, 'ý kiến')} đã quá hạn (lâu nhất {count(a.max_days_over, 'ngày')})"
                if a.overdue else "")
        about = topics_of.get(a.name, [])
        on = f", nhất là về {titles(t.title for t in about[:2])}" if about else ""
        lines.append(pen.pick("ask-agency", [
            "- Đề nghị {a} sớm xem xét, giải quyết dứt điểm {n} đã chuyển còn chưa có kết quả{late}{on}; thông tin "
            "kết quả để phản hồi đến Nhân dân.",
            "- Đề nghị {a} khẩn trương trả lời {n} còn tồn đọng{late}{on}.",
            "- Đề nghị {a} tập trung giải quyết {n} chưa có kết quả{late}{on}, tránh để kéo dài gây bức xúc.",
        ], a=a.name, n=count(a.open, "ý kiến"), late=late, on=on))
    if len(pending) > 4:
        rest = pending[4:]
        lines.append(f"- Đề nghị {join([a.name for a in rest])} sớm có kết quả đối với "
                     f"{count(sum(a.open for a in rest), 'ý kiến')} đã chuyển còn tồn đọng.")
    loose = [t for t in f.topics if _rising(t) and not t.agencies]
    if loose:
        lines.append(f"- Đề nghị {who.government} chỉ đạo các ngành chức năng xác minh, có biện pháp xử lý đối với "
                     f"{titles(t.title for t in loose[:3])}, là các vấn đề dư luận đang tăng nhưng "
                     "chưa được chuyển xử lý.")
    hot = [t for t in f.topics if t.is_hot_spot]
    if hot and who.committee:
        lines.append(f"- Đề nghị {who.committee} chỉ đạo các cơ quan liên quan tập trung giải quyết, kịp thời "
                     f"thông tin, định hướng dư luận về {join([f'“{t.title}”' for t in hot[:3]])}.")
    elif hot:
        lines.append(f"- Đề nghị {who.government} tổ chức đối thoại, công khai thông tin với Nhân dân về "
                     f"{join([f'“{t.title}”' for t in hot[:3]])}.")
    distort = f.by_tendency.get("distortion", 0)
    if distort:
        lines.append(f"- Đề nghị {who.superior} kịp thời cung cấp thông tin định hướng, nhất là đối với "
                     f"{count(distort, 'ý kiến')} trái chiều, xuyên tạc ghi nhận trong {f.period.short}.")
    lines.append(f"- Đề nghị {who.superior} tiếp tục quan tâm tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ cộng tác "
                 "viên dư luận xã hội.")
    return lines


def outlook(f: Facts, pen: Pen) -> str:
    lines = ["1. Dự báo", *forecast(f, pen), "2. Đề xuất, kiến nghị", *proposals(f, pen)]
    return pen.finish("\n".join(lines))
