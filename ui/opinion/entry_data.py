"""What the entry form needs from the store, read in one job on the worker before it can be used.

The form is built at once with empty choices; `read` runs on the task runner's worker and the
form fills itself from the `EntryData` it returns (ui/opinion/entry.py). Nothing here touches Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.collaborators import registry
from app.context import Ctx
from app.meetings import core as meetings
from app.office import communes
from app.opinions import drafts, items, topics


@dataclass
class EntryData:
    people: dict[str, str]                 # active collaborator id -> "name – area"
    area_of: dict[str, str | None]         # collaborator id -> area code
    areas: dict[str, str]
    topics: dict[str, str]                 # open topics; an edited item's closed topic too
    meeting: meetings.Meeting | None = None
    editing: items.Opinion | None = None
    draft: dict[str, Any] | None = field(default=None)


def read(ctx: Ctx, draft_key: str, meeting_id: str | None = None, opinion_id: str | None = None) -> EntryData:
    """On the worker: the choices, the meeting the items come from, the item being edited (its
    meeting and collaborator win over the ones asked for) and the draft kept under `draft_key`."""
    editing = items.get(ctx, opinion_id) if opinion_id else None
    if editing:
        meeting_id = editing.meeting_id
    people = registry.list_collaborators(ctx, registry.CollaboratorFilter(status="active"))
    areas = {u.code: u.name for u in communes(ctx)}
    open_topics = {t.id: t.title for t in topics.list_topics(ctx) if t.id and t.status != "closed"}
    if editing and editing.topic_id and editing.topic_id not in open_topics:   # a closed topic stays shown
        open_topics[editing.topic_id] = topics.get(ctx, editing.topic_id).title
    return EntryData(
        people={p.id: f"{p.full_name} – {areas.get(p.area_code, '')}".rstrip(" –") for p in people if p.id},
        area_of={p.id: p.area_code for p in people if p.id}, areas=areas, topics=open_topics,
        meeting=meetings.get(ctx, meeting_id) if meeting_id else None, editing=editing,
        draft=drafts.load(ctx, draft_key))
