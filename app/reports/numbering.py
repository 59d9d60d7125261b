"""Document numbers: counted from 01 per document type over the Party committee's term.

FORMAT.md: "the number counts from 01 for each document type over the Party committee's
term (nhiệm kỳ), not per calendar year". The term starts on the office setting `term_start`
(default 1/7/2025, when the committees of the 2025–2030 term were formed) and lasts
`TERM_YEARS`; earlier or later dates fall in the terms before or after it.

The register's `number_year` column names the numbering series: YYYYMM of the term's start
(202507 for the term from 1/7/2025), so the unique index (origin, doc_code, number_year,
number) enforces one number per term. Reports numbered by an older release carry the
calendar year there (4 digits, never equal to a term key, so the index cannot clash); they
still count: the highest number is taken over the term key and every report issued in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.context import Ctx
from app.errors import ValidationError
from app.reports.report_settings import parse_term_start, setting

TERM_YEARS = 5


@dataclass(frozen=True)
class Term:
    start: date
    end: date  # exclusive

    @property
    def key(self) -> int:
        return self.start.year * 100 + self.start.month

    @property
    def label(self) -> str:
        return f"nhiệm kỳ {self.start.year}–{self.end.year}"


def _shift(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29/2
        return d.replace(year=d.year + years, day=28)


def term_of(ctx: Ctx, on: date) -> Term:
    """The term containing `on`, stepping whole terms from the configured start."""
    start = parse_term_start(setting(ctx, "term_start"))
    while on < start:
        start = _shift(start, -TERM_YEARS)
    while on >= _shift(start, TERM_YEARS):
        start = _shift(start, TERM_YEARS)
    return Term(start, _shift(start, TERM_YEARS))


_IN_TERM = "origin = ? AND doc_code = ? AND (number_year = ? OR (issued_on >= ? AND issued_on < ?))"


def _term_params(ctx: Ctx, doc_code: str, term: Term) -> list:
    return [ctx.origin, doc_code, term.key, term.start.isoformat(), term.end.isoformat()]


def next_number(ctx: Ctx, doc_code: str = "BC", on: date | None = None) -> int:
    """One more than the highest number of this type given in the term containing `on`."""
    term = term_of(ctx, on or date.today())
    row = ctx.db.execute(f"SELECT max(number) FROM reports WHERE {_IN_TERM}",
                         _term_params(ctx, doc_code, term)).fetchone()
    return int(row[0] or 0) + 1


def check_free(ctx: Ctx, report_id: str, doc_code: str, number: int, on: date) -> Term:
    """Refuse a number already used in the term by another report; returns the term."""
    if number < 1:
        raise ValidationError("Số văn bản phải là số nguyên dương.")
    term = term_of(ctx, on)
    clash = ctx.db.execute(f"SELECT title FROM reports WHERE {_IN_TERM} AND number = ? AND id != ?",
                           [*_term_params(ctx, doc_code, term), number, report_id]).fetchone()
    if clash:
        raise ValidationError(f"Số {number:02d}-{doc_code} {term.label} đã được dùng cho văn bản “{clash[0]}”; "
                              f"đề xuất số {next_number(ctx, doc_code, on):02d}.")
    return term
