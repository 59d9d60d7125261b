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
SHOW_ALL = 12       # up to this many communes, each has its row
SHOW_BEHIND = 8     # beyond, the counts and at most this many late or missing communes


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
        status = {t.name: t.cells[month][0] for t in table}
        behind = [name for name, st in status.items() if st in (province.LATE, province.MISSING)]
        if len(table) <= SHOW_ALL:
            rows = [(name, province.STATUS_LABELS[st], PROVINCE) for name, st in status.items()]
        else:
            # 38-168 communes: the counts, then who is late or silent (a row per commune was
            # unreadable and took most of the page's open time).
            rows = [(f"Số xã, phường: {province.STATUS_LABELS[st].lower()}", str(n), PROVINCE)
                    for st in province.STATUS_LABELS if (n := sum(1 for v in status.values() if v == st))]
            rows += [(name, province.STATUS_LABELS[status[name]], PROVINCE) for name in behind[:SHOW_BEHIND]]
            if len(behind) > SHOW_BEHIND:
                rows.append((f"… và {len(behind) - SHOW_BEHIND} xã, phường khác chưa gửi hoặc gửi muộn",
                             "xem trang Các xã, phường", PROVINCE))
        late = len(behind)
        out.append(
            Card(
                f"Báo cáo tháng {month[5:]}/{month[:4]} của các xã, phường",
                rows or [("Chưa đăng ký xã, phường nào", "")],
                level="warning" if late else "info",
                order=20,
            )
        )
    return out
