"""Topic suggestion while a clerk types: the most likely open topics for a text, with a reason in words.

Contract: `suggest(ctx, text)` returns ranked suggestions, best first, only those scoring at
least FLOOR (a weak guess is no help and would tempt a wrong click). Nothing is chosen here:
the entry form shows the first one and the clerk accepts it with one key. Given the field the
clerk already chose, topics of that field come first and any other is marked `field_differs`
(an item about night patrols is not silently offered a land-compensation topic).
"""

from __future__ import annotations

from dataclasses import dataclass

from app import catalog
from app.analytics import model as topic_model
from app.context import Ctx

FLOOR = 0.12
MIN_CHARS = 12


@dataclass(frozen=True)
class Suggestion:
    topic_id: str
    title: str
    field: str
    score: float
    reason: str
    field_differs: bool = False   # the clerk chose another field for the item

    @property
    def field_label(self) -> str:
        return catalog.label(catalog.FIELDS, self.field)


def suggest(ctx: Ctx, text: str, limit: int = 5, model: topic_model.Model | None = None,
            field: str | None = None) -> list[Suggestion]:
    """With `model` (one the UI already holds) nothing is built here; without it, the current one.
    With `field`, suggestions of that field first, the others after them marked field_differs."""
    if len(text.strip()) < MIN_CHARS:
        return []
    out = []
    for s in (model or topic_model.get(ctx)).suggest(text, limit * 3 if field else limit):
        if s.score < FLOOR:
            continue
        topic_field = s.topic.item_fields.most_common(1)[0][0] if s.topic.item_fields else s.topic.field
        if s.close_items:
            reason = f"giống {s.close_items} ý kiến của vấn đề «{s.topic.title}»"
        else:
            reason = f"gần với nội dung vấn đề «{s.topic.title}»"
        out.append(Suggestion(s.topic.id, s.topic.title, topic_field, round(s.score, 3), reason,
                              field_differs=bool(field) and topic_field != field))
    out.sort(key=lambda x: x.field_differs)     # stable: the score order within each group
    return out[:limit]
