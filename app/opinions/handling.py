"""The handling loop (QĐ 238-QĐ/TW): forward an item or a whole topic to an agency with a due
date, record the result and the date it was resolved, then the date feedback went back.

Agencies are a catalogue: units of level 'agency'. The "Quá hạn" (overdue) view lists what
was forwarded, is past its due date and has no result yet; the month's report uses
`figures()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import auth, catalog, records, validate
from app.context import Ctx
from app.errors import ValidationError
from app.office import Unit, add_unit, agencies

KINDS = {"opinion": "opinions", "topic": "topics"}
OPEN_STATES = ("new", "verifying", "forwarded")


def _table(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError(f"Loại đối tượng chuyển xử lý không hợp lệ: {kind}.")
    return KINDS[kind]


def _date(value: str | date | None, label: str, field: str, today: date) -> str:
    iso = validate.iso_date(validate.required(str(value) if value else None, label, field), label, field)
    assert iso is not None
    if iso > today.isoformat():
        raise ValidationError(f"{label} không được ở tương lai.", field=field)
    return iso


def add_agency(ctx: Ctx, name: str, code: str | None = None) -> Unit:
    """Add an agency to the catalogue; the code is made up from the office's code when omitted."""
    auth.require(ctx, "enter")
    name = validate.bounded(name, "Tên cơ quan", validate.UNIT_NAME_MAX, "name")
    if any(a.name.casefold() == name.casefold() for a in agencies(ctx)):
        raise ValidationError(f"Cơ quan “{name}” đã có trong danh mục.", field="name")
    if not code:
        taken = {u.code for u in agencies(ctx)}
        n = len(taken) + 1
        while f"{ctx.origin}-CQ{n:02d}" in taken:
            n += 1
        code = f"{ctx.origin}-CQ{n:02d}"
    return add_unit(ctx, code, name, "agency", ctx.origin or None)


def forward(ctx: Ctx, kind: str, row_id: str, agency_code: str, due_on: str | date,
            forwarded_on: str | date | None = None, today: date | None = None) -> None:
    """Forward an item or topic to an agency; due date on or after the forwarding date."""
    auth.require(ctx, "enter")
    today = today or date.today()
    table = _table(kind)
    if agency_code not in {a.code for a in agencies(ctx)}:
        raise ValidationError("Hãy chọn cơ quan nhận xử lý trong danh mục.", field="forwarded_to")
    sent = _date(forwarded_on or today, "Ngày chuyển", "forwarded_on", today)
    due = validate.iso_date(validate.required(str(due_on) if due_on else None, "Hạn xử lý", "due_on"),
                            "Hạn xử lý", "due_on")
    if due < sent:
        raise ValidationError("Hạn xử lý phải sau ngày chuyển.", field="due_on")
    records.update(ctx, table, row_id, {"handling": "forwarded", "forwarded_to": agency_code, "forwarded_on": sent,
                                        "due_on": due}, action="forward")


def resolve(ctx: Ctx, kind: str, row_id: str, result: str, resolved_on: str | date | None = None,
            today: date | None = None) -> None:
    """Record the agency's result and the date it was resolved."""
    auth.require(ctx, "enter")
    today = today or date.today()
    table = _table(kind)
    text = validate.required(result, "Kết quả giải quyết", "result")
    done = _date(resolved_on or today, "Ngày giải quyết", "resolved_on", today)
    row = records.get(ctx, table, row_id)
    if row.get("forwarded_on") and done < row["forwarded_on"]:
        raise ValidationError("Ngày giải quyết không được trước ngày chuyển.", field="resolved_on")
    records.update(ctx, table, row_id, {"handling": "resolved", "result": text, "resolved_on": done},
                   action="resolve")


def answer(ctx: Ctx, kind: str, row_id: str, answered_on: str | date | None = None,
           today: date | None = None) -> None:
    """Record the date feedback went back to the reporter (closes the loop)."""
    auth.require(ctx, "enter")
    today = today or date.today()
    table = _table(kind)
    done = _date(answered_on or today, "Ngày phản hồi", "answered_on", today)
    row = records.get(ctx, table, row_id)
    if not row.get("resolved_on"):
        raise ValidationError("Cần ghi kết quả giải quyết trước khi ghi ngày phản hồi.", field="answered_on")
    if done < row["resolved_on"]:
        raise ValidationError("Ngày phản hồi không được trước ngày giải quyết.", field="answered_on")
    records.update(ctx, table, row_id, {"handling": "answered", "answered_on": done}, action="answer")


@dataclass(frozen=True)
class OverdueRow:
    kind: str            # opinion | topic
    id: str
    text: str            # the item's summary or the topic's title
    agency_name: str
    forwarded_on: str
    due_on: str
    days_over: int
    handling: str

    @property
    def kind_label(self) -> str:
        return "Vấn đề" if self.kind == "topic" else "Thông tin"

    @property
    def handling_label(self) -> str:
        return catalog.label(catalog.HANDLING, self.handling)


def overdue(ctx: Ctx, today: date | None = None) -> list[OverdueRow]:
    """What is past its due date with no result yet, longest overdue first."""
    today = today or date.today()
    open_states = ", ".join(f"'{s}'" for s in OPEN_STATES)
    rows = ctx.db.execute(
        f"SELECT 'opinion', o.id, o.summary, coalesce(u.name, o.forwarded_to, ''), coalesce(o.forwarded_on, ''), "
        f"o.due_on, o.handling FROM opinions o LEFT JOIN units u ON u.code = o.forwarded_to "
        f"WHERE o.handling IN ({open_states}) AND o.due_on IS NOT NULL AND o.due_on < ? "
        f"UNION ALL SELECT 'topic', t.id, t.title, coalesce(u.name, t.forwarded_to, ''), coalesce(t.forwarded_on, ''), "
        f"t.due_on, t.handling FROM topics t LEFT JOIN units u ON u.code = t.forwarded_to "
        f"WHERE t.handling IN ({open_states}) AND t.due_on IS NOT NULL AND t.due_on < ?",
        [today.isoformat(), today.isoformat()],
    ).fetchall()
    out = [OverdueRow(kind, rid, text, agency, sent, due, (today - date.fromisoformat(due)).days, handling)
           for kind, rid, text, agency, sent, due, handling in rows]
    out.sort(key=lambda r: (-r.days_over, r.kind, r.text))
    return out


def overdue_count(ctx: Ctx, today: date | None = None) -> int:
    today = (today or date.today()).isoformat()
    states = ", ".join(f"'{s}'" for s in OPEN_STATES)
    n = 0
    for table in KINDS.values():
        n += ctx.db.execute(f"SELECT count(*) FROM {table} WHERE handling IN ({states}) AND due_on IS NOT NULL "
                            "AND due_on < ?", [today]).fetchone()[0]
    return n


@dataclass(frozen=True)
class HandlingFigures:
    received: int
    forwarded: int
    resolved: int
    answered: int
    overdue: int


def figures(ctx: Ctx, start: str, end: str) -> HandlingFigures:
    """Items of the period [start, end] (ISO dates): received, forwarded, resolved, answered in
    the period, and overdue as of `end` (for part III of the monthly report)."""
    def count(where: str, params: list) -> int:
        return ctx.db.execute(f"SELECT count(*) FROM opinions WHERE {where}", params).fetchone()[0]

    between = [start, end]
    return HandlingFigures(
        received=count("received_on BETWEEN ? AND ?", between),
        forwarded=count("forwarded_on BETWEEN ? AND ?", between),
        resolved=count("resolved_on BETWEEN ? AND ?", between),
        answered=count("answered_on BETWEEN ? AND ?", between),
        overdue=count("forwarded_on IS NOT NULL AND due_on < ? AND (resolved_on IS NULL OR resolved_on > ?)",
                      [end, end]),
    )
