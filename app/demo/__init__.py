"""The demo office: Đảng ủy xã Càng Long, tỉnh Vĩnh Long (a real commune of the official 2025
list), with its hamlets and a year of work, built deterministically from a seed.

Capabilities add their own demo data from `app/demo/extra_<name>.py` with
`populate(ctx, rng, today)`, found by module name (app/discovery.py).
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from app import discovery
from app.context import Ctx
from app.demo import places
from app.demo.core import build_commune_data
from app.office import init_office


def _redraft_drafts(ctx: Ctx) -> None:
    """Extras that run after the register's (new streams) add items to a drafted month: the demo's
    draft is redrafted last, so it opens with the figures of its data, not a changed-figures notice."""
    from app.reports import draft, store

    for report in store.list_reports(ctx):
        if report.status == "draft":
            draft.regenerate(ctx, report.id)


def build_demo(path: Path, seed: int = 2026, today: date | None = None,
               passphrase: str | None = None) -> tuple[Ctx, str, dict[str, int]]:
    today = today or date.today()
    summary: dict[str, int] = {}

    def populate(ctx: Ctx) -> None:
        summary.update(build_commune_data(ctx, seed, today))
        for module in discovery.submodules("app.demo", "extra_"):
            name = module.__name__.rpartition(".")[2]
            module.populate(ctx, random.Random(f"{seed}-{name}"), today)
        _redraft_drafts(ctx)

    from app.office_setup import official_spec

    spec = official_spec("commune", places.COMMUNE_CODE)
    ctx, code = init_office(Path(path), **spec.as_kwargs(), passphrase=passphrase, populate=populate)
    return ctx, code, summary
