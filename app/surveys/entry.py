"""Checking one response against its questionnaire: typed option numbers are parsed,
answers are checked for range, required questions and skip rules.

The same checks serve keyboard entry, CSV/Excel import and the demo, so a form that is
refused in one place is refused everywhere.
"""

from __future__ import annotations

import re

from app.catalog import GENDERS, STRATA
from app.errors import ValidationError
from app.surveys.model import AGE_BANDS, PROFILE_FIELDS, Answer, Question, Questionnaire, Response
from app.surveys.skip import applicable

MAX_TEXT = 500
_SPLIT = re.compile(r"[\s,;/+|]+")


class ResponseInvalid(ValidationError):
    """A form with one or more problems; `problems` lists (field, message) for the UI."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(msg for _, msg in problems), field=problems[0][0])
        self.problems = problems


def parse_number(text: str) -> int | float:
    """Vietnamese-style numbers: '12', '12,5', '1.234', '1.234,5' (dot groups thousands)."""
    s = text.strip().replace(" ", "")
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", s):
        s = s.replace(".", "")
    value = float(s)  # ValueError for the caller
    return int(value) if value.is_integer() else value


def parse_typed(question: Question, text: str | None) -> Answer | None:
    """Turn what a clerk typed into an answer; None for a blank cell.

    Multiple choice accepts "1,3", "1 3" or, with at most nine options, "13".
    Raises ValidationError with a Vietnamese message.
    """
    raw = (text or "").strip()
    if not raw:
        return None
    where = f"Câu {question.no}"
    if question.kind == "text":
        if len(raw) > MAX_TEXT:
            raise ValidationError(f"{where}: câu trả lời dài quá {MAX_TEXT} ký tự.", field=f"q{question.no}")
        return raw
    if question.kind == "number":
        try:
            return parse_number(raw)
        except ValueError:
            raise ValidationError(f"{where}: '{raw}' không phải là số.", field=f"q{question.no}") from None
    n = len(question.choices)
    parts = [p for p in _SPLIT.split(raw) if p]
    if question.kind == "multiple" and len(parts) == 1 and n <= 9 and parts[0].isdecimal() and len(parts[0]) > 1:
        parts = list(parts[0])
    if question.kind != "multiple" and len(parts) > 1:
        raise ValidationError(f"{where}: chỉ được chọn một phương án.", field=f"q{question.no}")
    numbers: list[int] = []
    for p in parts:
        if not p.isdecimal() or not 1 <= int(p) <= n:
            raise ValidationError(f"{where}: phương án '{p}' không có (chọn từ 1 đến {n}).", field=f"q{question.no}")
        numbers.append(int(p))
    if question.kind == "multiple":
        return tuple(sorted(set(numbers)))
    return numbers[0]


def _check_answer(q: Question, value: Answer) -> str | None:
    """A problem with an already-parsed answer, or None."""
    n = len(q.choices)
    if q.kind in ("single", "likert"):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= n:
            return f"Câu {q.no}: phương án {value!r} không có (chọn từ 1 đến {n})."
    elif q.kind == "multiple":
        if not isinstance(value, tuple) or not value or any(not 1 <= v <= n for v in value):
            return f"Câu {q.no}: các phương án phải từ 1 đến {n}."
    elif q.kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return f"Câu {q.no}: phải là số."
    elif not isinstance(value, str) or len(value) > MAX_TEXT:
        return f"Câu {q.no}: câu trả lời ngắn không hợp lệ."
    return None


def check_profile(response: Response, area_codes: set[str] | None = None) -> list[tuple[str, str]]:
    """Problems with the anonymous profile (codes must come from the catalogues)."""
    problems = []
    allowed = {"stratum": STRATA, "age_band": AGE_BANDS, "gender": GENDERS}
    for key, catalogue in allowed.items():
        value = getattr(response, key)
        if value is not None and value not in catalogue:
            problems.append((key, f"{PROFILE_FIELDS[key]} không hợp lệ: {value}."))
    if response.area_code is not None and area_codes is not None and response.area_code not in area_codes:
        problems.append(("area_code", f"Địa bàn không có trong danh mục: {response.area_code}."))
    return problems


def validate(questionnaire: Questionnaire, response: Response, area_codes: set[str] | None = None) -> Response:
    """Check a whole form; returns it unchanged or raises ResponseInvalid listing every problem."""
    problems = check_profile(response, area_codes)
    known = set(questionnaire.numbers())
    for no in sorted(set(response.answers) - known):
        problems.append((f"q{no}", f"Phiếu không có câu {no}."))
    asked = applicable(questionnaire, response.answers)
    for q in questionnaire.questions:
        value = response.answers.get(q.no)
        if q.no not in asked:
            if value is not None:
                problems.append((f"q{q.no}", f"Câu {q.no} phải bỏ trống ({q.skip.describe().lower()})."))  # type: ignore[union-attr]
            continue
        if value is None:
            if q.required:
                problems.append((f"q{q.no}", f"Câu {q.no} bắt buộc trả lời."))
            continue
        problem = _check_answer(q, value)
        if problem:
            problems.append((f"q{q.no}", problem))
    if problems:
        raise ResponseInvalid(problems)
    return response


def parse_row(questionnaire: Questionnaire, typed: dict[int, str | None]) -> dict[int, Answer]:
    """Parse a row of typed cells (question number -> text); problems collected, not first only."""
    answers: dict[int, Answer] = {}
    problems: list[tuple[str, str]] = []
    for q in questionnaire.questions:
        try:
            value = parse_typed(q, typed.get(q.no))
        except ValidationError as exc:
            problems.append((exc.field or f"q{q.no}", exc.message))
            continue
        if value is not None:
            answers[q.no] = value
    if problems:
        raise ResponseInvalid(problems)
    return answers


def profile_choices(areas: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Numbered choices of each profile field for keyboard entry (1 = first in the list)."""
    return {"gender": list(GENDERS.items()), "age_band": list(AGE_BANDS.items()),
            "stratum": list(STRATA.items()), "area_code": list(areas.items())}


def parse_keyed_form(questionnaire: Questionnaire, cells: dict[str, str], areas: dict[str, str]) -> Response:
    """One row of the keyboard entry grid: 'form_no', profile fields typed as numbers of
    `profile_choices`, and 'q<N>' typed as option numbers. Checked in full; ResponseInvalid
    lists every problem with the cell it is in."""
    problems: list[tuple[str, str]] = []
    response = Response(form_no=(cells.get("form_no") or "").strip() or None)
    for key, choices in profile_choices(areas).items():
        raw = (cells.get(key) or "").strip()
        if not raw:
            continue
        if raw.isdigit() and 1 <= int(raw) <= len(choices):
            setattr(response, key, choices[int(raw) - 1][0])
        else:
            problems.append((key, f"{PROFILE_FIELDS[key]}: gõ số từ 1 đến {len(choices)} (đã gõ '{raw}')."))
    try:
        response.answers = parse_row(questionnaire, {q.no: cells.get(f"q{q.no}") for q in questionnaire.questions})
    except ResponseInvalid as exc:
        problems.extend(exc.problems)
    if problems:
        raise ResponseInvalid(problems)
    return validate(questionnaire, response, set(areas) or None)


def keyed_cells(questionnaire: Questionnaire, response: Response, areas: dict[str, str]) -> dict[str, str]:
    """The grid row a clerk would type for a stored form (the inverse of parse_keyed_form),
    so a form can be brought back into the grid and corrected."""
    cells = {"form_no": response.form_no or ""}
    for key, choices in profile_choices(areas).items():
        codes = [c for c, _ in choices]
        value = getattr(response, key)
        cells[key] = str(codes.index(value) + 1) if value in codes else ""
    for q in questionnaire.questions:
        value = response.answers.get(q.no)
        if value is None:
            text = ""
        elif isinstance(value, tuple):
            text = " ".join(str(v) for v in value)
        elif isinstance(value, float):
            text = str(value).replace(".", ",")
        else:
            text = str(value)
        cells[f"q{q.no}"] = text
    return cells
