"""At office creation: issue the office's document-signing certificate (signing.py)."""

from __future__ import annotations

from app.context import Ctx


def on_office_created(ctx: Ctx) -> None:
    from app.reports.signing import active_certificate

    active_certificate(ctx, create=True)
