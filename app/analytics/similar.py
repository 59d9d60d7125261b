"""Similar items ("Ý kiến tương tự") and likely duplicates at save.

Contract: `similar(ctx, opinion_id)` lists the nearest items of any month and commune, best
first, with a cosine similarity in [0, 1]; `duplicates(ctx, opinion)` lists items of the same
collaborator or meeting whose text is near-identical. Why candidates come from the FTS index:
vectorising every item of a 200,000-item store would cost seconds and hundreds of megabytes,
whereas the folded full-text index already returns the few hundred items sharing the rarest
words (synonym variants included), which are then scored in the TF-IDF space.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.analytics import model as topic_model
from app.context import Ctx
from app.opinions import items
from app.text import fold

CANDIDATES = 150
TERMS = 8
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


def _match_terms(m: topic_model.Model, text: str) -> str | None:
    """An OR query of the text's rarest words (by the model's IDF), each with its synonym variants:
    a few selective terms keep the full-text ranking to milliseconds on a large store."""
    seq = m.proc.sequence(text)
    words = [w for w in seq if w] + m.proc.pairs(seq)
    rare = sorted(set(words), key=lambda w: -m.idf.get(w, 0.0))[:TERMS]
    terms = {w.replace("_", " ") for w in rare}
    for group in m.proc.groups:
        canonical = fold(group[0])
        if any(t in canonical or canonical in t for t in terms):
            terms.update(" ".join(fold(phrase).split()) for phrase in group)
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
    query = _match_terms(m, text)
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
               exclude_id: str | None = None) -> list[Similar]:
    """Near-identical items from the same reporter or the same meeting: a likely double entry."""
    if not (collaborator_id or meeting_id) or not summary.strip():
        return []
    rows = ctx.db.execute(
        _SELECT + "WHERE (o.collaborator_id = ? OR o.meeting_id = ?) AND o.id IS NOT ? "
        "ORDER BY o.received_on DESC LIMIT 500", [collaborator_id or "", meeting_id or "", exclude_id or ""]).fetchall()
    return _score(topic_model.get(ctx), summary, rows, 3, DUPLICATE)


def merge_into(ctx: Ctx, keep_id: str, summary: str, proposal: str | None = None) -> items.Opinion:
    """'Gộp': the new text is added to the earlier item instead of saving a second one."""
    from dataclasses import replace

    kept = items.get(ctx, keep_id)
    extra = summary.strip()
    merged = kept.summary if extra in kept.summary else f"{kept.summary} {extra}".strip()
    new_proposal = kept.proposal
    if proposal and proposal.strip() and proposal.strip() not in (kept.proposal or ""):
        new_proposal = f"{kept.proposal} {proposal.strip()}".strip() if kept.proposal else proposal.strip()
    return items.update(ctx, replace(kept, summary=merged, proposal=new_proposal))
