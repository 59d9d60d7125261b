"""Part I: the month in words first — stable or not, what dominated, the main events people
talked about (the biggest topics and the hot spots) — then the figures against the
previous period (only when the data cover it and the period is over), and for a quarter, half
year or year the months' series, its shape said only from the months that are over."""

from __future__ import annotations

from app.reports import wording
from app.reports.facts import Facts
from app.reports.prose.pen import Pen
from app.reports.prose.words import count, field_name, join, pct, place, tendency, titles

NEGATIVE = ("frustration", "distortion")


def _stability(f: Facts) -> str:
    neg = sum(f.by_tendency.get(t, 0) for t in NEGATIVE)
    hot = [t for t in f.topics if t.is_hot_spot]
    if f.subject:  # one subject: said of it, not of "một số vấn đề"
        if neg * 100 >= 45 * f.total:
            return "có diễn biến phức tạp, cần tập trung theo dõi, xử lý"
        return "còn gây bức xúc, tiềm ẩn nguy cơ phát sinh điểm nóng" if neg * 100 >= 25 * f.total or hot \
            else "không có diễn biến phức tạp"
    # said of as many topics as there are: the hot spots and the topics most of whose items are negative
    troubled = {t.id for t in hot} | {t.id for t in f.topics if sum(t.tendency.get(k, 0) for k in NEGATIVE) * 2 > t.count}
    what = "một vấn đề" if len(troubled) == 1 else "một số vấn đề"
    if neg * 100 >= 45 * f.total or len(hot) >= 4:
        return f"có diễn biến phức tạp ở {what}, cần tập trung theo dõi, xử lý"
    if neg * 100 >= 25 * f.total or hot:
        # "gây bức xúc" only when someone was frustrated
        does = ", ".join((["gây bức xúc"] if neg else []) + (["tiềm ẩn nguy cơ phát sinh điểm nóng"] if hot else []))
        return f"cơ bản ổn định, song còn {what} {does}"
    return "ổn định"


def _mood(f: Facts) -> str:
    tend = f.by_tendency
    top = wording.leaders(tend)
    phrase = wording.leading({tendency(k): v for k, v in tend.items()}, f.total)
    if top == ["support"]:
        return f"{phrase} với các chủ trương của Đảng, chính sách, pháp luật của Nhà nước"
    return phrase


def _events(f: Facts) -> str:
    """The three topics with most items, largest first (the ones "nổi lên" are the biggest);
    a hot spot outside them is named after them, as such."""
    big = sorted(f.topics, key=lambda t: -t.count)[:3]
    if not big:
        return ""
    hot = [t for t in f.topics if t.is_hot_spot and t not in big][:2]
    extra = f"; cùng với đó là điểm nóng về {titles(t.title for t in hot)}" if hot else ""
    lead = "các vấn đề: " if len(big) > 1 or hot else "vấn đề "
    return f"Nổi lên trong dư luận là {lead}" + titles(t.title for t in big) + extra + "."


def _fields(f: Facts) -> str:
    by_field = {field_name(k): v for k, v in sorted(f.by_field.items(), key=lambda kv: (-kv[1], kv[0])) if v}
    if len(by_field) == 1:  # one field is all of them, not "nhiều nhất"
        return f"{'Ý kiến' if f.total == 1 else 'Các ý kiến đều'} thuộc lĩnh vực {next(iter(by_field))}."
    top = wording.leaders(by_field)
    others = [f"{k} ({count(v, 'ý kiến')})" for k, v in by_field.items() if k not in top][:2]
    line = "Lĩnh vực được quan tâm " + wording.ranking(by_field, f.total).replace("là ", "là lĩnh vực ", 1) \
        if len(top) == 1 else "Về lĩnh vực, " + wording.ranking(by_field, f.total, each="lĩnh vực")
    return line + (f", tiếp đến là {join(others)}." if others else ".")


def comparable(f: Facts) -> bool:
    """A comparison with the previous period means something: the data cover it and this
    period is over (a running month is not set against a whole one)."""
    return f.has_prev and not f.running


def versus(f: Facts, now: int, before: int, noun: str = "ý kiến") -> str:
    """The change against the previous period, or why there is none."""
    if f.running and f.has_prev:  # said once, in part I; the earlier figure is not given as if compared
        return f"chưa so sánh với {f.period.previous_label} vì {f.period.label} chưa kết thúc"
    return wording.change(now, before, f.period.previous_label, f.has_prev, noun)


def _shift(f: Facts) -> str:
    """The tendency that moved most against the previous period, in percentage points."""
    if min(f.total, f.prev_total) < wording.SHARE_ITEMS or not comparable(f):
        return ""  # a share moving on a handful of items is noise, not a shift in opinion
    moves = []
    for code in ("support", "concern", "frustration", "distortion"):
        now = 100 * f.by_tendency.get(code, 0) / f.total
        before = 100 * f.prev_by_tendency.get(code, 0) / f.prev_total
        moves.append((abs(now - before), code, now, before))
    delta, code, now, before = max(moves)
    if delta < 3:  # the claim carries the figures it rests on: the main tendency then and now
        main = max(moves, key=lambda m: m[2])
        return (f"Cơ cấu xu hướng dư luận không có biến động lớn so với {f.period.previous_short} (ý kiến "
                f"{tendency(main[1])} chiếm {pct(main[2], 100)}, trước đó {pct(main[3], 100)}).")
    up = now > before
    return (f"Tỷ lệ ý kiến {tendency(code)} {'tăng' if up else 'giảm'} từ {pct(before, 100)} "
            f"{'lên' if up else 'xuống'} {pct(now, 100)} so với {f.period.previous_short}.")


def month_label(d) -> str:
    return f"tháng {d.month}"


def months_table_label(f: Facts) -> str:
    """The months' table is Bảng 2 after the fields' table; a one-subject report has no
    fields' table, so its months' table is Bảng 1."""
    return "Bảng 1" if f.subject else "Bảng 2"


def _trend(f: Facts) -> str:
    """Across the months of a quarter / half year / year: the series, its shape read only from
    the months that are over, and the topics that rose or fell at every step."""
    first = f.monthly[0][0] if f.monthly else None
    since = (f"Số liệu của đơn vị có từ tháng {first.month}/{first.year}; các tháng trước đó trong kỳ chưa có số liệu."
             if first and first > f.period.start.replace(day=1) else "")
    if len(f.monthly) < 2:
        return since
    done, start = f.trend_months, f.trend_start
    table = months_table_label(f)
    text = f"Số ý kiến theo từng tháng được nêu tại {table}."
    if len(done) >= 2:
        shape = wording.series([n for _, n, _ in done], [month_label(d) for d, _, _ in done])
        text = f"Qua {wording.n2(len(done))} tháng đã kết thúc ({table}), số ý kiến {shape}."
    if f.gap_months:
        months = join([month_label(d) for d in f.gap_months])
        text += (f" {months[:1].upper()}{months[1:]} chưa có số liệu (không có ý kiến nào được ghi nhận), "
                 "không dùng để so sánh, đánh giá xu hướng.")
    if len(f.complete_months) < len(f.monthly):
        text += (f" Tháng {f.monthly[-1][0].month} chưa kết thúc (số liệu tính đến ngày "
                 f"{f.as_of:%d/%m/%Y}), chưa dùng để đánh giá xu hướng.")
    steady = [t for t in f.topics if len(done) >= 3 and t.count >= 10]
    window = slice(start, start + len(done))
    rising = [t for t in steady if wording.trend(t.monthly[window][-3:]) == "up"]
    falling = [t for t in steady if wording.trend(t.monthly[window][-3:]) == "down"]
    if rising:
        text += f" Tăng liên tục trong 03 tháng đã kết thúc gần nhất: {titles(t.title for t in rising[:3])}."
    if falling:
        text += f" Giảm liên tục trong 03 tháng đã kết thúc gần nhất: {titles(t.title for t in falling[:3])}."
    return f"{since} {text}".strip()


def general(f: Facts, pen: Pen) -> str:
    p, who = f.period, pen.who
    if f.total == 0:
        return pen.finish(f"{f.during}, chưa ghi nhận thông tin dư luận xã hội nào"
                          f"{' về ' + f.subject if f.subject else ' ' + who.within}.")
    if f.subject:
        lines = [f"{f.during}, dư luận xã hội {who.within} về {f.subject} "
                 f"{_stability(f)}; {_mood(f)}."]
    else:
        lines = [f"{f.during}, tình hình tư tưởng, tâm trạng của {who.people} {who.within} "
                 f"{_stability(f)}; {_mood(f)}. {_events(f)}"]
    hot = [t for t in f.topics if t.is_hot_spot]
    if hot:
        areas = list(dict.fromkeys(a for t in hot for a in t.places))
        what = "Vấn đề" if f.subject and len(hot) == 1 else f"Có {count(len(hot), 'vấn đề')}"
        at = f" tại {join([place(a) for a in areas])}" if areas else ""
        lines.append(f"{what} được đánh giá là điểm nóng hoặc có nguy cơ hình thành điểm "
                     f"nóng{at} (nêu cụ thể tại mục III).")
    names = list({a for t in f.topics for a, _ in t.areas} | {s.area for v in f.loose.values() for s in v})
    tally = wording.area_tally(f.reached(names), f.area_totals) if f.area_totals else \
        count(f.areas_with_items, who.area_word) if f.areas_with_items else ""
    change = versus(f, f.total, f.prev_total)  # after the places it counts, never between count and places
    lines.append(f"Trong {p.short}, đội ngũ cộng tác viên và các kênh thông tin đã phản ánh "
                 f"{count(f.total, 'ý kiến')}{' ở ' + tally if tally else ''}"
                 f"{'; ' if change.startswith('chưa') else ', '}{change}."
                 + ("" if f.subject else " " + _fields(f)))
    shares = [f"{tendency(k)} {pct(v, f.total)}" if f.total >= wording.FEW_ITEMS else f"{count(v, 'ý kiến')} {tendency(k)}"
              for k, v in sorted(f.by_tendency.items(), key=lambda kv: -kv[1])]
    lines.append(f"Về xu hướng dư luận: {'; '.join(shares)}. {_shift(f)}".strip())
    trend = _trend(f)
    if trend:
        lines.append(trend)
    if f.high_risk and not hot:
        lines.append(f"Có {count(f.high_risk, 'ý kiến')} được đánh giá có nguy cơ cao hình thành điểm nóng.")
    if f.keywords:
        lines.append(f"Các từ khóa nổi bật trong tháng: {', '.join(f.keywords)}.")
    return pen.finish("\n".join(lines))
