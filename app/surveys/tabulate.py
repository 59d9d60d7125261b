"""Tabulation of a survey: frequencies with 95 % margins, Likert and number summaries,
cross-tabs by respondent group, weighted by population share when the plan calls for it.

`load_data` reads the store once, as grouped counts (app.surveys.counts: respondents per
profile and answer, never a list of responses, so a million forms tabulate in the memory of
their tables); everything else is pure and shared by the CLI, the UI, the Excel export and the
report. A weight depends only on a respondent's profile, so every weighted sum is a sum over
these groups.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from app.catalog import GENDERS, STRATA
from app.context import Ctx
from app.errors import ValidationError
from app.surveys import counts as counts_mod
from app.surveys import plan as plan_mod
from app.surveys import stats
from app.surveys.counts import Profile, SurveyCounts
from app.surveys.model import AGE_BANDS, Question, Questionnaire
from app.surveys.questionnaire import Survey, get_survey, load
from app.surveys.responses import area_names

BY: dict[str, str] = {"stratum": "Giai tầng", "area": "Địa bàn", "age_band": "Độ tuổi", "gender": "Giới tính"}
WEIGHT_MODES = ("auto", "yes", "no")


@dataclass
class SurveyData:
    survey: Survey
    questionnaire: Questionnaire
    counts: SurveyCounts
    plan: plan_mod.Plan | None
    areas: dict[str, str]
    weights: dict[Profile, float] = field(default_factory=dict)  # per profile; 1 where absent
    weighting: stats.Weighting | None = None

    @property
    def weighted(self) -> bool:
        return self.weighting is not None

    @property
    def n(self) -> int:
        """Forms tabulated."""
        return self.counts.n

    def weight(self, profile: Profile) -> float:
        return self.weights.get(profile, 1.0)


def load_data(ctx: Ctx, survey_id: str, weight: str = "auto", texts: bool = False) -> SurveyData:
    """Everything tabulation needs, read once. weight: auto (when the plan says the sample
    drifted from the population), yes, or no; `texts` keeps every text answer (Excel export)."""
    if weight not in WEIGHT_MODES:
        raise ValidationError("Chế độ gia quyền chỉ nhận auto, yes hoặc no.", field="weight")
    survey = get_survey(ctx, survey_id)
    questionnaire = load(ctx, survey_id)
    counts = counts_mod.read(ctx, questionnaire, texts)
    plan = plan_mod.get_plan(ctx, survey_id, counts.profiles)
    data = SurveyData(survey, questionnaire, counts, plan, area_names(ctx))
    if weight == "yes" and plan is None:
        raise ValidationError("Chưa có kế hoạch mẫu (số người từ 18 tuổi từng ô) nên không gia quyền được.", field="weight")
    if plan is not None and (weight == "yes" or (weight == "auto" and plan_mod.needs_weighting(plan, counts.profiles))):
        data.weights, data.weighting = plan_mod.weights(plan, counts.profiles)
    return data


def respondents(data: SurveyData) -> tuple[list[float], list[int]]:
    """(weight, forms) of every profile: the whole sample as groups."""
    return [data.weight(p) for p in data.counts.profiles], list(data.counts.profiles.values())


def profile_counts(data: SurveyData, by: str) -> dict[str | None, int]:
    """Forms per group of a respondent attribute (unweighted)."""
    out: dict[str | None, int] = {}
    for p, n in data.counts.profiles.items():
        out[group_of(p, by)] = out.get(group_of(p, by), 0) + n
    return out


def group_categories(data: SurveyData, by: str) -> list[tuple[str, str]]:
    """Column groups of a cross-tab, in catalogue order, only those with respondents."""
    if by not in BY:
        raise ValidationError(f"Không phân tổ theo '{by}' được; chọn: {', '.join(BY)}.", field="by")
    catalogue = {"stratum": STRATA, "area": data.areas, "age_band": AGE_BANDS, "gender": GENDERS}[by]
    present = {group_of(p, by) for p, n in data.counts.profiles.items() if n}
    return [(code, name) for code, name in catalogue.items() if code in present]


def group_of(profile: Profile, by: str) -> str | None:
    return profile.area_code if by == "area" else getattr(profile, by)


def categories(q: Question) -> list[tuple[int, str]]:
    return [(i + 1, label) for i, label in enumerate(q.choices)]


def _groups(data: SurveyData, q: Question) -> tuple[list[Profile], list[Any], list[float], list[int]]:
    """The answers of a question as groups of identical respondents: profile, answer, weight, forms."""
    groups = data.counts.answers[q.no]
    profiles = [p for p, _ in groups]
    return profiles, [a for _, a in groups], [data.weight(p) for p in profiles], list(groups.values())


def frequency(data: SurveyData, q: Question) -> stats.FreqTable:
    _, values, weights, forms = _groups(data, q)
    table = stats.frequencies(values, categories(q), weights, multiple=q.kind == "multiple", counts=forms)
    table.weighted = data.weighted and any(w != 1.0 for w in respondents(data)[0])
    return table


def likert(data: SurveyData, q: Question) -> stats.LikertSummary:
    _, values, weights, forms = _groups(data, q)
    return stats.likert_summary(values, weights, forms)


@dataclass
class NumberSummary:
    n: int
    mean: float
    median: float
    low: float
    high: float


def number_summary(data: SurveyData, q: Question) -> NumberSummary | None:
    _, values, weights, forms = _groups(data, q)
    if not values:
        return None
    by_value: dict[float, int] = {}
    for v, n in zip(values, forms, strict=True):
        by_value[v] = by_value.get(v, 0) + n
    ordered = sorted(by_value)
    n = sum(forms)
    total_w = sum(w * k for w, k in zip(weights, forms, strict=True))
    mean = sum(v * w * k for v, w, k in zip(values, weights, forms, strict=True)) / total_w
    return NumberSummary(n, mean, _median(ordered, by_value, n), ordered[0], ordered[-1])


def _median(ordered: list[float], by_value: dict[float, int], n: int) -> float:
    """statistics.median of the values repeated by their counts, without repeating them: the
    middle value, or the mean of the two middle ones."""
    ranks = sorted({(n - 1) // 2, n // 2})  # 0-based ranks of the middle value(s)
    middle, seen = [], 0
    for v in ordered:
        seen += by_value[v]
        while ranks and ranks[0] < seen:
            middle.append(v)
            ranks.pop(0)
    return statistics.median(middle)


def text_count(data: SurveyData, q: Question) -> int:
    return data.counts.texts[q.no].count


def common_texts(data: SurveyData, q: Question) -> list[str]:
    """The most frequent answers of a text question (compared without accents or case)."""
    return data.counts.texts[q.no].common


def texts(data: SurveyData, q: Question) -> list[str]:
    """Every answer of a text question, in the order keyed (load_data(..., texts=True) only)."""
    found = data.counts.texts[q.no].all
    if found is None:
        raise ValueError("load_data(..., texts=True) keeps the text answers")
    return found


def crosstab(data: SurveyData, q: Question, by: str) -> stats.CrossTab:
    """Answers of a choice question (rows) by a respondent group (columns)."""
    if not q.has_choices:
        raise ValidationError(f"Câu {q.no} không phải câu lựa chọn nên không lập bảng chéo được.", field="question")
    groups = group_categories(data, by)
    profiles, values, weights, forms = _groups(data, q)
    return stats.crosstab(values, [group_of(p, by) for p in profiles], categories(q), groups, weights, forms)


def choice_questions(data: SurveyData) -> list[Question]:
    return [q for q in data.questionnaire.questions if q.has_choices]
