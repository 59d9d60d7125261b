"""Demo data of the collaborator network: two training sessions a year with their attendees,
a few commendations, and one replacement proposal for a quiet collaborator."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.collaborators import activity, training
from app.office import get_office


def populate(ctx, rng: random.Random, today: date) -> None:
    people = [r[0] for r in ctx.db.execute(
        "SELECT id FROM collaborators WHERE status = 'active' ORDER BY id").fetchall()]
    if not people:
        return
    me = get_office(ctx)
    committee = me.style.office_label
    sessions = [
        (today - timedelta(days=300), "Kỹ năng nắm bắt, tổng hợp và phản ánh thông tin dư luận xã hội"),
        (today - timedelta(days=120), "Nhận diện và đấu tranh với thông tin xấu, độc trên không gian mạng"),
    ]
    for held_on, topic in sessions:
        attendees = [p for p in people if rng.random() < 0.8]
        training.save_training(ctx, training.Training(
            held_on.isoformat(), topic, place=f"Hội trường {committee}", organiser=committee,
            attendees=attendees))
    reasons = ["Có thành tích xuất sắc trong nắm bắt, phản ánh kịp thời tình hình dư luận xã hội",
               "Phản ánh sớm dư luận về vụ việc phức tạp tại địa bàn, góp phần ổn định tình hình"]
    for n, person in enumerate(rng.sample(people, 4)):
        training.save_commendation(ctx, training.Commendation(
            person, (today - timedelta(days=rng.randint(30, 330))).isoformat(),
            "commune" if n < 3 else "province_btg", reasons[n % 2], f"{rng.randint(20, 90)}-QĐ/{me.body_code}"))
    quiet = activity.flagged(ctx, today)
    if quiet:
        activity.propose_replacement(ctx, quiet[0].collaborator_id, today=today)
