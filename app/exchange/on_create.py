"""Office creation hook: every new office gets its exchange keys at once."""

from __future__ import annotations

from app.context import Ctx
from app.exchange.keys import ensure_keys


def on_office_created(ctx: Ctx) -> None:
    ensure_keys(ctx)
