"""Items by the value of each catalogue field the opinion kind declares reported
(app/opinions/items.REPORTED): the counts, read under the report's own filter, and the one
table the monthly report and the province's consolidated report both show for each. A field
added to the kind with its label and choices reaches both reports by being named there."""

from __future__ import annotations

from typing import Any

from app.context import Ctx
from app.opinions import items
from app.reports.document import Table
from app.text import vn_number, vn_shares


def counts(ctx: Ctx, where: str, params: list[Any]) -> dict[str, dict[str, int]]:
    """field → value → items, over `opinions o` rows matching `where`."""
    return {name: dict(ctx.db.execute(f"SELECT o.{name}, count(*) FROM opinions o WHERE {where} GROUP BY 1",
                                      params).fetchall())
            for name in items.REPORTED}


def tables(by: dict[str, dict[str, int]], total: int, of_period: str) -> list[Table]:
    """One table per reported field: every choice by its label, its items and its share, and the
    total (a value outside the catalogue, from an older package, is counted under its code);
    `of_period` ends the caption (", tháng 10/2026")."""
    out = []
    for name in items.REPORTED:
        found = by.get(name, {})
        labels = {**items.CHOICES[name], **{code: code for code in found if code not in items.CHOICES[name]}}
        counts = [found.get(code, 0) for code in labels]
        shares = vn_shares(counts, total, total=True)
        rows = [[label, vn_number(n), share] for label, n, share in zip(labels.values(), counts, shares, strict=False)]
        rows.append(["Tổng cộng", vn_number(total), shares[-1]])
        out.append(Table([items.LABELS[name], "Số ý kiến", "Tỷ lệ"], rows, widths_mm=[85, 40, 40],
                         caption=f"Số ý kiến dư luận theo {items.LABELS[name].lower()}{of_period}",
                         bold_last_row=True))
    return out
