"""Benchmark: province import of 20 districts × 12 months (~100k opinion items).

Run: /work/venv/bin/python tests/bench/bench_exchange.py [--districts 20] [--per-month 420]
Builds one signed, age-encrypted package per district (units, collaborators, topics,
meetings with attendance, items), enrols the 20 districts at a province office, then prints:
  - package build time and sizes,
  - import time and rows/s (decrypt + unzip checks + signature + hashes + one transaction each),
  - raw SQLite executemany of the same rows into an empty store of the same schema,
  - re-import of the same files (sha256 no-op) and of newer packages carrying no newer versions.
Figures only; no pass/fail.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DLXH_PASSPHRASE", "bench-passphrase-1")

from pyrage import x25519  # noqa: E402

from app.demo import content  # noqa: E402
from app.exchange import identity, importer, keys, minisign, package  # noqa: E402
from app.ids import utc_now, uuid7  # noqa: E402
from app.office import init_office  # noqa: E402

FIELDS = ["economy", "culture_society", "politics", "defense_security", "party_building", "other"]
TENDENCIES = ["support", "concern", "frustration", "distortion"]


def district_rows(code: str, per_month: int, rng: random.Random) -> dict[str, list[dict]]:
    now = utc_now()

    def synced(**kw):
        return {"id": uuid7(), "origin": code, "version": 1, "updated_at": now, **kw}

    communes = [
        {
            "code": f"{code}-X{i:02d}",
            "name": f"Xã {i} ({code})",
            "level": "commune",
            "parent_code": code,
            "population": None,
            "origin": code,
            "version": 1,
            "updated_at": now,
        }
        for i in range(1, 15)
    ]
    people = [
        synced(
            full_name=f"Cộng tác viên {i}",
            gender="female" if i % 2 else "male",
            status="active",
            area_code=communes[i % 14]["code"],
            party_member=1,
        )
        for i in range(60)
    ]
    topics = [
        synced(title=t.title, field=t.field, status="watch", opened_on="2026-01-01", handling="new")
        for t in content.TOPICS
    ]
    meetings = [synced(kind="regular", held_on=f"2026-{m:02d}-10", place="Hội trường") for m in range(1, 13)]
    attendance = [
        {"meeting_id": mt["id"], "collaborator_id": p["id"], "presence": "present", "reason": None}
        for mt in meetings
        for p in people[:40]
    ]
    statements = [s for t in content.TOPICS for s in t.statements]
    items = []
    for m in range(1, 13):
        for _ in range(per_month):
            items.append(
                synced(
                    received_on=f"2026-{m:02d}-{rng.randint(1, 28):02d}",
                    field=rng.choice(FIELDS),
                    tendency=rng.choice(TENDENCIES),
                    summary=rng.choice(statements),
                    area_code=rng.choice(communes)["code"],
                    collaborator_id=rng.choice(people)["id"],
                    topic_id=rng.choice(topics)["id"],
                    channel="direct",
                    scale="low",
                    hotspot_risk="none",
                    handling="new",
                )
            )
    return {
        "units": communes,
        "collaborators": people,
        "topics": topics,
        "meetings": meetings,
        "meeting_attendance": attendance,
        "opinions": items,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--districts", type=int, default=20)
    ap.add_argument("--per-month", type=int, default=420)
    args = ap.parse_args()
    rng = random.Random(6)
    tmp = Path(tempfile.mkdtemp(prefix="dlxh-bench-exchange-"))
    prov, _ = init_office(tmp / "province.db", unit_code="TVH", name="Tỉnh Trà Vinh", role="province")
    own = keys.ensure_keys(prov)
    senders, data = [], {}
    for n in range(args.districts):
        code = f"TVH-D{n:02d}"
        secret, ident = minisign.SecretKey.generate(), x25519.Identity.generate()
        keys.enrol(
            prov, identity.make_card(code, f"Huyện {n:02d}", "district", secret.public(), str(ident.to_public()))
        )
        senders.append((code, secret))
        data[code] = district_rows(code, args.per_month, rng)
    total_rows = sum(len(r) for d in data.values() for r in d.values())
    items = sum(len(d["opinions"]) for d in data.values())

    t0 = time.perf_counter()
    files = []
    for code, secret in senders:
        out = package.Outgoing("data", code, "TVH", 1, 0, tables=data[code], app_version="bench", schema_version=7)
        path = tmp / package.file_name(code, "TVH", 1)
        path.write_bytes(package.build(out, secret, own.age_recipient))
        files.append(path)
    build_s = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in files)
    print(f"districts: {args.districts}, opinion items: {items:,}, rows in all tables: {total_rows:,}")
    print(f"build {len(files)} packages: {build_s:.2f} s, {size / 1e6:.1f} MB encrypted")

    t0 = time.perf_counter()
    for path in files:
        importer.import_package(prov, path, receipt_dir=tmp / "receipts")
    import_s = time.perf_counter() - t0
    print(
        f"import (decrypt, checks, signature, hashes, upsert, receipt): {import_s:.2f} s, "
        f"{total_rows / import_s:,.0f} rows/s, {items / import_s:,.0f} items/s"
    )

    raw, _ = init_office(tmp / "raw.db", unit_code="TVH", name="Tỉnh Trà Vinh", role="province")
    for code, _s in senders:
        raw.db["units"].insert(
            {
                "code": code,
                "name": code,
                "level": "district",
                "parent_code": "TVH",
                "origin": "TVH",
                "updated_at": utc_now(),
            }
        )
    t0 = time.perf_counter()
    with raw.transaction():
        for d in data.values():
            for table in ("units", "collaborators", "topics", "meetings", "meeting_attendance", "opinions"):
                rows = d[table]
                cols = list(rows[0])
                raw.db.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [[r[c] for c in cols] for r in rows],
                )
    raw_s = time.perf_counter() - t0
    print(
        f"raw executemany of the same rows (one transaction): {raw_s:.2f} s, {total_rows / raw_s:,.0f} rows/s "
        f"(import costs {import_s / raw_s:.1f}× raw)"
    )

    t0 = time.perf_counter()
    for path in files:
        assert importer.import_package(prov, path).status == "already"
    print(f"re-import of the same {len(files)} files (no-op): {time.perf_counter() - t0:.2f} s")

    t0 = time.perf_counter()
    for code, secret in senders:
        out = package.Outgoing("data", code, "TVH", 2, 1, tables=data[code], app_version="bench", schema_version=7)
        path = tmp / package.file_name(code, "TVH", 2)
        path.write_bytes(package.build(out, secret, own.age_recipient))
        importer.import_package(prov, path, receipt_dir=tmp / "receipts")
    print(f"build + import of newer packages with no newer versions: {time.perf_counter() - t0:.2f} s")
    count = prov.db.execute("SELECT count(*) FROM opinions").fetchone()[0]
    print(f"province holds {count:,} items; work dir {tmp}")


if __name__ == "__main__":
    main()
