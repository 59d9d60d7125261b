"""Status changes of a collaborator (active → paused → left, with date and reason) and
replacement, which links the leaving person to the newcomer so the history stays readable."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as dc_replace
from datetime import date

from app import audit, auth, catalog, records, validate
from app.collaborators import registry
from app.collaborators.registry import Collaborator
from app.context import Ctx
from app.errors import ValidationError

# Which moves are allowed: someone who left comes back only as a new registration (a new decision).
ALLOWED = {"active": {"paused", "left"}, "paused": {"active", "left"}, "left": set()}


def set_status(ctx: Ctx, collaborator_id: str, status: str, on: str | date | None = None,
               reason: str | None = None) -> Collaborator:
    """Change the status; pausing or leaving needs a reason, leaving a date. Audited as 'status'."""
    auth.require(ctx, "enter")
    validate.one_of(status, catalog.COLLABORATOR_STATUSES, "Trạng thái", "status")
    on_iso = validate.iso_date(on, "Ngày", "left_on") or date.today().isoformat()
    with ctx.transaction():
        current = registry.get(ctx, collaborator_id)
        if status == current.status:
            return current
        if status not in ALLOWED[current.status]:
            raise ValidationError(
                f"Không thể chuyển từ '{catalog.COLLABORATOR_STATUSES[current.status]}' sang "
                f"'{catalog.COLLABORATOR_STATUSES[status]}'; người đã thôi tham gia cần được công nhận lại "
                "bằng quyết định mới.")
        reason = (reason or "").strip() or None
        if status in ("paused", "left") and not reason:
            raise ValidationError("Cần ghi lý do tạm dừng hoặc thôi tham gia.", field="left_reason")
        changes: dict = {"status": status}
        if status == "left":
            changes.update(left_on=on_iso, left_reason=reason)
        elif status == "paused":
            changes.update(left_reason=reason, left_on=None)
        else:
            changes.update(left_reason=None, left_on=None)
        registry.clean(dc_replace(current, **changes))
        records.update(ctx, "collaborators", collaborator_id, changes, action="status")
    return registry.get(ctx, collaborator_id)


def replace(ctx: Ctx, leaving_id: str, newcomer: Collaborator | str, on: str | date | None = None,
            reason: str = "") -> Collaborator:
    """The leaving collaborator leaves (date, reason) and points to the newcomer, who is created
    if given as a new Collaborator; an open replacement proposal is closed as done. One transaction."""
    from app.collaborators import activity

    auth.require(ctx, "enter")
    with ctx.transaction():
        leaving = registry.get(ctx, leaving_id)
        if leaving.status == "left" and leaving.replaced_by:
            raise ValidationError("Cộng tác viên này đã được thay thế trước đó.")
        if isinstance(newcomer, Collaborator):
            if not newcomer.area_code:
                newcomer.area_code = leaving.area_code
            newcomer = registry.create(ctx, newcomer).id
        new = registry.get(ctx, newcomer)
        if new.id == leaving.id or new.status != "active":
            raise ValidationError("Người thay thế phải là một cộng tác viên khác đang hoạt động.")
        if leaving.status != "left":
            set_status(ctx, leaving_id, "left", on, reason or f"Thay thế bởi {new.full_name}")
        records.update(ctx, "collaborators", leaving_id, {"replaced_by": new.id}, action="replace")
        for proposal in activity.proposals(ctx, "open"):
            if proposal.collaborator_id == leaving_id:
                activity.close_proposal(ctx, proposal.id, "done", new.id)
    return new


@dataclass(frozen=True)
class HistoryLine:
    ts: str
    user: str
    text: str


def history(ctx: Ctx, collaborator_id: str) -> list[HistoryLine]:
    """What happened to this person, newest first: the audit trail in words, plus who they
    replaced and who replaced them."""
    lines = []
    for e in audit.entries(ctx, table="collaborators", limit=100000):
        if e.row_id != collaborator_id:
            continue
        detail = e.detail or {}
        if e.action == "create":
            text = "Thêm vào danh sách cộng tác viên"
        elif e.action == "status":
            new = (detail.get("status") or [None, None])[1]
            why = (detail.get("left_reason") or [None, None])[1]
            text = f"Chuyển trạng thái: {catalog.label(catalog.COLLABORATOR_STATUSES, new)}" + (f" ({why})" if why else "")
        elif e.action == "replace":
            text = "Được thay thế bởi " + _name(ctx, (detail.get("replaced_by") or [None, None])[1])
        else:
            text = "Sửa thông tin: " + ", ".join(sorted(detail))
        lines.append(HistoryLine(e.ts, e.user, text))
    for row in ctx.db.execute("SELECT full_name, left_on FROM collaborators WHERE replaced_by = ?",
                              [collaborator_id]).fetchall():
        lines.append(HistoryLine(row[1] or "", "", f"Thay thế cho {row[0]}"))
    return sorted(lines, key=lambda h: h.ts, reverse=True)


def _name(ctx: Ctx, collaborator_id: str | None) -> str:
    if not collaborator_id:
        return "?"
    row = ctx.db.execute("SELECT full_name FROM collaborators WHERE id = ?", [collaborator_id]).fetchone()
    return row[0] if row else "?"
