"""Demo register: the head's name for signatures, and the last three monthly reports
(one sent on time, one sent late, the latest still a draft) so the register and the
Overview show every state."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app import settings
from app.reports import draft, register
from app.reports.period import due_date, period_of


def populate(ctx, rng: random.Random, today: date) -> None:
    settings.put(ctx, "report_signer_name", "Trần Văn Hùng")
    last = period_of("monthly", today.replace(day=1) - timedelta(days=1))
    months = [last.previous().previous(), last.previous(), last]
    for number, (p, late) in enumerate(zip(months, (False, True, None), strict=True), start=1):
        report = draft.draft_report(ctx, "monthly", p.start)
        if late is None:
            continue
        due = due_date(ctx, p)
        sent = due + timedelta(days=rng.randint(2, 4)) if late else due - timedelta(days=rng.randint(1, 3))
        register.set_number(ctx, report.id, number, sent - timedelta(days=1))
        register.submit(ctx, report.id)
        register.approve(ctx, report.id)
        register.sign(ctx, report.id)
        register.mark_sent(ctx, report.id, sent)
