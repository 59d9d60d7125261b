"""Before a report is submitted: text that looks like it names a citizen (a name, a phone or
an ID number) goes on only on the user's word, since it would be printed into the PDF
(issue 25). Same detector and question as the opinion entry: keep, edit, or remove."""

from __future__ import annotations

from typing import Any

from app.opinions import privacy
from app.reports import draft
from ui import privacy_ask


def checked(panel: Any) -> bool:
    """True to go on with submitting `panel.report` (a ui.report.panel.ReportPanel); on "Sửa lại"
    the first section concerned is opened for editing; "Bỏ…" replaces what was found."""
    report = panel.report
    found = privacy.check_sections(report.sections)
    if not found:
        return True
    choice = privacy_ask.ask([f"Mục «{title}»: {hint.message}" for title, hint in found], panel, "báo cáo", "trình")
    if choice == privacy_ask.EDIT:
        titles = [s.get("title") or s["key"] for s in report.sections]
        panel.tabs.setCurrentIndex(0)
        panel.section_list.setCurrentRow(titles.index(found[0][0]))
        panel.section_text.setFocus()
        return False
    if choice == privacy_ask.REMOVE:
        for section in report.sections:
            if privacy.check(section["text"]):
                report = draft.edit_section(panel.ctx, report.id, section["key"], privacy.redact(section["text"]))
        panel._reload(report)
    return True
