"""A survey file's rows as checked forms, streamed a part at a time: the cells of a row parsed
against the questionnaire (codes or Vietnamese labels for the profile, option numbers or labels
for the answers), the whole form checked by entry.validate, and the form numbers checked for
repeats within the file and against forms already keyed.

Why a memo: a phone or online survey of a million rows has few distinct rows once its form
number is set aside (a handful of genders, ages and options), and parsing and validating a row
is a pure function of its cells for one import. So each distinct row is parsed once and its
result (the stored answer values included) reused; the memo is capped (MEMO_FORMS rows; a row
with a free-text answer is never kept), so memory stays bounded by the part size, not the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from operator import itemgetter

from app.catalog import GENDERS, STRATA
from app.errors import ValidationError
from app.surveys import entry
from app.surveys.model import (
    AGE_BAND_ALIASES,
    AGE_BANDS,
    PROFILE_FIELDS,
    Answer,
    Question,
    Questionnaire,
    Response,
    age_band_for,
)
from app.surveys.table_read import RawTable
from app.text import fold

MEMO_FORMS = 10_000   # distinct rows whose parsed form is kept for reuse (a few MB at most)

# Extra targets besides the profile fields and the questions ("q<N>").
EXTRA_TARGETS: dict[str, str] = {"form_no": "Số phiếu", "age": "Tuổi (tính ra độ tuổi)"}
_AREA_PREFIX = re.compile(r"^(xa|phuong|thi tran|tt)\s+")

StoredAnswer = tuple[str | None, int | None, float | None, str | None]  # question id, option, number, text


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Folded header/value with punctuation squeezed to single spaces."""
    return re.sub(r"[^0-9a-z+]+", " ", fold(text)).strip()


def stored_answers(questionnaire: Questionnaire, answers: dict[int, Answer]) -> list[StoredAnswer]:
    """The survey_answers rows of a form, in question order: a multiple-choice answer is one row
    per ticked option; a number goes to value_num, a short text to value_text."""
    rows: list[StoredAnswer] = []
    for q in questionnaire.questions:
        value = answers.get(q.no)
        if value is None:
            continue
        if q.kind == "multiple":
            rows.extend((q.id, v, None, None) for v in value)  # type: ignore[union-attr]
        elif q.kind in ("single", "likert"):
            rows.append((q.id, value, None, None))  # type: ignore[arg-type]
        elif q.kind == "number":
            rows.append((q.id, None, value, None))  # type: ignore[arg-type]
        else:
            rows.append((q.id, None, None, value))  # type: ignore[arg-type]
    return rows


def _match_label(value: str, catalogue: dict[str, str]) -> str | None:
    k = key(value)
    for code, label in catalogue.items():
        if k == key(code) or k == key(label):
            return code
    return None


def parse_profile(target: str, value: str, areas: dict[str, str]) -> str | None:
    """Catalogue code for a profile cell given as code or Vietnamese label; ValidationError if unknown."""
    if not value:
        return None
    label = PROFILE_FIELDS.get(target) or EXTRA_TARGETS.get(target, target)
    if target == "gender":
        k = key(value)
        code = {"nam": "male", "m": "male", "nu": "female", "f": "female"}.get(k) or _match_label(value, GENDERS)
    elif target == "stratum":
        code = _match_label(value, STRATA)
    elif target == "age_band":
        code = (_match_label(value, AGE_BANDS) or _match_label(value.replace("–", "-"), AGE_BANDS)
                or _match_label(value, AGE_BAND_ALIASES))
        if code is None and value.strip().isdecimal():
            code = age_band_for(int(value))
    elif target == "age":
        try:
            code = age_band_for(int(float(value.replace(",", "."))))
        except ValueError:
            code = None
    else:  # area_code
        k = _AREA_PREFIX.sub("", key(value))
        code = next((c for c, name in areas.items() if key(c) == key(value) or _AREA_PREFIX.sub("", key(name)) == k),
                    None)
    if code is None:
        raise ValidationError(f"{label} không nhận ra: '{value}'.", field=target)
    return code


def _labels_to_numbers(q: Question, value: str) -> tuple[int, ...] | None:
    """Option labels as online forms write them ("Ti vi, Báo in" or "Ti vi; Báo in")."""
    by_key = {key(label): i + 1 for i, label in enumerate(q.choices)}
    if key(value) in by_key:
        return (by_key[key(value)],)
    if q.kind != "multiple":
        return None
    pieces = [p.strip() for p in re.split(r"[;,]", value) if p.strip()]
    found: list[int] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):  # longest run first: labels may contain commas
            number = by_key.get(key(", ".join(pieces[i:j])))
            if number:
                found.append(number)
                i = j
                break
        else:
            return None
    return tuple(sorted(set(found)))


def parse_answer(q: Question, value: str) -> Answer | None:
    """Option numbers as typed on paper, or the option's label as online forms export it."""
    if not value.strip():
        return None
    if q.has_choices and not re.fullmatch(r"[\d\s,;/+|]+", value):
        numbers = _labels_to_numbers(q, value)
        if numbers is None:
            raise ValidationError(f"Câu {q.no}: không có phương án '{value}'.", field=f"q{q.no}")
        return numbers if q.kind == "multiple" else numbers[0]
    return entry.parse_typed(q, value)


@dataclass(frozen=True, slots=True)
class Form:
    """A checked form as the file gave it, less its form number (shared by identical rows)."""

    profile: tuple[str | None, str | None, str | None, str | None]  # stratum, area_code, age_band, gender
    answers: dict[int, Answer]
    stored: tuple[StoredAnswer, ...]

    def response(self, form_no: str | None) -> Response:
        return Response(*self.profile, dict(self.answers), form_no)


class FormParser:
    """One import's rows to Forms (or the row's problems, one Vietnamese string), memoised."""

    def __init__(self, targets: dict[str, int], questionnaire: Questionnaire, areas: dict[str, str]) -> None:
        self.questionnaire, self.areas = questionnaire, areas
        self.known_areas = set(areas) if areas else None
        self.profile = [(t, targets[t]) for t in (*PROFILE_FIELDS, "age") if t in targets]
        self.questions = [(q, targets[f"q{q.no}"]) for q in questionnaire.questions if f"q{q.no}" in targets]
        cols = [i for t, i in targets.items() if t != "form_no"]
        self.row_key: Callable[[list[str]], object] = itemgetter(*cols) if cols else (lambda _cells: ())
        self.free_text = [col for q, col in self.questions if q.kind == "text"]  # a row with one is unique
        self.memo: dict[object, Form | str] = {}

    def __call__(self, cells: list[str]) -> Form | str:
        row_key = self.row_key(cells)
        got = self.memo.get(row_key)
        if got is None:
            got = self._parse(cells)
            if len(self.memo) < MEMO_FORMS and not any(cells[c] for c in self.free_text):
                self.memo[row_key] = got
        return got

    def _parse(self, cells: list[str]) -> Form | str:
        problems: list[str] = []
        profile: dict[str, str | None] = dict.fromkeys(PROFILE_FIELDS)
        for target, col in self.profile:
            try:
                code = parse_profile(target, cells[col], self.areas)
            except ValidationError as exc:
                problems.append(exc.message)
                continue
            if code is not None:
                profile["age_band" if target == "age" else target] = code
        answers: dict[int, Answer] = {}
        for q, col in self.questions:
            try:
                value = parse_answer(q, cells[col])
            except ValidationError as exc:
                problems.append(exc.message)
                continue
            if value is not None:
                answers[q.no] = value
        if not problems:
            try:
                entry.validate(self.questionnaire, Response(**profile, answers=answers), self.known_areas)
            except entry.ResponseInvalid as exc:
                problems.extend(msg for _, msg in exc.problems)
        if problems:
            return "; ".join(problems)
        return Form(tuple(profile.values()), answers,  # type: ignore[arg-type]
                    tuple(stored_answers(self.questionnaire, answers)))


@dataclass
class Part:
    """SAVE-sized part of a file: its valid forms (line, form number, form) and its problems
    ("Dòng 7: …", in line order)."""

    forms: list[tuple[int, str | None, Form]]
    problems: list[str]


KeyedLookup = Callable[[list[str]], dict[str, bool]]
"""Which of these form numbers the store holds: number → True when this very import wrote it."""


def checked_parts(table: RawTable, targets: dict[str, int], questionnaire: Questionnaire, areas: dict[str, str],
                  size: int, keyed: KeyedLookup | None = None, written: bool = False) -> Iterator[Part]:
    """Every data row of the table, `size` at a time, parsed and checked; a form number met twice
    in the file or already keyed (`keyed`) is a problem of its row.

    `written`: the caller writes each part before asking for the next, so the store (through
    `keyed`) knows the earlier parts' form numbers and only the part's own are held here: memory
    bounded by the part, not the file. Otherwise (a dry run, a preview) the file's form numbers
    are held in a set of strings."""
    parse = FormParser(targets, questionnaire, areas)
    form_col = targets.get("form_no")
    seen: set[str] = set()
    with closing(table.data_rows()) as rows:
        while batch := list(islice(rows, size)):
            if written:
                seen = set()
            forms: list[tuple[int, str | None, Form]] = []
            problems: list[tuple[int, str]] = []
            fresh: dict[str, int] = {}
            for line, cells in batch:
                got = parse(cells)
                form_no = (cells[form_col] or None) if form_col is not None else None
                if isinstance(got, str):
                    problems.append((line, got))
                elif form_no in seen:
                    problems.append((line, _TWICE.format(form_no)))
                else:
                    forms.append((line, form_no, got))
                    if form_no:
                        seen.add(form_no)
                        fresh[form_no] = line
            if keyed and fresh and (held := keyed(list(fresh))):
                problems += [(fresh[n], (_TWICE if again else _KEYED).format(n)) for n, again in held.items()]
                forms = [f for f in forms if f[1] not in held]
            problems.sort(key=lambda p: p[0])
            yield Part(forms, [f"Dòng {line}: {text}" for line, text in problems])


_TWICE = "Phiếu số {} xuất hiện hai lần."
_KEYED = "Phiếu số {} đã được nhập."
