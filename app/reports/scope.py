"""Which items a report speaks of, and the day its figures are counted to.

A periodic report speaks of every item of its period; an ad-hoc or thematic report only of
the items of its subject (a topic of the catalogue whose title matches, else the items whose
text matches the subject's words), so it stays on its subject. While a period runs, its
figures are counted to today: stock figures (pending, overdue) are taken at `as_of`, the
same day in every sentence and table of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.context import Ctx
from app.errors import ValidationError
from app.reports.period import Period
from app.text import fold, fts_query


@dataclass(frozen=True)
class Scope:
    period: Period
    as_of: date                 # the period's end, or today while it runs
    where: str = ""             # an extra predicate on `opinions o` (ad-hoc, thematic)
    params: tuple = ()
    subject: str = ""           # the subject in words ('' for a periodic report)

    @property
    def running(self) -> bool:
        return self.as_of < self.period.end

    def items(self, p: Period | None = None) -> tuple[str, list]:
        """SQL predicate and parameters for the items of period `p` (this one by default)."""
        p = p or self.period
        sql = "o.received_on BETWEEN ? AND ?" + (f" AND {self.where}" if self.where else "")
        return sql, [p.start.isoformat(), p.end.isoformat(), *self.params]

    def everything(self) -> tuple[str, list]:
        """The predicate without dates: every item of the subject, for stock figures."""
        return (self.where or "1"), list(self.params)

    def previous(self) -> Scope:
        return replace(self, period=self.period.previous(), as_of=self.period.previous().end)


def scope_for(ctx: Ctx, p: Period, today: date | None = None, subject: str | None = None) -> Scope:
    today = today or date.today()
    as_of = min(p.end, max(today, p.start))
    if not (subject or "").strip():
        return Scope(p, as_of)
    subject = subject.strip()
    ids = matching_topics(ctx, subject)
    if ids:
        marks = ", ".join("?" * len(ids))
        return Scope(p, as_of, f"o.topic_id IN ({marks})", tuple(ids), subject)
    query = fts_query(subject)
    if not query:
        raise ValidationError("Vấn đề báo cáo cần có ít nhất một từ để tìm các ý kiến liên quan.")
    return Scope(p, as_of, "+o.rowid IN (SELECT rowid FROM opinions_fts WHERE opinions_fts MATCH ?)",
                 (query,), subject)


def matching_topics(ctx: Ctx, subject: str) -> list[str]:
    """Topics whose title contains the subject or is contained in it (accents ignored)."""
    key = fold(subject).strip(" .")
    found = []
    for topic_id, title in ctx.db.execute("SELECT id, title FROM topics").fetchall():
        folded = fold(title)
        if key and (key in folded or folded in key):
            found.append(topic_id)
    return found
