"""The consolidated report's prose, parts I–III: what arrived from the communes, the
province's month in words, the topics merged across communes and the hot spots.

Rules a head checks (FORMAT.md "What a sentence may claim"): a month whose reports are not
yet due (or not yet over) is named as such with its cut-off date and never called stable;
a figure that is zero is said in words or its clause is left out, never "0 ý kiến"; a
hot spot is a topic hot in several communes, not one commune's items; communes are named
compactly (a province has 38–168 of them).
"""

from __future__ import annotations

from collections import defaultdict

from app.exchange import province
from app.reports import wording
from app.reports.consolidated import months
from app.reports.consolidated.facts import ProvinceFacts, UnitFacts
from app.reports.consolidated.topics import CrossTopic, in_sentence
from app.reports.prose.words import (
    change,
    count,
    field_name,
    join,
    nhan_dan,
    pct,
    proposal_clause,
    tendency,
    upper_first,
)
from app.text import vn_date, vn_sort_key

KINDS = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Huyện ", "Thị xã ", "Thành phố ")


def compact(names: list[str], limit: int = 40, one: bool = False) -> str:
    """'phường 1 và các xã An Trường, Bình Phú, Tân An' — one kind word per group, two groups
    joined by "và" (a ';' in mid-sentence reads as the end of an entry: 'chính quyền phường
    Duyên Hải; xã Đôn Châu tập trung …'); three groups, or a list cut short, keep ';' between
    groups unless `one` (the groups stand for one entry of a longer ';' list). A single name
    left over is named, never "và 01 đơn vị khác"."""
    limit = wording.shown(len(names), limit)
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names[:limit]:
        kind = next((k for k in KINDS if name.startswith(k)), "")
        groups[kind.strip().lower()].append(name[len(kind):] if kind else name)
    parts = []
    for kind, bare in groups.items():
        lead = (f"các {kind}" if len(bare) > 1 else kind) if kind else ""
        parts.append(f"{lead} {', '.join(bare)}".strip())
    cut = len(names) > limit
    # a ';' then "và N đơn vị khác" reads as a list ended twice: groups of a list cut short take ','
    text = join(parts) if one or (len(parts) == 2 and not cut) else ", ".join(parts) if cut else "; ".join(parts)
    return text + (f" và {count(len(names) - limit, 'đơn vị')} khác" if cut else "")


def period_words(f: ProvinceFacts) -> str:
    """'tháng 10 năm 2026', 'quý IV năm 2026', '6 tháng cuối năm 2026', 'năm 2026'."""
    return f.period.label


def arrivals(f: ProvinceFacts) -> list[str]:
    """What arrived, by whom and when; the not-yet-due month says so with its cut-off date."""
    enrolled = len(f.units)
    sent = f.with_status(province.ON_TIME, province.LATE)
    late = f.with_status(province.LATE)
    missing = [u.name for u in f.with_status(province.MISSING)]
    waiting = [u.name for u in f.with_status(province.PENDING)]
    label, today = period_words(f), vn_date(f.today)
    due = f" (hạn ngày {vn_date(f.due)})" if f.due else ""
    lines = []
    if f.today <= f.period.end:
        lines.append(f"{upper_first(label)} chưa kết thúc; báo cáo {f.period.short} của các đơn vị chưa đến hạn gửi{due}.")
    elif f.not_yet_due:
        lines.append(f"Báo cáo {label} của các đơn vị chưa đến hạn gửi{due}.")
    if not enrolled:
        lines.append("Chưa có đơn vị cấp dưới nào đăng ký trao đổi dữ liệu với Ban.")
    elif sent:
        on_time = len(sent) - len(late)
        how = [f"{count(on_time, 'đơn vị')} đúng hạn" if on_time else "",
               f"{count(len(late), 'đơn vị')} gửi muộn ({compact([u.name for u in late], 12)})" if late else ""]
        lines.append(f"Đến ngày {today}, Ban nhận được báo cáo {label} của {len(sent):02d}/{count(enrolled, 'đơn vị')} "
                     "đã đăng ký trao đổi dữ liệu" + (": " + ", ".join(h for h in how if h) if late else
                                                      ", đều đúng hạn") + ".")
    else:
        lines.append(f"Đến ngày {today}, Ban chưa nhận được báo cáo {label} của đơn vị nào "
                     f"trong {count(enrolled, 'đơn vị')} đã đăng ký trao đổi dữ liệu.")
    if missing:
        lines.append(f"Quá hạn nhưng chưa nhận được báo cáo của {count(len(missing), 'đơn vị')}: {compact(missing)}.")
    if waiting and sent:
        lines.append(f"Còn {count(len(waiting), 'đơn vị')} chưa gửi, chưa đến hạn.")
    if f.not_enrolled:
        lines.append(f"{count(len(f.not_enrolled), f.kinds)} của tỉnh chưa đăng ký trao đổi "
                     f"dữ liệu với Ban: {compact(f.not_enrolled, 30)}.")
    return lines


def assessment(f: ProvinceFacts) -> list[str]:
    """The overall assessment — only from a month whose reports are due and mostly in."""
    label = period_words(f)
    sent = len(f.with_status(province.ON_TIME, province.LATE))
    if not f.total:
        return [f"Chưa có thông tin dư luận xã hội {label} của các đơn vị để tổng hợp; Ban chưa đánh giá tình hình "
                f"chung của {f.period.short}."]
    source = f"{count(f.total, 'ý kiến')} của cán bộ, đảng viên và Nhân dân do " \
             f"{count(sum(1 for u in f.units if u.total), 'đơn vị')} gửi"
    mix = _mood(f.by_tendency, f.total)
    big = "; ".join(in_sentence(t.title) for t in f.topics[:3])
    focus = f" Dư luận tập trung vào các vấn đề: {big}." if big else ""
    if f.not_yet_due or sent * 2 < max(1, len(f.units)):
        return [nhan_dan(f"Số liệu dưới đây là số liệu tạm thời, tổng hợp từ {source} đến ngày {vn_date(f.today)}; "
                         f"Ban chưa đánh giá tình hình chung của {f.period.short} khi chưa nhận đủ báo cáo. Trong số liệu "
                         f"đã nhận, {mix}.{focus}")]
    hot = [t for t in f.topics if t.is_hot_spot]
    neg = sum(u.negative for u in f.units)
    troubled = sorted({u.name for u in f.units if u.negative} | {n for t in hot for n in t.hot_units}, key=vn_sort_key)
    where = "một số địa phương" if len(troubled) > 1 else compact(troubled) if troubled else "một số vấn đề"
    state = ("cơ bản ổn định" if neg * 4 < f.total and not hot
             else f"cơ bản ổn định, song có diễn biến phức tạp ở {where}" if neg * 3 < f.total
             else "có diễn biến phức tạp, cần theo dõi chặt chẽ")
    trend = against_before(f)
    return [nhan_dan(f"Trong {label}, tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân trong tỉnh "
                     f"{state}; {mix}.{focus}"),
            nhan_dan(f"Ban tổng hợp {source}{trend}.")]


def against_before(f: ProvinceFacts) -> str:
    """The period against the one before, like with like: over the communes with items in both
    (a commune that sent one month and not the other changes the total, not the opinion)."""
    before = f.period.previous_label
    if not f.prev_total:
        return f" (chưa có số liệu {before} để so sánh)"
    now, then = {u.code for u in f.units if u.total}, {u.code for u in f.units if u.prev}
    if now == then:
        return f", {change(f.total, f.prev_total, before)}"
    both = [u for u in f.units if u.total and u.prev]
    if not both:
        return f" (các đơn vị có số liệu {before} khác các đơn vị có số liệu kỳ này, chưa so sánh được)"
    return (f"; so sánh trên cùng {count(len(both), 'đơn vị')} có số liệu cả hai {f.period.short}, số ý kiến "
            f"{change(sum(u.total for u in both), sum(u.prev for u in both), before)}")


def monthly_series(f: ProvinceFacts) -> list[str]:
    """A quarter's, half year's or year's months in words, like with like (consolidated.months)."""
    if f.period.kind == "monthly":
        return []
    return months.in_words(f.month_figures, len(f.units), f.today)


def _mood(tendencies: dict[str, int], whole: int) -> str:
    """The leading tendency of `tendencies` (code → items) in words, a tie named as a tie
    (wording.leading, the commune reports' rule)."""
    order = ("support", "concern", "frustration", "distortion")
    return wording.leading({tendency(k): tendencies.get(k, 0) for k in order}, whole)


def by_field(f: ProvinceFacts) -> list[str]:
    lines = []
    for code, n in sorted(f.by_field.items(), key=lambda kv: (-kv[1], kv[0])):
        if not n:
            continue
        mix = {t: f.cells.get((code, t), 0) for t in ("support", "concern", "frustration", "distortion")}
        lines.append(f"- Lĩnh vực {field_name(code)}: {count(n, 'ý kiến')} ({pct(n, f.total)}); {_mood(mix, n)}.")
    return lines


def _where(t: CrossTopic, n: int = 4) -> str:
    """Where a topic was reported: its units named when they are few, else their number and
    the ones that lead every other (wording.leading_places: never one picked from a tie)."""
    if len(t.units) == 1:
        return f"chỉ ở {compact([t.units[0][0]])}"
    if len(t.units) <= n:
        return f"ở {compact([u for u, _ in t.units], one=True)}"
    lead = wording.leading_places(t.units, most=n, prefer=n)
    return f"ở {count(len(t.units), 'đơn vị')}" + (f", nhiều nhất là {compact(lead, one=True)}" if lead else "")


def topics(f: ProvinceFacts, limit: int = 5) -> list[str]:
    if not f.total:
        return [f"Chưa có ý kiến nào của {f.period.short} để tổng hợp theo vấn đề."]
    if not f.topics:
        return ["Trong số liệu đã nhận, các đơn vị chưa phân loại ý kiến theo vấn đề."]
    lines = []
    for i, t in enumerate(f.topics[:limit]):
        moved = change(t.now_like, t.prev, f.period.previous_label) if t.prev and not f.not_yet_due else ""
        trend, like = (f", {moved}", "") if moved and t.like is None else \
            ("", f"; tính trên các đơn vị có số liệu cả hai {f.period.short}, {moved}" if moved else "")
        # The topic's own heading line ("a) …"), then its paragraph: a whole "a) …" paragraph
        # shorter than a heading's limit printed in bold as if it were one (document.text_blocks).
        lines.append(f"{'abcdefghik'[i]}) {t.title}")
        text = (f"Có {count(t.count, 'ý kiến')}{trend}, {_where(t)}{like}. "
                f"{upper_first(_mood(t.tendency, t.count))}.")
        if t.proposals:
            text += f" Nhân dân đề nghị {proposal_clause(t.proposals[0])}."
        lines.append(nhan_dan(text))
    rest = f.topics[limit:]
    if rest:
        lines.append("Ngoài ra, các đơn vị còn phản ánh về " + "; ".join(
            f"{in_sentence(t.title)} ({count(t.count, 'ý kiến')})" for t in rest[:wording.shown(len(rest), 8)]) + (
            f" và {count(len(rest) - 8, 'vấn đề')} khác" if len(rest) > 9 else "") + ".")
    if f.keywords:
        lines.append(f"Các từ khóa nổi bật trong ý kiến của {f.period.short}: " + ", ".join(f.keywords) + ".")
    return lines


def hot_spots(f: ProvinceFacts) -> list[str]:
    """Topics hot in several communes; a single commune's hot items are named apart."""
    if not f.total:
        return [f"Chưa có căn cứ để xác định vấn đề nổi cộm, điểm nóng của {f.period.short}."]
    hot = [t for t in f.topics if t.is_hot_spot]
    lines = []
    for t in hot:
        risky = f", {count(t.high_risk, 'ý kiến')} có nguy cơ thành điểm nóng" if t.high_risk else ""
        lines.append(f"- {t.title}: {count(len(t.hot_units), 'đơn vị')} báo cáo là vấn đề nổi cộm hoặc có nguy cơ "
                     f"cao ({compact(t.hot_units, 12)}){risky}.")
    single = [(t, t.hot_units[0]) for t in f.topics if len(t.hot_units) == 1]
    if single:
        lead = ("Ngoài ra, có vấn đề nổi cộm riêng ở từng đơn vị: " if hot else
                "Chưa có vấn đề nào được từ hai đơn vị trở lên báo cáo là nổi cộm; vấn đề nổi cộm riêng ở từng "
                "đơn vị: ")
        lines.append(lead + "; ".join(
            f"{in_sentence(t.title)} ({compact([name])})" for t, name in single[:8]) + ".")
    if not lines:
        return ["Trong số liệu đã nhận, chưa có đơn vị nào báo cáo vấn đề nổi cộm hoặc có nguy cơ thành điểm nóng."]
    if hot:
        lines.insert(0, f"Có {count(len(hot), 'vấn đề')} được từ hai đơn vị trở lên báo cáo là nổi cộm hoặc có "
                        "nguy cơ thành điểm nóng:")
    return lines


def _leaders(units: list[UnitFacts], key, n: int = 3) -> tuple[list[UnitFacts], bool]:
    """The first n by `key`, widened to every unit tied with the n-th (ties are named as ties);
    True when the tie is too wide to list and only the tied figure is said."""
    ranked = sorted((u for u in units if key(u)), key=lambda u: (-key(u), vn_sort_key(u.name)))
    if len(ranked) <= n:
        return ranked, False
    cut = key(ranked[n - 1])
    top = [u for u in ranked if key(u) >= cut]
    return top, len(top) > 2 * n


def busiest(f: ProvinceFacts) -> list[str]:
    """The communes with most items and with most frustration (bức xúc), ties named as ties."""
    with_items = [u for u in f.units if u.total]
    if not with_items:
        return []
    lines = []
    for what, key, noun in (("nhiều ý kiến nhất", lambda u: u.total, "ý kiến"),
                            ("nhiều ý kiến bức xúc, phản đối nhất", lambda u: u.frustration, "ý kiến bức xúc")):
        top, wide = _leaders(with_items, key)
        if not top:
            continue
        if wide:  # the tie at the cut is too wide to list: the units above it, then the tie by its figure
            cut = key(top[-1])
            above = [u for u in top if key(u) > cut]
            tie = [u for u in top if key(u) == cut]
            if not above:
                lines.append(f"Có {count(len(tie), 'đơn vị')} cùng {what}, mỗi đơn vị {count(cut, noun)}: "
                             f"{compact([u.name for u in tie], 8)}.")
                continue
            lines.append(f"Các đơn vị có {what}: " + "; ".join(tied(above, key, noun)) + f"; tiếp đến là "
                         f"{count(len(tie), 'đơn vị')} cùng {count(cut, noun)} ({compact([u.name for u in tie], 8)}).")
            continue
        lines.append(f"Các đơn vị có {what}: " + "; ".join(tied(top, key, noun)) + ".")
    return lines


def tied(top: list[UnitFacts], key, noun: str) -> list[str]:
    """'xã A (07 ý kiến)', then units sharing a figure together: 'các xã B, C (cùng 05 ý kiến)'
    — a tie said once, not the same bracket five times."""
    out = []
    for value in sorted({key(u) for u in top}, reverse=True):
        names = [u.name for u in top if key(u) == value]
        out.append(f"{compact(names, one=True)} ({'cùng ' if len(names) > 1 else ''}{count(value, noun)})")
    return out


def ranked_list(units: list[UnitFacts], key, noun: str, limit: int = 8) -> str:
    """Units by a figure, largest first, ties as ties ('xã A (10 ý kiến); các xã B, C (cùng 02 ý
    kiến)'), cut only between ties — a tie cut in two reads as if the units shown were all of
    it — with the rest counted and their figures given ('36 đơn vị khác (cùng 01 ý kiến)')."""
    ranked = sorted(units, key=lambda u: (-key(u), vn_sort_key(u.name)))
    shown: list[UnitFacts] = []
    for value in sorted({key(u) for u in ranked}, reverse=True):
        group = [u for u in ranked if key(u) == value]
        if shown and len(shown) + len(group) > limit:
            break
        shown += group
    parts = tied(shown, key, noun)
    rest = [key(u) for u in ranked if u not in shown]
    if rest:
        each = f"cùng {count(rest[0], noun)}" if min(rest) == max(rest) else \
            f"từ {wording.n2(min(rest))} đến {count(max(rest), noun)} mỗi đơn vị"
        parts.append(f"{count(len(rest), 'đơn vị')} khác ({each})")
    return "; ".join(parts)


def top_units(f: ProvinceFacts, n: int = 10) -> list[UnitFacts]:
    """The units with most items for the table: n of them, cut before a tie that n would split
    (a row picked from seven communes with 17 items each begs the question why that one),
    unless the tie is all there is."""
    ranked = sorted((u for u in f.units if u.total), key=lambda u: (-u.total, vn_sort_key(u.name)))
    if len(ranked) > n and ranked[n].total == ranked[n - 1].total:
        return [u for u in ranked[:n] if u.total > ranked[n].total] or ranked[:n]
    return ranked[:n]
