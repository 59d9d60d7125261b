"""Overview card of the analytics: new opinion streams ("luồng dư luận mới") of the last 30 days that
no topic covers, with their keywords, areas and a sample, and one button per stream that makes it
a topic and links its items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.context import Ctx
from app.overview import Card, CardAction

if TYPE_CHECKING:
    from app.analytics.streams import Stream

SHOWN = 3
SLOW = True     # the topic model: Tổng quan shows the other cards first (app.overview.build)


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def _action(stream: Stream) -> CardAction:
    def run(ctx: Ctx) -> str:
        from app.analytics import streams

        topic = streams.create_topic(ctx, stream.period, stream.key)
        return f"Đã tạo vấn đề «{topic.title}» và gắn {stream.size} ý kiến vào vấn đề này."

    return CardAction(f"Tạo vấn đề: {', '.join(stream.keywords[:3])}", run)


def cards(ctx: Ctx) -> list[Card]:
    # Imported here: the streams need numpy, which Tổng quan's quick cards (built first, see
    # SLOW) and the start-up do not.
    from app.analytics import streams

    flagged = [s for s in streams.recent(ctx) if s.warning]
    if not flagged:
        return []
    rows = []
    for s in flagged[:SHOWN]:
        rows.append((f"«{', '.join(s.keywords)}» – {'; '.join(s.reasons)}. Địa bàn: {', '.join(s.areas[:5])}"
                     + ("…" if len(s.areas) > 5 else "") + f". Ví dụ: {_cut(s.samples[0], 90)}", f"{s.size} ý kiến"))
    return [Card(title="Luồng dư luận mới chưa thuộc vấn đề nào", rows=rows, level="warning", order=7,
                 note="Các ý kiến 30 ngày qua giống nhau nhưng chưa gắn vấn đề; tạo vấn đề để theo dõi và cảnh báo.",
                 actions=[_action(s) for s in flagged[:SHOWN]])]
