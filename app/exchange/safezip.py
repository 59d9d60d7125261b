"""Zip writing and careful zip reading for exchange files.

Reading trusts nothing in the archive: names are checked against a whitelist before
anything is extracted, the member count, each member's size, the total size and the
compression ratio are capped (zip bombs), and reads are bounded so a header lying
about sizes cannot make us inflate more than the caps. Nothing ever touches the disk:
members are returned as bytes.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from app.exchange import refusals

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, checked for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_FIRST_BYTES = 8 * 1024 * 1024  # the members read before the signature check (manifest, signature)

# Whitelist: plain relative names, forward slashes, one optional folder level.
_NAME = re.compile(r"^(?:(?:data|files)/)?[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
# A fixed timestamp keeps archives deterministic: the same content gives the same bytes.
_EPOCH = (2020, 1, 1, 0, 0, 0)


def safe_name(name: str) -> bool:
    """True for names we ourselves write; rejects absolute, `..`, backslash, drive and dot-names."""
    if "\\" in name or name.startswith("/") or ":" in name:
        return False
    if any(part in ("", ".", "..") for part in name.split("/")):
        return False
    return bool(_NAME.match(name)) and ".." not in name


def write_zip(members: dict[str, bytes]) -> bytes:
    """Deflated zip of `members` in the given order, with fixed timestamps."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, data in members.items():
            if not safe_name(name):
                raise ValueError(f"unsafe member name {name!r}")
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def read_zip(data: bytes, *, first: tuple[str, ...] = (),
             check: Callable[[dict[str, bytes]], object] | None = None, rest: bool = True) -> dict[str, bytes]:
    """All members of a zip as bytes, after every safety check; raises ImportRefused.

    With `first` and `check`, those (small) members are inflated alone and handed to `check`
    (the signature check) before any other member is: an unsigned archive whose members
    would decompress to a gigabyte is refused before that memory is allocated. With
    `rest=False` only those first members are inflated (a look at a package's manifest).
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise refusals.damaged("không đọc được lớp nén bên trong") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise refusals.too_big(f"{len(infos)} thành phần, tối đa {MAX_MEMBERS}")
        seen: set[str] = set()
        declared_total = 0
        for info in infos:
            name = info.filename
            if not safe_name(name) or info.is_dir():
                raise refusals.unsafe_name(name)
            if name in seen:
                raise refusals.unsafe_name(f"{name} (trùng tên)")
            seen.add(name)
            if info.flag_bits & 0x1:
                raise refusals.damaged(f"thành phần «{name}» bị mã hóa kiểu zip")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise refusals.damaged(f"thành phần «{name}» dùng kiểu nén lạ")
            _check_sizes(name, info.file_size, info.compress_size)
            if name in first and info.file_size > MAX_FIRST_BYTES:
                raise refusals.too_big(f"thành phần «{name}» lớn {info.file_size // 1024} KiB")
            declared_total += info.file_size
            if declared_total > MAX_TOTAL_BYTES:
                raise refusals.too_big(f"tổng dung lượng giải nén vượt {MAX_TOTAL_BYTES // (1024 * 1024)} MiB")
        out = {info.filename: _read_bounded(zf, info) for info in infos if info.filename in first}
        if check is not None:
            check(out)
        if not rest:
            return out
        out.update({info.filename: _read_bounded(zf, info) for info in infos if info.filename not in first})
        return out


def _check_sizes(name: str, size: int, compressed: int) -> None:
    if size > MAX_MEMBER_BYTES:
        raise refusals.too_big(f"thành phần «{name}» lớn {size // (1024 * 1024)} MiB")
    if size > RATIO_FLOOR and size > MAX_RATIO * max(compressed, 1):
        raise refusals.too_big(f"thành phần «{name}» có tỷ lệ nén {size // max(compressed, 1)}:1")


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read at most the declared size (+1 to detect lies); zipfile checks the CRC at the end."""
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(1024 * 1024)
                if not chunk:
                    break
                out += chunk
                if len(out) > info.file_size:
                    raise refusals.too_big(f"thành phần «{info.filename}» lớn hơn kích thước khai báo")
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise refusals.damaged(f"thành phần «{info.filename}» không giải nén được") from exc
    if len(out) != info.file_size:
        raise refusals.damaged(f"thành phần «{info.filename}» không đúng kích thước khai báo")
    return bytes(out)


def atomic_write(path: Path, data: bytes) -> Path:
    """Write via a temp file in the same folder, fsync, then rename: never a half-written file.

    A USB stick pulled out mid-write leaves at worst a stray temp file, never a truncated
    package under the real name.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    return path
