"""Figures that changed after drafting: a draft remembers the figures it was made from, and
submitting, approving and signing compare them with the data as it is now.

Contract: `of_period(ctx, period)` gives the figures a periodic, ad-hoc, thematic or
consolidated report states (label → number, labels in Vietnamese as a head reads them);
`current(ctx, report)` those of a report from today's data (a survey report: its answered forms), None for a kind that
is not drafted from the opinion data; `changes(ctx, report)` the differences, each
"Số ý kiến: 120 → 124", empty when the draft remembers nothing (made before this check) or
nothing moved. `FiguresChanged` is what signing raises when figures moved and the signer
has not confirmed: a report signed with old figures and no word is what a head must never
find out about afterwards.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app import catalog
from app.context import Ctx
from app.errors import ValidationError
from app.opinions.handling import figures as handling_figures
from app.reports import store
from app.reports.period import Period

FROM_OPINIONS = ("monthly", "quarterly", "half_year", "annual", "adhoc", "thematic")


class FiguresChanged(ValidationError):
    """Signing refused until the signer confirms the old figures (or redrafts)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__(f"{headline(lines)} Hãy soạn lại dự thảo, hoặc xác nhận ký với số liệu như trong dự thảo.")


def of_period(ctx: Ctx, p: Period) -> dict[str, int]:
    """The figures of the report's tables and sentences a reader would check, read in a few
    grouped queries (the same selections as app.reports.facts.gather, without its topic texts
    and keywords, so a check at a province of 168 communes stays cheap)."""
    between = [p.start.isoformat(), p.end.isoformat()]
    db = ctx.db
    by_field: Counter = Counter()
    by_tendency: Counter = Counter()
    high = 0
    for fl, tendency, n, risky in db.execute(
            "SELECT field, tendency, count(*), sum(hotspot_risk = 'high') FROM opinions "
            "WHERE received_on BETWEEN ? AND ? GROUP BY field, tendency", between).fetchall():
        by_field[fl] += n
        by_tendency[tendency] += n
        high += int(risky or 0)
    areas, reporters = db.execute(
        "SELECT count(DISTINCT area_code), count(DISTINCT collaborator_id) FROM opinions "
        "WHERE received_on BETWEEN ? AND ?", between).fetchone()
    meetings = db.execute("SELECT count(*) FROM meetings WHERE held_on BETWEEN ? AND ?", between).fetchone()[0]
    active = db.execute("SELECT count(*) FROM collaborators WHERE status = 'active'").fetchone()[0]
    h = handling_figures(ctx, *between)
    out = {"Số ý kiến": sum(by_field.values())}
    out.update({f"Lĩnh vực {label}": by_field.get(code, 0) for code, label in catalog.FIELDS.items()})
    out.update({f"Xu hướng {label}": by_tendency.get(code, 0) for code, label in catalog.TENDENCIES.items()})
    out.update({
        "Ý kiến có nguy cơ thành điểm nóng": high, "Địa bàn có ý kiến": int(areas or 0),
        "Đã chuyển xử lý": h.forwarded, "Đã giải quyết": h.resolved, "Đã phản hồi": h.answered,
        "Quá hạn xử lý": h.overdue, "Hội nghị giao ban": int(meetings),
        "Cộng tác viên đang hoạt động": int(active), "Cộng tác viên có phản ánh": int(reporters or 0),
    })
    return out


def current(ctx: Ctx, report: store.Report) -> dict[str, int] | None:
    if report.kind in FROM_OPINIONS:
        from datetime import date

        return of_period(ctx, Period(report.kind, date.fromisoformat(report.period_start),
                                     date.fromisoformat(report.period_end)))
    if report.kind == "survey" and report.survey_id:
        n = ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [report.survey_id])
        return {"Số phiếu": int(n.fetchone()[0])}
    return None


@dataclass(frozen=True)
class Change:
    label: str
    before: int
    now: int

    def __str__(self) -> str:
        return f"{self.label}: {self.before} → {self.now}"


def changes(ctx: Ctx, report: store.Report) -> list[str]:
    """What moved since the draft was made, "Số ý kiến: 120 → 124" each, the total first."""
    before = report.drafted_figures
    if not before or report.status in store.FROZEN:
        return []
    now = current(ctx, report)
    if now is None:
        return []
    labels = list(before) + [k for k in now if k not in before]
    return [str(Change(k, int(before.get(k, 0)), int(now.get(k, 0))))
            for k in labels if int(before.get(k, 0)) != int(now.get(k, 0))]


def headline(lines: list[str]) -> str:
    return "Số liệu đã thay đổi kể từ khi soạn dự thảo: " + "; ".join(lines) + "."
