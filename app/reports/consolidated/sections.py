"""The consolidated report as register sections: what `report draft --month` (or a quarter,
half year or year) gives at a province office, so the report is numbered, approved, signed and sent like any other
(app.reports.register) and a clerk's edits survive a redraft (app.reports.draft).

Six parts in the order of a monthly report (FORMAT.md), each a text with its tables placed
by "[Bảng N]" lines (app.reports.compose). One row per topic and per social group; the
commune table lists the communes with most items, never all 168 — the page budget is
12 pages for 168 communes (tests/reports/test_consolidated_report.py holds it).
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date, timedelta

from app import catalog
from app.context import Ctx
from app.reports import by_choice
from app.reports.compose import figure_marker
from app.reports.consolidated import actions, directions, wording
from app.reports.consolidated.facts import ProvinceFacts, gather, local_kinds
from app.reports.document import Table
from app.reports.months_table import months_table as shared_months_table
from app.reports.period import Period, due_date
from app.reports.prose.words import nhan_dan
from app.reports.report_settings import setting
from app.text import vn_number, vn_percents

TITLES = {
    "general": "Tình hình báo cáo và tình hình tư tưởng chung",
    "issues": "Dư luận xã hội về các vấn đề nổi bật",
    "hotspots": "Những vấn đề nổi cộm, điểm nóng và các đơn vị cần quan tâm",
    "handling": "Kết quả tiếp nhận, xử lý, phản hồi thông tin dư luận ở các đơn vị",
    "network": "Đội ngũ cộng tác viên dư luận xã hội",
    "proposals": "Dự báo và đề xuất, kiến nghị",
}
TOPIC_ROWS = 12


def due(ctx: Ctx, p: Period) -> date | None:
    """The Ban's own deadline: the month's on its own day (setting consolidated_report_due_day);
    a quarter's, half year's or year's as many days after the communes' deadline as the
    month's is after theirs — the Ban sums up reports that are due before it."""
    if p.kind == "monthly":
        return due_date(ctx, p, "consolidated_report_due_day")
    communes = due_date(ctx, p)
    gap = int(setting(ctx, "consolidated_report_due_day")) - int(setting(ctx, "monthly_report_due_day"))
    return communes + timedelta(days=max(0, gap)) if communes else None


def subject(p: Period, ctx: Ctx | None = None) -> str:
    """The report's title, naming the kinds of units the province has (no 'đặc khu' where there is none)."""
    kinds = local_kinds(ctx) if ctx is not None else "xã, phường, đặc khu"
    return f"tổng hợp tình hình dư luận xã hội các {kinds} {p.label}"


def _n(value: int) -> str:
    return vn_number(value) if value else "–"


def of_period(f: ProvinceFacts) -> str:
    """A table title's period: ', tháng 11 năm 2026', and while the communes' reports are still
    coming in, whose figures they are and to which day."""
    label = f", {f.period.label}"
    if not f.not_yet_due:
        return label
    return label + f" (số liệu tạm thời của {vn_number(sum(1 for u in f.units if u.total))}/" \
                   f"{vn_number(len(f.units))} đơn vị, đến ngày {f.today:%d/%m/%Y})"


def field_table(f: ProvinceFacts) -> Table:
    rows = [[label, *(_n(f.cells.get((code, t), 0)) for t in catalog.TENDENCIES), _n(f.by_field.get(code, 0))]
            for code, label in catalog.FIELDS.items()]
    rows.append(["Tổng cộng", *(_n(f.by_tendency.get(t, 0)) for t in catalog.TENDENCIES), _n(f.total)])
    return Table(["Lĩnh vực", *catalog.TENDENCIES.values(), "Cộng"], rows, widths_mm=[45, 24, 24, 24, 24, 24],
                 caption=f"Ý kiến theo lĩnh vực và xu hướng{of_period(f)}", bold_last_row=True)


def months_table(f: ProvinceFacts) -> Table:
    """A quarter's, half year's or year's months, as a commune's periodic report shows them."""
    months = [(m.start, m.items, m.by_tendency) for m in f.month_figures]
    return shared_months_table(months, min(f.today, f.period.end), f"Số ý kiến theo tháng và xu hướng{of_period(f)}",
                               provisional={m.start for m in f.month_figures if not m.closed}, zero="–")


def topic_table(f: ProvinceFacts) -> Table:
    rows = [[t.title, catalog.label(catalog.FIELDS, t.field), vn_number(len(t.units)), vn_number(t.count),
             _n(t.tendency.get("frustration", 0) + t.tendency.get("distortion", 0)), _n(len(t.hot_units))]
            for t in f.topics[:TOPIC_ROWS]]
    rest = f.topics[TOPIC_ROWS:]
    if rest:
        rows.append([f"Các vấn đề khác ({vn_number(len(rest))})", "", "", vn_number(sum(t.count for t in rest)),
                     _n(sum(t.tendency.get("frustration", 0) + t.tendency.get("distortion", 0) for t in rest)),
                     ""])
    return Table(["Vấn đề", "Lĩnh vực", "Số đơn vị", "Số ý kiến", "Bức xúc, trái chiều", "Đơn vị báo nổi cộm"],
                 rows, widths_mm=[62, 30, 18, 18, 20, 17], caption=f"Các vấn đề dư luận quan tâm{of_period(f)}")


def unit_table(f: ProvinceFacts) -> Table:
    units = wording.top_units(f)
    rates = iter(vn_percents([(u.frustration, u.total) for u in units if u.frustration]))
    rows = [[u.name, vn_number(u.total), _n(u.frustration), next(rates) if u.frustration else "–",
             _n(u.high_risk), _n(u.overdue)] for u in units]
    overdue = f"Quá hạn xử lý (đến {f.handling.as_of:%d/%m/%Y})"
    return Table(["Đơn vị", "Số ý kiến", "Bức xúc, phản đối", "Tỷ lệ bức xúc", "Nguy cơ điểm nóng", overdue],
                 rows, widths_mm=[46, 20, 24, 22, 24, 29],
                 caption=f"Các đơn vị có nhiều ý kiến nhất{of_period(f)}")


def group_table(f: ProvinceFacts) -> Table:
    rows = []
    for code, label in catalog.STRATA.items():
        c = f.groups.get(code)
        if c:
            rows.append([label, vn_number(sum(c.values())), *(_n(c.get(t, 0)) for t in catalog.TENDENCIES)])
    return Table(["Giai tầng", "Số ý kiến", *catalog.TENDENCIES.values()], rows,
                 widths_mm=[55, 20, 22, 22, 22, 24], caption=f"Ý kiến theo giai tầng xã hội{of_period(f)}")


def _text(lines: list[str]) -> str:
    return "\n".join(nhan_dan(line) for line in lines)


class _Sections:
    """Sections in order, their tables numbered as they come (a table left out leaves no gap)."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self.tables = 0

    def add(self, key: str, parts: list[tuple[list[str], Table | None]], title: str = "") -> None:
        texts, figures = [], {}
        for lines, table in parts:
            texts.append(_text(lines))
            if table is not None:
                self.tables += 1
                label = f"Bảng {self.tables}"
                table.caption = f"{label}. {table.caption}"
                figures[label] = {"table": asdict(table)}
                texts.append(figure_marker(label))
        section: dict = {"key": key, "title": title or TITLES[key], "text": "\n".join(t for t in texts if t), "edited": False}
        if figures:
            section["figures"] = figures
        self.items.append(section)


def build(ctx: Ctx, p: Period, today: date | None = None) -> list[dict]:
    f = gather(ctx, p, today or date.today())
    f.keywords = keywords(ctx, p) if f.total else []
    groups = actions.groups(f)
    out = _Sections()
    out.add("general", [(wording.arrivals(f) + wording.assessment(f) + wording.by_field(f),
                         field_table(f) if f.total else None),
                        (wording.monthly_series(f), months_table(f) if f.total and f.month_figures else None),
                        *(([], table) for table in (by_choice.tables(f.by_choice, f.total, of_period(f))
                                                    if f.total else []))])
    out.add("issues", [(wording.topics(f), topic_table(f) if f.topics else None),
                       (groups, group_table(f) if groups else None)])
    out.add("hotspots", [(wording.hot_spots(f) + wording.busiest(f), unit_table(f) if f.total else None)])
    out.add("handling", [(actions.handling(f), None)])
    out.add("network", [(actions.network(f), None)])
    out.add("proposals", [(actions.forecast(f) + actions.proposals(f), None)])
    if p.kind == "annual":      # a year closes with the next year's direction and tasks, as a commune's does
        out.add("directions", [(directions.directions(f), None)], directions.title(f))
    return out.items


def keywords(ctx: Ctx, p: Period, n: int = 8) -> list[str]:
    """The month's distinctive words across the communes, kept only as the clerks wrote them:
    a keyword must occur, accents and all, as whole words in the month's item texts, so an
    accent-stripped feature ("binh ghi") is never printed. Which words make a keyword is
    app.analytics.keywords' call (its word segmentation). A province's keyword must also be
    the province's: written in the items of at least a third of the communes with items that
    month — one topic of four communes ("nâng cấp, thi công, kiểm đếm" from 15 of 296 items)
    is not what the province talked about."""
    from app.analytics.keywords import month_keywords

    if p.kind != "monthly":
        return []     # the keywords set a month against the months before it
    found = month_keywords(ctx, p.start.strftime("%Y-%m"), n * 3)
    by_origin: dict[str, list[str]] = {}
    for origin, summary in ctx.db.execute("SELECT origin, summary FROM opinions WHERE received_on BETWEEN ? AND ?",
                                          [p.start.isoformat(), p.end.isoformat()]):
        by_origin.setdefault(origin, []).append(summary or "")
    written = {o: f" {_words(' '.join(texts))} " for o, texts in by_origin.items()}
    wide = max(2, -(-len(written) // 3))
    # One-syllable features ("hàng", "mất") say nothing to a reader; words of two or more do.
    return [k for k in found if len(k.split()) > 1
            and sum(f" {_words(k)} " in text for text in written.values()) >= wide][:n]


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
