"""Form inputs: collaborator and opinion forms, account names and passwords (2,500 generated cases,
derandomized so every run tries the same ones, plus explicit examples of the known bad shapes)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
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
    return settings(max_examples=count, deadline=None, database=None, derandomize=True,
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

pytestmark = pytest.mark.slow  # 2,500 generated cases here; run by the default command too


def _run(target, count: int, strategy, examples: tuple = ()) -> tuple[int, int]:
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

    for value in examples:
        case = example(value)(case)
    case()
    assert seen["cases"] >= count
    return seen["cases"], seen["refused"]


def test_collaborator_form() -> None:
    cases, refused = _run(clean_collaborator, 1000, collaborators, (
        Collaborator(full_name="Nguyễn Văn An"),
        Collaborator(full_name="  ", birth_year=-10**6, status="xx", phone="abc", email="@", left_on="31/02/2026"),
        Collaborator(full_name="Lê Thị Bình", birth_year=2100, gender="Nam", stratum="", decision_date="2026-13-01"),
    ))
    assert 0 < refused < cases  # both branches were reached


def test_opinion_form() -> None:
    cases, refused = _run(clean_opinion, 1000, opinions, (
        Opinion(received_on="2026-11-02", field="economy", summary="Người dân quan tâm giá điện", tendency="concern"),
        Opinion(received_on="2999-01-01", field="?", summary="   ", tendency="", handling="xx", due_on="1/1"),
        Opinion(received_on="32/12/2026", field="economy", summary="x" * 5000, tendency="concern", channel=None,
                scale="Lớn", resolved_on="abc"),
    ))
    assert 0 < refused < cases


def test_account_name_and_password_rules() -> None:
    def both(pair) -> None:
        users.clean_name(pair[0])
        users.check_password_rules(pair[1])

    _run(both, 500, st.tuples(st.one_of(text, st.from_regex(r"\A[a-z0-9._-]{0,34}\Z")), st.one_of(st.none(), text)))
