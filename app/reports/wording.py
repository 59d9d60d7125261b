"""What a sentence may claim: the one place that turns figures into words (FORMAT.md, "What a
sentence may claim").

A head checks each sentence of a report against its tables before signing, so every word
that states a judgement ("hầu khắp", "phần lớn", "tăng qua các tháng", "mới phát sinh",
"hai luồng gần ngang nhau") is chosen here from the figures, by a rule a test can check:

- spread: "hầu khắp địa bàn" for at least two thirds of the areas, "nhiều địa bàn" for at
  least a third, below that the areas are named; areas are counted by their kind
  ("09/09 ấp, 05/05 khóm"), never all called by the first kind;
- share: "đa số" / "phần lớn" only above half (in a survey only above half beyond the margin
  of error, else "khoảng một nửa"); the largest share that is not a majority is "nhiều nhất",
  and equal largest shares are named together as a tie;
- two streams: only when the top two hold at least three quarters and differ by at most a
  tenth of the items;
- trend: "tăng/giảm qua các tháng" only for a series that moves one way at every step, and
  only over months that are over (a month with a week of data says nothing about fading);
- novelty: "mới phát sinh" only when nothing of it was recorded before the period;
- comparison: never with a period the office's data do not cover ("chưa có số liệu … để so
  sánh"), never "… không có ý kiến nào" for a period without data;
- a period not yet over is named with its cut-off date; a stock figure (pending, overdue)
  carries the date it is counted at.

Pure functions of numbers and names, no database and no Qt: the drafting code (app.reports.prose,
the province's and the survey's text) calls these instead of writing its own quantifiers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from app.text import vn_date, vn_number, vn_percent

MOST_AREAS = (2, 3)       # "hầu khắp": at least two thirds of the areas
MANY_AREAS = (1, 3)       # "nhiều địa bàn": at least a third
TWO_STREAMS_TOP = 0.75    # the top two tendencies hold at least this share together…
TWO_STREAMS_GAP = 0.10    # …and differ by at most this share of the items
FEW_ITEMS = 3             # below this many items no share word ("đa số", "100%"): the items are counted
SHARE_ITEMS = 20          # a change of share between periods is said only when both have this many items
INTEREST_ITEMS = {"high": 20, "medium": 6}  # items a topic needs before its interest word says so
RAISE_ITEMS = 10          # items on a central matter before the superior Ban is asked to pass it upward
CLEAR_RATIO = 2           # a series ending at ≥ twice (≤ half) its start…
CLEAR_STEPS = (2, 3)      # …and moving that way in ≥ two thirds of its steps has a clear direction


# --- counts and shares ---------------------------------------------------------------------------

def n2(value: int) -> str:
    """A count in administrative style: 01…09 with a leading zero, then 10, 1.234."""
    return f"{value:02d}" if 0 < value < 10 else vn_number(value)


def count(value: int, noun: str) -> str:
    """'02 hội nghị', '15 ý kiến'."""
    return f"{n2(value)} {noun}"


def pct(part: float, whole: float) -> str:
    """'12,5%'; never '-0,0%' (a share is never negative)."""
    return vn_percent(max(part, 0), whole)


def points(value: float, decimals: int = 1) -> str:
    """A signed difference in percentage points without a negative zero: '+2,5', '-1,0', '0'."""
    rounded = round(value, decimals)
    if rounded == 0:
        return "0"
    return ("+" if rounded > 0 else "-") + vn_number(abs(rounded), decimals)


def signed(diff: int) -> str:
    """A signed whole difference for a table cell: '+3', '-2', '0'."""
    return ("+" if diff > 0 else "-") + vn_number(abs(diff)) if diff else "0"


def is_majority(part: float, whole: float, margin: float = 0.0) -> bool:
    """Above half of `whole`; with a survey's `margin` (percentage points) above half beyond it."""
    return whole > 0 and 100.0 * part / whole - margin > 50.0


def leaders(counts: dict[str, int]) -> list[str]:
    """Every key holding the largest count (more than one: a tie), in the dict's order."""
    positive = {k: v for k, v in counts.items() if v > 0}
    if not positive:
        return []
    top = max(positive.values())
    return [k for k, v in positive.items() if v == top]


def share(part: int, whole: int, what: str, margin: float = 0.0) -> str:
    """The largest share in words: 'đa số ý kiến {what} (70,0%)', 'phần lớn …' above half,
    'khoảng một nửa …' for a survey share whose margin reaches half, else 'ý kiến {what}
    chiếm tỷ lệ cao nhất (…)'. Callers pass the largest share; ties go through `ranking`."""
    if not margin and whole < FEW_ITEMS:  # one or two items are counted, not shared out
        if part == whole:
            return f"{count(part, 'ý kiến')} {what}" if part == 1 else f"cả {count(part, 'ý kiến')} đều {what}"
        return f"{n2(part)}/{count(whole, 'ý kiến')} {what}"
    value = pct(part, whole)
    if part == whole and not margin:
        return f"tất cả {count(whole, 'ý kiến')} đều {what} ({value})"
    if margin:
        value += f" ± {vn_number(margin, 1)} điểm"
    if is_majority(part, whole, margin):
        word = "đa số" if part * 3 >= whole * 2 and not margin else "phần lớn"
        return f"{word} ý kiến {what} ({value})"
    if margin and whole and abs(100.0 * part / whole - 50.0) <= margin:
        return f"khoảng một nửa ý kiến {what} ({value})"
    return f"ý kiến {what} chiếm tỷ lệ cao nhất ({value})"


def leading(counts: dict[str, int], whole: int, margin: float = 0.0) -> str:
    """The leading tendency (or option) in words, a tie named as a tie: 'phần lớn ý kiến A (62,5%)',
    'ý kiến A chiếm tỷ lệ cao nhất (40%)', 'ý kiến A và ý kiến B ngang nhau (mỗi loại 50%)'.
    `counts` maps what is said ('đồng tình, ủng hộ') to its count."""
    top = leaders(counts)
    if not top:
        return ""
    if len(top) > 1:
        if whole < FEW_ITEMS:
            return join(count(counts[k], "ý kiến") + f" {k}" for k in top)
        return f"{join(f'ý kiến {k}' for k in top)} ngang nhau (mỗi loại {pct(counts[top[0]], whole)})"
    return share(counts[top[0]], whole, top[0], margin)


def ranking(counts: dict[str, int], whole: int, noun: str = "ý kiến", each: str = "loại") -> str:
    """The largest of `counts` named, with a tie said as a tie:
    'nhiều nhất là A (12 ý kiến, 30,0%)' / 'A và B ngang nhau, cùng 12 ý kiến (mỗi loại 30,0%)'."""
    top = leaders(counts)
    if not top:
        return ""
    n = counts[top[0]]
    few = whole < FEW_ITEMS  # one or two items are counted, not shared out
    if len(top) == 1:
        return f"nhiều nhất là {top[0]} ({count(n, noun)}{'' if few else ', ' + pct(n, whole)})"
    return f"{join(top)} ngang nhau, cùng {count(n, noun)}" + ("" if few else f" (mỗi {each} {pct(n, whole)})")


def two_streams(counts: Sequence[int]) -> bool:
    """Two tendencies dominate and are close: the top two hold ≥ 3/4 of the items and differ by
    at most a tenth of them (a third stream at 27,9 % means they do not dominate)."""
    ordered = sorted((c for c in counts if c > 0), reverse=True)
    total = sum(ordered)
    if len(ordered) < 2 or not total:
        return False
    a, b = ordered[0], ordered[1]
    return (a + b) >= TWO_STREAMS_TOP * total and (a - b) <= TWO_STREAMS_GAP * total


def interest(items: int, reported: str) -> str:
    """How widely a topic is talked about, 'high' / 'medium' / 'low': the collaborators' own
    judgement (`reported`), capped by the items it rests on — 03 items are not "quan tâm rất
    lớn", whatever one form says (INTEREST_ITEMS)."""
    order = ["low", "medium", "high"]
    by_count = "high" if items >= INTEREST_ITEMS["high"] else "medium" if items >= INTEREST_ITEMS["medium"] else "low"
    level = reported if reported in order else "low"
    return min(level, by_count, key=order.index)


def worth_raising(items: int, negative: int, hot: bool) -> bool:
    """A matter no commune body holds is proposed upward only with something to pass on: at
    least RAISE_ITEMS items, a hot spot, or a frustrated / distorting stream of FEW_ITEMS or
    more; otherwise the report records it as noted (part II) and asks nothing."""
    return items >= RAISE_ITEMS or hot or negative >= FEW_ITEMS


# --- places ----------------------------------------------------------------------------------------

def join(parts: Iterable[str], last: str = "và") -> str:
    items = [p for p in parts if p]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def area_tally(reached: dict[str, int], total: dict[str, int]) -> str:
    """Areas counted by their kind, each against its own total: '09/09 ấp, 03/05 khóm'.
    Kinds with no area reached are left out unless nothing was reached at all."""
    kinds = [k for k in total if reached.get(k, 0)] or list(total)
    return ", ".join(f"{n2(reached.get(k, 0))}/{n2(total[k])} {k}" for k in kinds)


def reach(reached: dict[str, int], total: dict[str, int]) -> tuple[int, int]:
    return sum(reached.values()), sum(total.values())


def spread_word(n_reached: int, n_total: int) -> str:
    """'hầu khắp' (≥ 2/3 of the areas), 'nhiều' (≥ 1/3) or '' (name the areas instead)."""
    if n_total <= 0 or n_reached <= 0:
        return ""
    if n_reached * MOST_AREAS[1] >= n_total * MOST_AREAS[0] and n_reached >= 3:
        return "hầu khắp"
    if n_reached * MANY_AREAS[1] >= n_total * MANY_AREAS[0] and n_reached >= 3:
        return "nhiều"
    return ""


def shown(n: int, limit: int) -> int:
    """How many of `n` names a list cut at `limit` shows: all of them when only one would be
    left over ("và 01 địa bàn khác" takes the room the name itself would)."""
    return n if n <= limit + 1 else limit


def leading_places(areas: Sequence[tuple[str, int]], most: int = 3, prefer: int = 2) -> list[str]:
    """The places a sentence may name as where a topic is "more than anywhere else": `prefer`
    (else more, up to `most`, else fewer) of `areas` (name, items; most items first), cut where
    every place named has more items than every place left out, so none is ever picked from a
    tie. All of them when there are no more than `most`; none when even the first is tied
    beyond `most`."""
    if len(areas) <= most:
        return [a for a, _ in areas]
    for k in (prefer, *range(prefer + 1, most + 1), *range(prefer - 1, 0, -1)):
        if areas[k - 1][1] > areas[k][1]:
            return [a for a, _ in areas[:k]]
    return []


def spread(names: Sequence[str], reached: dict[str, int], total: dict[str, int], named: int = 3) -> str:
    """Where a topic is talked about: 'ở hầu khắp địa bàn (09/09 ấp, 05/05 khóm)', 'ở nhiều địa
    bàn (04/09 ấp, 02/05 khóm), nhiều hơn cả ở A và B', or the places named ('ở A, B và C').
    `names` are the places as written in a sentence, most items first."""
    n_reached, n_total = reach(reached, total)
    word = spread_word(n_reached, n_total)
    if word:
        text = f"ở {word} địa bàn ({area_tally(reached, total)})"
        return text + (f", nhiều hơn cả ở {join(names[:named])}" if names else "")
    if not names:
        return ""
    listed = list(names[:shown(len(names), named)])
    rest = len(names) - len(listed)
    if rest > 0:
        return f"ở {', '.join(listed)} và {n2(rest)} địa bàn khác"
    return f"ở {join(listed)}"


# --- time --------------------------------------------------------------------------------------------

def trend(values: Sequence[int]) -> str:
    """'up' only when every step rises, 'down' only when every step falls, 'flat' when all are
    equal, else 'uneven'. Callers pass only the months that are over."""
    if len(values) < 2:
        return "flat"
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    if all(s > 0 for s in steps):
        return "up"
    if all(s < 0 for s in steps):
        return "down"
    if all(s == 0 for s in steps):
        return "flat"
    return "uneven"


def direction(values: Sequence[int]) -> str:
    """The overall direction of a series that is not monotone: 'up' (or 'down') when it ends at
    least CLEAR_RATIO times (at most 1/CLEAR_RATIO of) where it started and at least two thirds
    of its steps go that way (a tripling over a year with two dips is a rise, not "không
    đều"); else ''."""
    if len(values) < 4 or not values[0] and not values[-1]:
        return ""
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    need = len(steps) * CLEAR_STEPS[0]
    if values[-1] >= CLEAR_RATIO * values[0] and CLEAR_STEPS[1] * sum(s > 0 for s in steps) >= need:
        return "up"
    if values[-1] * CLEAR_RATIO <= values[0] and CLEAR_STEPS[1] * sum(s < 0 for s in steps) >= need:
        return "down"
    return ""


def series(values: Sequence[int], labels: Sequence[str], noun: str = "ý kiến") -> str:
    """A monthly series in words, its shape said only as the figures allow:
    'tăng qua các tháng (02 – 05 – 08)', 'giảm qua …', else 'không đều: cao nhất tháng 8 (…)'."""
    shown = " – ".join(n2(v) for v in values)
    shape = trend(values)
    if len(values) == 2 and shape in ("up", "down"):  # two points are one step, not "qua các tháng"
        up = shape == "up"
        return (f"{labels[1]} {'tăng' if up else 'giảm'} so với {labels[0]} (từ {n2(values[0])} "
                f"{'lên' if up else 'xuống'} {n2(values[1])} {noun})")
    if shape == "up":
        return f"tăng qua các tháng ({shown} {noun})"
    if shape == "down":
        return f"giảm qua các tháng ({shown} {noun})"
    if shape == "flat":
        return f"không thay đổi qua các tháng ({shown} {noun})"
    way = direction(values)
    if way:
        word, to = ("tăng", "lên") if way == "up" else ("giảm", "xuống")
        return (f"nhìn chung {word} mạnh qua các tháng ({shown} {noun}), từ {count(values[0], noun)} "
                f"{labels[0]} {to} {count(values[-1], noun)} {labels[-1]}")
    hi = leaders({lab: v for lab, v in zip(labels, values, strict=True)})
    lo_val = min(values)
    lo = [lab for lab, v in zip(labels, values, strict=True) if v == lo_val]
    return (f"không đều qua các tháng ({shown} {noun}), cao nhất {join(hi)} ({count(max(values), noun)}), "
            f"thấp nhất {join(lo)} ({count(lo_val, noun)})")


def is_new(earlier: int) -> bool:
    """'mới phát sinh' only when nothing of it was recorded before, in all the office's data."""
    return earlier == 0


def covered(previous_start: date, data_since: date | None) -> bool:
    """The office's data cover the whole previous period (a comparison is meaningful)."""
    return data_since is not None and data_since <= previous_start


def change(now: int, before: int, prev_label: str, has_prev: bool, noun: str = "ý kiến") -> str:
    """'tăng 12 ý kiến (15,4%) so với tháng trước', 'bằng tháng trước', 'tháng trước không có
    ý kiến nào' (only when the previous period has data), or 'chưa có số liệu tháng trước để so
    sánh' when the office's data do not cover it."""
    if not has_prev:
        return f"chưa có số liệu {prev_label} để so sánh"
    if before == 0:
        return f"trong khi {prev_label} không có {noun} nào" if now else f"bằng {prev_label}"
    diff = now - before
    if diff == 0:
        return f"bằng {prev_label}"
    word = "tăng" if diff > 0 else "giảm"
    return f"{word} {count(abs(diff), noun)} ({pct(abs(diff), before)}) so với {prev_label}"


def cutoff(end: date, today: date) -> date | None:
    """The day a period's figures are counted to when it is not over yet, else None."""
    return today if today < end else None


def period_name(label: str, end: date, today: date) -> str:
    """'tháng 12 năm 2026' or, while it runs, 'tháng 12 năm 2026 (chưa kết thúc, số liệu tính
    đến ngày 07/12/2026)'."""
    cut = cutoff(end, today)
    return f"{label} (chưa kết thúc, số liệu tính đến ngày {vn_date(cut)})" if cut else label


def as_of(on: date) -> str:
    """'tính đến ngày 07/12/2026': the date every stock figure (pending, overdue) carries."""
    return f"tính đến ngày {vn_date(on)}"


def stock(n: int, noun: str, on: date) -> str:
    """'15 ý kiến (tính đến ngày 07/12/2026)'."""
    return f"{count(n, noun)} ({as_of(on)})"
