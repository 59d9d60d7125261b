"""app.memo: an answer is kept until anything is written to the store, by this connection or
another, and never served to another store."""

from __future__ import annotations

import shutil
from pathlib import Path

from app import memo, settings
from app.office import open_ctx


def _counting(calls: list[int], value: object):
    def compute():
        calls.append(1)
        return value
    return compute


def test_kept_until_this_connection_writes(demo_ctx) -> None:
    calls: list[int] = []
    first = memo.until_written(demo_ctx, "k", _counting(calls, ["a"]))
    assert memo.until_written(demo_ctx, "k", _counting(calls, ["b"])) is first and len(calls) == 1
    assert memo.until_written(demo_ctx, "other", _counting(calls, ["c"])) == ["c"]   # a key of its own
    settings.put(demo_ctx, "warning_min_items", 6)
    assert memo.until_written(demo_ctx, "k", _counting(calls, ["d"])) == ["d"]


def test_a_write_by_another_connection_is_seen(demo_path: Path) -> None:
    with open_ctx(demo_path) as ctx, open_ctx(demo_path) as other:
        assert memo.until_written(ctx, "k", lambda: "before") == "before"
        assert memo.until_written(ctx, "k", lambda: "again") == "before"
        settings.put(other, "warning_min_items", 7)
        assert memo.until_written(ctx, "k", lambda: "after") == "after"


def test_another_store_never_gets_the_answer(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(demo_path, copy)
    with open_ctx(demo_path) as ctx:
        assert memo.until_written(ctx, "k", lambda: "first store") == "first store"
    with open_ctx(copy) as ctx:      # same writes so far, perhaps the same id: still its own answer
        assert memo.until_written(ctx, "k", lambda: "second store") == "second store"
