"""The Overview page's content: a list of cards, each from one capability.

Capabilities add cards from `app/overview_cards/<name>.py` with `cards(ctx) -> list[Card]`;
discovered by file name so nobody edits a shared list. A module whose cards take long (the
topic model) says `SLOW = True`, and the page shows the others before them.

A card row may carry a `Link`: where clicking (or Enter on) the row leads — a page, one
record on it, or its list filtered. A card may carry a `Chart` (bars per month, stacked by a
catalogue), whose bars link to the list filtered by month and series. Both are plain data:
the page draws them and the main window follows links, so the overview stays a thin view.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from app.context import Ctx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardAction:
    """A button on a card: `run(ctx)` does the work and returns a sentence saying what it did."""

    label: str
    run: Callable[[Ctx], str]


@dataclass(frozen=True)
class Link:
    """Where a row leads. `page` is a navigation key (overview, opinions, topics, reports…);
    `record_id` a record to open there; `filters` OpinionFilter fields for the opinions list
    (month, field, tendency, topic_id…); `tab` a named tab of the page (overdue, activity,
    coverage); `hint` the tooltip saying what the click does."""

    page: str
    record_id: str | None = None
    filters: tuple[tuple[str, str], ...] = ()
    tab: str | None = None
    hint: str = ""


class Row(tuple):
    """A card row: the pair (label, value) — it unpacks and compares as the pair — that may
    carry a `link`. Cards write plain tuples, `(label, value)` or `(label, value, link)`."""

    link: Link | None

    def __new__(cls, label: str, value: str, link: Link | None = None) -> Row:
        row = super().__new__(cls, (label, value))
        row.link = link
        return row


@dataclass(frozen=True)
class ChartSeries:
    code: str            # the catalogue code (a field)
    label: str
    values: list[int]    # one per month


@dataclass(frozen=True)
class Chart:
    """Counts per month (oldest first, the last one today's month), stacked by `series_key`
    (an OpinionFilter field: a bar's link filters the list by its month and series code)."""

    months: list[str]    # "YYYY-MM"
    series: list[ChartSeries]
    series_key: str = "field"

    def link(self, series_index: int, month_index: int) -> Link:
        s, month = self.series[series_index], self.months[month_index]
        return Link("opinions", filters=(("month", month), (self.series_key, s.code)),
                    hint=f"Xem thông tin lĩnh vực {s.label}, tháng {month[5:7]}/{month[:4]}")


@dataclass
class Card:
    title: str
    rows: list = field(default_factory=list)  # (label, value) or (label, value, link); Row after init
    level: str = "info"  # info | warning
    order: int = 50
    note: str = ""
    actions: list[CardAction] = field(default_factory=list)
    chart: Chart | None = None

    def __post_init__(self) -> None:
        self.rows = [r if isinstance(r, Row) else Row(*r) for r in self.rows]


def build(ctx: Ctx, slow: bool | None = None) -> list[Card]:
    """The cards in their order: all of them, or (`slow` True / False) only those of the card
    modules that declare `SLOW = True` / the others. A slow module's cards need the topic
    model, built once per store and change (0.3-0.5 s, most of start-up's wait for the
    overview): the page asks for the quick cards first and shows them, then for the slow ones."""
    from app import discovery

    cards: list[Card] = []
    for module in discovery.submodules("app.overview_cards"):
        if slow is None or getattr(module, "SLOW", False) == slow:
            cards.extend(module.cards(ctx))
    cards.sort(key=lambda c: c.order)
    return cards
