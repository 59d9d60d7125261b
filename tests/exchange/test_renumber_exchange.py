"""Renumbering at the lower office travels to the province without a UNIQUE refusal (issue 14.3)."""

from __future__ import annotations

from datetime import date

from app.reports import draft, register
from tests.exchange.sync_helpers import enrol_both, roundtrip


def _numbers(ctx, origin: str) -> dict[str, int | None]:
    return dict(ctx.db.execute("SELECT id, number FROM reports WHERE origin = ?", [origin]).fetchall())


def test_swapped_numbers_reach_the_province(empty_ctx, province, tmp_path):
    enrol_both(empty_ctx, province)
    first = draft.draft_report(empty_ctx, "monthly", date(2026, 9, 1))
    second = draft.draft_report(empty_ctx, "monthly", date(2026, 10, 1))
    register.set_number(empty_ctx, first.id, 1, date(2026, 10, 5))
    register.set_number(empty_ctx, second.id, 2, date(2026, 11, 5))
    roundtrip(empty_ctx, province, tmp_path / "p1")
    # the clerk swaps them: 1 → 3, 2 → 1, 3 → 2 (each step is a valid renumbering)
    register.set_number(empty_ctx, first.id, 3)
    register.set_number(empty_ctx, second.id, 1)
    register.set_number(empty_ctx, first.id, 2)
    roundtrip(empty_ctx, province, tmp_path / "p2")
    origin = empty_ctx.origin
    assert _numbers(province, origin) == _numbers(empty_ctx, origin) == {first.id: 2, second.id: 1}
