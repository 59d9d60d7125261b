"""Overview card: collaborators' items from electronic forms waiting for review (they count
only once accepted); the row opens the review tab of the "Phiếu điện tử" page."""

from __future__ import annotations

from app.context import Ctx
from app.forms import inbox
from app.overview import Card, Link


def cards(ctx: Ctx) -> list[Card]:
    waiting = inbox.waiting_count(ctx)
    if not waiting:
        return []
    return [Card("Ý kiến cộng tác viên gửi qua phiếu điện tử", [
        ("Chờ duyệt", str(waiting), Link("forms", tab="inbox", hint="Mở danh sách ý kiến chờ duyệt"))],
        level="warning", order=8, note="Ý kiến chỉ được tính vào thống kê, báo cáo sau khi duyệt.")]
