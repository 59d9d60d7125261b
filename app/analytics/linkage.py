"""Average-linkage clustering cut at a similarity, by the nearest-neighbour chain.

Contract: `average(similarity, link)` takes a dense symmetric matrix of similarities and
returns the flat clusters (lists of row indices, each sorted) whose rows are joined by
average-linkage merges at a mean similarity of at least `link`: the same partition as
cutting the full dendrogram at distance 1 - link (scipy's fcluster(..., "distance")).

Why the chain: average linkage is reducible (a merged cluster is never closer to a third
one than the nearer of its parts), so reciprocal nearest neighbours can be merged in any
order and a cluster whose nearest neighbour lies under `link` is final at once. That is
O(n²) time on one n × n matrix, with no dendrogram to build and cut.
"""

from __future__ import annotations

import numpy as np


def average(similarity: np.ndarray, link: float) -> list[list[int]]:
    n = similarity.shape[0]
    if n == 0:
        return []
    sim = np.array(similarity, dtype=np.float64)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    members: list[list[int]] = [[i] for i in range(n)]
    open_ = np.ones(n, dtype=bool)       # still able to merge
    alive = np.ones(n, dtype=bool)       # not absorbed into another cluster
    chain: list[int] = []
    start = 0
    while True:
        if not chain:
            while start < n and not open_[start]:
                start += 1
            if start == n:
                break
            chain.append(start)
        a = chain[-1]
        row = sim[a]
        b = int(np.argmax(row))
        best = row[b]
        if len(chain) >= 2 and row[chain[-2]] >= best:
            b, best = chain[-2], row[chain[-2]]    # ties favour the chain: no cycles
        if not best >= link:
            # Nothing reaches `link` from here, now or after any later merge (reducibility).
            open_[a] = False
            sim[a, :] = -np.inf
            sim[:, a] = -np.inf
            chain.pop()
            continue
        if len(chain) >= 2 and b == chain[-2]:
            chain.pop()
            chain.pop()
            merged = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])
            sim[a, :] = merged
            sim[:, a] = merged
            sim[a, a] = -np.inf
            sim[b, :] = -np.inf
            sim[:, b] = -np.inf
            size[a] += size[b]
            members[a] += members[b]
            open_[b] = alive[b] = False
        else:
            chain.append(b)
    return [sorted(members[i]) for i in np.flatnonzero(alive)]
