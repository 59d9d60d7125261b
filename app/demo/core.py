"""Generate one lower office's year of work: areas, network, meetings, topics and ~1,500 items.

`build_commune_data(ctx, seed, today)` fills an already created commune office (any commune:
names come from the office, areas from places.hamlets_of); the same seed gives the same data.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app import records
from app.context import Ctx
from app.demo import content, places
from app.ids import uuid7
from app.months import month_starts
from app.office import add_unit, get_office

SECTOR_OF_STRATUM = {
    "cadre": "government", "farmer": "farmers_union", "worker": "labour", "intellectual": "education",
    "business": "front", "youth": "youth_union", "veteran": "veterans_union", "retiree": "party",
    "religious": "front", "ethnic": "front", "armed_forces": "military", "other": "women",
    "ethnic_prestige": "front", "religious_dignitary": "front",
}
STRATUM_MIX = ["farmer"] * 5 + ["cadre"] * 3 + ["retiree"] * 2 + ["youth"] * 2 + ["veteran"] * 2 + \
    ["business", "worker", "intellectual", "religious_dignitary", "ethnic"]
BIRTH_YEARS = {"retiree": (1950, 1963), "veteran": (1952, 1968), "youth": (1994, 2003)}
POSITIONS = {
    "cadre": "Công chức Văn hóa – Xã hội xã", "farmer": "Chi hội trưởng Hội Nông dân ấp",
    "retiree": "Bí thư chi bộ ấp", "youth": "Bí thư Chi đoàn ấp", "veteran": "Chi hội trưởng Cựu chiến binh ấp",
    "business": "Chủ cơ sở kinh doanh", "worker": "Công nhân", "intellectual": "Giáo viên trường THCS",
    "religious": "Phật tử", "ethnic": "Hội viên Hội Nông dân ấp",
    "religious_dignitary": "Thành viên Ban quản trị chùa Khmer",
    "ethnic_prestige": "Người có uy tín trong đồng bào Khmer",
}


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _name(rng: random.Random, gender: str, khmer: bool) -> str:
    if khmer and rng.random() < 0.6:
        return f"{rng.choice(places.KHMER_FAMILY)} {rng.choice(places.KHMER_GIVEN)}"
    middle = rng.choice(places.MIDDLE_M if gender == "male" else places.MIDDLE_F)
    given = rng.choice(places.GIVEN_M if gender == "male" else places.GIVEN_F)
    return f"{rng.choice(places.FAMILY)} {middle} {given}"


ADULT_SHARE = 0.72


def _unique_name(rng: random.Random, gender: str, khmer: bool, taken: set[str]) -> str:
    """A name no other collaborator of the office has (minutes and lists name people, and two
    namesakes would read as one person both absent and reporting)."""
    for _ in range(50):
        name = _name(rng, gender, khmer)
        if name not in taken:
            break
    taken.add(name)
    return name


def build_units(ctx: Ctx) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """The office's areas (hamlets with local codes) and agencies; returns their codes and the
    main ethnicity of each area."""
    me = get_office(ctx)
    areas, ethnicity = [], []
    for i, (kind, name, population, ethnic) in enumerate(places.hamlets_of(me.unit_code), start=1):
        code = f"{me.unit_code}-A{i:02d}"
        # People aged 18+: about 72 % of the population (2019 census), a survey's frame.
        add_unit(ctx, code, name, "hamlet", me.unit_code, population, area_type=kind,
                 adults=int(round(population * ADULT_SHARE, -1)))
        areas.append(code)
        ethnicity.append(ethnic)
    agencies = []
    for i, name in enumerate(places.agencies_of(me.name), start=1):
        code = f"{me.unit_code}-CQ{i:02d}"
        add_unit(ctx, code, name, "agency", me.unit_code)
        agencies.append((code, name))
    return areas, agencies, ethnicity


def build_collaborators(ctx: Ctx, rng: random.Random, communes: list[str], today: date,
                        ethnicity: list[str] | None = None) -> list[dict]:
    rows = []
    taken: set[str] = set()
    names = dict(ctx.db.execute("SELECT code, name FROM units WHERE level = 'hamlet'").fetchall())
    for i in range(62):
        commune_index = i % len(communes)
        khmer = bool(ethnicity) and ethnicity[commune_index] == "Khmer"
        stratum = "ethnic_prestige" if khmer and rng.random() < 0.3 else rng.choice(STRATUM_MIX)
        gender = "female" if rng.random() < 0.38 else "male"
        phone_prefix = rng.choice(["090", "091", "093", "097", "098", "034", "036", "070", "079", "085"])
        phone = phone_prefix + "".join(str(rng.randint(0, 9)) for _ in range(7))
        joined = today - timedelta(days=rng.randint(400, 2200))
        rows.append({
            "id": uuid7(), "full_name": _unique_name(rng, gender, khmer, taken), "gender": gender,
            "birth_year": rng.randint(*BIRTH_YEARS.get(stratum, (1962, 1992))), "ethnicity": "Khmer" if khmer and rng.random() < 0.5 else "Kinh",
            "religion": "Phật giáo Nam tông Khmer" if khmer and rng.random() < 0.5 else None,
            "party_member": 1 if rng.random() < 0.62 else 0, "position": POSITIONS.get(stratum, "Cộng tác viên"),
            "workplace": names.get(communes[commune_index], ""),
            "area_code": communes[commune_index], "sector": SECTOR_OF_STRATUM[stratum], "stratum": stratum,
            "phone": phone, "email": None, "zalo": phone if rng.random() < 0.8 else None,
            "decision_no": f"{rng.randint(150, 480)}-QĐ/ĐU", "decision_date": joined.isoformat(),
            "joined_on": joined.isoformat(), "status": "active",
        })
    # Two people left during the year and were replaced; one is paused (long illness).
    for leaver, newcomer in ((3, 60), (17, 61)):
        left_on = today - timedelta(days=rng.randint(60, 200))
        rows[leaver].update(status="left", left_on=left_on.isoformat(),
                            left_reason="Chuyển công tác khác" if leaver == 3 else "Lớn tuổi, sức khỏe yếu",
                            replaced_by=rows[newcomer]["id"])
        rows[newcomer].update(area_code=rows[leaver]["area_code"], joined_on=left_on.isoformat(),
                              decision_date=left_on.isoformat())
    rows[25].update(status="paused", notes="Tạm dừng do điều trị bệnh dài ngày.")
    records.bulk_insert(ctx, "collaborators", rows, note="demo")
    return rows


def build_commune_data(ctx: Ctx, seed: int, today: date) -> dict[str, int]:
    """A commune's year: its hamlets, 62 collaborators, monthly meetings, topics and items."""
    rng = random.Random(seed)
    communes, agencies, ethnicity = build_units(ctx)
    people = build_collaborators(ctx, rng, communes, today, ethnicity)
    hall = f"Hội trường {get_office(ctx).style.office_label}"
    active = [p for p in people if p["status"] == "active"]
    # A few collaborators who have gone quiet: no items and missed meetings lately.
    quiet = {p["id"] for p in rng.sample(active, 4)}
    months = month_starts(today, 12)

    meetings = []
    for n, start in enumerate(months):
        held = start.replace(day=10)
        if held > today:
            continue
        meetings.append({"id": uuid7(), "kind": "regular", "held_on": held.isoformat(),
                         "place": hall,
                         "chair": "Đồng chí Trần Văn Phúc, Trưởng Ban Xây dựng Đảng Đảng ủy xã",
                         "agenda": content.MEETING_AGENDAS[n % len(content.MEETING_AGENDAS)],
                         "materials": "Tài liệu thông tin thời sự tháng; đề cương tuyên truyền của Ban Tuyên giáo và Dân vận Tỉnh ủy.",
                         # No stock text in the chair's conclusion: the minutes draft it from what was reported.
                         "minutes": None})
    extra = today - timedelta(days=9)
    meetings.append({"id": uuid7(), "kind": "extraordinary", "held_on": extra.isoformat(),
                     "place": hall, "chair": "Đồng chí Nguyễn Thanh Sơn, Phó Bí thư Thường trực Đảng ủy xã",
                     "agenda": "Nắm tình hình dư luận về ô nhiễm môi trường từ cơ sở chăn nuôi heo và lò than củi.",
                     "materials": None, "minutes": None})
    records.bulk_insert(ctx, "meetings", meetings, note="demo")
    attendance = []
    for m in meetings:
        recent = m["held_on"] >= (today - timedelta(days=70)).isoformat()
        for p in people:
            if p["status"] != "active" or p["joined_on"] > m["held_on"]:
                continue
            if p["id"] in quiet and recent:
                presence = "absent"
            else:
                r = rng.random()
                presence = "present" if r < 0.86 else ("excused" if r < 0.95 else "absent")
            attendance.append({"meeting_id": m["id"], "collaborator_id": p["id"], "presence": presence,
                               "reason": "Bận công tác" if presence == "excused" else None})
    ctx.db["meeting_attendance"].insert_all(attendance)
    by_id = {p["id"]: p for p in people}
    present: dict[str, list[dict]] = {m["id"]: [] for m in meetings}
    for a in attendance:
        if a["presence"] == "present":
            present[a["meeting_id"]].append(by_id[a["collaborator_id"]])

    topic_rows = []
    for t in content.TOPICS:
        opened = months[next(i for i, w in enumerate(t.curve) if w > 0)]
        closed = (months[-3] + timedelta(days=5)).isoformat() if t.status == "closed" else None
        topic_rows.append({"id": uuid7(), "title": t.title, "field": t.field, "status": t.status,
                           "opened_on": opened.isoformat(), "closed_on": closed})
    records.bulk_insert(ctx, "topics", topic_rows, note="demo")

    items = _build_items(rng, today, months, communes, agencies, active, quiet, meetings, topic_rows, present)
    items += _called_for(rng, today, communes, agencies, meetings, topic_rows, present)
    records.bulk_insert(ctx, "opinions", items, note="demo")
    return {"areas": len(communes), "collaborators": len(people), "meetings": len(meetings),
            "topics": len(topic_rows), "opinions": len(items)}


build_demo_data = build_commune_data  # the name callers used before office kinds


YEAR_TOPIC_ITEMS = 1380   # a year's items filed under a topic, spread by the topics' curves
OTHER_ITEMS = (5, 9)      # a month's items tied to no topic


def _per_weight() -> float:
    return YEAR_TOPIC_ITEMS / sum(sum(t.curve) for t in content.TOPICS)


def month_size(month_index: int) -> int:
    """The demo commune's items in month `month_index` (0–11, January–December) on average:
    the province demo's Xã Càng Long sends as many, so the two demos show one Càng Long."""
    return round(sum(t.curve[month_index] for t in content.TOPICS) * _per_weight()) + sum(OTHER_ITEMS) // 2


def _build_items(rng, today, months, communes, agencies, active, quiet, meetings, topic_rows, present) -> list[dict]:
    # Quiet collaborators did report, but nothing in the last three months; at a meeting only
    # those present report (an absent collaborator reports nothing there).
    talkers = {"recent": [p for p in active if p["id"] not in quiet], "earlier": active, "present": present}
    items = []
    per_unit = _per_weight()
    for t, topic in zip(content.TOPICS, topic_rows, strict=True):
        for month_index, start in enumerate(months):
            # The month still running has items only for its days so far (consistent with the
            # months before it, not a whole month's worth in a week).
            count = round(t.curve[month_index] * per_unit * rng.uniform(0.85, 1.15) * _elapsed(start, today))
            for _ in range(count):
                items.append(_item(rng, t, topic, start, today, communes, agencies, talkers, meetings))
        if t.surge_days:
            # A recent surge: frustration spreading over several communes in the last two weeks.
            for _ in range(16):
                day = today - timedelta(days=rng.randint(0, t.surge_days - 1))
                item = _item(rng, t, topic, day.replace(day=1), today, communes, agencies, talkers, meetings, day)
                angry = [x for x in t.statements if "frustration" in tones(x)]
                said = next((x for x in t.statements if x in item["summary"]), "")
                if angry and said and "frustration" not in tones(said):  # the words fit the tendency
                    item["summary"] = item["summary"].replace(said, rng.choice(angry))
                item.update(tendency="frustration", scale=rng.choice(["medium", "high"]),
                            hotspot_risk="high" if rng.random() < 0.25 else "low")
                items.append(item)
    # Items not tied to a topic ("other" concerns of the month).
    for start in months:
        for _ in range(round(rng.randint(*OTHER_ITEMS) * _elapsed(start, today))):
            items.append(_item(rng, None, None, start, today, communes, agencies, talkers, meetings))
    items.sort(key=lambda r: r["received_on"])
    return items


def _called_for(rng, today, communes, agencies, meetings, topic_rows, present) -> list[dict]:
    """What collaborators present at an extraordinary meeting reported on the matter it was called for."""
    out = []
    talkers = {"recent": [], "earlier": [], "present": present}
    for m in meetings:
        if m["kind"] != "extraordinary" or not present[m["id"]]:
            continue
        found = [(t, row) for t, row in zip(content.TOPICS, topic_rows, strict=True) if _on_agenda(t.title, m["agenda"])]
        if not found:
            continue
        t, topic = found[0]
        held = date.fromisoformat(m["held_on"])
        for reporter in rng.sample(present[m["id"]], min(7, len(present[m["id"]]))):
            talkers["recent"] = talkers["earlier"] = [reporter]
            item = _item(rng, t, topic, held.replace(day=1), today, communes, agencies, talkers, meetings, held)
            item.update(channel="meeting", meeting_id=m["id"], received_on=held.isoformat(),
                        collaborator_id=reporter["id"])
            out.append(item)
    return out


def _on_agenda(title: str, agenda: str | None) -> bool:
    """Most words of a topic's title stand in the meeting's agenda."""
    from app.text import fold

    words = {w for w in fold(title).replace(",", " ").split() if len(w) > 2}
    return bool(words) and len(words & set(fold(agenda or "").replace(",", " ").split())) * 3 >= len(words) * 2


TONE_WORDS = (  # words of a statement -> the tendencies it can voice
    (("đồng tình", "ủng hộ", "tin tưởng", "đánh giá cao"), {"support"}),
    (("xuyên tạc", "suy diễn"), {"distortion"}),
    (("bức xúc",), {"frustration"}),
    (("lo lắng", "băn khoăn", "quan tâm", "lo ngại"), {"concern"}),
    (("phản ánh", "cho rằng"), {"concern", "frustration"}),
    (("mong",), {"support", "concern"}),
)


def tones(statement: str) -> set[str]:
    """The tendencies a statement's own words can voice (the first rule that matches), so an
    item marked 'đồng tình' never reads 'phản ánh thương lái ép giá'."""
    for words, found in TONE_WORDS:
        if any(w in statement for w in words):
            return found
    return {"support", "concern", "frustration", "distortion"}


def _elapsed(start: date, today: date) -> float:
    """The share of the month starting `start` that is over by `today` (1 for past months)."""
    nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    if today >= nxt:
        return 1.0
    return max(0.0, (today - start).days + 1) / (nxt - start).days


# Items of the month without a topic: (field, statement, proposal, agency index or None, result).
MISC = [
    ("economy", "phản ánh tuyến đường giao thông nông thôn xuống cấp, đi lại khó khăn mùa mưa",
     "Đề nghị bố trí vốn sửa chữa tuyến đường liên ấp.", 0,
     "Đã đưa tuyến đường vào kế hoạch sửa chữa; trước mắt san lấp các đoạn hư hỏng."),
    ("culture_society", "đồng tình với việc tổ chức lễ hội Ok Om Bok an toàn, tiết kiệm", None, None, None),
    ("culture_society", "băn khoăn về tình trạng thanh thiếu niên tụ tập, chạy xe lạng lách ban đêm",
     "Đề nghị công an xã tăng cường tuần tra vào ban đêm.", 1,
     "Công an xã đã tăng cường tuần tra ban đêm, mời gia đình các em liên quan đến làm việc."),
    ("economy", "quan tâm đến chương trình hỗ trợ chuyển đổi cây trồng trên đất lúa kém hiệu quả", None, 2,
     "Đã hướng dẫn hồ sơ, điều kiện hỗ trợ chuyển đổi cây trồng tại các ấp."),
    ("politics", "đồng tình với việc lấy ý kiến nhân dân về dự thảo sửa đổi Hiến pháp", None, None, None),
]


def _item(rng, t, topic, start, today, communes, agencies, talkers, meetings, day=None) -> dict:
    if day is None:
        last = min(today, (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1))
        day = start + timedelta(days=rng.randint(0, max(0, (last - start).days)))
    if t is not None:
        area = communes[rng.choice(t.communes)] if t.communes and rng.random() < 0.8 else rng.choice(communes)
        tendency, field = _pick(rng, t.tendencies), t.field
        fitting = [x for x in t.statements if tendency in tones(x)]
        statement = rng.choice(fitting or list(t.statements))
        if tendency not in tones(statement):
            tendency = sorted(tones(statement))[0]
        proposal = rng.choice(t.proposals) if rng.random() < 0.6 else None
        agency = agencies[t.agency] if t.agency is not None else None
        results = t.results
    else:
        area = rng.choice(communes)
        field, statement, proposal, which, result = rng.choice(MISC)
        tendency = "support" if "đồng tình" in statement else rng.choice(["concern", "support"])
        agency = agencies[which] if which is not None else None
        results = (result,) if result else ()
    subject = rng.choice(content.SUBJECTS)
    channel = _pick(rng, content.CHANNEL_WEIGHTS)
    reporter = rng.choice(talkers["recent"] if (today - day).days < 90 else talkers["earlier"])
    meeting_id = None
    if channel == "meeting":
        # An extraordinary meeting hears the matter it was called for; other items wait for the
        # next regular one (a minutes' conclusion then speaks of what was reported on its reason).
        held = [m for m in meetings if m["held_on"] <= today.isoformat() and m["held_on"] >= day.isoformat()
                and (m["kind"] == "regular" or (t is not None and _on_agenda(t.title, m["agenda"])))]
        meeting = min(held, key=lambda m: m["held_on"]) if held else None
        there = talkers["present"].get(meeting["id"], []) if meeting else []
        if there:
            meeting_id, day = meeting["id"], date.fromisoformat(meeting["held_on"])
            if reporter not in there:
                reporter = rng.choice(there)
        else:
            channel = "direct"
    row = {
        "id": uuid7(), "received_on": day.isoformat(), "collaborator_id": reporter["id"], "meeting_id": meeting_id,
        "channel": channel, "area_code": area, "field": field, "topic_id": topic["id"] if topic else None,
        "summary": f"{subject} {statement}.", "tendency": tendency, "scale": _pick(rng, content.SCALE_WEIGHTS),
        "hotspot_risk": "none", "proposal": proposal, "handling": "new",
    }
    _handling(rng, row, day, today, agency, results)
    return row


def _handling(rng, row, day, today, agency, results) -> None:
    """Forward some worried or frustrated items to the body that holds the matter (none for a
    matter no commune body holds); resolve most of the older ones with a result of that topic."""
    if agency is None or row["tendency"] not in ("concern", "frustration") or rng.random() > 0.45:
        return
    age = (today - day).days
    forwarded = day + timedelta(days=rng.randint(1, 5))
    if forwarded > today:
        row["handling"] = "verifying"
        return
    row.update(handling="forwarded", forwarded_to=agency[0], forwarded_on=forwarded.isoformat(),
               due_on=(forwarded + timedelta(days=30)).isoformat())
    # Most forwarded items get resolved within a month or two; a few old ones stay overdue.
    if age > 35 and rng.random() < (0.97 if age > 100 else 0.8):
        resolved = forwarded + timedelta(days=rng.randint(10, 30))
        row.update(handling="resolved", result=rng.choice(results) if results else None,
                   resolved_on=resolved.isoformat())
        if rng.random() < 0.75 and resolved + timedelta(days=7) <= today:
            row.update(handling="answered", answered_on=(resolved + timedelta(days=rng.randint(1, 7))).isoformat())


