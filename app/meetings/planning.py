"""Planning regular meetings by the rule, the attendance roster and the items of a meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import auth, records
from app.context import Ctx
from app.errors import ValidationError
from app.meetings import core, schedule


def plan_regular(ctx: Ctx, start: date, end: date, rule: schedule.MeetingRule | None = None) -> list[core.Meeting]:
    """Create the regular meetings of the rule between start and end; a month that already has a
    regular meeting is skipped, so planning twice adds nothing."""
    auth.require(ctx, "enter")
    rule = rule or schedule.get_rule(ctx)
    created = []
    with ctx.transaction():
        taken = {r[0][:7] for r in ctx.db.execute(
            "SELECT held_on FROM meetings WHERE kind = 'regular' AND held_on BETWEEN ? AND ?",
            [start.replace(day=1).isoformat(), end.isoformat()]).fetchall()}
        last = ctx.db.execute("SELECT place, chair FROM meetings WHERE kind = 'regular' ORDER BY held_on DESC "
                              "LIMIT 1").fetchone()
        place, chair = last if last else (None, None)
        for d in schedule.dates_between(rule, start, end):
            if d.isoformat()[:7] in taken:
                continue
            created.append(core.create(ctx, core.Meeting(held_on=d.isoformat(), kind="regular", place=place,
                                                         chair=chair)))
    return created


@dataclass(frozen=True)
class RosterLine:
    collaborator_id: str
    full_name: str
    area_name: str
    presence: str | None      # None: not recorded yet
    reason: str | None


def roster(ctx: Ctx, meeting_id: str) -> list[RosterLine]:
    """Every active collaborator, plus anyone already recorded for this meeting (even if they left
    since), with what was recorded; ordered by area then name so the list reads like the sign-in sheet."""
    rows = ctx.db.execute(
        "SELECT c.id, c.full_name, coalesce(u.name, ''), a.presence, a.reason FROM collaborators c "
        "LEFT JOIN units u ON u.code = c.area_code "
        "LEFT JOIN meeting_attendance a ON a.collaborator_id = c.id AND a.meeting_id = ? "
        "WHERE c.status = 'active' OR a.presence IS NOT NULL ORDER BY u.name, c.full_name", [meeting_id]).fetchall()
    return [RosterLine(*r) for r in rows]


@dataclass(frozen=True)
class AttendanceSummary:
    present: int
    absent: int
    excused: int
    unrecorded: int


def summary(ctx: Ctx, meeting_id: str) -> AttendanceSummary:
    lines = roster(ctx, meeting_id)
    count = {k: sum(1 for x in lines if x.presence == k) for k in ("present", "absent", "excused")}
    return AttendanceSummary(count["present"], count["absent"], count["excused"],
                             sum(1 for x in lines if x.presence is None))


def mark_all_present(ctx: Ctx, meeting_id: str) -> int:
    """"Tất cả có mặt": everyone not yet recorded is marked present, in one transaction; the
    absences already typed stay (the clerk marks the few absent first or after). Returns how
    many were marked."""
    unmarked = {x.collaborator_id: "present" for x in roster(ctx, meeting_id) if x.presence is None}
    if unmarked:
        core.set_attendance(ctx, meeting_id, unmarked)
    return len(unmarked)


def item_count(ctx: Ctx, meeting_id: str) -> int:
    return ctx.db.execute("SELECT count(*) FROM opinions WHERE meeting_id = ?", [meeting_id]).fetchone()[0]


def item_counts(ctx: Ctx) -> dict[str, int]:
    """Items per meeting id, for the meetings list."""
    rows = ctx.db.execute("SELECT meeting_id, count(*) FROM opinions WHERE meeting_id IS NOT NULL "
                          "GROUP BY meeting_id").fetchall()
    return dict(rows)


def delete_planned(ctx: Ctx, meeting_id: str) -> None:
    """Remove a planned meeting that has no attendance and no items yet (a wrong plan)."""
    auth.require(ctx, "enter")
    with ctx.transaction():
        if item_count(ctx, meeting_id) or ctx.db.execute(
                "SELECT 1 FROM meeting_attendance WHERE meeting_id = ? LIMIT 1", [meeting_id]).fetchone():
            raise ValidationError("Hội nghị đã có điểm danh hoặc thông tin dư luận, không thể xóa.")
        records.delete(ctx, "meetings", meeting_id)
