"""Tfidf.fit_transform holds one text's features at a time: holding every text's feature
strings at once (25 MiB for the topic model's 3,300 texts) left the interpreter that memory for
good, pinned by the few strings that stayed. The rows are the same as fitting the vocabulary
first and counting after."""

from __future__ import annotations

import numpy as np

from app.analytics.vectors import Tfidf

TEXTS = ["giá phân bón tăng cao", "phân bón giả bán tràn lan", "", "đường xuống cấp sau mưa",
         "giá điện tăng", "giá phân bón và giá điện cùng tăng"] * 40


class _Features(list):
    alive = 0
    most = 0

    def __init__(self, items) -> None:
        super().__init__(items)
        _Features.alive += 1
        _Features.most = max(_Features.most, _Features.alive)

    def __del__(self) -> None:
        _Features.alive -= 1


def _analyzer(text: str) -> list[str]:
    words = text.split()
    return _Features(words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])


def test_fit_holds_one_texts_features_at_a_time() -> None:
    rows = Tfidf(_analyzer).fit_transform(TEXTS)
    assert _Features.most <= 2 and rows.n_rows == len(TEXTS)


def test_fit_gives_the_rows_transform_gives() -> None:
    model = Tfidf(_analyzer)
    fitted = model.fit_transform(TEXTS)
    again = model.transform(TEXTS)
    assert model.names == sorted({f for t in TEXTS for f in _analyzer(t)})
    for a, b in ((fitted.indptr, again.indptr), (fitted.indices, again.indices)):
        assert np.array_equal(a, b)
    assert np.allclose(fitted.data, again.data)
