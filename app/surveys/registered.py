"""The survey report kept in the report register (kind 'survey'), so it is numbered,
submitted, approved, signed and sent like any other report.

The report's sections are the survey document's parts (one per "I.", "II." heading):
headings and paragraphs become the editable text, and each table or chart is stored in
the section's "figures" with a "[Bảng n]" / "[Biểu đồ n]" line marking its place, which
app.reports.compose turns back into the same blocks. Redrafting (app.reports.draft.
regenerate) rebuilds them from the survey's current data and keeps edited text.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from app.context import Ctx
from app.errors import ValidationError
from app.office import get_office
from app.reports import figures_check, store
from app.reports.compose import figure_marker
from app.reports.document import Chart, Document, Heading, Paragraph, Table, signer_title
from app.reports.report_settings import setting
from app.reports.signer import default_signer
from app.surveys import tabulate as tb
from app.surveys.report import build_document, default_recipients


def sections_from_document(doc: Document) -> list[dict]:
    """Split the document at its level-1 headings into register sections."""
    sections: list[dict] = []
    lines: list[str] = []
    counts = {"Bảng": 0, "Biểu đồ": 0}
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level == 1:
            lines = []
            title = block.text.split(". ", 1)[1] if ". " in block.text else block.text
            sections.append({"key": f"part{len(sections) + 1}", "title": title, "text": "", "edited": False,
                             "figures": {}, "lines": lines})
            continue
        if not sections:
            raise ValueError("a survey document starts with a level-1 heading")
        if isinstance(block, (Heading, Paragraph)):
            lines.append(" ".join(block.text.splitlines()))  # one line, one block
        elif isinstance(block, (Table, Chart)):
            kind = "Bảng" if isinstance(block, Table) else "Biểu đồ"
            counts[kind] += 1
            label = f"{kind} {counts[kind]}"
            sections[-1]["figures"][label] = {"table" if kind == "Bảng" else "chart": asdict(block)}
            lines.append(figure_marker(label))
    for section in sections:
        section["text"] = "\n".join(section.pop("lines"))
    return sections


def survey_sections(ctx: Ctx, survey_id: str, weight: str = "auto") -> list[dict]:
    return sections_from_document(build_document(ctx, tb.load_data(ctx, survey_id, weight)))


def register_report(ctx: Ctx, survey_id: str, weight: str = "auto", signer_name: str | None = None) -> store.Report:
    """Save the survey report into the register as a new draft of kind 'survey'."""
    data = tb.load_data(ctx, survey_id, weight)
    doc = build_document(ctx, data)
    survey = data.survey
    today = date.today().isoformat()
    start = survey.starts_on or survey.ends_on or today
    mode = setting(ctx, "report_signer_mode")
    report = store.Report(
        kind="survey", period_start=start, period_end=max(start, survey.ends_on or start), title=doc.subject,
        sections=sections_from_document(doc), recipients=default_recipients(ctx),
        signer_name=(signer_name or "").strip() or default_signer(ctx), signer_mode=mode,
        signer_title=signer_title(get_office(ctx).body_name, mode),
        survey_id=survey.id, survey_weight=weight,
    )
    report.drafted_figures = figures_check.current(ctx, report)
    return store.create(ctx, report)


def regenerated_sections(ctx: Ctx, report: store.Report) -> list[dict]:
    """Fresh sections for a survey report of the register (draft.regenerate keeps edits;
    it finds this function through app/surveys/redraft.py)."""
    if not report.survey_id:
        raise ValidationError("Báo cáo này không gắn với cuộc điều tra nào trên máy này nên không soạn lại được.")
    return survey_sections(ctx, report.survey_id, report.survey_weight or "auto")

