"""CSV/Excel import of phone or online results: a column-mapping preview, then every row
parsed and checked against the questionnaire. All or nothing: one bad row refuses the file.

The preview reads the table's header and head (table_read), guesses the mapping from them, and
checks every row in one streaming pass (form_rows): it keeps the first forms and the first
problems to show and counts the rest, so a million-row file is checked in bounded memory. The
store side (writing the forms in one transaction) is in file_import.py; this module is pure so
the parsing rules are tested on real messy files without a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ImportRefused
from app.surveys.form_rows import EXTRA_TARGETS, KeyedLookup, checked_parts, key
from app.surveys.model import PROFILE_FIELDS, Questionnaire, Response
from app.surveys.table_read import HEAD_ROWS, RawTable, read_table

MAX_LISTED = 10     # problems a refusal names
MAX_KEPT = 200      # problems a preview keeps to show (all are counted)
PART_ROWS = 5_000   # rows checked at once

_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "form_no": ("so phieu", "ma phieu", "phieu so", "phieu"),
    "stratum": ("giai tang", "doi tuong", "thanh phan", "tang lop", "stratum"),
    "area_code": ("dia ban", "xa phuong", "xa phuong thi tran", "xa", "phuong", "don vi", "area"),
    "age_band": ("do tuoi", "nhom tuoi", "age band"),
    "age": ("tuoi", "age"),
    "gender": ("gioi tinh", "gioi", "gender", "sex"),
}
_QUESTION_HEADER = re.compile(r"^(?:cau hoi|cau|c|q|question)?\s*(\d{1,3})(?:\b|[.:)\-])")


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
    k = key(header)
    if not k:
        return None
    for q in questionnaire.questions:
        text = key(q.text)
        if text and (k == text or (len(text) >= 12 and k.startswith(text)) or k.endswith(" " + text)):
            return f"q{q.no}"
    m = _QUESTION_HEADER.match(k)
    if m and int(m.group(1)) in questionnaire.numbers() and not k.startswith(("tuoi", "age")):
        return f"q{int(m.group(1))}"
    for target, words in _HEADER_WORDS.items():
        if k in words:
            return target
    for target, words in _HEADER_WORDS.items():
        if any(k.startswith(w + " ") for w in words if len(w) > 3):
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
        samples = [r[i] for r in table.head if r[i]][:3]
        columns.append(ColumnMap(i, header, target, samples))
    return columns


@dataclass
class ImportPreview:
    """What a file would import: its mapping, the first forms (`responses`, up to HEAD_ROWS),
    the first MAX_KEPT `problems` ("Dòng 7: ...") and the counts over every row."""

    table: RawTable
    columns: list[ColumnMap]
    responses: list[Response] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0
    valid: int = 0      # forms that passed every check (counted when the rows were checked)
    checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.problem_count

    @property
    def targets(self) -> dict[str, int]:
        return {c.target: c.index for c in self.columns if c.target}

    def add_problems(self, problems: list[str]) -> None:
        """Count every problem, keep the first MAX_KEPT to show."""
        self.problem_count += len(problems)
        self.problems += problems[:max(0, MAX_KEPT - len(self.problems))]


def preview(path: Path, questionnaire: Questionnaire, areas: dict[str, str],
            mapping: dict[int, str | None] | None = None, max_rows: int | None = None,
            parse: bool = True, keyed: KeyedLookup | None = None) -> ImportPreview:
    """Read the file's header and head, guess (or apply) the column mapping, then (unless not
    `parse`: the import checks while writing) check every row in one streaming pass; more
    than `max_rows` data rows raise table_read.TooManyRows, `keyed` says which form numbers the
    store already holds."""
    table = read_table(path, max_rows)
    columns = guess_mapping(table, questionnaire)
    for col in columns:
        if mapping and col.index in mapping:
            col.target = mapping[col.index]
    chosen = [c.target for c in columns if c.target]
    dup = {t for t in chosen if chosen.count(t) > 1}
    if dup:
        names = ", ".join(target_label(t, questionnaire) for t in sorted(dup))
        raise ImportRefused(f"Một mục được gán cho nhiều cột: {names}.")
    pre = ImportPreview(table, columns)
    mapped_q = {c.target for c in columns if c.target and c.target.startswith("q")}
    if not mapped_q:
        pre.add_problems(["Không cột nào khớp với câu hỏi của phiếu; hãy chọn cột cho từng câu."])
    missing = [q.no for q in questionnaire.questions if q.required and q.skip is None and f"q{q.no}" not in mapped_q]
    if mapped_q and missing:
        pre.add_problems(["Thiếu cột cho câu bắt buộc: " + ", ".join(str(n) for n in missing) + "."])
    if parse and pre.ok:
        for part in checked_parts(table, pre.targets, questionnaire, areas, PART_ROWS, keyed):
            pre.add_problems(part.problems)
            pre.valid += len(part.forms)
            pre.responses += [form.response(no) for _, no, form in part.forms[:HEAD_ROWS - len(pre.responses)]]
        pre.checked = True
    return pre


def refusal(preview_: ImportPreview) -> ImportRefused:
    """One Vietnamese message naming the first problems, for the CLI and the import dialog."""
    shown = preview_.problems[:MAX_LISTED]
    more = preview_.problem_count - len(shown)
    tail = f" … và {more} lỗi khác" if more > 0 else ""
    text = " | ".join(shown) + tail
    return ImportRefused(f"Không nhập tệp: {preview_.problem_count} lỗi, chưa ghi phiếu nào. {text.rstrip('.')}.")
