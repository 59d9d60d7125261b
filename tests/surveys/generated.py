"""A generated survey in a real store: skewed sample (so it is weighted), respondents outside
every planned cell, unknown profiles, skipped and missing answers, numbers with decimals and
free texts that repeat with other case and punctuation. Deterministic for a seed."""

from __future__ import annotations

import random

from app.context import Ctx
from app.surveys import plan as plan_mod
from app.surveys.model import Response
from app.surveys.questionnaire import load
from app.surveys.responses import save_many

from .store_helpers import add_communes, build_survey

STRATA = ["farmer", "worker", "cadre", "youth", None]
TEXTS = ["Cần tuyên truyền nhiều hơn", "cần tuyên truyền nhiều hơn.", "Giữ tên thôn cũ",
         "Làm đường trước khi sáp nhập", "giữ tên thôn cũ", "Họp dân lấy ý kiến"]


def _form(rng: random.Random, i: int) -> Response:
    answers: dict = {}
    if rng.random() > 0.05:
        answers[1] = rng.choice([1, 1, 1, 2])
    if answers.get(1) == 1 and rng.random() > 0.1:
        answers[2] = tuple(sorted(rng.sample(range(1, 6), rng.randint(1, 3))))
    if rng.random() > 0.1:
        answers[3] = rng.choices([1, 2, 3, 4, 5], [1, 2, 3, 6, 4])[0]
    if rng.random() > 0.3:
        answers[4] = rng.choice([1, 2, 3, 4, 5, 6, 2.5, 3.5])
    if rng.random() > 0.8:
        answers[5] = rng.choice(TEXTS)
    if 5 in answers.get(2, ()):
        answers[6] = rng.randint(1, 3)
    area = rng.choices(["T01", "T02", "T03", None], [5, 3, 3, 1])[0]
    return Response(rng.choice(STRATA), area, rng.choice(["18-29", "30-44", "45-59", "60+", None]),
                    rng.choice(["male", "female", None]), answers, f"G{i:07d}")


def generated_survey(ctx: Ctx, forms: int, seed: int = 7, chunk: int = 10_000) -> str:
    """A survey planned by area and stratum with `forms` stored responses; returns its id."""
    add_communes(ctx)
    sid = build_survey(ctx)
    pops = {(a, s): p for a, p in (("T01", 3000), ("T02", 1500), ("T03", 500)) for s in ("farmer", "worker")}
    pops[("T03", "cadre")] = 200
    pops[("T02", "youth")] = 0
    pops[("T03", "veteran")] = 300  # nobody of it answers: an uncovered cell
    plan_mod.save_plan(ctx, sid, "area_stratum", pops, 95, 0.05)
    rng = random.Random(seed)
    questionnaire = load(ctx, sid)
    for start in range(0, forms, chunk):
        save_many(ctx, questionnaire, [_form(rng, i) for i in range(start, min(forms, start + chunk))])
    return sid
