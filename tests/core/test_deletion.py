"""Deleting what was entered by mistake (issue 14 point 4): the rules, the audit entry, the CLI
confirmation, and undo. The province side is in tests/exchange/test_nothing_lost.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app import audit, deletion, records
from app.context import Ctx
from app.errors import ValidationError
from app.meetings import core as meetings


def _count(ctx: Ctx, table: str, row_id: str) -> int:
    return ctx.db.execute(f"SELECT count(*) FROM [{table}] WHERE id = ?", [row_id]).fetchone()[0]


def _new_item(ctx: Ctx) -> str:
    area = ctx.db.execute("SELECT code FROM units WHERE level = 'commune' LIMIT 1").fetchone()[0]
    return records.insert(ctx, "opinions", {"received_on": "2026-11-03", "field": "economy", "tendency": "worried",
                                            "summary": "Gõ nhầm một thông tin", "area_code": area})


def test_mistyped_item_is_deleted_and_audited(demo_ctx: Ctx) -> None:
    item = _new_item(demo_ctx)
    deletion.delete_opinion(demo_ctx, item)
    assert _count(demo_ctx, "opinions", item) == 0
    entry = next(e for e in audit.entries(demo_ctx, action="delete") if e.row_id == item)
    assert entry.table_name == "opinions" and "Gõ nhầm" not in str(entry.detail)


def test_handled_item_and_sent_report_are_refused_with_a_reason(demo_ctx: Ctx) -> None:
    handled = demo_ctx.db.execute("SELECT id FROM opinions WHERE handling != 'new' LIMIT 1").fetchone()[0]
    with pytest.raises(ValidationError, match="chuyển xử lý"):
        deletion.delete_opinion(demo_ctx, handled)
    sent = demo_ctx.db.execute("SELECT id FROM reports WHERE status != 'draft' LIMIT 1").fetchone()
    if sent:
        with pytest.raises(ValidationError, match="Chỉ xóa được dự thảo"):
            deletion.delete_draft_report(demo_ctx, sent[0])
    assert _count(demo_ctx, "opinions", handled) == 1


def test_planned_meeting_goes_but_held_one_stays(demo_ctx: Ctx) -> None:
    planned = meetings.create(demo_ctx, meetings.Meeting(held_on=(date.today() + timedelta(days=40)).isoformat()))
    deletion.delete_meeting(demo_ctx, planned.id)
    assert _count(demo_ctx, "meetings", planned.id) == 0
    held = demo_ctx.db.execute(
        "SELECT meeting_id FROM meeting_attendance GROUP BY meeting_id LIMIT 1").fetchone()[0]
    with pytest.raises(ValidationError, match="biên bản|điểm danh"):
        deletion.delete_meeting(demo_ctx, held)


def test_collaborator_with_history_leaves_instead(demo_ctx: Ctx) -> None:
    active = demo_ctx.db.execute(
        "SELECT collaborator_id FROM meeting_attendance LIMIT 1").fetchone()[0]
    with pytest.raises(ValidationError, match="Đã nghỉ"):
        deletion.delete_collaborator(demo_ctx, active)
    area = demo_ctx.db.execute("SELECT code FROM units WHERE level = 'commune' LIMIT 1").fetchone()[0]
    wrong = records.insert(demo_ctx, "collaborators", {"full_name": "Nhập Nhầm", "area_code": area,
                                                      "joined_on": "2026-11-01", "status": "active"})
    deletion.delete_collaborator(demo_ctx, wrong)
    assert _count(demo_ctx, "collaborators", wrong) == 0


def test_undo_puts_the_row_back_as_a_newer_version(demo_ctx: Ctx) -> None:
    item = _new_item(demo_ctx)
    gone = deletion.delete_opinion(demo_ctx, item)
    deletion.undo(demo_ctx, gone)
    row = records.get(demo_ctx, "opinions", item)
    assert row["version"] == 2 and row["summary"] == "Gõ nhầm một thông tin"


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_delete_needs_yes_and_refuses_in_one_line(demo_ctx: Ctx, demo_path, cli) -> None:
    item = _new_item(demo_ctx)
    handled = demo_ctx.db.execute("SELECT id FROM opinions WHERE handling != 'new' LIMIT 1").fetchone()[0]
    demo_ctx.close()
    without = cli("--db", str(demo_path), "opinions", "delete", item)
    assert without.returncode == 1 and "--yes" in without.stderr and len(without.stderr.strip().splitlines()) == 1
    refused = cli("--db", str(demo_path), "opinions", "delete", handled, "--yes")
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
    missing = cli("--db", str(demo_path), "meetings", "delete", "no-such-id", "--yes")
    assert missing.returncode == 1 and "Không tìm thấy" in missing.stderr
    done = cli("--db", str(demo_path), "opinions", "delete", item, "--yes")
    assert done.returncode == 0 and "Đã xóa" in done.stdout
    for result in (without, refused, missing, done):
        _no_traceback(result)
