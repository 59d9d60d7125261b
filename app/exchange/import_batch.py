"""Import many packages at once: a province's month is one package from each of 38–168 communes.

Contract: every file gets its own outcome — imported, already imported, or refused with the
same Vietnamese message a single import (`importer.import_package`) gives; anything else in a
folder (a subfolder, even one named `x.dlxh`, a file not ending in `.dlxh`) gets a "skipped"
line rather than silence. A symlink is reported under its own name and its receipt is written
beside the link, not beside its target. A refused file
never stops the others, and each package is applied whole or not at all. Packages are
applied in (sender, seq) order whatever their file names, so a commune's months go in
sequence; receipts are written next to each package (or into `receipt_dir`) after the data
is committed, as a single import does.

Why one transaction for the whole batch: a COMMIT writes every index page its transaction
touched, and a year from each of 168 communes touches the same date-ordered index pages
again and again — one commit per package wrote about 6,000 pages (24 MB) each time, a third
of the import. Every check that can refuse a package (decryption, signatures, hashes, kind,
sequence) runs before that package writes anything, so a refusal needs no rollback. A
failure while writing (a row the local schema rejects, a dangling reference) rolls the
batch back, and the files are then imported one by one, each in its own transaction, which
gives each file the outcome a single import would. Nothing is half-written in either path.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import auth, filekinds
from app.context import Ctx
from app.errors import DB_ERRORS, DlxhError, ValidationError
from app.exchange import importer, keys, package
from app.ids import utc_now

PACKAGE_SUFFIX = ".dlxh"
IMPORTED, ALREADY, REFUSED, SKIPPED = "imported", "already", "refused", "skipped"

Progress = Callable[[int, int], None]


@dataclass
class FileOutcome:
    path: Path
    state: str  # imported | already | refused | skipped
    message: str  # Vietnamese, one line: the single import's message or its refusal
    result: importer.ImportResult | None = None

    @property
    def name(self) -> str:
        """The file's name as the user can read it (a byte that is not UTF-8 shown as U+FFFD)."""
        return filekinds.shown(self.path.name)


@dataclass(frozen=True)
class _Queued:
    path: Path
    sender: str
    seq: int


class _WriteFailed(Exception):
    """A package failed while writing: the batch is rolled back and imported file by file."""


def package_files(paths: list[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """The files to import — each path itself, or the `.dlxh` files of a folder (not its
    subfolders) — and a "skipped" outcome for every other entry of those folders. Paths keep
    the names they were given (a symlink is not resolved to its target's name)."""
    found: list[Path] = []
    skipped: list[FileOutcome] = []
    for path in map(Path, paths):
        if path.is_dir():
            for entry in sorted(path.iterdir()):
                if entry.suffix.lower() == PACKAGE_SUFFIX and entry.is_file():
                    found.append(entry)
                else:
                    skipped.append(FileOutcome(entry, SKIPPED, _skip_reason(entry)))
        elif path.exists():
            found.append(path)
        else:
            raise ValidationError(f"Không tìm thấy tệp hoặc thư mục {filekinds.shown(path)}.")
    if not found:
        others = f" ({len(skipped)} mục khác không phải gói)" if skipped else ""
        raise ValidationError(f"Không có gói .dlxh nào để nhập{others}.")
    return list(dict.fromkeys(Path(os.path.abspath(p)) for p in found)), skipped


def _skip_reason(entry: Path) -> str:
    if entry.is_dir():
        return "Là thư mục, không phải gói dữ liệu: bỏ qua (thư mục con không được nhập)."
    if entry.suffix.lower() == PACKAGE_SUFFIX:
        return "Không phải tệp thông thường (ống dẫn, thiết bị hoặc liên kết hỏng): bỏ qua."
    if entry.suffix.lower() == ".dlxr":
        return "Là biên nhận (.dlxr), không phải gói dữ liệu: bỏ qua."
    return "Không phải gói dữ liệu (tên tệp không kết thúc bằng .dlxh): bỏ qua."


def import_files(
    ctx: Ctx,
    paths: list[Path],
    *,
    receipt_dir: Path | None = None,
    progress: Progress | None = None,
    now: str | None = None,
) -> list[FileOutcome]:
    """Import every package among `paths` (files or folders); one outcome per file, in the
    order the files were given. Raises only for what no file could get past (no rights, a
    receipt folder that is a file, the store failing)."""
    auth.require(ctx, "import")
    files, skipped = package_files(paths)
    folder = Path(receipt_dir) if receipt_dir else None
    for place in {folder} if folder else {p.parent for p in files}:
        importer.check_receipt_folder(place)
    total = len(files) * 2
    outcomes: dict[Path, FileOutcome] = {}
    queue = _sort(ctx, files, outcomes, lambda done: progress(done, total) if progress else None)
    stamp = now or utc_now()
    try:
        receipts = _apply_all(ctx, queue, outcomes, stamp, len(files), progress, total)
    except _WriteFailed:
        receipts = _one_by_one(ctx, queue, outcomes, stamp, len(files), progress, total)
    written = dict(receipts)
    for path in files:  # after the COMMIT; a re-import writes a lost receipt again
        outcome = outcomes[path]
        if outcome.result is not None and outcome.state in (IMPORTED, ALREADY):
            importer.deliver_receipt(ctx, outcome.result, folder or path.parent, path, written.get(path))
            outcome.message = outcome.result.said() if outcome.result.receipt_error else outcome.message
    return [outcomes[p] for p in files] + skipped


def _sort(ctx: Ctx, files: list[Path], outcomes: dict[Path, FileOutcome],
          progress: Callable[[int], None]) -> list[_Queued]:
    """Read each file's signed manifest; files that cannot be opened get their refusal now."""
    own = keys.ensure_keys(ctx)
    lookup = keys.lookup(ctx)
    queue = []
    for n, path in enumerate(files, 1):
        try:
            data = importer.read_file(path)
            seen = importer.already_result(ctx, hashlib.sha256(data).hexdigest())
            if seen:
                outcomes[path] = FileOutcome(path, ALREADY, seen.message, seen)
            else:
                sender, seq = package.peek(data, identity=own.age_identity, lookup=lookup)
                queue.append(_Queued(path, sender, seq))
        except DlxhError as exc:
            outcomes[path] = FileOutcome(path, REFUSED, str(exc))
        progress(n)
    return sorted(queue, key=lambda q: (q.sender, q.seq, str(q.path)))


def _apply_all(ctx: Ctx, queue: list[_Queued], outcomes: dict[Path, FileOutcome], now: str, base: int,
               progress: Progress | None, total: int) -> list[tuple[Path, bytes]]:
    """The fast path: the whole batch in one transaction."""
    receipts: list[tuple[Path, bytes]] = []
    decided: dict[Path, FileOutcome] = {}
    try:
        with ctx.transaction():
            for n, item in enumerate(queue, 1):
                decided[item.path], receipt = _apply_one(ctx, item, now)
                if receipt is not None:
                    receipts.append((item.path, receipt))
                if progress:
                    progress(base + n, total)
    except DB_ERRORS as exc:  # the COMMIT itself: nothing of the batch was written
        if "constraint" in str(exc).lower():  # a deferred reference check: find the package that broke it
            raise _WriteFailed from exc
        raise importer.refused_by_store(exc) from exc  # a full disk, a locked file: no file would fare better
    outcomes.update(decided)
    return receipts


def _apply_one(ctx: Ctx, item: _Queued, now: str) -> tuple[FileOutcome, bytes | None]:
    """One package inside the batch's transaction: refused or already there before it writes,
    else written (raising _WriteFailed if writing fails, for the caller to roll back)."""
    try:
        seen, opened = importer.open_checked(ctx, importer.read_file(item.path))
        if seen is not None:  # the same package twice in one batch
            return FileOutcome(item.path, ALREADY, seen.message, seen), None
        gap = importer.check_sequence(ctx, opened)
    except DlxhError as exc:
        return FileOutcome(item.path, REFUSED, str(exc)), None
    try:
        receipt, applied = importer.write_package(ctx, opened, now, item.path.name)
    except (DlxhError, *DB_ERRORS) as exc:
        raise _WriteFailed from exc
    res = importer.imported_result(opened, applied, gap)
    return FileOutcome(item.path, IMPORTED, res.message, res), receipt


def _one_by_one(ctx: Ctx, queue: list[_Queued], outcomes: dict[Path, FileOutcome], now: str, base: int,
                progress: Progress | None, total: int) -> list[tuple[Path, bytes]]:
    """The careful path, after a package failed while writing: each file in its own transaction."""
    receipts: list[tuple[Path, bytes]] = []
    for n, item in enumerate(queue, 1):
        try:
            res, receipt = importer.import_bytes(ctx, importer.read_file(item.path), item.path.name, now=now)
        except DlxhError as exc:
            outcomes[item.path] = FileOutcome(item.path, REFUSED, str(exc))
        else:
            outcomes[item.path] = FileOutcome(item.path, res.status, res.message, res)
            if receipt is not None:
                receipts.append((item.path, receipt))
        if progress:
            progress(base + n, total)
    return receipts


def summary(outcomes: list[FileOutcome]) -> str:
    """One Vietnamese line: how many files were imported, already there, refused."""
    counts = {state: sum(o.state == state for o in outcomes) for state in (IMPORTED, ALREADY, REFUSED, SKIPPED)}
    rows = sum(sum(o.result.rows.values()) for o in outcomes if o.state == IMPORTED and o.result)
    text = f"Đã nhập {counts[IMPORTED]}/{len(outcomes) - counts[SKIPPED]} gói ({rows} dòng dữ liệu)"
    if counts[ALREADY]:
        text += f", {counts[ALREADY]} gói đã nhập từ trước"
    if counts[REFUSED]:
        text += f", {counts[REFUSED]} gói bị từ chối"
    if counts[SKIPPED]:
        text += f", bỏ qua {counts[SKIPPED]} mục không phải gói"
    return text + "."
