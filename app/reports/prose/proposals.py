"""Part VI: the forecast tied to the period's trends, and the office's own proposals, each
addressed to a named body — the agency an issue was forwarded to, the People's Committee,
the Party committee or the superior Ban — and derived from what is unresolved or rising.
The citizens' own requests are not restated here (Part II says what people propose).

A proposal cites only the items the addressed body holds: an agency is asked about the
topics whose pending items it holds; central and foreign matters (đối ngoại) are not put to
the commune's bodies but reflected upward to the superior Ban. A forecast of a rise or a
fall rests on months that are over (a month with one week of data forecasts nothing)."""

from __future__ import annotations

from app.reports import wording
from app.reports.facts import Facts, TopicFacts
from app.reports.prose.general import comparable
from app.reports.prose.pen import Pen
from app.reports.prose.words import count, join, place, tendency, titles

UPWARD_FIELDS = ("foreign_affairs",)  # matters no commune body holds: reflected to the superior Ban


def upward(t: TopicFacts) -> bool:
    return t.field in UPWARD_FIELDS


def _moving(t: TopicFacts, f: Facts, way: str) -> bool:
    """Rising ('up') or falling ('down'): over the last three months that are over for a
    longer period, against a covered previous period for a month that is over."""
    done, start = len(f.trend_months), f.trend_start   # never across a month without data
    if len(t.monthly) > 1:
        return done >= 3 and t.count >= 10 and wording.trend(t.monthly[start:start + done][-3:]) == way
    if not comparable(f) or not t.prev_count:
        return False
    if way == "up":
        return t.count >= t.prev_count * 1.25 and t.count - t.prev_count >= 3
    return t.prev_count >= 5 and t.count * 1.5 <= t.prev_count


def _rising(t: TopicFacts, f: Facts) -> bool:
    return _moving(t, f, "up")


def _last_step(f: Facts) -> list[TopicFacts]:
    """Topics that rose clearly (a quarter more and three items at least, as a month against
    the month before) between the two months of a longer period that are over."""
    if len(f.trend_months) != 2:
        return []
    a = f.trend_start
    return [t for t in f.topics if len(t.monthly) > a + 1 and t.monthly[a + 1] >= 1.25 * t.monthly[a]
            and t.monthly[a + 1] - t.monthly[a] >= 3]


def forecast(f: Facts, pen: Pen) -> list[str]:
    lines = []
    rising = [t for t in f.topics if _rising(t, f)]
    hot = [t for t in f.topics if t.is_hot_spot]
    if rising:
        names = titles((t.title for t in rising[:3]), quote=True)
        these = "các vấn đề này" if len(rising) > 1 else "vấn đề này"
        if len(f.monthly) > 1:  # three months that are over rose at every step: a trend
            lines.append(f"Thời gian tới, dư luận về {names} dự báo tiếp tục tăng, nhất là khi {these} chưa "
                         "được giải quyết dứt điểm.")
        else:  # one rise against the previous month is no trend: said as a rise and a risk
            lines.append(f"Dư luận về {names} tăng so với {f.period.previous_short}; nếu {these} chưa được "
                         "giải quyết dứt điểm, thời gian tới có thể còn tăng.")
    elif len(f.monthly) > 1 and len(f.trend_months) == 2 and _last_step(f):
        # two months over: too few for a trend, enough to say which topics rose between them
        (a, _, _), (b, _, _) = f.trend_months
        names = titles((t.title for t in _last_step(f)[:3]), quote=True)
        # the missing trend is said before the risk, so the two do not read as a forecast taken back
        lines.append(f"Dư luận về {names} tháng {b.month} tăng so với tháng {a.month}. Mới có 02 tháng đã kết thúc "
                     "nên chưa đủ căn cứ dự báo xu hướng; nếu chưa được giải quyết dứt điểm, dư luận có thể "
                     "tiếp tục tăng, cần theo dõi sát.")
    elif f.running:
        lines.append(f"Do {f.period.short} chưa kết thúc (số liệu tính đến ngày {f.as_of:%d/%m/%Y}), chưa đủ căn cứ "
                     "dự báo xu hướng tăng, giảm của từng vấn đề; tiếp tục theo dõi đến hết kỳ.")
    if hot:
        areas = list(dict.fromkeys(a for t in hot for a in t.places))
        lines.append(f"{'Các vấn đề' if len(hot) > 1 else 'Vấn đề'} {titles((t.title for t in hot[:3]), quote=True)} "
                     "còn tiềm ẩn nguy cơ; nếu không "
                     f"được giải quyết kịp thời, {'tại ' + join([place(a) for a in areas]) + ' ' if areas else ''}"
                     "có thể phát sinh khiếu "
                     "kiện, tụ tập đông người hoặc bị lợi dụng để xuyên tạc, kích động.")
    falling = [t for t in f.topics if _moving(t, f, "down")]
    if falling:
        names = titles((t.title for t in falling[:2]), quote=True)
        lines.append(f"Dư luận về {names} có xu hướng lắng xuống." if len(f.monthly) > 1 else
                     f"Dư luận về {names} giảm so với {f.period.previous_short}; cần tiếp tục theo dõi.")
    if not lines and not f.total:  # no items: no ground for a forecast, least of all "ổn định"
        lines.append(f"Chưa có thông tin dư luận xã hội trong {f.period.short} làm căn cứ dự báo; tiếp tục theo dõi, "
                     "nắm chắc tình hình.")
    elif not lines:
        lines.append(f"Dự báo tình hình tư tưởng, tâm trạng của {pen.who.people} tiếp tục ổn định.")
    return lines


def proposals(f: Facts, pen: Pen) -> list[str]:
    who = pen.who
    lines = []
    held: dict[str, list[TopicFacts]] = {}
    for t in sorted(f.topics, key=lambda t: -t.pending):
        for agency in t.pending_at:
            if not upward(t):
                held.setdefault(agency, []).append(t)
    pending = [a for a in f.agencies if a.open]
    on_day = wording.as_of(f.as_of)
    for a in pending[:4]:
        late = (f", trong đó {count(a.overdue, 'ý kiến')} đã quá hạn (lâu nhất {count(a.max_days_over, 'ngày')})"
                if a.overdue else "")
        about = held.get(a.name, [])
        # quoted titles joined by "và": a title's own commas never read as the sentence's semicolons
        on = f", nhất là về {titles((t.title for t in about[:2]), quote=True)}" if about else ""
        lines.append(pen.pick("ask-agency", [
            "- Đề nghị {a} sớm xem xét, giải quyết dứt điểm {n} đã chuyển còn chưa có kết quả ({d}){late}{on}; "
            "thông tin kết quả để phản hồi đến Nhân dân.",
            "- Đề nghị {a} khẩn trương trả lời {n} còn tồn đọng ({d}){late}{on}.",
            "- Đề nghị {a} tập trung giải quyết {n} chưa có kết quả ({d}){late}{on}, tránh để kéo dài gây bức xúc.",
        ], a=a.name, n=count(a.open, "ý kiến"), late=late, on=on, d=on_day))
    if len(pending) > 4:
        rest = pending[4:]
        lines.append(f"- Đề nghị {join([a.name for a in rest])} sớm có kết quả đối với "
                     f"{count(sum(a.open for a in rest), 'ý kiến')} đã chuyển còn tồn đọng ({on_day}).")
    loose = [t for t in f.topics if _rising(t, f) and not t.agencies and not upward(t)]
    if loose:
        lines.append(f"- Đề nghị {who.government} chỉ đạo các ngành chức năng xác minh, có biện pháp xử lý đối với "
                     f"{titles((t.title for t in loose[:3]), quote=True)}, là "
                     f"{'các vấn đề' if len(loose) > 1 else 'vấn đề'} dư luận đang tăng nhưng "
                     "chưa được chuyển xử lý.")
    hot = [t for t in f.topics if t.is_hot_spot and not upward(t)]
    if hot and who.committee:
        lines.append(f"- Đề nghị {who.committee} chỉ đạo các cơ quan liên quan tập trung giải quyết, kịp thời "
                     f"thông tin, định hướng dư luận về {join([f'“{t.title}”' for t in hot[:3]])}.")
    elif hot:
        lines.append(f"- Đề nghị {who.government} tổ chức đối thoại, công khai thông tin với Nhân dân về "
                     f"{join([f'“{t.title}”' for t in hot[:3]])}.")
    negative = {t.id: sum(t.tendency.get(c, 0) for c in ("frustration", "distortion")) for t in f.topics}
    raised = [t for t in f.topics if upward(t) and wording.worth_raising(t.count, negative[t.id], t.is_hot_spot)]
    for t in raised[:2]:
        main = tendency(t.main_tendency) if t.main_tendency else ""
        lines.append(f"- Đề nghị {who.superior} tổng hợp, phản ánh lên cấp trên dư luận về {t.title[:1].lower()}"
                     f"{t.title[1:]} ({count(t.count, 'ý kiến')}{', chủ yếu ' + main if main else ''}); tiếp tục "
                     "cung cấp thông tin chính thống để tuyên truyền, định hướng tại cơ sở.")
    distort = f.by_tendency.get("distortion", 0)
    if distort:
        lines.append(f"- Đề nghị {who.superior} kịp thời cung cấp thông tin định hướng, nhất là đối với "
                     f"{count(distort, 'ý kiến')} trái chiều, xuyên tạc ghi nhận trong {f.period.short}.")
    if not f.subject and f.active_collaborators:  # a report on one subject asks only about it
        lines.append(f"- Đề nghị {who.superior} tiếp tục quan tâm tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ cộng "
                     "tác viên dư luận xã hội.")
    elif not f.subject:  # no network yet: nothing to "go on" training
        lines.append(f"- Đề nghị {who.superior} hướng dẫn, hỗ trợ xây dựng đội ngũ cộng tác viên dư luận xã hội.")
    return lines


def outlook(f: Facts, pen: Pen) -> str:
    lines = ["1. Dự báo", *forecast(f, pen), "2. Đề xuất, kiến nghị", *proposals(f, pen)]
    return pen.finish("\n".join(lines))
