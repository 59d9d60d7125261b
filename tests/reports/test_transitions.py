"""The report's status rules are one table (app/reports/transitions.py): for every status and
every action, the register's guards, editing and deletion refuse exactly when the table says
so, with the table's own sentence, on a real store."""

from __future__ import annotations

from datetime import date

import pytest

from app import deletion, records
from app.context import User
from app.errors import PermissionDenied, ValidationError
from app.reports import draft, register, store, transitions

STATUSES = list(store.STATUSES)
ACTIONS = {
    "submit": lambda ctx, rid: register.submit(ctx, rid),
    "approve": lambda ctx, rid: register.approve(ctx, rid),
    "return": lambda ctx, rid: register.return_to_draft(ctx, rid),
    "send": lambda ctx, rid: register.mark_sent(ctx, rid),
    "version": lambda ctx, rid: register.new_version(ctx, rid),
    "edit": lambda ctx, rid: register.update_details(ctx, rid, title="Báo cáo tình hình dư luận (sửa)"),
    "number": lambda ctx, rid: register.set_number(ctx, rid, 41, date(2026, 10, 5)),
    "delete": lambda ctx, rid: deletion.delete_draft_report(ctx, rid),
}


def _report_in(ctx, status: str) -> store.Report:
    report = draft.draft_report(ctx, "monthly", date(2026, 9, 1))
    if status != "draft":
        records.update(ctx, "reports", report.id, {"status": status})  # set up only: the flow is not under test
    return store.get(ctx, report.id)


def test_the_table_names_real_statuses_and_actions() -> None:
    for rule in transitions.RULES.values():
        assert set(rule.sources) <= set(STATUSES) and rule.target in (None, *STATUSES)
    assert set(ACTIONS) | {"sign"} == set(transitions.RULES)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_guard_refuses_exactly_as_the_table_says(empty_ctx, status, action) -> None:
    report = _report_in(empty_ctx, status)
    why = transitions.state_refusal(status, action)
    assert transitions.allowed(empty_ctx, report, action) == (not why)
    if why:
        with pytest.raises(ValidationError) as caught:
            ACTIONS[action](empty_ctx, report.id)
        assert str(caught.value) == why
        assert store.get(empty_ctx, report.id).version == report.version  # nothing written
    else:
        ACTIONS[action](empty_ctx, report.id)
        target = transitions.RULES[action].target
        if target:
            assert store.get(empty_ctx, report.id).status == target


@pytest.mark.parametrize("status", [s for s in STATUSES if s != "approved"])
def test_signing_refuses_before_rendering_anything(empty_ctx, status) -> None:
    report = _report_in(empty_ctx, status)
    with pytest.raises(ValidationError, match=f"^{transitions.state_refusal(status, 'sign')}$"):
        register.sign(empty_ctx, report.id)


def test_editing_a_signed_report_says_make_a_new_version(empty_ctx) -> None:
    assert "phiên bản mới" in transitions.state_refusal("signed", "edit")
    assert "trả lại dự thảo" in transitions.state_refusal("submitted", "edit")


def test_a_missing_permission_is_said_before_the_status(empty_ctx) -> None:
    report = _report_in(empty_ctx, "draft")
    empty_ctx.user = User("nv", "staff", "Nhân viên")
    assert transitions.refusal(empty_ctx, report, "approve") == "Chỉ lãnh đạo ban mới phê duyệt được."
    assert transitions.refusal(empty_ctx, report, "submit") == ""
    with pytest.raises(PermissionDenied):
        register.approve(empty_ctx, report.id)


def test_a_tombstone_for_a_report_is_judged_by_the_same_rule(empty_ctx) -> None:
    for status in STATUSES:
        kept = deletion.why_kept(empty_ctx, "reports", {"status": status})
        assert (kept or "") == transitions.state_refusal(status, "delete")
