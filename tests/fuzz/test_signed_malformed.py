"""Signed but malformed packages (issue 14 points 6 and reliability): an enrolled office whose
app is broken, older or newer signs what it sends, so the signature holds but the JSON may
have any wrong shape — seq "abc", null or 2**70, rows with lists, dicts, huge numbers, missing
required fields, deep nesting. Through the real importer into a real province database each
case is imported or refused with one Vietnamese message, and a refusal writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.demo import places
from app.errors import DlxhError
from app.exchange import importer, keys, package, safezip
from app.office import init_office
from tests.exchange.sync_helpers import enrol_both

from .strategies import assert_clear_refusal, text

pytestmark = pytest.mark.slow

SENDER = "TVH-CL"
DEEP = 100_000


def signed_package(district_keys, recipient: str, age_recipient: str, manifest_patch: dict,
                   members: dict[str, bytes]) -> bytes:
    """package.build's steps with the manifest and members as given (a broken sender's app)."""
    manifest = {"format": package.FORMAT_NAME, "format_version": package.FORMAT_VERSION, "kind": "data",
                "sender": {"unit": SENDER}, "recipient": {"unit": recipient}, "seq": 1, "prev_seq": 0,
                "created_at": "2026-12-01T00:00:00Z",
                "rows": {n[5:-6]: b.count(b"\n") for n, b in members.items() if n.startswith("data/")},
                "members": {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}}
    manifest.update(manifest_patch)
    raw = json.dumps(manifest, ensure_ascii=False).encode("utf-8") if not isinstance(manifest_patch.get("$raw"),
                                                                                        bytes) else manifest_patch["$raw"]
    secret = district_keys.secret
    sums = package.sums_text({n: hashlib.sha256(b).hexdigest() for n, b in members.items()})
    inner = safezip.write_zip({package.MANIFEST: raw, package.SIGNATURE: secret.sign(raw, "fuzz").encode("ascii"),
                               package.SUMS: sums, package.SUMS_SIGNATURE: secret.sign(sums, "fuzz").encode("ascii"),
                               **members})
    import pyrage
    from pyrage import x25519
    return pyrage.encrypt(inner, [x25519.Recipient.from_str(age_recipient)])


wrong_scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.sampled_from([2**63, -2**63 - 1]),
                          st.floats(allow_nan=True, allow_infinity=True), text,
                          st.lists(st.integers(), max_size=3), st.dictionaries(text, st.integers(), max_size=2))
manifest_patches = st.dictionaries(
    st.sampled_from(["seq", "prev_seq", "rows", "sender", "recipient", "created_at", "since", "kind", "members",
                     "format_version"]), wrong_scalars, min_size=1, max_size=3)
row_values = st.dictionaries(
    st.sampled_from(["id", "origin", "version", "updated_at", "received_on", "field", "tendency", "summary",
                     "area_code", "meeting_id", "title", "opened_on", "code", "name", "level"]),
    wrong_scalars, max_size=8)


def _row(values: dict, good: bool) -> dict:
    base = {"id": "0190a000-0000-7000-8000-000000000001", "origin": SENDER, "version": 1,
            "updated_at": "2026-12-01T00:00:00Z"} if good else {}
    return {**base, **values}


def _rows_member(rows: list[dict], deep: bool) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if deep:
        lines.append('{"id": ' + "[" * DEEP + "]" * DEEP + "}")
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


cases = st.one_of(
    manifest_patches.map(lambda p: ("manifest", p, {})),
    st.tuples(st.sampled_from(["opinions", "topics", "units", "meetings", "collaborators"]),
              st.lists(st.tuples(row_values, st.booleans()), min_size=1, max_size=4), st.booleans())
    .map(lambda t: ("rows", {}, {f"data/{t[0]}.jsonl": _rows_member([_row(v, g) for v, g in t[1]], t[2])})),
    st.just(("manifest", {"$raw": b"[" * DEEP + b"]" * DEEP}, {})),
)


def _fingerprint(ctx) -> tuple:
    tables = [r[0] for r in ctx.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                           "'%fts%' ORDER BY name").fetchall()]
    # every row's content, not rowid: counter tables kept by triggers are WITHOUT ROWID (migration 0011)
    return tuple(hash(tuple(sorted(map(repr, ctx.db.execute(f"SELECT * FROM [{t}]").fetchall())))) for t in tables)


def test_signed_malformed_packages_are_refused_in_one_line(tmp_path: Path, passphrase_env) -> None:
    province, _ = init_office(tmp_path / "p.db", unit_code=places.PROVINCE[0], name=places.PROVINCE[1],
                              role="province")
    district, _ = init_office(tmp_path / "d.db", unit_code=SENDER, name="Huyện Càng Long", role="district",
                              parent_code=places.PROVINCE[0], parent_name=places.PROVINCE[1])
    enrol_both(district, province)
    dkeys, age_recipient = keys.ensure_keys(district), keys.ensure_keys(province).age_recipient
    seen = {"cases": 0, "imported": 0, "refused": 0, "crashed": 0}

    @settings(max_examples=120, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
    @given(cases)
    def case(shape: tuple) -> None:
        seen["cases"] += 1
        _kind, patch, members = shape
        seq = seen["cases"]
        patch = {"seq": seq, **patch} if "seq" not in patch else patch
        data = signed_package(dkeys, places.PROVINCE[0], age_recipient, patch, members)
        path = tmp_path / f"case-{seq}.dlxh"
        path.write_bytes(data)
        before = _fingerprint(province)
        try:
            importer.import_package(province, path, receipt_dir=tmp_path / "receipts")
        except DlxhError as exc:
            seen["refused"] += 1
            assert_clear_refusal(exc)
            assert _fingerprint(province) == before, "a refused package wrote something"
            assert not province.db.conn.in_transaction
            return
        except Exception:
            seen["crashed"] += 1
            raise
        seen["imported"] += 1

    case()
    print(f"signed-malformed packages: {seen}")
    assert seen["crashed"] == 0 and seen["refused"] >= seen["cases"] // 2, seen
    province.close()
    district.close()
