"""One draft per report kind and period, unless the user asks for another version.

A second "Soạn dự thảo" for the same month used to create a second draft, which then stayed
in the register forever. `start_draft` finds an unsigned report of the same kind and period
(and, for ad-hoc and thematic reports, the same subject) and returns it instead, saying so;
`new=True` creates another version on purpose. The GUI asks "Đã có dự thảo tháng 11/2026 —
mở dự thảo đó?", the CLI prints the existing id and a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.context import Ctx
from app.reports import draft, store
from app.reports.period import Period, period_of

OPEN_STATUSES = ("draft", "submitted", "approved")


@dataclass(frozen=True)
class Started:
    report: store.Report
    existing: bool  # True: an open draft of this kind and period was found, nothing created


def period_words(p: Period) -> str:
    """'tháng 11/2026', 'quý IV/2026', '6 tháng đầu năm 2026', 'năm 2026', 'từ 01/11/2026 đến …'."""
    if p.kind == "monthly":
        return f"tháng {p.start.month}/{p.start.year}"
    if p.kind == "quarterly":
        return p.label.replace(" năm ", "/")
    return p.label


def existing_draft(ctx: Ctx, kind: str, p: Period, topic: str | None = None) -> store.Report | None:
    """This office's newest unsigned report of `kind` for exactly period `p` (and subject)."""
    marks = ",".join("?" * len(OPEN_STATUSES))
    rows = ctx.db.query(
        f"SELECT id FROM reports WHERE origin = ? AND kind = ? AND period_start = ? AND period_end = ? "
        f"AND status IN ({marks}) ORDER BY updated_at DESC",
        [ctx.origin, kind, p.start.isoformat(), p.end.isoformat(), *OPEN_STATUSES])
    for row in rows:
        report = store.get(ctx, row["id"])
        if kind in draft.PERIODIC or report.title == draft.subject_for(p, topic):
            return report
    return None


def draft_period(kind: str, anchor: date | None, start: date | None, end: date | None) -> Period | None:
    if kind in draft.PERIODIC:
        return period_of(kind, anchor or date.today())
    return Period(kind, start, end) if start and end else None


def start_draft(ctx: Ctx, kind: str = "monthly", anchor: date | None = None, *, start: date | None = None,
                end: date | None = None, topic: str | None = None, new: bool = False) -> Started:
    """The open draft of this kind and period if there is one (unless `new`), else a new draft."""
    p = draft_period(kind, anchor, start, end)
    if not new and p is not None and kind in store.KINDS:
        found = existing_draft(ctx, kind, p, topic)
        if found is not None:
            return Started(found, True)
    return Started(draft.draft_report(ctx, kind, anchor, start=start, end=end, topic=topic), False)


def exists_message(report: store.Report) -> str:
    p = draft.period_for(report)
    return f"Đã có dự thảo {period_words(p)} — mở dự thảo đó?"
