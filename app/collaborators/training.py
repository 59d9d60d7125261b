"""Training sessions (date, topic, attendees) and commendations (date, level, reason) for the
network; both are shown on a collaborator's page and counted in the yearly review."""

from __future__ import annotations

from dataclasses import dataclass, field

from app import auth, records, validate
from app.context import Ctx
from app.errors import ValidationError

COMMENDATION_LEVELS: dict[str, str] = {
    "commune": "Giấy khen của Ban Thường vụ Đảng ủy xã, phường",
    "province_btg": "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "province": "Bằng khen của Ban Thường vụ Tỉnh ủy",
    "central": "Bằng khen của Ban Tuyên giáo và Dân vận Trung ương",
    "district_btg": "Giấy khen của Ban Tuyên giáo Huyện ủy (trước 7/2025)",
    "district": "Giấy khen của Ban Thường vụ Huyện ủy (trước 7/2025)",
    "other": "Hình thức khác",
}


@dataclass
class Training:
    held_on: str
    topic: str
    place: str | None = None
    organiser: str | None = None
    notes: str | None = None
    attendees: list[str] = field(default_factory=list)   # collaborator ids
    id: str | None = None


@dataclass
class Commendation:
    collaborator_id: str
    awarded_on: str
    level: str
    reason: str
    decision_no: str | None = None
    id: str | None = None


def save_training(ctx: Ctx, t: Training) -> Training:
    """Create or update a session and its attendee list in one transaction."""
    auth.require(ctx, "enter")
    row = {"held_on": validate.iso_date(validate.required(t.held_on, "Ngày tập huấn", "held_on"), "Ngày tập huấn",
                                        "held_on"),
           "topic": validate.required(t.topic, "Nội dung tập huấn", "topic"),
           "place": (t.place or "").strip() or None, "organiser": (t.organiser or "").strip() or None,
           "notes": (t.notes or "").strip() or None}
    with ctx.transaction():
        if t.id:
            records.update(ctx, "trainings", t.id, row)
        else:
            t.id = records.insert(ctx, "trainings", row)
        set_attendees(ctx, t.id, t.attendees)
    return get_training(ctx, t.id)


def set_attendees(ctx: Ctx, training_id: str, collaborator_ids: list[str]) -> None:
    """Replace the attendee list; the session's version is bumped so the rows travel with it."""
    auth.require(ctx, "enter")
    ids = list(dict.fromkeys(collaborator_ids))
    with ctx.transaction():
        before = {r[0] for r in ctx.db.execute("SELECT collaborator_id FROM training_attendance WHERE training_id = ?",
                                               [training_id]).fetchall()}
        if before == set(ids):
            return
        known = {r[0] for r in ctx.db.execute(
            f"SELECT id FROM collaborators WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()} if ids else set()
        if len(known) != len(ids):
            raise ValidationError("Danh sách người tham dự có cộng tác viên không tồn tại.")
        ctx.db.execute("DELETE FROM training_attendance WHERE training_id = ?", [training_id])
        ctx.db["training_attendance"].insert_all([{"training_id": training_id, "collaborator_id": c} for c in ids])
        records.touch(ctx, "trainings", training_id, "attendance",
                      {"added": len(set(ids) - before), "removed": len(before - set(ids))})


def get_training(ctx: Ctx, training_id: str) -> Training:
    r = records.get(ctx, "trainings", training_id)
    attendees = [x[0] for x in ctx.db.execute(
        "SELECT collaborator_id FROM training_attendance WHERE training_id = ?", [training_id]).fetchall()]
    return Training(r["held_on"], r["topic"], r["place"], r["organiser"], r["notes"], attendees, r["id"])


def list_trainings(ctx: Ctx, collaborator_id: str | None = None) -> list[Training]:
    """All sessions, newest first; with a collaborator, only those they attended."""
    sql, params = "SELECT id FROM trainings", []
    if collaborator_id:
        sql += " WHERE id IN (SELECT training_id FROM training_attendance WHERE collaborator_id = ?)"
        params.append(collaborator_id)
    sql += " ORDER BY held_on DESC"
    return [get_training(ctx, r[0]) for r in ctx.db.execute(sql, params).fetchall()]


def save_commendation(ctx: Ctx, c: Commendation) -> Commendation:
    auth.require(ctx, "enter")
    validate.one_of(c.level, COMMENDATION_LEVELS, "Hình thức khen thưởng", "level")
    records.get(ctx, "collaborators", c.collaborator_id)
    row = {"collaborator_id": c.collaborator_id,
           "awarded_on": validate.iso_date(validate.required(c.awarded_on, "Ngày khen thưởng", "awarded_on"),
                                           "Ngày khen thưởng", "awarded_on"),
           "level": c.level, "reason": validate.required(c.reason, "Lý do khen thưởng", "reason"),
           "decision_no": (c.decision_no or "").strip() or None}
    if c.id:
        records.update(ctx, "commendations", c.id, row)
    else:
        c.id = records.insert(ctx, "commendations", row)
    return c


def list_commendations(ctx: Ctx, collaborator_id: str | None = None) -> list[Commendation]:
    sql, params = "SELECT * FROM commendations", []
    if collaborator_id:
        sql += " WHERE collaborator_id = ?"
        params.append(collaborator_id)
    sql += " ORDER BY awarded_on DESC"
    return [Commendation(r["collaborator_id"], r["awarded_on"], r["level"], r["reason"], r["decision_no"], r["id"])
            for r in ctx.db.query(sql, params)]
