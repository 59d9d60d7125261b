"""A synthetic province holding N communes' imported data for one month (for the
consolidated report's test and benchmark): some communes with hot spots, some with
overdue handling, some whose monthly report never arrived. Rows carry each commune's
origin, as imported rows do."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from app import records
from app.context import Ctx
from app.ids import uuid7
from app.office import init_office

TOPICS = [("Bồi thường giải phóng mặt bằng", "economy"), ("Ô nhiễm môi trường", "culture_society"),
          ("Lừa đảo qua mạng", "defense_security"), ("Sắp xếp đơn vị hành chính", "politics"),
          ("Giá vật tư nông nghiệp", "economy"), ("Hoá đơn tiền điện tăng", "economy"), ("Biển Đông", "foreign_affairs")]
TENDENCIES = ["support", "concern", "frustration", "distortion"]
STRATA = ["farmer", "worker", "cadre", "business", "youth"]


def build(path: Path, communes: int, per_commune: int = 60, month: date = date(2026, 10, 1),
          seed: int = 7) -> tuple[Ctx, dict[str, list[str]]]:
    """Returns the province context and the names expected to be named: hot, overdue, missing."""
    ctx, _ = init_office(path, unit_code="86", name="Tỉnh Vĩnh Long", role="province")
    return ctx, fill(ctx, communes, per_commune, month, seed)


def fill(ctx: Ctx, communes: int, per_commune: int = 60, month: date = date(2026, 10, 1),
         seed: int = 7) -> dict[str, list[str]]:
    """Put N communes' month into a province office as their packages would (see `build`).
    Odd communes spell the topics with the old tone placement ("hoá" for "hóa") and upper
    case, as another clerk may: the province still sees one topic."""
    rng = random.Random(seed)
    expect: dict[str, list[str]] = {"hot": [], "overdue": [], "missing": []}
    peers, units, topics, opinions, arrivals, collaborators = [], [], [], [], [], []
    for i in range(communes):
        code, name = f"86{i:03d}", f"Xã Thử Nghiệm {i + 1}"
        peers.append({"unit_code": code, "name": name, "role": "district", "sign_public_key": "-",
                      "age_recipient": "-", "fingerprint": "-", "enrolled_on": "2026-01-01", "enrolled_by": "t"})
        units.append({"code": code, "name": name, "level": "commune", "parent_code": "86", "origin": code,
                      "updated_at": "2026-01-01"})
        ids = {}
        for title, fld in TOPICS:
            ids[title] = uuid7()
            spelled = title.replace("oá", "óa").upper() if i % 2 else title
            topics.append({"id": ids[title], "origin": code, "title": spelled, "field": fld, "status": "watch",
                           "opened_on": "2026-01-01"})
        people = []
        for k, stratum in enumerate(STRATA):
            people.append({"id": uuid7(), "origin": code, "full_name": f"Cộng tác viên {k + 1}", "status": "active",
                           "stratum": stratum, "area_code": code, "joined_on": "2026-01-01"})
        collaborators.extend(people)
        hot, late, missing = i % 7 == 3, i % 5 == 1, i % 11 == 4
        if hot:
            expect["hot"].append(name)
        if late:
            expect["overdue"].append(name)
        if missing:
            expect["missing"].append(name)
        else:
            arrivals.append({"report_id": uuid7(), "origin": code, "kind": "monthly",
                             "period_start": month.isoformat(), "received_on": (month + timedelta(days=45)).replace(day=15).isoformat(),
                             "package_seq": 1})
        for k in range(per_commune):
            title, fld = rng.choice(TOPICS)
            day = month + timedelta(days=rng.randint(0, 27))
            row = {"origin": code, "received_on": day.isoformat(), "channel": "direct", "field": fld,
                   "topic_id": ids[title], "summary": f"Nhân dân phản ánh về {title.lower()} số {k}.",
                   "tendency": rng.choice(TENDENCIES), "scale": "medium", "hotspot_risk": "none",
                   "handling": "new", "collaborator_id": rng.choice(people)["id"]}
            if hot and k < 3:
                row.update(topic_id=ids[TOPICS[0][0]], field="economy", hotspot_risk="high", tendency="frustration")
            if late and k == 0:
                row.update(handling="forwarded", forwarded_to=code, forwarded_on=month.isoformat(),
                           due_on=(month + timedelta(days=10)).isoformat())
            opinions.append(row)
    with ctx.transaction():
        ctx.db["peers"].insert_all(peers)
        ctx.db["units"].insert_all(units)
        ctx.db["report_arrivals"].insert_all(arrivals)
    records.bulk_insert(ctx, "topics", topics, note="sample")
    records.bulk_insert(ctx, "collaborators", collaborators, note="sample")
    records.bulk_insert(ctx, "opinions", opinions, note="sample")
    return expect
