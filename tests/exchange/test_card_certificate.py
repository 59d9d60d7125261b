"""The identity card carries the report-signing certificate: importing a district's card at
the province makes the district's signed PDFs verify there, and a swapped certificate is
refused. Two real encrypted offices, the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import ImportRefused
from app.exchange import identity, keys
from app.office import init_office, open_ctx
from app.reports import signing
from app.reports.render_pdf import render_pdf_anchored
from tests.conftest import PASSPHRASE, ROOT
from tests.exchange.sync_helpers import new_province
from tests.reports.sample import sample_document

ENV = {"DLXH_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def offices(tmp_path, passphrase_env):
    """A district that has signed one report PDF, and a province that knows nothing of it yet."""
    district, _ = init_office(tmp_path / "huyen.db", unit_code="TVH-CL", name="Huyện Càng Long", role="district",
                              parent_code="TVH", parent_name="Tỉnh Trà Vinh")
    province = new_province(tmp_path / "tinh.db")
    data, anchors = render_pdf_anchored(sample_document(pages=1))
    pdf = tmp_path / "bao-cao-thang.signed.pdf"
    pdf.write_bytes(signing.sign_pdf(district, data, anchors[0], "Nguyễn Văn An", "Trưởng ban"))
    district.close()
    province.close()
    return tmp_path / "huyen.db", tmp_path / "tinh.db", pdf


def trusted(db: Path) -> list[tuple]:
    ctx = open_ctx(db)
    try:
        return ctx.db.execute("SELECT unit_code, fingerprint FROM trusted_certificates").fetchall()
    finally:
        ctx.close()


def test_imported_card_makes_the_district_signature_trusted(offices, tmp_path, cli):
    district, province, pdf = offices
    before = cli("--db", str(province), "report", "verify", str(pdf), env=ENV)
    assert before.returncode == 1 and "chưa được tin cậy" in before.stderr

    card = tmp_path / "TVH-CL.dlxid"
    exported = cli("--db", str(district), "identity", "export", str(card), env=ENV)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(card.read_text(encoding="utf-8"))["format_version"] == 2
    assert "PRIVATE" not in card.read_text(encoding="utf-8")
    spoken = exported.stdout.split("Mã xác nhận (đọc cho đơn vị kia qua điện thoại): ")[1].splitlines()[0]

    imported = cli("--db", str(province), "identity", "import", str(card), "--yes", env=ENV)
    assert imported.returncode == 0, imported.stderr
    assert f"Mã xác nhận: {spoken}" in imported.stdout  # what the province reads back over the phone
    assert "Đã tin cậy chứng thư số ký báo cáo" in imported.stdout

    after = cli("--db", str(province), "report", "verify", str(pdf), env=ENV)
    assert after.returncode == 0, after.stderr
    assert after.stdout.startswith("Chữ ký số hợp lệ") and "Càng Long" in after.stdout
    cert_fp = identity.parse_card(card.read_bytes()).certificate_fingerprint
    assert trusted(province) == [("TVH-CL", cert_fp)]


def other_certificate(tmp_path: Path, unit: str) -> str:
    """A genuine certificate of another office with the same unit code (an impostor's)."""
    ctx, _ = init_office(tmp_path / f"impostor-{unit}.db", unit_code=unit, name="Huyện Càng Long", role="district")
    try:
        return signing.export_certificate(ctx)
    finally:
        ctx.close()


@pytest.mark.parametrize("swap", ["impostor", "province"])
def test_card_with_a_swapped_certificate_is_refused(offices, tmp_path, cli, swap):
    district, province, pdf = offices
    card = tmp_path / "TVH-CL.dlxid"
    assert cli("--db", str(district), "identity", "export", str(card), env=ENV).returncode == 0
    doc = json.loads(card.read_text(encoding="utf-8"))
    if swap == "impostor":
        doc["certificate_pem"] = other_certificate(tmp_path, "TVH-CL")
        reason = "mã xác nhận trên thẻ không khớp với khóa hoặc chứng thư số"
    else:
        doc["certificate_pem"] = other_certificate(tmp_path, "TVH")
        reason = "chứng thư số trong thẻ thuộc đơn vị TVH, không phải TVH-CL"
    forged = tmp_path / "forged.dlxid"
    forged.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    refused = cli("--db", str(province), "identity", "import", str(forged), "--yes", env=ENV)
    assert refused.returncode == 1
    assert f"Thẻ định danh đã bị sửa: {reason}" in refused.stderr
    assert "Không đăng ký" in refused.stderr
    assert trusted(province) == []
    ctx = open_ctx(province)
    try:
        assert keys.peers(ctx) == []
    finally:
        ctx.close()
    assert cli("--db", str(province), "report", "verify", str(pdf), env=ENV).returncode == 1


def test_impostor_who_recomputes_the_fingerprint_is_caught_by_the_phone_check(offices, tmp_path):
    """Whoever swaps the certificate and recomputes the fingerprint gets a card that parses,
    but its fingerprint differs from the one the real district reads out."""
    district, _, _ = offices
    ctx = open_ctx(district)
    try:
        real = keys.my_card(ctx)
    finally:
        ctx.close()
    fake = identity.make_card(real.unit_code, real.name, real.role, real.public_key, real.age_recipient,
                              certificate_pem=other_certificate(tmp_path, "TVH-CL"))
    assert identity.parse_card(identity.card_bytes(fake)).fingerprint != real.fingerprint


def test_damaged_certificate_text_is_refused():
    doc = json.loads(identity.card_bytes(card_with_cert()))
    body = doc["certificate_pem"].splitlines()
    body[3] = body[3][:10] + ("A" if body[3][10] != "A" else "B") + body[3][11:]
    doc["certificate_pem"] = "\n".join(body) + "\n"
    with pytest.raises(ImportRefused, match="Thẻ định danh đã bị sửa|chứng thư số trong thẻ định danh không đọc được"):
        identity.parse_card(json.dumps(doc).encode())
    doc["certificate_pem"] = "không phải chứng thư"
    with pytest.raises(ImportRefused, match="chứng thư số trong thẻ định danh không đọc được"):
        identity.parse_card(json.dumps(doc).encode())


def card_with_cert() -> identity.Card:
    from tests.exchange.test_identity_cards import DISTRICT, card_of, self_signed

    return card_of(DISTRICT, certificate_pem=self_signed(DISTRICT.unit))


def test_old_format_card_still_imports(offices, tmp_path, cli):
    district, province, pdf = offices
    ctx = open_ctx(district)
    try:
        own = keys.ensure_keys(ctx)
        old = identity.make_card("TVH-CL", "Huyện Càng Long", "district", own.secret.public(), own.age_recipient)
    finally:
        ctx.close()
    data = identity.card_bytes(old)
    doc = json.loads(data)
    assert doc["format_version"] == 1 and "certificate_pem" not in doc
    card = tmp_path / "old.dlxid"
    card.write_bytes(data)

    imported = cli("--db", str(province), "identity", "import", str(card), "--yes", env=ENV)
    assert imported.returncode == 0, imported.stderr
    assert "Thẻ định dạng cũ, không kèm chứng thư số" in imported.stdout
    assert "Đã đăng ký đơn vị TVH-CL" in imported.stdout
    assert "chưa tin cậy chứng thư nào" in imported.stdout and "report cert-enroll" in imported.stdout
    assert trusted(province) == []
    still = cli("--db", str(province), "report", "verify", str(pdf), env=ENV)
    assert still.returncode == 1 and "chưa được tin cậy" in still.stderr


def test_shown_fingerprint_is_the_cards_without_the_signing_libraries(offices):
    """The exchange page shows `my_fingerprint` at open: the same digits as the exported card,
    computed from the stored certificate without importing the signing stack."""
    district, _, _ = offices
    ctx = open_ctx(district)
    try:
        card = keys.my_card(ctx)
        assert keys.my_fingerprint(ctx) == card.fingerprint
        assert identity.pem_sha256(card.certificate_pem) == card.certificate_fingerprint
    finally:
        ctx.close()
    with pytest.raises(ValueError):
        identity.pem_sha256("-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n")
    probe = ("import sys; from pathlib import Path; from app.office import open_ctx; from app.exchange import keys; "
             f"ctx = open_ctx(Path({str(district)!r})); print(keys.my_fingerprint(ctx)); "
             "print(sorted(m for m in ('app.reports.signing', 'pyhanko', 'cryptography.x509') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT), **ENV}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [card.fingerprint, "[]"]
