"""The figures a survey report prints, rounded once so the text and the tables agree.

A share is printed with one decimal and a weighted count as a whole number. Rounded one by one,
the shares of a single-choice question can add to 100,1 % and the counts to 413 forms of 414;
and a sentence that sums the unrounded shares ("58,3 % đồng ý") then contradicts the table it
cites (36,1 + 22,3 = 58,4). Here each table is rounded once with the largest-remainder method
(a single-choice table adds to exactly 100,0 % and to its respondents), and every sum the text
quotes is a sum of these printed figures. A multiple-choice table is a share of respondents per
option: each is rounded on its own and they add past 100 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.surveys import stats


def largest_remainder(values: list[float], total: int) -> list[int]:
    """Whole numbers, each the floor or ceiling of its value, adding up to `total`."""
    floors = [math.floor(v) for v in values]
    missing = total - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (floors[i] - values[i], i))
    for i in order[:max(missing, 0)]:
        floors[i] += 1
    return floors


@dataclass(frozen=True)
class ShownRow:
    label: str
    count: int        # forms (weighted when the table is), as printed
    share: float      # percent, one decimal, as printed
    moe: float        # ± percentage points, one decimal, as printed


def rows(f: stats.FreqTable) -> list[ShownRow]:
    """The table's rows as printed; single choice adds to 100,0 % and to the respondents."""
    if not f.rows:
        return []
    tenths = [10 * r.percent for r in f.rows]
    counts = [r.count for r in f.rows]
    if f.multiple or not f.base:
        shares = [round(t) for t in tenths]
        whole = [round(c) for c in counts]
    else:
        shares = largest_remainder(tenths, 1000)
        whole = largest_remainder(counts, round(f.base))
    return [ShownRow(r.label, n, s / 10, round(r.moe, 1)) for r, n, s in zip(f.rows, whole, shares, strict=True)]


@dataclass(frozen=True)
class Agreement:
    """A 1–5 scale as the text quotes it: sums of the printed shares of its table."""

    agree: float
    neutral: float
    disagree: float


def agreement(f: stats.FreqTable) -> Agreement:
    shown = [r.share for r in rows(f)]
    if len(shown) != 5:
        return Agreement(0.0, 0.0, 0.0)
    return Agreement(round(shown[3] + shown[4], 1), shown[2], round(shown[0] + shown[1], 1))
