"""Demo data of the analytics: an emerging issue no topic covers yet, reported in the last weeks
from several areas in different words, so the "luồng dư luận mới" warning shows on Tổng quan."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.opinions import items

# Electricity bills jumping in the hot season: the same stream as collaborators write it.
REPORTS = [
    ("Hóa đơn tiền điện tháng này tăng gấp đôi dù gia đình dùng như mọi tháng, bà con thắc mắc cách tính.",
     "frustration"),
    ("Nhiều hộ phản ánh tiền điện tăng vọt bất thường, nghi đồng hồ điện chạy sai.", "frustration"),
    ("Bà con hỏi vì sao hóa đơn tiền điện mùa nắng nóng cao hơn hẳn, đề nghị điện lực giải thích giá điện bậc thang.",
     "concern"),
    ("Hộ nghèo lo không kham nổi tiền điện khi hóa đơn tháng này tăng mạnh.", "concern"),
    ("Người dân đề nghị kiểm tra lại công tơ điện vì tiền điện tăng cao so với tháng trước.", "concern"),
    ("Chủ quán nhỏ bức xúc hóa đơn tiền điện tăng gần gấp đôi mà không được báo trước.", "frustration"),
    ("Có ý kiến cho rằng ngành điện ghi chỉ số công tơ không đúng kỳ nên tiền điện tháng này tăng vọt.",
     "frustration"),
    ("Bà con mong điện lực niêm yết cách tính tiền điện bậc thang và lịch ghi chỉ số công tơ.", "concern"),
    ("Nhiều gia đình có người già, trẻ nhỏ phải bật quạt, máy lạnh nhiều, hóa đơn tiền điện tăng cao, lo lắng.",
     "concern"),
    ("Trên nhóm Zalo của ấp lan truyền ảnh hóa đơn tiền điện tăng gấp ba, bà con hoang mang.", "distortion"),
]


def populate(ctx, rng: random.Random, today: date) -> None:
    areas = [r[0] for r in ctx.db.execute(
        "SELECT DISTINCT area_code FROM opinions WHERE area_code IS NOT NULL ORDER BY area_code")]
    if not areas:
        return
    spots = rng.sample(areas, min(5, len(areas)))
    people = {a: [r[0] for r in ctx.db.execute("SELECT id FROM collaborators WHERE area_code = ?", [a])]
              for a in spots}
    for i, (summary, tendency) in enumerate(REPORTS):
        area = spots[i % len(spots)]
        # Three in the first weeks, the rest in the last ten days: a stream that grows.
        back = rng.randint(14, 24) if i < 3 else rng.randint(0, 9)
        items.create(ctx, items.Opinion(
            received_on=(today - timedelta(days=back)).isoformat(), field="economy", summary=summary,
            tendency=tendency, area_code=area, channel="direct" if i % 3 else "zalo",
            scale="medium" if i % 2 else "low",
            collaborator_id=rng.choice(people[area]) if people[area] else None))
