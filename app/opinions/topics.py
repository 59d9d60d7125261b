"""Topics (vấn đề dư luận quan tâm): items are grouped under them; status watch → hot → closed."""

from __future__ import annotations

from dataclasses import dataclass

from app import catalog, kinds, records, validate
from app.context import Ctx
from app.errors import ValidationError


@dataclass
class Topic(kinds.Handled):
    title: str
    field: str
    opened_on: str
    status: str = "watch"
    closed_on: str | None = None
    notes: str | None = None
    id: str | None = None
    origin: str | None = None
    version: int = 0
    updated_at: str | None = None


# Each field's Vietnamese label, declared once (the topic form and the refusals read it).
LABELS: dict[str, str] = {
    "title": "Tên vấn đề", "field": "Lĩnh vực", "status": "Trạng thái", "opened_on": "Ngày mở",
    "closed_on": "Ngày kết thúc", "notes": "Ghi chú", **kinds.HANDLING_LABELS,
}


def clean(t: Topic) -> dict:
    row = records.editable_row(t)
    row["title"] = validate.bounded(t.title, LABELS["title"], validate.TITLE_MAX, "title")
    validate.one_of(t.field, catalog.FIELDS, LABELS["field"], "field")
    validate.one_of(t.status, catalog.TOPIC_STATUSES, LABELS["status"], "status")
    row["opened_on"] = validate.iso_date(validate.required(t.opened_on, LABELS["opened_on"], "opened_on"),
                                         LABELS["opened_on"], "opened_on")
    row["closed_on"] = validate.iso_date(t.closed_on, LABELS["closed_on"], "closed_on")
    kinds.clean_handling(t, row)
    if t.status == "closed" and not row["closed_on"]:
        raise ValidationError("Cần ghi ngày kết thúc khi đóng vấn đề.", field="closed_on")
    return row


KIND = kinds.Kind("topics", Topic, clean, "vấn đề", labels=LABELS)
create, update, get = KIND.create, KIND.update, KIND.get





def list_topics(ctx: Ctx, status: str | None = None) -> list[Topic]:
    sql, params = "SELECT * FROM topics", []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    sql += " ORDER BY CASE status WHEN 'hot' THEN 0 WHEN 'watch' THEN 1 ELSE 2 END, opened_on DESC"
    return KIND.select(ctx, sql, params)
