"""Overview card of the collaborator network: who needs attention and why, and the open
replacement proposals (each row opens the person); plus the first gaps in the network's
structure (rows open the Cơ cấu tab)."""

from __future__ import annotations

from datetime import date

from app.collaborators import activity, coverage
from app.context import Ctx
from app.overview import Card, Link


def cards(ctx: Ctx, today: date | None = None) -> list[Card]:
    flagged = activity.flagged(ctx, today)
    rows = [(f"{a.full_name} ({a.area_name})" if a.area_name else a.full_name,
             a.short_reason + ("; đề xuất thay thế" if a.open_proposal_id else ""),
             Link("collaborators", a.collaborator_id, hint="Mở thông tin cộng tác viên này")) for a in flagged[:8]]
    if len(flagged) > 8:
        rows.append((f"… và {len(flagged) - 8} người khác", "xem trang Cộng tác viên",
                     Link("collaborators", tab="activity", hint="Xem mọi người cần chú ý")))
    out = [Card(f"Cộng tác viên cần chú ý: {len(flagged)}", rows or [("Không có", "")],
                level="warning" if flagged else "info", order=31,
                note="Lâu không phản ánh thông tin hoặc vắng giao ban nhiều kỳ liên tiếp.")]
    gaps = coverage.recruit_next(ctx, limit=3)
    if gaps:
        coverage_tab = Link("collaborators", tab="coverage", hint="Xem cơ cấu đội ngũ")
        out.append(Card("Cơ cấu đội ngũ: cần tuyển tiếp", [(g.text, "", coverage_tab) for g in gaps],
                        level="info", order=32))
    return out
