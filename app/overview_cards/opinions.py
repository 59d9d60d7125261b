"""Overview cards of the opinions desk: early warnings with their reasons in words, overdue handling."""

from __future__ import annotations

from app.context import Ctx
from app.opinions import handling, warnings
from app.overview import Card


def cards(ctx: Ctx) -> list[Card]:
    out = []
    flagged = warnings.topic_warnings(ctx)
    if flagged:
        out.append(Card(
            title="Cảnh báo sớm điểm nóng dư luận",
            rows=[(w.title, w.reason_text[:1].upper() + w.reason_text[1:] + ".") for w in flagged[:6]],
            level="warning", order=5,
            note=f"{len(flagged)} vấn đề cần theo dõi sát" + ("; xem trang Vấn đề nổi cộm." if len(flagged) > 6
                                                             else "."),
        ))
    late = handling.overdue(ctx)
    if late:
        rows = [("Số thông tin, vấn đề quá hạn", str(len(late)))]
        rows += [(f"{r.kind_label}: {r.text[:70]}", f"quá {r.days_over} ngày – {r.agency_name}") for r in late[:3]]
        out.append(Card(title="Chuyển xử lý quá hạn", rows=rows, level="warning", order=6,
                        note="Đôn đốc cơ quan được chuyển xử lý; xem mục Quá hạn."))
    else:
        out.append(Card(title="Chuyển xử lý quá hạn", rows=[("Số thông tin, vấn đề quá hạn", "0")], order=40))
    return out
