"""Survey statistics: sample size, quota allocation, frequencies with margins of error,
cross-tabs, post-stratification weights and Likert summaries.

Pure functions on plain Python values, so the formulas are checked in tests against
worked examples and reused by the CLI, the UI and the report. The tables take one value per
respondent, or one per group of identical respondents with `counts` (how many it stands for):
the tabulation passes the groups app.surveys.counts reads, a few hundred for a million forms.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Any, TypeVar

from app.errors import ValidationError

K = TypeVar("K", bound=Hashable)

CONFIDENCE_LEVELS = (90, 95, 99)


def z_value(confidence: int) -> float:
    """Two-sided standard normal quantile: 1.645 (90 %), 1.960 (95 %), 2.576 (99 %)."""
    if confidence not in CONFIDENCE_LEVELS:
        raise ValidationError("Độ tin cậy chỉ nhận 90%, 95% hoặc 99%.", field="confidence")
    return NormalDist().inv_cdf(0.5 + confidence / 200)


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


@dataclass(frozen=True)
class SampleSize:
    confidence: int
    margin: float  # e.g. 0.05 for ±5 %
    population: int | None
    z: float
    n0: float  # before the finite population correction, unrounded
    n: int  # forms to collect


def sample_size(confidence: int = 95, margin: float = 0.05, population: int | None = None,
                p: float = 0.5) -> SampleSize:
    """Cochran's n0 = z²·p(1−p)/e², then n = n0 / (1 + (n0 − 1)/N) for a population of N.

    Rounded to the nearest whole form, as in the published tables (Krejcie & Morgan
    1970: 384 for a large population, 278 for N = 1 000); p = 0.5 is the safest guess.
    """
    z = z_value(confidence)
    if not 0 < margin < 0.5:
        raise ValidationError("Sai số cho phép phải lớn hơn 0% và nhỏ hơn 50%.", field="margin")
    if not 0 < p < 1:
        raise ValidationError("Tỷ lệ ước tính p phải nằm giữa 0 và 1.", field="p")
    if population is not None and population < 1:
        raise ValidationError("Tổng thể phải có ít nhất 1 người.", field="population")
    n0 = z * z * p * (1 - p) / (margin * margin)
    n_real = n0 if population is None else n0 / (1 + (n0 - 1) / population)
    n = max(1, _round_half_up(n_real))
    if population is not None:
        n = min(n, population)
    return SampleSize(confidence, margin, population, z, n0, n)


def margin_of_error(n: float, confidence: int = 95, p: float = 0.5, population: int | None = None) -> float:
    """Half-width of the confidence interval of a proportion (0.049 means ±4,9 points)."""
    if n <= 0:
        return float("nan")
    moe = z_value(confidence) * math.sqrt(p * (1 - p) / n)
    if population and population > 1 and n < population:
        moe *= math.sqrt((population - n) / (population - 1))
    return moe


def allocate(populations: dict[K, int], n: int, minimum: int = 0) -> dict[K, int]:
    """Split n forms over cells in proportion to population, at least `minimum` per cell
    (never more than the cell's population); largest-remainder rounding, so the quotas
    sum to n exactly. Ties go to the larger cell, then to the earlier key."""
    if n < 0 or minimum < 0:
        raise ValidationError("Cỡ mẫu và số phiếu tối thiểu không được âm.", field="n")
    total = sum(populations.values())
    if any(v < 0 for v in populations.values()):
        raise ValidationError("Dân số của một ô không được âm.", field="population")
    if n > total:
        raise ValidationError(f"Cỡ mẫu {n} lớn hơn tổng thể ({total} người).", field="n")
    floor_of = {k: min(minimum, v) for k, v in populations.items()}
    if sum(floor_of.values()) > n:
        raise ValidationError(
            f"Cỡ mẫu {n} quá nhỏ để mỗi ô có tối thiểu {minimum} phiếu (cần ít nhất {sum(floor_of.values())}).",
            field="minimum")
    fixed: dict[K, int] = {k: 0 for k, v in populations.items() if v == 0}
    while True:
        free = [k for k in populations if k not in fixed]
        rest = n - sum(fixed.values())
        free_pop = sum(populations[k] for k in free)
        shares = {k: rest * populations[k] / free_pop for k in free} if free_pop else {}
        changed = False
        for k, share in shares.items():
            if share < floor_of[k]:
                fixed[k], changed = floor_of[k], True
            elif share > populations[k]:
                fixed[k], changed = populations[k], True
        if not changed:
            break
    quotas = dict(fixed)
    quotas.update({k: math.floor(s) for k, s in shares.items()})
    left = n - sum(quotas.values())
    order = list(populations)
    by_remainder = sorted(shares, key=lambda k: (-(shares[k] - math.floor(shares[k])), -populations[k], order.index(k)))
    for k in by_remainder[:left]:
        quotas[k] += 1
    return {k: quotas[k] for k in populations}


def effective_n(weights: Sequence[float], counts: Sequence[int] | None = None) -> float:
    """Kish's effective sample size (Σw)²/Σw²: what a weighted sample is worth."""
    counts = counts if counts is not None else [1] * len(weights)
    s2 = sum(w * w * n for w, n in zip(weights, counts, strict=True))
    return (sum(w * n for w, n in zip(weights, counts, strict=True)) ** 2) / s2 if s2 else 0.0


@dataclass
class FreqRow:
    key: Any
    label: str
    count: float
    percent: float  # 0–100
    moe: float  # ± percentage points, 95 %


@dataclass
class FreqTable:
    rows: list[FreqRow]
    base: float  # respondents who answered (weighted when weights were given)
    n: int  # respondents who answered, unweighted
    effective_n: float
    weighted: bool = False
    multiple: bool = False  # percentages of respondents, may sum past 100


def _as_keys(value: Any) -> tuple:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _groups(values: Sequence[Any], weights: Sequence[float] | None,
            counts: Sequence[int] | None) -> tuple[Sequence[float], Sequence[int]]:
    return (weights if weights is not None else [1.0] * len(values),
            counts if counts is not None else [1] * len(values))


def frequencies(values: Sequence[Any], categories: Sequence[tuple[Any, str]],
                weights: Sequence[float] | None = None, multiple: bool = False,
                counts: Sequence[int] | None = None) -> FreqTable:
    """Counts, percentages of those who answered and 95 % margins for each category.

    A value is a category key, a tuple of keys (multiple choice) or None (no answer).
    """
    weights, counts = _groups(values, weights, counts)
    answered = [(v, w, n) for v, w, n in zip(values, weights, counts, strict=True) if _as_keys(v)]
    base = sum(w * n for _, w, n in answered)
    n_eff = effective_n([w for _, w, _ in answered], [n for _, _, n in answered])
    rows = []
    for key, label in categories:
        count = sum(w * n for v, w, n in answered if key in _as_keys(v))
        p = count / base if base else 0.0
        moe = 100 * margin_of_error(n_eff, 95, p) if n_eff else 0.0
        rows.append(FreqRow(key, label, count, 100 * p, moe))
    weighted = any(w != 1.0 for w in weights)
    return FreqTable(rows, base, sum(n for _, _, n in answered), n_eff, weighted, multiple)


@dataclass
class CrossTab:
    """Answers (rows) by a respondent group (columns); percentages within each column."""

    row_cats: list[tuple[Any, str]]
    col_cats: list[tuple[Any, str]]
    cells: list[list[float]]
    col_totals: list[float]  # respondents who answered, per column
    col_n: list[int]
    total: float
    row_totals: list[float] = field(default_factory=list)

    def col_percent(self, r: int, c: int) -> float:
        return 100 * self.cells[r][c] / self.col_totals[c] if self.col_totals[c] else 0.0

    def row_percent_total(self, r: int) -> float:
        return 100 * self.row_totals[r] / self.total if self.total else 0.0

    def col_moe(self, c: int) -> float:
        """±points at p = 0.5 for the column's unweighted size: the worst case in that group."""
        return 100 * margin_of_error(self.col_n[c]) if self.col_n[c] else 0.0


def crosstab(row_values: Sequence[Any], col_values: Sequence[Any], row_cats: Sequence[tuple[Any, str]],
             col_cats: Sequence[tuple[Any, str]], weights: Sequence[float] | None = None,
             counts: Sequence[int] | None = None) -> CrossTab:
    """Weighted counts of each answer within each group; respondents with no answer or
    an unknown group are left out of the bases."""
    weights, counts = _groups(row_values, weights, counts)
    col_index = {key: i for i, (key, _) in enumerate(col_cats)}
    row_index = {key: i for i, (key, _) in enumerate(row_cats)}
    cells = [[0.0] * len(col_cats) for _ in row_cats]
    col_totals = [0.0] * len(col_cats)
    col_n = [0] * len(col_cats)
    for rv, cv, w, n in zip(row_values, col_values, weights, counts, strict=True):
        keys = [k for k in _as_keys(rv) if k in row_index]
        if not keys or cv not in col_index:
            continue
        c = col_index[cv]
        col_totals[c] += w * n
        col_n[c] += n
        for k in keys:
            cells[row_index[k]][c] += w * n
    row_totals = [sum(row) for row in cells]
    return CrossTab(list(row_cats), list(col_cats), cells, col_totals, col_n, sum(col_totals), row_totals)


@dataclass
class Weighting:
    weights: dict[Any, float]  # cell -> weight given to each respondent in it
    uncovered: list[Any]  # cells with population but no respondent: their share is lost


def poststrat_weights(population: dict[K, float], sample: dict[K, int]) -> Weighting:
    """Weight of a cell = its population share / its sample share, over the cells the
    sample covers, so the weighted sample has the population's make-up and the weights
    average 1 per respondent."""
    covered = [k for k, v in population.items() if v > 0 and sample.get(k, 0) > 0]
    uncovered = [k for k, v in population.items() if v > 0 and sample.get(k, 0) == 0]
    pop_total = sum(population[k] for k in covered)
    n_total = sum(sample[k] for k in covered)
    weights = {k: (population[k] / pop_total) / (sample[k] / n_total) for k in covered}
    return Weighting(weights, uncovered)


@dataclass
class LikertSummary:
    counts: list[float]  # levels 1..5 (weighted)
    n: int
    base: float
    mean: float
    sd: float
    moe_mean: float  # ± on the mean, 95 %
    agree: float  # % levels 4–5
    neutral: float  # % level 3
    disagree: float  # % levels 1–2


def likert_summary(values: Sequence[int | None], weights: Sequence[float] | None = None,
                   counts: Sequence[int] | None = None) -> LikertSummary:
    """Distribution, mean (1–5) with a 95 % interval and the agree / disagree shares."""
    weights, group_sizes = _groups(values, weights, counts)
    pairs = [(v, w * n, w, n) for v, w, n in zip(values, weights, group_sizes, strict=True) if v is not None]
    counts = [sum(wn for v, wn, _, _ in pairs if v == level) for level in range(1, 6)]
    base = sum(counts)
    if not base:
        return LikertSummary(counts, 0, 0.0, float("nan"), float("nan"), float("nan"), 0.0, 0.0, 0.0)
    mean = sum(wn * v for v, wn, _, _ in pairs) / base
    n_eff = effective_n([w for _, _, w, _ in pairs], [n for _, _, _, n in pairs])
    var = sum(wn * (v - mean) ** 2 for v, wn, _, _ in pairs) / base
    var = var * n_eff / (n_eff - 1) if n_eff > 1 else 0.0
    sd = math.sqrt(var)
    moe = z_value(95) * sd / math.sqrt(n_eff) if n_eff else float("nan")
    pct = [100 * c / base for c in counts]
    return LikertSummary(counts, sum(n for _, _, _, n in pairs), base, mean, sd, moe, pct[3] + pct[4], pct[2], pct[0] + pct[1])
