"""Digital signatures on report PDFs: the office certificate, PAdES signing with a
visible stamp (pyHanko), and fully offline verification.

The pilot has no CA: at office creation the app issues itself an X.509 certificate
whose private key stays inside the SQLCipher database (table office_certificates).
Verification trusts this office's certificates and those enrolled from other offices
(trusted_certificates), never fetches anything, and refuses any byte changed or added
after signing. A USB token (PKCS#11) is used instead when configured (pkcs11.py).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app import audit, office
from app.context import Ctx
from app.errors import DlxhError, ValidationError
from app.ids import utc_now
from app.reports import stamp
from app.reports.render_pdf import Anchor

VN_TZ = timezone(timedelta(hours=7), "ICT")
FIELD_NAME = "ChuKyDonVi"
CERT_YEARS = 5


@dataclass(frozen=True)
class OfficeCert:
    fingerprint: str
    subject: str
    cert_pem: str
    key_pem: str
    not_after: str


@dataclass(frozen=True)
class VerifyResult:
    valid: bool
    message: str  # one Vietnamese sentence for the user
    signer: str = ""
    signed_at: str = ""
    fingerprint: str = ""


def _fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def office_display_name(ctx: Ctx) -> str:
    """'Đảng ủy xã Càng Long', 'Ban Tuyên giáo và Dân vận Tỉnh ủy Vĩnh Long' (office_kinds)."""
    return office.get_office(ctx).style.office_label


# X.509 upper bounds (RFC 5280): commonName and organizationName 64 characters, locality 128.
_ABBREVIATIONS = (("Ban Tuyên giáo và Dân vận", "BTG&DV"), ("Ban Tuyên giáo", "BTG"), ("Đảng ủy", "ĐU"),
                  ("Thành phố", "TP"), ("Tỉnh ủy", "TU"), ("Thành ủy", "ThU"), ("Huyện ủy", "HU"))


def fit_name(name: str, limit: int = 64) -> str:
    """A certificate name within `limit` bytes of UTF-8 (X.509's upper bound counts bytes, and
    a Vietnamese letter such as "ả" takes 2–3): the usual abbreviations first (BTG&DV, ĐU,
    TP …), then cut on a character boundary, at a word when there is one, with an ellipsis.
    Never raises."""
    def size(text: str) -> int:
        return len(text.encode("utf-8"))

    name = " ".join(name.split()) or "DLXH"
    for long, short in _ABBREVIATIONS:
        if size(name) <= limit:
            break
        name = name.replace(long, short)
    if size(name) <= limit:
        return name
    room = limit - size("…")
    head = name.encode("utf-8")[:room].decode("utf-8", "ignore")  # never half a letter
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut + "…"


def issue_office_certificate(ctx: Ctx) -> OfficeCert:
    """Create a new self-issued certificate (ECDSA P-256, 5 years) and make it the active one.

    P-256 rather than RSA: generated in milliseconds at office creation, and accepted by
    Adobe Reader and pyHanko alike."""
    o = office.get_office(ctx)
    name = office_display_name(ctx)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.LOCALITY_NAME, fit_name(o.place_name, 128)),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, fit_name(name)),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, fit_name(o.unit_code)),
        x509.NameAttribute(NameOID.COMMON_NAME, fit_name(name)),
    ])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=365 * CERT_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    fp = _fingerprint(cert)
    with ctx.transaction():
        ctx.db.execute("UPDATE office_certificates SET active = 0")
        ctx.db["office_certificates"].insert({
            "fingerprint": fp, "subject": name, "cert_pem": cert_pem, "key_pem": key_pem,
            "not_before": cert.not_valid_before_utc.isoformat(), "not_after": cert.not_valid_after_utc.isoformat(),
            "active": 1, "created_at": utc_now(),
        })
        audit.record(ctx, "keys", "office_certificates", fp, {"subject": name})
    return OfficeCert(fp, name, cert_pem, key_pem, cert.not_valid_after_utc.isoformat())


def active_certificate(ctx: Ctx, create: bool = True) -> OfficeCert | None:
    row = ctx.db.execute(
        "SELECT fingerprint, subject, cert_pem, key_pem, not_after FROM office_certificates WHERE active = 1"
    ).fetchone()
    if row:
        return OfficeCert(*row)
    return issue_office_certificate(ctx) if create else None


def export_certificate(ctx: Ctx) -> str:
    """The public certificate (PEM) to hand to the province so it can verify our PDFs."""
    return active_certificate(ctx).cert_pem


def enroll_certificate(ctx: Ctx, pem: str, unit_code: str | None = None) -> str:
    """Trust another office's certificate for verification; returns its fingerprint."""
    try:
        cert = x509.load_pem_x509_certificate(pem.encode())
    except ValueError as exc:
        raise ValidationError("Tệp chứng thư số không hợp lệ (cần định dạng PEM).") from exc
    fp = _fingerprint(cert)
    subject = cert.subject.rfc4514_string()
    with ctx.transaction():
        ctx.db["trusted_certificates"].upsert(
            {"fingerprint": fp, "unit_code": unit_code, "subject": subject, "cert_pem": pem,
             "enrolled_on": utc_now()}, pk="fingerprint")
        audit.record(ctx, "keys", "trusted_certificates", fp, {"subject": subject, "unit": unit_code})
    return fp


def _trust_roots(ctx: Ctx) -> list:
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509

    rows = ctx.db.execute("SELECT cert_pem FROM office_certificates UNION ALL "
                          "SELECT cert_pem FROM trusted_certificates").fetchall()
    roots = []
    for (text,) in rows:
        _, _, der = asn1_pem.unarmor(text.encode())
        roots.append(asn1_x509.Certificate.load(der))
    return roots


def _software_signer(cert: OfficeCert):
    from asn1crypto import keys as asn1_keys
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from app.reports.pyhanko_sign import signers

    _, _, cert_der = asn1_pem.unarmor(cert.cert_pem.encode())
    _, _, key_der = asn1_pem.unarmor(cert.key_pem.encode())
    signing_cert = asn1_x509.Certificate.load(cert_der)
    return signers.SimpleSigner(signing_cert=signing_cert, signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
                                cert_registry=SimpleCertificateStore.from_certs([signing_cert]))


def sign_pdf(ctx: Ctx, pdf: bytes, anchor: Anchor | None, signer_name: str, signer_title: str,
             signer=None, when: datetime | None = None) -> bytes:
    """PAdES-sign `pdf` with a visible stamp over the signature space (or the last page's
    foot when no anchor is known). `signer` is a pyHanko signer (token); default: the office
    certificate."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from app.reports.pyhanko_sign import fields, signers

    if signer is None:
        signer = _software_signer(active_certificate(ctx))
    o = office.get_office(ctx)
    when = (when or datetime.now(UTC)).astimezone(VN_TZ)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    if anchor is None:
        page = -1
        box = (300, 60, 560, 140)
    else:
        page, box = anchor.page, (anchor.x1 + 20, anchor.y1 + 2, anchor.x2 - 20, anchor.y2 - 2)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason=f"{signer_title} ký ban hành", location=o.place_name, name=signer_name,
    )
    lines = [f"Ký số bởi: {signer_name}", f"Chức vụ: {signer_title}", f"Đơn vị: {office_display_name(ctx)}",
             f"Thời gian: {when.strftime('%H:%M:%S ngày %d/%m/%Y')} (GMT+7)"]
    style = stamp.stamp_style(box[2] - box[0], box[3] - box[1], lines)
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style,
                                   new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=page, box=box))
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=out)
    except Exception as exc:  # pyHanko/token errors: a refusal the user can act on
        raise DlxhError(f"Không ký được văn bản: {str(exc) or type(exc).__name__}") from exc
    return out.getvalue()


def verify_pdf(ctx: Ctx, data: bytes) -> VerifyResult:
    """Check every signature offline against the trusted certificates; any change after
    signing (altered bytes or an appended revision) makes the result invalid."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext

    from app.reports.pyhanko_sign import validation

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:
        return VerifyResult(False, "Tệp không phải PDF hợp lệ hoặc đã bị hỏng.")
    if not signatures:
        return VerifyResult(False, "Tệp PDF không có chữ ký số.")
    context = ValidationContext(trust_roots=_trust_roots(ctx), allow_fetching=False, revocation_mode="soft-fail")
    last = None
    for sig in signatures:
        try:
            status = validation.validate_pdf_signature(sig, context)
        except Exception:
            return VerifyResult(False, "Chữ ký số bị hỏng hoặc nội dung đã bị sửa đổi sau khi ký.")
        signer = status.signing_cert.subject.native.get("common_name", "") if status.signing_cert else ""
        fp = hashlib.sha256(status.signing_cert.dump()).hexdigest() if status.signing_cert else ""
        when = status.signer_reported_dt.astimezone(VN_TZ).strftime("%H:%M:%S %d/%m/%Y") \
            if status.signer_reported_dt else ""
        if not status.intact or not status.valid:
            return VerifyResult(False, "Nội dung văn bản đã bị sửa đổi sau khi ký: chữ ký không còn hợp lệ.",
                                signer, when, fp)
        if not status.trusted:
            return VerifyResult(False, f"Chữ ký toàn vẹn nhưng chứng thư của '{signer}' chưa được tin cậy "
                                       "(chưa đăng ký chứng thư của đơn vị này).", signer, when, fp)
        last = (status, signer, when, fp)
    status, signer, when, fp = last
    if status.coverage != validation.SignatureCoverageLevel.ENTIRE_FILE:
        return VerifyResult(False, "Tệp đã bị thêm nội dung sau khi ký: chữ ký không còn bao trùm toàn bộ văn bản.",
                            signer, when, fp)
    return VerifyResult(True, f"Chữ ký số hợp lệ: ký bởi {signer} lúc {when}; nội dung không bị sửa đổi.",
                        signer, when, fp)
