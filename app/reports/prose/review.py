"""The parts a quarterly, half-year or annual report adds: an overall assessment (what went
well, what fell short, drawn from the period's own figures) and, closing an annual report, the
direction and tasks for the next year, each task tied to what the year left open: the topics
still hot, the items still pending at named agencies, the collaborators who went quiet."""

from __future__ import annotations

from app.reports import wording
from app.reports.facts import Facts
from app.reports.prose.pen import Pen
from app.reports.prose.words import count, join, pct, titles, upper_first


def assessment(f: Facts, pen: Pen) -> str:
    who = pen.who
    good, short = [], []
    if f.total:
        good.append(f"Đội ngũ cộng tác viên và các kênh thông tin đã nắm, phản ánh {count(f.total, 'ý kiến')} "
                    f"trong {f.period.short}; {n_of(f.reporters, f.active_collaborators)} cộng tác viên đang hoạt động "
                    "có thông tin phản ánh.")
    if f.meetings:
        present = sum(m.present for m in f.meetings)
        seats = present + sum(m.absent + m.excused for m in f.meetings)
        good.append(f"{who.actor} duy trì {count(len(f.meetings), 'hội nghị')} giao ban cộng tác viên, tỷ lệ tham dự "
                    f"đạt {pct(present, seats)}.")
    h = f.handling
    if h.forwarded:
        good.append(f"Đã chuyển {count(h.forwarded, 'ý kiến')} đến các cơ quan chức năng; trong {f.period.short} có "
                    f"{count(h.resolved, 'ý kiến')} có kết quả giải quyết và {count(h.answered, 'ý kiến')} được phản hồi "
                    "đến nơi phản ánh.")
    if f.pending:
        late = f", trong đó {count(f.overdue, 'ý kiến')} đã quá hạn" if f.overdue else ""
        short.append(f"{upper_first(wording.as_of(f.as_of))}, còn {count(f.pending, 'ý kiến')} đã chuyển chưa có kết quả"
                     f"{late}{_where_late(f)}.")
    hot = [t for t in f.topics if t.is_hot_spot]
    if hot:
        some = "Một số vấn đề kéo dài" if len(hot) > 1 else "Vấn đề kéo dài"
        short.append(f"{some}, chưa được giải quyết dứt điểm, tiềm ẩn nguy cơ điểm nóng: "
                     f"{titles(t.title for t in hot[:3])}.")
    quiet = f.active_collaborators - f.reporters
    if quiet > 0:
        short.append(f"Còn {count(quiet, 'cộng tác viên')} chưa có thông tin phản ánh trong {f.period.short}.")
    if f.area_totals:
        names = {a for t in f.topics for a, _ in t.areas} | {s.area for v in f.loose.values() for s in v}
        missing = sum(f.area_totals.values()) - sum(f.reached(list(names)).values())
        if missing > 0:
            short.append(f"Còn {count(missing, 'địa bàn')} chưa có thông tin phản ánh trong {f.period.short}.")
    lines = ["1. Ưu điểm", *(good or ["Chưa có số liệu để đánh giá."]), "2. Hạn chế"]
    lines += short or ["Không có hạn chế nổi bật qua số liệu của kỳ."]
    return pen.finish("\n".join(lines))


def _where_late(f: Facts) -> str:
    """Which agencies the overdue items are at: 'tập trung ở' those that lead every other agency
    and hold most of them, 'nhiều nhất ở' those that only lead, nothing when none leads."""
    late = sorted(((a.name, a.overdue) for a in f.agencies if a.overdue), key=lambda kv: -kv[1])
    lead = wording.leading_places(late)
    if not lead:
        return ""
    held = sum(n for name, n in late if name in lead)
    return f", {'tập trung ở' if 2 * held > f.overdue else 'nhiều nhất ở'} {join(lead)}"


def n_of(part: int, whole: int) -> str:
    return f"{wording.n2(min(part, whole))}/{wording.n2(whole)}" if whole else wording.n2(part)


def directions(f: Facts, pen: Pen) -> str:
    who = pen.who
    year = f.period.start.year + 1
    tasks = []
    hot = [t for t in f.topics if t.is_hot_spot]
    watch = hot or f.topics[:2]
    if watch:
        tasks.append(f"Tiếp tục nắm chắc tình hình tư tưởng, dư luận xã hội, nhất là về {titles(t.title for t in watch[:3])}; "
                     "kịp thời báo cáo, đề xuất biện pháp xử lý, không để hình thành điểm nóng.")
    pending = [a for a in f.agencies if a.open]
    if pending:
        names = [a.name for a in pending]
        held = f"{', '.join(names[:3])} và các cơ quan khác" if len(names) > 3 else join(names)
        tasks.append(f"Phối hợp, đôn đốc {held} giải quyết dứt điểm "
                     f"{count(f.pending, 'ý kiến')} đã chuyển còn tồn đọng ({wording.as_of(f.as_of)}); thông tin kết "
                     "quả đến nơi phản ánh.")
    quiet = f.active_collaborators - f.reporters
    tasks.append("Kiện toàn đội ngũ cộng tác viên dư luận xã hội" + (
        f", thay thế, bổ sung kịp thời những người không còn phản ánh thông tin ({count(quiet, 'cộng tác viên')} "
        f"trong năm {f.period.start.year})" if quiet > 0 else "") + "; tổ chức giao ban định kỳ hằng tháng và tập "
        "huấn, bồi dưỡng nghiệp vụ.")
    if f.by_tendency.get("distortion", 0):
        tasks.append("Chủ động cung cấp thông tin chính thống, đấu tranh, phản bác các thông tin sai trái, xuyên tạc "
                     "trên không gian mạng.")
    tasks.append(f"Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất gửi {who.superior}.")
    lines = [f"Năm {year}, {who.actor} tập trung thực hiện các nhiệm vụ sau:"]
    lines += [f"{i}. {task}" for i, task in enumerate(tasks, 1)]
    return pen.finish("\n".join(lines))
