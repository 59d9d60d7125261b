"""Similar items ("Ý kiến tương tự") and likely duplicates at save.

Contract: `similar(ctx, opinion_id)` lists the nearest items of any month and commune, best
first, with a cosine similarity in [0, 1]; `duplicates(ctx, summary, collaborator_id,
meeting_id)` lists items of the same collaborator or meeting whose text is near-identical
(cosine ≥ DUPLICATE, same figures); `merge_into` folds a double entry into the earlier item.
Why candidates come from the FTS index:
vectorising every item of a 200,000-item store would cost seconds and hundreds of megabytes,
whereas the folded full-text index already returns the few hundred items sharing the rarest
words (synonym variants included), which are then scored in the TF-IDF space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from app.analytics import model as topic_model
from app.context import Ctx
from app.opinions import items
from app.text import fold

CANDIDATES = 150
TERMS = 24            # at most, however cheap: a longer OR query costs more to parse and rank
BUDGET = 20_000       # items the OR query may match before ranking (see _match_terms)
DUPLICATE = 0.8


@dataclass(frozen=True)
class Similar:
    id: str
    received_on: str
    summary: str
    area_name: str
    topic_title: str
    collaborator_id: str | None
    meeting_id: str | None
    score: float


def _doc_counts(ctx: Ctx, tokens: set[str]) -> dict[str, int]:
    """How many items hold each folded token, from the full-text index's own vocabulary (a B-tree
    look-up per token, no scan). The fts5vocab table is a temporary, storage-less view of the
    encrypted index: nothing is written anywhere."""
    ctx.db.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.opinions_fts_terms "
                        "USING fts5vocab(main, 'opinions_fts', 'row')")
    listed = sorted(tokens)
    found = ctx.db.conn.execute(f"SELECT term, doc FROM temp.opinions_fts_terms WHERE term IN "
                                f"({', '.join('?' * len(listed))})", listed).fetchall() if listed else []
    return dict(found)


def _plain(phrase: str) -> bool:
    """No accented vowel: the same word once folded (an abbreviation such as "gpmb" or "tđc")."""
    bare = phrase.replace("đ", "d")
    return fold(bare) == bare


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether `part` is a run of consecutive syllables of `whole`."""
    k = len(part)
    return any(whole[i:i + k] == part for i in range(len(whole) - k + 1))


def _match_terms(ctx: Ctx, m: topic_model.Model, text: str) -> str | None:
    """An OR query of the text's rarest words and word pairs (rarest in the store itself), plus every
    variant of each synonym group the text uses.

    Why the words come from the folded text as written, not the synonym-normalised one: the
    full-text index holds what the clerk wrote, so a normalised pair ("giá cả bồi") would match
    nothing. Why a budget of matching items: ranking costs the index about two microseconds per
    item matched, so common syllables ("lúa", "đường", each in a tenth of a large store) are
    left out once rarer words already bring enough candidates."""
    seq = m.proc.written(text)
    found = {w for w in seq if w} | set(m.proc.pairs(seq))
    df = _doc_counts(ctx, {part for w in found for part in w.split("_")})

    def cost(w: str) -> int:
        return min(df.get(part, 0) for part in w.split("_"))   # a pair is rarer than its rarest syllable

    terms: set[str] = set()
    spent = 0
    for w in sorted(found, key=lambda w: (cost(w) or BUDGET, -w.count("_"), w)):
        if len(terms) >= TERMS or (len(terms) >= 2 and spent + cost(w) > BUDGET):
            break
        terms.add(w.replace("_", " "))
        spent += cost(w)
    canonical = tuple(m.proc.canonical(text).split())
    for group in m.proc.groups:
        if _within(tuple(fold(group[0]).split()), canonical):
            # A one-syllable accented variant ("giá") is ambiguous once folded ("gia đình"): the same
            # rule as the text processor's folded table (app/analytics/textproc.py), đ aside ("tđc").
            terms.update(fold(phrase) for phrase in group if len(phrase.split()) >= 2 or _plain(phrase))
    quoted = sorted('"' + "".join(ch for ch in t if ch.isalnum() or ch == " ") + '"' for t in terms if t.strip())
    return " OR ".join(q for q in quoted if q != '""') or None


_SELECT = ("SELECT o.id, o.received_on, o.summary, coalesce(u.name, ''), coalesce(t.title, ''), o.collaborator_id, "
           "o.meeting_id FROM opinions o LEFT JOIN units u ON u.code = o.area_code "
           "LEFT JOIN topics t ON t.id = o.topic_id ")


def _score(m: topic_model.Model, text: str, rows: list[tuple], limit: int, floor: float) -> list[Similar]:
    if not rows:
        return []
    sims = m.vector([r[2] for r in rows]).dot_vector(m.vector([text]).dense_row(0))
    order = np.argsort(-sims)[:limit]
    return [Similar(*rows[i], score=round(float(sims[i]), 3)) for i in order if sims[i] >= floor]


def similar_to_text(ctx: Ctx, text: str, exclude_id: str | None = None, limit: int = 10,
                    floor: float = 0.15) -> list[Similar]:
    m = topic_model.get(ctx)
    query = _match_terms(ctx, m, text)
    if not query:
        return []
    rows = ctx.db.execute(
        _SELECT + "WHERE o.rowid IN (SELECT rowid FROM opinions_fts WHERE opinions_fts MATCH ? ORDER BY rank "
        "LIMIT ?) AND o.id IS NOT ?", [query, CANDIDATES, exclude_id or ""]).fetchall()
    return _score(m, text, rows, limit, floor)


def similar(ctx: Ctx, opinion_id: str, limit: int = 10) -> list[Similar]:
    item = items.get(ctx, opinion_id)
    return similar_to_text(ctx, item.summary, exclude_id=opinion_id, limit=limit)


def duplicates(ctx: Ctx, summary: str, collaborator_id: str | None, meeting_id: str | None,
               exclude_id: str | None = None, model: topic_model.Model | None = None) -> list[Similar]:
    """Near-identical items from the same reporter or the same meeting: a likely double entry.
    With `model` (the one the UI holds) no model is built here."""
    if not (collaborator_id or meeting_id) or not summary.strip():
        return []
    rows = ctx.db.execute(
        _SELECT + "WHERE (o.collaborator_id = ? OR o.meeting_id = ?) AND o.id IS NOT ? "
        "ORDER BY o.received_on DESC LIMIT 500", [collaborator_id or "", meeting_id or "", exclude_id or ""]).fetchall()
    numbers = _numbers(summary)
    rows = [r for r in rows if _numbers(r[2]) == numbers]
    return _score(model or topic_model.get(ctx), summary, rows, 3, DUPLICATE)


def _numbers(text: str) -> list[str]:
    """The figures of a text, in order. Why they must match for a duplicate: the features drop
    numbers, yet "2 hộ bị sạt lở" and "5 hộ bị sạt lở" are two reports, not one typed twice."""
    return re.findall(r"\d+", text)


def merge_into(ctx: Ctx, keep_id: str, summary: str, proposal: str | None = None) -> items.Opinion:
    """'Gộp': the new text is added to the earlier item instead of saving a second one; one audited
    change ("merge") through the write path, the earlier item's other fields kept."""
    kept = items.get(ctx, keep_id)
    extra = summary.strip()
    merged = kept.summary if extra in kept.summary else f"{kept.summary} {extra}".strip()
    new_proposal = kept.proposal
    if proposal and proposal.strip() and proposal.strip() not in (kept.proposal or ""):
        new_proposal = f"{kept.proposal} {proposal.strip()}".strip() if kept.proposal else proposal.strip()
    return items.update(ctx, replace(kept, summary=merged, proposal=new_proposal), action="merge")
