"""Ed25519 signatures in the minisign file formats, so stock `minisign -V` can check them.

Formats (https://jedisct1.github.io/minisign/):
  public key file:  "untrusted comment: <text>\\n" + base64("Ed" || key_id[8] || pk[32]) + "\\n"
  signature file:   "untrusted comment: <text>\\n" + base64("ED" || key_id[8] || sig[64]) + "\\n"
                    "trusted comment: <text>\\n" + base64(global_sig[64]) + "\\n"
  sig        = Ed25519(BLAKE2b-512(message))      ("ED": prehashed, minisign's default)
  global_sig = Ed25519(sig || trusted_comment)    (binds the trusted comment to the signature)
We only ever write and accept the prehashed "ED" form; the legacy "Ed" form signs the raw
message and is refused, which closes the downgrade path minisign itself warns about.
The key id is shown by minisign as the upper-case hex of the 8 bytes read little-endian.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_PK_ALG = b"Ed"
_SIG_ALG_PREHASHED = b"ED"
_SIG_ALG_LEGACY = b"Ed"
_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "


class MinisignError(ValueError):
    """A key or signature file is malformed or does not verify (caller maps it to a Vietnamese refusal)."""


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes, as stored in the files
    raw: bytes  # 32 bytes Ed25519

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it (little-endian u64, upper-case hex)."""
        return key_id_hex(self.key_id)

    def to_file(self, comment: str | None = None) -> str:
        comment = comment or f"minisign public key {self.key_id_hex}"
        body = base64.b64encode(_PK_ALG + self.key_id + self.raw).decode("ascii")
        return f"{_UNTRUSTED}{_one_line(comment)}\n{body}\n"

    @property
    def line(self) -> str:
        """The base64 line alone (what `minisign -P` accepts on the command line)."""
        return base64.b64encode(_PK_ALG + self.key_id + self.raw).decode("ascii")


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes  # 32-byte Ed25519 seed; lives only inside the encrypted database

    @classmethod
    def generate(cls) -> SecretKey:
        key = Ed25519PrivateKey.generate()
        return cls(key_id=os.urandom(8), seed=key.private_bytes_raw())

    def public(self) -> PublicKey:
        pk = Ed25519PrivateKey.from_private_bytes(self.seed).public_key().public_bytes_raw()
        return PublicKey(self.key_id, pk)

    def sign(self, message: bytes, trusted_comment: str, untrusted_comment: str = "signature from DLXH") -> str:
        """Return the text of a minisign signature file for `message`."""
        key = Ed25519PrivateKey.from_private_bytes(self.seed)
        trusted = _one_line(trusted_comment)
        sig = key.sign(hashlib.blake2b(message, digest_size=64).digest())
        global_sig = key.sign(sig + trusted.encode("utf-8"))
        return (
            f"{_UNTRUSTED}{_one_line(untrusted_comment)}\n"
            f"{base64.b64encode(_SIG_ALG_PREHASHED + self.key_id + sig).decode('ascii')}\n"
            f"{_TRUSTED}{trusted}\n"
            f"{base64.b64encode(global_sig).decode('ascii')}\n"
        )


def key_id_hex(key_id: bytes) -> str:
    return key_id[::-1].hex().upper()


def parse_public_key(text: str) -> PublicKey:
    """Accept a full public key file or the bare base64 line."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if lines and lines[0].startswith(_UNTRUSTED):
        lines = lines[1:]
    if len(lines) != 1:
        raise MinisignError("public key: expected one base64 line")
    blob = _b64(lines[0])
    if len(blob) != 42 or blob[:2] != _PK_ALG:
        raise MinisignError("public key: wrong length or algorithm")
    return PublicKey(key_id=blob[2:10], raw=blob[10:])


@dataclass(frozen=True)
class Signature:
    key_id: bytes
    sig: bytes
    trusted_comment: str
    global_sig: bytes


def parse_signature(text: str) -> Signature:
    lines = text.replace("\r\n", "\n").split("\n")
    if len(lines) < 4 or not lines[0].startswith(_UNTRUSTED) or not lines[2].startswith(_TRUSTED):
        raise MinisignError("signature: malformed file")
    if any(ln.strip() for ln in lines[4:]):
        raise MinisignError("signature: trailing data")
    blob = _b64(lines[1].strip())
    if len(blob) != 74:
        raise MinisignError("signature: wrong length")
    if blob[:2] == _SIG_ALG_LEGACY:
        raise MinisignError("signature: legacy (non-prehashed) signatures are not accepted")
    if blob[:2] != _SIG_ALG_PREHASHED:
        raise MinisignError("signature: unknown algorithm")
    global_sig = _b64(lines[3].strip())
    if len(global_sig) != 64:
        raise MinisignError("signature: wrong global signature length")
    return Signature(blob[2:10], blob[10:], lines[2][len(_TRUSTED) :], global_sig)


def verify(public: PublicKey, message: bytes, signature_text: str) -> str:
    """Check a signature file against `message`; return the trusted comment or raise MinisignError."""
    sig = parse_signature(signature_text)
    if sig.key_id != public.key_id:
        raise MinisignError("signature: made with a different key")
    pk = Ed25519PublicKey.from_public_bytes(public.raw)
    try:
        pk.verify(sig.sig, hashlib.blake2b(message, digest_size=64).digest())
        pk.verify(sig.global_sig, sig.sig + sig.trusted_comment.encode("utf-8"))
    except InvalidSignature as exc:
        raise MinisignError("signature: does not verify") from exc
    return sig.trusted_comment


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise MinisignError("not valid base64") from exc


def _one_line(text: str) -> str:
    """Comments are single lines in the format; a newline would forge a new field."""
    return " ".join(text.splitlines()).strip()
