"""Minutes (BIÊN BẢN) of a meeting as DOCX or PDF, in the official layout.

The document itself is composed by the reports capability (app/reports/minutes.py:
`minutes_document(ctx, meeting_id)`); this module only renders it and writes the file, so the
meetings page and the CLI share one path and one refusal message.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from app import auth
from app.context import Ctx
from app.errors import DlxhError


def available() -> bool:
    try:
        importlib.import_module("app.reports.minutes")
    except ImportError:
        return False
    return True


def render_minutes(ctx: Ctx, meeting_id: str, kind: str = "docx") -> bytes:
    """The meeting's minutes as 'docx' or 'pdf' bytes (printing uses them without a file)."""
    auth.require(ctx, "export")
    try:
        minutes = importlib.import_module("app.reports.minutes")
    except ImportError as exc:
        raise DlxhError("Chức năng xuất biên bản hội nghị chưa có trong phiên bản này.") from exc
    doc = minutes.minutes_document(ctx, meeting_id)
    if kind == "pdf":
        from app.reports.render_pdf import render_pdf

        return getattr(minutes, "render_pdf", render_pdf)(doc)
    from app.reports.render_docx import render_docx

    return getattr(minutes, "render_docx", render_docx)(doc)


def export_minutes(ctx: Ctx, meeting_id: str, path: str | Path, kind: str = "docx") -> Path:
    """Write the meeting's minutes to `path` as 'docx' or 'pdf'; returns the path."""
    data = render_minutes(ctx, meeting_id, kind)
    path = Path(path)
    path.write_bytes(data)
    return path
