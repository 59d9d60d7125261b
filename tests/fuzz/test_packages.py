"""Exchange packages (`app.exchange.package.open_package`): random bytes, damaged real
packages, attacker-built zips (anyone can encrypt to our public age key), and signed
packages with generated content. A package either opens with exactly what was sent or is
refused with a Vietnamese message.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile

import pyrage
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from app.errors import DlxhError
from app.exchange import minisign, package

from .strategies import assert_clear_refusal, text

SENDER, ME = "H01", "T01"
SENDER_KEY = minisign.SecretKey.generate()
STRANGER_KEY = minisign.SecretKey.generate()
MY_IDENTITY = x25519.Identity.generate()
OTHER_IDENTITY = x25519.Identity.generate()
LOOKUP = {SENDER: SENDER_KEY.public()}.get

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53), st.floats(allow_nan=False, allow_infinity=False),
              text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
    max_leaves=12,
)
# Genuine packages carry storable column values (text, numbers, null); nested JSON in a row is
# a malformed package, refused at open (tests/fuzz/test_signed_malformed.py generates those).
column_values = st.one_of(st.none(), st.booleans(), st.integers(-2**53, 2**53),
                          st.floats(allow_nan=False, allow_infinity=False), text)
rows = st.lists(st.dictionaries(st.sampled_from(["id", "origin", "version", "summary", "x"]), column_values,
                                max_size=5), max_size=6)
member_names = st.one_of(
    st.sampled_from([package.MANIFEST, package.SIGNATURE, package.SUMS, package.SUMS_SIGNATURE,
                     "data/opinions.jsonl", "files/r1.pdf", "../etc/passwd", "/abs", "data/../../x", "C:\\x",
                     "data/a/b/c.jsonl", "x" * 300]),
    text.filter(bool),
)


def _outgoing(tables: dict, files: dict, seq: int, extra: dict) -> package.Outgoing:
    return package.Outgoing(kind="data", sender=SENDER, recipient=ME, seq=seq, prev_seq=max(seq - 1, 0),
                            tables=tables, files=files, app_version="0.1.0", schema_version=7, extra=extra)


signed = st.builds(
    _outgoing,
    st.dictionaries(st.sampled_from(["opinions", "topics", "collaborators", "meetings"]), rows, max_size=3),
    st.dictionaries(st.from_regex(r"\A[a-z0-9]{1,12}\.pdf\Z"), st.binary(max_size=300), max_size=2),
    st.integers(1, 10**6),
    st.dictionaries(st.sampled_from(["note", "k"]), json_values, max_size=2),
)


def _encrypt(inner: bytes, identity: x25519.Identity = MY_IDENTITY) -> bytes:
    return pyrage.encrypt(inner, [identity.to_public()])


def _raw_zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore")  # duplicate names are part of the attack
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name), data)
    return buf.getvalue()


def _manifest_variant(manifest: object, key: minisign.SecretKey) -> bytes:
    """A manifest of any shape, properly signed (a legitimate sender with a broken app)."""
    raw = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    members = [(package.MANIFEST, raw), (package.SIGNATURE, key.sign(raw, "dlxh fuzz").encode("ascii"))]
    return _encrypt(_raw_zip(members))


def _mutate(data: bytes, positions: list[int], cut: int | None) -> bytes:
    """Flip at least one byte (distinct positions), and maybe cut the file short."""
    buf = bytearray(data)
    for pos in {p % len(buf) for p in positions}:
        buf[pos] ^= 0x5A
    return bytes(buf[: cut % len(buf)] if cut else buf)


def _valid_bytes(out: package.Outgoing) -> bytes:
    return package.build(out, SENDER_KEY, str(MY_IDENTITY.to_public()))


attacks = st.one_of(
    st.binary(max_size=2000).map(lambda b: ("refuse", b)),
    st.binary(max_size=2000).map(lambda b: ("refuse", b"age-encryption.org/v1\n" + b)),
    st.binary(max_size=2000).map(lambda b: ("refuse", _encrypt(b))),
    st.lists(st.tuples(member_names, st.binary(max_size=200)), max_size=6)
    .map(lambda m: ("refuse", _encrypt(_raw_zip(m)))),
    json_values.map(lambda m: ("refuse", _manifest_variant(m, SENDER_KEY))),
    st.builds(lambda out: ("refuse", _manifest_variant(json.loads(json.dumps(out.__dict__, default=str)),
                                                       STRANGER_KEY)), signed),
    st.builds(lambda out, pos, cut: ("refuse", _mutate(_valid_bytes(out), pos, cut)), signed,
              st.lists(st.integers(0, 10**6), min_size=1, max_size=3), st.one_of(st.none(), st.integers(1, 400))),
    st.builds(lambda out: ("refuse", package.build(out, SENDER_KEY, str(OTHER_IDENTITY.to_public()))), signed),
    signed.map(lambda out: ("open", out)),
)

pytestmark = pytest.mark.slow  # 600 generated packages (derandomized) plus the known bad shapes


def test_packages_open_or_are_refused_clearly() -> None:
    seen = {"cases": 0, "opened": 0, "refused": 0}

    @settings(max_examples=600, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(attacks)
    @example(("refuse", b""))
    @example(("refuse", b"age-encryption.org/v1\n"))  # an age header and nothing after it
    @example(("refuse", b"PK\x05\x06" + bytes(18)))  # an empty zip, not encrypted
    def case(attack: tuple) -> None:
        seen["cases"] += 1
        expect, value = attack
        data = _valid_bytes(value) if expect == "open" else value
        try:
            opened = package.open_package(data, identity=str(MY_IDENTITY), my_unit=ME, lookup=LOOKUP)
        except DlxhError as exc:
            seen["refused"] += 1
            assert_clear_refusal(exc)
            assert expect == "refuse", f"a genuine package was refused: {exc.message}"
            return
        except Exception as exc:  # noqa: BLE001 - the point of the test
            assert_clear_refusal(exc)
        assert expect == "open", "a forged or damaged package was accepted"
        seen["opened"] += 1
        assert opened.tables == {t: r for t, r in value.tables.items()}
        assert opened.files == value.files and opened.seq == value.seq and opened.sender == SENDER

    case()
    assert seen["cases"] >= 600 and seen["opened"] and seen["refused"], seen
