"""Import: every check first, then all rows in one transaction, then a signed receipt.

Rows are owned by their origin office: an incoming row replaces the local copy only if
it comes from that origin with a higher version; rows of this office are never touched.
Foreign keys are deferred during the transaction and checked for the touched tables
before COMMIT, so a package with dangling references is refused and nothing is written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app import audit, auth, filekinds, office
from app.context import Ctx
from app.errors import DB_ERRORS, DlxhError, ImportRefused, store_error
from app.exchange import identity, keys, ownership, package, refusals, safezip, schema_compat, tables, tombstones
from app.ids import utc_now
from app.text import vn_date

MAX_PACKAGE_BYTES = 1536 * 1024 * 1024


@dataclass
class ImportResult:
    status: str  # imported | already
    message: str
    sender: str
    seq: int
    rows: dict[str, int] = field(default_factory=dict)
    receipt_path: Path | None = None
    receipt_error: str | None = None  # the data is in, its receipt was not written: why, and how to retry

    def said(self) -> str:
        """The outcome in one line, the unwritten receipt included."""
        if not self.receipt_error:
            return self.message
        return f"{self.message.rstrip('.')}, nhưng {self.receipt_error}"


def read_file(path: Path, limit: int = MAX_PACKAGE_BYTES) -> bytes:
    """A package, card or receipt file, read with a cap (a FIFO, /dev/zero or a growing file
    is refused at the cap or before opening: app/filekinds)."""
    too_big = refusals.too_big(f"tệp lớn hơn {max(1, limit // (1024 * 1024))} MiB").message
    return filekinds.read_capped(Path(path), limit, too_big)


def already_imported(ctx: Ctx, sha256: str) -> tuple[str, int, str] | None:
    row = ctx.db.execute("SELECT sender, seq, imported_on FROM inbox WHERE sha256 = ?", [sha256]).fetchone()
    return (row[0], row[1], row[2]) if row else None


def import_package(
    ctx: Ctx,
    path: Path,
    *,
    receipt_dir: Path | None = None,
    progress: package.Progress | None = None,
) -> ImportResult:
    """Import a `.dlxh` file; a second import of the same file is a no-op that says when it was imported.
    The signed receipt is written next to the package (or into `receipt_dir`) for the sender."""
    path = Path(path)
    folder = Path(receipt_dir) if receipt_dir else path.parent
    check_receipt_folder(folder)
    res, receipt = import_bytes(ctx, read_file(path), path.name, progress=progress)
    deliver_receipt(ctx, res, folder, path, receipt)
    return res


def deliver_receipt(ctx: Ctx, res: ImportResult, folder: Path, package_path: Path, receipt: bytes | None) -> None:
    """Write the signed receipt after the COMMIT. A receipt that cannot be written (a read-only
    stick, the stick pulled out) is not raised — the data IS imported — but recorded in
    `res.receipt_error`, saying how to write it again. A re-import ("already") writes the stored
    receipt again when its file is missing, which is that way: run the same import once more,
    with --receipt-dir naming a folder that can be written."""
    name = identity.receipt_file_name(ctx.origin, res.sender, res.seq)
    if receipt is None:
        if res.status != "already" or (folder / name).exists():
            return
        from app.exchange.status import receipt_bytes

        receipt = receipt_bytes(ctx, res.sender, res.seq)
        if receipt is None:
            return
    try:
        res.receipt_path = safezip.atomic_write(folder / name, receipt)
    except OSError as exc:
        res.receipt_error = (
            f"chưa ghi được biên nhận vào «{filekinds.shown(folder)}» ({filekinds.os_reason(exc)}) — ghi lại bằng: "
            f"dlxh import «{filekinds.shown(package_path)}» --receipt-dir <thư mục ghi được> "
            "(hoặc nhập lại gói ở trang Trao đổi dữ liệu).")


def check_receipt_folder(folder: Path) -> None:
    """Checked before the COMMIT, or the receipt would be lost after the data went in: the folder
    (or, when it is still to be made, its nearest existing parent) must be a folder."""
    place = Path(folder)
    while not place.exists() and place != place.parent:
        place = place.parent
    if not place.is_dir():
        raise ImportRefused(f"«{filekinds.shown(place)}» không phải thư mục: không ghi được giấy báo nhận; "
                            "chưa nhập gì.")


def already_result(ctx: Ctx, sha256: str) -> ImportResult | None:
    """The "already imported" outcome of a package seen before (by the sha256 of its bytes)."""
    seen = already_imported(ctx, sha256)
    if not seen:
        return None
    when = vn_date(date.fromisoformat(seen[2][:10]))
    return ImportResult("already", f"Gói này đã nhập ngày {when}; không có gì thay đổi.", seen[0], seen[1])


def import_bytes(
    ctx: Ctx, data: bytes, file_name: str, *, progress: package.Progress | None = None, now: str | None = None
) -> tuple[ImportResult, bytes | None]:
    """The whole import of a package's bytes; returns the result and the signed receipt (None
    for a re-import). `now` is the moment recorded as the arrival (default: this instant): the
    province demo replays a year of arrivals with it, straight from memory, no file needed."""
    seen, opened = open_checked(ctx, data, progress)
    if seen:
        return seen, None
    try:
        with ctx.transaction():
            gap = check_sequence(ctx, opened)
            receipt, applied = write_package(ctx, opened, now or utc_now(), file_name, progress)
    except DB_ERRORS as exc:
        raise refused_by_store(exc) from exc
    return imported_result(opened, applied, gap), receipt


def open_checked(
    ctx: Ctx, data: bytes, progress: package.Progress | None = None
) -> tuple[ImportResult | None, package.Opened | None]:
    """Every check that can refuse a package before anything is written: rights, a re-import
    (returned as an "already" result), decryption, signatures, hashes and the package's kind.
    Raises ImportRefused; writes nothing."""
    auth.require(ctx, "import")
    seen = already_result(ctx, hashlib.sha256(data).hexdigest())
    if seen:
        return seen, None
    me = office.get_office(ctx)
    opened = package.open_package(
        data,
        identity=keys.ensure_keys(ctx).age_identity,
        my_unit=me.unit_code,
        lookup=keys.lookup(ctx),
        progress=(lambda d, t: progress(d, t * 3)) if progress else None,
    )
    expected = "data" if me.role == "province" else "guidance"
    if opened.kind != expected:
        raise refusals.wrong_kind(_KIND_LABEL[opened.kind], _KIND_LABEL[expected])
    ownership.check_tables(ctx, opened.kind, opened.sender, list(opened.tables))
    schema_compat.check_and_upgrade(ctx, opened.manifest, opened.tables)
    return None, opened


def imported_result(opened: package.Opened, applied: dict[str, int], gap: str | None = None) -> ImportResult:
    """`gap`: the warning `check_sequence` gave for packages that never arrived, if any."""
    message = f"Đã nhập gói số {opened.seq} của {opened.sender}: {sum(applied.values())} dòng dữ liệu được cập nhật."
    return ImportResult("imported", message + (f" {gap}" if gap else ""), opened.sender, opened.seq, applied)


_CONSTRAINTS = {"NOT NULL": "thiếu trường bắt buộc", "UNIQUE": "trùng khóa", "CHECK": "giá trị không được phép",
                "FOREIGN KEY": "tham chiếu không có", "datatype mismatch": "sai kiểu dữ liệu"}


def refused_by_store(exc: BaseException) -> DlxhError:
    """A row the local schema rejects (what an office on a newer DLXH might send): the whole
    package is refused, nothing was written; a full disk or locked file keeps its own message."""
    text = str(exc)
    for needle, said in _CONSTRAINTS.items():
        if needle.lower() in text.lower():
            where = text.rsplit(":", 1)[-1].strip() if ":" in text else ""
            return ImportRefused(f"Gói có dữ liệu {said}{f' ({where})' if where else ''} so với cơ sở dữ liệu ở đây "
                                 "(có thể đơn vị gửi dùng phiên bản DLXH khác): không nhập gì.")
    return store_error(exc)


def check_sequence(ctx: Ctx, opened: package.Opened) -> str | None:
    """Refuse a replayed package; read inside the caller's transaction, so the packages of one
    sender in one batch are checked against each other. Writes nothing.

    A gap (package 3 when 2 never arrived) is imported with a warning naming what is missing,
    not refused (docs/EXCHANGE.md): a package carries every change since the sender's last
    RECEIPTED package, and a package that never arrived was never receipted, so the later one
    holds its rows too; refusing would only block the sender until someone resent by hand."""
    last = ctx.db.execute("SELECT max(seq) FROM inbox WHERE sender = ?", [opened.sender]).fetchone()[0] or 0
    package.check_sequence(opened, last)
    if opened.seq <= last + 1:
        return None
    missing = f"gói số {last + 1}" if opened.seq == last + 2 else f"các gói số {last + 1}–{opened.seq - 1}"
    return (f"Lưu ý: chưa nhận {missing} của {opened.sender}; gói này mang mọi thay đổi từ lần biên nhận "
            "cuối nên không thiếu dữ liệu, và gói cũ nếu đến sau sẽ bị từ chối (đã có bản mới hơn).")


def write_package(ctx: Ctx, opened: package.Opened, now: str, file_name: str,
                  progress: package.Progress | None = None) -> tuple[bytes, dict[str, int]]:
    """Everything an import writes — rows, arrivals, inbox entry, receipt — inside the caller's
    transaction (one per package, or one for a batch of packages), after `check_sequence`; a
    failure here leaves the caller to roll back."""
    file_name = filekinds.shown(file_name)  # a name that is not UTF-8 is recorded readable, never raised on
    me = office.get_office(ctx)
    own = keys.ensure_keys(ctx)
    ctx.db.execute("PRAGMA defer_foreign_keys = ON")
    applied = apply_rows(ctx, opened, progress)
    _record_arrivals(ctx, opened, now)
    receipt = identity.build_receipt(
        own.secret,
        identity.Receipt(me.unit_code, opened.sender, opened.seq, opened.sha256, now, file_name, applied),
    )
    receipt_name = identity.receipt_file_name(me.unit_code, opened.sender, opened.seq)
    ctx.db.execute(
        "INSERT INTO inbox (sender, seq, kind, sha256, created_at, imported_on, rows, receipt_file, receipt) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            opened.sender,
            opened.seq,
            opened.kind,
            opened.sha256,
            str(opened.manifest.get("created_at", "")),
            now,
            json.dumps(applied),
            receipt_name,
            receipt,
        ],
    )
    audit.record(ctx, "import", "inbox", f"{opened.sender}:{opened.seq}", {"rows": applied, "file": file_name})
    return receipt, applied


_KIND_LABEL = {"data": "gói dữ liệu từ cấp cơ sở", "guidance": "gói hướng dẫn từ tỉnh"}


def apply_rows(ctx: Ctx, opened: package.Opened, progress: package.Progress | None = None) -> dict[str, int]:
    """Upsert rows owned by the sender where newer; replace children of applied parents; apply deletions."""
    local = tables.synced_tables(ctx)
    child_of = {c.name: (p, c) for p in local.values() for c in p.children}
    sender = opened.sender
    applied: dict[str, int] = {}
    applied_ids: dict[str, list[Any]] = {}
    fresh_rows: dict[str, list[dict]] = {}
    names = [n for n in opened.tables if n in local]
    for step, name in enumerate(names, 1):
        table = local[name]
        rows = ownership.owned_rows(ctx, table, opened.tables[name], sender, opened.kind)
        fresh = _newer_rows(ctx, table, rows, sender)
        _upsert(ctx, table, fresh)
        fresh_rows[name] = fresh
        applied[name] = len(fresh)
        applied_ids[name] = [r[table.pk] for r in fresh]
        if progress:
            progress(len(names) + step, len(names) * 3)
    for name, rows in opened.tables.items():
        if name in child_of:
            parent, child = child_of[name]
            applied[name] = _replace_children(ctx, child, applied_ids.get(parent.name, []), rows, opened.files)
    deletions = opened.tables.get(tables.DELETED, [])
    removed = tombstones.apply(ctx, deletions, local, sender)
    if deletions:
        applied[tables.DELETED] = removed
    touched = {name: fresh_rows[name] for name in names}
    touched.update({n: opened.tables[n] for n in opened.tables if n in child_of})
    if removed:
        # A deletion can leave other rows pointing at nothing: check those tables whole.
        _check_tables(ctx, list(touched))
    else:
        _check_references(ctx, touched)
    return {k: v for k, v in applied.items() if v}


def _newer_rows(ctx: Ctx, table: tables.Synced, rows: list[dict], sender: str) -> list[dict]:
    """Rows not present here, or present from the same origin with a lower version."""
    local: dict[Any, tuple[str, int]] = {}
    ids = [r[table.pk] for r in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT [{table.pk}], origin, version FROM [{table.name}] WHERE [{table.pk}] IN ({','.join('?' * len(chunk))})"
        local.update({r[0]: (r[1], r[2]) for r in ctx.db.execute(sql, chunk).fetchall()})
    fresh = []
    for row in rows:
        have = local.get(row[table.pk])
        if have is None or (have[0] == sender and row["version"] > have[1]):
            fresh.append(row)
    return fresh


def _free_report_numbers(ctx: Ctx, rows: list[dict], sender: str) -> None:
    """The sender's newest numbering wins: a renumbered report may take a number another of its
    reports still holds here (two reports swapped numbers); the numbers of those incoming rows are
    cleared first, so the unique index on numbers never refuses the package."""
    for row in rows:
        if row.get("number") is not None:
            ctx.db.execute(
                "UPDATE reports SET number = NULL WHERE origin = ? AND doc_code = ? AND number_year IS ? "
                "AND number = ? AND id != ?",
                [sender, row.get("doc_code", "BC"), row.get("number_year"), row["number"], row.get("id")])


def _upsert(ctx: Ctx, table: tables.Synced, rows: list[dict]) -> None:
    if not rows:
        return
    if table.name == "reports":
        _free_report_numbers(ctx, rows, rows[0]["origin"])
    present = set().union(*(r.keys() for r in rows))
    cols = [c for c in table.columns if c in present]
    sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c != table.pk)
    sql = (
        f"INSERT INTO [{table.name}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))}) "
        f"ON CONFLICT([{table.pk}]) DO UPDATE SET {sets}"
    )
    ctx.db.conn.executemany(sql, [[r.get(c) for c in cols] for r in rows])


def _replace_children(
    ctx: Ctx, child: tables.Child, parent_ids: list[Any], rows: list[dict], files: dict[str, bytes]
) -> int:
    wanted = set(parent_ids)
    if not wanted:
        return 0
    for start in range(0, len(parent_ids), 500):
        chunk = parent_ids[start : start + 500]
        ctx.db.execute(f"DELETE FROM [{child.name}] WHERE [{child.fk}] IN ({','.join('?' * len(chunk))})", chunk)
    keep = [r for r in rows if r.get(child.fk) in wanted]
    if not keep:
        return 0
    cols = [c for c in child.columns if c in set().union(*(r.keys() for r in keep))]
    values = []
    for row in keep:
        vals = []
        for c in cols:
            v = row.get(c)
            if isinstance(v, dict) and "$file" in v:
                if v["$file"] not in files:
                    raise refusals.missing_member(f"files/{v['$file']}")
                v = files[v["$file"]]
            vals.append(v)
        values.append(vals)
    ctx.db.conn.executemany(
        f"INSERT INTO [{child.name}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
        values,
    )
    return len(keep)


def _dangling(table: str, parent: str) -> ImportRefused:
    return ImportRefused(
        f"Dữ liệu trong gói tham chiếu tới bản ghi không có ở đây (bảng {table} → {parent}): "
        "hãy nhập các gói trước đó của đơn vị gửi hoặc xuất lại toàn bộ."
    )


def _check_references(ctx: Ctx, touched: dict[str, list[dict]]) -> None:
    """Every value the incoming rows point at must exist (foreign keys are deferred meanwhile).

    Only the distinct referenced values are looked up, by primary key: a whole-table
    `PRAGMA foreign_key_check` would re-read every item already held at each import, which
    made importing a province's 168 communes quadratic."""
    for name, rows in touched.items():
        if not rows:
            continue
        for fk in ctx.db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall():
            parent, column, target = fk[2], fk[3], fk[4] or _primary_key(ctx, fk[2])
            wanted = list({r[column] for r in rows if r.get(column) is not None})
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                sql = f"SELECT count(DISTINCT [{target}]) FROM [{parent}] WHERE [{target}] IN ({','.join('?' * len(chunk))})"
                if ctx.db.execute(sql, chunk).fetchone()[0] < len(chunk):
                    raise _dangling(name, parent)


def _primary_key(ctx: Ctx, table: str) -> str:
    return next(c[1] for c in ctx.db.execute(f"PRAGMA table_info([{table}])").fetchall() if c[5])


def _check_tables(ctx: Ctx, names: list[str]) -> None:
    for name in names:
        bad = ctx.db.execute(f"PRAGMA foreign_key_check([{name}])").fetchone()
        if bad:
            raise _dangling(bad[0], bad[2])


def _record_arrivals(ctx: Ctx, opened: package.Opened, now: str) -> None:
    """First arrival of a non-draft report: the province's timeliness table reads this."""
    for row in opened.tables.get("reports", []):
        if row.get("status") != "draft" and row.get("origin") == opened.sender:
            ctx.db.execute(
                "INSERT OR IGNORE INTO report_arrivals (report_id, origin, kind, period_start, received_on, "
                "package_seq) VALUES (?, ?, ?, ?, ?, ?)",
                [row["id"], opened.sender, row.get("kind", ""), row.get("period_start", ""), now, opened.seq],
            )
