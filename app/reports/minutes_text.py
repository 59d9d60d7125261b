"""The minutes' words: who chaired and who took the minutes (a name and a title, never a
role in the name's place), what each collaborator reported, and the chair's conclusions
drafted from the items when the clerk has not written them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from app.context import Ctx
from app.reports.prose.words import clause, count, join, lower_first, nhan_dan, place

TITLE_WORDS = ("Trưởng", "Phó", "Bí thư", "Chuyên viên", "Chánh", "Ủy viên", "Cán bộ", "Thư ký", "Chủ tịch",
               "Văn phòng", "Thường trực")
MAX_REPORTERS = 30  # a briefing rarely has more; the rest are summed up in one line


@dataclass(frozen=True)
class Person:
    name: str     # full name; '' when only a title was recorded
    title: str    # 'Phó Trưởng Ban Tuyên giáo Huyện ủy'

    def line(self) -> str:
        """'đồng chí Nguyễn Văn An, Phó Trưởng ban' with dots where the name is missing."""
        who = self.name or "……………………"
        return f"đồng chí {who}" + (f", {self.title}" if self.title else "")


def person(text: str | None) -> Person:
    """Split what was typed into name and title: 'Nguyễn Văn An, Trưởng ban' or 'Nguyễn Văn An –
    Trưởng ban' or 'Trưởng ban Nguyễn Văn An'; a role alone ('Đồng chí Phó Trưởng Ban …') gives no name."""
    raw = " ".join((text or "").split())
    raw = re.sub(r"^(đồng chí|Đồng chí|đ/c|Đ/c)\s+", "", raw)
    if not raw:
        return Person("", "")
    for sep in (", ", " – ", " - ", " (", ": "):
        if sep in raw:
            left, right = raw.split(sep, 1)
            right = right.rstrip(")")
            if left.startswith(TITLE_WORDS):
                return Person(right, left)
            return Person(left, right)
    if raw.startswith(TITLE_WORDS):
        return Person("", raw)
    return Person(raw, "")


@dataclass(frozen=True)
class Reporter:
    name: str
    area: str
    items: list[tuple[str, str]]   # (topic title or '', summary)


def reporters(ctx: Ctx, meeting_id: str) -> list[Reporter]:
    rows = ctx.db.execute(
        "SELECT coalesce(c.full_name, ''), coalesce(u.name, ''), coalesce(t.title, ''), o.summary FROM opinions o "
        "LEFT JOIN collaborators c ON c.id = o.collaborator_id LEFT JOIN units u ON u.code = o.area_code "
        "LEFT JOIN topics t ON t.id = o.topic_id WHERE o.meeting_id = ? ORDER BY u.name, c.full_name, o.received_on",
        [meeting_id]).fetchall()
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    areas: dict[str, Counter] = defaultdict(Counter)
    for name, area, title, summary in rows:
        grouped[name].append((title, (summary or "").strip()))
        areas[name][area] += 1
    return [Reporter(n, areas[n].most_common(1)[0][0], items) for n, items in grouped.items()]


def report_lines(people: list[Reporter]) -> list[str]:
    """'- Đồng chí A (ấp Chợ) phản ánh 03 ý kiến: về X, …' — one line per collaborator."""
    lines = []
    for r in people[:MAX_REPORTERS]:
        topics = Counter(t for t, _ in r.items if t)
        about = [f"về {lower_first(t)}" for t, _ in topics.most_common(2)]
        loose = [clause(lower_first(s)) for t, s in r.items if not t][:1]
        where = f" ({place(r.area)})" if r.area else ""
        who = r.name or "Cộng tác viên"
        lines.append(nhan_dan(f"- Đồng chí {who}{where} phản ánh {count(len(r.items), 'ý kiến')}: "
                              f"{join(about + loose)}."))
    rest = people[MAX_REPORTERS:]
    if rest:
        lines.append(f"- {count(len(rest), 'cộng tác viên')} khác phản ánh "
                     f"{count(sum(len(r.items) for r in rest), 'ý kiến')}, nội dung tương tự.")
    return lines


def conclusions(people: list[Reporter], chair: Person) -> list[str]:
    """The chair's conclusions drafted from the items (the clerk edits them in the meeting)."""
    topics = Counter(t for r in people for t, _ in r.items if t)
    total = sum(len(r.items) for r in people)
    who = chair.name and f"Đồng chí {chair.name}" or "Đồng chí chủ trì"
    lines = [f"{who} ghi nhận {count(total, 'ý kiến')} phản ánh của cộng tác viên và kết luận:"]
    if topics:
        main = [lower_first(t) for t, _ in topics.most_common(3)]
        lines.append(f"- Cộng tác viên tiếp tục nắm chắc tình hình dư luận về {'; '.join(main)}, báo cáo kịp thời "
                     "khi có diễn biến mới.")
    lines.append("- Bộ phận giúp việc tổng hợp các ý kiến, chuyển cơ quan chức năng những nội dung cần xem xét, "
                 "giải quyết và phản hồi kết quả đến cộng tác viên tại hội nghị lần sau.")
    return lines
