"""Draft a report from the period's data, and keep the user's edits when regenerating.

Sections are stored in reports.sections (JSON): key, title, text, edited, and for the
first part a table and a chart. A section the user edited keeps its text on
regeneration (its figures table and chart are refreshed) unless asked to discard edits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from types import ModuleType

from app import catalog, discovery
from app.context import Ctx
from app.errors import ValidationError
from app.reports import by_choice, figures_check, prose, store, transitions, wording
from app.reports.document import Chart, Table
from app.reports.facts import Facts, gather, office_kind
from app.reports.months_table import months_table as shared_months_table
from app.reports.period import ROMAN, Period, due_date, period_of
from app.reports.prose.general import months_table_label
from app.reports.report_settings import setting
from app.reports.signer import default_signer
from app.text import vn_number, vn_shares

SECTIONS = [
    ("general", "Tình hình tư tưởng, tâm trạng chung"),
    ("issues", "Dư luận xã hội về các vấn đề nổi bật"),
    ("hotspots", "Những vấn đề nổi cộm, điểm nóng cần quan tâm"),
    ("handling", "Kết quả tiếp nhận, xử lý, phản hồi thông tin dư luận"),
    ("network", "Hoạt động của đội ngũ cộng tác viên"),
    ("proposals", "Dự báo và đề xuất, kiến nghị"),
]
ASSESSMENT = ("assessment", "Đánh giá chung")
SUBJECT_TITLES = {"general": "Tình hình chung", "issues": "Dư luận xã hội về vấn đề"}
PERIODIC = ("monthly", "quarterly", "half_year", "annual")


def redrafters() -> dict[str, Callable[[Ctx, store.Report], list[dict]]]:
    """Report kinds whose sections another capability drafts (the survey report) provide
    `app/<capability>/redraft.py` with `REDRAFT = {kind: function}`; found by module name
    (app/discovery.py, which also works in the bundle), so this module imports none of them."""
    found: dict[str, Callable[[Ctx, store.Report], list[dict]]] = {}
    for module in discovery.in_capabilities("redraft"):
        found.update(module.REDRAFT)
    return found


def column_label(p: Period) -> str:
    """A period as a table header: 'Tháng 12/2026', 'Quý IV/2026', '6 tháng đầu 2026', 'Năm 2026'."""
    s = p.start
    if p.kind == "monthly":
        return f"Tháng {s.month}/{s.year}"
    if p.kind == "quarterly":
        return f"Quý {ROMAN[(s.month - 1) // 3]}/{s.year}"
    if p.kind == "half_year":
        return f"6 tháng {'đầu' if s.month == 1 else 'cuối'} {s.year}"
    if p.kind == "annual":
        return f"Năm {s.year}"
    return f"Từ {s:%d/%m/%Y} đến {p.end:%d/%m/%Y}"


def figures_table(f: Facts) -> Table:
    """Items by field in this period, named in the header; against the previous period only
    when the data cover it and this period is over (else the shares)."""
    now_label = column_label(f.period) + (f" (đến {f.as_of:%d/%m})" if f.running else "")
    by_field = f.by_field
    caption = f"Bảng 1. Số ý kiến dư luận theo lĩnh vực, {f.label}"
    if not f.has_prev or f.running:
        counts = [by_field.get(code, 0) for code in catalog.FIELDS]
        shares = vn_shares(counts, f.total, total=True) if f.total else ["–"] * (len(counts) + 1)
        rows = [[label, vn_number(n), share] for label, n, share in zip(catalog.FIELDS.values(), counts, shares, strict=False)]
        rows.append(["Tổng cộng", vn_number(f.total), shares[-1]])
        return Table(["Lĩnh vực", now_label, "Tỷ lệ"], rows, widths_mm=[85, 40, 40], caption=caption,
                     bold_last_row=True)
    rows = []
    for code, label in catalog.FIELDS.items():
        now, before = by_field.get(code, 0), f.prev_by_field.get(code, 0)
        rows.append([label, vn_number(now), vn_number(before), wording.signed(now - before)])
    rows.append(["Tổng cộng", vn_number(f.total), vn_number(f.prev_total), wording.signed(f.total - f.prev_total)])
    return Table(["Lĩnh vực", now_label, column_label(f.previous), "Tăng, giảm"], rows, widths_mm=[75, 30, 30, 30],
                 caption=caption, bold_last_row=True)


def months_table(f: Facts) -> Table:
    """A longer period's months, each named, with its items by tendency (the months' series)."""
    return shared_months_table(f.monthly, f.as_of,
                               f"{months_table_label(f)}. Số ý kiến theo tháng và xu hướng, {f.label}")


def figures_chart(f: Facts) -> Chart:
    fields, tendencies = list(catalog.FIELDS), list(catalog.TENDENCIES)
    values = [[f.cells.get((fl, t), 0) for fl in fields] for t in tendencies]
    return Chart(f"Biểu đồ 1. Ý kiến dư luận theo lĩnh vực và xu hướng, {f.period.label}",
                 list(catalog.FIELDS.values()), list(catalog.TENDENCIES.values()), values)


def sections_for(f: Facts) -> list[tuple[str, str]]:
    """The parts of a report of this kind: a month's six; a quarter, half year or year adds the
    overall assessment, and a year closes with the next year's direction and tasks; an ad-hoc or
    thematic report keeps to its subject (no part on the collaborators' network)."""
    kind = f.period.kind
    if kind in ("adhoc", "thematic"):
        return [(k, SUBJECT_TITLES.get(k, t)) for k, t in SECTIONS if k != "network"]
    if kind == "monthly":
        return list(SECTIONS)
    out = [*SECTIONS[:-1], ASSESSMENT, SECTIONS[-1]]
    if kind == "annual":
        out.append(("directions", f"Phương hướng, nhiệm vụ năm {f.period.start.year + 1}"))
    return out


def build_sections(f: Facts) -> list[dict]:
    sections = []
    parts = sections_for(f)
    texts = prose.write_all(f, [k for k, _ in parts])
    for key, title in parts:
        section = {"key": key, "title": title, "text": texts[key], "edited": False}
        if key == "general" and f.subject:  # one subject: its months, no survey of every field
            section["table"] = asdict(months_table(f))
        elif key == "general":
            section["table"] = asdict(figures_table(f))
            more = [months_table(f)] if len(f.monthly) > 1 else []
            declared = by_choice.tables(f.by_choice, f.total, f", {f.label}")
            for n, table in enumerate(declared, start=2 + len(more)):   # after Bảng 1 (fields), Bảng 2 (months)
                table.caption = f"Bảng {n}. {table.caption}"
            if more or declared:
                section["tables"] = [asdict(t) for t in more + declared]
            if f.total:  # a chart of zeros shows nothing
                section["chart"] = asdict(figures_chart(f))
        sections.append(section)
    return sections


SUBJECT_LEAD = "tình hình dư luận xã hội về "


def subject_of(report: store.Report) -> str | None:
    """The subject of an ad-hoc or thematic report, read back from its title."""
    if report.kind in PERIODIC or not report.title.startswith(SUBJECT_LEAD):
        return None
    return report.title[len(SUBJECT_LEAD):]


def subject_for(p: Period, topic: str | None = None) -> str:
    if topic:
        return f"{SUBJECT_LEAD}{topic.strip()}"
    return f"tình hình tư tưởng, tâm trạng và dư luận xã hội {p.label}"


def draft_report(ctx: Ctx, kind: str = "monthly", anchor: date | None = None, *, start: date | None = None,
                 end: date | None = None, topic: str | None = None) -> store.Report:
    """Create a new draft report of `kind` for the period containing `anchor` (periodic kinds)
    or [start, end] (ad-hoc, thematic); `topic` names the subject of an ad-hoc/thematic one."""
    if kind not in store.KINDS or kind in ("minutes", "survey"):
        raise ValidationError("Loại báo cáo không hợp lệ.")
    if kind in PERIODIC:
        p = period_of(kind, anchor or date.today())
    else:
        if not (start and end) or end < start:
            raise ValidationError("Cần ghi rõ kỳ báo cáo: từ ngày … đến ngày … (ngày kết thúc không trước ngày "
                                  "bắt đầu).")
        if not (topic or "").strip():
            raise ValidationError("Báo cáo đột xuất, chuyên đề cần ghi rõ vấn đề báo cáo.")
        p = Period(kind, start, end)
    mode = setting(ctx, "report_signer_mode")
    consolidated = _consolidated(ctx, p)
    due = consolidated.due(ctx, p) if consolidated else due_date(ctx, p)
    report = store.Report(
        kind=kind, period_start=p.start.isoformat(), period_end=p.end.isoformat(),
        title=consolidated.subject(p, ctx) if consolidated else subject_for(p, topic),
        sections=consolidated.build(ctx, p) if consolidated else build_sections(
            gather(ctx, p, subject=topic if kind not in PERIODIC else None)),
        recipients=list(setting(ctx, "report_recipients")),
        due_on=due.isoformat() if due else None, signer_name=default_signer(ctx),
        signer_title="Phó Trưởng ban" if mode == "kt" else "Trưởng ban", signer_mode=mode,
        drafted_figures=figures_check.of_period(ctx, p),
    )
    return store.create(ctx, report)


def _consolidated(ctx: Ctx, p: Period) -> ModuleType | None:
    """The consolidated report's drafting (app.reports.consolidated.sections) when a province
    office drafts a periodic report: it sums up the communes' reports of that period (the
    generic drafting would list each commune's copy of every topic), one register path."""
    if p.kind not in PERIODIC or office_kind(ctx) != "province":
        return None
    from app.reports.consolidated import sections

    return sections


def period_for(report: store.Report) -> Period:
    return Period(report.kind, date.fromisoformat(report.period_start), date.fromisoformat(report.period_end))


def regenerate(ctx: Ctx, report_id: str, discard_edits: bool = False) -> store.Report:
    """Redraft from the current data; edited sections keep their text unless `discard_edits`. The
    draft then remembers the figures it was redrafted from (app.reports.figures_check)."""
    report = transitions.load(ctx, report_id, "edit")
    old = {s["key"]: s for s in report.sections}
    other = redrafters().get(report.kind)
    consolidated = _consolidated(ctx, period_for(report))
    if other is not None:
        fresh = other(ctx, report)
    elif consolidated:
        fresh = consolidated.build(ctx, period_for(report))
    else:
        fresh = build_sections(gather(ctx, period_for(report), subject=subject_of(report)))
    report.drafted_figures = figures_check.current(ctx, report)
    keys = {s["key"] for s in fresh}
    for section in fresh:
        previous = old.get(section["key"])
        if previous and previous.get("edited") and not discard_edits:
            section["text"], section["edited"] = previous["text"], True
    if not discard_edits:
        # An edited section of an older layout (e.g. a separate "forecast") is kept, not lost.
        fresh += [s for s in report.sections if s.get("edited") and s["key"] not in keys]
    report.sections = fresh
    return store.save(ctx, report)


def edit_section(ctx: Ctx, report_id: str, key: str, text: str) -> store.Report:
    """Save the user's text of one section and mark it edited (kept on regeneration)."""
    report = transitions.load(ctx, report_id, "edit")
    for section in report.sections:
        if section["key"] == key:
            if section["text"] != text:
                section["text"], section["edited"] = text.strip(), True
            break
    else:
        raise ValidationError("Không tìm thấy mục cần sửa trong báo cáo.")
    return store.save(ctx, report)
