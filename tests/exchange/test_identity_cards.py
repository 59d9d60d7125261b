"""Identity cards and receipts: tampering shows in the fingerprint or the signature."""

from __future__ import annotations

import json
import re

import pytest

from app.errors import ImportRefused
from app.exchange import identity, refusals
from tests.exchange.helpers import lookup_for, office

DISTRICT = office("PD")
PROVINCE = office("TTH")


def card_of(o, role="district"):
    return identity.make_card(o.unit, "Ban Tuyên giáo Huyện ủy Phong Điền", role, o.secret.public(), o.recipient)


def test_card_roundtrip_and_fingerprint_shape():
    card = card_of(DISTRICT)
    back = identity.parse_card(identity.card_bytes(card))
    assert back == card
    assert re.fullmatch(r"(\d{5} ){5}\d{5}", card.fingerprint)
    assert back.public_key == DISTRICT.secret.public()


@pytest.mark.parametrize("field", ["unit_code", "age_recipient", "minisign_public_key"])
def test_swapping_a_key_or_the_unit_changes_the_fingerprint(field):
    doc = json.loads(identity.card_bytes(card_of(DISTRICT)))
    other = card_of(office("PD"))
    doc[field] = "HT" if field == "unit_code" else getattr(other, field)
    with pytest.raises(ImportRefused) as err:
        identity.parse_card(json.dumps(doc).encode())
    assert err.value.message == refusals.damaged("mã xác nhận của thẻ không khớp với khóa (thẻ đã bị sửa)").message


def test_card_refusals():
    with pytest.raises(ImportRefused, match="không phải JSON"):
        identity.parse_card(b"\xff\xfe")
    doc = json.loads(identity.card_bytes(card_of(DISTRICT)))
    doc["format_version"] = 99
    with pytest.raises(ImportRefused, match="mới hơn phiên bản 1"):
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
