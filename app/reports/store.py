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
    doc_code: str = "BC"  # BC báo cáo, BB biên bản (document.DOC_TYPES)
    number_year: int | None = None
    confidentiality: str = ""  # document.MARKS key: "", mat, toi_mat, khan, hoa_toc
    signer_mode: str = "tm"  # tm: T/M the collective; kt: K/T for the head
    supersedes: str | None = None  # the signed report this version replaces
    submitted_on: str | None = None
    approved_on: str | None = None
    signed_at: str | None = None
    sent_on: str | None = None
    meeting_id: str | None = None
    survey_id: str | None = None  # kind 'survey': the survey it reports on (app.surveys.registered)
    survey_weight: str | None = None  # and the weighting mode it was tabulated with
    drafted_figures: dict | None = None  # label -> figure the draft was made from (app.reports.figures_check)
    id: str | None = None
    origin: str | None = None
    version: int = 0
    updated_at: str | None = None


_COLUMNS = [f.name for f in fields(Report)]


def _to_row(r: Report) -> dict:
    row = {k: getattr(r, k) for k in _COLUMNS if k not in ("id", "origin", "version", "updated_at")}
    row["sections"] = json.dumps(r.sections, ensure_ascii=False)
    row["recipients"] = json.dumps(r.recipients, ensure_ascii=False)
    row["drafted_figures"] = None if r.drafted_figures is None else json.dumps(r.drafted_figures, ensure_ascii=False)
    return row


def _from_row(row: dict) -> Report:
    data = {k: row.get(k) for k in _COLUMNS}
    data["sections"] = json.loads(data["sections"] or "[]")
    data["recipients"] = json.loads(data["recipients"] or "[]")
    data["drafted_figures"] = json.loads(data["drafted_figures"]) if data.get("drafted_figures") else None
    return Report(**data)


FROZEN = ("signed", "sent")


def create(ctx: Ctx, r: Report) -> Report:
    auth.require(ctx, "draft")
    return get(ctx, records.insert(ctx, "reports", _to_row(r)))


def save(ctx: Ctx, r: Report) -> Report:
    auth.require(ctx, "draft")
    records.update(ctx, "reports", r.id, _to_row(r))
    return get(ctx, r.id)


def get(ctx: Ctx, report_id: str) -> Report:
    return _from_row(records.get(ctx, "reports", report_id))


def put_file(ctx: Ctx, report_id: str, kind: str, data: bytes) -> None:
    """Keep a rendered or signed file with its report (travels with it in exchange packages)."""
    from app.ids import utc_now

    with ctx.transaction():
        ctx.db.execute(
            "INSERT INTO report_files (report_id, kind, bytes, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(report_id, kind) DO UPDATE SET bytes = excluded.bytes, created_at = excluded.created_at",
            [report_id, kind, data, utc_now()])


def get_file(ctx: Ctx, report_id: str, kind: str) -> bytes | None:
    row = ctx.db.execute("SELECT bytes FROM report_files WHERE report_id = ? AND kind = ?",
                         [report_id, kind]).fetchone()
    return bytes(row[0]) if row else None


def list_reports(ctx: Ctx, year: int | None = None, kind: str | None = None,
                 own: bool = True) -> list[Report]:
    """The register: this office's reports (own=True), or also those received from others."""
    sql, params = "SELECT * FROM reports WHERE 1=1", []
    if own:
        sql += " AND origin = ?"
        params.append(ctx.origin)
    if year:
        sql += " AND period_start LIKE ?"
        params.append(f"{year}-%")
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    sql += " ORDER BY period_start DESC, number DESC"
    return [_from_row(r) for r in ctx.db.query(sql, params)]
