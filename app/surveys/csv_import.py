"""CSV/Excel import of phone or online results: a column-mapping preview, then every row
parsed and checked against the questionnaire. All or nothing: one bad row refuses the file.

The store side (writing the responses in one transaction) is in responses.py; this module
is pure so the parsing rules are tested on real messy files without a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.catalog import GENDERS, STRATA
from app.errors import ImportRefused, ValidationError
from app.surveys import entry
from app.surveys.model import AGE_BANDS, PROFILE_FIELDS, Answer, Question, Questionnaire, Response, age_band_for
from app.surveys.table_read import RawTable, TooManyRows, read_table
from app.text import fold

MAX_LISTED = 10
_SPENT: list[str] = []  # stands for a row parse_chunks has consumed

# Extra targets besides the profile fields and the questions ("q<N>").
EXTRA_TARGETS: dict[str, str] = {"form_no": "Số phiếu", "age": "Tuổi (tính ra độ tuổi)"}

_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "form_no": ("so phieu", "ma phieu", "phieu so", "phieu"),
    "stratum": ("giai tang", "doi tuong", "thanh phan", "tang lop", "stratum"),
    "area_code": ("dia ban", "xa phuong", "xa phuong thi tran", "xa", "phuong", "don vi", "area"),
    "age_band": ("do tuoi", "nhom tuoi", "age band"),
    "age": ("tuoi", "age"),
    "gender": ("gioi tinh", "gioi", "gender", "sex"),
}
_QUESTION_HEADER = re.compile(r"^(?:cau hoi|cau|c|q|question)?\s*(\d{1,3})(?:\b|[.:)\-])")
_AREA_PREFIX = re.compile(r"^(xa|phuong|thi tran|tt)\s+")


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """Folded header/value with punctuation squeezed to single spaces."""
    return re.sub(r"[^0-9a-z+]+", " ", fold(text)).strip()


@dataclass
class ColumnMap:
    index: int
    header: str
    target: str | None  # "stratum", "area_code", "age_band", "age", "gender", "form_no", "q3" or None
    samples: list[str] = field(default_factory=list)


def target_label(target: str | None, questionnaire: Questionnaire) -> str:
    """Vietnamese name of a mapping target, for the preview."""
    if target is None:
        return "(bỏ qua)"
    if target.startswith("q"):
        q = questionnaire.question(int(target[1:]))
        return f"Câu {q.no}. {q.text}"
    return PROFILE_FIELDS.get(target) or EXTRA_TARGETS[target]


def all_targets(questionnaire: Questionnaire) -> list[str]:
    return ["form_no", *PROFILE_FIELDS, "age", *[f"q{q.no}" for q in questionnaire.questions]]


def _guess(header: str, questionnaire: Questionnaire) -> str | None:
    key = _key(header)
    if not key:
        return None
    for q in questionnaire.questions:
        text = _key(q.text)
        if text and (key == text or (len(text) >= 12 and key.startswith(text)) or key.endswith(" " + text)):
            return f"q{q.no}"
    m = _QUESTION_HEADER.match(key)
    if m and int(m.group(1)) in questionnaire.numbers() and not key.startswith(("tuoi", "age")):
        return f"q{int(m.group(1))}"
    for target, words in _HEADER_WORDS.items():
        if key in words:
            return target
    for target, words in _HEADER_WORDS.items():
        if any(key.startswith(w + " ") for w in words if len(w) > 3):
            return target
    return None


def guess_mapping(table: RawTable, questionnaire: Questionnaire) -> list[ColumnMap]:
    """Propose a target for every column from its header; each target is used once."""
    used: set[str] = set()
    columns = []
    for i, header in enumerate(table.headers):
        target = _guess(header, questionnaire)
        if target in used:
            target = None
        if target:
            used.add(target)
        samples = [r[i] for r in table.rows if r[i]][:3]
        columns.append(ColumnMap(i, header, target, samples))
    return columns


def _match_label(value: str, catalogue: dict[str, str]) -> str | None:
    k = _key(value)
    for code, label in catalogue.items():
        if k == _key(code) or k == _key(label):
            return code
    return None


def parse_profile(target: str, value: str, areas: dict[str, str]) -> str | None:
    """Catalogue code for a profile cell given as code or Vietnamese label; ValidationError if unknown."""
    if not value:
        return None
    label = PROFILE_FIELDS.get(target) or EXTRA_TARGETS.get(target, target)
    if target == "gender":
        k = _key(value)
        code = {"nam": "male", "m": "male", "nu": "female", "f": "female"}.get(k) or _match_label(value, GENDERS)
    elif target == "stratum":
        code = _match_label(value, STRATA)
    elif target == "age_band":
        code = _match_label(value, AGE_BANDS) or _match_label(value.replace("–", "-"), AGE_BANDS)
        if code is None and value.strip().isdecimal():
            code = age_band_for(int(value))
    elif target == "age":
        try:
            code = age_band_for(int(float(value.replace(",", "."))))
        except ValueError:
            code = None
    else:  # area_code
        k = _AREA_PREFIX.sub("", _key(value))
        code = next((c for c, name in areas.items() if _key(c) == _key(value) or _AREA_PREFIX.sub("", _key(name)) == k),
                    None)
    if code is None:
        raise ValidationError(f"{label} không nhận ra: '{value}'.", field=target)
    return code


def _labels_to_numbers(q: Question, value: str) -> tuple[int, ...] | None:
    """Option labels as online forms write them ("Ti vi, Báo in" or "Ti vi; Báo in")."""
    by_key = {_key(label): i + 1 for i, label in enumerate(q.choices)}
    if _key(value) in by_key:
        return (by_key[_key(value)],)
    if q.kind != "multiple":
        return None
    pieces = [p.strip() for p in re.split(r"[;,]", value) if p.strip()]
    found: list[int] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):  # longest run first: labels may contain commas
            number = by_key.get(_key(", ".join(pieces[i:j])))
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


@dataclass
class ImportPreview:
    table: RawTable
    columns: list[ColumnMap]
    responses: list[Response]
    problems: list[str]  # "Dòng 7: ..." — empty means the file can be imported

    @property
    def ok(self) -> bool:
        return not self.problems


def build_responses(table: RawTable, columns: list[ColumnMap], questionnaire: Questionnaire,
                    areas: dict[str, str]) -> tuple[list[Response], list[str]]:
    """Every row parsed and validated; problems carry the row's line number in the file."""
    return _parse_rows(table.rows, table.line_numbers, {c.target: c.index for c in columns if c.target},
                       questionnaire, areas)


def parse_chunks(table: RawTable, columns: list[ColumnMap], questionnaire: Questionnaire, areas: dict[str, str],
                 size: int) -> Iterator[tuple[list[Response], list[str]]]:
    """The rows `size` at a time as (valid forms, problems), each chunk's raw cells released once
    parsed, so a big import holds one chunk of forms, not the whole file's (the table is spent after)."""
    targets = {c.target: c.index for c in columns if c.target}
    for start in range(0, len(table.rows), size):
        stop = start + size
        chunk = _parse_rows(table.rows[start:stop], table.line_numbers[start:stop], targets, questionnaire, areas)
        table.rows[start:stop] = [_SPENT] * (min(stop, len(table.rows)) - start)
        yield chunk


def _parse_rows(rows: list[list[str]], lines: list[int], targets: dict[str | None, int],
                questionnaire: Questionnaire, areas: dict[str, str]) -> tuple[list[Response], list[str]]:
    responses, problems = [], []
    known_areas = set(areas) if areas else None
    for row, line in zip(rows, lines, strict=True):
        row_problems: list[str] = []
        resp = Response(form_no=row[targets["form_no"]] or None if "form_no" in targets else None)
        for target in (*PROFILE_FIELDS, "age"):
            if target not in targets:
                continue
            try:
                code = parse_profile(target, row[targets[target]], areas)
            except ValidationError as exc:
                row_problems.append(exc.message)
                continue
            attr = "age_band" if target == "age" else target
            if code is not None:
                setattr(resp, attr, code)
        for q in questionnaire.questions:
            col = targets.get(f"q{q.no}")
            if col is None:
                continue
            try:
                value = parse_answer(q, row[col])
            except ValidationError as exc:
                row_problems.append(exc.message)
                continue
            if value is not None:
                resp.answers[q.no] = value
        if not row_problems:
            try:
                entry.validate(questionnaire, resp, known_areas)
            except entry.ResponseInvalid as exc:
                row_problems.extend(msg for _, msg in exc.problems)
        if row_problems:
            problems.append(f"Dòng {line}: " + "; ".join(row_problems))
        else:
            responses.append(resp)
    return responses, problems


def preview(path: Path, questionnaire: Questionnaire, areas: dict[str, str],
            mapping: dict[int, str | None] | None = None, max_rows: int | None = None,
            parse: bool = True) -> ImportPreview:
    """Read the file, guess (or apply) the column mapping, parse and check every row (unless not
    `parse`: the import then parses in chunks while writing); more than `max_rows` data rows raise
    table_read.TooManyRows while reading."""
    table = read_table(path, max_rows)  # stops early, allowing for title lines above the header
    if max_rows is not None and len(table.rows) > max_rows:
        raise TooManyRows(max_rows)
    columns = guess_mapping(table, questionnaire)
    for col in columns:
        if mapping and col.index in mapping:
            col.target = mapping[col.index]
    chosen = [c.target for c in columns if c.target]
    dup = {t for t in chosen if chosen.count(t) > 1}
    if dup:
        names = ", ".join(target_label(t, questionnaire) for t in sorted(dup))
        raise ImportRefused(f"Một mục được gán cho nhiều cột: {names}.")
    problems: list[str] = []
    mapped_q = {c.target for c in columns if c.target and c.target.startswith("q")}
    if not mapped_q:
        problems.append("Không cột nào khớp với câu hỏi của phiếu; hãy chọn cột cho từng câu.")
    missing = [q.no for q in questionnaire.questions if q.required and q.skip is None and f"q{q.no}" not in mapped_q]
    if mapped_q and missing:
        problems.append("Thiếu cột cho câu bắt buộc: " + ", ".join(str(n) for n in missing) + ".")
    parsed = parse and not problems
    responses, row_problems = build_responses(table, columns, questionnaire, areas) if parsed else ([], [])
    return ImportPreview(table, columns, responses, problems + row_problems)


def refusal(preview_: ImportPreview) -> ImportRefused:
    """One Vietnamese message naming the first problems, for the CLI and the import dialog."""
    shown = preview_.problems[:MAX_LISTED]
    more = len(preview_.problems) - len(shown)
    tail = f" … và {more} lỗi khác" if more > 0 else ""
    return ImportRefused(
        f"Không nhập tệp: {len(preview_.problems)} lỗi, chưa ghi phiếu nào. " + " | ".join(shown) + tail + ".")
