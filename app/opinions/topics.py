"""Topics (vấn đề dư luận quan tâm): items are grouped under them; status watch → hot → closed."""

from __future__ import annotations

from dataclasses import dataclass

from app import auth, catalog, records, validate
from app.context import Ctx
from app.errors import ValidationError


@dataclass
class Topic:
    title: str
    field: str
    opened_on: str
    status: str = "watch"
    closed_on: str | None = None
    notes: str | None = None
    handling: str = "new"
    forwarded_to: str | None = None
    forwarded_on: str | None = None
    due_on: str | None = None
    result: str | None = None
    resolved_on: str | None = None
    answered_on: str | None = None
    id: str | None = None
    origin: str | None = None
    version: int = 0
    updated_at: str | None = None


def clean(t: Topic) -> dict:
    row = records.editable_row(t)
    row["title"] = validate.bounded(t.title, "Tên vấn đề", validate.TITLE_MAX, "title")
    validate.one_of(t.field, catalog.FIELDS, "Lĩnh vực", "field")
    validate.one_of(t.status, catalog.TOPIC_STATUSES, "Trạng thái", "status")
    row["opened_on"] = validate.iso_date(validate.required(t.opened_on, "Ngày mở", "opened_on"), "Ngày mở")
    row["closed_on"] = validate.iso_date(t.closed_on, "Ngày kết thúc")
    validate.one_of(t.handling, catalog.HANDLING, "Tình trạng xử lý", "handling")
    for key, label in (("forwarded_on", "Ngày chuyển"), ("due_on", "Hạn xử lý"), ("resolved_on", "Ngày giải quyết"),
                       ("answered_on", "Ngày phản hồi")):
        row[key] = validate.iso_date(row[key], label, key)
    if t.status == "closed" and not row["closed_on"]:
        raise ValidationError("Cần ghi ngày kết thúc khi đóng vấn đề.", field="closed_on")
    return row


def create(ctx: Ctx, t: Topic) -> Topic:
    auth.require(ctx, "enter")
    return get(ctx, records.insert(ctx, "topics", clean(t)))


def update(ctx: Ctx, t: Topic) -> Topic:
    auth.require(ctx, "enter")
    if not t.id:
        raise ValidationError("Thiếu mã vấn đề.")
    records.update(ctx, "topics", t.id, clean(t))
    return get(ctx, t.id)


def get(ctx: Ctx, topic_id: str) -> Topic:
    row = records.get(ctx, "topics", topic_id)
    return records.from_row(Topic, row)


def list_topics(ctx: Ctx, status: str | None = None) -> list[Topic]:
    sql, params = "SELECT * FROM topics", []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    sql += " ORDER BY CASE status WHEN 'hot' THEN 0 WHEN 'watch' THEN 1 ELSE 2 END, opened_on DESC"
    return [records.from_row(Topic, r) for r in ctx.db.query(sql, params)]
