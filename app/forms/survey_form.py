"""A survey's questionnaire as an electronic form: standard controls, skip rules, required
answers and checks, the anonymous profile (area, age band, gender, stratum) and nothing else.

The form carries a hash of the questionnaire's structure; a response made from a form whose
questions have since changed is refused at import, not stored against the wrong questions.
"""

from __future__ import annotations

import hashlib
import json
import secrets

from app.catalog import GENDERS, STRATA
from app.context import Ctx
from app.errors import ValidationError
from app.exchange.keys import ensure_keys
from app.forms.page import esc, render
from app.office import get_office
from app.surveys import questionnaire as qn
from app.surveys.entry import MAX_TEXT
from app.surveys.model import AGE_BANDS, Question, Questionnaire
from app.surveys.responses import area_names


def structure_hash(questionnaire: Questionnaire) -> str:
    """What the answers' meaning depends on: numbers, kinds, choice counts, rules, required."""
    shape = [[q.no, q.kind, len(q.choices), q.required, [q.skip.question_no, q.skip.option_no] if q.skip else None]
             for q in questionnaire.questions]
    return hashlib.sha256(json.dumps([questionnaire.id, shape]).encode("utf-8")).hexdigest()[:32]


def _question(q: Question) -> str:
    attrs = f'class="q" data-no="{q.no}" data-kind="{q.kind}" data-required="{1 if q.required else 0}"'
    if q.skip:
        attrs += f' data-skip-q="{q.skip.question_no}" data-skip-o="{q.skip.option_no}"'
    mark = ' <span class="req" aria-hidden="true">*</span>' if q.required else ""
    head = f"<fieldset {attrs}><legend>Câu {q.no}. {esc(q.text)}{mark}</legend>"
    if q.skip:
        # What the respondent sees while the rule hides the question (form.js swaps them):
        # "Câu 1", "Câu 2: bỏ qua …", "Câu 3", not a gap from Câu 1 to Câu 3.
        head = (f'<p class="skipped" data-for="{q.no}" hidden>Câu {q.no}: bỏ qua, không cần trả lời '
                f"(theo câu trả lời của bạn ở Câu {q.skip.question_no}).</p>") + head
    name = f"q{q.no}"
    if q.has_choices:
        kind = "checkbox" if q.kind == "multiple" else "radio"
        hint = '<p class="hint">Có thể chọn nhiều phương án.</p>' if q.kind == "multiple" else ""
        opts = "".join(f'<label class="opt"><input type="{kind}" name="{name}" value="{i}"> {esc(label)}</label>'
                       for i, label in enumerate(q.choices, start=1))
        return f"{head}{hint}{opts}</fieldset>"
    if q.kind == "number":
        control = f'<input type="number" inputmode="decimal" name="{name}" id="{name}" step="any" aria-label="Câu {q.no}">'
    else:
        control = (f'<textarea name="{name}" id="{name}" maxlength="{MAX_TEXT}" aria-label="Câu {q.no}"></textarea>'
                   f'<p class="hint">Tối đa {MAX_TEXT} ký tự. Xin không ghi họ tên, số điện thoại.</p>')
    return f"{head}{control}</fieldset>"


def _select(name: str, label: str, choices: dict[str, str]) -> str:
    opts = "".join(f'<option value="{esc(code)}">{esc(text)}</option>' for code, text in choices.items())
    return (f'<label class="field" for="p_{name}">{label}</label>'
            f'<select class="profile" name="p_{name}" id="p_{name}"><option value="">— Không trả lời —</option>'
            f"{opts}</select>")


def build(ctx: Ctx, survey_id: str, *, post: str | None = None, form_id: str | None = None) -> tuple[str, str]:
    """(file name, HTML) of a survey's form; refused for a survey that takes no responses.
    `post` is the path a served form sends to (None: the respondent sends a file or text)."""
    survey = qn.find_survey(ctx, survey_id)
    if survey.status == "closed":
        raise ValidationError(qn.CLOSED_MESSAGE)
    questionnaire = qn.load(ctx, survey.id)
    if not questionnaire.questions:
        raise ValidationError("Phiếu chưa có câu hỏi nào: chưa làm được phiếu điện tử.")
    me = get_office(ctx)
    profile = ('<fieldset class="profile"><legend>Thông tin chung (không ghi họ tên)</legend>'
               + _select("area_code", "Nơi ở", area_names(ctx)) + _select("age_band", "Độ tuổi", AGE_BANDS)
               + _select("gender", "Giới tính", GENDERS) + _select("stratum", "Nghề nghiệp, giai tầng", STRATA)
               + "</fieldset>")
    body = profile + "".join(_question(q) for q in questionnaire.questions)
    config = {"kind": "survey", "office": me.unit_code, "office_name": me.name, "recipient": ensure_keys(ctx).age_recipient,
              "survey": survey.id, "qhash": structure_hash(questionnaire), "title": survey.title,
              "form_id": form_id or secrets.token_hex(8), "post": post}
    intro = (f"Phiếu thăm dò ý kiến của {esc(me.name)}. Phiếu không ghi tên người trả lời. "
             "Câu có dấu <span aria-hidden=\"true\">*</span> là bắt buộc.")
    return f"phieu-dieu-tra-{survey.id[-8:]}.html", render(survey.title, intro, body, config, post=bool(post))
