"""Tabulation of a survey: frequencies with 95 % margins, Likert and number summaries,
cross-tabs by respondent group, weighted by population share when the plan calls for it.

`load_data` reads the store once; everything else is pure and shared by the CLI, the UI,
the Excel export and the report.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from app.catalog import GENDERS, STRATA
from app.context import Ctx
from app.errors import ValidationError
from app.surveys import plan as plan_mod
from app.surveys import stats
from app.surveys.model import AGE_BANDS, Question, Questionnaire, Response
from app.surveys.questionnaire import Survey, get_survey, load
from app.surveys.responses import area_names, load_responses

BY: dict[str, str] = {"stratum": "Giai tầng", "area": "Địa bàn", "age_band": "Độ tuổi", "gender": "Giới tính"}
WEIGHT_MODES = ("auto", "yes", "no")


@dataclass
class SurveyData:
    survey: Survey
    questionnaire: Questionnaire
    responses: list[Response]
    plan: plan_mod.Plan | None
    areas: dict[str, str]
    weights: list[float] = field(default_factory=list)
    weighting: stats.Weighting | None = None

    @property
    def weighted(self) -> bool:
        return self.weighting is not None


def load_data(ctx: Ctx, survey_id: str, weight: str = "auto") -> SurveyData:
    """Everything tabulation needs, read once. weight: auto (when the plan says the sample
    drifted from the population), yes, or no."""
    if weight not in WEIGHT_MODES:
        raise ValidationError("Chế độ gia quyền chỉ nhận auto, yes hoặc no.", field="weight")
    survey = get_survey(ctx, survey_id)
    responses = load_responses(ctx, survey_id)
    plan = plan_mod.get_plan(ctx, survey_id, responses)
    data = SurveyData(survey, load(ctx, survey_id), responses, plan, area_names(ctx), [1.0] * len(responses))
    if weight == "yes" and plan is None:
        raise ValidationError("Chưa có kế hoạch mẫu (số người từ 18 tuổi từng ô) nên không gia quyền được.", field="weight")
    if plan is not None and (weight == "yes" or (weight == "auto" and plan_mod.needs_weighting(plan, responses))):
        data.weights, data.weighting = plan_mod.weights(plan, responses)
    return data


def group_categories(data: SurveyData, by: str) -> list[tuple[str, str]]:
    """Column groups of a cross-tab, in catalogue order, only those with respondents."""
    if by not in BY:
        raise ValidationError(f"Không phân tổ theo '{by}' được; chọn: {', '.join(BY)}.", field="by")
    catalogue = {"stratum": STRATA, "area": data.areas, "age_band": AGE_BANDS, "gender": GENDERS}[by]
    present = {group_of(r, by) for r in data.responses}
    return [(code, name) for code, name in catalogue.items() if code in present]


def group_of(response: Response, by: str) -> str | None:
    return response.area_code if by == "area" else getattr(response, by)


def categories(q: Question) -> list[tuple[int, str]]:
    return [(i + 1, label) for i, label in enumerate(q.choices)]


def _pairs(data: SurveyData, q: Question) -> tuple[list, list[float]]:
    return [r.answers.get(q.no) for r in data.responses], data.weights


def frequency(data: SurveyData, q: Question) -> stats.FreqTable:
    values, weights = _pairs(data, q)
    return stats.frequencies(values, categories(q), weights, multiple=q.kind == "multiple")


def likert(data: SurveyData, q: Question) -> stats.LikertSummary:
    values, weights = _pairs(data, q)
    return stats.likert_summary(values, weights)


@dataclass
class NumberSummary:
    n: int
    mean: float
    median: float
    low: float
    high: float


def number_summary(data: SurveyData, q: Question) -> NumberSummary | None:
    pairs = [(r.answers[q.no], w) for r, w in zip(data.responses, data.weights, strict=True) if q.no in r.answers]
    if not pairs:
        return None
    values = [float(v) for v, _ in pairs]
    total_w = sum(w for _, w in pairs)
    mean = sum(float(v) * w for v, w in pairs) / total_w
    return NumberSummary(len(values), mean, statistics.median(values), min(values), max(values))


def texts(data: SurveyData, q: Question) -> list[str]:
    return [str(r.answers[q.no]) for r in data.responses if q.no in r.answers]


def crosstab(data: SurveyData, q: Question, by: str) -> stats.CrossTab:
    """Answers of a choice question (rows) by a respondent group (columns)."""
    if not q.has_choices:
        raise ValidationError(f"Câu {q.no} không phải câu lựa chọn nên không lập bảng chéo được.", field="question")
    groups = group_categories(data, by)
    values, weights = _pairs(data, q)
    return stats.crosstab(values, [group_of(r, by) for r in data.responses], categories(q), groups, weights)


def choice_questions(data: SurveyData) -> list[Question]:
    return [q for q in data.questionnaire.questions if q.has_choices]

