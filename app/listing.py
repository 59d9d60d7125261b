"""What a record kind's list shows, declared once next to the kind: its columns (a field of
the kind, headed by the field's declared label, or a shorter declared header where a table is
tight), the joins that turn a code into a name, the fields a filter matches exactly and the
ones a search reads. The list query, the page's table and (for opinions) the Excel export
read this one declaration, so a field shown in a list is named in one place.

`text` is how a listed value reads in a table or a sheet: a catalogue code as its label, an
ISO date as dd/mm/yyyy, a yes/no as a tick, text on one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, make_dataclass
from typing import Any

from app import catalog
from app.kinds import Kind
from app.text import vn_iso

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Shown:
    """One column of a kind's list."""

    field: str                  # the kind's field this column shows
    sql: str = ""               # the expression selecting it when it is not the field itself (a joined name)
    name: str = ""              # the row's attribute for it when not the field ("area_name" for area_code)
    header: str = ""            # a narrower header than the field's label, for a tight table
    also: tuple[str, ...] = ()  # further fields shown in the same cell, after it, joined by ", "
    long: bool = False          # long text the table elides (its tooltip shows it whole)
    short: bool = False         # a catalogue label the table shows short (catalog.SHORT), whole in its tooltip
    sort: Callable[[Any], Any] | None = None   # the value's sort key when its text sorts wrong (names)

    @property
    def attr(self) -> str:
        return self.name or self.field


@dataclass(frozen=True)
class Listing:
    """A kind's list: `alias` names the kind's table in `joins` and the columns' SQL."""

    kind: Kind[Any]
    columns: tuple[Shown, ...]
    alias: str = "t"
    joins: str = ""
    keep: tuple[str, ...] = ("id",)       # row attributes the list needs but does not show
    filters: tuple[str, ...] = ()          # fields a filter matches exactly
    search: tuple[str, ...] = ()           # row attributes a plain-text search reads
    choices: dict[str, dict[str, str]] | None = None   # catalogue fields: code → label

    def column(self, field: str) -> Shown:
        return next(c for c in self.columns if c.field == field)

    def header(self, shown: Shown | str) -> str:
        """The column's header: its declared short header, else the field's label."""
        shown = self.column(shown) if isinstance(shown, str) else shown
        return shown.header or self.label(shown)

    def label(self, shown: Shown | str) -> str:
        """The field's full label (an export's header), with those of the fields sharing its cell."""
        shown = self.column(shown) if isinstance(shown, str) else shown
        return ", ".join(self.kind.labels[f] for f in (shown.field, *shown.also))

    def select(self) -> str:
        """`SELECT <keep>, <columns> FROM <table> <alias> <joins>`; add WHERE / ORDER BY after it."""
        a = self.alias
        parts = [f"{a}.{k}" for k in self.keep]
        for c in self.columns:
            parts.append(f"{c.sql} AS {c.attr}" if c.sql else f"{a}.{c.field}")
            parts += [f"{a}.{f}" for f in c.also]
        return f"SELECT {', '.join(parts)} FROM {self.kind.table} {a} {self.joins}".rstrip()

    def joined(self) -> str:
        """The joined names as select expressions (`u.name AS area_name`), for a query that
        reads whole records of the kind and these names beside them."""
        return ", ".join(f"{c.sql} AS {c.attr}" for c in self.columns if c.sql)

    def where(self, flt: Any) -> tuple[str, list[Any]]:
        """` AND <alias>.<field> = ?` for each declared filter field `flt` sets."""
        sql, params = "", []
        for key in self.filters:
            value = getattr(flt, key, None)
            if value:
                sql += f" AND {self.alias}.{key} = ?"
                params.append(value)
        return sql, params

    def row_type(self, name: str) -> type:
        """A frozen dataclass of the attributes `select` returns, in its order."""
        names = [*self.keep]
        for c in self.columns:
            names += [c.attr, *c.also]
        return make_dataclass(name, names, frozen=True)

    def text(self, row: Any, shown: Shown | str, one_line: bool = True) -> Any:
        """How a listed value reads: a code as its label, an ISO date as dd/mm/yyyy, yes/no as ✓,
        text on one line in a table (a sheet keeps its line breaks); numbers stay numbers (the
        table aligns and formats them)."""
        shown = self.column(shown) if isinstance(shown, str) else shown
        cells = [self._one(f, getattr(row, a, None), one_line)
                 for f, a in ((shown.field, shown.attr), *((f, f) for f in shown.also))]
        if len(cells) == 1:
            return cells[0]
        return ", ".join(str(c) for c in cells if c not in (None, ""))

    def cell(self, row: Any, shown: Shown) -> Any:
        """What a table cell shows: `text`, or its short form for a column declared `short`."""
        value = self.text(row, shown)
        return catalog.short(value) if shown.short and isinstance(value, str) else value

    def abbreviations(self, shown: Shown) -> str:
        """For a short column's header tooltip: what its abbreviations stand for."""
        if not shown.short:
            return ""
        labels = (self.choices or {}).get(shown.field, {}).values()
        return "; ".join(f"{catalog.short(label)}: {label}" for label in labels if catalog.short(label) != label)

    def sort_value(self, row: Any, shown: Shown) -> Any:
        """What a column sorts by: a date by its ISO value as a number (dd/mm/yyyy would sort by day,
        and a number needs no folding), else its text."""
        if shown.sort:
            return shown.sort(getattr(row, shown.attr, None))
        iso = self.iso_date(row, shown)
        return int(iso.replace("-", "")) if iso else self.text(row, shown)

    @staticmethod
    def iso_date(row: Any, shown: Shown) -> str | None:
        """The column's value when it is a date (stored as ISO yyyy-mm-dd), else None."""
        raw = getattr(row, shown.attr, None)
        return raw if isinstance(raw, str) and _ISO_DATE.match(raw) else None

    def _one(self, field: str, value: Any, one_line: bool = True) -> Any:
        if field in (self.choices or {}):
            return catalog.label(self.choices[field], value)
        if isinstance(value, bool):
            return "✓" if value else ""
        if isinstance(value, str):
            if _ISO_DATE.match(value):
                return vn_iso(value)
            return " ".join(value.split()) if one_line else value
        return value

    def haystack(self, row: dict[str, Any]) -> str:
        """The text a search reads in a row as the query returns it."""
        return " ".join(str(row.get(a) or "") for a in self.search)
