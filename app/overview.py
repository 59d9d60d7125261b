"""The Overview page's content: a list of cards, each from one capability.

Capabilities add cards from `app/overview_cards/<name>.py` with `cards(ctx) -> list[Card]`;
discovered by file name so nobody edits a shared list.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

from app.context import Ctx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardAction:
    """A button on a card: `run(ctx)` does the work and returns a sentence saying what it did."""

    label: str
    run: Callable[[Ctx], str]


@dataclass
class Card:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    level: str = "info"  # info | warning
    order: int = 50
    note: str = ""
    actions: list[CardAction] = field(default_factory=list)


def build(ctx: Ctx) -> list[Card]:
    import app.overview_cards as pkg

    cards: list[Card] = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"app.overview_cards.{info.name}")
        cards.extend(module.cards(ctx))
    cards.sort(key=lambda c: c.order)
    return cards
