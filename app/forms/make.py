"""`dlxh forms make`: write a survey's form, or every active collaborator's personal form,
into a folder. Files are written whole (temporary name, then renamed), and the tokens of
the collaborators' forms are stored in the same transaction as the files are written: a
failure part-way leaves no token for a form that was never written."""

from __future__ import annotations

import os
from pathlib import Path

from app import audit, auth
from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.context import Ctx
from app.errors import ValidationError
from app.forms import report_form, survey_form
from app.forms.page import MAX_PAGE_BYTES


def _write(folder: Path, name: str, page: str) -> Path:
    data = page.encode("utf-8")
    if len(data) > MAX_PAGE_BYTES:  # a guard on our own output: the bundle grew, or a huge questionnaire
        raise ValidationError(f"Phiếu điện tử {name} lớn quá ({len(data) // 1024} KB, tối đa "
                              f"{MAX_PAGE_BYTES // 1024} KB): hãy rút gọn phiếu hỏi.")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)
    return path


def survey_forms(ctx: Ctx, survey_id: str, folder: Path) -> Path:
    auth.require(ctx, "export")
    name, page = survey_form.build(ctx, survey_id)
    path = _write(Path(folder), name, page)
    audit.record(ctx, "make_form", "surveys", survey_id, {"file": name})
    return path


def collaborator_forms(ctx: Ctx, folder: Path) -> list[Path]:
    """One personal form per active collaborator; each gets a new token."""
    auth.require(ctx, "export")
    people = list_collaborators(ctx, CollaboratorFilter(status="active"))
    if not people:
        raise ValidationError("Chưa có cộng tác viên nào đang hoạt động: chưa làm phiếu báo cáo.")
    written: list[Path] = []
    try:
        with ctx.transaction():
            for person in people:
                name, page = report_form.issue_and_build(ctx, person)
                written.append(_write(Path(folder), name, page))
            audit.record(ctx, "make_form", "collaborators", "", {"forms": len(written)})
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
