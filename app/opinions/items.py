"""Opinion items: create, update, read, and the filtered / full-text list.

An item describes an opinion stream (field, area, tendency, scale, proposal) and never
names the citizen holding it; see app/opinions/privacy.py for the warning on entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import catalog, kinds, listing, records, validate
from app.context import Ctx
from app.errors import ValidationError
from app.months import add_months
from app.text import fts_query


@dataclass
class Opinion(kinds.Handled):
    received_on: str
    field: str
    summary: str
    tendency: str
    area_code: str | None = None
    channel: str = "direct"
    scale: str = "low"
    hotspot_risk: str = "none"
    collaborator_id: str | None = None
    meeting_id: str | None = None
    topic_id: str | None = None
    proposal: str | None = None
    id: str | None = None
    origin: str | None = None
    version: int = 0
    updated_at: str | None = None


# Each field's Vietnamese label, declared once: the entry form, the refusals below, the CLI's
# help and the Excel export's headers read it (tests/opinions/test_labels.py holds them to it).
LABELS: dict[str, str] = {
    "received_on": "Ngày tiếp nhận", "meeting_id": "Hội nghị", "collaborator_id": "Cộng tác viên",
    "channel": "Kênh tiếp nhận", "field": "Lĩnh vực", "area_code": "Địa bàn", "topic_id": "Vấn đề",
    "tendency": "Xu hướng", "summary": "Nội dung dư luận", "proposal": "Đề xuất, kiến nghị",
    "scale": "Mức độ quan tâm", "hotspot_risk": "Nguy cơ điểm nóng", **kinds.HANDLING_LABELS,
}
# The fields whose value is a catalogue code (checked here; the audit log shows their labels).
CHOICES: dict[str, dict[str, str]] = {"field": catalog.FIELDS, "tendency": catalog.TENDENCIES,
                                      "scale": catalog.SCALES, "channel": catalog.CHANNELS,
                                      "hotspot_risk": catalog.HOTSPOT_RISKS}


# The catalogue fields the entry form asks after the proposal, in order: the form builds their
# rows from this, their labels and choices above and their defaults in Opinion.
ENTRY_TAIL = ("scale", "hotspot_risk")


# The catalogue fields the monthly report and the province's consolidated report each show in a
# table of their own (items by value, with shares; app/reports/by_choice.py), beyond the field
# and tendency figures the reports are built around.
REPORTED: tuple[str, ...] = ()


def clean(o: Opinion) -> dict:
    row = records.editable_row(o)
    row["received_on"] = validate.iso_date(validate.required(o.received_on, LABELS["received_on"], "received_on"),
                                           LABELS["received_on"], "received_on")
    if row["received_on"] > date.today().isoformat():
        raise ValidationError(f"{LABELS['received_on']} không được ở tương lai.", field="received_on")
    row["summary"] = validate.required(o.summary, LABELS["summary"], "summary")
    validate.required(o.field, LABELS["field"], "field")
    validate.required(o.tendency, LABELS["tendency"], "tendency")
    for key, choices in CHOICES.items():
        validate.one_of(row[key], choices, LABELS[key], key)
    kinds.clean_handling(o, row)
    return row


KIND = kinds.Kind("opinions", Opinion, clean, "thông tin dư luận", labels=LABELS)
create, update, get = KIND.create, KIND.update, KIND.get





@dataclass
class OpinionFilter:
    text: str = ""
    date_from: str | None = None
    date_to: str | None = None
    month: str | None = None          # "YYYY-MM"
    field: str | None = None
    tendency: str | None = None
    area_code: str | None = None
    topic_id: str | None = None
    handling: str | None = None
    collaborator_id: str | None = None
    meeting_id: str | None = None
    origin: str | None = None


# What the list of items shows, declared once: the list query, the page's table and the Excel
# export read these columns and their headers (a short one where the table is tight).
LIST = listing.Listing(
    KIND, alias="o",
    joins="LEFT JOIN units u ON u.code = o.area_code LEFT JOIN topics t ON t.id = o.topic_id "
          "LEFT JOIN collaborators c ON c.id = o.collaborator_id",
    columns=(
        listing.Shown("received_on", header="Ngày"),
        listing.Shown("summary", header="Nội dung", long=True),
        listing.Shown("field", long=True, short=True),
        listing.Shown("tendency", long=True, short=True),
        listing.Shown("scale", header="Mức độ"),
        listing.Shown("area_code", sql="coalesce(u.name, '')", name="area_name", long=True),
        listing.Shown("topic_id", sql="coalesce(t.title, '')", name="topic_title", long=True),
        listing.Shown("handling", header="Xử lý", long=True, short=True),
        listing.Shown("hotspot_risk", header="Nguy cơ"),
        listing.Shown("collaborator_id", sql="coalesce(c.full_name, '')", name="collaborator_name", long=True),
    ),
    keep=("id", "origin"),
    filters=("field", "tendency", "area_code", "topic_id", "handling", "collaborator_id", "meeting_id", "origin"),
    choices={**CHOICES, **kinds.HANDLING_CHOICES},
)
# One line of the list: the item's listed fields plus the names its joins give.
OpinionRow = LIST.row_type("OpinionRow")


def _where(flt: OpinionFilter) -> tuple[str, list]:
    sql, params = " WHERE 1=1", []
    if flt.month:
        sql += " AND o.received_on >= ? AND o.received_on < ?"
        first = date.fromisoformat(f"{flt.month}-01")
        params += [first.isoformat(), add_months(first, 1).isoformat()]
    if flt.date_from:
        sql += " AND o.received_on >= ?"
        params.append(flt.date_from)
    if flt.date_to:
        sql += " AND o.received_on <= ?"
        params.append(flt.date_to)
    exact, values = LIST.where(flt)
    sql += exact
    params += values
    query = fts_query(flt.text)
    if (flt.text or "").strip() and query is None:
        sql += " AND 0"  # a search for only quotes, stars or emoji finds nothing, never everything
    elif query:
        # The unary + keeps SQLite from looking every match up by rowid in the wide table: it walks
        # a narrow index instead and tests membership (20-30 ms instead of 200-600 ms on 200k items).
        sql += " AND +o.rowid IN (SELECT rowid FROM opinions_fts WHERE opinions_fts MATCH ?)"
        params.append(query)
    return sql, params


def list_opinions(ctx: Ctx, flt: OpinionFilter | None = None, limit: int | None = None,
                  offset: int = 0) -> list[Any]:
    """A page of the filtered items, newest first, as `OpinionRow`s."""
    flt = flt or OpinionFilter()
    where, params = _where(flt)
    sql = LIST.select() + where + " ORDER BY o.received_on DESC, o.id DESC"
    if limit:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return [OpinionRow(*r) for r in ctx.db.execute(sql, params).fetchall()]


def count(ctx: Ctx, flt: OpinionFilter | None = None) -> int:
    """How many items the filter selects (the list shows pages of them)."""
    where, params = _where(flt or OpinionFilter())
    return ctx.db.execute(f"SELECT count(*) FROM opinions o{where}", params).fetchone()[0]


def count_by(ctx: Ctx, column: str, flt: OpinionFilter | None = None) -> dict[str, int]:
    """Counts of items per value of `column` (field, tendency, area_code ...)."""
    if column not in ("field", "tendency", "scale", "channel", "area_code", "topic_id", "handling", "origin"):
        raise ValueError(column)
    where, params = _where(flt or OpinionFilter())
    rows = ctx.db.execute(f"SELECT o.{column}, count(*) FROM opinions o{where} GROUP BY o.{column}", params)
    return {r[0]: r[1] for r in rows.fetchall()}
