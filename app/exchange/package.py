"""The `.dlxh` package: a signed manifest plus data, zipped, then age-encrypted to one recipient.

Layout (FORMAT_VERSION 1, documented in docs/EXCHANGE.md):
  <sender>-<recipient>-<seq>.dlxh = age(inner zip) to the recipient's X25519 recipient
    manifest.json          what is inside, signed: sender, recipient, seq, sha256 per member
    manifest.json.minisig  minisign "ED" signature of manifest.json by the sender
    data/<table>.jsonl     one JSON object per row
    files/<name>           report files (PDF/DOCX), bytes as they are

This module is byte-level only (no database): building needs the sender's secret key
and the recipient's age public key; opening needs our age identity and a lookup of
enrolled senders' public keys. Sequence and re-import checks need the inbox and live
in the import layer, through `check_sequence`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyrage
from pyrage import x25519

from app.exchange import minisign, refusals, safezip
from app.ids import utc_now

FORMAT_NAME = "dlxh-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
# The same hashes as the manifest, in `sha256sum -c` form and signed, so an IT officer can
# check a package with stock tools only (minisign + sha256sum); the importer requires it
# to match the manifest exactly.
SUMS = "SHA256SUMS"
SUMS_SIGNATURE = "SHA256SUMS.minisig"
KINDS = ("data", "guidance")
MAX_MANIFEST_BYTES = 4 * 1024 * 1024

Progress = Callable[[int, int], None]


@dataclass
class Outgoing:
    """Everything one package carries, before signing and encryption."""

    kind: str  # data (district -> province) | guidance (province -> district)
    sender: str
    recipient: str
    seq: int
    prev_seq: int
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # name inside files/ -> bytes
    app_version: str = ""
    schema_version: int = 0
    since: str | None = None
    created_at: str = field(default_factory=utc_now)
    extra: dict[str, Any] = field(default_factory=dict)
    sender_kind: str = ""            # office kind (commune | agency | district | province)
    sender_official_code: str = ""   # code in the official 2025 list, "" for a legacy district


@dataclass
class Opened:
    """A package that passed every check; `sha256` is of the encrypted file as received."""

    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    files: dict[str, bytes]
    sha256: str

    @property
    def sender(self) -> str:
        return self.manifest["sender"]["unit"]

    @property
    def seq(self) -> int:
        return int(self.manifest["seq"])

    @property
    def kind(self) -> str:
        return self.manifest["kind"]


def file_name(sender: str, recipient: str, seq: int) -> str:
    return f"{sender}-{recipient}-{seq:06d}.dlxh"


def encode_rows(rows: list[dict[str, Any]]) -> bytes:
    """JSON Lines, keys sorted, UTF-8 unescaped: stable bytes for stable hashes."""
    return b"".join(
        json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
        for row in rows
    )


def build(out: Outgoing, secret: minisign.SecretKey, recipient_age: str, progress: Progress | None = None) -> bytes:
    """Sign and encrypt `out`; returns the bytes of the `.dlxh` file."""
    if out.kind not in KINDS:
        raise ValueError(f"unknown package kind {out.kind!r}")
    members: dict[str, bytes] = {}
    for table, rows in sorted(out.tables.items()):
        members[f"data/{table}.jsonl"] = encode_rows(rows)
    for name, data in sorted(out.files.items()):
        members[f"files/{name}"] = data
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "kind": out.kind,
        "sender": {"unit": out.sender, "key_id": secret.public().key_id_hex,
                   **({"kind": out.sender_kind} if out.sender_kind else {}),
                   **({"official_code": out.sender_official_code} if out.sender_official_code else {})},
        "recipient": {"unit": out.recipient},
        "seq": out.seq,
        "prev_seq": out.prev_seq,
        "since": out.since,
        "created_at": out.created_at,
        "app_version": out.app_version,
        "schema_version": out.schema_version,
        "rows": {table: len(rows) for table, rows in sorted(out.tables.items())},
        "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
        "extra": out.extra,
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"
    trusted = f"dlxh {out.kind} {out.sender}->{out.recipient} seq:{out.seq} created:{out.created_at} file:{MANIFEST}"
    signature = secret.sign(manifest_bytes, trusted, f"DLXH package signature, key {secret.public().key_id_hex}")
    sums = sums_text(manifest["members"])
    sums_sig = secret.sign(sums, f"dlxh {out.kind} {out.sender}->{out.recipient} seq:{out.seq} file:{SUMS}")
    inner = safezip.write_zip(
        {
            MANIFEST: manifest_bytes,
            SIGNATURE: signature.encode("ascii"),
            SUMS: sums,
            SUMS_SIGNATURE: sums_sig.encode("ascii"),
            **members,
        }
    )
    if progress:
        progress(1, 2)
    try:
        recipient = x25519.Recipient.from_str(recipient_age)
    except pyrage.RecipientError as exc:
        raise ValueError("invalid age recipient") from exc
    data = pyrage.encrypt(inner, [recipient])
    if progress:
        progress(2, 2)
    return data


def sums_text(listed: dict[str, str]) -> bytes:
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(listed.items())).encode("utf-8")


def decrypt(data: bytes, identity: str) -> bytes:
    """Undo the age layer; a package for someone else and a damaged header look alike to age."""
    if not data.startswith(b"age-encryption.org/v1\n"):
        raise refusals.damaged("không có phần đầu mã hóa age")
    try:
        return pyrage.decrypt(data, [x25519.Identity.from_str(identity)])
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise refusals.wrong_recipient_crypto() from exc
        raise refusals.damaged("lớp mã hóa không toàn vẹn (tệp đã bị sửa hoặc bị cắt)") from exc


def read_signed_manifest(
    members: dict[str, bytes],
    lookup: Callable[[str], minisign.PublicKey | None],
    manifest_name: str = MANIFEST,
    signer_field: str = "sender",
    supported: int = FORMAT_VERSION,
) -> dict[str, Any]:
    """Parse a signed JSON document, check its format version and its signature by the enrolled key."""
    raw = members.get(manifest_name)
    sig = members.get(manifest_name + ".minisig")
    if raw is None or sig is None:
        raise refusals.damaged("thiếu bản kê hoặc chữ ký")
    if len(raw) > MAX_MANIFEST_BYTES:
        raise refusals.too_big("bản kê quá lớn")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise refusals.damaged("bản kê không phải JSON hợp lệ") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get(signer_field), dict):
        raise refusals.damaged("bản kê thiếu thông tin đơn vị gửi")
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise refusals.damaged("bản kê thiếu phiên bản định dạng")
    if version > supported:
        raise refusals.newer_format(version, supported)
    sender = str(manifest[signer_field].get("unit", ""))
    public = lookup(sender)
    if public is None:
        raise refusals.unknown_sender(sender)
    try:
        minisign.verify(public, raw, sig.decode("ascii", errors="replace"))
    except minisign.MinisignError as exc:
        raise refusals.bad_signature(sender) from exc
    return manifest


def peek(data: bytes, *, identity: str, lookup: Callable[[str], minisign.PublicKey | None]) -> tuple[str, int]:
    """Sender and seq of a package from its signed manifest alone (decrypt, zip checks, the
    manifest's signature), without inflating its data: what a batch import sorts by.
    Raises ImportRefused as `open_package` would for the same faults."""
    inner = decrypt(data, identity)
    signed: dict[str, Any] = {}
    safezip.read_zip(inner, first=(MANIFEST, SIGNATURE), rest=False,
                     check=lambda head: signed.update(manifest=read_signed_manifest(head, lookup)))
    manifest = signed["manifest"]
    check_manifest_shape(manifest)
    return str(manifest["sender"]["unit"]), int(manifest["seq"])


def open_package(
    data: bytes,
    *,
    identity: str,
    my_unit: str,
    lookup: Callable[[str], minisign.PublicKey | None],
    progress: Progress | None = None,
) -> Opened:
    """Decrypt, unzip safely, verify signature and hashes; raises ImportRefused, returns parsed rows."""
    inner = decrypt(data, identity)
    if progress:
        progress(1, 4)
    signed: dict[str, Any] = {}
    members = safezip.read_zip(inner, first=(MANIFEST, SIGNATURE),
                               check=lambda head: signed.update(manifest=read_signed_manifest(head, lookup)))
    manifest = signed["manifest"]
    if manifest.get("format") != FORMAT_NAME or manifest.get("kind") not in KINDS:
        raise refusals.wrong_kind(str(manifest.get("format")), FORMAT_NAME)
    check_manifest_shape(manifest)
    addressed = str((manifest.get("recipient") or {}).get("unit", ""))
    if addressed != my_unit:
        raise refusals.wrong_recipient(addressed, my_unit)
    if progress:
        progress(2, 4)
    listed: dict[str, str] = manifest.get("members") or {}
    if not isinstance(listed, dict) or not all(isinstance(v, str) for v in listed.values()):
        raise refusals.damaged("bản kê không liệt kê đúng các thành phần")
    if members.get(SUMS) != sums_text(listed) or SUMS_SIGNATURE not in members:
        raise refusals.altered_member(SUMS)
    try:
        minisign.verify(
            lookup(manifest["sender"]["unit"]), members[SUMS], members[SUMS_SIGNATURE].decode("ascii", "replace")
        )
    except minisign.MinisignError as exc:
        raise refusals.bad_signature(str(manifest["sender"]["unit"])) from exc
    skip = (MANIFEST, SIGNATURE, SUMS, SUMS_SIGNATURE)
    payload = {name: blob for name, blob in members.items() if name not in skip}
    for name in listed:
        if name not in payload:
            raise refusals.missing_member(name)
    for name, blob in payload.items():
        if name not in listed:
            raise refusals.extra_member(name)
        if hashlib.sha256(blob).hexdigest() != listed[name]:
            raise refusals.altered_member(name)
    tables = _parse_tables(payload, manifest.get("rows") or {})
    files = {name[len("files/") :]: blob for name, blob in payload.items() if name.startswith("files/")}
    if progress:
        progress(4, 4)
    return Opened(manifest, tables, files, hashlib.sha256(data).hexdigest())


def _parse_tables(payload: dict[str, bytes], counts: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for name, blob in payload.items():
        if not name.startswith("data/"):
            continue
        if not name.endswith(".jsonl"):
            raise refusals.unsafe_name(name)
        table = name[len("data/") : -len(".jsonl")]
        try:
            # One parse of the whole member as a JSON array (4x fewer Python calls than a loads per
            # line at 300k rows). Split on bytes: JSON escapes \n inside strings, while str.splitlines
            # would also cut at U+2028 and friends that ensure_ascii=False leaves raw in the text.
            lines = [line for line in blob.split(b"\n") if line.strip()]
            rows = json.loads(b"[" + b",".join(lines) + b"]") if lines else []
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise refusals.damaged(f"dữ liệu «{name}» không hợp lệ") from exc
        if not all(isinstance(r, dict) for r in rows) or counts.get(table) != len(rows):
            raise refusals.damaged(f"số dòng của «{name}» không khớp bản kê")
        for row in rows:
            _check_row(name, row)
        tables[table] = rows
    return tables


_INT64 = 2**63


def _int_in_range(value: Any, low: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value < _INT64


def check_manifest_shape(manifest: dict[str, Any]) -> None:
    """Every manifest field the importer reads has the type and range it expects.

    A signed manifest is from an enrolled office, but its app may be older, newer or broken:
    `seq` "abc", null or 2**70 is refused here with a message, never met later as a trace.
    """
    for name in ("sender", "recipient"):
        part = manifest.get(name)
        if not isinstance(part, dict) or not isinstance(part.get("unit"), str) or not part["unit"]:
            raise refusals.damaged(f"bản kê thiếu hoặc sai mục «{name}»")
    if not _int_in_range(manifest.get("seq"), 1):
        raise refusals.damaged("số thứ tự gói («seq») không phải số nguyên dương hợp lệ")
    if "prev_seq" in manifest and not _int_in_range(manifest["prev_seq"]):
        raise refusals.damaged("số thứ tự gói trước («prev_seq») không hợp lệ")
    rows = manifest.get("rows", {})
    if not isinstance(rows, dict) or not all(isinstance(k, str) and _int_in_range(v) for k, v in rows.items()):
        raise refusals.damaged("bản kê ghi số dòng («rows») không hợp lệ")
    for name in ("created_at", "since", "app_version"):
        if manifest.get(name) is not None and not isinstance(manifest[name], str):
            raise refusals.damaged(f"bản kê có mục «{name}» sai kiểu")


def _check_row(member: str, row: dict[str, Any]) -> None:
    """A row holds only values a column can store: text, numbers in SQLite's range, null,
    or a reference to a file of the package. Anything else would fail deep in SQLite.
    (Exact type tests: JSON gives no subclasses, and this runs for every value of 300k rows.)"""
    for key, value in row.items():
        kind = type(value)
        if kind is str or value is None or kind is float or kind is bool:
            continue
        if kind is int and -_INT64 <= value < _INT64:
            continue
        if kind is dict and set(value) == {"$file"} and isinstance(value["$file"], str):
            continue
        raise refusals.damaged(f"dữ liệu «{member}» có giá trị không hợp lệ ở cột «{str(key)[:40]}»")


def check_sequence(opened: Opened, last_seq: int) -> None:
    """Refuse a package whose seq is not beyond the last one imported from that sender."""
    if opened.seq <= last_seq:
        raise refusals.replay(opened.sender, opened.seq, last_seq)
