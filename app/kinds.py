"""Record kinds declared once: a kind names its table, its dataclass, the permission a write
needs, the Vietnamese noun a missing id is refused with, and its `clean` (validation to the
row to store). The generic create/update/get below read that declaration and write through
app/records.py, still the only write path for synced tables, so a capability module states
its kind and its rules and binds the kind's create/update/get to its own names, never
writing the trio again.

The handling block (QĐ 238-QĐ/TW: forwarded to an agency, due date, result, feedback) is one
type, `Handled`, shared by opinion items and topics: its fields, their Vietnamese labels and
their validation live here only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from app import auth, catalog, records, validate
from app.context import Ctx
from app.errors import ValidationError

R = TypeVar("R")

# The handling block's fields by their Vietnamese label, as the entry form and messages say them.
HANDLING_LABELS: dict[str, str] = {
    "handling": "Tình trạng xử lý",
    "forwarded_to": "Cơ quan được chuyển",
    "forwarded_on": "Ngày chuyển",
    "due_on": "Hạn xử lý",
    "result": "Kết quả giải quyết",
    "resolved_on": "Ngày giải quyết",
    "answered_on": "Ngày phản hồi",
}
_HANDLING_DATES = ("forwarded_on", "due_on", "resolved_on", "answered_on")
HANDLING_CHOICES: dict[str, dict[str, str]] = {"handling": catalog.HANDLING}


@dataclass(kw_only=True)
class Handled:
    """The handling block of a record (keyword-only, so a kind's own positional fields come first)."""

    handling: str = "new"
    forwarded_to: str | None = None
    forwarded_on: str | None = None
    due_on: str | None = None
    result: str | None = None
    resolved_on: str | None = None
    answered_on: str | None = None


def clean_handling(record: Handled, row: dict[str, Any]) -> None:
    """Validate the handling block of `record` into `row` (dates made ISO); raises ValidationError."""
    validate.one_of(record.handling, HANDLING_CHOICES["handling"], HANDLING_LABELS["handling"], "handling")
    for key in _HANDLING_DATES:
        row[key] = validate.iso_date(row[key], HANDLING_LABELS[key], key)


@dataclass(frozen=True)
class Kind(Generic[R]):
    """One record kind: where it is stored, how it is checked, who may write it."""

    table: str
    cls: type[R]
    clean: Callable[[R], dict[str, Any]]
    noun: str                       # "thông tin dư luận": "Thiếu mã <noun>." when an update has no id
    permission: str = "enter"
    load: Callable[[dict[str, Any]], R] | None = None   # row → record, when a plain from_row is not enough
    # field → its Vietnamese label, the one spelling the form, messages, CLI help and export use
    labels: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ALL[self.table] = self

    def default(self, name: str) -> Any:
        """Field `name`'s default in the dataclass: what a form left empty stores."""
        return next(f.default for f in fields(self.cls) if f.name == name)

    def from_row(self, row: dict[str, Any]) -> R:
        return self.load(row) if self.load else records.from_row(self.cls, row)

    # The create/update/get below are the kind's whole write and read path: a capability module
    # binds them to its own names (`create, update, get = KIND.create, KIND.update, KIND.get`)
    # instead of writing the trio again, and tests/trust finds their permission on the kind.
    def create(self, ctx: Ctx, record: R) -> R:
        """Check the permission, validate, insert (versioned, audited) and read the row back."""
        auth.require(ctx, self.permission)
        return self.get(ctx, records.insert(ctx, self.table, self.clean(record)))

    def update(self, ctx: Ctx, record: R, action: str = "update") -> R:
        """Check the permission, validate and apply the changes; `action` names them in the audit
        log ("merge" when a double entry is folded in)."""
        auth.require(ctx, self.permission)
        row_id = getattr(record, "id", None)
        if not row_id:
            raise ValidationError(f"Thiếu mã {self.noun}.")
        records.update(ctx, self.table, row_id, self.clean(record), action=action)
        return self.get(ctx, row_id)

    def get(self, ctx: Ctx, row_id: str) -> R:
        return self.from_row(records.get(ctx, self.table, row_id))

    def select(self, ctx: Ctx, sql: str, params: list[Any] | None = None) -> list[R]:
        """Records of this kind from a query over its table (`SELECT * FROM <table> ...`)."""
        return [self.from_row(r) for r in ctx.db.query(sql, params or [])]


# Every declared kind by its table (filled as each kind's module declares it): the audit log
# names a row's fields by its own kind's labels, so two tables sharing a column name
# (a meeting's and a training's `held_on`) each keep their own wording.
ALL: dict[str, Kind[Any]] = {}


def help_text(label: str, rest: str = "") -> str:
    """A CLI option's help from a field's label: 'Xu hướng' → 'xu hướng, ví dụ …'."""
    return label.lower() + rest
