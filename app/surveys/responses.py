"""Anonymous responses in the store: save a checked form, correct or delete it, load them all.

Answers are written in bulk with their sync columns set here (records.insert_rows). A form
keyed by hand is audited once (the audit detail holds the whole form), not once per answer.
A file import (file_import.py) writes through the same records functions, audited once.
"""

from __future__ import annotations

from app import audit, auth, records
from app.context import Ctx
from app.errors import ImportRefused, NotFoundError, ValidationError
from app.ids import utc_now, uuid7
from app.office import communes
from app.surveys import entry
from app.surveys.form_rows import stored_answers
from app.surveys.model import Questionnaire, Response
from app.surveys.questionnaire import load, require_open

CHANNELS: dict[str, str] = {"paper": "Phiếu giấy", "phone": "Điện thoại", "online": "Trực tuyến",
                            "email": "Thư điện tử"}


def area_names(ctx: Ctx) -> dict[str, str]:
    """Communes of this district: the areas a respondent can be from."""
    return {u.code: u.name for u in communes(ctx)}


def _answer_rows(origin: str, now: str, questionnaire: Questionnaire, response_id: str,
                 response: Response) -> list[dict]:
    return [{"id": uuid7(), "origin": origin, "version": 1, "updated_at": now, "response_id": response_id,
             "question_id": qid, "option_no": option_no, "value_num": num, "value_text": text}
            for qid, option_no, num, text in stored_answers(questionnaire, response.answers)]


def _detail(response: Response) -> dict:
    return {**response.profile(), "form_no": response.form_no,
            "answers": {str(k): list(v) if isinstance(v, tuple) else audit.safe_value("value_text", v)
                        for k, v in response.answers.items()}}


def _insert_batch(ctx: Ctx, questionnaire: Questionnaire, responses: list[Response], channel: str,
                  collected_on: str | None) -> list[str]:
    origin, now = ctx.origin, utc_now()
    ids, response_rows, answer_rows = [], [], []
    for response in responses:
        rid = uuid7()
        ids.append(rid)
        response_rows.append({"id": rid, "origin": origin, "version": 1, "updated_at": now,
                              "survey_id": questionnaire.id, "form_no": response.form_no, "channel": channel,
                              "collected_on": collected_on, "entered_by": ctx.user.name, **response.profile()})
        answer_rows += _answer_rows(origin, now, questionnaire, rid, response)
    records.insert_rows(ctx, "survey_responses", response_rows)
    records.insert_rows(ctx, "survey_answers", answer_rows)
    for rid, response in zip(ids, responses, strict=True):
        audit.record(ctx, "create", "survey_responses", rid, _detail(response))
    return ids


def _insert(ctx: Ctx, questionnaire: Questionnaire, response: Response, channel: str,
            collected_on: str | None) -> str:
    return _insert_batch(ctx, questionnaire, [response], channel, collected_on)[0]


def _check_form_no(ctx: Ctx, survey_id: str, form_no: str | None, except_id: str | None = None) -> None:
    if not form_no:
        return
    row = ctx.db.execute("SELECT id FROM survey_responses WHERE survey_id = ? AND form_no = ? AND id != ?",
                         [survey_id, form_no, except_id or ""]).fetchone()
    if row:
        raise ValidationError(f"Phiếu số {form_no} đã được nhập.", field="form_no")


def save_response(ctx: Ctx, survey_id: str, response: Response, channel: str = "paper",
                  collected_on: str | None = None) -> str:
    """Check one form against the questionnaire and skip rules, then store it."""
    auth.require(ctx, "enter")
    if channel not in CHANNELS:
        raise ValidationError(f"Kênh thu phiếu không hợp lệ: {channel}.", field="channel")
    require_open(ctx, survey_id)
    questionnaire = load(ctx, survey_id)
    if not questionnaire.questions:
        raise ValidationError("Phiếu chưa có câu hỏi nào.")
    entry.validate(questionnaire, response, set(area_names(ctx)) or None)
    with ctx.transaction():
        _check_form_no(ctx, survey_id, response.form_no)
        return _insert(ctx, questionnaire, response, channel, collected_on)


def replace_answers(ctx: Ctx, response_id: str, response: Response) -> None:
    """Correct a keyed form (after a double-entry mismatch): new answers, version + 1."""
    auth.require(ctx, "enter")
    row = records.get(ctx, "survey_responses", response_id)
    require_open(ctx, row["survey_id"])
    questionnaire = load(ctx, row["survey_id"])
    entry.validate(questionnaire, response, set(area_names(ctx)) or None)
    with ctx.transaction():
        _check_form_no(ctx, row["survey_id"], response.form_no, response_id)
        # Old answers leave tombstones, so the province drops them too instead of keeping both sets.
        records.delete_where(ctx, "survey_answers", "response_id", response_id)
        records.insert_rows(ctx, "survey_answers", _answer_rows(ctx.origin, utc_now(), questionnaire, response_id,
                                                                response))
        changed = records.update(ctx, "survey_responses", response_id,
                                 {**response.profile(), "form_no": response.form_no})
        if changed["version"] == row["version"]:  # only the answers changed: version + 1 all the same
            records.touch(ctx, "survey_responses", response_id, "answers", _detail(response))


def delete_response(ctx: Ctx, response_id: str) -> None:
    auth.require(ctx, "enter")
    with ctx.transaction():
        require_open(ctx, records.get(ctx, "survey_responses", response_id)["survey_id"])
        records.delete_where(ctx, "survey_answers", "response_id", response_id)
        records.delete(ctx, "survey_responses", response_id)


def load_responses(ctx: Ctx, survey_id: str, form_no: str | None = None) -> list[Response]:
    """Every form of a survey (or those numbered `form_no`) with its answers, in the order they
    were keyed. Tabulation never calls this (app.surveys.counts reads grouped counts): it holds
    every form it returns."""
    questionnaire = load(ctx, survey_id)
    by_qid = {q.id: q for q in questionnaire.questions}
    only, args = ("", [survey_id]) if form_no is None else (" AND form_no = ?", [survey_id, form_no])
    responses: dict[str, Response] = {}
    for rid, *profile in ctx.db.execute("SELECT id, stratum, area_code, age_band, gender, form_no FROM "
                                        f"survey_responses WHERE survey_id = ?{only} ORDER BY id", args):
        responses[rid] = Response(*profile[:4], {}, profile[4], rid)  # type: ignore[arg-type]
    sql = f"""SELECT a.response_id, a.question_id, a.option_no, a.value_num, a.value_text FROM survey_answers a
              JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = ?{only.replace("form_no", "r.form_no")}
              ORDER BY a.option_no"""
    for a in ctx.db.execute(sql, args):  # the cursor, not fetchall(): answers outnumber forms
        resp, q = responses.get(a[0]), by_qid.get(a[1])
        if resp is None or q is None:
            continue
        if q.kind == "multiple":
            resp.answers[q.no] = (*resp.answers.get(q.no, ()), a[2])  # type: ignore[misc]
        elif q.kind in ("single", "likert"):
            resp.answers[q.no] = a[2]
        elif q.kind == "number":
            resp.answers[q.no] = int(a[3]) if float(a[3]).is_integer() else a[3]
        else:
            resp.answers[q.no] = a[4]
    return list(responses.values())


def find_by_form(ctx: Ctx, survey_id: str, form_no: str) -> Response:
    """The form with this number (the first keyed), read alone through the form-number index."""
    found = load_responses(ctx, survey_id, form_no)
    if not found:
        raise NotFoundError(f"Chưa nhập phiếu số {form_no}.")
    return found[0]


SAVE_CHUNK = 5_000  # forms whose rows are built and written at once


def save_many(ctx: Ctx, questionnaire: Questionnaire, responses: list[Response], channel: str = "paper",
              collected_on: str | None = None) -> list[str]:
    """Store already-checked forms in one transaction; a form number used twice refuses all."""
    with ctx.transaction():
        require_open(ctx, questionnaire.id)
        check = _FormNumbers(ctx, questionnaire.id)
        check(responses)
        ids: list[str] = []
        for start in range(0, len(responses), SAVE_CHUNK):  # one transaction, rows built a chunk at a time
            ids += _insert_batch(ctx, questionnaire, responses[start:start + SAVE_CHUNK], channel, collected_on)
        return ids


class _FormNumbers:
    """Form numbers already keyed for a survey plus those seen so far in one import: a number
    met twice refuses the whole import, across chunks."""

    def __init__(self, ctx: Ctx, survey_id: str) -> None:
        self.keyed = {r[0] for r in ctx.db.execute("SELECT form_no FROM survey_responses WHERE survey_id = ? "
                                                   "AND form_no IS NOT NULL", [survey_id])}
        self.seen: set[str] = set()

    def __call__(self, responses: list[Response]) -> None:
        for resp in responses:
            if resp.form_no:
                if resp.form_no in self.seen:
                    raise ImportRefused(f"Phiếu số {resp.form_no} xuất hiện hai lần; không ghi phiếu nào.")
                if resp.form_no in self.keyed:
                    raise ValidationError(f"Phiếu số {resp.form_no} đã được nhập.", field="form_no")
                self.seen.add(resp.form_no)
