"""The minutes' words: who chaired and who took the minutes (a name and a title, never a
role in the name's place), what each collaborator reported, and the chair's conclusions
drafted from the items when the clerk has not written them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from app.catalog import TENDENCIES
from app.context import Ctx
from app.reports.prose.words import clause, count, join, lower_first, nhan_dan, place
from app.text import fold

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
    present: bool = True           # False: recorded absent or excused, so the items were sent in


def reporters(ctx: Ctx, meeting_id: str) -> list[Reporter]:
    """Who brought items to the meeting, one entry per collaborator (their attendance decides
    whether they reported there or sent their items in while absent: nobody is both). The area
    is the collaborator's registered one, as in the attendance list: where an item came from
    varies, and showing it would move people between meetings."""
    rows = ctx.db.execute(
        "SELECT coalesce(c.id, ''), coalesce(c.full_name, ''), coalesce(u.name, ''), coalesce(t.title, ''), "
        "o.summary, coalesce(a.presence, 'present') FROM opinions o "
        "LEFT JOIN collaborators c ON c.id = o.collaborator_id "
        "LEFT JOIN units u ON u.code = coalesce(c.area_code, o.area_code) "
        "LEFT JOIN topics t ON t.id = o.topic_id LEFT JOIN meeting_attendance a "
        "ON a.meeting_id = o.meeting_id AND a.collaborator_id = o.collaborator_id "
        "WHERE o.meeting_id = ? ORDER BY u.name, c.full_name, o.received_on", [meeting_id]).fetchall()
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    areas: dict[str, str] = {}
    names: dict[str, str] = {}
    present: dict[str, bool] = {}
    for key, name, area, title, summary, presence in rows:
        grouped[key].append((title, (summary or "").strip()))
        areas.setdefault(key, area)
        names[key], present[key] = name, presence == "present"
    return [Reporter(names[k], areas[k], items, present[k]) for k, items in grouped.items()]


def report_lines(people: list[Reporter], verb: str = "phản ánh", quoted: frozenset[str] = frozenset()) -> list[str]:
    """'- Đồng chí A (ấp Chợ) phản ánh 03 ý kiến: về X, …' — one line per collaborator (`verb`
    "gửi" for the items of those absent); items of a `quoted` topic (the matter an extraordinary
    meeting was called for, which every line would otherwise repeat) say what was reported."""
    lines = []
    for r in people[:MAX_REPORTERS]:
        topics = Counter(t for t, _ in r.items if t and t not in quoted)
        about = [f"về {lower_first(t)}" for t, _ in topics.most_common(2)]
        loose = [clause(lower_first(s)) for t, s in r.items if not t or t in quoted][:2]
        where = f" ({place(r.area)})" if r.area else ""
        who = r.name or "Cộng tác viên"
        lines.append(nhan_dan(f"- Đồng chí {who}{where} {verb} {count(len(r.items), 'ý kiến')}: "
                              f"{join(about + loose)}."))
    rest = people[MAX_REPORTERS:]
    if rest:
        lines.append(f"- {count(len(rest), 'cộng tác viên')} khác {verb} "
                     f"{count(sum(len(r.items) for r in rest), 'ý kiến')}, nội dung tương tự.")
    return lines


def _words(text: str) -> set[str]:
    return {w for w in fold(text).replace(",", " ").replace(".", " ").split() if len(w) > 1}


def on_reason(people: list[Reporter], reason: str) -> list[Reporter]:
    """Items whose topic (or, without one, whose summary) shares most of its words with the
    meeting's reason: what an extraordinary meeting was called for."""
    wanted = _words(reason) - STOP
    out = []
    for r in people:
        hits = [(t, s) for t, s in r.items if len(_words(t or s) & wanted) >= max(3, len(_words(t or s) - STOP) // 2)]
        if hits:
            out.append(Reporter(r.name, r.area, hits, r.present))
    return out


STOP = frozenset({"ve", "va", "cua", "cac", "tu", "tai", "tren", "dia", "ban", "nam", "tinh", "hinh", "du",
                  "luan"})


def holders(ctx: Ctx, titles: set[str]) -> list[str]:
    """The agencies that hold the matters of these topic titles: where the topic was forwarded,
    else where its items were forwarded, the busiest first; [] when none was ever forwarded."""
    if not titles:
        return []
    marks = ", ".join("?" * len(titles))
    rows = ctx.db.execute(
        "SELECT u.name, count(*) FROM (SELECT forwarded_to AS code FROM topics WHERE title IN "
        f"({marks}) AND forwarded_to IS NOT NULL UNION ALL SELECT o.forwarded_to FROM opinions o "
        f"JOIN topics t ON t.id = o.topic_id WHERE t.title IN ({marks}) AND o.forwarded_to IS NOT NULL) x "
        "JOIN units u ON u.code = x.code GROUP BY u.name ORDER BY 2 DESC, 1",
        [*sorted(titles), *sorted(titles)]).fetchall()
    return [name for name, _n in rows]


def moods(ctx: Ctx, meeting_id: str, titles: set[str]) -> str:
    """'04 ý kiến băn khoăn, lo lắng và 03 ý kiến bức xúc, phản đối': the tendencies of the items
    on these topics raised at the meeting, the most frequent first ('' when there are none)."""
    if not titles:
        return ""
    marks = ", ".join("?" * len(titles))
    rows = ctx.db.execute(
        "SELECT o.tendency, count(*) FROM opinions o JOIN topics t ON t.id = o.topic_id WHERE o.meeting_id = ? "
        f"AND t.title IN ({marks}) AND o.tendency IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
        [meeting_id, *sorted(titles)]).fetchall()
    return join([f"{count(n, 'ý kiến')} {TENDENCIES.get(t, t).lower()}" for t, n in rows])


def conclusions(people: list[Reporter], chair: Person, reason: str = "", agencies: list[str] | None = None,
                others: list[str] | None = None, heard: str = "") -> list[str]:
    """The chair's conclusions drafted from the items (the clerk edits them in the meeting); an
    extraordinary meeting's `reason` is concluded on first, with what was reported about it and
    the `agencies` that hold the matter named (no "cơ quan chức năng" standing for nobody) and
    what was `heard` on it (its items by tendency); the other items go to the agencies that hold
    their topics (`others`)."""
    agencies, others = agencies or [], others or []
    topics = Counter(t for r in people for t, _ in r.items if t)
    total = sum(len(r.items) for r in people)
    who = chair.name and f"Đồng chí {chair.name}" or "Đồng chí chủ trì"
    lines = [f"{who} ghi nhận {count(total, 'ý kiến')} phản ánh của cộng tác viên và kết luận:"]
    if reason:
        about = lower_first(reason.strip().rstrip("."))
        hits = on_reason(people, reason)
        n = sum(len(r.items) for r in hits)
        if n:
            areas = sorted({place(r.area) for r in hits if r.area})
            lines.append(f"- Về nội dung hội nghị được triệu tập ({about}): cộng tác viên đã phản ánh "
                         f"{count(n, 'ý kiến')}" + (f" ở {join(areas)}" if areas else "")
                         + (f", trong đó {heard}" if heard else "") + "; giao cộng tác viên "
                         + ("địa bàn này" if len(areas) == 1 else "các địa bàn này") + " bám sát tình hình, báo cáo "
                         "ngay khi có diễn biến mới; bộ phận giúp việc tổng hợp, báo cáo Thường trực Đảng ủy"
                         + (f" và đề nghị {join(agencies[:2])} kiểm tra, xử lý dứt điểm, trả lời Nhân dân."
                            if agencies else "; Thường trực Đảng ủy phân công cơ quan kiểm tra, xử lý, trả lời "
                            "Nhân dân."))
        else:
            lines.append(f"- Về nội dung hội nghị được triệu tập ({about}): chưa có cộng tác viên phản ánh tại hội "
                         "nghị; giao cộng tác viên các địa bàn nắm chắc tình hình, báo cáo bộ phận giúp việc trong "
                         "thời gian sớm nhất.")
    if reason:
        for r in on_reason(people, reason):
            for t, _s in r.items:
                topics.pop(t, None)
    if topics:
        main = [lower_first(t) for t, _ in topics.most_common(3)]
        lines.append(f"- Cộng tác viên tiếp tục nắm chắc tình hình dư luận về {'; '.join(main)}, báo cáo kịp thời "
                     "khi có diễn biến mới.")
    if topics or not reason:
        to = join(others[:3]) if others else "cơ quan có thẩm quyền"
        lines.append(f"- Bộ phận giúp việc tổng hợp các ý kiến, chuyển {to} những nội dung cần xem xét, giải quyết "
                     "và phản hồi kết quả đến cộng tác viên tại hội nghị lần sau.")
    return lines
