"""Deleting what was entered by mistake (issue 14): an opinion item, a draft report, a planned
meeting not yet held, a collaborator with no history, a survey question with no responses.

Each rule refuses with a reason when history forbids the delete (a forwarded item, a signed
report, a meeting with attendance, a collaborator who took part: they "leave" instead). The
delete itself goes through records.delete, so it is audited and its audit entry is the
tombstone the next package carries: the province deletes the row too.

`why_kept` is each rule on its own, so a tombstone arriving in a package obeys the very rules
the sender's own app applies (app/exchange/importer.py): a package cannot delete at the
province what the commune itself could not delete.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import auth, records
from app.context import Ctx
from app.errors import PermissionDenied, ValidationError
from app.reports.transitions import state_refusal
from app.text import vn_iso

KINDS = {
    "opinions": "thông tin dư luận",
    "reports": "dự thảo báo cáo",
    "meetings": "hội nghị",
    "collaborators": "cộng tác viên",
    "survey_questions": "câu hỏi",
}


@dataclass(frozen=True)
class Deleted:
    """What was removed, so a list can say so (and offer to undo it)."""

    table: str
    row: dict
    label: str


def _owned(ctx: Ctx, table: str, row_id: str) -> dict:
    row = records.get(ctx, table, row_id)
    if row.get("origin") and ctx.origin and row["origin"] != ctx.origin:
        raise PermissionDenied("Bản ghi thuộc đơn vị khác; chỉ đơn vị tạo ra mới được xóa.")
    return row


def _count(ctx: Ctx, sql: str, *params: str) -> int:
    return int(ctx.db.execute(sql, list(params)).fetchone()[0])


def _opinion_kept(ctx: Ctx, row: dict) -> str | None:
    if row.get("handling") not in (None, "", "new"):
        return ("Thông tin này đã được chuyển xử lý hoặc có kết quả: không xóa được "
                "(hãy sửa nội dung nếu nhập sai).")
    return None


def _report_kept(ctx: Ctx, row: dict) -> str | None:
    return state_refusal(row.get("status") or "", "delete") or None


def _meeting_kept(ctx: Ctx, row: dict) -> str | None:
    if (row.get("minutes") or "").strip():
        return "Hội nghị đã có biên bản, không thể xóa."
    if _count(ctx, "SELECT count(*) FROM meeting_attendance WHERE meeting_id = ?", row["id"]) or \
            _count(ctx, "SELECT count(*) FROM opinions WHERE meeting_id = ?", row["id"]):
        return "Hội nghị đã có điểm danh hoặc thông tin dư luận, không thể xóa."
    return None


def _collaborator_kept(ctx: Ctx, row: dict) -> str | None:
    for sql, why in _HISTORY:
        if _count(ctx, sql, row["id"]):
            return f"{row.get('full_name')} {why}: không xóa được; hãy chuyển sang trạng thái «Đã nghỉ»."
    return None


def why_kept(ctx: Ctx, table: str, row: dict) -> str | None:
    """Why `row` of `table` may not be deleted (one Vietnamese sentence), or None when it may."""
    rule = _RULES.get(table)
    return rule(ctx, row) if rule else None


def _refuse_if_kept(ctx: Ctx, table: str, row: dict) -> None:
    reason = why_kept(ctx, table, row)
    if reason:
        raise ValidationError(reason)


def delete_opinion(ctx: Ctx, item_id: str) -> Deleted:
    """An item typed by mistake; once forwarded or answered it is part of the record."""
    auth.require(ctx, "enter")
    with ctx.transaction():
        row = _owned(ctx, "opinions", item_id)
        _refuse_if_kept(ctx, "opinions", row)
        records.delete(ctx, "opinions", item_id)
    return Deleted("opinions", row, f"thông tin ngày {vn_iso(row.get('received_on'))}")


def delete_draft_report(ctx: Ctx, report_id: str) -> Deleted:
    """A draft nobody submitted; a submitted, signed or sent report stays (make a new version)."""
    auth.require(ctx, "draft")
    with ctx.transaction():
        row = _owned(ctx, "reports", report_id)
        _refuse_if_kept(ctx, "reports", row)
        records.delete(ctx, "reports", report_id)
    return Deleted("reports", row, row.get("title") or "dự thảo")


def delete_meeting(ctx: Ctx, meeting_id: str) -> Deleted:
    """A planned meeting that has not been held: no attendance, no minutes, no items."""
    from app.meetings import planning

    auth.require(ctx, "enter")
    with ctx.transaction():
        row = _owned(ctx, "meetings", meeting_id)
        _refuse_if_kept(ctx, "meetings", row)
        planning.delete_planned(ctx, meeting_id)
    return Deleted("meetings", row, f"hội nghị ngày {vn_iso(row.get('held_on'))}")


# Places a collaborator's history lives: any row here means they "leave" instead.
_HISTORY = (
    ("SELECT count(*) FROM meeting_attendance WHERE collaborator_id = ?", "đã có điểm danh hội nghị"),
    ("SELECT count(*) FROM opinions WHERE collaborator_id = ?", "đã phản ánh thông tin dư luận"),
    ("SELECT count(*) FROM training_attendance WHERE collaborator_id = ?", "đã dự tập huấn"),
    ("SELECT count(*) FROM commendations WHERE collaborator_id = ?", "đã được khen thưởng"),
    ("SELECT count(*) FROM replacement_proposals WHERE collaborator_id = ?1 OR replacement_id = ?1",
     "có đề xuất thay thế"),
    ("SELECT count(*) FROM collaborators WHERE replaced_by = ?1 OR (id = ?1 AND replaced_by IS NOT NULL)",
     "có quan hệ thay thế"),
)


def delete_collaborator(ctx: Ctx, collaborator_id: str) -> Deleted:
    """Someone entered by mistake (a duplicate, a wrong row); anyone with history leaves instead."""
    auth.require(ctx, "enter")
    with ctx.transaction():
        row = _owned(ctx, "collaborators", collaborator_id)
        _refuse_if_kept(ctx, "collaborators", row)
        records.delete(ctx, "collaborators", collaborator_id)
    return Deleted("collaborators", row, row.get("full_name") or "")


_RULES = {"opinions": _opinion_kept, "reports": _report_kept, "meetings": _meeting_kept,
          "collaborators": _collaborator_kept}


def undo(ctx: Ctx, deleted: Deleted) -> str:
    """Put back the last deleted row (Ctrl+Z in a list): a new version of the same id."""
    auth.require(ctx, "enter")
    values = {k: v for k, v in deleted.row.items() if k not in ("origin", "version", "updated_at")}
    return records.insert(ctx, deleted.table, values, action="restore", version=int(deleted.row["version"]) + 1)
