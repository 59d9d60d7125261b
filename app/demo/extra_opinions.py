"""Demo data of the opinions desk: the meeting rule, times and secretary of held meetings (so
the minutes read complete), and the hot compensation topic forwarded to the project board."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.meetings import schedule


def populate(ctx, rng: random.Random, today: date) -> None:
    schedule.put_rule(ctx, schedule.MeetingRule(every_months=1, day=10))
    with ctx.transaction():
        # Part of the demo's initial rows (version 1), not later edits.
        ctx.db.execute("UPDATE meetings SET start_time = '08:00', end_time = '11:00', "
                       "secretary = 'Đồng chí Lê Thị Mỹ Duyên, Chuyên viên Văn phòng Đảng ủy' WHERE held_on <= ?",
                       [today.isoformat()])
        board = ctx.db.execute("SELECT code FROM units WHERE level = 'agency' AND name LIKE 'Ban Quản lý dự án%'"
                               ).fetchone()
        topic = ctx.db.execute("SELECT id FROM topics WHERE status = 'hot' AND title LIKE 'Bồi thường%'").fetchone()
        if board and topic:
            sent = today - timedelta(days=40 + rng.randint(0, 5))
            ctx.db.execute("UPDATE topics SET handling = 'forwarded', forwarded_to = ?, forwarded_on = ?, due_on = ? "
                           "WHERE id = ?", [board[0], sent.isoformat(), (sent + timedelta(days=30)).isoformat(),
                                            topic[0]])
