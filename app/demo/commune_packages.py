"""A lower office's monthly packages, generated without building its whole database:
what the province demo, the province benchmark and the tests import.

Each commune gets a sender identity (real Ed25519 and age keys), a small network, the
demo topics and, for each month, one package with that month's items and its signed-off
monthly report — the same `.dlxh` bytes a commune's DLXH would send, built by
`package.build` and imported by the real importer. Lighter than the full commune demo
(a few to a few hundred items a month, no meetings or surveys), so a province of 60–168
communes builds in seconds.

What a province reader checks holds: each topic follows its yearly curve (the dry-season
salinity only in the dry months), a topic tied to a place (the Quốc lộ 53 compensation,
the pig farms and charcoal kilns) only in the communes where it arises, items forwarded to
the commune's own agencies get results that answer their topic, and a result reached in a
later month travels in that month's package (the row again, its version raised), as a real
commune's DLXH sends it; a few stay overdue.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from pyrage import x25519

from app.demo import content, places
from app.demo.topic_results import AGENCY, RESULTS, STRATA
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
    agencies: list[dict] = field(default_factory=list)
    local: frozenset[int] = frozenset()   # indexes of the place-bound topics that arise here
    hot: frozenset[int] = frozenset()     # topics this commune marks hot (nổi cộm)
    # forwarded items without a result yet: (row, topic index, days to the result, stuck for good)
    waiting: list[tuple[dict, int, int, bool]] = field(default_factory=list)

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
            stratum=rng.choices(list(STRATA), weights=list(STRATA.values()))[0],
            joined_on="2025-07-01",
        )
        for i in range(people)
    ]
    sender.topics = [
        _synced(sender.code, now, title=t.title, field=t.field, status="hot" if i in sender.hot else "watch",
                opened_on="2025-07-01")
        for i, t in enumerate(content.TOPICS)
    ]
    sender.agencies = [
        # no parent_code: the province's catalogue may not hold the sender's own unit row
        {"code": f"{sender.code}-CQ{i + 1:02d}", "name": name, "level": "agency", "origin": sender.code,
         "version": 1, "updated_at": now}
        for i, name in enumerate(places.agencies_of(sender.name))
    ]
    return {"collaborators": sender.people, "topics": sender.topics, "units": sender.agencies}


def _topic_weights(sender: Sender, curve_at: int | None) -> list[float]:
    """How much each topic is talked about here this month: its curve, nothing where it cannot arise."""
    weights = []
    for i, t in enumerate(content.TOPICS):
        if i in places_bound() and i not in sender.local:
            weights.append(0.0)
        else:
            weights.append(float(t.curve[curve_at]) if curve_at is not None else 1.0)
    return weights if any(weights) else [1.0] * len(weights)


def places_bound() -> frozenset[int]:
    """Topics tied to a place: they arise only in the communes a province plan gives them."""
    return frozenset(i for i, t in enumerate(content.TOPICS) if t.communes)


def month_tables(
    sender: Sender, rng: random.Random, month: date, items: int, *, report: bool = True, hot: bool = False,
    curve_at: int | None = None,
) -> dict[str, list[dict]]:
    """One month of items (and its monthly report, status 'sent') for `sender`; `curve_at`
    (0–11) reads the topics' yearly curves at that month; results reached this month for
    earlier forwarded items come along as updated rows."""
    now = utc_now()
    next_month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    days = (next_month - month).days
    rows = _results_reached(sender, rng, next_month - timedelta(days=1), now)
    weights = _topic_weights(sender, curve_at)
    for _ in range(items):
        topic_index = rng.choices(range(len(content.TOPICS)), weights=weights)[0]
        t = content.TOPICS[topic_index]
        tendency = rng.choices(list(t.tendencies), weights=list(t.tendencies.values()))[0]
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
                hotspot_risk="high" if hot and topic_index in sender.hot and tendency == "frustration"
                and rng.random() < 0.4 else "none",
                handling="new",
            )
        )
        _forward(sender, rng, rows[-1], topic_index, next_month - timedelta(days=1))
    tables: dict[str, list[dict]] = {"opinions": rows}
    if report:
        end = next_month - timedelta(days=1)
        tables["reports"] = [
            _synced(sender.code, now, kind=kind, period_start=start.isoformat(), period_end=end.isoformat(),
                    title=f"Báo cáo tình hình dư luận xã hội {label}", status="sent", issued_on=end.isoformat())
            for kind, start, label in _periods_ending(month)
        ]
    return tables


def _periods_ending(month: date) -> list[tuple[str, date, str]]:
    """The reports a commune sends after `month`: the monthly one, and the quarter's, half
    year's and year's when the month closes one (kind, first day, words for the title)."""
    out = [("monthly", month, f"tháng {month.month} năm {month.year}")]
    if month.month % 3 == 0:
        out.append(("quarterly", month.replace(month=month.month - 2),
                    f"quý {('I', 'II', 'III', 'IV')[month.month // 3 - 1]} năm {month.year}"))
    if month.month % 6 == 0:
        out.append(("half_year", month.replace(month=month.month - 5),
                    f"6 tháng {'đầu' if month.month == 6 else 'cuối'} năm {month.year}"))
    if month.month == 12:
        out.append(("annual", month.replace(month=1), f"năm {month.year}"))
    return out


def _forward(sender: Sender, rng: random.Random, row: dict, topic_index: int, month_end: date) -> None:
    """A worried or frustrated item is often forwarded to the commune agency its topic belongs to."""
    if not sender.agencies or not RESULTS[topic_index] or row["tendency"] not in ("concern", "frustration") \
            or rng.random() > 0.4:
        return
    received = date.fromisoformat(row["received_on"])
    forwarded = min(month_end, received + timedelta(days=rng.randint(1, 5)))
    agency = sender.agencies[AGENCY[topic_index] % len(sender.agencies)]
    row.update(handling="forwarded", forwarded_to=agency["code"], forwarded_on=forwarded.isoformat(),
               due_on=(forwarded + timedelta(days=30)).isoformat())
    # Most results come within the month the agency has; one in eight comes one to three months
    # late (overdue meanwhile); a few never come.
    late = rng.random() < 0.12
    sender.waiting.append((row, topic_index, rng.randint(45, 100) if late else rng.randint(7, 30),
                           rng.random() < 0.01))


def _results_reached(sender: Sender, rng: random.Random, month_end: date, now: str) -> list[dict]:
    """Earlier forwarded items whose result came by this month's end: sent again, version raised.
    Late ones are overdue in between (the overdue the province sees); about one in a hundred
    never gets a result."""
    done, still = [], []
    for entry in sender.waiting:
        row, topic_index, delay, stuck = entry
        when = date.fromisoformat(row["forwarded_on"]) + timedelta(days=delay)
        if when > month_end:
            still.append(entry)
            continue
        if stuck:
            continue          # no result from the agency: overdue from its due date on, never re-sent
        row.update(handling="resolved", result=rng.choice(RESULTS[topic_index]), resolved_on=when.isoformat(),
                   version=row["version"] + 1, updated_at=now)
        if rng.random() < 0.7 and when + timedelta(days=5) <= month_end:
            row.update(handling="answered", answered_on=(when + timedelta(days=rng.randint(1, 5))).isoformat())
        done.append(row)
    sender.waiting = still
    return done


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
