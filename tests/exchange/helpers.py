"""Keys and packages for the exchange tests: real Ed25519 and age keys, never mocks."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import pyrage
from pyrage import x25519

from app.exchange import minisign, package


@dataclass
class Office:
    unit: str
    secret: minisign.SecretKey
    identity: x25519.Identity

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def identity_str(self) -> str:
        return str(self.identity)


def office(unit: str) -> Office:
    return Office(unit, minisign.SecretKey.generate(), x25519.Identity.generate())


def sample_outgoing(sender: Office, recipient: Office, seq: int = 1, n: int = 5) -> package.Outgoing:
    rows = [
        {"id": f"op-{seq}-{i}", "origin": sender.unit, "version": 1, "summary": f"Ý kiến số {i} về giá điện"}
        for i in range(n)
    ]
    return package.Outgoing(
        kind="data",
        sender=sender.unit,
        recipient=recipient.unit,
        seq=seq,
        prev_seq=seq - 1,
        tables={"opinions": rows, "topics": [{"id": "t1", "origin": sender.unit, "version": 2}]},
        files={"r1.pdf": b"%PDF-1.7 sample report\n" * 20},
        app_version="0.1.0",
        schema_version=7,
    )


def lookup_for(*offices: Office):
    keys = {o.unit: o.secret.public() for o in offices}
    return keys.get


def open_as(receiver: Office, data: bytes, *senders: Office) -> package.Opened:
    return package.open_package(
        data, identity=receiver.identity_str, my_unit=receiver.unit, lookup=lookup_for(*senders)
    )


def inner_members(receiver: Office, data: bytes) -> dict[str, bytes]:
    inner = pyrage.decrypt(data, [receiver.identity])
    with zipfile.ZipFile(io.BytesIO(inner)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def raw_zip(members: list[tuple[str, bytes]], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip written with no checks at all: what an attacker could hand us."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compress) as zf:
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name), data)
    return buf.getvalue()


def reencrypt(receiver: Office, members: list[tuple[str, bytes]] | dict[str, bytes]) -> bytes:
    """Re-wrap tampered content for the receiver (anyone can: the recipient key is public)."""
    items = list(members.items()) if isinstance(members, dict) else members
    return pyrage.encrypt(raw_zip(items), [receiver.identity.to_public()])
