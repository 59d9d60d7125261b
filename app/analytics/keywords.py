"""Keywords: the distinctive words of a group of items, of a topic, and of a month against the months before.

Contract: every function returns at most `n` phrases in the accented form the clerks wrote
(a syllable or a two-syllable word), most distinctive first. A group's words are weighed by
TF-IDF against the whole store; a month's by how much more often they appear than in the
three months before (smoothed log ratio of document frequencies), so a word that is always
there ("người dân") never leads.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date

import numpy as np

from app.analytics import model as topic_model
from app.analytics import synonyms
from app.context import Ctx
from app.months import add_months


def _pick(weights: dict[str, float], surface: dict[str, str], n: int) -> list[str]:
    """Best features as phrases, a syllable dropped when a chosen pair already contains it."""
    chosen: list[str] = []
    covered: set[str] = set()
    for feat, _w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        parts = feat.split("_")
        if any(p in covered for p in parts) and len(parts) == 1:
            continue
        if len(parts) == 2 and all(p in covered for p in parts):
            continue
        chosen.append(surface.get(feat, feat.replace("_", " ")))
        covered.update(parts)
        if len(chosen) == n:
            break
    return chosen


def top_terms(m: topic_model.Model, texts: list[str], n: int = 8) -> list[str]:
    if not texts:
        return []
    summed = m.vectorizer.transform(texts).column_sums()
    names = m.vectorizer.names
    weights = {}
    for i in np.argsort(-summed)[:200]:
        name = str(names[i])
        if summed[i] > 0 and not name.startswith("#"):
            # A pair is a word: favour it over its syllables alone.
            weights[name] = float(summed[i]) * (1.5 if "_" in name else 1.0)
    return _pick(weights, synonyms.surface_forms(texts, m.proc), n)


def topic_keywords(ctx: Ctx, topic_id: str, n: int = 8) -> list[str]:
    texts = [r[0] for r in ctx.db.execute("SELECT summary FROM opinions WHERE topic_id = ? ORDER BY received_on DESC "
                                          "LIMIT 300", [topic_id])]
    return top_terms(topic_model.get(ctx), texts, n)


def _doc_terms(proc, texts: list[str]) -> Counter:
    df: Counter = Counter()
    for text in texts:
        seq = proc.sequence(text)
        df.update({w for w in seq if w} | set(proc.pairs(seq)))
    return df


def month_keywords(ctx: Ctx, month: str, n: int = 8, before: int = 3) -> list[str]:
    """Words that stand out this month against the `before` months preceding it."""
    first = date.fromisoformat(f"{month}-01")
    end, start = add_months(first, 1), add_months(first, -before)
    rows = ctx.db.execute("SELECT received_on, summary FROM opinions WHERE received_on >= ? AND received_on < ?",
                          [start.isoformat(), end.isoformat()]).fetchall()
    now = [s for d, s in rows if d >= first.isoformat()]
    past = [s for d, s in rows if d < first.isoformat()]
    if not now:
        return []
    proc = synonyms.processor(ctx)
    df_now, df_past = _doc_terms(proc, now), _doc_terms(proc, past)
    weights = {}
    for term, c in df_now.items():
        if c < 2:
            continue
        ratio = math.log((c + 0.5) / (len(now) + 1)) - math.log((df_past.get(term, 0) + 0.5) / (len(past) + 1))
        if ratio > 0.3:
            weights[term] = ratio * math.sqrt(c) * (1.3 if "_" in term else 1.0)
    return _pick(weights, synonyms.surface_forms(now[:2000], proc), n)
