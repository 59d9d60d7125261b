"""TF-IDF vectors on plain numpy: a vectoriser, compressed sparse rows, and an inverted index.

Contract: `Tfidf(analyzer).fit(texts)` learns a vocabulary (every feature seen, sorted) and
smoothed IDF weights; `transform(texts)` returns a `Rows` matrix of sublinear-tf × idf rows,
each l2-normalised, the same numbers scikit-learn's TfidfVectorizer(sublinear_tf=True) gives.
`Rows` holds CSR arrays (indptr, indices, data) and the few operations the analytics need;
`Postings` is its transpose (feature → rows, weights), so scoring one text against N rows is
one `np.bincount` over the postings of the text's features.

Why not scikit-learn and scipy: the analytics use a sliver of them, and they are 132 MB of the
installed bundle, whose size issue 16 caps at 250 MB; numpy ships anyway (vietnamadminunits
needs it), so these hundred lines add nothing to the install.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

DTYPE = np.float32
# Dense cells of one block of a matrix product (2 MB of float64). A block's gather arrays are
# several times its size: with 1,000,000 cells the new-streams card's ranking at 200,000 items
# peaked at 43 MiB traced (now 16) and left the window 8 MiB larger after it (bench_memory), for
# 0.02 s less of the streams' 0.23 s (bench_analytics); similar items are as fast.
PRODUCT_CELLS = 250_000
DENSE_DENSITY = 1 / 256       # a column this dense on both sides of a product goes through BLAS


@dataclass
class Rows:
    """A sparse matrix in CSR form: row i holds indices[indptr[i]:indptr[i+1]] with their data."""

    indptr: np.ndarray            # int64, n_rows + 1
    indices: np.ndarray           # int32 column of each stored value
    data: np.ndarray              # float32
    width: int

    @classmethod
    def empty(cls, n_rows: int, width: int) -> Rows:
        return cls(np.zeros(n_rows + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, DTYPE), width)

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    @property
    def shape(self) -> tuple[int, int]:
        return self.n_rows, self.width

    def row_ids(self) -> np.ndarray:
        """The row of each stored value."""
        return np.repeat(np.arange(self.n_rows), np.diff(self.indptr))

    def take(self, rows: np.ndarray | list[int]) -> Rows:
        rows = np.asarray(rows, dtype=np.int64)
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        pos = _ranges(starts, ends - starts)
        indptr = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(ends - starts, out=indptr[1:])
        return Rows(indptr, self.indices[pos], self.data[pos], self.width)

    def __getitem__(self, rows: np.ndarray | list[int] | slice) -> Rows:
        if isinstance(rows, slice):
            rows = np.arange(self.n_rows)[rows]
        return self.take(rows)

    def columns(self, keep: np.ndarray) -> Rows:
        """Only the columns where the boolean mask `keep` holds, renumbered in order."""
        mapping = np.cumsum(keep) - 1
        kept = keep[self.indices]
        counts = np.bincount(self.row_ids()[kept], minlength=self.n_rows)
        indptr = np.zeros(self.n_rows + 1, np.int64)
        np.cumsum(counts, out=indptr[1:])
        return Rows(indptr, mapping[self.indices[kept]].astype(np.int32), self.data[kept], int(keep.sum()))

    def normalized(self) -> Rows:
        """Each row scaled to unit l2 norm (an empty row stays empty)."""
        sq = np.bincount(self.row_ids(), weights=self.data.astype(np.float64) ** 2, minlength=self.n_rows)
        norms = np.sqrt(sq)
        norms[norms == 0] = 1.0
        scale = np.repeat(norms, np.diff(self.indptr))
        return Rows(self.indptr, self.indices, (self.data / scale).astype(DTYPE), self.width)

    def doc_freq(self) -> np.ndarray:
        """How many rows use each column."""
        return np.bincount(self.indices, minlength=self.width)

    def group_sums(self, groups: np.ndarray, n_groups: int) -> np.ndarray:
        """Dense (n_groups × width) sums of the rows of each group."""
        owner = np.asarray(groups)[self.row_ids()]
        flat = np.bincount(owner * self.width + self.indices, weights=self.data, minlength=n_groups * self.width)
        return flat.reshape(n_groups, self.width)

    def dot_dense(self, matrix: np.ndarray) -> np.ndarray:
        """self @ matrix.T for a dense (k × width) matrix: (n_rows × k)."""
        k = matrix.shape[0]
        out = np.zeros((self.n_rows, k))
        if not k or not len(self.data):
            return out
        ids = self.row_ids()
        for c in range(k):
            out[:, c] = np.bincount(ids, weights=matrix[c, self.indices] * self.data, minlength=self.n_rows)
        return out

    def dot_vector(self, vector: np.ndarray) -> np.ndarray:
        """self @ vector for a dense vector of length width."""
        return np.bincount(self.row_ids(), weights=vector[self.indices] * self.data, minlength=self.n_rows)

    def dense(self, columns: np.ndarray) -> np.ndarray:
        """The rows restricted to the masked columns, as a dense (n_rows × columns) matrix."""
        where = np.cumsum(columns) - 1
        keep = columns[self.indices]
        out = np.zeros((self.n_rows, int(columns.sum())), DTYPE)
        out[self.row_ids()[keep], where[self.indices[keep]]] = self.data[keep]
        return out

    def dense_row(self, i: int) -> np.ndarray:
        out = np.zeros(self.width, DTYPE)
        lo, hi = self.indptr[i], self.indptr[i + 1]
        out[self.indices[lo:hi]] = self.data[lo:hi]
        return out

    def postings(self) -> Postings:
        """The inverted index: for each column, the rows that use it and their weights."""
        order = np.argsort(self.indices, kind="stable")
        indptr = np.zeros(self.width + 1, np.int64)
        np.cumsum(np.bincount(self.indices, minlength=self.width), out=indptr[1:])
        return Postings(indptr, self.row_ids()[order].astype(np.int32), self.data[order], self.n_rows)


@dataclass
class Postings:
    """Rows by feature (CSC): column j is used by rows[indptr[j]:indptr[j+1]] with those weights."""

    indptr: np.ndarray
    rows: np.ndarray
    weights: np.ndarray
    n_rows: int

    def score(self, indices: np.ndarray, data: np.ndarray) -> np.ndarray:
        """Dot products of one sparse vector (its indices and data) with every row."""
        starts = self.indptr[indices]
        lens = self.indptr[indices + 1] - starts
        pos = _ranges(starts, lens)
        return np.bincount(self.rows[pos], weights=self.weights[pos] * np.repeat(data, lens),
                           minlength=self.n_rows)

    def product(self, other: Rows) -> Iterable[tuple[int, np.ndarray]]:
        """other @ self.T in dense blocks of rows: (first row, block × n_rows) pairs, in order.

        Why two ways at once: a column used by many rows on both sides (a common syllable or
        letter trigram) costs less as a dense matrix product (BLAS) than as expanded postings,
        while the long tail of rare columns is cheapest expanded, each row meeting only the
        few rows it shares them with."""
        n = max(self.n_rows, 1)
        df_self = np.diff(self.indptr)
        df_other = np.bincount(other.indices, minlength=len(df_self))
        common = (df_self / n) * (df_other / max(other.n_rows, 1)) >= DENSE_DENSITY
        mine = self.dense(common)
        rare_other = ~common[other.indices]
        lens_all = np.where(rare_other, df_self[other.indices], 0)
        block = max(1, PRODUCT_CELLS // n)
        for start in range(0, other.n_rows, block):
            stop = min(start + block, other.n_rows)
            lo, hi = other.indptr[start], other.indptr[stop]
            lens = lens_all[lo:hi]
            pos = _ranges(self.indptr[other.indices[lo:hi]], lens)
            local = np.repeat(np.repeat(np.arange(stop - start), np.diff(other.indptr[start:stop + 1])), lens)
            weights = self.weights[pos] * np.repeat(other.data[lo:hi], lens)
            flat = np.bincount(local * self.n_rows + self.rows[pos], weights=weights,
                               minlength=(stop - start) * self.n_rows)
            out = flat.reshape(stop - start, self.n_rows).astype(np.float64, copy=False)
            if mine.shape[1]:
                out += other[start:stop].dense(common) @ mine.T
            yield start, out

    def dense(self, columns: np.ndarray) -> np.ndarray:
        """The rows restricted to the masked columns, as a dense (n_rows × columns) matrix."""
        where = np.cumsum(columns) - 1
        col_of = np.repeat(np.arange(len(columns)), np.diff(self.indptr))
        keep = columns[col_of]
        out = np.zeros((self.n_rows, int(columns.sum())), DTYPE)
        out[self.rows[keep], where[col_of[keep]]] = self.weights[keep]
        return out


def _ranges(starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """Concatenated aranges [starts[i], starts[i] + lens[i]): the gather positions of many slices."""
    total = int(lens.sum())
    if not total:
        return np.zeros(0, np.int64)
    offsets = np.cumsum(lens) - lens
    return np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, lens)


def _csr(lens: np.ndarray, ids: np.ndarray, width: int) -> Rows:
    """Rows of counts from each row's feature ids (row i holds the next lens[i] of `ids`): a
    sort of (row, column) keys gives the CSR layout."""
    keys = np.repeat(np.arange(len(lens), dtype=np.int64), lens) * max(width, 1) + ids
    unique, counts = np.unique(keys, return_counts=True)
    rows = unique // max(width, 1)
    indptr = np.zeros(len(lens) + 1, np.int64)
    np.cumsum(np.bincount(rows, minlength=len(lens)), out=indptr[1:])
    return Rows(indptr, (unique % max(width, 1)).astype(np.int32), counts.astype(DTYPE), width)


class Tfidf:
    """Sublinear term frequency × smoothed IDF, l2-normalised rows, over the analyzer's string features."""

    def __init__(self, analyzer: Callable[[str], list[str]]) -> None:
        self.analyzer = analyzer
        self.vocabulary: dict[str, int] = {}
        self.names: list[str] = []
        self.idf = np.zeros(0, DTYPE)

    def fit_transform(self, texts: list[str]) -> Rows:
        """Vocabulary, IDF and the rows in one pass over the texts, one text's features at a
        time: holding every text's feature strings at once (25 MiB for the topic model's 3,300
        texts) left the interpreter that much memory it never gave back, pinned by the few
        strings that stayed (the vocabulary). Features get an id as first seen, renumbered in
        sorted order at the end."""
        seen: dict[str, int] = {}
        ids: list[int] = []
        lens = np.zeros(len(texts), np.int64)
        for i, text in enumerate(texts):
            before = len(ids)
            ids.extend(seen.setdefault(f, len(seen)) for f in self.analyzer(text))
            lens[i] = len(ids) - before
        self.names = sorted(seen)
        self.vocabulary = {name: i for i, name in enumerate(self.names)}
        final = np.zeros(len(seen), np.int64)
        for name, first in seen.items():
            final[first] = self.vocabulary[name]
        counts = _csr(lens, final[np.asarray(ids, np.int64)], len(self.names))
        df = counts.doc_freq()
        n = len(texts)
        self.idf = (np.log((1 + n) / (1 + df)) + 1).astype(DTYPE)
        return self._weigh(counts)

    def transform(self, texts: list[str]) -> Rows:
        return self._weigh(self.counts(texts))

    def counts(self, texts: list[str]) -> Rows:
        """Raw feature counts of known features (unknown ones are dropped)."""
        vocab = self.vocabulary
        ids: list[int] = []
        lens = np.zeros(len(texts), np.int64)
        for i, text in enumerate(texts):
            before = len(ids)
            ids.extend(vocab[f] for f in self.analyzer(text) if f in vocab)
            lens[i] = len(ids) - before
        return _csr(lens, np.asarray(ids, np.int64), len(self.names))

    def _weigh(self, counts: Rows) -> Rows:
        tf = np.log(counts.data) + 1
        return Rows(counts.indptr, counts.indices, (tf * self.idf[counts.indices]).astype(DTYPE),
                    counts.width).normalized()
