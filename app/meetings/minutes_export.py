"""Minutes (BIÊN BẢN) of a meeting as DOCX or PDF, in the official layout.

The document itself is composed by the reports capability (app/reports/minutes.py:
`minutes_document(ctx, meeting_id)`); this module only renders it and writes the file, so the
meetings page and the CLI share one path and one refusal message.
"""

from __future__ import annotations

from pathlib import Path

from app import auth
from app.context import Ctx


def render_minutes(ctx: Ctx, meeting_id: str, kind: str = "docx") -> bytes:
    """The meeting's minutes as 'docx' or 'pdf' bytes (printing uses them without a file).
    The renderers are imported here, not at the top: they load reportlab and python-docx,
    which the meetings page should not pay for at start-up."""
    from app.reports.minutes import minutes_document
    from app.reports.render_docx import render_docx
    from app.reports.render_pdf import render_pdf

    auth.require(ctx, "export")
    doc = minutes_document(ctx, meeting_id)
    return render_pdf(doc) if kind == "pdf" else render_docx(doc)


def export_minutes(ctx: Ctx, meeting_id: str, path: str | Path, kind: str = "docx") -> Path:
    """Write the meeting's minutes to `path` as 'docx' or 'pdf'; returns the path."""
    data = render_minutes(ctx, meeting_id, kind)
    path = Path(path)
    path.write_bytes(data)
    return path
