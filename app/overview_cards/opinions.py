"""Overview cards of the opinions desk: early warnings with their reasons in words, overdue handling."""

from __future__ import annotations

from app.context import Ctx
from app.opinions import handling, warnings
from app.overview import Card

SHORT = {"surge": "tăng đột biến", "spread": "lan rộng", "hotspot": "nguy cơ điểm nóng"}


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def cards(ctx: Ctx) -> list[Card]:
    out = []
    flagged = warnings.topic_warnings(ctx)
    if flagged:
        out.append(Card(
            title="Cảnh báo sớm điểm nóng dư luận",
            rows=[(f"{w.title} – {' · '.join(SHORT[r.code] for r in w.reasons)}: {w.reason_text}.",
                   f"{len(w.reasons)} dấu hiệu") for w in flagged[:6]],
            level="warning", order=5,
            note=f"{len(flagged)} vấn đề cần theo dõi sát" + ("; xem trang Vấn đề nổi cộm." if len(flagged) > 6
                                                             else "."),
        ))
    late = handling.overdue(ctx)
    if late:
        rows = [("Số thông tin, vấn đề quá hạn", str(len(late)))]
        rows += [(f"{r.kind_label}: {_cut(r.text, 60)} ({r.agency_name})", f"quá {r.days_over} ngày") for r in late[:3]]
        out.append(Card(title="Chuyển xử lý quá hạn", rows=rows, level="warning", order=6,
                        note="Đôn đốc cơ quan được chuyển xử lý; xem mục Quá hạn."))
    else:
        out.append(Card(title="Chuyển xử lý quá hạn", rows=[("Số thông tin, vấn đề quá hạn", "0")], order=40))
    return out
