"""Overview card: surveys still collecting forms, with progress against the sample plan (rows open the page)."""

from __future__ import annotations

from app.context import Ctx
from app.overview import Card, Link
from app.surveys import plan as plan_mod
from app.surveys import questionnaire as qn
from app.text import vn_number


def cards(ctx: Ctx) -> list[Card]:
    surveys = qn.list_surveys(ctx)
    if not surveys:
        return []
    active = [s for s in surveys if s.status != "closed"][:3]
    rows = []
    for s in active:
        p = plan_mod.get_plan(ctx, s.id)
        if p and p.sample_size:
            rows.append((s.title, f"{vn_number(s.responses)}/{vn_number(p.sample_size)} phiếu "
                                  f"({vn_number(100 * s.responses / p.sample_size)}%)"))
        else:
            rows.append((s.title, f"{vn_number(s.responses)} phiếu, chưa có kế hoạch mẫu"))
    if not rows:
        latest = surveys[0]
        rows.append((latest.title, f"đã kết thúc, {vn_number(latest.responses)} phiếu"))
    page = Link("surveys", hint="Mở trang Điều tra")
    return [Card("Điều tra, thăm dò dư luận", [(label, value, page) for label, value in rows], order=60)]
