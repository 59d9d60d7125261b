"""The in-memory topic model: a TF-IDF space fitted on the office's items, one profile per open topic.

Contract: `get(ctx)` returns a `Model` current with the store (rebuilt lazily when topics,
items or the synonym table changed; a model that took long to build is reused for up to a
minute of further edits, since one new item barely moves a profile). `peek(ctx)` never
builds: the UI asks it while typing and has `get` run on its worker thread when needed, so a
clerk never waits for a build. Nothing is written to
disk: the privacy rule (issue 13 point 6) forbids a plaintext cache, and a rebuild costs
well under the time a clerk takes to open the form (README, Benchmarks).

Why profiles are scored two ways: the centroid of a topic's items carries its overall
vocabulary, while the best few single items catch a paraphrase that shares one compound
with one earlier report; the mean of both ranks better than either on the held-out set.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from app.analytics import synonyms
from app.analytics.textproc import Processor
from app.analytics.vectors import Postings, Rows, Tfidf
from app.context import Ctx

PER_TOPIC = 200          # most recent items of a topic used for its profile
BACKGROUND = 1500        # recent items of any kind added to fit the IDF weights
REUSE_SECONDS = 60.0
SLOW_BUILD = 0.3


@dataclass
class TopicProfile:
    id: str
    title: str
    field: str
    status: str
    n_items: int
    item_fields: Counter = field(default_factory=Counter)


@dataclass
class Scored:
    topic: TopicProfile
    score: float
    close_items: int      # profile items with a clear likeness to the text


@dataclass
class Model:
    proc: Processor
    vectorizer: Tfidf
    topics: list[TopicProfile]
    centroids: np.ndarray               # dense, one normalised row per topic
    items: Rows                         # normalised profile items
    item_topic: np.ndarray              # topic index of each profile item
    built_in: float = 0.0

    def vector(self, texts: list[str]) -> Rows:
        return self.vectorizer.transform(texts)

    @cached_property
    def word_columns(self) -> np.ndarray:
        return np.array([not n.startswith("#") for n in self.vectorizer.names], dtype=bool)

    def word_vector(self, texts: list[str]) -> Rows:
        """Syllables and pairs only: sparser than with letter n-grams, so unrelated texts stay apart
        when clustering."""
        return self.both(texts)[1]

    def both(self, texts: list[str]) -> tuple[Rows, Rows]:
        """Full and word-only vectors from one pass of feature extraction."""
        full = self.vectorizer.transform(texts)
        return full, full.columns(self.word_columns).normalized()

    @cached_property
    def idf(self) -> dict[str, float]:
        return dict(zip(self.vectorizer.names, self.vectorizer.idf.tolist(), strict=True))

    @cached_property
    def postings(self) -> Postings:
        return self.items.postings()

    @cached_property
    def _topic_columns(self) -> list[np.ndarray]:
        return [np.flatnonzero(self.item_topic == t) for t in range(len(self.topics))]

    def rank(self, vectors: Rows) -> tuple[np.ndarray, np.ndarray]:
        """Scores (rows: texts, columns: topics) and, per pair, how many profile items are close."""
        n_topics = len(self.topics)
        if not n_topics or vectors.n_rows == 0:
            return np.zeros((vectors.n_rows, n_topics)), np.zeros((vectors.n_rows, n_topics), dtype=int)
        central = vectors.dot_dense(self.centroids)
        best = np.zeros_like(central)
        close = np.zeros(central.shape, dtype=int)
        for start, sims in self.postings.product(vectors):
            stop = start + sims.shape[0]
            for t, cols_t in enumerate(self._topic_columns):
                if not len(cols_t):
                    continue
                cols = sims[:, cols_t]
                k = min(3, cols.shape[1])
                top = -np.partition(-cols, k - 1, axis=1)[:, :k] if k < cols.shape[1] else cols
                best[start:stop, t] = top.mean(axis=1)
                close[start:stop, t] = (cols >= 0.2).sum(axis=1)
        return 0.5 * central + 0.5 * best, close

    def suggest(self, text: str, limit: int = 5) -> list[Scored]:
        if not text.strip() or not self.topics:
            return []
        scores, close = self.rank(self.vector([text]))
        order = np.argsort(-scores[0], kind="stable")[:limit]
        return [Scored(self.topics[i], float(scores[0, i]), int(close[0, i])) for i in order if scores[0, i] > 0]


def build(ctx: Ctx, proc: Processor | None = None) -> Model:
    """Fit the space and the profiles from the store (open topics only: a closed one is not offered)."""
    start = time.perf_counter()
    profiles: list[tuple[TopicProfile, list[str]]] = []
    # Under the store's lock: the build runs on a worker thread, and the connection must not be
    # closed (window closed, test torn down) in the middle of a read — that is a crash, not an error.
    with ctx.lock:
        for tid, title, fld, status, notes in ctx.db.execute(
                "SELECT id, title, field, status, coalesce(notes, '') FROM topics WHERE status != 'closed' "
                "ORDER BY opened_on, id").fetchall():
            rows = ctx.db.execute("SELECT summary, field FROM opinions WHERE topic_id = ? "
                                  "ORDER BY received_on DESC LIMIT ?", [tid, PER_TOPIC]).fetchall()
            profile = TopicProfile(tid, title, fld, status, len(rows), Counter(r[1] for r in rows))
            profiles.append((profile, [f"{title}. {notes}"] + [r[0] for r in rows]))
        background = [r[0] for r in ctx.db.execute(
            "SELECT summary FROM opinions ORDER BY received_on DESC LIMIT ?", [BACKGROUND])]
        proc = proc or synonyms.processor(ctx)
    model = fit(proc, profiles, background)
    model.built_in = time.perf_counter() - start
    return model


def fit(proc: Processor, profiles: list[tuple[TopicProfile, list[str]]], background: list[str]) -> Model:
    """The model from plain texts: each topic with its documents (title first), plus background texts
    that only weigh the vocabulary."""
    docs = [d for _p, texts in profiles for d in texts]
    owner = np.array([t for t, (_p, texts) in enumerate(profiles) for _d in texts], dtype=int)
    vectorizer = Tfidf(proc.features)
    counted = vectorizer.fit_transform(docs + background or ["trống"])
    width = len(vectorizer.names)
    items = counted[:len(docs)] if docs else Rows.empty(0, width)
    sums = items.group_sums(owner, len(profiles)) if profiles else np.zeros((0, width))
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    centroids = (sums / np.where(norms == 0, 1.0, norms)).astype(np.float32)
    return Model(proc, vectorizer, [p for p, _t in profiles], centroids, items, owner)


# One model per open store; keyed by the connection, since a store reopened is a new connection.
_CACHE: dict[int, tuple[tuple, float, Model]] = {}
_BUILDING = threading.Lock()


def _signature(ctx: Ctx) -> tuple:
    """What the model depends on, in queries that cost microseconds even at 200,000 items: the topics
    (a small table), the newest item row, the newest audited change to items or topics (every edit
    through app/records.py appends one), and the user's synonym groups."""
    conn = ctx.db.conn
    with ctx.lock:  # also read from the build's worker thread (see build)
        topics_sig = conn.execute("SELECT count(*), max(updated_at), group_concat(status) FROM topics").fetchone()
        newest = conn.execute("SELECT max(rowid) FROM opinions").fetchone()
        audited = conn.execute("SELECT seq FROM audit_log WHERE table_name IN ('opinions', 'topics') "
                               "ORDER BY seq DESC LIMIT 1").fetchone()
        user_lines = tuple(synonyms.user_lines(ctx))
    return tuple(topics_sig) + (newest[0], audited[0] if audited else None) + user_lines


def _cached(ctx: Ctx) -> tuple[Model | None, bool]:
    """The cached model if it may still serve (topics, statuses and synonyms unchanged), and whether
    it is current enough that `get` would return it as is."""
    sig = _signature(ctx)
    hit = _CACHE.get(id(ctx.db.conn))
    if not hit:
        return None, False
    old_sig, built_at, model = hit
    if old_sig == sig:
        return model, True
    if old_sig[:3] != sig[:3] or old_sig[5:] != sig[5:]:
        return None, False
    return model, model.built_in > SLOW_BUILD and time.monotonic() - built_at < REUSE_SECONDS


def get(ctx: Ctx) -> Model:
    """The current model, built now if needed (one build at a time: a second caller waits for it)."""
    with _BUILDING:
        model, current = _cached(ctx)
        if model is not None and current:
            return model
        sig = _signature(ctx)
        model = build(ctx)
        _CACHE.clear()
        _CACHE[id(ctx.db.conn)] = (sig, time.monotonic(), model)
        return model


def peek(ctx: Ctx) -> tuple[Model | None, bool]:
    """Never builds, never waits: the model the UI may use right now (None while none fits the
    store's topics), and whether it is current (if not, the caller has `get` run off the UI thread)."""
    return _cached(ctx)


def invalidate() -> None:
    _CACHE.clear()
