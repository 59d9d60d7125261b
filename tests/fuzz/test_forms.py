"""Form inputs: collaborator and opinion forms, account names and passwords (8,000+ cases)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import catalog, users
from app.collaborators.registry import Collaborator
from app.collaborators.registry import clean as clean_collaborator
from app.errors import DlxhError
from app.opinions.items import Opinion
from app.opinions.items import clean as clean_opinion

from .strategies import (
    assert_clear_refusal,
    code_or_junk,
    emails,
    maybe_date,
    maybe_text,
    mostly,
    past_dates,
    phones,
    text,
)


def fuzz_settings(count: int) -> settings:
    return settings(max_examples=count, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

collaborators = st.builds(
    Collaborator,
    full_name=mostly(st.text(alphabet="Nguyễn Văn Anđ ", min_size=1, max_size=30).filter(str.strip), maybe_text),
    area_code=maybe_text,
    gender=st.one_of(st.none(), code_or_junk(catalog.GENDERS)),
    birth_year=mostly(st.one_of(st.none(), st.integers(1930, 2008)), st.one_of(st.integers(-10**6, 10**6), text)),
    ethnicity=maybe_text, religion=maybe_text, party_member=st.booleans(), position=maybe_text,
    workplace=maybe_text,
    sector=st.one_of(st.none(), code_or_junk(catalog.SECTORS)),
    stratum=st.one_of(st.none(), code_or_junk(catalog.STRATA)),
    phone=mostly(st.none(), phones), email=mostly(st.none(), emails), zalo=mostly(st.none(), phones),
    decision_no=maybe_text, decision_date=mostly(st.none(), maybe_date), joined_on=mostly(st.none(), maybe_date),
    status=code_or_junk(catalog.COLLABORATOR_STATUSES), left_on=mostly(past_dates, maybe_date), left_reason=maybe_text,
    notes=maybe_text,
)

opinions = st.builds(
    Opinion,
    received_on=mostly(past_dates, maybe_date),
    field=code_or_junk(catalog.FIELDS),
    summary=mostly(st.text(alphabet="abcđêơ ", min_size=1, max_size=30).filter(str.strip), st.one_of(st.none(), text)),
    tendency=code_or_junk(catalog.TENDENCIES),
    area_code=maybe_text,
    channel=code_or_junk(catalog.CHANNELS),
    scale=code_or_junk(catalog.SCALES),
    hotspot_risk=code_or_junk(catalog.HOTSPOT_RISKS),
    proposal=maybe_text,
    handling=code_or_junk(catalog.HANDLING),
    forwarded_to=maybe_text, forwarded_on=mostly(st.none(), maybe_date), due_on=mostly(st.none(), maybe_date),
    result=maybe_text, resolved_on=mostly(st.none(), maybe_date), answered_on=mostly(st.none(), maybe_date),
)

pytestmark = pytest.mark.slow  # ~10,000 generated cases in all; run by the default command too


def _run(target, count: int, strategy) -> tuple[int, int]:
    seen = {"cases": 0, "refused": 0}

    @fuzz_settings(count)
    @given(strategy)
    def case(value) -> None:
        seen["cases"] += 1
        try:
            target(value)
        except DlxhError as exc:
            seen["refused"] += 1
            assert_clear_refusal(exc)
        except Exception as exc:  # noqa: BLE001 - the point of the test
            assert_clear_refusal(exc)

    case()
    assert seen["cases"] >= count
    return seen["cases"], seen["refused"]


def test_collaborator_form() -> None:
    cases, refused = _run(clean_collaborator, 3000, collaborators)
    assert 0 < refused < cases  # both branches were reached


def test_opinion_form() -> None:
    cases, refused = _run(clean_opinion, 3000, opinions)
    assert 0 < refused < cases


def test_account_name_and_password_rules() -> None:
    def both(pair) -> None:
        users.clean_name(pair[0])
        users.check_password_rules(pair[1])

    _run(both, 1000, st.tuples(st.one_of(text, st.from_regex(r"\A[a-z0-9._-]{0,34}\Z")), st.one_of(st.none(), text)))
