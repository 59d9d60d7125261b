"""Answers kept until the store is written to.

Contract: `until_written(ctx, key, compute)` returns `compute()` the first time a `key` is
asked and the same object again until anything is written to the store: by this connection
(its `total_changes`, which every INSERT, UPDATE and DELETE raises, rolled back or not) or
by another (SQLite's `data_version`). The answers of one store at a time are kept, at most
MAX_KEYS of them; the caller must not change what it gets.

Why: a page shown again re-asks the same questions (the topics page's keywords, areas and
trend; Tổng quan's new streams), and at 200,000 items the answers cost 50-170 ms each while
nothing had changed. A key includes every argument of the question, `today` too when the
answer depends on the date.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from app.context import Ctx

T = TypeVar("T")
MAX_KEYS = 64

# The store's connection (itself, not its id: a store opened after another closed, a restore,
# may get the same id and the same write mark), the write mark the answers were computed at,
# and the answers by key.
_kept: tuple[object, tuple[int, int], dict[Hashable, object]] | None = None


def write_mark(ctx: Ctx) -> tuple[int, int]:
    """Changes whenever anything is written to the store."""
    conn = ctx.db.conn
    with ctx.lock:
        return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]


def until_written(ctx: Ctx, key: Hashable, compute: Callable[[], T]) -> T:
    global _kept
    mark = write_mark(ctx)
    if _kept is None or _kept[0] is not ctx.db.conn or _kept[1] != mark:
        _kept = (ctx.db.conn, mark, {})
    answers = _kept[2]
    if key not in answers:
        if len(answers) >= MAX_KEYS:
            answers.clear()
        answers[key] = compute()
    return answers[key]  # type: ignore[return-value]
