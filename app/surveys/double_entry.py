"""Double-entry check: a second clerk keys a sample of paper forms again, and every
difference from the first keying is listed so the form can be looked at and corrected."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from app import auth, records
from app.catalog import GENDERS, STRATA, label
from app.context import Ctx
from app.errors import ValidationError
from app.ids import utc_now
from app.surveys import entry
from app.surveys.model import AGE_BANDS, PROFILE_FIELDS, Answer, Questionnaire, Response
from app.surveys.questionnaire import load, require_open
from app.surveys.responses import area_names, find_by_form


@dataclass
class Mismatch:
    field: str  # "gender", "q3"
    label: str  # "Giới tính", "Câu 3"
    first: str
    second: str


@dataclass
class CheckResult:
    form_no: str
    mismatches: list[Mismatch]
    entered_by: str = ""


def _show(q_kind: str | None, value: Answer | str | None, catalogue: dict[str, str] | None = None) -> str:
    if value is None:
        return "(trống)"
    if catalogue is not None:
        return label(catalogue, str(value))
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def compare(questionnaire: Questionnaire, first: Response, second: Response,
            areas: dict[str, str] | None = None) -> list[Mismatch]:
    """Every field where the two keyings differ, profile first, then questions in order."""
    catalogues = {"stratum": STRATA, "area_code": areas or {}, "age_band": AGE_BANDS, "gender": GENDERS}
    out = []
    for key, name in PROFILE_FIELDS.items():
        a, b = getattr(first, key), getattr(second, key)
        if a != b:
            out.append(Mismatch(key, name, _show(None, a, catalogues[key]), _show(None, b, catalogues[key])))
    for q in questionnaire.questions:
        a, b = first.answers.get(q.no), second.answers.get(q.no)
        if a != b:
            out.append(Mismatch(f"q{q.no}", f"Câu {q.no}", _show(q.kind, a), _show(q.kind, b)))
    return out


def sample_forms(ctx: Ctx, survey_id: str, share: float = 0.1, seed: int = 0) -> list[str]:
    """Form numbers to key a second time: a random share (at least one), same list for the same seed."""
    if not 0 < share <= 1:
        raise ValidationError("Tỷ lệ phiếu kiểm tra phải trong khoảng 1%–100%.", field="share")
    forms = sorted(r[0] for r in ctx.db.execute("SELECT form_no FROM survey_responses WHERE survey_id = ? "
                                                "AND form_no IS NOT NULL AND form_no != ''", [survey_id]))
    if not forms:
        return []
    k = max(1, round(len(forms) * share))
    return sorted(random.Random(f"{survey_id}-{seed}").sample(forms, k))


def record_check(ctx: Ctx, survey_id: str, second: Response) -> CheckResult:
    """Store the second keying of a form and return its differences from the first."""
    auth.require(ctx, "enter")
    if not second.form_no:
        raise ValidationError("Nhập kiểm tra phải ghi số phiếu.", field="form_no")
    require_open(ctx, survey_id)
    questionnaire = load(ctx, survey_id)
    areas = area_names(ctx)
    entry.validate(questionnaire, second, set(areas) or None)
    first = find_by_form(ctx, survey_id, second.form_no)
    first_by = ctx.db.execute("SELECT entered_by FROM survey_responses WHERE id = ?", [first.id]).fetchone()[0]
    if ctx.user.name != "system" and first_by == ctx.user.name:
        raise ValidationError("Lần nhập kiểm tra phải do người khác với người nhập lần đầu thực hiện.")
    mismatches = compare(questionnaire, first, second, areas)
    data = {**second.profile(), "answers": {str(k): list(v) if isinstance(v, tuple) else v
                                            for k, v in second.answers.items()}}
    records.insert(ctx, "survey_check_entries", {
        "survey_id": survey_id, "form_no": second.form_no, "response_id": first.id, "entered_by": ctx.user.name,
        "entered_on": utc_now(), "data": json.dumps(data, ensure_ascii=False),
        "mismatches": json.dumps([[m.field, m.first, m.second] for m in mismatches], ensure_ascii=False)})
    return CheckResult(second.form_no, mismatches, ctx.user.name)


@dataclass
class CheckSummary:
    forms_checked: int
    forms_with_mismatch: int
    fields_mismatched: int
    results: list[CheckResult]

    @property
    def error_rate(self) -> float:
        """Share of checked forms with at least one difference (0–100)."""
        return 100 * self.forms_with_mismatch / self.forms_checked if self.forms_checked else 0.0


def summary(ctx: Ctx, survey_id: str) -> CheckSummary:
    """The latest check of each form, with its differences listed."""
    latest: dict[str, CheckResult] = {}
    labels = dict(PROFILE_FIELDS)
    for row in ctx.db.query("SELECT * FROM survey_check_entries WHERE survey_id = ? ORDER BY entered_on",
                            [survey_id]):
        items = [Mismatch(f, labels.get(f, f"Câu {f[1:]}"), a, b) for f, a, b in json.loads(row["mismatches"])]
        latest[row["form_no"]] = CheckResult(row["form_no"], items, row["entered_by"] or "")
    results = [latest[k] for k in sorted(latest)]
    return CheckSummary(len(results), sum(1 for r in results if r.mismatches),
                        sum(len(r.mismatches) for r in results), results)
