"""The province demo: Ban Tuyên giáo và Dân vận Tỉnh ủy Vĩnh Long (official province code 86)
with every commune of the province in its catalogue, from the official 2025 list.

Most enrolled communes sent a year of monthly packages, replayed in order through the real
importer (signed, encrypted `.dlxh` bytes from `commune_packages`), each arrival dated when
it would have come: mostly by the due day, some late. A few communes are enrolled but send
late and skip months, a few are enrolled and silent, the rest are not enrolled yet, so the
timeliness matrix shows every state. Packages go from memory to the importer
(`import_bytes`): nothing is written outside the encrypted database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app import settings
from app.context import Ctx
from app.demo import core
from app.demo.commune_packages import Sender, build_package, first_tables, month_tables
from app.exchange import importer, keys
from app.months import add_months, month_starts
from app.office import add_unit, init_office
from app.reports.period import due_date, period_of

PROVINCE_CODE = "86"
PROVINCE_NAME = "Tỉnh Vĩnh Long"
HOME_COMMUNE = "29266"  # Xã Càng Long, the commune demo: always among the regular senders
REGULAR, IRREGULAR, SILENT = 64, 10, 6
SIGNER = "Nguyễn Thị Thanh Hà"   # the demo Ban's head (a made-up name)
LOWER_ROLE = "district"  # the exchange side every lower office's card carries (its kind says commune)


@dataclass(frozen=True)
class Plan:
    regular: list[Sender]
    irregular: list[Sender]
    silent: list[Sender]
    hot: frozenset[str]  # communes whose last quarter carries hot-spot items


def communes_of_province() -> list[tuple[str, str]]:
    """(code, name) of the province's communes from the official list (app.units)."""
    from app import units

    return [(c.code, c.name) for c in units.communes_of(PROVINCE_CODE)]


def build_province_demo(
    path: Path, seed: int = 2026, today: date | None = None, passphrase: str | None = None
) -> tuple[Ctx, str, dict[str, int]]:
    today = today or date.today()
    summary: dict[str, int] = {}

    def populate(ctx: Ctx) -> None:
        summary.update(populate_province(ctx, random.Random(seed), today))
        # The Ban's head, who signs its reports (Cài đặt › Báo cáo › Người ký), as the commune demo names its own.
        settings.put(ctx, "report_signer_name", SIGNER)

    from app.office_setup import official_spec

    # The same office `dlxh init --kind province --unit 86` makes: names, symbol and the
    # province's communes as areas come from the official list.
    spec = official_spec("province", PROVINCE_CODE, None, None)
    ctx, code = init_office(Path(path), **spec.as_kwargs(), passphrase=passphrase, populate=populate)
    return ctx, code, summary


def populate_province(
    ctx: Ctx,
    rng: random.Random,
    today: date,
    communes: list[tuple[str, str]] | None = None,
    sizes: tuple[int, int, int] = (REGULAR, IRREGULAR, SILENT),
) -> dict[str, int]:
    """Catalogue, enrolment and a year of imports; tests pass a few communes and small sizes."""
    communes = communes if communes is not None else communes_of_province()
    present = {u for (u,) in ctx.db.execute("SELECT code FROM units WHERE level = 'commune'").fetchall()}
    for code, name in communes:
        if code not in present:
            add_unit(ctx, code, name, "commune", PROVINCE_CODE)
    plan = _plan(communes, rng, sizes)
    for s in plan.regular + plan.irregular + plan.silent:
        keys.enrol(ctx, s.card())
    own = keys.ensure_keys(ctx)
    months = month_starts(today, 12, include_current=False)
    imported = 0
    # The office is still under its staging name (published only when complete): waiting for
    # the disk at each of the ~800 commits would only slow the build down.
    ctx.db.execute("PRAGMA synchronous = OFF")
    for n, month in enumerate(months):
        due = due_date(ctx, period_of("monthly", month)) or add_months(month, 1)
        for s in plan.regular + plan.irregular:
            irregular = s in plan.irregular
            if irregular and rng.random() < 0.45:
                continue  # this month's report never came
            arrival = _arrival(rng, month, due, late_share=0.8 if irregular else 0.08)
            if arrival > today:
                continue  # not sent yet: the month shows "not yet due" or "missing"
            tables = first_tables(s, rng) if s.seq == 0 else {}
            hot = s.code in plan.hot and n >= 9
            # The commune demo's curves end with the current month; this year ends with the last one.
            size = rng.randint(8, 18)
            if s.code == HOME_COMMUNE:   # the commune demo's own Càng Long: its months are of that size
                size = core.month_size(max(0, n - 1))
            for name, rows in month_tables(s, rng, month, size, hot=hot, curve_at=max(0, n - 1)).items():
                tables[name] = tables.get(name, []) + rows
            data = build_package(s, PROVINCE_CODE, own.age_recipient, tables)
            importer.import_bytes(ctx, data, f"{s.code}-{s.seq:06d}.dlxh", now=f"{arrival.isoformat()}T09:00:00Z")
            imported += 1
    ctx.db.execute("PRAGMA synchronous = FULL")
    items = ctx.db.execute("SELECT count(*) FROM opinions WHERE origin != ?", [PROVINCE_CODE]).fetchone()[0]
    return {
        "communes": len(communes),
        "enrolled": len(plan.regular) + len(plan.irregular) + len(plan.silent),
        "regular senders": len(plan.regular),
        "packages imported": imported,
        "opinions": items,
    }


def _plan(communes: list[tuple[str, str]], rng: random.Random, sizes: tuple[int, int, int]) -> Plan:
    order = [c for c in communes if c[0] != HOME_COMMUNE]
    rng.shuffle(order)
    home = [c for c in communes if c[0] == HOME_COMMUNE]
    chosen = home + order
    senders = [Sender(code, name, LOWER_ROLE) for code, name in chosen]
    a, b, c = sizes
    regular, irregular, silent = senders[:a], senders[a : a + b], senders[a + b : a + b + c]
    _place_topics(regular + irregular, rng)
    return Plan(regular, irregular, silent, frozenset(s.code for s in regular if s.hot))


def _place_topics(senders: list[Sender], rng: random.Random) -> None:
    """Which communes the place-bound topics arise in: the Quốc lộ 53 compensation along the
    road (Càng Long and a few neighbours, hot in three), the pig farms and charcoal kilns in a
    quarter of the communes (hot in two), the dry-season salinity in about four in ten."""
    road = {s.code for s in senders[:6]}
    for i, s in enumerate(senders):
        local = {3} if rng.random() < 0.4 else set()
        if s.code in road:
            local.add(0)
        if i in (6, 7) or (i > 7 and rng.random() < 0.25):
            local.add(5)
        s.local = frozenset(local)
        s.hot = frozenset({0} if i < 3 else {5} if i in (6, 7) else set())


def _arrival(rng: random.Random, month: date, due: date, late_share: float) -> date:
    """When the month's package came: a few days before the due day, or up to two weeks late."""
    if rng.random() < late_share:
        return due + timedelta(days=rng.randint(1, 14))
    earliest = add_months(month, 1) + timedelta(days=2)
    return max(earliest, due - timedelta(days=rng.randint(0, 17)))
