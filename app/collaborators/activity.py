"""Who is still active in the network: last opinion item, last meeting attended, and the flags
the guidance asks offices to act on (no item for N days, absent from K meetings in a row),
with a recorded "propose replacement" for each flagged person."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from app import auth, records, settings, validate
from app.context import Ctx
from app.errors import ValidationError


@dataclass
class Activity:
    collaborator_id: str
    full_name: str
    area_code: str | None
    area_name: str
    status: str
    joined_on: str | None
    last_item_on: str | None = None
    items_90d: int = 0
    last_meeting_on: str | None = None
    absent_streak: int = 0
    flags: list[str] = field(default_factory=list)
    open_proposal_id: str | None = None

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def reason(self) -> str:
        return "; ".join(self.flags)

    @property
    def short_reason(self) -> str:
        """A few words for a list column: "Không phản ánh 84 ngày; vắng 3 kỳ"."""
        parts = []
        if any(f.startswith("Không phản ánh") for f in self.flags):
            parts.append("Không phản ánh " + (f"từ {_vn(self.last_item_on)}" if self.last_item_on else "lần nào"))
        if any(f.startswith("Vắng") for f in self.flags):
            parts.append(f"vắng {self.absent_streak} kỳ giao ban" if parts else f"Vắng {self.absent_streak} kỳ giao ban")
        return "; ".join(parts)


@dataclass(frozen=True)
class Proposal:
    id: str
    collaborator_id: str
    full_name: str
    proposed_on: str
    reason: str
    status: str
    replacement_id: str | None
    closed_on: str | None


PROPOSAL_STATUSES = {"open": "Đang đề xuất", "done": "Đã thay thế", "dropped": "Không thay thế"}


def rules(ctx: Ctx) -> tuple[int, int]:
    """(days without an item, meetings absent in a row) from the office settings."""
    return int(settings.get(ctx, "inactive_days") or 60), int(settings.get(ctx, "absent_meetings") or 2)


def activity(ctx: Ctx, today: date | None = None, *, include_left: bool = False) -> list[Activity]:
    """Activity of every collaborator (active and paused; left ones on request), flags set on
    active ones only: a paused person is known to be away and is not a surprise."""
    today = today or date.today()
    days, streak_limit = rules(ctx)
    where = "" if include_left else "WHERE c.status != 'left'"
    people = {
        r["id"]: Activity(r["id"], r["full_name"], r["area_code"], r["area_name"] or "", r["status"],
                          r["joined_on"] or r["decision_date"])
        for r in ctx.db.query(
            "SELECT c.id, c.full_name, c.area_code, u.name AS area_name, c.status, c.joined_on, c.decision_date "
            f"FROM collaborators c LEFT JOIN units u ON u.code = c.area_code {where}")
    }
    since_90 = (today - timedelta(days=90)).isoformat()
    # Per person, two seeks in opinions_collaborator(collaborator_id, received_on): a province
    # holds ~300k items, and grouping them all would read every one at each overview open.
    for cid, last, recent in ctx.db.execute(
        "SELECT c.id, (SELECT max(o.received_on) FROM opinions o WHERE o.collaborator_id = c.id "
        "AND o.received_on <= :today), (SELECT count(*) FROM opinions o WHERE o.collaborator_id = c.id "
        "AND o.received_on >= :since AND o.received_on <= :today) FROM collaborators c",
        {"since": since_90, "today": today.isoformat()},
    ).fetchall():
        if cid in people:
            people[cid].last_item_on, people[cid].items_90d = last, int(recent or 0)
    counting = {cid: True for cid in people}
    for cid, held_on, presence in ctx.db.execute(
        "SELECT a.collaborator_id, m.held_on, a.presence FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.held_on <= ? ORDER BY m.held_on DESC", [today.isoformat()]
    ).fetchall():
        person = people.get(cid)
        if person is None:
            continue
        if presence == "present":
            person.last_meeting_on = person.last_meeting_on or held_on
            counting[cid] = False
        elif presence == "absent" and counting[cid]:
            person.absent_streak += 1  # an excused absence neither counts nor breaks the run
    for cid, pid in ctx.db.execute(
        "SELECT collaborator_id, id FROM replacement_proposals WHERE status = 'open'"
    ).fetchall():
        if cid in people:
            people[cid].open_proposal_id = pid
    cutoff = (today - timedelta(days=days)).isoformat()
    for person in people.values():
        if person.status != "active":
            continue
        reference = max(x for x in (person.last_item_on, person.joined_on, "") if x is not None)
        if reference < cutoff:
            since = f"từ {_vn(person.last_item_on)}" if person.last_item_on else "chưa có thông tin nào"
            person.flags.append(f"Không phản ánh thông tin {days} ngày ({since})")
        if person.absent_streak >= streak_limit:
            person.flags.append(f"Vắng {person.absent_streak} kỳ giao ban liên tiếp")
    return sorted(people.values(), key=lambda a: (not a.flagged, a.area_name, a.full_name))


def flagged(ctx: Ctx, today: date | None = None) -> list[Activity]:
    return [a for a in activity(ctx, today) if a.flagged]


def propose_replacement(ctx: Ctx, collaborator_id: str, reason: str | None = None,
                        today: date | None = None) -> str:
    """Record a proposal to replace someone (one click from a flag); a second click returns the
    open proposal instead of recording another."""
    auth.require(ctx, "enter")
    with ctx.transaction():
        person = records.get(ctx, "collaborators", collaborator_id)
        if person["status"] == "left":
            raise ValidationError("Cộng tác viên này đã thôi tham gia; không cần đề xuất thay thế.")
        row = ctx.db.execute("SELECT id FROM replacement_proposals WHERE collaborator_id = ? AND status = 'open'",
                             [collaborator_id]).fetchone()
        if row:
            return row[0]
        if not (reason or "").strip():
            found = [a for a in activity(ctx, today) if a.collaborator_id == collaborator_id]
            reason = found[0].reason if found and found[0].flags else ""
        reason = validate.required(reason, "Lý do đề xuất thay thế", "reason")
        return records.insert(ctx, "replacement_proposals", {
            "collaborator_id": collaborator_id, "proposed_on": (today or date.today()).isoformat(),
            "reason": reason, "status": "open"})


def close_proposal(ctx: Ctx, proposal_id: str, status: str, replacement_id: str | None = None,
                   today: date | None = None) -> None:
    auth.require(ctx, "enter")
    validate.one_of(status, {k: v for k, v in PROPOSAL_STATUSES.items() if k != "open"}, "Kết quả đề xuất")
    records.update(ctx, "replacement_proposals", proposal_id,
                   {"status": status, "replacement_id": replacement_id,
                    "closed_on": (today or date.today()).isoformat()})


def proposals(ctx: Ctx, status: str | None = "open") -> list[Proposal]:
    sql = ("SELECT p.id, p.collaborator_id, c.full_name, p.proposed_on, p.reason, p.status, p.replacement_id, "
           "p.closed_on FROM replacement_proposals p JOIN collaborators c ON c.id = p.collaborator_id")
    params: list = []
    if status:
        sql += " WHERE p.status = ?"
        params.append(status)
    sql += " ORDER BY p.proposed_on DESC"
    return [Proposal(*r) for r in ctx.db.execute(sql, params).fetchall()]


def _vn(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")
