"""The sample plan: population per cell (area, stratum or both), sample size with the
finite population correction, quotas, progress against them and the post-stratification
weights that correct a sample whose make-up drifted from the population's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app import auth, records
from app.catalog import STRATA, label
from app.context import Ctx
from app.errors import ValidationError
from app.office import communes
from app.surveys import stats
from app.surveys.counts import Profile, profiles
from app.surveys.questionnaire import get_survey

DIMENSIONS: dict[str, str] = {"area": "Theo địa bàn", "stratum": "Theo giai tầng",
                              "area_stratum": "Theo địa bàn và giai tầng"}
CellKey = tuple[str | None, str | None]  # (area_code, stratum)


@dataclass
class Cell:
    area_code: str | None
    stratum: str | None
    population: int
    quota: int
    label: str = ""
    collected: int = 0

    @property
    def key(self) -> CellKey:
        return (self.area_code, self.stratum)

    @property
    def done_percent(self) -> float:
        return 100 * self.collected / self.quota if self.quota else 100.0


@dataclass
class Plan:
    survey_id: str
    dimension: str
    confidence: int
    margin: float
    population: int
    sample_size: int
    minimum: int
    cells: list[Cell] = field(default_factory=list)
    id: str | None = None

    @property
    def collected(self) -> int:
        return sum(c.collected for c in self.cells)

    def achieved_margin(self, n: int | None = None) -> float:
        """± at p = 0.5 for the forms actually collected (or n), with the population correction."""
        n = self.collected if n is None else n
        return stats.margin_of_error(n, self.confidence, population=self.population) if n else float("nan")


def cell_of(dimension: str, respondent: Profile) -> CellKey:
    if dimension == "area":
        return (respondent.area_code, None)
    if dimension == "stratum":
        return (None, respondent.stratum)
    return (respondent.area_code, respondent.stratum)


def cell_label(ctx_areas: dict[str, str], key: CellKey) -> str:
    area, stratum = key
    parts = [ctx_areas.get(area, area) if area else "", label(STRATA, stratum) if stratum else ""]
    return " – ".join(p for p in parts if p)


def catalogue_populations(ctx: Ctx) -> dict[CellKey, int]:
    """The sampling frame per area: its people aged 18 and over as recorded in the catalogue (0
    when not entered, to be typed in the plan). Never the whole population: it counts children,
    who are not asked, and would inflate the frame and the weights of young areas."""
    return {(u.code, None): int(u.adults or 0) for u in communes(ctx)}


def propose(populations: dict[CellKey, int], confidence: int = 95, margin: float = 0.05, minimum: int = 0,
            sample_size: int | None = None) -> tuple[stats.SampleSize, dict[CellKey, int]]:
    """Sample size for the whole population and its split into quotas (nothing stored)."""
    total = sum(populations.values())
    if total <= 0:
        raise ValidationError("Chưa có số người từ 18 tuổi của các ô trong kế hoạch mẫu.", field="population")
    size = stats.sample_size(confidence, margin, total)
    n = sample_size if sample_size is not None else size.n
    return size, stats.allocate(populations, n, minimum)


def save_plan(ctx: Ctx, survey_id: str, dimension: str, populations: dict[CellKey, int], confidence: int = 95,
              margin: float = 0.05, minimum: int = 0, sample_size: int | None = None) -> Plan:
    """Compute and store the plan (replacing an earlier one of the same survey)."""
    auth.require(ctx, "enter")
    if dimension not in DIMENSIONS:
        raise ValidationError(f"Cách phân tầng không hợp lệ: {dimension}.", field="dimension")
    get_survey(ctx, survey_id)
    _size, quotas = propose(populations, confidence, margin, minimum, sample_size)
    with ctx.transaction():
        old = ctx.db.execute("SELECT id FROM survey_plans WHERE survey_id = ?", [survey_id]).fetchone()
        if old:
            for cell in list(ctx.db.query("SELECT id FROM survey_plan_cells WHERE plan_id = ?", [old[0]])):
                records.delete(ctx, "survey_plan_cells", cell["id"])
            records.delete(ctx, "survey_plans", old[0])
        plan_id = records.insert(ctx, "survey_plans", {
            "survey_id": survey_id, "dimension": dimension, "confidence": confidence, "margin": margin,
            "population": sum(populations.values()), "sample_size": sum(quotas.values()), "minimum_per_cell": minimum})
        for (area, stratum), pop in populations.items():
            records.insert(ctx, "survey_plan_cells", {"plan_id": plan_id, "area_code": area, "stratum": stratum,
                                                      "population": pop, "quota": quotas[(area, stratum)]})
    return get_plan(ctx, survey_id)  # type: ignore[return-value]


def get_plan(ctx: Ctx, survey_id: str, respondents: Mapping[Profile, int] | None = None) -> Plan | None:
    """The stored plan with each cell's collected count (from `respondents` per profile if given,
    else counted in the store)."""
    found = list(ctx.db.query("SELECT * FROM survey_plans WHERE survey_id = ?", [survey_id]))
    if not found:
        return None
    p = found[0]
    areas = {u.code: u.name for u in communes(ctx)}
    cells = [Cell(c["area_code"], c["stratum"], c["population"], c["quota"],
                  cell_label(areas, (c["area_code"], c["stratum"])))
             for c in ctx.db.query("SELECT * FROM survey_plan_cells WHERE plan_id = ? ORDER BY rowid", [p["id"]])]
    plan = Plan(survey_id, p["dimension"], p["confidence"], p["margin"], p["population"], p["sample_size"],
                p["minimum_per_cell"], cells, p["id"])
    if respondents is None:
        respondents = profiles(ctx, survey_id)
    by_key = {c.key: c for c in cells}
    for profile, n in respondents.items():
        cell = by_key.get(cell_of(plan.dimension, profile))
        if cell is not None:
            cell.collected += n
    return plan


def weights(plan: Plan, respondents: Mapping[Profile, int]) -> tuple[dict[Profile, float], stats.Weighting]:
    """Post-stratification weight of each profile's respondents (population share / sample share
    of its cell). Respondents outside every planned cell keep weight 1."""
    sample: dict[CellKey, int] = {}
    for profile, n in respondents.items():
        key = cell_of(plan.dimension, profile)
        sample[key] = sample.get(key, 0) + n
    weighting = stats.poststrat_weights({c.key: c.population for c in plan.cells}, sample)
    return {p: weighting.weights.get(cell_of(plan.dimension, p), 1.0) for p in respondents}, weighting


def needs_weighting(plan: Plan | None, respondents: Mapping[Profile, int], tolerance: float = 0.05) -> bool:
    """True when some cell's weight is off 1 by more than the tolerance: quotas unmet,
    or a minimum per cell that over-represents small cells."""
    if plan is None or not any(respondents.values()):
        return False
    _, weighting = weights(plan, respondents)
    return any(abs(w - 1) > tolerance for w in weighting.weights.values())


def starting_cells(ctx: Ctx, survey_id: str, dimension: str) -> list[Cell]:
    """The cells to fill in for a dimension: the stored plan's figures when it has that
    dimension, else areas with the catalogue's people aged 18+ and strata with 0 (to enter)."""
    if dimension not in DIMENSIONS:
        raise ValidationError(f"Cách phân tầng không hợp lệ: {dimension}.", field="dimension")
    stored = get_plan(ctx, survey_id, respondents={}) if survey_id else None
    if stored and stored.dimension == dimension:
        return stored.cells
    areas = {u.code: u for u in communes(ctx)}
    names = {code: u.name for code, u in areas.items()}
    if dimension == "area":
        keys = [((code, None), int(u.adults or 0)) for code, u in areas.items()]
    elif dimension == "stratum":
        keys = [((None, s), 0) for s in STRATA]
    else:
        keys = [((code, s), 0) for code in areas for s in STRATA]
    return [Cell(a, s, pop, 0, cell_label(names, (a, s))) for (a, s), pop in keys]
