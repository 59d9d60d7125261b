"""Keywords: the distinctive words of a group of items, of a topic, and of a month against the months before.

Contract: every function returns at most `n` Vietnamese words (app.analytics.segment: one
or more syllables the word list joins, never a syllable pair across a word boundary), each
in the form the clerks wrote most (lower case unless they write it as a name, "Biển Đông";
a form typed without accents gives way to the accented one of the same word), most distinctive first; stop words and numbers never. A
group's words are weighed by TF-IDF against the store (the topic model's weights of their
syllables). A month's are weighed by the number of its items they occur in (at least
MONTH_MIN_ITEMS, so one stray remark never leads), times a bonus of up to ×2 for how much more
often they appear than in the three months before (smoothed log ratio of document
frequencies): the month's main topics lead and what is new comes forward. A month's keywords
are words of two syllables or more, none in NO_CONTENT (people's groups, verbs and adjectives
that say nothing of the subject). A word whose items are mostly filed under one topic is a
keyword only if it is a word of that topic's title (the subject's own words; "nhận biết, thủ
đoạn, ứng dụng" are what was said of the fraud topic, not a subject), and at most PER_TOPIC
keywords come from one topic: eight words of the largest topic hid the month's other subjects.
Words of items filed under no topic keep the weighting alone (a subject not yet named as topic).
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

import numpy as np

from app.analytics import model as topic_model
from app.analytics import segment, synonyms
from app.analytics.textproc import Processor
from app.context import Ctx
from app.months import add_months
from app.text import fold

MULTI = 1.4     # a word of two syllables or more says more than one syllable alone
MONTH_MIN_ITEMS = 4  # a month's keyword occurs in at least this many items
PER_TOPIC = 2   # a month's keywords from one topic at most; the others name the month's other subjects
# Words of two syllables or more that say nothing of what people talk about: who spoke (the
# social groups every month has) and verbs or adjectives of any subject. A month's keywords skip
# them; one-syllable words ("ghi", "nhỏ", "lấy", "gấp") are never a month's keyword at all.
NO_CONTENT = frozenset({
    "hưu trí", "hội viên", "đoàn viên", "thanh niên", "người già", "phụ huynh", "học sinh", "đảng viên",
    "người lao động", "tiểu thương", "nông dân", "cộng tác viên", "phụ nữ", "đồng bào", "hộ dân", "gia đình",
    "người dân", "bà con", "nhân dân", "xử lý", "yêu cầu", "xuất hiện", "ảnh hưởng", "dứt điểm", "công tác",
    "thực tế", "biện pháp", "đề nghị", "phản ánh", "kiến nghị", "tình trạng", "kiểm tra", "mong muốn",
    "quan tâm", "lo lắng", "bức xúc", "băn khoăn", "đồng tình", "ủng hộ", "vấn đề", "hiện nay", "thời gian",
    "cho rằng", "tháng này", "tháng trước", "chủ trương", "kịp thời", "khẩn trương", "thời điểm", "kiên quyết",
    "kiên trì", "đầy đủ", "cựu chiến binh", "nhận biết", "tuyên truyền", "công khai", "bố trí", "chất lượng",
    "thông tin", "trách nhiệm", "thực hiện", "giải quyết", "tăng cường", "hướng dẫn", "đơn vị", "hoạt động",
    "ghi nhận", "cơ sở",
})


def _bare(k: str) -> str:
    """A word key without its tones and marks: what a word typed without accents has."""
    return fold("".join(c for c in k if not c.isdigit()))


class _Words:
    """Per-text word sets by key, and the forms each key was typed in."""

    def __init__(self, proc: Processor, texts: list[str]) -> None:
        extra = tuple(p for g in proc.groups for p in g if " " in p)
        self.docs: list[set[str]] = []
        self.forms: dict[str, Counter] = {}
        for text in texts:
            seen = set()
            for i, word in enumerate(segment.segment(text, extra)):
                if fold(word) in proc.stops:
                    continue
                if i == 0 or word.isupper():
                    word = word.lower()   # a capital that only starts the text (or shouts) is no name
                k = segment.key(word)
                forms = self.forms.get(k)
                if forms is None:
                    forms = self.forms[k] = Counter()
                forms[word] += 1
                seen.add(k)
            self.docs.append(seen)
        self._accented = self._accented_keys()

    def _accented_keys(self) -> dict[str, str]:
        """Key of a word typed without accents → the key of its most frequent accented form."""
        best: dict[str, tuple[int, str]] = {}
        for k, c in self.forms.items():
            folded = _bare(k)
            if folded != k:
                total = sum(c.values())
                if total > best.get(folded, (0, ""))[0]:
                    best[folded] = (total, k)
        return {k: best[k][1] for k in self.forms if _bare(k) == k and k in best}

    def canonical(self, k: str) -> str:
        return self._accented.get(k, k)

    def doc_freq(self) -> Counter:
        df: Counter = Counter()
        for seen in self.docs:
            df.update({self.canonical(k) for k in seen})
        return df

    def surface(self, k: str) -> str:
        merged = Counter(self.forms.get(k, {}))
        for other, target in self._accented.items():
            if target == k:
                merged.update(self.forms[other])
        return max(merged.items(), key=lambda kv: (kv[1], fold(kv[0]) != kv[0], kv[0]))[0]


def _pick(weights: dict[str, float], words: _Words, n: int, topic_of: dict[str, str] | None = None) -> list[str]:
    """Best words, one skipped when the words already chosen hold all its syllables, or when
    PER_TOPIC words of its topic (`topic_of`, when given) are already chosen."""
    chosen: list[str] = []
    covered: set[str] = set()
    per_topic: Counter = Counter()
    for k, _w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        parts = set(k.split())
        topic = (topic_of or {}).get(k)
        if parts <= covered or (topic is not None and per_topic[topic] >= PER_TOPIC):
            continue
        per_topic[topic] += 1
        chosen.append(words.surface(k))
        covered |= parts
        if len(chosen) == n:
            break
    return chosen


def _idf(m: topic_model.Model, word: str) -> float:
    """A word's weight in the store: the mean IDF of its folded syllable pairs (or of the syllable)."""
    vocab, idf = m.vectorizer.vocabulary, m.vectorizer.idf
    seq = m.proc.sequence(word)
    feats = m.proc.pairs(seq) or [t for t in seq if t]
    found = [float(idf[vocab[f]]) for f in feats if f in vocab]
    if found:
        return sum(found) / len(found)
    # Syllables the model folds into stop words ("vị", "tài" fold like "vì", "tại"): a middle weight.
    return float(np.median(idf)) if len(idf) else 1.0


def top_terms(m: topic_model.Model, texts: list[str], n: int = 8) -> list[str]:
    if not texts:
        return []
    words = _Words(m.proc, texts)
    weights = {k: c * _idf(m, words.surface(k)) * (MULTI if " " in k else 1.0) for k, c in words.doc_freq().items()}
    return _pick(weights, words, n)


def topic_keywords(ctx: Ctx, topic_id: str, n: int = 8) -> list[str]:
    texts = [r[0] for r in ctx.db.execute("SELECT summary FROM opinions WHERE topic_id = ? ORDER BY received_on DESC "
                                          "LIMIT 300", [topic_id])]
    return top_terms(topic_model.get(ctx), texts, n)


def month_keywords(ctx: Ctx, month: str, n: int = 8, before: int = 3) -> list[str]:
    """Words that stand out this month against the `before` months preceding it."""
    first = date.fromisoformat(f"{month}-01")
    end, start = add_months(first, 1), add_months(first, -before)
    rows = ctx.db.execute("SELECT received_on, summary, topic_id FROM opinions WHERE received_on >= ? "
                          "AND received_on < ?", [start.isoformat(), end.isoformat()]).fetchall()
    now = [s for d, s, _t in rows if d >= first.isoformat()]
    topics = [t for d, _s, t in rows if d >= first.isoformat()]
    past = [s for d, s, _t in rows if d < first.isoformat()]
    if not now:
        return []
    proc = synonyms.processor(ctx)
    words_now = _Words(proc, now)
    df_now, df_past = words_now.doc_freq(), _Words(proc, past).doc_freq()
    skip = {segment.key(w) for w in NO_CONTENT}
    weights = {}
    for k, c in df_now.items():
        if c < MONTH_MIN_ITEMS or " " not in k or k in skip:
            continue
        ratio = math.log((c + 0.5) / (len(now) + 1)) - math.log((df_past.get(k, 0) + 0.5) / (len(past) + 1))
        weights[k] = c * (1.0 + min(max(ratio, 0.0), 1.0))
    topic_of = _main_topics(words_now, topics, set(weights))
    titles = _title_words(ctx, set(topic_of.values()))
    weights = {k: w for k, w in weights.items() if k not in topic_of or k in titles.get(topic_of[k], set())}
    return _pick(weights, words_now, n, topic_of)


def _title_words(ctx: Ctx, topic_ids: set[str]) -> dict[str, set[str]]:
    """Each topic's title as word keys (the segmentation the items get)."""
    if not topic_ids:
        return {}
    marks = ",".join("?" * len(topic_ids))
    return {topic_id: {segment.key(w.lower()) for w in segment.segment(title or "")}
            for topic_id, title in ctx.db.execute(f"SELECT id, title FROM topics WHERE id IN ({marks})",
                                                  sorted(topic_ids))}


def _main_topics(words: _Words, topics: list[str | None], keys: set[str]) -> dict[str, str]:
    """Each word key → the topic most of the items holding it are filed under (none when most
    are not filed under a topic)."""
    by_key: dict[str, Counter] = {k: Counter() for k in keys}
    for seen, topic in zip(words.docs, topics, strict=True):
        for k in {words.canonical(k) for k in seen} & keys:
            by_key[k][topic] += 1
    out = {}
    for k, counts in by_key.items():
        topic = max(counts.items(), key=lambda kv: (kv[1], kv[0] is not None))[0] if counts else None
        if topic is not None:
            out[k] = topic
    return out
