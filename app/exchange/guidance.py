"""Guidance from the province (orientation notes, topics to watch), sent down in guidance
packages and shown on the district's Overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import auth, catalog, office, records
from app.context import Ctx
from app.errors import ValidationError
from app.validate import iso_date


@dataclass(frozen=True)
class Guidance:
    id: str
    origin: str
    kind: str
    title: str
    body: str
    field: str | None
    issued_on: str
    valid_until: str | None


def add_guidance(
    ctx: Ctx,
    *,
    title: str,
    body: str = "",
    kind: str = "note",
    field: str | None = None,
    valid_until: str | None = None,
    issued_on: str | None = None,
) -> str:
    auth.require(ctx, "draft")
    if office.get_office(ctx).role != "province":
        raise ValidationError("Chỉ cấp tỉnh ban hành hướng dẫn gửi các xã, phường.")
    title = (title or "").strip()
    if not title:
        raise ValidationError("Tiêu đề hướng dẫn không được để trống.", field="title")
    if kind not in ("note", "watch_topic"):
        raise ValidationError("Loại hướng dẫn không hợp lệ.", field="kind")
    if field and field not in catalog.FIELDS:
        raise ValidationError("Lĩnh vực không có trong danh mục.", field="field")
    return records.insert(
        ctx,
        "guidance",
        {
            "kind": kind,
            "title": title,
            "body": body.strip(),
            "field": field,
            "issued_on": iso_date(issued_on, "Ngày ban hành") or date.today().isoformat(),
            "valid_until": iso_date(valid_until, "Ngày hết hiệu lực"),
        },
    )


def list_guidance(ctx: Ctx, *, active_on: date | None = None) -> list[Guidance]:
    """Newest first; with active_on, only items still valid that day."""
    sql = "SELECT id, origin, kind, title, body, field, issued_on, valid_until FROM guidance"
    params: list = []
    if active_on:
        sql += " WHERE valid_until IS NULL OR valid_until >= ?"
        params.append(active_on.isoformat())
    return [Guidance(*r) for r in ctx.db.execute(sql + " ORDER BY issued_on DESC, id DESC", params).fetchall()]
