"""This office's exchange keys and the peers it has enrolled.

Private parts (Ed25519 seed, age identity) are kept only in the SQLCipher database and
never written anywhere else; what leaves the PC is the identity card (public keys).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pyrage import passphrase as age_passphrase
from pyrage import x25519

from app import audit, auth, office, records
from app.context import Ctx
from app.errors import NotFoundError, ValidationError
from app.exchange import identity, minisign
from app.ids import utc_now


@dataclass(frozen=True)
class OfficeKeys:
    secret: minisign.SecretKey
    age_identity: str
    age_recipient: str


@dataclass(frozen=True)
class Peer:
    unit_code: str
    name: str
    role: str
    public_key: minisign.PublicKey
    age_recipient: str
    fingerprint: str
    enrolled_on: str


def ensure_keys(ctx: Ctx) -> OfficeKeys:
    """Return this office's keys, creating them once (offices made before 0005 get them lazily)."""
    row = ctx.db.execute(
        "SELECT sign_key_id, sign_seed, age_identity, age_recipient FROM office_keys WHERE singleton = 1"
    ).fetchone()
    if row:
        return OfficeKeys(minisign.SecretKey(bytes(row[0]), bytes(row[1])), row[2], row[3])
    secret = minisign.SecretKey.generate()
    ident = x25519.Identity.generate()
    keys = OfficeKeys(secret, str(ident), str(ident.to_public()))
    with ctx.transaction():
        ctx.db.execute(
            "INSERT INTO office_keys (singleton, sign_key_id, sign_seed, age_identity, age_recipient, created_at) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            [secret.key_id, secret.seed, keys.age_identity, keys.age_recipient, utc_now()],
        )
        ctx.db.execute("UPDATE office SET signing_key_id = ? WHERE singleton = 1", [secret.public().key_id_hex])
        audit.record(ctx, "keys", "office_keys", "1", {"key_id": secret.public().key_id_hex})
    return keys


def my_card(ctx: Ctx) -> identity.Card:
    """This office's card, carrying its report-signing certificate so the other office
    can verify our signed PDFs without a separate certificate exchange."""
    from app.reports import signing

    keys = ensure_keys(ctx)
    me = office.get_office(ctx)
    cert = signing.active_certificate(ctx)
    return identity.make_card(
        me.unit_code, me.name, me.role, keys.secret.public(), keys.age_recipient, certificate_pem=cert.cert_pem,
        kind=me.kind, official_code=me.official_code or "",
    )


def my_fingerprint(ctx: Ctx) -> str:
    """The fingerprint `my_card(ctx)` carries, read from the stored keys and certificate
    without loading the signing libraries (the exchange page shows it at open; building the
    card, which issues a certificate if there is none yet, waits for an export)."""
    row = ctx.db.execute("SELECT cert_pem FROM office_certificates WHERE active = 1").fetchone()
    if row is None:
        return my_card(ctx).fingerprint
    keys = ensure_keys(ctx)
    return identity.fingerprint(office.get_office(ctx).unit_code, keys.secret.public().line, keys.age_recipient,
                                identity.pem_sha256(row[0]))


def enrol(ctx: Ctx, card: identity.Card) -> Peer:
    """Record a peer's public keys (after the user confirmed the fingerprint by phone) and,
    when the card carries one, trust its report-signing certificate in the same transaction.
    Certificates enrolled from earlier cards stay trusted so older signed reports still verify."""
    from app.reports import signing

    auth.require(ctx, "keys")
    me = office.get_office(ctx)
    if card.unit_code == me.unit_code:
        raise ValidationError("Đây là thẻ định danh của chính đơn vị này, không cần đăng ký.")
    if card.role == me.role:
        raise ValidationError("Chỉ trao đổi giữa cấp cơ sở (xã, phường, đảng ủy trực thuộc) và cấp tỉnh: "
                              "thẻ này cùng cấp với đơn vị đang dùng.")
    now = utc_now()
    with ctx.transaction():
        previous = ctx.db.execute("SELECT fingerprint FROM peers WHERE unit_code = ?", [card.unit_code]).fetchone()
        ctx.db.execute(
            "INSERT INTO peers (unit_code, name, role, sign_public_key, age_recipient, fingerprint, enrolled_on, "
            "enrolled_by, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(unit_code) DO UPDATE SET "
            "name = excluded.name, role = excluded.role, kind = excluded.kind, sign_public_key = excluded.sign_public_key, age_recipient = excluded.age_recipient, "
            "fingerprint = excluded.fingerprint, enrolled_on = excluded.enrolled_on, enrolled_by = excluded.enrolled_by",
            [
                card.unit_code,
                card.name,
                card.role,
                card.minisign_public_key,
                card.age_recipient,
                card.fingerprint,
                now,
                ctx.user.name,
                card.office_kind,
            ],
        )
        if not ctx.db.execute("SELECT 1 FROM units WHERE code = ?", [card.unit_code]).fetchone():
            parent = me.unit_code if card.role == "district" else None
            records.insert(ctx, "units", {"code": card.unit_code, "name": card.name, "level": card.office_kind,
                                          "parent_code": parent}, pk="code")
        certificate = None
        if card.certificate_pem:
            certificate = signing.enroll_certificate(ctx, card.certificate_pem, card.unit_code)
        detail = {
            "fingerprint": card.fingerprint,
            "replaced": previous[0] if previous else None,
            "certificate": certificate,
        }
        audit.record(ctx, "enrol", "peers", card.unit_code, detail)
    return peer(ctx, card.unit_code)


_PEERS = "SELECT unit_code, name, role, sign_public_key, age_recipient, fingerprint, enrolled_on FROM peers"


def _peer(r: tuple) -> Peer:
    return Peer(r[0], r[1], r[2], minisign.parse_public_key(r[3]), r[4], r[5], r[6])


def peers(ctx: Ctx, role: str | None = None) -> list[Peer]:
    rows = ctx.db.execute(
        _PEERS + (" WHERE role = ?" if role else "") + " ORDER BY name", [role] if role else []
    ).fetchall()
    return [_peer(r) for r in rows]


def peer(ctx: Ctx, unit_code: str) -> Peer:
    row = ctx.db.execute(_PEERS + " WHERE unit_code = ?", [unit_code]).fetchone()
    if row:
        return _peer(row)
    raise NotFoundError(f"Chưa đăng ký đơn vị {unit_code}: hãy nhập thẻ định danh của đơn vị đó trước.")


def lookup(ctx: Ctx) -> Callable[[str], minisign.PublicKey | None]:
    """A sender-key lookup for package/receipt verification: one enrolled key read when asked
    (a province holds 168 peers; parsing them all for every package cost more than the check)."""

    def key_of(unit_code: str) -> minisign.PublicKey | None:
        row = ctx.db.execute("SELECT sign_public_key FROM peers WHERE unit_code = ?", [unit_code]).fetchone()
        return minisign.parse_public_key(row[0]) if row else None

    return key_of


def superior(ctx: Ctx) -> Peer:
    """The province a district sends to: its enrolled province peer (the parent unit first)."""
    provinces = peers(ctx, "province")
    if not provinces:
        raise NotFoundError("Chưa đăng ký Ban Tuyên giáo và Dân vận Tỉnh ủy: hãy nhập thẻ định danh của tỉnh trước khi xuất.")
    parent = office.get_office(ctx).parent_code
    return next((p for p in provinces if p.unit_code == parent), provinces[0])


def export_age_identity(ctx: Ctx, passphrase: str) -> bytes:
    """The age identity wrapped in age's own passphrase encryption, for `age -d -i FILE`.

    For a province IT officer who checks packages with the stock tools: the secret never
    leaves in clear; age asks for the passphrase when it uses the file.
    """
    auth.require(ctx, "keys")
    if len(passphrase or "") < 10:
        raise ValidationError("Mật khẩu bảo vệ khóa phải có ít nhất 10 ký tự.")
    own = ensure_keys(ctx)
    blob = age_passphrase.encrypt(f"# DLXH {ctx.origin}\n{own.age_identity}\n".encode("ascii"), passphrase)
    audit.record(ctx, "export_key", "office_keys", "1", {"what": "age identity, passphrase-protected"})
    return blob
