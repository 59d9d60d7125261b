"""Every way a package can be wrong is refused with its own Vietnamese reason."""

from __future__ import annotations

import io
import json
import zipfile

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import ImportRefused
from app.exchange import package, refusals, safezip
from tests.exchange.helpers import inner_members, office, open_as, reencrypt, sample_outgoing

DISTRICT = office("PD")
PROVINCE = office("TTH")
STRANGER = office("XX")
PACKAGE = package.build(sample_outgoing(DISTRICT, PROVINCE), DISTRICT.secret, PROVINCE.recipient)
ORIGINAL = open_as(PROVINCE, PACKAGE, DISTRICT)


def refused(expected: ImportRefused, data: bytes, receiver=PROVINCE, senders=(DISTRICT,)) -> None:
    with pytest.raises(ImportRefused) as err:
        open_as(receiver, data, *senders)
    assert err.value.message == expected.message


def test_roundtrip_keeps_rows_files_and_counts():
    opened = open_as(PROVINCE, PACKAGE, DISTRICT)
    assert opened.sender == "PD" and opened.seq == 1 and opened.kind == "data"
    assert [r["summary"] for r in opened.tables["opinions"]][0] == "Ý kiến số 0 về giá điện"
    assert opened.manifest["rows"] == {"opinions": 5, "topics": 1}
    assert opened.files["r1.pdf"].startswith(b"%PDF")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_flipped_byte_anywhere_is_refused(data):
    pos = data.draw(st.integers(0, len(PACKAGE) - 1))
    bit = data.draw(st.integers(0, 7))
    tampered = bytearray(PACKAGE)
    tampered[pos] ^= 1 << bit
    with pytest.raises(ImportRefused):
        open_as(PROVINCE, bytes(tampered), DISTRICT)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_flipped_byte_inside_reencrypted_zip_is_refused(data):
    """An attacker who re-encrypts (the province's key is public) cannot change what is imported.

    A flip in zip bookkeeping that carries no content (e.g. "version needed" in a local
    header) may pass; then what comes out must be exactly what the district signed.
    """
    inner = bytearray(safezip.write_zip(inner_members(PROVINCE, PACKAGE)))
    pos = data.draw(st.integers(0, len(inner) - 1))
    inner[pos] ^= 1 << data.draw(st.integers(0, 7))
    try:
        opened = open_as(PROVINCE, pyrage.encrypt(bytes(inner), [PROVINCE.identity.to_public()]), DISTRICT)
    except ImportRefused:
        return
    assert (opened.manifest, opened.tables, opened.files) == (ORIGINAL.manifest, ORIGINAL.tables, ORIGINAL.files)


def test_altered_member_is_named():
    members = inner_members(PROVINCE, PACKAGE)
    members["data/opinions.jsonl"] = members["data/opinions.jsonl"].replace("giá điện".encode(), "giá nước".encode())
    refused(refusals.altered_member("data/opinions.jsonl"), reencrypt(PROVINCE, members))


def test_member_swapped_from_another_signed_package():
    other = package.build(sample_outgoing(DISTRICT, PROVINCE, seq=2), DISTRICT.secret, PROVINCE.recipient)
    members = inner_members(PROVINCE, PACKAGE)
    members["data/opinions.jsonl"] = inner_members(PROVINCE, other)["data/opinions.jsonl"]
    refused(refusals.altered_member("data/opinions.jsonl"), reencrypt(PROVINCE, members))


def test_missing_and_extra_members():
    members = inner_members(PROVINCE, PACKAGE)
    del members["files/r1.pdf"]
    refused(refusals.missing_member("files/r1.pdf"), reencrypt(PROVINCE, members))
    members = inner_members(PROVINCE, PACKAGE)
    members["files/extra.pdf"] = b"%PDF"
    refused(refusals.extra_member("files/extra.pdf"), reencrypt(PROVINCE, members))


def test_edited_manifest_breaks_signature():
    members = inner_members(PROVINCE, PACKAGE)
    members["manifest.json"] = members["manifest.json"].replace(b'"seq": 1', b'"seq": 9')
    refused(refusals.bad_signature("PD"), reencrypt(PROVINCE, members))


def test_signed_with_another_key_claiming_the_district():
    impostor = office("PD")  # same unit code, its own keys
    data = package.build(sample_outgoing(impostor, PROVINCE), impostor.secret, PROVINCE.recipient)
    refused(refusals.bad_signature("PD"), data)


def test_unknown_sender():
    data = package.build(sample_outgoing(STRANGER, PROVINCE), STRANGER.secret, PROVINCE.recipient)
    refused(refusals.unknown_sender("XX"), data)


def test_wrong_recipient_key_and_wrong_addressee():
    for_other = package.build(sample_outgoing(DISTRICT, STRANGER), DISTRICT.secret, STRANGER.recipient)
    refused(refusals.wrong_recipient_crypto(), for_other)
    # encrypted to the province but addressed (and signed) for another unit
    misaddressed = package.build(sample_outgoing(DISTRICT, STRANGER), DISTRICT.secret, PROVINCE.recipient)
    refused(refusals.wrong_recipient("XX", "TTH"), misaddressed)


def test_replay_and_rollback():
    opened = open_as(PROVINCE, PACKAGE, DISTRICT)
    package.check_sequence(opened, 0)
    for last in (1, 5):
        with pytest.raises(ImportRefused) as err:
            package.check_sequence(opened, last)
        assert err.value.message == refusals.replay("PD", 1, last).message


def test_newer_format_is_refused_even_when_signed():
    members = inner_members(PROVINCE, PACKAGE)
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = package.FORMAT_VERSION + 1
    raw = json.dumps(manifest).encode()
    members["manifest.json"] = raw
    members["manifest.json.minisig"] = DISTRICT.secret.sign(raw, "future").encode()
    refused(refusals.newer_format(package.FORMAT_VERSION + 1, package.FORMAT_VERSION), reencrypt(PROVINCE, members))


@pytest.mark.parametrize(
    "name", ["../evil.jsonl", "/etc/passwd", "data/../../x", "data\\..\\x.jsonl", "C:/x", ".hidden"]
)
def test_path_traversal_member_is_refused(name):
    members = list(inner_members(PROVINCE, PACKAGE).items()) + [(name, b"x")]
    refused(refusals.unsafe_name(name), reencrypt(PROVINCE, members))


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_member_name_is_refused():
    members = list(inner_members(PROVINCE, PACKAGE).items())
    members.append(("data/opinions.jsonl", b"{}\n"))
    refused(refusals.unsafe_name("data/opinions.jsonl (trùng tên)"), reencrypt(PROVINCE, members))


def test_zip_bomb_ratio_is_refused():
    members = list(inner_members(PROVINCE, PACKAGE).items())
    bomb = [*members, ("files/bomb.pdf", b"\0" * (20 * 1024 * 1024))]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, blob in bomb:
            zf.writestr(name, blob)
    data = pyrage.encrypt(buf.getvalue(), [PROVINCE.identity.to_public()])
    with pytest.raises(ImportRefused) as err:
        open_as(PROVINCE, data, DISTRICT)
    assert "bom nén" in err.value.message and "tỷ lệ nén" in err.value.message


def test_member_count_cap():
    many = [(f"files/f{i}.pdf", b"") for i in range(safezip.MAX_MEMBERS + 1)]
    with pytest.raises(ImportRefused) as err:
        safezip.read_zip(safezip.write_zip(dict(many)))
    assert "thành phần, tối đa" in err.value.message


def test_not_a_package_at_all():
    refused(refusals.damaged("không có phần đầu mã hóa age"), b"PK\x03\x04 just a zip")


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / package.file_name("PD", "TTH", 1)
    safezip.atomic_write(target, b"old")
    safezip.atomic_write(target, PACKAGE)
    assert target.read_bytes() == PACKAGE
    assert [p.name for p in target.parent.iterdir()] == ["PD-TTH-000001.dlxh"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path):
    target = tmp_path / "p.dlxh"
    safezip.atomic_write(target, b"old")
    with pytest.raises(TypeError):
        safezip.atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["p.dlxh"]
