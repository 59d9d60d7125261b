"""The USB-token path (PKCS#11) against SoftHSM2: a key and certificate on a soft token sign
the report; the signature verifies once the token's certificate is enrolled."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app import settings
from app.errors import DlxhError
from app.reports import pkcs11 as token
from app.reports import signing
from app.reports.render_pdf import render_pdf_anchored
from tests.reports.sample import sample_document

MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
pytestmark = pytest.mark.skipif(not (MODULE.exists() and shutil.which("softhsm2-util")),
                                reason="SoftHSM2 is not installed (apt-get install softhsm2)")
PIN = "123456"


def _soft_token(folder: Path, monkeypatch) -> str:
    """Initialise a SoftHSM token holding an EC key and its certificate; returns the cert PEM."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    label = f"dlxh-{folder.name[-8:]}"
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", "654321"],
                   check=True, capture_output=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Nguyễn Văn An (USB token)")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True).sign(key, hashes.SHA256()))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    subprocess.run(["softhsm2-util", "--import", str(folder / "key.pem"), "--token", label, "--label", "signkey",
                    "--id", "01", "--pin", PIN], check=True, capture_output=True)
    der = cert.public_bytes(serialization.Encoding.DER)
    lib = pkcs11.lib(str(MODULE))   # one loaded library per process: read this test's config and token again
    lib.reinitialize()
    with lib.get_token(token_label=label).open(rw=True, user_pin=PIN) as session:
        session.create_object({Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                               Attribute.VALUE: der, Attribute.SUBJECT: cert.subject.public_bytes(),
                               Attribute.LABEL: "signkey", Attribute.ID: b"\x01", Attribute.TOKEN: True})
    return label, cert.public_bytes(serialization.Encoding.PEM).decode()


def test_sign_with_soft_token(empty_ctx, tmp_path, monkeypatch):
    label, cert_pem = _soft_token(tmp_path, monkeypatch)
    with pytest.raises(DlxhError, match="Chưa cấu hình USB token"):
        token.token_signer(empty_ctx, PIN)
    for key, value in (("pkcs11_module", str(MODULE)), ("pkcs11_token_label", label),
                       ("pkcs11_key_label", "signkey"), ("pkcs11_cert_label", "signkey")):
        settings.put(empty_ctx, key, value)
    with pytest.raises(DlxhError, match="USB token"):
        token.token_signer(empty_ctx, "000000")  # wrong PIN: a Vietnamese refusal, not a crash
    signer = token.token_signer(empty_ctx, PIN)
    pdf, anchors = render_pdf_anchored(sample_document(pages=1))
    signed = signing.sign_pdf(empty_ctx, pdf, anchors[0], "Nguyễn Văn An", "Trưởng ban", signer=signer)
    result = signing.verify_pdf(empty_ctx, signed)
    assert not result.valid and "tin cậy" in result.message  # the token's certificate is not enrolled yet
    signing.enroll_certificate(empty_ctx, cert_pem)
    result = signing.verify_pdf(empty_ctx, signed)
    assert result.valid and "USB token" in result.signer
