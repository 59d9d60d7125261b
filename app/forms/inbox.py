"""The opinion inbox: collaborators' items from personal forms, waiting for the clerk.

An item counts (becomes an opinion, in lists, overview and reports) only once accepted. The
review shows what the entry form would: the privacy check's hints (a name, a phone number)
and the best topic suggestion, which accepting applies when the clerk says so; an item with a privacy
hint is held back unless the clerk accepts it knowingly (`despite_privacy`), the same hint
that is a warning, never a block, at the entry form.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import audit, auth
from app.context import Ctx
from app.errors import NotFoundError
from app.ids import utc_now
from app.opinions import items, privacy

# How an item reached the office -> the opinion's channel (catalog.CHANNELS).
_CHANNEL = {"email": "email", "online": "meeting"}


@dataclass(frozen=True)
class InboxItem:
    id: str
    received_on: str
    collaborator_id: str
    collaborator_name: str
    summary: str
    field: str
    tendency: str
    area_code: str | None
    scale: str
    proposal: str | None
    channel: str
    hints: tuple[str, ...] = ()
    topic_id: str | None = None
    topic_title: str | None = None


_SELECT = ("SELECT i.id, i.received_on, i.collaborator_id, coalesce(c.full_name, ''), i.summary, i.field, i.tendency, "
           "i.area_code, i.scale, i.proposal, i.channel FROM opinion_inbox i "
           "LEFT JOIN collaborators c ON c.id = i.collaborator_id WHERE i.status = 'waiting'")


def _review(ctx: Ctx, row: tuple) -> InboxItem:
    from app.analytics.suggest import suggest  # numpy: not for Tổng quan's count of waiting items

    hints = tuple(h.message for text in (row[4], row[9]) for h in privacy.check(text))
    found = suggest(ctx, row[4], limit=1)
    return InboxItem(*row, hints=hints, topic_id=found[0].topic_id if found else None,
                     topic_title=found[0].title if found else None)


def waiting(ctx: Ctx) -> list[InboxItem]:
    rows = ctx.db.execute(_SELECT + " ORDER BY i.received_on, i.id").fetchall()
    return [_review(ctx, r) for r in rows]


def waiting_count(ctx: Ctx) -> int:
    return ctx.db.execute("SELECT count(*) FROM opinion_inbox WHERE status = 'waiting'").fetchone()[0]


@dataclass(frozen=True)
class Accepted:
    accepted: list[tuple[InboxItem, str]]  # (item, new opinion id)
    held: list[InboxItem]  # privacy hints, not accepted


def accept(ctx: Ctx, ids: list[str] | None = None, *, despite_privacy: bool = False,
           with_topic: bool = False) -> Accepted:
    """Accept the waiting items named (all waiting ones when `ids` is None), in one transaction.
    The suggested topic is applied only when asked (`with_topic`): a weak guess filed silently
    under a wrong topic would skew the topic counts the reports are built from."""
    auth.require(ctx, "enter")
    with ctx.transaction():
        if ids is None:
            rows = ctx.db.execute(_SELECT + " ORDER BY i.received_on, i.id").fetchall()
        else:
            rows = []
            for item_id in ids:
                row = ctx.db.execute(_SELECT + " AND i.id = ?", [item_id]).fetchone()
                if row is None:
                    raise NotFoundError(f"Không có ý kiến chờ duyệt mã {item_id} (đã duyệt, hoặc mã sai).")
                rows.append(row)
        done, held = [], []
        for row in rows:
            item = _review(ctx, row)
            if item.hints and not despite_privacy:
                held.append(item)
                continue
            opinion = items.create(ctx, items.Opinion(
                received_on=item.received_on, field=item.field, summary=item.summary, tendency=item.tendency,
                area_code=item.area_code, channel=_CHANNEL.get(item.channel, "email"), scale=item.scale,
                collaborator_id=item.collaborator_id, proposal=item.proposal,
                topic_id=item.topic_id if with_topic else None))
            ctx.db.execute("UPDATE opinion_inbox SET status = 'accepted', opinion_id = ?, reviewed_by = ?, "
                           "reviewed_at = ? WHERE id = ?", [opinion.id, ctx.user.name, utc_now(), item.id])
            done.append((item, opinion.id))
        if done:
            audit.record(ctx, "accept_inbox", "opinions", "", {"items": len(done)})
    return Accepted(done, held)


def reject(ctx: Ctx, item_id: str) -> None:
    auth.require(ctx, "enter")
    with ctx.transaction():
        n = ctx.db.execute("UPDATE opinion_inbox SET status = 'rejected', reviewed_by = ?, reviewed_at = ? "
                           "WHERE id = ? AND status = 'waiting'", [ctx.user.name, utc_now(), item_id]).rowcount
        if not n:
            raise NotFoundError(f"Không có ý kiến chờ duyệt mã {item_id}.")
        audit.record(ctx, "reject_inbox", "opinion_inbox", item_id, {})
