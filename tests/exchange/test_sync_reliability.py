"""Reliability: a killed import changes nothing; random histories converge; CLI exit codes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import records
from app.exchange import export, importer, receipts
from app.ids import utc_now, uuid7
from app.office import init_office, open_ctx
from tests.conftest import ROOT
from tests.exchange.sync_helpers import enrol_both, new_province, owned_state


def _fingerprint(ctx) -> tuple:
    counts = tuple(
        ctx.db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
        for t in ("opinions", "collaborators", "meetings", "meeting_attendance", "inbox", "audit_log")
    )
    return counts


@pytest.mark.slow
def test_import_killed_at_any_moment_leaves_db_as_before(demo_ctx, tmp_path, passphrase_env):
    province = new_province(tmp_path / "p.db")
    enrol_both(demo_ctx, province)
    _bulk_items(demo_ctx, 20_000)  # a long import transaction, so the kills land inside it
    res = export.export_package(demo_ctx, tmp_path)
    before = _fingerprint(province)
    province.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "app", "--db", str(tmp_path / "p.db"), "import", str(res.path)]
    rng = random.Random(6)
    outcomes = set()
    wal = tmp_path / "p.db-wal"
    for attempt in range(6):
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if attempt % 2:
            time.sleep(rng.uniform(0.05, 1.5))  # a random early moment (start-up, decrypt, checks)
        else:
            _wait_for_wal(proc, wal, 1_000_000)  # inside the transaction, whatever the machine's speed
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if wal.exists() and wal.stat().st_size > 1_000_000:
            outcomes.add("mid-transaction")  # uncommitted pages were already written when it died
        ctx = open_ctx(tmp_path / "p.db")
        state = _fingerprint(ctx)
        imported = ctx.db.execute("SELECT count(*) FROM inbox").fetchone()[0]
        ctx.close()
        if imported:  # the kill came after COMMIT: everything is there
            outcomes.add("after")
            break
        assert state == before
        outcomes.add("before")
    ctx = open_ctx(tmp_path / "p.db")
    try:
        result = importer.import_package(ctx, res.path)
        assert result.status in ("imported", "already")
        assert owned_state(ctx, demo_ctx.origin) == owned_state(demo_ctx, demo_ctx.origin)
    finally:
        ctx.close()
    assert {"before", "mid-transaction"} <= outcomes, outcomes


def _wait_for_wal(proc: subprocess.Popen, wal: Path, size: int, timeout: float = 120.0) -> None:
    """Poll until the import has written `size` bytes of uncommitted pages (or has ended)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > size:
            return
        time.sleep(0.005)


def _bulk_items(ctx, n: int) -> None:
    now = utc_now()
    rows = [
        (uuid7(), ctx.origin, "2026-10-05", "economy", f"Ý kiến số {i} về giá điện", "concern", 1, now)
        for i in range(n)
    ]
    with ctx.transaction():
        ctx.db.conn.executemany(
            "INSERT INTO opinions (id, origin, received_on, field, summary, tendency, version, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def test_cli_exit_codes(demo_path, tmp_path, cli):
    p = tmp_path / "p.db"
    assert cli("--db", str(p), "init", "--role", "province", "--unit", "TVH", "--name", "Tỉnh Trà Vinh").returncode == 0
    for db, card in ((demo_path, "d.card"), (p, "p.card")):
        done = cli("--db", str(db), "identity", "export", str(tmp_path / card))
        assert done.returncode == 0 and "Mã xác nhận" in done.stdout
    no_yes = cli("--db", str(p), "identity", "import", str(tmp_path / "d.card"))
    assert no_yes.returncode == 1 and "--yes" in no_yes.stderr
    assert cli("--db", str(p), "identity", "import", str(tmp_path / "d.card"), "--yes").returncode == 0
    assert cli("--db", str(demo_path), "identity", "import", str(tmp_path / "p.card"), "--yes").returncode == 0
    exp = cli("--db", str(demo_path), "export", "--to", str(tmp_path / "usb"))
    assert exp.returncode == 0, exp.stderr
    pkg = Path(exp.stdout.strip().splitlines()[-1])
    assert pkg.exists() and pkg.name == "29266-TVH-000001.dlxh"
    first = cli("--db", str(p), "import", str(pkg))
    assert first.returncode == 0, first.stderr
    again = cli("--db", str(p), "import", str(pkg))
    assert again.returncode == 0 and "đã nhập ngày" in again.stdout
    receipt = pkg.with_suffix(".dlxr")
    assert cli("--db", str(demo_path), "receipts", "import", str(receipt)).returncode == 0
    bad = tmp_path / "bad.dlxh"
    data = bytearray(pkg.read_bytes())
    data[-10] ^= 1
    bad.write_bytes(bytes(data))
    refused = cli("--db", str(p), "import", str(bad))
    assert refused.returncode == 1 and refused.stderr.strip().startswith("Tệp bị hỏng")
    assert cli("--db", str(p), "import").returncode == 2


# --- property: random histories at the district converge at the province ---------------

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(0, 3)),
        st.tuples(st.just("edit"), st.integers(0, 50)),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("sync"), st.sampled_from(["ok", "lost_package", "lost_receipt"])),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(ops=OPS)
def test_random_histories_converge(ops):
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        district, _ = init_office(
            tmp_path / "d.db",
            unit_code="TVH-CL",
            name="Huyện Càng Long",
            role="district",
            parent_code="TVH",
            parent_name="Tỉnh Trà Vinh",
        )
        province = new_province(tmp_path / "p.db")
        try:
            enrol_both(district, province)
            for n, (op, arg) in enumerate(ops):
                _apply(district, province, tmp_path, n, op, arg)
            _apply(district, province, tmp_path, len(ops), "sync", "ok")
            assert owned_state(district, "TVH-CL") == owned_state(province, "TVH-CL")
        finally:
            district.close()
            province.close()


def _apply(district, province, folder, n, op, arg):
    ids = [r[0] for r in district.db.execute("SELECT id FROM opinions ORDER BY id")]
    if op == "add":
        for i in range(arg + 1):
            records.insert(
                district,
                "opinions",
                {"received_on": "2026-11-01", "field": "economy", "tendency": "worried", "summary": f"ý kiến {n}-{i}"},
            )
    elif op == "edit" and ids:
        records.update(district, "opinions", ids[arg % len(ids)], {"summary": f"sửa lần {n}"})
    elif op == "delete" and ids:
        records.delete(district, "opinions", ids[arg % len(ids)])
    elif op == "sync":
        res = export.export_package(district, folder)
        if arg == "lost_package":
            return
        imp = importer.import_package(province, res.path)
        if arg == "ok":
            receipts.import_receipt(district, imp.receipt_path)
