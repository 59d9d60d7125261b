"""Topics merged across the lower offices: each commune keeps its own topic rows (a row is
only ever changed by its origin), so the province sees the same topic once per commune. The
consolidated report and the province's topic list show one topic once, with its communes and
counts.

Two topics are the same when their titles match after folding case, accents, spacing and
punctuation ("Hoá đơn tiền điện" = "hóa đơn tiền điện"); the title shown is the spelling most
items were filed under, the field the one most items carry.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from dataclasses import field as dc_field

from app.context import Ctx
from app.reports.period import Period
from app.text import fold, vn_sort_key

HOT_COMMUNES = 2     # a topic reported with hot-spot risk in at least this many communes is a hot spot


def topic_key(title: str) -> str:
    """The merge key of a topic title: folded, punctuation and repeated spaces removed."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(title)).split())


@dataclass
class CrossTopic:
    title: str
    field: str
    count: int
    prev: int
    units: list[tuple[str, int]]     # (unit name, items), most first
    tendency: dict[str, int]
    high_risk: int
    hot_units: list[str]             # units that marked it hot or reported hot-spot risk
    proposals: list[str]
    tendency_units: dict[str, int] = dc_field(default_factory=dict)   # tendency → units that reported it here
    like: int | None = None   # this period's items from the communes `prev` counts (None: every commune)

    @property
    def now_like(self) -> int:
        """This period's items to set against `prev`: from the same communes."""
        return self.count if self.like is None else self.like

    @property
    def is_hot_spot(self) -> bool:
        """A hot spot across the province: hot in several communes, not one commune's items."""
        return len(self.hot_units) >= HOT_COMMUNES


def merged_topics(ctx: Ctx, me: str, p: Period | None, names: dict[str, str],
                  common: set[str] | None = None) -> list[CrossTopic]:
    """The period's topics (every period when `p` is None) merged across offices, most items first.
    `common`: when the communes with data differ between the period and the one before, the
    offices with data in both — the comparison with the period before counts only theirs."""
    where, params = ("AND o.received_on BETWEEN ? AND ?", [p.start.isoformat(), p.end.isoformat()]) if p else ("", [])
    groups: dict[str, dict] = defaultdict(lambda: {"titles": Counter(), "fields": Counter(), "units": Counter(),
                                                   "tend": Counter(), "risk": 0, "asks": Counter(), "hot": set(),
                                                   "by_tend": defaultdict(set), "like": 0})
    for title, fld, status, origin, tend, risk, ask, n in ctx.db.execute(
            "SELECT t.title, t.field, t.status, o.origin, o.tendency, o.hotspot_risk, coalesce(o.proposal, ''), "
            f"count(*) FROM opinions o JOIN topics t ON t.id = o.topic_id WHERE o.origin != ? {where} "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7", [me, *params]):
        g = groups[topic_key(title)]
        g["titles"][title] += n
        g["fields"][fld] += n
        name = names.get(origin, origin)
        g["units"][name] += n
        if common is None or origin in common:
            g["like"] += n
        g["tend"][tend] += n
        g["by_tend"][tend].add(name)
        if risk == "high":
            g["risk"] += n
        if ask.strip():
            g["asks"][ask.strip()] += n
        if status == "hot" or risk == "high":
            g["hot"].add(name)
    prev: Counter = Counter()
    if p is not None:
        before = p.previous()
        for title, origin, n in ctx.db.execute(
                "SELECT t.title, o.origin, count(*) FROM opinions o JOIN topics t ON t.id = o.topic_id "
                "WHERE o.origin != ? AND o.received_on BETWEEN ? AND ? GROUP BY 1, 2",
                [me, before.start.isoformat(), before.end.isoformat()]):
            if common is None or origin in common:
                prev[topic_key(title)] += n
    out = [CrossTopic(_shown(g["titles"]), g["fields"].most_common(1)[0][0], sum(g["units"].values()),
                      prev[key], g["units"].most_common(), dict(g["tend"]), g["risk"], sorted(g["hot"], key=vn_sort_key),
                      [a for a, _ in g["asks"].most_common(2)],
                      {t: len(names_) for t, names_ in g["by_tend"].items()},
                      None if common is None else g["like"])
           for key, g in groups.items()]
    out.sort(key=lambda t: (-t.count, t.title))
    return out


def _shown(spellings: Counter) -> str:
    """The spelling to print: the one most items carry, an all-capitals one only as a last resort."""
    return max(spellings.items(), key=lambda kv: (not kv[0].isupper(), kv[1], kv[0]))[0]


def in_sentence(title: str) -> str:
    """A topic title inside a sentence: first letter lower case unless it opens a proper name
    ("Biển Đông", "Quốc lộ 53" keep theirs); a title typed in capitals goes to sentence case."""
    if title.isupper():
        title = title[:1] + title[1:].lower()
    words = title.split()
    if len(words) > 1 and words[1][:1].isupper():
        return title
    return title[:1].lower() + title[1:]


def province_topics(ctx: Ctx) -> list[CrossTopic]:
    """Every topic the lower offices filed items under, once each (the province's topic list)."""
    from app import office

    me = office.get_office(ctx).unit_code
    names = dict(ctx.db.execute("SELECT unit_code, name FROM peers").fetchall())
    return merged_topics(ctx, me, None, names)
