"""A plain-Python reference tabulation: every response loaded, every figure summed one
respondent at a time, exactly as app/surveys tabulated before it aggregated in SQL.

It is the yardstick of tests/surveys/test_tabulation_equivalence.py: the app's tabulation
(grouped counts read from the store) must give the same figures as this one on the demo
survey and on a generated survey with weights, skipped and missing answers. It is written
out in full here, independent of app.surveys.stats, so a formula changed there is caught.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from app.catalog import GENDERS, STRATA
from app.context import Ctx
from app.surveys import plan as plan_mod
from app.surveys.model import AGE_BANDS, Question, Response
from app.surveys.responses import area_names, load_responses
from app.text import fold

Z95 = NormalDist().inv_cdf(0.975)


def _moe(n: float, p: float = 0.5) -> float:
    return Z95 * math.sqrt(p * (1 - p) / n) if n > 0 else float("nan")


def _neff(weights: list[float]) -> float:
    s2 = sum(w * w for w in weights)
    return sum(weights) ** 2 / s2 if s2 else 0.0


def _keys(value: Any) -> tuple:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _cell(dimension: str, r: Response) -> tuple:
    return {"area": (r.area_code, None), "stratum": (None, r.stratum)}.get(dimension, (r.area_code, r.stratum))


@dataclass
class Reference:
    responses: list[Response]
    weights: list[float]
    weighted: bool
    cell_weights: dict | None
    collected: dict
    areas: dict[str, str]


def load_reference(ctx: Ctx, survey_id: str, weight: str = "auto") -> Reference:
    """Every response of the survey, with the post-stratification weight of each."""
    responses = load_responses(ctx, survey_id)
    plan = plan_mod.get_plan(ctx, survey_id)
    weights, cell_weights, collected = [1.0] * len(responses), None, {}
    if plan is not None:
        sample: dict = {}
        for r in responses:
            sample[_cell(plan.dimension, r)] = sample.get(_cell(plan.dimension, r), 0) + 1
        pops = {c.key: c.population for c in plan.cells}
        covered = [k for k, v in pops.items() if v > 0 and sample.get(k, 0) > 0]
        pop_total, n_total = sum(pops[k] for k in covered), sum(sample[k] for k in covered)
        cw = {k: (pops[k] / pop_total) / (sample[k] / n_total) for k in covered}
        collected = {c.key: sample.get(c.key, 0) for c in plan.cells}
        if weight == "yes" or (weight == "auto" and responses and any(abs(w - 1) > 0.05 for w in cw.values())):
            weights = [cw.get(_cell(plan.dimension, r), 1.0) for r in responses]
            cell_weights = cw
    return Reference(responses, weights, cell_weights is not None, cell_weights, collected, area_names(ctx))


def frequency(ref: Reference, q: Question) -> dict:
    answered = [(_keys(r.answers.get(q.no)), w) for r, w in zip(ref.responses, ref.weights, strict=True)]
    answered = [(k, w) for k, w in answered if k]
    base = sum(w for _, w in answered)
    n_eff = _neff([w for _, w in answered])
    rows = []
    for key in range(1, len(q.choices) + 1):
        count = sum(w for k, w in answered if key in k)
        p = count / base if base else 0.0
        rows.append((count, 100 * p, 100 * _moe(n_eff, p) if n_eff else 0.0))
    return {"rows": rows, "base": base, "n": len(answered), "effective_n": n_eff,
            "weighted": any(w != 1.0 for w in ref.weights)}


def likert(ref: Reference, q: Question) -> dict:
    pairs = [(r.answers[q.no], w) for r, w in zip(ref.responses, ref.weights, strict=True) if q.no in r.answers]
    counts = [sum(w for v, w in pairs if v == level) for level in range(1, 6)]
    base = sum(counts)
    if not base:
        return {"counts": counts, "n": 0}
    mean = sum(w * v for v, w in pairs) / base
    n_eff = _neff([w for _, w in pairs])
    var = sum(w * (v - mean) ** 2 for v, w in pairs) / base
    var = var * n_eff / (n_eff - 1) if n_eff > 1 else 0.0
    sd = math.sqrt(var)
    return {"counts": counts, "n": len(pairs), "base": base, "mean": mean, "sd": sd, "moe_mean": Z95 * sd / math.sqrt(n_eff)}


def number(ref: Reference, q: Question) -> tuple | None:
    pairs = [(float(r.answers[q.no]), w) for r, w in zip(ref.responses, ref.weights, strict=True) if q.no in r.answers]
    if not pairs:
        return None
    values = [v for v, _ in pairs]
    mean = sum(v * w for v, w in pairs) / sum(w for _, w in pairs)
    return len(values), mean, statistics.median(values), min(values), max(values)


def texts(ref: Reference, q: Question) -> list[str]:
    return [str(r.answers[q.no]) for r in ref.responses if q.no in r.answers]


def group_of(r: Response, by: str) -> str | None:
    return r.area_code if by == "area" else getattr(r, by)


def groups(ref: Reference, by: str) -> list[str]:
    catalogue = {"stratum": STRATA, "area": ref.areas, "age_band": AGE_BANDS, "gender": GENDERS}[by]
    present = {group_of(r, by) for r in ref.responses}
    return [code for code in catalogue if code in present]


def crosstab(ref: Reference, q: Question, by: str) -> dict:
    cols = groups(ref, by)
    col_index = {code: i for i, code in enumerate(cols)}
    keys = range(1, len(q.choices) + 1)
    cells = [[0.0] * len(cols) for _ in keys]
    col_totals, col_n = [0.0] * len(cols), [0] * len(cols)
    for r, w in zip(ref.responses, ref.weights, strict=True):
        ks = [k for k in _keys(r.answers.get(q.no)) if k in keys]
        c = col_index.get(group_of(r, by))
        if not ks or c is None:
            continue
        col_totals[c] += w
        col_n[c] += 1
        for k in ks:
            cells[k - 1][c] += w
    return {"cols": cols, "cells": cells, "col_totals": col_totals, "col_n": col_n}


def profile_counts(ref: Reference, by: str) -> dict:
    """Forms per known group of a respondent attribute."""
    out: dict = {}
    for r in ref.responses:
        if group_of(r, by):
            out[group_of(r, by)] = out.get(group_of(r, by), 0) + 1
    return out


def most_common(texts: list[str], k: int) -> list[str]:
    """The report's choice of answers to quote: most frequent first, compared folded."""
    counts: dict[str, tuple[int, str]] = {}
    for t in texts:
        key = fold(t).strip(" .")
        n, first = counts.get(key, (0, t))
        counts[key] = (n + 1, first)
    return [t for _, t in sorted(counts.values(), key=lambda x: -x[0])[:k]]
