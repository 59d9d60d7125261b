"""SIGKILL during imports (collaborator Excel, exchange package), bulk edits, deletes and the new
write paths, report renumbering, backups, restores and demo creation; afterwards the database
opens, passes integrity_check, and holds all or none of each transaction.

Kill moments are a stratified spread, not free random draws (moments()): one kill while the
child's interpreter is still starting, one after the uninterrupted run's end, and the others one
per equal slot of the run between, each at a seeded random point of its slot, so every scenario
is killed before its write starts, all through the write and its COMMIT, and after it finished. 84 kills in all (was 242 free draws, a third of which landed while Python
was still starting); each scenario prints how many kills left the old state and how many the
new one. Marked slow; the default test command runs them. Replay a failure with the printed
seed: DLXH_CRASH_SEED=<seed> pytest tests/crash.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.backup import check_file, files
from app.backup.core import key_for_file
from app.demo import places
from app.errors import StoreError
from app.exchange import export, importer
from app.office import init_office, open_ctx
from app.reports import draft, register
from tests.exchange.sync_helpers import enrol_both, roundtrip

from .harness import PASSPHRASE, check, cli, run, run_and_kill

SEED = int(os.environ.get("DLXH_CRASH_SEED", random.SystemRandom().randrange(1 << 30)))
WORKERS = 2
IMPORT_COPIES = 20  # 62 demo collaborators × 20 = 1,240 rows in one import transaction
BULK_ROWS = 800
DELETE_ROWS = 150
REPORTS = 24  # renumbered in one transaction: 48 set_number steps, each with its audit entry


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One demo office built by the real CLI, its counts, and a big collaborator list for it."""
    root = tmp_path_factory.mktemp("crash")
    db = root / "base.db"
    demo_time = run(cli("--db", str(db), "demo"))
    startup = run(cli("--help"))  # interpreter and imports: the earliest moment a write can begin
    export = root / "export.xlsx"
    run(cli("--db", str(db), "collaborators", "export", str(export)))
    big = root / "import.xlsx"
    _multiply_rows(export, big, IMPORT_COPIES)
    print(f"crash seed {SEED}")
    ctx = open_ctx(db, PASSPHRASE)
    try:
        facts = {key: ctx.db.execute(sql).fetchone()[0] for key, sql in (
            ("new_items", "SELECT count(*) FROM opinions WHERE handling = 'new'"),
            ("communes", "SELECT count(*) FROM units WHERE level = 'commune'"),
            ("tombstones", "SELECT count(*) FROM audit_log WHERE action = 'delete'"))}
    finally:
        ctx.close()
    return {"root": root, "db": db, "demo_time": demo_time, "startup": startup, "counts": check(db), "xlsx": big,
            **facts}


def _multiply_rows(source: Path, target: Path, copies: int) -> None:
    """Same people with distinct names (a second given name), so none is a duplicate."""
    book = openpyxl.load_workbook(source)
    sheet = book.active
    header_row = next(r for r in range(1, 20) if sheet.cell(r, 2).value == "Họ và tên")
    rows = [list(r) for r in sheet.iter_rows(min_row=header_row + 1, values_only=True) if r[1]]
    extra = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Khánh", "Lâm", "Minh", "Nam", "Phúc",
             "Quang", "Sơn", "Tâm", "Thành", "Uyên", "Vinh", "Xuân", "Yến"]
    sheet.delete_rows(header_row + 1, sheet.max_row)
    n = 0
    for k in range(copies):
        for row in rows:
            n += 1
            parts = row[1].split()
            sheet.append([n, " ".join([*parts[:-1], extra[k % len(extra)], parts[-1]]), *row[2:]])
    book.save(target)


def moments(seed: str, runs: int, start: float, full: float) -> list[float]:
    """Kill moments for one scenario: the first while the child's interpreter is still starting
    (0.8-1 × start-up), the last after the uninterrupted run's end (1.2-1.5 × full: two children
run at once and may be slower than the measured run; one that has finished costs nothing), and the others
    one per equal slot of the run between, each at a seeded random point of its slot."""
    rng = random.Random(seed)
    start = min(start, full)
    inner = runs - 2
    step = (full - start) / inner
    return [start * (0.8 + 0.2 * rng.random()), *(start + (k + rng.random()) * step for k in range(inner)),
            full * (1.2 + 0.3 * rng.random())]


def _kills(base: dict, name: str, runs: int, scenario, record_property, child: str | None = None) -> None:
    """Measure the uninterrupted run, then kill `runs` copies spread over it; every run must leave
    the old or the new state (the scenario asserts it and returns (finished, new_state)).
    `child` names the script module a scenario runs instead of the CLI: its start-up is its imports."""
    full = scenario(base, 0, None)
    start = base.get("startup") if child is None else run([sys.executable, "-c", f"import {child}"])
    when = moments(f"{SEED}-{name}", runs, start, full)
    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(lambda a: scenario(base, *a), enumerate(when, start=1)))
    new = sum(1 for _finished, state in outcomes if state)
    finished = sum(1 for done, _state in outcomes if done)
    record_property("kills", runs)
    print(f"{name}: {runs} kills over {when[0]:.2f}-{when[-1]:.2f} s of a {full:.2f} s run: "
          f"{runs - new} left the old state, {new} the new one ({finished} had finished); seed {SEED}")


def _result(outcome: float | bool, new_state: bool):
    """The uninterrupted run's wall time, or (had finished, left the new state) for a killed one."""
    return outcome if isinstance(outcome, float) else (outcome, new_state)


def _copy_base(base: dict, n: int, tag: str, source: Path | None = None) -> Path:
    path = base["root"] / f"{tag}-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source or base["db"], path)
    return path


def _import(base: dict, n: int, delay: float | None):
    db = _copy_base(base, n, "import")
    cmd = cli("--db", str(db), "collaborators", "import", str(base["xlsx"]))
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    got = check(db)["collaborators"]
    before = base["counts"]["collaborators"]
    assert got in (before, before + IMPORT_COPIES * before), f"import run {n}: {got} collaborators (partial)"
    if delay is None:
        assert got == before * (IMPORT_COPIES + 1)
    db.unlink()
    return _result(outcome, got != before)


def _bulk(base: dict, n: int, delay: float | None):
    db = _copy_base(base, n, "bulk")
    cmd = [cli("x")[0], "-m", "tests.crash.bulk_edit", str(db), str(BULK_ROWS)]
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    got = check(db)
    before = base["counts"]
    added = got["opinions"] - before["opinions"]
    assert added in (0, BULK_ROWS), f"bulk run {n}: {added} of {BULK_ROWS} rows (partial transaction)"
    # each row carries its create and update audit rows, written in the same transaction
    assert got["audit_log"] - before["audit_log"] == (2 * BULK_ROWS if added else 0)
    db.unlink()
    return _result(outcome, added > 0)


def _deletes(base: dict, n: int, delay: float | None):
    """Renames, attendance edits and deletes in one transaction: all of it or none survives."""
    db = _copy_base(base, n, "delete")
    cmd = [cli("x")[0], "-m", "tests.crash.bulk_delete", str(db), str(DELETE_ROWS)]
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    got, before = check(db), base["counts"]
    ctx = open_ctx(db, PASSPHRASE)
    try:
        renamed = ctx.db.execute("SELECT count(*) FROM units WHERE name LIKE '% (sửa)'").fetchone()[0]
        tombstones = ctx.db.execute("SELECT count(*) FROM audit_log WHERE action = 'delete'").fetchone()[0]
    finally:
        ctx.close()
    deleted = before["opinions"] - got["opinions"]
    done = deleted > 0
    assert deleted in (0, min(DELETE_ROWS, base["new_items"])), f"delete run {n}: {deleted} deleted (partial)"
    assert (renamed > 0) == done and (renamed == base["communes"] if done else renamed == 0), f"run {n}: {renamed}"
    # The tombstones are the unit of work's own audit entries; other entries (the store being
    # opened, a sign-in) may be written before it starts, so the whole log's size proves nothing.
    assert tombstones - base["tombstones"] == deleted, f"delete run {n}: tombstones {tombstones} for {deleted}"
    if delay is None:
        assert done
    db.unlink()
    return _result(outcome, done)


def _backup(base: dict, n: int, delay: float | None):
    folder = base["root"] / f"bk-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    cmd = cli("--db", str(base["db"]), "backup", "--to", str(folder))
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    made = files.list_backups(folder)
    assert len(made) <= 1
    for b in made:  # a finished name is only ever a whole, verified backup
        check_file(b.path, key_for_file(base["db"], b.path, PASSPHRASE))
    if delay is None:
        assert made
    shutil.rmtree(folder, ignore_errors=True)
    return _result(outcome, bool(made))


def _restore(base: dict, n: int, delay: float | None):
    folder, changed_db = base["root"] / "restore-source", base["root"] / "restore-changed.db"
    if not files.list_backups(folder):  # made once, by the uninterrupted run (before the pool starts)
        run(cli("--db", str(base["db"]), "backup", "--to", str(folder)))
        shutil.copyfile(base["db"], changed_db)
        run([cli("x")[0], "-m", "tests.crash.bulk_edit", str(changed_db), "5"])  # now differs from the backup
        run(cli("--db", str(changed_db), "info"))  # checkpointed by a clean close
    source = files.list_backups(folder)[0].path
    db = _copy_base(base, n, "restore", changed_db)
    changed = check(db)["opinions"]
    assert changed == base["counts"]["opinions"] + 5
    cmd = cli("--db", str(db), "restore", "--yes", str(source))
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    got = check(db)["opinions"]
    assert got in (changed, base["counts"]["opinions"]), f"restore run {n}: {got} opinions"
    if delay is None:
        assert got == base["counts"]["opinions"]
    for side in db.parent.glob(f"{db.name}*"):
        side.unlink()
    return _result(outcome, got != changed)


def _demo(base: dict, n: int, delay: float | None):
    db = base["root"] / f"demo-{n}.db"
    cmd = cli("--db", str(db), "demo")
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    if db.exists():  # published only when complete: the real name never holds a half office
        got = check(db)
        assert got["office"] == 1
        assert got["opinions"] == base["counts"]["opinions"]
    else:  # killed while building under the staging name
        assert delay is not None
    published = db.exists()
    for side in db.parent.glob(f"{db.name}*"):
        side.unlink()
    return _result(outcome, published)


@pytest.fixture(scope="module")
def exchange(base: dict) -> dict:
    """A province office that enrolled the demo district, and one package from that district."""
    root = base["root"] / "exchange"
    root.mkdir()
    district, province = root / "district.db", root / "province.db"
    shutil.copyfile(base["db"], district)
    run(cli("--db", str(province), "init", "--role", "province", "--unit", "TVH", "--name", "Tỉnh Trà Vinh"))
    run(cli("--db", str(district), "identity", "export", str(root / "d.card")))
    run(cli("--db", str(province), "identity", "export", str(root / "p.card")))
    run(cli("--db", str(province), "identity", "import", "--yes", str(root / "d.card")))
    run(cli("--db", str(district), "identity", "import", "--yes", str(root / "p.card")))
    run(cli("--db", str(district), "export", "--to", str(root / "out")))
    package = next((root / "out").glob("*.dlxh"))
    return {**base, "root": root, "province": province, "package": package, "empty": check(province)}


def _exchange_import(ex: dict, n: int, delay: float | None):
    db = ex["root"] / f"province-{n}.db"
    shutil.copyfile(ex["province"], db)
    receipts = ex["root"] / f"receipts-{n}"
    cmd = cli("--db", str(db), "import", str(ex["package"]), "--receipt-dir", str(receipts))
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    got, empty, full = check(db), ex["empty"], ex["counts"]
    state = (got["opinions"], got["collaborators"], got["meetings"])
    assert state in ((empty["opinions"], empty["collaborators"], empty["meetings"]),
                     (full["opinions"], full["collaborators"], full["meetings"])), f"exchange run {n}: {state}"
    if delay is None:
        assert got["opinions"] == full["opinions"]
    for side in db.parent.glob(f"{db.name}*"):
        side.unlink()
    shutil.rmtree(receipts, ignore_errors=True)
    return _result(outcome, got["opinions"] == full["opinions"])


@pytest.fixture(scope="module")
def renumbering(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A district with REPORTS numbered drafts whose numbering the province already holds."""
    root = tmp_path_factory.mktemp("renumber")
    district, _ = init_office(root / "district.db", unit_code="TVH-CL", name="Huyện Càng Long", role="district",
                              parent_code=places.PROVINCE[0], parent_name=places.PROVINCE[1], passphrase=PASSPHRASE)
    province, _ = init_office(root / "province.db", unit_code=places.PROVINCE[0], name=places.PROVINCE[1],
                              role="province", passphrase=PASSPHRASE)
    enrol_both(district, province)
    for k in range(REPORTS):
        report = draft.draft_report(district, "monthly", date(2024 + k // 12, k % 12 + 1, 1))
        register.set_number(district, report.id, k + 1, date(2026, 11, 5))
    roundtrip(district, province, root / "first")
    old = _numbering(district)
    facts = {"old": old, "new": {i: REPORTS + 1 - n for i, n in old.items()}, "origin": district.origin,
             "audit": _number_audits(district), "versions": _versions(district)}
    for ctx in (district, province):
        ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ctx.close()
    return {"root": root, "district": root / "district.db", "province": root / "province.db", **facts}


def _numbering(ctx, origin: str | None = None) -> dict[str, int]:
    sql = "SELECT id, number FROM reports" + (" WHERE origin = ?" if origin else "")
    return dict(ctx.db.execute(sql, [origin] if origin else []).fetchall())


def _number_audits(ctx) -> int:
    return ctx.db.execute("SELECT count(*) FROM audit_log WHERE table_name = 'reports' AND action = 'number'").fetchone()[0]


def _versions(ctx) -> int:
    return ctx.db.execute("SELECT sum(version) FROM reports").fetchone()[0]


def _renumber(rn: dict, n: int, delay: float | None):
    """Renumbering killed anywhere: numbers, versions and 'number' audit entries all old or all
    new, states untouched; then the office's next package still imports at the province."""
    db, prov = rn["root"] / f"district-{n}.db", rn["root"] / f"province-{n}.db"
    shutil.copyfile(rn["district"], db)
    shutil.copyfile(rn["province"], prov)
    cmd = [sys.executable, "-m", "tests.crash.renumber", str(db)]
    outcome = run(cmd) if delay is None else run_and_kill(cmd, delay)
    check(db)
    ctx, province = open_ctx(db, PASSPHRASE), open_ctx(prov, PASSPHRASE)
    try:
        numbers = _numbering(ctx)
        assert numbers in (rn["old"], rn["new"]), f"renumber run {n}: a half numbering"
        new = numbers == rn["new"]
        steps = 2 * REPORTS if new else 0
        assert (_number_audits(ctx), _versions(ctx)) == (rn["audit"] + steps, rn["versions"] + steps), f"run {n}"
        assert {s for (s,) in ctx.db.execute("SELECT DISTINCT status FROM reports")} == {"draft"}
        if delay is None:
            assert new
        sent = export.export_package(ctx, rn["root"] / f"out-{n}")
        got = importer.import_package(province, sent.path)
        assert got.status == "imported", got.message
        assert _numbering(province, rn["origin"]) == numbers
    finally:
        ctx.close()
        province.close()
    for path in (db, prov):
        for side in path.parent.glob(f"{path.name}*"):
            side.unlink()
    shutil.rmtree(rn["root"] / f"out-{n}", ignore_errors=True)
    return _result(outcome, new)


@pytest.mark.slow
def test_kill_9_exchange_import(exchange: dict, record_property) -> None:
    _kills(exchange, "exchange-import", 12, _exchange_import, record_property)


@pytest.mark.slow
def test_kill_9_report_renumbering(renumbering: dict, record_property) -> None:
    _kills(renumbering, "renumber", 10, _renumber, record_property, "tests.crash.renumber")


@pytest.mark.slow
@pytest.mark.parametrize(("name", "runs", "scenario", "child"), [
    ("import", 12, _import, None), ("bulk", 12, _bulk, "tests.crash.bulk_edit"), ("backup", 10, _backup, None),
    ("restore", 10, _restore, None), ("demo", 8, _demo, None), ("deletes", 10, _deletes, "tests.crash.bulk_delete"),
], ids=["collaborator-import", "bulk-edit", "backup", "restore", "demo", "deletes-and-new-write-paths"])
def test_kill_9(base: dict, name: str, runs: int, scenario, child: str | None, record_property) -> None:
    _kills(base, name, runs, scenario, record_property, child)


def test_kill_moments_cover_before_during_and_after() -> None:
    """The spread itself: the first kill lands before the child can have started writing, the
    last after the uninterrupted run's end, and every slot holds exactly one kill."""
    when = moments("x", 10, start=0.6, full=2.0)
    assert 0.48 <= when[0] < 0.6 and 2.4 <= when[-1] <= 3.0 and len(when) == 10
    step = (2.0 - 0.6) / 8
    assert all(0.6 + k * step <= t < 0.6 + (k + 1) * step for k, t in enumerate(when[1:-1]))


def test_checker_notices_damage(tmp_path: Path) -> None:
    """The harness's check can fail: a file with a broken page is caught."""
    from app.office import init_office

    db = tmp_path / "x.db"
    ctx, _ = init_office(db, unit_code="H9", name="Huyện Thử", role="district", passphrase=PASSPHRASE)
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    data = bytearray(db.read_bytes())
    data[4096 + 100: 4096 + 200] = os.urandom(100)
    db.write_bytes(bytes(data))
    with pytest.raises((AssertionError, StoreError)):
        check(db)
