"""What people think about one topic: the main tendency in words with the right quantifier,
the typical opinion quoted from that tendency, and a minority view only when it matters.

A minority view "matters" when it is at least a fifth of the items and pulls the other way
(support against frustration or distortion, or the reverse); it is labelled as such.
"""

from __future__ import annotations

from app.reports import wording
from app.reports.facts_topics import Sample, TopicFacts
from app.reports.prose.words import clause, pct, some, tendency

KEYWORDS = {
    "support": (("đồng tình", "ủng hộ", "phấn khởi", "hoan nghênh", "mong sớm", "đánh giá cao"),
                ("bức xúc", "chậm", "chưa", "lo lắng", "băn khoăn", "xuyên tạc")),
    "concern": (("băn khoăn", "lo lắng", "lo ngại", "chưa rõ", "quan tâm", "e ngại"),
                ("đồng tình", "ủng hộ", "xuyên tạc")),
    "frustration": (("bức xúc", "chậm", "chưa", "không", "thấp hơn", "phản đối", "phản ánh"),
                    ("đồng tình", "ủng hộ", "mong sớm")),
    "distortion": (("xuyên tạc", "kích động", "sai sự thật", "bịa đặt", "lôi kéo"),
                   ("đồng tình", "ủng hộ")),
}
NEGATIVE = ("frustration", "distortion")


def _score(sample: Sample, code: str) -> int:
    good, bad = KEYWORDS.get(code, ((), ()))
    text = sample.text.lower()
    return 2 * sum(w in text for w in good) - 3 * sum(w in text for w in bad)


def quote_for(t: TopicFacts, code: str | None = None, least: int = 0) -> Sample | None:
    """The sample that best voices tendency `code` (the main one by default), from items
    of that tendency only and only if its wording does not contradict it (score ≥ `least`);
    None when there is none, so a quote never says the opposite of the sentence before it."""
    code = code or t.main_tendency
    pool = [s for s in t.samples if s.tendency == code]
    if not pool:
        return None
    best = max(pool, key=lambda s: (_score(s, code), -pool.index(s)))
    return best if _score(best, code) >= least else None


def ranked(t: TopicFacts) -> list[tuple[str, int]]:
    return sorted(t.tendency.items(), key=lambda kv: (-kv[1], kv[0] != "concern"))


def minority_for(t: TopicFacts) -> tuple[str, int] | None:
    order = ranked(t)
    main = order[0][0] if order else ""
    for code, n in order[1:]:
        opposite = (code == "support") != (main == "support") and (code in NEGATIVE or main in NEGATIVE)
        if n * 5 >= t.count and opposite:
            return code, n
    return None


def tendency_sentence(t: TopicFacts) -> str:
    """'Phần lớn ý kiến …' / '… chiếm tỷ lệ cao nhất …' / a split between two tendencies."""
    order = ranked(t)
    if not order:
        return ""
    (c1, n1), rest = order[0], order[1:]
    if rest and n1 * 2 <= t.count and wording.two_streams([n for _, n in order]):
        c2, n2 = rest[0]
        close = "ngang nhau" if n1 == n2 else "gần ngang nhau"
        return (f"Ý kiến chia thành hai luồng {close}: {tendency(c1)} ({pct(n1, t.count)}) và "
                f"{tendency(c2)} ({pct(n2, t.count)}).")
    text = wording.leading({tendency(c): n for c, n in order}, t.count)
    return text[:1].upper() + text[1:] + "."


def quote_sentence(t: TopicFacts) -> str:
    sample = quote_for(t)
    if sample is None:
        return ""
    return f"Ý kiến tiêu biểu ({tendency(sample.tendency)}): “{clause(sample.text)}”."


def minority_sentence(t: TopicFacts) -> str:
    found = minority_for(t)
    if not found:
        return ""
    code, n = found
    sample = quote_for(t, code, least=1)
    text = f"Bên cạnh đó, {some(n, t.count)} ý kiến {tendency(code)} ({pct(n, t.count)})"
    if sample:
        text += f"; ý kiến khác với xu hướng chung: “{clause(sample.text)}”"
    return text + "."
