"""Surveys and their questionnaires in the store: create, edit, order, skip rules.

Once a survey has responses its questionnaire's structure is frozen (kinds, options,
order, rules): answers refer to option numbers, and changing them would silently change
what was collected. Wording can still be corrected.

A closed survey ("Đã kết thúc") is read-only: its questions, forms and general facts
refuse every change (`require_open`) until its status is set back, so what was reported
stays what is stored. Changing the status itself is the one edit it takes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import auth, records
from app.context import Ctx
from app.errors import NotFoundError, ValidationError
from app.surveys.model import KINDS, Question, Questionnaire, SkipRule
from app.surveys.skip import check_rules
from app.validate import iso_date, one_of, required

METHODS: dict[str, str] = {"paper": "Phiếu giấy", "phone": "Điện thoại", "online": "Trực tuyến",
                           "email": "Thư điện tử", "mixed": "Kết hợp nhiều hình thức"}
STATUSES: dict[str, str] = {"draft": "Đang soạn", "open": "Đang thu phiếu", "closed": "Đã kết thúc"}
MAX_OPTIONS = 20
CLOSED_MESSAGE = ("Cuộc điều tra đã kết thúc: không sửa được phiếu hỏi, không nhập hay sửa phiếu. "
                  "Muốn sửa, hãy chuyển trạng thái về “Đang thu phiếu”.")


@dataclass
class Survey:
    id: str
    title: str
    purpose: str
    method: str
    starts_on: str | None
    ends_on: str | None
    status: str
    notes: str
    version: int
    responses: int = 0


def _survey(row: dict, responses: int = 0) -> Survey:
    return Survey(row["id"], row["title"], row["purpose"] or "", row["method"], row["starts_on"], row["ends_on"],
                  row["status"], row["notes"] or "", row["version"], responses)


def _clean_survey(values: dict) -> dict:
    out = dict(values)
    if "title" in out:
        out["title"] = required(out["title"], "Tên cuộc điều tra", "title")
    if "method" in out:
        one_of(out["method"], METHODS, "Hình thức điều tra", "method")
    if "status" in out:
        one_of(out["status"], STATUSES, "Trạng thái", "status")
    for key, label in (("starts_on", "Ngày bắt đầu"), ("ends_on", "Ngày kết thúc")):
        if key in out:
            out[key] = iso_date(out[key], label, key)
    return out


def create_survey(ctx: Ctx, title: str, purpose: str = "", method: str = "paper", starts_on: str | None = None,
                  ends_on: str | None = None, notes: str = "") -> str:
    auth.require(ctx, "enter")
    values = _clean_survey({"title": title, "purpose": purpose, "method": method, "starts_on": starts_on,
                            "ends_on": ends_on, "notes": notes, "status": "draft"})
    if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
        raise ValidationError("Ngày kết thúc phải sau ngày bắt đầu.", field="ends_on")
    return records.insert(ctx, "surveys", values)


def require_open(ctx: Ctx, survey_id: str) -> None:
    """Refuse a change to a closed survey (its questions, forms, general facts)."""
    row = ctx.db.execute("SELECT status FROM surveys WHERE id = ?", [survey_id]).fetchone()
    if row is not None and row[0] == "closed":
        raise ValidationError(CLOSED_MESSAGE, field="status")


def update_survey(ctx: Ctx, survey_id: str, **changes: object) -> Survey:
    """Change the general facts. A closed survey takes only a new status (reopening it);
    facts sent unchanged along with it (the form sends them all) are no change."""
    auth.require(ctx, "enter")
    values = _clean_survey(changes)
    with ctx.transaction():
        current = get_survey(ctx, survey_id)
        if current.status == "closed" and values.get("status", "closed") == "closed":
            if any((v or None) != (getattr(current, k) or None) for k, v in values.items() if k != "status"):
                raise ValidationError(CLOSED_MESSAGE, field="status")
        records.update(ctx, "surveys", survey_id, values)
    return get_survey(ctx, survey_id)


def response_count(ctx: Ctx, survey_id: str) -> int:
    return ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [survey_id]).fetchone()[0]


def get_survey(ctx: Ctx, survey_id: str) -> Survey:
    try:
        row = records.get(ctx, "surveys", survey_id)
    except NotFoundError:
        raise NotFoundError(f"Không có cuộc điều tra mã {survey_id}.") from None
    return _survey(row, response_count(ctx, survey_id))


def find_survey(ctx: Ctx, ref: str) -> Survey:
    """A survey by full id or by a unique start or end of it (the CLI shows the last 8 characters)."""
    ref = ref.strip()
    if len(ref) < 4:
        raise NotFoundError("Mã cuộc điều tra quá ngắn (cần ít nhất 4 ký tự).")
    rows = list(ctx.db.query("SELECT id FROM surveys WHERE id = ? OR id LIKE ? OR id LIKE ?",
                             [ref, ref + "%", "%" + ref]))
    if len(rows) != 1:
        raise NotFoundError(f"Không có (hoặc có nhiều) cuộc điều tra khớp mã '{ref}'.")
    return get_survey(ctx, rows[0]["id"])


def list_surveys(ctx: Ctx) -> list[Survey]:
    sql = """SELECT s.*, (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id) AS n
             FROM surveys s ORDER BY coalesce(s.starts_on, '') DESC, s.id DESC"""
    return [_survey(row, row["n"]) for row in ctx.db.query(sql)]


def load(ctx: Ctx, survey_id: str) -> Questionnaire:
    """The questionnaire as the pure model, skip rules turned into question numbers."""
    survey = get_survey(ctx, survey_id)
    rows = list(ctx.db.query("SELECT * FROM survey_questions WHERE survey_id = ? ORDER BY no", [survey_id]))
    no_of = {r["id"]: r["no"] for r in rows}
    options: dict[str, list[dict]] = {}
    for opt in ctx.db.query(
            "SELECT o.* FROM survey_options o JOIN survey_questions q ON q.id = o.question_id "
            "WHERE q.survey_id = ? ORDER BY o.no", [survey_id]):
        options.setdefault(opt["question_id"], []).append(opt)
    questions = []
    for r in rows:
        opts = options.get(r["id"], [])
        skip = SkipRule(no_of[r["skip_question_id"]], r["skip_option_no"]) if r["skip_question_id"] else None
        questions.append(Question(r["no"], r["text"], r["kind"], [o["label"] for o in opts], bool(r["required"]),
                                  skip, r["id"], [o["id"] for o in opts]))
    return Questionnaire(survey.title, questions, survey_id)


def _clean_options(kind: str, options: list[str] | None) -> list[str]:
    labels = [o.strip() for o in (options or []) if o and o.strip()]
    if kind in ("single", "multiple"):
        if len(labels) < 2:
            raise ValidationError("Câu lựa chọn phải có ít nhất 2 phương án.", field="options")
        if len(labels) > MAX_OPTIONS:
            raise ValidationError(f"Một câu hỏi có tối đa {MAX_OPTIONS} phương án.", field="options")
        if len({lb.casefold() for lb in labels}) != len(labels):
            raise ValidationError("Hai phương án trùng nhau.", field="options")
        return labels
    if kind == "likert":
        if labels and len(labels) != 5:
            raise ValidationError("Thang đo phải có đúng 5 mức (hoặc để trống để dùng mức chuẩn).", field="options")
        return labels
    return []


def _frozen(ctx: Ctx, survey_id: str) -> None:
    if response_count(ctx, survey_id):
        raise ValidationError("Cuộc điều tra đã có phiếu trả lời: chỉ sửa được lời văn, không đổi cấu trúc phiếu.")


def _write_options(ctx: Ctx, question_id: str, labels: list[str]) -> None:
    for old in list(ctx.db.query("SELECT id FROM survey_options WHERE question_id = ?", [question_id])):
        records.delete(ctx, "survey_options", old["id"])
    for i, label in enumerate(labels, start=1):
        records.insert(ctx, "survey_options", {"question_id": question_id, "no": i, "label": label})


def _skip_columns(ctx: Ctx, survey_id: str, skip: SkipRule | None) -> dict:
    if skip is None:
        return {"skip_question_id": None, "skip_option_no": None}
    row = ctx.db.execute("SELECT id FROM survey_questions WHERE survey_id = ? AND no = ?",
                         [survey_id, skip.question_no]).fetchone()
    if row is None:
        raise ValidationError(f"Không có câu {skip.question_no} để làm điều kiện.", field="skip")
    return {"skip_question_id": row[0], "skip_option_no": skip.option_no}


def add_question(ctx: Ctx, survey_id: str, text: str, kind: str = "single", options: list[str] | None = None,
                 required_: bool = True, skip: SkipRule | None = None) -> str:
    """Append a question at the end of the form; returns its id."""
    auth.require(ctx, "enter")
    text = required(text, "Nội dung câu hỏi", "text")
    one_of(kind, KINDS, "Loại câu hỏi", "kind")
    labels = _clean_options(kind, options)
    with ctx.transaction():
        require_open(ctx, survey_id)
        _frozen(ctx, survey_id)
        no = ctx.db.execute("SELECT coalesce(max(no), 0) + 1 FROM survey_questions WHERE survey_id = ?",
                            [survey_id]).fetchone()[0]
        qid = records.insert(ctx, "survey_questions", {
            "survey_id": survey_id, "no": no, "text": text, "kind": kind, "required": int(required_),
            **_skip_columns(ctx, survey_id, skip)})
        _write_options(ctx, qid, labels)
        check_rules(load(ctx, survey_id))
    return qid


def _question_row(ctx: Ctx, question_id: str) -> dict:
    try:
        return records.get(ctx, "survey_questions", question_id)
    except NotFoundError:
        raise NotFoundError("Không tìm thấy câu hỏi (có thể đã bị xóa).") from None


def update_question(ctx: Ctx, question_id: str, *, text: str | None = None, kind: str | None = None,
                    options: list[str] | None = None, required_: bool | None = None,
                    skip: SkipRule | None | bool = False) -> None:
    """Change a question. `skip=False` leaves the rule alone, None removes it.

    After responses exist only the wording (question text, option labels) may change.
    """
    auth.require(ctx, "enter")
    with ctx.transaction():
        row = _question_row(ctx, question_id)
        survey_id = row["survey_id"]
        require_open(ctx, survey_id)
        changes: dict = {}
        if text is not None:
            changes["text"] = required(text, "Nội dung câu hỏi", "text")
        new_kind = kind or row["kind"]
        one_of(new_kind, KINDS, "Loại câu hỏi", "kind")
        structural = (new_kind != row["kind"]) or (required_ is not None and int(required_) != row["required"]) \
            or skip is not False
        old_labels = [o["label"] for o in ctx.db.query(
            "SELECT label FROM survey_options WHERE question_id = ? ORDER BY no", [question_id])]
        labels = _clean_options(new_kind, options if options is not None else old_labels)
        if len(labels) != len(old_labels) or new_kind != row["kind"]:
            structural = True
        if structural:
            _frozen(ctx, survey_id)
        changes["kind"] = new_kind
        if required_ is not None:
            changes["required"] = int(required_)
        if skip is not False:
            changes.update(_skip_columns(ctx, survey_id, skip))  # type: ignore[arg-type]
        records.update(ctx, "survey_questions", question_id, changes)
        if labels != old_labels:
            if structural:
                _write_options(ctx, question_id, labels)
            else:
                for opt, label in zip(ctx.db.query("SELECT id FROM survey_options WHERE question_id = ? ORDER BY no",
                                                   [question_id]), labels, strict=True):
                    records.update(ctx, "survey_options", opt["id"], {"label": label})
        check_rules(load(ctx, survey_id))


def delete_question(ctx: Ctx, question_id: str) -> None:
    auth.require(ctx, "enter")
    with ctx.transaction():
        row = _question_row(ctx, question_id)
        require_open(ctx, row["survey_id"])
        _frozen(ctx, row["survey_id"])
        used = ctx.db.execute("SELECT no FROM survey_questions WHERE skip_question_id = ?", [question_id]).fetchone()
        if used:
            raise ValidationError(f"Câu {used[0]} đang dùng câu này làm điều kiện; hãy bỏ điều kiện đó trước.")
        _write_options(ctx, question_id, [])
        records.delete(ctx, "survey_questions", question_id)
        _renumber(ctx, row["survey_id"], [r["id"] for r in ctx.db.query(
            "SELECT id FROM survey_questions WHERE survey_id = ? ORDER BY no", [row["survey_id"]])])


def _renumber(ctx: Ctx, survey_id: str, ordered_ids: list[str]) -> None:
    current = {r["id"]: r["no"] for r in ctx.db.query("SELECT id, no FROM survey_questions WHERE survey_id = ?",
                                                      [survey_id])}
    for no, qid in enumerate(ordered_ids, start=1):
        if current[qid] != no:
            records.update(ctx, "survey_questions", qid, {"no": no})


def move_question(ctx: Ctx, question_id: str, delta: int) -> None:
    """Move a question up (delta < 0) or down; skip rules must still point backwards."""
    auth.require(ctx, "enter")
    with ctx.transaction():
        row = _question_row(ctx, question_id)
        require_open(ctx, row["survey_id"])
        _frozen(ctx, row["survey_id"])
        ids = [r["id"] for r in ctx.db.query("SELECT id FROM survey_questions WHERE survey_id = ? ORDER BY no",
                                             [row["survey_id"]])]
        i = ids.index(question_id)
        j = max(0, min(len(ids) - 1, i + delta))
        ids.insert(j, ids.pop(i))
        _renumber(ctx, row["survey_id"], ids)
        check_rules(load(ctx, row["survey_id"]))
