"""Overview cards of the opinions desk: early warnings with their reasons in words (each row
opens its topic), overdue handling (each row opens the item or topic; the count, the list)."""

from __future__ import annotations

from app.context import Ctx
from app.opinions import handling, warnings
from app.overview import Card, Link
from app.text import first_words

SHORT = {"surge": "tăng đột biến", "spread": "lan rộng", "hotspot": "nguy cơ điểm nóng"}


def cards(ctx: Ctx) -> list[Card]:
    out = []
    flagged = warnings.topic_warnings(ctx)
    if flagged:
        out.append(Card(
            title="Cảnh báo sớm điểm nóng dư luận",
            rows=[(f"{w.title} – {' · '.join(SHORT[r.code] for r in w.reasons)}: {w.reason_text}.",
                   f"{len(w.reasons)} dấu hiệu", Link("topics", w.topic_id, hint="Mở vấn đề này"))
                  for w in flagged[:6]],
            level="warning", order=5,
            note=f"{len(flagged)} vấn đề cần theo dõi sát" + ("; xem trang Vấn đề nổi cộm." if len(flagged) > 6
                                                             else "."),
        ))
    late = handling.overdue(ctx)
    overdue_list = Link("opinions", tab="overdue", hint="Xem danh sách quá hạn xử lý")
    if late:
        rows = [("Số thông tin, vấn đề quá hạn", str(len(late)), overdue_list)]
        rows += [(f"{r.kind_label}: {first_words(r.text, 60)} ({r.agency_name})", f"quá {r.days_over} ngày",
                  Link("topics", r.id, hint="Mở vấn đề này") if r.kind == "topic"
                  else Link("opinions", r.id, tab="overdue", hint="Mở thông tin này"))
                 for r in late[:3]]
        out.append(Card(title="Chuyển xử lý quá hạn", rows=rows, level="warning", order=6,
                        note="Đôn đốc cơ quan được chuyển xử lý; xem mục Quá hạn."))
    else:
        out.append(Card(title="Chuyển xử lý quá hạn", rows=[("Số thông tin, vấn đề quá hạn", "0")], order=40))
    return out
