"""Ctx.transaction behaves like sqlite-utils atomic(): a failed COMMIT rolls back, nested
units are savepoints, and the connection stays usable with later writes persisting."""

from __future__ import annotations

import sqlite3

import pytest
import sqlcipher3

from app.context import Ctx
from app.office import open_ctx

DB_ERRORS = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def _add_unit(ctx: Ctx, code: str, parent: str | None = None) -> None:
    ctx.db.execute(
        "INSERT INTO units (code, name, level, parent_code, origin, updated_at) VALUES (?, ?, 'commune', ?, '', '')",
        [code, f"Xã {code}", parent],
    )


def _codes(ctx: Ctx) -> set[str]:
    return {r[0] for r in ctx.db.execute("SELECT code FROM units").fetchall()}


def test_failing_commit_rolls_back_and_later_writes_persist(empty_ctx: Ctx) -> None:
    path = empty_ctx.path
    with pytest.raises(DB_ERRORS):
        with empty_ctx.transaction():
            empty_ctx.db.execute("PRAGMA defer_foreign_keys = ON")
            _add_unit(empty_ctx, "BAD1", parent="NO-SUCH-PARENT")  # only COMMIT sees the violation
    assert not empty_ctx.db.conn.in_transaction, "the dead transaction must not stay open"
    assert "BAD1" not in _codes(empty_ctx)
    with empty_ctx.transaction():
        _add_unit(empty_ctx, "GOOD1")
    empty_ctx.close()
    with open_ctx(path) as again:
        codes = _codes(again)
    assert "GOOD1" in codes and "BAD1" not in codes


def test_handled_inner_failure_undoes_only_the_inner_part(empty_ctx: Ctx) -> None:
    path = empty_ctx.path
    with empty_ctx.transaction():
        _add_unit(empty_ctx, "OUTER1")
        try:
            with empty_ctx.transaction():
                _add_unit(empty_ctx, "INNER1")
                raise ValueError("inner unit fails")
        except ValueError:
            pass
        with empty_ctx.transaction():
            _add_unit(empty_ctx, "INNER2")
        _add_unit(empty_ctx, "OUTER2")
    empty_ctx.close()
    with open_ctx(path) as again:
        codes = _codes(again)
    assert {"OUTER1", "INNER2", "OUTER2"} <= codes
    assert "INNER1" not in codes


def test_unhandled_inner_failure_undoes_the_whole_unit(empty_ctx: Ctx) -> None:
    with pytest.raises(ValueError):
        with empty_ctx.transaction():
            _add_unit(empty_ctx, "OUTER3")
            with empty_ctx.transaction():
                _add_unit(empty_ctx, "INNER3")
                raise ValueError("boom")
    assert not {"OUTER3", "INNER3"} & _codes(empty_ctx)
    assert not empty_ctx.db.conn.in_transaction


def test_failing_inner_commit_of_deferred_fk_is_caught_by_the_outer_commit(empty_ctx: Ctx) -> None:
    """A savepoint cannot check deferred keys; the outer COMMIT does, and then rolls back all."""
    with pytest.raises(DB_ERRORS):
        with empty_ctx.transaction():
            _add_unit(empty_ctx, "OUTER4")
            with empty_ctx.transaction():
                empty_ctx.db.execute("PRAGMA defer_foreign_keys = ON")
                _add_unit(empty_ctx, "BAD4", parent="MISSING")
    assert not {"OUTER4", "BAD4"} & _codes(empty_ctx)
    with empty_ctx.transaction():
        _add_unit(empty_ctx, "AFTER4")
    assert "AFTER4" in _codes(empty_ctx)
