"""A lower office's monthly packages, generated without building its whole database:
what the province demo, the province benchmark and the tests import.

Each commune gets a sender identity (real Ed25519 and age keys), a small network, the
demo topics and, for each month, one package with that month's items and its signed-off
monthly report — the same `.dlxh` bytes a commune's DLXH would send, built by
`package.build` and imported by the real importer. Lighter than the full commune demo
(a few to a few hundred items a month, no meetings or surveys), so a province of 60–168
communes builds in seconds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from pyrage import x25519

from app.demo import content
from app.exchange import identity, minisign, package
from app.ids import utc_now, uuid7

FIELDS = ["economy", "culture_society", "politics", "defense_security", "party_building", "other"]
TENDENCIES = {"support": 0.35, "concern": 0.35, "frustration": 0.22, "distortion": 0.08}
SCALES = {"low": 0.5, "medium": 0.35, "high": 0.15}


@dataclass
class Sender:
    """A lower office as seen from outside: its code, name, role and exchange keys."""

    code: str
    name: str
    role: str = "district"  # the exchange side: every lower office is 'district'
    kind: str = "commune"
    secret: minisign.SecretKey = field(default_factory=minisign.SecretKey.generate)
    age: x25519.Identity = field(default_factory=x25519.Identity.generate)
    seq: int = 0
    topics: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)

    def card(self) -> identity.Card:
        kind = "province" if self.role == "province" else self.kind
        return identity.make_card(
            self.code, self.name, self.role, self.secret.public(), str(self.age.to_public()), kind=kind,
            official_code=self.code if kind == "commune" else "",
        )


def _synced(code: str, now: str, **values) -> dict:
    return {"id": uuid7(), "origin": code, "version": 1, "updated_at": now, **values}


def first_tables(sender: Sender, rng: random.Random, people: int = 8) -> dict[str, list[dict]]:
    """What the first package carries besides a month: the collaborators and the topics."""
    now = utc_now()
    sender.people = [
        _synced(
            sender.code,
            now,
            full_name=f"Cộng tác viên {i + 1}",
            gender="female" if rng.random() < 0.4 else "male",
            status="active",
            area_code=sender.code,
            party_member=1,
        )
        for i in range(people)
    ]
    sender.topics = [
        _synced(sender.code, now, title=t.title, field=t.field, status="watch", opened_on="2025-07-01")
        for t in content.TOPICS
    ]
    return {"collaborators": sender.people, "topics": sender.topics}


def month_tables(
    sender: Sender, rng: random.Random, month: date, items: int, *, report: bool = True, hot: bool = False
) -> dict[str, list[dict]]:
    """One month of items (and its monthly report, status 'sent') for `sender`."""
    now = utc_now()
    next_month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    days = (next_month - month).days
    rows = []
    for _ in range(items):
        topic_index = rng.randrange(len(content.TOPICS))
        t = content.TOPICS[topic_index]
        tendency = rng.choices(list(TENDENCIES), weights=list(TENDENCIES.values()))[0]
        rows.append(
            _synced(
                sender.code,
                now,
                received_on=(month + timedelta(days=rng.randrange(days))).isoformat(),
                field=t.field,
                tendency=tendency,
                summary=f"{rng.choice(content.SUBJECTS)} {rng.choice(t.statements)}.",
                proposal=rng.choice(t.proposals) if rng.random() < 0.3 else None,
                area_code=sender.code,
                collaborator_id=rng.choice(sender.people)["id"] if sender.people else None,
                topic_id=sender.topics[topic_index]["id"] if sender.topics else None,
                channel="direct",
                scale=rng.choices(list(SCALES), weights=list(SCALES.values()))[0],
                hotspot_risk="high" if hot and tendency == "frustration" and rng.random() < 0.3 else "none",
                handling="new",
            )
        )
    tables: dict[str, list[dict]] = {"opinions": rows}
    if report:
        end = next_month - timedelta(days=1)
        tables["reports"] = [
            _synced(
                sender.code,
                now,
                kind="monthly",
                period_start=month.isoformat(),
                period_end=end.isoformat(),
                title=f"Báo cáo tình hình dư luận xã hội tháng {month.month} năm {month.year}",
                status="sent",
                issued_on=end.isoformat(),
            )
        ]
    return tables


def build_package(sender: Sender, recipient: str, recipient_age: str, tables: dict[str, list[dict]]) -> bytes:
    """The next signed, encrypted package from `sender` to the province."""
    sender.seq += 1
    out = package.Outgoing(
        "data",
        sender.code,
        recipient,
        sender.seq,
        sender.seq - 1,
        tables=tables,
        app_version="demo",
        schema_version=0,
        extra={"sender_name": sender.name},
    )
    return package.build(out, sender.secret, recipient_age)
