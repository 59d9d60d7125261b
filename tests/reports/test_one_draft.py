"""One draft per report kind and period unless the user asks for another version (issue 14.3)."""

from __future__ import annotations

from datetime import date

import pytest

from app.reports import drafts, register, store
from tests.conftest import PASSPHRASE


def test_second_draft_of_a_month_returns_the_first(empty_ctx):
    first = drafts.start_draft(empty_ctx, "monthly", date(2026, 11, 3))
    again = drafts.start_draft(empty_ctx, "monthly", date(2026, 11, 25))
    assert not first.existing and again.existing and again.report.id == first.report.id
    assert drafts.exists_message(again.report) == "Đã có dự thảo tháng 11/2026 — mở dự thảo đó?"
    other = drafts.start_draft(empty_ctx, "monthly", date(2026, 11, 3), new=True)
    assert not other.existing and other.report.id != first.report.id
    assert drafts.start_draft(empty_ctx, "quarterly", date(2026, 11, 3)).existing is False
    topic = {"start": date(2026, 11, 1), "end": date(2026, 11, 10)}
    flood = drafts.start_draft(empty_ctx, "adhoc", topic="ngập úng", **topic)
    assert drafts.start_draft(empty_ctx, "adhoc", topic="ngập úng", **topic).report.id == flood.report.id
    assert not drafts.start_draft(empty_ctx, "adhoc", topic="giá lúa", **topic).existing


def test_a_signed_report_does_not_block_a_new_draft(empty_ctx):
    from dataclasses import replace

    from app.context import User

    head = replace(empty_ctx, user=User("tb", "head", "Nguyễn Văn An"))
    first = drafts.start_draft(empty_ctx, "monthly", date(2026, 9, 1)).report
    for step in (register.submit, register.approve, register.sign):
        step(head, first.id)
    assert store.get(empty_ctx, first.id).status == "signed"
    assert not drafts.start_draft(empty_ctx, "monthly", date(2026, 9, 1)).existing


@pytest.mark.real_process
def test_cli_draft_prints_the_existing_id_and_new_forces_another(cli, demo_path):
    env = {"DLXH_PASSPHRASE": PASSPHRASE}
    db = ["--db", str(demo_path)]
    first = cli(*db, "report", "draft", "--month", "2030-01", env=env)
    assert first.returncode == 0, first.stderr
    first_id = first.stdout.strip().splitlines()[-1]
    again = cli(*db, "report", "draft", "--month", "2030-01", env=env)
    assert again.returncode == 0, again.stderr
    lines = again.stdout.strip().splitlines()
    assert lines[-1] == first_id and "Đã có dự thảo tháng 1/2030" in lines[0] and "--new" in lines[0]
    forced = cli(*db, "report", "draft", "--month", "2030-01", "--new", env=env)
    assert forced.returncode == 0 and forced.stdout.strip().splitlines()[-1] != first_id
