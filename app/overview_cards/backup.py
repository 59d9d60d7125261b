"""The overview's backup card: shown when the automatic backups fail or have not run for two
days, with the reason and what to do (issue 25: the failure reached only the log file)."""

from __future__ import annotations

from datetime import datetime

from app.backup import health
from app.context import Ctx
from app.overview import Card


def _when(moment: datetime | None) -> str:
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}" if moment else "chưa có"


def cards(ctx: Ctx, now: datetime | None = None) -> list[Card]:
    state = health.status(ctx)
    if state.failing:
        return [Card("Sao lưu tự động không chạy được", [
            ("Lần không sao lưu được", _when(state.failed_at)),
            ("Bản sao lưu gần nhất", _when(state.last_ok)),
        ], level="warning", order=5, note=f"{state.failure} {health.WHAT_TO_DO}")]
    if state.stale(now):
        return [Card("Đã lâu chưa có bản sao lưu", [("Bản sao lưu gần nhất", _when(state.last_ok))],
                     level="warning", order=90, note=health.WHAT_TO_DO)]
    return []
