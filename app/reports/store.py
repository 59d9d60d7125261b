"""Report records: the register row with its editable sections (JSON)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

from app import auth, records
from app.context import Ctx

KINDS = {
    "monthly": "Tháng",
    "quarterly": "Quý",
    "half_year": "6 tháng",
    "annual": "Năm",
    "adhoc": "Đột xuất",
    "thematic": "Chuyên đề",
    "minutes": "Biên bản",
    "survey": "Điều tra",
}
STATUSES = {
    "draft": "Dự thảo",
    "submitted": "Đã trình",
    "approved": "Đã duyệt",
    "signed": "Đã ký",
    "sent": "Đã gửi",
}


@dataclass
class Report:
    kind: str
    period_start: str
    period_end: str
    title: str
    sections: list[dict] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    number: int | None = None
    issued_on: str | None = None
    due_on: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    status: str = "draft"
    pdf_sha256: str | None = None
    id: str | None = None
    origin: str | None = None
    version: int = 0
    updated_at: str | None = None


_COLUMNS = [f.name for f in fields(Report)]


def _to_row(r: Report) -> dict:
    row = {k: getattr(r, k) for k in _COLUMNS if k not in ("id", "origin", "version", "updated_at")}
    row["sections"] = json.dumps(r.sections, ensure_ascii=False)
    row["recipients"] = json.dumps(r.recipients, ensure_ascii=False)
    return row


def _from_row(row: dict) -> Report:
    data = {k: row.get(k) for k in _COLUMNS}
    data["sections"] = json.loads(data["sections"] or "[]")
    data["recipients"] = json.loads(data["recipients"] or "[]")
    return Report(**data)


def create(ctx: Ctx, r: Report) -> Report:
    auth.require(ctx, "draft")
    return get(ctx, records.insert(ctx, "reports", _to_row(r)))


def save(ctx: Ctx, r: Report) -> Report:
    auth.require(ctx, "draft")
    records.update(ctx, "reports", r.id, _to_row(r))
    return get(ctx, r.id)


def get(ctx: Ctx, report_id: str) -> Report:
    return _from_row(records.get(ctx, "reports", report_id))


def list_reports(ctx: Ctx, year: int | None = None, kind: str | None = None) -> list[Report]:
    sql, params = "SELECT * FROM reports WHERE 1=1", []
    if year:
        sql += " AND period_start LIKE ?"
        params.append(f"{year}-%")
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    sql += " ORDER BY period_start DESC, number DESC"
    return [_from_row(r) for r in ctx.db.query(sql, params)]
