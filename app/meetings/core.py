"""Meetings and attendance: create, update, read, list; attendance per collaborator.

A meeting dated after today is planned ("Dự kiến"): nobody can have attended it yet, so
attendance for it is refused here, not only greyed in the page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import auth, kinds, records, validate
from app.context import Ctx
from app.errors import ValidationError

PRESENCE = {"present": "Có mặt", "absent": "Vắng", "excused": "Vắng có lý do"}
KINDS = {"regular": "Định kỳ", "extraordinary": "Đột xuất"}
HELD, PLANNED = "Đã họp", "Dự kiến"
# Each field's Vietnamese label, declared once (the meeting form, the refusals and the audit log read it).
LABELS: dict[str, str] = {
    "held_on": "Ngày họp", "kind": "Loại hội nghị", "start_time": "Giờ bắt đầu", "end_time": "Giờ kết thúc",
    "place": "Địa điểm", "chair": "Chủ trì", "secretary": "Thư ký", "agenda": "Chương trình, nội dung",
    "materials": "Tài liệu phát", "minutes": "Biên bản, kết luận",
}
CHOICES: dict[str, dict[str, str]] = {"kind": KINDS}


@dataclass
class Meeting:
    held_on: str
    kind: str = "regular"
    place: str | None = None
    chair: str | None = None
    secretary: str | None = None
    start_time: str | None = None     # "08:00", for the minutes
    end_time: str | None = None
    agenda: str | None = None
    materials: str | None = None
    minutes: str | None = None
    id: str | None = None
    origin: str | None = None
    version: int = 0
    updated_at: str | None = None


def is_planned(m: Meeting, today: date | None = None) -> bool:
    """Dated after today: still to be held (a meeting today counts as held)."""
    return m.held_on > (today or date.today()).isoformat()


def status_label(m: Meeting, today: date | None = None) -> str:
    return PLANNED if is_planned(m, today) else HELD


def attendance_refusal(m: Meeting, today: date | None = None) -> str:
    """Why attendance cannot be recorded for this meeting yet ("" when it can)."""
    if not is_planned(m, today):
        return ""
    held = date.fromisoformat(m.held_on)
    return f"Hội nghị dự kiến họp ngày {held:%d/%m/%Y}: chỉ điểm danh được từ ngày họp."


def clean(m: Meeting) -> dict:
    row = records.editable_row(m)
    row["held_on"] = validate.iso_date(validate.required(m.held_on, LABELS["held_on"], "held_on"),
                                       LABELS["held_on"], "held_on")
    validate.one_of(m.kind, CHOICES["kind"], LABELS["kind"], "kind")
    for key in ("start_time", "end_time"):
        row[key] = _clock(row[key], LABELS[key], key)
    for key in ("place", "chair", "secretary", "agenda", "materials", "minutes"):
        row[key] = (row[key] or "").strip() or None
    return row


def _clock(value: str | None, label: str, field: str) -> str | None:
    """'8h', '8:00', '08.30' → '08:00' / '08:30'; None when empty."""
    text = (value or "").strip().lower().replace("h", ":").replace(".", ":").rstrip(":")
    if not text:
        return None
    hour, _, minute = text.partition(":")
    try:
        h, m = int(hour), int(minute or 0)
    except ValueError:
        h, m = -1, -1
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValidationError(f"{label} không hợp lệ: {value} (dạng 08:00).", field=field)
    return f"{h:02d}:{m:02d}"


KIND = kinds.Kind("meetings", Meeting, clean, "hội nghị", labels=LABELS)
create, update, get = KIND.create, KIND.update, KIND.get





def list_meetings(ctx: Ctx, year: int | None = None) -> list[Meeting]:
    sql, params = "SELECT * FROM meetings", []
    if year:
        sql += " WHERE held_on LIKE ?"
        params.append(f"{year}-%")
    sql += " ORDER BY held_on DESC"
    return KIND.select(ctx, sql, params)


def set_attendance(ctx: Ctx, meeting_id: str, presence: dict[str, str], reasons: dict[str, str] | None = None) -> None:
    """Record presence for the given collaborators (one transaction; others untouched)."""
    auth.require(ctx, "enter")
    reasons = reasons or {}
    for value in presence.values():
        validate.one_of(value, PRESENCE, "Tình trạng tham dự")
    with ctx.transaction():
        why = attendance_refusal(get(ctx, meeting_id))
        if why:
            raise ValidationError(why)
        for collaborator_id, value in presence.items():
            ctx.db.execute(
                "INSERT INTO meeting_attendance (meeting_id, collaborator_id, presence, reason) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(meeting_id, collaborator_id) DO UPDATE SET presence = excluded.presence, "
                "reason = excluded.reason",
                [meeting_id, collaborator_id, value, reasons.get(collaborator_id)],
            )
        # Attendance rows travel with their meeting: its version moves so the next package carries them.
        records.touch(ctx, "meetings", meeting_id, "attendance", {"count": len(presence)})


def attendance(ctx: Ctx, meeting_id: str) -> dict[str, str]:
    rows = ctx.db.execute("SELECT collaborator_id, presence FROM meeting_attendance WHERE meeting_id = ?",
                          [meeting_id]).fetchall()
    return dict(rows)
