"""Structure coverage of the network: areas × strata and areas × sectors, against targets.

The guidance asks for a network that "represents every area, sector and social stratum".
Targets live in the setting `coverage_targets` (JSON) and have three levels: a minimum
per area (default: the office's `min_collaborators_per_commune`, at least one), an optional
minimum per cell (area × code), and a minimum over the whole district per code. Only
active collaborators count: a paused one reports nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app import auth, catalog, settings
from app.context import Ctx
from app.errors import ValidationError
from app.office import Unit, agencies, communes

SETTING = "coverage_targets"
DIMENSIONS = {"stratum": catalog.STRATA, "sector": catalog.SECTORS}
DIMENSION_LABELS = {"stratum": "Giai tầng", "sector": "Ngành, đoàn thể"}
NO_AREA = ""

# Whole-district minimums a sound network meets: the main strata and the mass organisations.
DEFAULT_OVERALL = {
    "stratum": {c: 1 for c in ("cadre", "worker", "farmer", "intellectual", "business", "youth", "veteran",
                               "retiree")},
    "sector": {c: 1 for c in ("front", "women", "farmers_union", "youth_union", "veterans_union", "labour")},
}


@dataclass
class Targets:
    per_area: int = 1
    areas: dict[str, int] = field(default_factory=dict)          # per-area overrides
    cells: dict[str, dict[str, int]] = field(default_factory=lambda: {"stratum": {}, "sector": {}})
    overall: dict[str, dict[str, int]] = field(default_factory=lambda: {k: dict(v) for k, v in DEFAULT_OVERALL.items()})

    def area_target(self, area_code: str) -> int:
        return self.areas.get(area_code, self.per_area)


def targets(ctx: Ctx) -> Targets:
    """The office's targets: the stored setting over the defaults."""
    stored: dict[str, Any] = settings.get(ctx, SETTING) or {}
    base = Targets(per_area=max(1, int(settings.get(ctx, "min_collaborators_per_commune") or 1)))
    if "per_area" in stored:
        base.per_area = int(stored["per_area"])
    base.areas.update({k: int(v) for k, v in (stored.get("areas") or {}).items()})
    for level in ("cells", "overall"):
        for dim, values in (stored.get(level) or {}).items():
            target = getattr(base, level).setdefault(dim, {})
            if level == "overall":
                target.clear()  # a stored district-wide list replaces the default one for that dimension
            target.update({k: int(v) for k, v in values.items()})
    return base


def set_targets(ctx: Ctx, t: Targets) -> None:
    """Store targets after checking every number is a small non-negative integer and every code known."""
    auth.require(ctx, "settings")
    area_codes = {u.code for u in communes(ctx) + agencies(ctx)}

    def check(value: Any, what: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 99:
            raise ValidationError(f"Chỉ tiêu {what} phải là số nguyên từ 0 đến 99.")
        return value

    check(t.per_area, "mỗi địa bàn")
    for code, value in t.areas.items():
        if code not in area_codes:
            raise ValidationError(f"Địa bàn không có trong danh mục: {code}.")
        check(value, "của địa bàn")
    for level in (t.cells, t.overall):
        for dim, values in level.items():
            if dim not in DIMENSIONS:
                raise ValidationError(f"Loại cơ cấu không hợp lệ: {dim}.")
            for code, value in values.items():
                if code not in DIMENSIONS[dim]:
                    raise ValidationError(f"{DIMENSION_LABELS[dim]} không hợp lệ: {code}.")
                check(value, DIMENSION_LABELS[dim].lower())
    settings.put(ctx, SETTING, {"per_area": t.per_area, "areas": t.areas, "cells": t.cells, "overall": t.overall})


@dataclass
class Coverage:
    """One matrix: rows are areas, columns are the codes of a dimension (stratum or sector)."""

    dimension: str
    areas: list[Unit]
    codes: list[str]
    counts: Counter
    area_totals: Counter
    code_totals: Counter
    targets: Targets

    @property
    def total(self) -> int:
        return sum(self.area_totals.values())

    def count(self, area_code: str, code: str) -> int:
        return self.counts[(area_code, code)]

    def cell_target(self, code: str) -> int:
        return self.targets.cells.get(self.dimension, {}).get(code, 0)

    def cell_below(self, area_code: str, code: str) -> bool:
        return self.count(area_code, code) < self.cell_target(code) and area_code != NO_AREA

    def area_below(self, area_code: str) -> bool:
        return area_code != NO_AREA and self.area_totals[area_code] < self.targets.area_target(area_code)

    def overall_target(self, code: str) -> int:
        return self.targets.overall.get(self.dimension, {}).get(code, 0)

    def code_below(self, code: str) -> bool:
        return self.code_totals[code] < self.overall_target(code)

    def labels(self) -> dict[str, str]:
        return DIMENSIONS[self.dimension]


def matrix(ctx: Ctx, dimension: str = "stratum") -> Coverage:
    """Counts of active collaborators per area and code. Rows: every commune (an empty one is
    the gap that matters most), then agencies that have collaborators, then "no area" if any."""
    if dimension not in DIMENSIONS:
        raise ValidationError(f"Loại cơ cấu không hợp lệ: {dimension}.")
    counts: Counter = Counter()
    area_totals: Counter = Counter()
    code_totals: Counter = Counter()
    for area, code, n in ctx.db.execute(
        f"SELECT coalesce(area_code, ''), coalesce({dimension}, 'other'), count(*) FROM collaborators "
        "WHERE status = 'active' GROUP BY 1, 2"
    ).fetchall():
        counts[(area, code)] += n
        area_totals[area] += n
        code_totals[code] += n
    rows = communes(ctx) + [u for u in agencies(ctx) if area_totals[u.code]]
    known = {u.code for u in rows}
    if any(a not in known for a in area_totals):
        rows.append(Unit(NO_AREA, "(Chưa ghi địa bàn)", "commune", None))
    return Coverage(dimension, rows, list(DIMENSIONS[dimension]), counts, area_totals, code_totals, targets(ctx))


@dataclass(frozen=True)
class Suggestion:
    """One line of "what to recruit next", most urgent first."""

    text: str
    area_code: str | None
    dimension: str | None
    code: str | None
    missing: int


def recruit_next(ctx: Ctx, limit: int | None = 12) -> list[Suggestion]:
    """Gaps in order: areas below their minimum, then district-wide strata and sectors below
    target (pointing at the thinnest areas), then cells below a per-area target."""
    by_stratum, by_sector = matrix(ctx, "stratum"), matrix(ctx, "sector")
    out: list[Suggestion] = []
    for unit in by_stratum.areas:
        if by_stratum.area_below(unit.code):
            have, need = by_stratum.area_totals[unit.code], by_stratum.targets.area_target(unit.code)
            out.append(Suggestion(f"{unit.name}: có {have}/{need} cộng tác viên đang hoạt động, cần thêm {need - have}.",
                                  unit.code, None, None, need - have))
    out.sort(key=lambda s: -s.missing)
    thinnest = sorted((u for u in by_stratum.areas if u.code != NO_AREA and u.level == "commune"),
                      key=lambda u: (by_stratum.area_totals[u.code], u.name))
    for cov in (by_stratum, by_sector):
        for code in cov.codes:
            if cov.code_below(code):
                need, have = cov.overall_target(code), cov.code_totals[code]
                where = ", ".join(u.name for u in thinnest[:2])
                hint = f" (gợi ý: {where}, nơi có ít cộng tác viên nhất)" if where else ""
                out.append(Suggestion(f"{DIMENSION_LABELS[cov.dimension]} '{cov.labels()[code]}': có {have}/{need} "
                                      f"trên toàn địa bàn, cần thêm {need - have}{hint}.",
                                      None, cov.dimension, code, need - have))
    for cov in (by_stratum, by_sector):
        for unit in cov.areas:
            for code in cov.codes:
                if cov.cell_below(unit.code, code):
                    need, have = cov.cell_target(code), cov.count(unit.code, code)
                    out.append(Suggestion(f"{unit.name} – {cov.labels()[code]}: có {have}/{need}, cần thêm "
                                          f"{need - have}.", unit.code, cov.dimension, code, need - have))
    return out[:limit] if limit else out
