"""Identity cards and receipts: tampering shows in the fingerprint or the signature."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.errors import ImportRefused
from app.exchange import identity, refusals
from tests.exchange.helpers import lookup_for, office

DISTRICT = office("PD")
PROVINCE = office("TTH")


@cache
def self_signed(unit: str, serial: int = 1) -> str:
    """A real self-issued certificate with the unit code in OU, like the office certificate."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
                      x509.NameAttribute(NameOID.COMMON_NAME, f"Ban Tuyên giáo {unit}")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(serial).not_valid_before(now).not_valid_after(now + timedelta(days=30))
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def card_of(o, role="district", certificate_pem=""):
    return identity.make_card(o.unit, "Ban Tuyên giáo Huyện ủy Phong Điền", role, o.secret.public(), o.recipient,
                              certificate_pem=certificate_pem)


def doc_fingerprint(text: str) -> str:
    """The formula exactly as docs/EXCHANGE.md states it, computed independently."""
    value = int.from_bytes(hashlib.sha256(text.encode()).digest(), "big") % 10**30
    digits = f"{value:030d}"
    return " ".join(digits[i : i + 5] for i in range(0, 30, 5))


def test_card_roundtrip_and_fingerprint_shape():
    card = card_of(DISTRICT)
    back = identity.parse_card(identity.card_bytes(card))
    assert back == card
    assert re.fullmatch(r"(\d{5} ){5}\d{5}", card.fingerprint)
    assert back.public_key == DISTRICT.secret.public()


def test_fingerprint_formulas_match_the_documentation():
    line = DISTRICT.secret.public().line
    old = card_of(DISTRICT)
    assert old.fingerprint == doc_fingerprint(f"dlxh-identity-v1\nPD\n{line}\n{DISTRICT.recipient}\n")
    pem = self_signed("PD")
    der = x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
    new = card_of(DISTRICT, certificate_pem=pem)
    cert_sha = hashlib.sha256(der).hexdigest()
    assert new.certificate_fingerprint == cert_sha
    assert new.fingerprint == doc_fingerprint(f"dlxh-identity-v2\nPD\n{line}\n{DISTRICT.recipient}\n{cert_sha}\n")
    assert new.fingerprint != old.fingerprint


def test_card_with_certificate_roundtrip():
    card = card_of(DISTRICT, certificate_pem=self_signed("PD"))
    data = identity.card_bytes(card)
    doc = json.loads(data)
    assert doc["format_version"] == 2 and doc["certificate_pem"].startswith("-----BEGIN CERTIFICATE-----")
    assert identity.parse_card(data) == card
    # the PEM layout is not what is trusted: re-wrapped text reads back to the same certificate
    doc["certificate_pem"] = "\r\n".join(doc["certificate_pem"].splitlines()) + "\r\n\r\n"
    assert identity.parse_card(json.dumps(doc).encode()) == card


@pytest.mark.parametrize("field", ["unit_code", "age_recipient", "minisign_public_key"])
@pytest.mark.parametrize("with_cert", [False, True])
def test_swapping_a_key_or_the_unit_changes_the_fingerprint(field, with_cert):
    pem = self_signed("PD") if with_cert else ""
    doc = json.loads(identity.card_bytes(card_of(DISTRICT, certificate_pem=pem)))
    other = card_of(office("PD"))
    doc[field] = "PD-2" if field == "unit_code" else getattr(other, field)
    if with_cert and field == "unit_code":
        expected = refusals.card_altered("chứng thư số trong thẻ thuộc đơn vị PD, không phải PD-2")
    elif with_cert:
        expected = refusals.card_altered("mã xác nhận trên thẻ không khớp với khóa hoặc chứng thư số trong thẻ "
                                         "(khóa hoặc chứng thư số đã bị tráo)")
    else:
        expected = refusals.card_altered("mã xác nhận trên thẻ không khớp với khóa trong thẻ (khóa đã bị tráo)")
    with pytest.raises(ImportRefused) as err:
        identity.parse_card(json.dumps(doc).encode())
    assert err.value.message == expected.message


def test_certificate_presence_must_match_the_format_version():
    old = json.loads(identity.card_bytes(card_of(DISTRICT)))
    old["certificate_pem"] = self_signed("PD")
    with pytest.raises(ImportRefused, match="Thẻ định danh đã bị sửa: thẻ định dạng 1 không mang chứng thư số"):
        identity.parse_card(json.dumps(old).encode())
    new = json.loads(identity.card_bytes(card_of(DISTRICT, certificate_pem=self_signed("PD"))))
    del new["certificate_pem"]
    with pytest.raises(ImportRefused, match="định dạng 2 thiếu chứng thư số"):
        identity.parse_card(json.dumps(new).encode())
    new = json.loads(identity.card_bytes(card_of(DISTRICT, certificate_pem=self_signed("PD"))))
    new["certificate_pem"] += "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
    with pytest.raises(ImportRefused, match="chứa khóa bí mật"):
        identity.parse_card(json.dumps(new).encode())


def test_card_refusals():
    with pytest.raises(ImportRefused, match="không phải JSON"):
        identity.parse_card(b"\xff\xfe")
    doc = json.loads(identity.card_bytes(card_of(DISTRICT)))
    doc["format_version"] = 99
    with pytest.raises(ImportRefused, match="mới hơn phiên bản 2"):
        identity.parse_card(json.dumps(doc).encode())
    doc = json.loads(identity.card_bytes(card_of(DISTRICT)))
    doc["age_recipient"] = "age1notakey"
    with pytest.raises(ImportRefused, match="age"):
        identity.parse_card(json.dumps(doc).encode())


def receipt(seq=3):
    return identity.Receipt(
        signer="TTH",
        sender="PD",
        seq=seq,
        package_sha256="ab" * 32,
        imported_at="2026-11-25T10:00:00Z",
        file_name="PD-TTH-000003.dlxh",
        rows={"opinions": 12},
    )


def test_receipt_roundtrip():
    data = identity.build_receipt(PROVINCE.secret, receipt())
    back = identity.open_receipt(data, my_unit="PD", lookup=lookup_for(PROVINCE))
    assert back == receipt()


def test_receipt_refusals():
    data = identity.build_receipt(PROVINCE.secret, receipt())
    with pytest.raises(ImportRefused) as err:
        identity.open_receipt(data, my_unit="PD", lookup=lookup_for(DISTRICT))
    assert err.value.message == refusals.unknown_sender("TTH").message
    with pytest.raises(ImportRefused) as err:
        identity.open_receipt(data, my_unit="HT", lookup=lookup_for(PROVINCE))
    assert err.value.message == refusals.wrong_recipient("PD", "HT").message
    forged = identity.build_receipt(office("TTH").secret, receipt())
    with pytest.raises(ImportRefused) as err:
        identity.open_receipt(forged, my_unit="PD", lookup=lookup_for(PROVINCE))
    assert err.value.message == refusals.bad_signature("TTH").message
