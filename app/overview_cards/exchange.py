"""Overview cards of the exchange: guidance from the province (district), packages
waiting for a receipt, and at the province the districts' monthly reports due or late.
Rows open the exchange page (the province's table: its page of communes)."""

from __future__ import annotations

from datetime import date

from app import catalog, office
from app.context import Ctx
from app.exchange import guidance, province
from app.overview import Card, Link

EXCHANGE = Link("exchange", hint="Mở trang Trao đổi dữ liệu")
PROVINCE = Link("province", hint="Mở trang Các xã, phường")


def cards(ctx: Ctx, today: date | None = None) -> list[Card]:
    today = today or date.today()
    me = office.get_office(ctx)
    out: list[Card] = []
    if me.role == "district":
        items = guidance.list_guidance(ctx, active_on=today)
        if items:
            rows = [
                (
                    ("Theo dõi: " if g.kind == "watch_topic" else "") + g.title,
                    catalog.FIELDS.get(g.field or "", "") or f"ngày {date.fromisoformat(g.issued_on):%d/%m/%Y}",
                    EXCHANGE,
                )
                for g in items[:6]
            ]
            out.append(
                Card(f"Hướng dẫn của Ban Tuyên giáo và Dân vận Tỉnh ủy: {len(items)}", rows, order=20, note=items[0].body or "")
            )
    waiting = ctx.db.execute(
        "SELECT recipient, seq, created_at FROM outbox WHERE acked_on IS NULL ORDER BY seq DESC LIMIT 5"
    ).fetchall()
    if waiting:
        out.append(
            Card(
                f"Gói đã gửi chờ biên nhận: {len(waiting)}",
                [
                    (f"Gói số {seq} gửi {to}", f"lập ngày {date.fromisoformat(at[:10]):%d/%m/%Y}", EXCHANGE)
                    for to, seq, at in waiting
                ],
                level="warning",
                order=60,
                note="Nhập biên nhận do đơn vị nhận gửi lại ở trang Trao đổi dữ liệu.",
            )
        )
    if me.role == "province":
        month = province.recent_months(today, 1)[0]
        table = province.timeliness(ctx, [month], today)
        rows = [(t.name, province.STATUS_LABELS[t.cells[month][0]], PROVINCE) for t in table]
        late = sum(1 for t in table if t.cells[month][0] in (province.LATE, province.MISSING))
        out.append(
            Card(
                f"Báo cáo tháng {month[5:]}/{month[:4]} của các xã, phường",
                rows or [("Chưa đăng ký xã, phường nào", "")],
                level="warning" if late else "info",
                order=20,
            )
        )
    return out
