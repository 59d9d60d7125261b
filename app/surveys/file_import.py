"""A survey file (CSV or Excel of phone or online results) into the store, all or nothing.

Contract: the file is streamed twice, never held: once for its header and head (the preview's
mapping), once for every row, parsed and checked SAVE_CHUNK rows at a time (form_rows) and
written in the same single transaction; a form number is checked against the store, which
holds the earlier parts, so neither the file nor its form numbers are ever held whole. Once a row
is bad nothing more is written, the rest is only checked (the refusal counts the problems and
names the first; a repeat of a form number of a part not written is then not counted), and the
refusal rolls the whole transaction back. A file that would take the survey past GROWTH_FACTOR × its planned
sample stops while being read (NeedsConfirmation) unless confirmed. The import is audited once
(file name and count): a million forms would otherwise add a million audit lines that say
nothing the file does not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app import audit, auth, filekinds, records
from app.context import Ctx
from app.errors import ValidationError
from app.ids import uuid7_many
from app.surveys import csv_import
from app.surveys.form_rows import Form, KeyedLookup, checked_parts
from app.surveys.model import Questionnaire
from app.surveys.questionnaire import load, require_open
from app.surveys.responses import area_names
from app.surveys.table_read import TooManyRows
from app.text import vn_number

SAVE_CHUNK = 5_000  # forms parsed, checked and written at once: bounds the memory of a big import
GROWTH_FACTOR = 10
UNPLANNED_SAMPLE = 1_000  # a survey without a sample plan is bounded as if it planned this many
_RESPONSE_COLUMNS = ["survey_id", "form_no", "channel", "collected_on", "entered_by", "stratum", "area_code",
                     "age_band", "gender"]
_ANSWER_COLUMNS = ["response_id", "question_id", "option_no", "value_num", "value_text"]


@dataclass
class ImportResult:
    imported: int
    preview: csv_import.ImportPreview


class NeedsConfirmation(ValidationError):
    """The file would take the survey past ten times its planned sample: likely the wrong file
    (or a bomb of rows); import it only when the user confirms (CLI --yes, GUI asks)."""


def growth_limit(ctx: Ctx, survey_id: str) -> tuple[int, int]:
    """(rows a file may still add without confirmation, the planned sample it is based on)."""
    row = ctx.db.execute("SELECT sample_size FROM survey_plans WHERE survey_id = ?", [survey_id]).fetchone()
    planned = int(row[0]) if row and row[0] else UNPLANNED_SAMPLE
    held = ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [survey_id]).fetchone()[0]
    return max(0, planned * GROWTH_FACTOR - held), planned


def keyed_lookup(ctx: Ctx, survey_id: str) -> KeyedLookup:
    """Which of some form numbers the survey already holds, and whether this import wrote them
    (rows past the last rowid held when it started): one indexed query per part, so neither a
    survey of a million forms nor the file's own numbers are held to check a file."""
    start = ctx.db.execute("SELECT coalesce(max(rowid), 0) FROM survey_responses").fetchone()[0]
    sql = ("SELECT form_no, max(rowid) > ? FROM survey_responses WHERE survey_id = ? "
           "AND form_no IN (SELECT value FROM json_each(?)) GROUP BY form_no")

    def held(numbers: list[str]) -> dict[str, bool]:
        return {r[0]: bool(r[1]) for r in ctx.db.execute(sql, [start, survey_id, json.dumps(numbers)])}
    return held


def check_file(ctx: Ctx, survey_id: str, path: Path, mapping: dict[int, str | None] | None = None
               ) -> csv_import.ImportPreview:
    """What the import dialog shows before anything is written: the mapping (guessed, or
    `mapping`), the first forms and problems, and counts over every row, form numbers checked
    against the store too; never refuses for its problems (they are the preview)."""
    auth.require(ctx, "import")
    questionnaire = _questionnaire(ctx, survey_id)
    return csv_import.preview(Path(path), questionnaire, area_names(ctx), mapping,
                              keyed=keyed_lookup(ctx, survey_id))


def import_file(ctx: Ctx, survey_id: str, path: Path, mapping: dict[int, str | None] | None = None,
                channel: str = "online", dry_run: bool = False, confirmed: bool = False) -> ImportResult:
    """All or nothing (see the module's contract); a dry run checks every row, writes nothing."""
    auth.require(ctx, "import")
    questionnaire = _questionnaire(ctx, survey_id)
    room, planned = growth_limit(ctx, survey_id)
    areas = area_names(ctx)
    try:
        pre = csv_import.preview(Path(path), questionnaire, areas, mapping, max_rows=None if confirmed else room,
                                 parse=dry_run, keyed=keyed_lookup(ctx, survey_id))
        if not pre.ok:
            raise csv_import.refusal(pre)
        if dry_run:
            return ImportResult(0, pre)
        return ImportResult(_write(ctx, questionnaire, pre, areas, channel, filekinds.shown(Path(path).name)), pre)
    except TooManyRows:
        raise NeedsConfirmation(
            f"Tệp có hơn {vn_number(room)} phiếu: cùng các phiếu đã có sẽ vượt {GROWTH_FACTOR} lần cỡ mẫu kế hoạch "
            f"({vn_number(planned)} phiếu); có thể nhầm tệp. Nếu đúng, hãy xác nhận (dòng lệnh: thêm --yes); chưa nhập gì."
        ) from None


def _questionnaire(ctx: Ctx, survey_id: str) -> Questionnaire:
    """The survey's questionnaire, refused while the survey is closed or has no question."""
    require_open(ctx, survey_id)
    questionnaire = load(ctx, survey_id)
    if not questionnaire.questions:
        raise ValidationError("Phiếu chưa có câu hỏi nào.")
    return questionnaire


def _write(ctx: Ctx, questionnaire: Questionnaire, pre: csv_import.ImportPreview, areas: dict[str, str],
           channel: str, file_name: str) -> int:
    """Check and write SAVE_CHUNK rows at a time inside one transaction (the module's contract)."""
    imported = 0
    with ctx.transaction():
        for part in checked_parts(pre.table, pre.targets, questionnaire, areas, SAVE_CHUNK,
                                  keyed_lookup(ctx, questionnaire.id), written=True):
            pre.add_problems(part.problems)
            pre.valid += len(part.forms)
            if pre.problem_count:
                continue
            _insert(ctx, questionnaire.id, part.forms, channel)
            imported += len(part.forms)
        if pre.problem_count:
            raise csv_import.refusal(pre)
        audit.record(ctx, "import", "survey_responses", questionnaire.id, {"file": file_name, "rows": imported})
    return imported


def _insert(ctx: Ctx, survey_id: str, forms: list[tuple[int, str | None, Form]], channel: str) -> None:
    """One part's forms and their answers as plain tuples: ids made in one batch, no dict per row."""
    ids = uuid7_many(len(forms) + sum(len(f.stored) for _, _, f in forms))
    entered_by = ctx.user.name
    answers: list[tuple] = []
    responses: list[tuple] = []
    n = len(forms)
    for k, (_, form_no, form) in enumerate(forms):
        rid = ids[k]
        responses.append((rid, survey_id, form_no, channel, None, entered_by, *form.profile))
        for stored in form.stored:
            answers.append((ids[n], rid, *stored))
            n += 1
    records.insert_values(ctx, "survey_responses", _RESPONSE_COLUMNS, responses)
    records.insert_values(ctx, "survey_answers", _ANSWER_COLUMNS, answers)
