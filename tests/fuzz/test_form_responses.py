"""Electronic-form responses built at random (600 derandomized cases): a response sealed to the
office that says anything in any shape is either imported whole or refused with one clear
Vietnamese line that wrote nothing; the parser never lets an exception of its own through."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.forms import payload, receive, tokens
from app.surveys import questionnaire as qn
from tests.forms.conftest import active_collaborator, report_payload, seal, survey_payload

from .strategies import assert_clear_refusal

pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
                    st.text(max_size=40))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)


def _counts(ctx) -> tuple:
    return tuple(ctx.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("survey_responses", "survey_answers", "opinion_inbox", "form_receipts"))


def _check(ctx, obj) -> None:
    before = _counts(ctx)
    [outcome] = receive.receive_many(ctx, [("fuzz.age", seal(ctx, json.dumps(obj).encode()))])
    if outcome.status == "refused":
        assert "\n" not in outcome.message and outcome.message.strip()
        assert _counts(ctx) == before
    else:
        assert outcome.status == "imported"


@FUZZ
@given(key=st.sampled_from(["profile", "answers", "survey", "qhash", "rid", "office", "v", "extra"]), value=values)
def test_survey_response_with_one_field_replaced(demo_ctx, key, value) -> None:
    sid = next(s.id for s in qn.list_surveys(demo_ctx) if s.status == "open")
    obj = survey_payload(demo_ctx, sid, answers={"1": 2, "3": 4})
    obj[key] = value
    _check(demo_ctx, obj)


@FUZZ
@given(key=st.sampled_from(["summary", "field", "tendency", "area_code", "scale", "proposal", "x"]), value=values)
def test_report_item_with_one_field_replaced(demo_ctx, key, value) -> None:
    with demo_ctx.transaction():
        token = tokens.issue(demo_ctx, active_collaborator(demo_ctx))
    item = {"summary": "Lo lắng giá điện", "field": "economy", "tendency": "concern", "area_code": None,
            "scale": "low", "proposal": None, key: value}
    _check(demo_ctx, report_payload(demo_ctx, token, [item]))


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(data=st.binary(max_size=300))
def test_parser_refuses_any_bytes_clearly(data) -> None:
    try:
        payload.parse(data)
    except Exception as exc:  # noqa: BLE001 - the point: only a clear refusal may come out
        assert_clear_refusal(exc)
