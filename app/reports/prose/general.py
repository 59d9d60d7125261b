"""Part I: the month in words first — stable or not, what dominated, the main events people
talked about (the biggest topics and the hot spots) — then the figures against the
previous period, and for a quarter, half year or year the trend across its months."""

from __future__ import annotations

from app.reports.facts import Facts
from app.reports.prose.pen import Pen
from app.reports.prose.words import (
    change,
    count,
    field_name,
    join,
    n2,
    pct,
    place,
    share_phrase,
    tendency,
    titles,
)
from app.text import vn_number

NEGATIVE = ("frustration", "distortion")


def _stability(f: Facts) -> str:
    neg = sum(f.by_tendency.get(t, 0) for t in NEGATIVE)
    hot = [t for t in f.topics if t.is_hot_spot]
    if neg * 100 >= 45 * f.total or len(hot) >= 4:
        return "có diễn biến phức tạp ở một số vấn đề, cần tập trung theo dõi, xử lý"
    if neg * 100 >= 25 * f.total or hot:
        return "cơ bản ổn định, song còn một số vấn đề gây bức xúc, tiềm ẩn nguy cơ phát sinh điểm nóng"
    return "ổn định"


def _mood(f: Facts) -> str:
    tend = f.by_tendency
    main, n = max(tend.items(), key=lambda kv: kv[1])
    phrase = share_phrase(n, f.total, tendency(main))
    if main == "support":
        return f"{phrase} với các chủ trương của Đảng, chính sách, pháp luật của Nhà nước"
    return phrase


def _events(f: Facts) -> str:
    big = [t for t in f.topics if t.is_hot_spot][:2]
    big += [t for t in f.topics if t not in big][:max(0, 3 - len(big))]
    if not big:
        return ""
    return "Nổi lên trong dư luận là các vấn đề: " + titles(t.title for t in big) + "."


def _fields(f: Facts, pen: Pen) -> str:
    ranked = sorted(f.by_field.items(), key=lambda kv: (-kv[1], kv[0]))
    top, n = ranked[0]
    others = [f"{field_name(k)} ({count(v, 'ý kiến')})" for k, v in ranked[1:3]]
    line = pen.pick("top-field", [
        "Lĩnh vực được quan tâm nhiều nhất là {label} với {n} ({share})",
        "Dư luận tập trung nhiều nhất vào lĩnh vực {label}: {n} ({share})",
    ], label=field_name(top), n=count(n, "ý kiến"), share=pct(n, f.total))
    return line + (f", tiếp đến là {join(others)}." if others else ".")


def _shift(f: Facts) -> str:
    """The tendency that moved most against the previous period, in percentage points."""
    if not f.prev_total:
        return ""
    moves = []
    for code in ("support", "concern", "frustration", "distortion"):
        now = 100 * f.by_tendency.get(code, 0) / f.total
        before = 100 * f.prev_by_tendency.get(code, 0) / f.prev_total
        moves.append((abs(now - before), code, now, before))
    delta, code, now, before = max(moves)
    if delta < 3:
        return f"Cơ cấu xu hướng dư luận không có biến động lớn so với {f.period.previous_label}."
    up = now > before
    return (f"Tỷ lệ ý kiến {tendency(code)} {'tăng' if up else 'giảm'} từ {vn_number(before, 1)}% "
            f"{'lên' if up else 'xuống'} {vn_number(now, 1)}% so với {f.period.previous_label}.")


def _trend(f: Facts) -> str:
    """Across the months of a quarter / half year / year: rising, falling or uneven."""
    months = [(d, n) for d, n, _ in f.monthly]
    if len(months) < 2:
        return ""
    values = [n for _, n in months]
    series = " – ".join(n2(n) for n in values)
    hi = max(months, key=lambda x: x[1])
    lo = min(months, key=lambda x: x[1])
    if all(b >= a for a, b in zip(values, values[1:], strict=False)) and values[-1] > values[0]:
        shape = f"tăng dần qua các tháng, từ {n2(values[0])} lên {n2(values[-1])} ý kiến"
    elif all(b <= a for a, b in zip(values, values[1:], strict=False)) and values[-1] < values[0]:
        shape = f"giảm dần qua các tháng, từ {n2(values[0])} xuống {n2(values[-1])} ý kiến"
    else:
        shape = (f"biến động qua các tháng, cao nhất là tháng {hi[0].month} ({count(hi[1], 'ý kiến')}), "
                 f"thấp nhất là tháng {lo[0].month} ({count(lo[1], 'ý kiến')})")
    text = f"Xét theo từng tháng ({series}), số ý kiến {shape}."
    rising = [t for t in f.topics if len(t.monthly) > 1 and t.monthly[-1] > t.monthly[0] * 1.5 and t.monthly[-1] >= 5]
    falling = [t for t in f.topics if len(t.monthly) > 1 and t.monthly[-1] * 1.5 < t.monthly[0] and t.monthly[0] >= 5]
    if rising:
        text += f" Các vấn đề có xu hướng tăng qua các tháng: {titles(t.title for t in rising[:3])}."
    if falling:
        text += f" Các vấn đề lắng dần về cuối kỳ: {titles(t.title for t in falling[:3])}."
    return text


def general(f: Facts, pen: Pen) -> str:
    p, who = f.period, pen.who
    if f.total == 0:
        return pen.finish(f"Trong {p.label}, chưa ghi nhận thông tin dư luận xã hội nào trên địa bàn. Tình hình tư "
                          "tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân cơ bản ổn định.")
    lines = [f"Trong {p.label}, tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân trên địa bàn "
             f"{f.place_name or f.district} {_stability(f)}; {_mood(f)}. {_events(f)}"]
    hot = [t for t in f.topics if t.is_hot_spot]
    if hot:
        areas = list(dict.fromkeys(a for t in hot for a in (t.high_risk_areas or [x for x, _ in t.areas[:2]])))
        lines.append(f"Có {count(len(hot), 'vấn đề')} được đánh giá là điểm nóng hoặc có nguy cơ hình thành điểm "
                     f"nóng, chủ yếu tại {join([place(a) for a in areas[:3]])} (nêu cụ thể tại mục III).")
    reach = (f"ở {n2(f.areas_with_items)}/{n2(f.areas_total)} {who.area_word}" if f.areas_total
             else f"ở {count(f.areas_with_items, who.area_word)}")
    lines.append(f"Trong {p.short}, đội ngũ cộng tác viên và các kênh thông tin đã phản ánh "
                 f"{count(f.total, 'ý kiến')}, {change(f.total, f.prev_total, p.previous_label)}, {reach}. "
                 + _fields(f, pen))
    shares = [f"{tendency(k)} {pct(v, f.total)}" for k, v in sorted(f.by_tendency.items(), key=lambda kv: -kv[1])]
    lines.append(f"Về xu hướng dư luận: {'; '.join(shares)}. {_shift(f)}".strip())
    trend = _trend(f)
    if trend:
        lines.append(trend)
    if f.high_risk and not hot:
        lines.append(f"Có {count(f.high_risk, 'ý kiến')} được đánh giá có nguy cơ cao hình thành điểm nóng.")
    if f.keywords:
        lines.append(f"Các từ khóa nổi bật trong tháng: {', '.join(f.keywords)}.")
    return pen.finish("\n".join(lines))
