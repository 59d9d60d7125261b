"""Turn a stored report (register row + sections) into the format-neutral `Document`."""

from __future__ import annotations

import re
from datetime import date

from app import office
from app.context import Ctx
from app.reports.document import (
    DOC_TYPES,
    Block,
    Chart,
    Document,
    Header,
    Heading,
    Table,
    mark_text,
    number_text,
    signature,
    text_blocks,
)
from app.reports.period import ROMAN
from app.reports.signer import NO_SIGNER
from app.reports.store import Report
from app.text import vn_date_line


def header_for(ctx: Ctx, number: int | None, doc_code: str, on: date, mark: str = "") -> Header:
    o = office.get_office(ctx)
    return Header(o.superior_name, o.body_name, number_text(number, doc_code, o.body_code),
                  vn_date_line(o.place_name, on), mark_text(mark))


# A line "[Bảng 2]" / "[Biểu đồ 1]" in a section's text places that figure of the section's
# "figures" there (survey reports interleave many tables with text); the user may move or
# delete the line like any other.
FIGURE_LINE = re.compile(r"^\[((?:Bảng|Biểu đồ) \d+)\]$")


def figure_marker(label: str) -> str:
    return f"[{label}]"


def _text_and_figures(text: str, figures: dict[str, dict]) -> list[Block]:
    blocks: list[Block] = []
    pending: list[str] = []
    for line in text.splitlines():
        match = FIGURE_LINE.match(line.strip())
        figure = figures.get(match.group(1)) if match else None
        if figure is None:
            pending.append(line)
            continue
        blocks.extend(text_blocks("\n".join(pending)))
        pending = []
        blocks.append(Table(**figure["table"]) if "table" in figure else Chart(**figure["chart"]))
    blocks.extend(text_blocks("\n".join(pending)))
    return blocks


def section_blocks(sections: list[dict]) -> list[Block]:
    blocks: list[Block] = []
    for index, section in enumerate(sections):
        blocks.append(Heading(1, f"{ROMAN[index]}. {section['title']}"))
        blocks.extend(_text_and_figures(section.get("text", ""), section.get("figures") or {}))
        if section.get("table"):
            blocks.append(Table(**section["table"]))
        blocks.extend(Table(**t) for t in section.get("tables") or [])  # e.g. a longer period's months
        if section.get("chart"):
            blocks.append(Chart(**section["chart"]))
    return blocks


def document_for(ctx: Ctx, report: Report, today: date | None = None) -> Document:
    on = date.fromisoformat(report.issued_on) if report.issued_on else (today or date.today())
    o = office.get_office(ctx)
    header = header_for(ctx, report.number, report.doc_code, on, report.confidentiality)
    return Document(
        header=header, doc_type=DOC_TYPES.get(report.doc_code, "BÁO CÁO"), subject=report.title,
        blocks=section_blocks(report.sections), recipients=list(report.recipients),
        signatures=[signature(o.body_name, report.signer_mode, report.signer_name or NO_SIGNER)],
        title_meta=f"{header.number} {report.title}",
    )
