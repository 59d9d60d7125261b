"""Parts III–V: each hot spot with place, risk, what was done and by whom; handling by
agency (forwarded, resolved, overdue with days, feedback); the collaborators' activity.
A hot spot is placed where its topic's items concentrate (TopicFacts.places, the same places
part II names); pending and overdue items are stock figures stated with the day they are
counted at (Facts.as_of), the same numbers in parts III, IV and VI."""

from __future__ import annotations

from datetime import date

from app.reports import wording
from app.reports.facts import Facts, TopicFacts
from app.reports.prose.pen import Pen
from app.reports.prose.words import clause, count, join, lower_first, n2, pct, place, upper_first
from app.reports.wording import as_of


def _risk(t: TopicFacts) -> str:
    neg = t.tendency.get("frustration", 0) + t.tendency.get("distortion", 0)
    parts = []
    if t.high_risk:
        parts.append(f"{count(t.high_risk, 'ý kiến')} được đánh giá nguy cơ cao")
    if neg:
        parts.append(f"ý kiến bức xúc, phản đối và trái chiều chiếm {pct(neg, t.count)}")
    risk = "; ".join(parts)
    if t.tendency.get("distortion", 0):
        danger = "bị các đối tượng lợi dụng xuyên tạc, kích động trên không gian mạng"
    elif neg * 2 >= t.count:
        danger = "phát sinh khiếu kiện đông người, tụ tập đông người"
    else:
        danger = "kéo dài, gây bức xúc trong Nhân dân"
    return f"{risk}; nếu không được giải quyết kịp thời có nguy cơ {danger}" if risk else f"có nguy cơ {danger}"


def _done(t: TopicFacts, f: Facts, who_actor: str) -> str:
    if not t.agencies and not t.pending and not t.resolved:
        return (f"Trong {f.period.short}, chưa có ý kiến nào về vấn đề này được chuyển đến cơ quan chức năng xem "
                "xét, giải quyết; cần sớm xác minh, chuyển xử lý")
    text = ""
    if t.agencies or t.resolved:
        sent = sum(n for _, n in t.agencies)
        names = join([f"{a} ({count(n, 'ý kiến')})" if len(t.agencies) > 1 else a for a, n in t.agencies[:3]])
        text = (f"Trong {f.period.short}, {who_actor} đã chuyển {count(sent, 'ý kiến')} đến {names} để xem xét, "
                "giải quyết" if sent else f"Trong {f.period.short}")
        if t.resolved:
            text += f"{'; đã' if sent else ', đã'} có kết quả giải quyết {count(t.resolved, 'ý kiến')}"
            if t.results:
                text += f" ({lower_first(clause(t.results[0]))})"
        text += ". "
    if t.pending:
        late = f", trong đó {count(t.overdue, 'ý kiến')} đã quá hạn" if t.overdue else ""
        text += (f"{upper_first(as_of(f.as_of))}, vấn đề này còn {count(t.pending, 'ý kiến')} "
                 f"đã chuyển chưa có kết quả{late}")
    else:
        text += "Các ý kiến đã chuyển về vấn đề này đều đã có kết quả"
    return text.rstrip(". ")


def _spot_where(t: TopicFacts, f: Facts, pen: Pen) -> str:
    """Where a hot spot is, in the words its figures allow: "chủ yếu" / "tập trung" only when
    its places hold most of its items, "nhiều hơn cả" when they lead without holding most, the
    places alone when they are all its areas, and its spread when no area leads."""
    if not t.areas:
        return f"Vấn đề phát sinh {pen.who.within}"
    if not t.places:
        names = [a for a, _ in t.areas]
        return f"Vấn đề phát sinh {wording.spread([place(a) for a in names], f.reached(names), f.area_totals)}"
    w = join([place(a) for a in t.places])
    if len(t.places) == len(t.areas):
        return pen.pick("spot-at", ["Vấn đề phát sinh tại {w}", "Địa bàn cần quan tâm là {w}"], w=w)
    if t.in_places * 2 > t.count:
        return pen.pick("spot-where", ["Vấn đề phát sinh chủ yếu tại {w}", "Điểm nóng tập trung ở {w}"], w=w)
    return f"Vấn đề phát sinh ở {count(len(t.areas), 'địa bàn')}, nhiều hơn cả ở {w}"


def hotspots(f: Facts, pen: Pen) -> str:
    spots = [t for t in f.topics if t.is_hot_spot]
    if not f.total:  # no items: nothing is known of the period, so nothing is said of it
        return pen.finish(f"Trong {f.period.short}, chưa ghi nhận thông tin dư luận nào về vấn đề nổi cộm, điểm nóng.")
    if not spots:
        text = (f"Trong {f.period.short}, không phát sinh điểm nóng về an ninh, trật tự {pen.who.within}; không có vụ "
                "việc khiếu kiện đông người.")
        if f.high_risk:
            text += (f" Tuy vậy, có {count(f.high_risk, 'ý kiến')} được cộng tác viên đánh giá có nguy cơ cao, "
                     "cần tiếp tục theo dõi.")
        return pen.finish(text)
    lines = [pen.pick("spots", ["Trong {short}, có {n} cần tập trung theo dõi, giải quyết:",
                                "Các vấn đề nổi cộm, điểm nóng cần quan tâm trong {short} ({n}):"],
                      short=f.period.short, n=count(len(spots), "vấn đề"))]
    for i, t in enumerate(spots, 1):
        lines.append(f"{i}. {t.title}")
        lines.append(f"{_spot_where(t, f, pen)}; {_risk(t)}. {_done(t, f, pen.who.actor)}.")
    return pen.finish("\n".join(lines))


def handling(f: Facts, pen: Pen) -> str:
    h = f.handling
    result = (f"{count(h.resolved, 'ý kiến')} đã có kết quả giải quyết" if h.resolved
              else "chưa có ý kiến nào có kết quả giải quyết trong kỳ")
    answered = f"đã phản hồi {count(h.answered, 'ý kiến')}" if h.answered else "chưa phản hồi ý kiến nào"
    received = f"đã tiếp nhận {count(h.received, 'ý kiến')}" if h.received else "chưa tiếp nhận ý kiến nào"
    sent = (f"chuyển {count(h.forwarded, 'ý kiến')} đến các cơ quan chức năng xem xét, giải quyết" if h.forwarded
            else "chưa chuyển ý kiến nào đến các cơ quan chức năng")
    lines = [f"Trong {f.period.short}, {pen.who.actor} {received}; {sent}; {result}; "
             f"{answered} đến cộng tác viên và nơi phản ánh."
             if h.received or h.forwarded else f"Trong {f.period.short}, không có ý kiến nào cần chuyển xử lý."]
    if f.agencies:
        lines.append(f"Kết quả theo từng cơ quan tiếp nhận ({as_of(f.as_of)}):")
        for a in f.agencies:
            parts = []
            if a.forwarded:
                parts.append(f"nhận mới {count(a.forwarded, 'ý kiến')}")
            if a.resolved:
                earlier = " (gồm cả ý kiến chuyển từ trước)" if a.resolved > a.forwarded else ""
                parts.append(f"có kết quả giải quyết {count(a.resolved, 'ý kiến')}{earlier}")
            if a.open:
                late = (f", trong đó {count(a.overdue, 'ý kiến')} quá hạn, lâu nhất {count(a.max_days_over, 'ngày')}"
                        if a.overdue else "")
                parts.append(f"còn {count(a.open, 'ý kiến')} chưa có kết quả{late}")
            lines.append(f"- {a.name}: {', '.join(parts)}.")
    if f.pending:
        late = (f", trong đó {count(f.overdue, 'ý kiến')} đã quá hạn" if f.overdue else ", chưa có ý kiến nào quá hạn")
        lines.append(f"{upper_first(as_of(f.as_of))}, còn {count(f.pending, 'ý kiến')} đã "
                     f"chuyển chưa có kết quả giải quyết{late}; {pen.who.actor} tiếp tục phối hợp, đôn đốc các cơ "
                     "quan liên quan.")
    else:
        lines.append(f"{upper_first(as_of(f.as_of))}, không còn ý kiến nào đã chuyển mà chưa "
                     "có kết quả giải quyết.")
    return pen.finish("\n".join(lines))


def network(f: Facts, pen: Pen) -> str:
    lines = []
    actor = pen.who.actor
    if f.meetings:
        present = sum(m.present for m in f.meetings)
        away = sum(m.absent + m.excused for m in f.meetings)
        excused = sum(m.excused for m in f.meetings)
        dates = join([date.fromisoformat(m.held_on).strftime("%d/%m/%Y") for m in f.meetings])
        extra = sum(1 for m in f.meetings if m.kind == "extraordinary")
        kinds = f", trong đó {count(extra, 'hội nghị')} đột xuất" if extra else ""
        lines.append(f"Trong {f.period.short}, {actor} tổ chức {count(len(f.meetings), 'hội nghị')} giao ban cộng "
                     f"tác viên dư luận xã hội (ngày {dates}{kinds}), với {count(present, 'lượt')} cộng tác viên "
                     f"tham dự (đạt {pct(present, present + away)}); vắng {count(away, 'lượt')}, trong đó "
                     f"{count(excused, 'lượt')} có lý do.")
    else:
        # said of this period only, never read as "never": the latest earlier meeting is named
        when = f"Trong {f.period.short}" + (f" (tính đến ngày {f.as_of:%d/%m/%Y})" if f.running else "")
        last = (f"; hội nghị gần nhất được tổ chức ngày {date.fromisoformat(f.last_meeting):%d/%m/%Y}"
                if f.last_meeting else "")
        lines.append(f"{when}, {actor} chưa tổ chức hội nghị giao ban cộng tác viên{last}.")
    if not f.active_collaborators:
        lines.append("Hiện nay, đơn vị chưa có cộng tác viên dư luận xã hội nào đang hoạt động; cần sớm lựa chọn, "
                     "kiện toàn đội ngũ.")
        return pen.finish("\n".join(lines))
    line = f"Hiện nay, toàn đơn vị có {count(f.active_collaborators, 'cộng tác viên')} dư luận xã hội đang hoạt động"
    if f.active_collaborators and f.reporters:
        line += (f"; {n2(min(f.reporters, f.active_collaborators))}/{n2(f.active_collaborators)} cộng tác viên "
                 f"có thông tin phản ánh {'tính đến ngày ' + format(f.as_of, '%d/%m/%Y') if f.running else 'trong ' + f.period.short} "
                 f"({pct(min(f.reporters, f.active_collaborators), f.active_collaborators)})")
    changes = []
    if f.joined:
        changes.append(f"bổ sung {count(f.joined, 'cộng tác viên')}")
    if f.left:
        changes.append(f"có {count(f.left, 'cộng tác viên')} thôi tham gia")
    lines.append(line + (f"; trong {f.period.short} đã {', '.join(changes)}." if changes else "."))
    quiet = f.active_collaborators - f.reporters
    if not f.reporters and not f.running:
        lines.append(f"Trong {f.period.short}, chưa cộng tác viên nào có thông tin phản ánh; cần nhắc nhở, kiện toàn "
                     "kịp thời.")
    elif quiet > 0 and f.total and not f.running:  # a month one week old has not heard from everyone yet
        lines.append(f"Còn {count(quiet, 'cộng tác viên')} chưa có thông tin phản ánh trong {f.period.short}, "
                     "cần nhắc nhở, kiện toàn kịp thời.")
    if f.trainings:
        lines.append(f"{actor} đã tổ chức {count(f.trainings, 'lớp')} tập huấn, bồi dưỡng nghiệp vụ cho cộng tác viên.")
    return pen.finish("\n".join(lines))
