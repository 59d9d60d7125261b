"""Overview card of a new office: its areas (thôn, tổ dân phố, member organisations, a
province's communes) come first, since collaborators, items and survey quotas are filed
under them. Shown only while the office has none."""

from __future__ import annotations

from datetime import date

from app.context import Ctx
from app.office import get_office, units
from app.overview import Card, Link


def cards(ctx: Ctx, today: date | None = None) -> list[Card]:
    style = get_office(ctx).style
    if units(ctx, level=style.area_level):
        return []
    open_catalog = Link("catalog", tab="areas", hint="Mở Danh mục để khai báo địa bàn")
    return [Card("Việc đầu tiên: khai báo địa bàn",
                 [(f"Chưa có địa bàn nào ({style.area_label.lower()})", "Mở Danh mục", open_catalog)],
                 level="warning", order=1,
                 note="Cộng tác viên, thông tin dư luận và phiếu điều tra đều ghi theo địa bàn: hãy khai báo "
                      "các địa bàn trong Danh mục trước khi nhập.")]
