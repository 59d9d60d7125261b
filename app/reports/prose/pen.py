"""A writer's state across one report: which sentence frame was used last for each kind
of sentence (so consecutive paragraphs vary) and every sentence written (so none repeats)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.reports.prose.audience import Audience
from app.reports.prose.words import dedupe, nhan_dan


@dataclass
class Pen:
    who: Audience
    used: set[str] = field(default_factory=set)
    turns: Counter = field(default_factory=Counter)

    def pick(self, group: str, frames: list[str], **values: object) -> str:
        """The next frame of `group` (rotating), filled with `values`."""
        n = self.turns[group]
        self.turns[group] += 1
        return frames[n % len(frames)].format(**values)

    def finish(self, text: str) -> str:
        """One section's text: 'Nhân dân' fixed, no sentence already written in the report."""
        return dedupe(nhan_dan(text), self.used)
