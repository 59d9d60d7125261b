"""Identity cards (public keys of an office, enrolled once by the other side) and receipts.

The card carries no secret. Its authenticity comes from the fingerprint, read out over
the phone between the two offices before the importing side confirms: it hashes the
unit code together with both public keys and (format 2) the office's report-signing
certificate, so a card cannot be re-labelled or have a key or the certificate swapped
without the fingerprint changing. Format 1 cards (no certificate) are still read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

import pyrage
from pyrage import x25519

from app.exchange import minisign, refusals, safezip
from app.exchange.package import read_signed_manifest
from app.ids import utc_now

if TYPE_CHECKING:
    from cryptography import x509

# `cryptography` is imported inside the functions that parse certificates: the exchange and
# province pages import this module at open and only show fingerprints (pem_sha256 below).

CARD_FORMAT = "dlxh-identity"
CARD_VERSION = 2  # 2: carries the report-signing certificate; 1 (no certificate) is still read
RECEIPT_FORMAT = "dlxh-receipt"
RECEIPT_VERSION = 1
RECEIPT_NAME = "receipt.json"
MAX_CARD_BYTES = 64 * 1024
ROLES = ("district", "province")  # the exchange side; "district" = any lower office
KINDS = ("", "commune", "agency", "district", "province")


def fingerprint(unit_code: str, minisign_line: str, age_recipient: str, certificate_sha256: str = "") -> str:
    """30 decimal digits in six groups of five: easy to read aloud in Vietnamese (~99 bits).

    With a certificate the hash input is tagged v2 and ends with the certificate's SHA-256
    (hex of its DER); without one it is exactly the format 1 input, so old cards keep
    the fingerprint their office reads out."""
    if certificate_sha256:
        text = f"dlxh-identity-v2\n{unit_code}\n{minisign_line}\n{age_recipient}\n{certificate_sha256}\n"
    else:
        text = f"dlxh-identity-v1\n{unit_code}\n{minisign_line}\n{age_recipient}\n"
    digest = hashlib.sha256(text.encode()).digest()
    digits = f"{int.from_bytes(digest, 'big') % 10**30:030d}"
    return " ".join(digits[i : i + 5] for i in range(0, 30, 5))


def load_certificate(pem: str) -> x509.Certificate:
    """The one public certificate a card may carry; anything else is refused."""
    from cryptography import x509
    if "PRIVATE KEY" in pem:
        raise refusals.damaged("thẻ định danh chứa khóa bí mật của chứng thư số, thẻ chỉ được mang chứng thư công khai")
    if pem.count("-----BEGIN CERTIFICATE-----") != 1:
        raise refusals.damaged("chứng thư số trong thẻ định danh không đọc được (cần đúng một chứng thư PEM)")
    try:
        return x509.load_pem_x509_certificate(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise refusals.damaged("chứng thư số trong thẻ định danh không đọc được (không phải chứng thư PEM hợp lệ)") from exc


def certificate_sha256(cert: x509.Certificate) -> str:
    """Hex SHA-256 of the DER form: the same value `dlxh report cert-enroll` prints."""
    from cryptography.hazmat.primitives import serialization

    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


@dataclass(frozen=True)
class Card:
    unit_code: str
    name: str
    role: str
    minisign_public_key: str  # the full minisign public key file text
    age_recipient: str
    fingerprint: str
    created_at: str = ""
    certificate_pem: str = ""  # report-signing certificate (public); empty on format 1 cards
    kind: str = ""             # office kind (app/office_kinds); "" on cards made before it: read from role
    official_code: str = ""    # code in the official 2025 list; "" for legacy districts and agencies

    @property
    def office_kind(self) -> str:
        return self.kind or ("province" if self.role == "province" else "district")

    @property
    def public_key(self) -> minisign.PublicKey:
        return minisign.parse_public_key(self.minisign_public_key)

    @property
    def certificate_fingerprint(self) -> str:
        return certificate_sha256(load_certificate(self.certificate_pem)) if self.certificate_pem else ""


def pem_sha256(pem: str) -> str:
    """`certificate_sha256` of a certificate PEM that DLXH itself wrote (one certificate,
    canonical base64 of its DER), without loading the certificate library: what the
    exchange page needs to show our fingerprint. Anything else: ValueError."""
    begin, end = "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----"
    if pem.count(begin) != 1 or end not in pem:
        raise ValueError("not one PEM certificate")
    body = pem.split(begin, 1)[1].split(end, 1)[0]
    try:
        der = base64.b64decode("".join(body.split()), validate=True)
    except binascii.Error as exc:
        raise ValueError("not base64") from exc
    return hashlib.sha256(der).hexdigest()


def make_card(
    unit_code: str, name: str, role: str, public: minisign.PublicKey, age_recipient: str, certificate_pem: str = "",
    kind: str = "", official_code: str = "",
) -> Card:
    from cryptography.hazmat.primitives import serialization

    pem = ""
    cert_sha = ""
    if certificate_pem:
        cert = load_certificate(certificate_pem)
        pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
        cert_sha = certificate_sha256(cert)
    return Card(
        unit_code=unit_code,
        name=name,
        role=role,
        minisign_public_key=public.to_file(f"minisign public key {public.key_id_hex} of DLXH office {unit_code}"),
        age_recipient=age_recipient,
        fingerprint=fingerprint(unit_code, public.line, age_recipient, cert_sha),
        created_at=utc_now(),
        certificate_pem=pem,
        kind=kind,
        official_code=official_code,
    )


def card_bytes(card: Card) -> bytes:
    doc = {"format": CARD_FORMAT, "format_version": CARD_VERSION if card.certificate_pem else 1, **asdict(card)}
    if not card.certificate_pem:
        del doc["certificate_pem"]  # a card without a certificate is written as format 1
    # Convenience for stock tools (`minisign -V -P <this>`); ignored when reading the card.
    doc["minisign_public_key_base64"] = card.public_key.line
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def certificate_note(card: Card) -> str:
    """What enrolling this card did for report verification, in one Vietnamese sentence."""
    if card.certificate_pem:
        return "Đã tin cậy chứng thư số ký báo cáo của đơn vị này: báo cáo họ ký số sẽ được kiểm tra là hợp lệ."
    return ("Thẻ định dạng cũ không kèm chứng thư số nên chưa tin cậy chứng thư nào: hãy đề nghị đơn vị đó "
            "xuất lại thẻ bằng DLXH mới để kiểm tra được báo cáo họ ký số.")


def parse_card(data: bytes) -> Card:
    """Read a card file; any inconsistency (keys or certificate vs fingerprint) is refused, not repaired."""
    if len(data) > MAX_CARD_BYTES:
        raise refusals.too_big("thẻ định danh quá lớn")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refusals.damaged("thẻ định danh không phải JSON hợp lệ") from exc
    if not isinstance(doc, dict) or doc.get("format") != CARD_FORMAT:
        raise refusals.wrong_kind(str(doc.get("format") if isinstance(doc, dict) else "?"), CARD_FORMAT)
    version = doc.get("format_version")
    if not isinstance(version, int):
        raise refusals.damaged("thẻ định danh thiếu phiên bản định dạng")
    if version > CARD_VERSION:
        raise refusals.newer_format(version, CARD_VERSION)
    optional = ("created_at", "certificate_pem", "kind", "official_code")
    try:
        card = Card(
            **{k: str(doc[k]) for k in Card.__dataclass_fields__ if k not in optional},
            created_at=str(doc.get("created_at", "")),
            certificate_pem=str(doc.get("certificate_pem") or ""),
            kind=str(doc.get("kind") or ""),
            official_code=str(doc.get("official_code") or ""),
        )
        public = card.public_key
        x25519.Recipient.from_str(card.age_recipient)
    except (KeyError, minisign.MinisignError, ValueError, TypeError) as exc:
        raise refusals.damaged("thẻ định danh thiếu trường hoặc khóa không hợp lệ") from exc
    except pyrage.RecipientError as exc:
        raise refusals.damaged("khóa mã hóa (age) trong thẻ định danh không hợp lệ") from exc
    if card.role not in ROLES or not card.unit_code or card.kind not in KINDS:
        raise refusals.damaged("thẻ định danh có vai trò hoặc mã đơn vị không hợp lệ")
    if version >= 2 and not card.certificate_pem:
        raise refusals.damaged("thẻ định danh định dạng 2 thiếu chứng thư số")
    if version < 2 and card.certificate_pem:
        raise refusals.card_altered("thẻ định dạng 1 không mang chứng thư số, nhưng thẻ này lại có")
    cert_sha = ""
    if card.certificate_pem:
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization

        cert = load_certificate(card.certificate_pem)
        cert_sha = certificate_sha256(cert)
        card = replace(card, certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"))
        owners = {a.value for a in cert.subject.get_attributes_for_oid(x509.NameOID.ORGANIZATIONAL_UNIT_NAME)}
        if owners and card.unit_code not in owners:
            raise refusals.card_altered(f"chứng thư số trong thẻ thuộc đơn vị {', '.join(sorted(owners))}, "
                                        f"không phải {card.unit_code}")
    if fingerprint(card.unit_code, public.line, card.age_recipient, cert_sha) != card.fingerprint:
        if cert_sha:
            raise refusals.card_altered("mã xác nhận trên thẻ không khớp với khóa hoặc chứng thư số trong thẻ "
                                        "(khóa hoặc chứng thư số đã bị tráo)")
        raise refusals.card_altered("mã xác nhận trên thẻ không khớp với khóa trong thẻ (khóa đã bị tráo)")
    return card


@dataclass(frozen=True)
class Receipt:
    signer: str  # the office that imported the package
    sender: str  # the office that sent it
    seq: int
    package_sha256: str
    imported_at: str
    file_name: str = ""
    rows: dict[str, int] | None = None


def build_receipt(secret: minisign.SecretKey, receipt: Receipt) -> bytes:
    """A small zip (no secrets inside, so not encrypted) the sender imports to mark the package received."""
    doc: dict[str, Any] = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_VERSION,
        "signer": {"unit": receipt.signer, "key_id": secret.public().key_id_hex},
        "package": {
            "sender": receipt.sender,
            "recipient": receipt.signer,
            "seq": receipt.seq,
            "sha256": receipt.package_sha256,
            "file_name": receipt.file_name,
        },
        "imported_at": receipt.imported_at,
        "rows": receipt.rows or {},
    }
    raw = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"
    trusted = f"dlxh receipt {receipt.signer} got {receipt.sender} seq:{receipt.seq} sha256:{receipt.package_sha256}"
    sig = secret.sign(raw, trusted, f"DLXH receipt signature, key {secret.public().key_id_hex}")
    return safezip.write_zip({RECEIPT_NAME: raw, RECEIPT_NAME + ".minisig": sig.encode("ascii")})


def receipt_file_name(signer: str, sender: str, seq: int) -> str:
    return f"{sender}-{signer}-{seq:06d}.dlxr"


def open_receipt(data: bytes, *, my_unit: str, lookup: Any) -> Receipt:
    """Verify a receipt signed by an enrolled peer for a package this office sent."""
    members = safezip.read_zip(data)
    if set(members) != {RECEIPT_NAME, RECEIPT_NAME + ".minisig"}:
        raise refusals.wrong_kind("không rõ", RECEIPT_FORMAT)
    doc = read_signed_manifest(members, lookup, RECEIPT_NAME, "signer", RECEIPT_VERSION)
    if doc.get("format") != RECEIPT_FORMAT:
        raise refusals.wrong_kind(str(doc.get("format")), RECEIPT_FORMAT)
    pkg = doc.get("package") or {}
    if pkg.get("sender") != my_unit:
        raise refusals.wrong_recipient(str(pkg.get("sender")), my_unit)
    try:
        return Receipt(
            signer=str(doc["signer"]["unit"]),
            sender=str(pkg["sender"]),
            seq=int(pkg["seq"]),
            package_sha256=str(pkg["sha256"]),
            imported_at=str(doc["imported_at"]),
            file_name=str(pkg.get("file_name", "")),
            rows={str(k): int(v) for k, v in (doc.get("rows") or {}).items()},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise refusals.damaged("biên nhận thiếu trường bắt buộc") from exc
