"""Part II: public opinion by field (every field with items), then the hot topics in depth,
then every other topic with items named in a closing sentence (nothing silently dropped).

Frames are chosen from the data's shape: a new topic, a rise or a fall against the
previous period; concentration in a few areas, spread over most, or scattered; how widely
it is talked about (never the form's own words "mức độ quan tâm: …").
"""

from __future__ import annotations

from app import catalog
from app.reports import wording
from app.reports.facts import Facts, TopicFacts
from app.reports.prose.general import comparable, versus
from app.reports.prose.opinions import minority_sentence, quote_sentence, tendency_sentence
from app.reports.prose.pen import Pen
from app.reports.prose.words import (
    clause,
    count,
    field_name,
    join,
    lower_first,
    n2,
    pct,
    place,
    proposal_clause,
    share_phrase,
    tendency,
)

IN_DEPTH = 5  # hot topics plus the largest others, up to this many, get a full paragraph

SCALE_WORDS = {
    "high": ["được bàn luận rộng rãi", "thu hút sự quan tâm rất lớn của Nhân dân"],
    "medium": ["được nhiều người quan tâm, bàn luận", "được bàn luận khá nhiều"],
    "low": ["mới được bàn luận trong phạm vi hẹp", "chưa được bàn luận rộng"],
}


def where(t: TopicFacts, f: Facts, pen: Pen) -> str:
    """Spread over most or many areas (counted by kind), or the places named; the topic's
    `places` are the ones every part of the report names."""
    names = [a for a, _ in t.areas]
    if not names:
        return ""
    reached = f.reached(names)
    if wording.spread_word(*wording.reach(reached, f.area_totals)):
        return wording.spread([place(a) for a in t.places], reached, f.area_totals)
    if t.places and len(names) > len(t.places) and t.in_places * 2 > t.count:
        return f"tập trung chủ yếu ở {join([place(a) for a in t.places])} ({pct(t.in_places, t.count)} số ý kiến)"
    return wording.spread([place(a) for a in t.places] + [place(a) for a in names if a not in t.places],
                          reached, f.area_totals)


def _trend_open(t: TopicFacts, f: Facts, pen: Pen) -> str:
    p = f.period
    title = lower_first(t.title)
    if f.running:
        return pen.pick("so-far", [
            "Tính đến ngày {d}, có {n} về {title}",
            "Đến ngày {d}, ghi nhận {n} về vấn đề này",
        ], d=f"{f.as_of:%d/%m/%Y}", n=count(t.count, "ý kiến"), title=title)
    if t.is_new(f.has_prev):
        return pen.pick("new", [
            "Đây là vấn đề mới phát sinh trong {short}, đã có {n} phản ánh",
            "Vấn đề {title} mới nổi lên trong {short} với {n} phản ánh",
        ], short=p.short, n=count(t.count, "ý kiến"), title=title)
    before = t.prev_count
    if not comparable(f):
        return pen.pick("no-prev", [
            "Trong {short}, có {n} về {title}",
            "Vấn đề {title} có {n} trong {short}",
        ], short=p.short, n=count(t.count, "ý kiến"), title=title)
    if before and t.count >= before * 1.25 and t.count - before >= 3:
        return pen.pick("rise", [
            "Dư luận về vấn đề này tăng rõ so với {prev} (từ {a} lên {b})",
            "Số ý kiến về {title} tăng, từ {a} ({prev}) lên {b}",
        ], prev=p.previous_short, a=count(before, "ý kiến"), b=count(t.count, "ý kiến"), title=title)
    if before and t.count * 1.25 <= before and before - t.count >= 3:
        return pen.pick("fall", [
            "Dư luận về vấn đề này đã giảm so với {prev} (từ {a} xuống {b})",
            "Số ý kiến về {title} giảm, từ {a} ({prev}) xuống {b}",
        ], prev=p.previous_short, a=count(before, "ý kiến"), b=count(t.count, "ý kiến"), title=title)
    return pen.pick("steady", [
        "Vấn đề tiếp tục được quan tâm với {n} trong {short}",
        "Trong {short}, có {n} về {title}, tương đương {prev}",
        "Dư luận về {title} duy trì ở mức {n}",
    ], n=count(t.count, "ý kiến"), short=p.short, prev=p.previous_short, title=title)


def topic_paragraph(t: TopicFacts, f: Facts, pen: Pen, named: bool = False) -> str:
    """One topic in depth; `named` when no heading above it names the topic, so the paragraph
    itself must ("vấn đề này" becomes its title)."""
    opening = _trend_open(t, f, pen)
    title = lower_first(t.title)
    if named and title not in opening:
        opening = opening.replace("vấn đề này", title, 1) if "vấn đề này" in opening \
            else f"Về {title}, {lower_first(opening)}"
    place_text = where(t, f, pen)
    level = wording.interest(t.count, t.scale)
    scale = pen.pick(f"scale-{level}", SCALE_WORDS[level])
    first = opening + (f", {place_text}" if place_text else "") + f"; vấn đề {scale}."
    parts = [first, tendency_sentence(t), quote_sentence(t), minority_sentence(t)]
    # a one-subject report reads its months in part I and Bảng 1; a gap in the data has no place in a series
    if len(t.monthly) > 1 and not f.subject and not f.gap_months:
        over = len(f.complete_months) == len(f.monthly)
        cut = "" if over else f" (tháng {f.monthly[-1][0].month} tính đến ngày {f.as_of:%d/%m/%Y})"
        parts.append(f"Diễn biến theo tháng{cut}: " + " – ".join(n2(n) for n in t.monthly) + " ý kiến.")
    if t.proposals:
        asks = join([proposal_clause(x) for x, _ in t.proposals[:2]])
        parts.append(pen.pick("ask", ["Nhân dân đề nghị {a}.", "Người dân kiến nghị {a}.",
                                      "Nhiều ý kiến mong muốn {a}."], a=asks))
    return " ".join(p for p in parts if p)


def _named(topics: list[TopicFacts]) -> str:
    topics = sorted(topics, key=lambda t: -t.count)  # a list of counts reads largest first
    items = [f"{lower_first(t.title)} ({count(t.count, 'ý kiến')})" for t in topics]
    return "; ".join(items) if any(" và " in t.title for t in topics) and len(items) > 1 else join(items)


def _field_paragraph(code: str, f: Facts, pen: Pen) -> str:
    n = f.by_field.get(code, 0)
    label = field_name(code)
    topics = [t for t in f.topics if t.field == code]
    mix = {t: f.cells.get((code, t), 0) for t in catalog.TENDENCIES}
    main, main_n = max(mix.items(), key=lambda kv: kv[1])
    few = f.total < wording.FEW_ITEMS  # one or two items are counted, not shared out
    head = pen.pick("field", [
        "Lĩnh vực {label} có {n}{whole}{change}",
        "Về {label}, ghi nhận {n}{share}{change}",
        "Đối với lĩnh vực {label}: {n}{share}{change}",
    ], label=label, n=count(n, "ý kiến"), share="" if few else f" ({pct(n, f.total)})",
        whole="" if few else f" ({pct(n, f.total)} tổng số)",
        # part I says once why there is no comparison (no earlier data, or a period not over)
        change=f", {versus(f, n, f.prev_by_field.get(code, 0))}" if comparable(f) else "")
    text = head + "."
    if topics:
        shown = sorted(topics, key=lambda t: -t.count)[:4]
        named, covered = _named(shown), sum(t.count for t in shown)
        if covered == n:  # every item of the field: "đều", not "chủ yếu"
            text += " " + (f"Ý kiến phản ánh về {named}" if n == 1 else pen.pick(
                "field-all", ["Các ý kiến đều về {x}", "Toàn bộ ý kiến phản ánh về {x}"], x=named))
        elif covered * 2 > n:
            text += " " + pen.pick("field-topics", ["Dư luận xoay quanh {x}", "Các ý kiến tập trung vào {x}",
                                                    "Nội dung được phản ánh chủ yếu là {x}"], x=named)
        else:  # the topics named hold less than half: no "chủ yếu", no "tập trung"
            text += " " + pen.pick("field-part", ["Trong đó có ý kiến về {x}", "Một phần ý kiến phản ánh về {x}"],
                                   x=named)
        text += f" cùng {count(len(topics) - 4, 'vấn đề')} khác." if len(topics) > 4 else "."
    loose = f.loose.get(code, [])
    if loose:
        same = [s for s in loose if s.tendency == main] or loose
        # one quoted item is an example, not "chủ yếu" (which no count here supports)
        lead = (f"Ngoài {'vấn đề' if len(topics) == 1 else 'các vấn đề'} trên, có ý kiến" if topics
                else "Có ý kiến" if len(loose) == 1 else "Tiêu biểu có ý kiến")
        text += f" {lead} {lower_first(clause(same[0].text))}."
    if main_n:
        phrase = wording.leading({tendency(k): v for k, v in mix.items()}, n)
        text += " " + pen.pick("field-mood", ["Xét theo xu hướng, {x}.", "Trong lĩnh vực này, {x}.",
                                              "Về chiều hướng dư luận, {x}."], x=phrase)
    return text


def _main(f: Facts) -> tuple[int, int, str]:
    code, n = max(f.by_tendency.items(), key=lambda kv: kv[1])
    return n, f.total, tendency(code)


def issues(f: Facts, pen: Pen) -> str:
    if not f.total:
        return f"Trong {f.period.short}, chưa ghi nhận ý kiến nào về các vấn đề được dư luận quan tâm."
    lines = []
    if not f.subject:  # a report on one subject speaks of it, not of every field
        lines.append("1. Dư luận theo lĩnh vực")
        for code in sorted(f.by_field, key=lambda c: (-f.by_field[c], list(catalog.FIELDS).index(c))):
            lines.append(_field_paragraph(code, f, pen))
    elif not f.topics:
        samples = [s for v in f.loose.values() for s in v]
        lines.append(f"Có {count(f.total, 'ý kiến')} liên quan đến {f.subject}; "
                     f"{share_phrase(*_main(f))}.")
        lines += [f"- {clause(s.text)}." for s in samples[:5]]
    if f.topics:
        if not f.subject:
            lines.append("2. Các vấn đề nổi bật được dư luận quan tâm")
        deep = [t for t in f.topics if t.status == "hot"][:IN_DEPTH]
        deep += [t for t in f.topics if t not in deep][:max(0, IN_DEPTH - len(deep))]
        deep.sort(key=lambda t: -t.count)  # hot spots are always treated; the largest comes first
        lettered = len(deep) > 1  # a lone "a)" is no list: one topic is its paragraph alone
        for i, t in enumerate(deep):
            if lettered:
                lines.append(f"{'abcdefghik'[i]}) {t.title}")
            lines.append(topic_paragraph(t, f, pen, named=not lettered))
        rest = [t for t in f.topics if t not in deep]
        if rest:
            named = _named(rest)
            lines.append(f"Ngoài ra, dư luận còn phản ánh về {named}.")
    return pen.finish("\n".join(lines))
