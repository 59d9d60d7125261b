"""Skip rules ("only if question N = option"): checking a questionnaire's rules and
deciding which questions apply to a given set of answers."""

from __future__ import annotations

from app.errors import ValidationError
from app.surveys.model import Answer, Questionnaire


def check_rules(questionnaire: Questionnaire) -> None:
    """Refuse rules a clerk could not follow on paper: a controller that comes later,
    is not a choice question, or an option number that does not exist."""
    seen: dict[int, object] = {}
    for q in questionnaire.questions:
        rule = q.skip
        if rule is not None:
            ctrl = seen.get(rule.question_no)
            if ctrl is None:
                raise ValidationError(
                    f"Câu {q.no}: điều kiện bỏ qua phải dựa vào một câu đứng trước (câu {rule.question_no}).",
                    field="skip")
            if not ctrl.has_choices:  # type: ignore[attr-defined]
                raise ValidationError(
                    f"Câu {q.no}: câu {rule.question_no} không phải câu lựa chọn nên không dùng làm điều kiện.",
                    field="skip")
            n_choices = len(ctrl.choices)  # type: ignore[attr-defined]
            if not 1 <= rule.option_no <= n_choices:
                raise ValidationError(
                    f"Câu {q.no}: câu {rule.question_no} không có phương án {rule.option_no}.", field="skip")
        seen[q.no] = q


def _matches(answer: Answer | None, option_no: int) -> bool:
    if answer is None:
        return False
    if isinstance(answer, tuple):
        return option_no in answer
    return answer == option_no


def applicable(questionnaire: Questionnaire, answers: dict[int, Answer]) -> set[int]:
    """Numbers of the questions this respondent should have answered.

    A question whose controller was itself not applicable is not applicable either,
    so chains of rules behave the way a paper form reads.
    """
    result: set[int] = set()
    for q in questionnaire.questions:
        rule = q.skip
        if rule is None:
            result.add(q.no)
        elif rule.question_no in result and _matches(answers.get(rule.question_no), rule.option_no):
            result.add(q.no)
    return result
