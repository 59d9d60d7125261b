"""Importing many packages at once (a province's month from its communes): each file gets
the outcome a single import would give it, a bad file never stops the others, packages go
in (sender, seq) order whatever their names, and nothing is ever half-written — including
when a package fails while writing and the batch falls back to one transaction per file."""

from __future__ import annotations

import random
from datetime import date

import pytest
from pyrage import x25519

from app.demo.commune_packages import Sender, build_package, first_tables, month_tables
from app.errors import ImportRefused, ValidationError
from app.exchange import identity, import_batch, importer, keys
from app.office import add_unit

MONTHS = [date(2026, 9, 1), date(2026, 10, 1)]


def _senders(province, n: int) -> list[Sender]:
    senders = [Sender(f"X{i:03d}", f"Xã Số {i}") for i in range(n)]
    for s in senders:
        add_unit(province, s.code, s.name, "commune", province.origin)
        keys.enrol(province, s.card())
    return senders


def _months(province, folder, senders, rng, *, items: int = 4) -> dict[str, list]:
    """Two monthly packages per sender, named so that file order is NOT (sender, seq) order."""
    folder.mkdir(exist_ok=True)
    recipient = keys.ensure_keys(province).age_recipient
    written: dict[str, list] = {}
    for month in MONTHS:
        for s in senders:
            tables = first_tables(s, rng) if s.seq == 0 else {}
            tables.update(month_tables(s, rng, month, items))
            data = build_package(s, province.origin, recipient, tables)
            path = folder / f"{9 - s.seq}-{s.code}.dlxh"  # "8-…" (seq 1) sorts after "7-…" (seq 2)
            path.write_bytes(data)
            written.setdefault(s.code, []).append(path)
    return written


def _count(ctx, sql: str, *args) -> int:
    return ctx.db.execute(sql, list(args)).fetchone()[0]


def test_a_folder_imports_in_sequence_and_bad_files_are_refused_alone(province, tmp_path):
    rng = random.Random(1)
    senders = _senders(province, 3)
    written = _months(province, tmp_path / "usb", senders, rng)
    usb = tmp_path / "usb"
    (usb / "hong.dlxh").write_bytes(b"age-encryption.org/v1\n-> garbage")
    stranger = Sender("X900", "Xã Chưa Đăng Ký")
    (usb / "la.dlxh").write_bytes(build_package(stranger, province.origin, keys.ensure_keys(province).age_recipient,
                                                first_tables(stranger, rng)))
    elsewhere = Sender("X001", "Xã Số 1", secret=senders[1].secret)
    elsewhere.seq = 5
    (usb / "nham-noi.dlxh").write_bytes(
        build_package(elsewhere, province.origin, str(x25519.Identity.generate().to_public()), {}))
    (usb / "ghi-chu.txt").write_text("không phải gói")

    outcomes = import_batch.import_files(province, [usb], receipt_dir=tmp_path / "bien-nhan")

    by_name = {o.path.name: o for o in outcomes}
    assert len(outcomes) == 10 and by_name["ghi-chu.txt"].state == import_batch.SKIPPED
    imported = [o for o in outcomes if o.state == import_batch.IMPORTED]
    assert len(imported) == 6  # both months of all three, though the names put seq 2 first
    assert "Tệp bị hỏng" in by_name["hong.dlxh"].message or "không giải mã" in by_name["hong.dlxh"].message
    assert "chưa đăng ký (X900)" in by_name["la.dlxh"].message
    assert "không gửi cho đơn vị này" in by_name["nham-noi.dlxh"].message
    assert all(o.state == import_batch.REFUSED for o in outcomes if o.path.name in ("hong.dlxh", "la.dlxh"))
    assert _count(province, "SELECT count(*) FROM opinions WHERE origin LIKE 'X%'") == 3 * 2 * 4
    assert [r[0] for r in province.db.execute("SELECT seq FROM inbox WHERE sender = 'X002' ORDER BY seq")] == [1, 2]
    assert _count(province, "SELECT count(*) FROM opinions WHERE origin = 'X900'") == 0
    assert sorted(p.name for p in (tmp_path / "bien-nhan").iterdir()) == sorted(
        identity.receipt_file_name(province.origin, s.code, seq) for s in senders for seq in (1, 2))
    assert all(o.result.receipt_path.parent == tmp_path / "bien-nhan" for o in imported)
    rows = sum(sum(o.result.rows.values()) for o in imported)
    assert rows > 24 and import_batch.summary(outcomes) == (
        f"Đã nhập 6/9 gói ({rows} dòng dữ liệu), 3 gói bị từ chối, bỏ qua 1 mục không phải gói.")

    again = import_batch.import_files(province, [p for paths in written.values() for p in paths])
    assert {o.state for o in again} == {import_batch.ALREADY}
    assert all(o.message.startswith("Gói này đã nhập ngày ") for o in again)


def test_a_package_failing_while_writing_falls_back_to_one_transaction_per_file(province, tmp_path):
    rng = random.Random(2)
    senders = _senders(province, 3)
    recipient = keys.ensure_keys(province).age_recipient
    folder = tmp_path / "usb"
    folder.mkdir()
    for s in senders:
        tables = first_tables(s, rng)
        tables.update(month_tables(s, rng, MONTHS[0], 5))
        if s.code == "X001":  # every check before writing passes; the reference check while writing does not
            tables["opinions"][0]["topic_id"] = "0190aaaa-0000-7000-8000-000000000000"
        (folder / f"{s.code}.dlxh").write_bytes(build_package(s, province.origin, recipient, tables))
    single_message = None
    try:
        importer.import_bytes(province, (folder / "X001.dlxh").read_bytes(), "X001.dlxh")
    except ImportRefused as exc:
        single_message = exc.message
    assert single_message and "tham chiếu tới bản ghi không có" in single_message

    outcomes = import_batch.import_files(province, [folder])

    states = {o.path.name: o.state for o in outcomes}
    assert states == {"X000.dlxh": "imported", "X001.dlxh": "refused", "X002.dlxh": "imported"}
    assert next(o.message for o in outcomes if o.path.name == "X001.dlxh") == single_message
    assert _count(province, "SELECT count(*) FROM opinions WHERE origin = 'X001'") == 0
    assert _count(province, "SELECT count(*) FROM collaborators WHERE origin = 'X001'") == 0  # not half-written
    assert _count(province, "SELECT count(*) FROM opinions WHERE origin IN ('X000', 'X002')") == 10
    assert sorted(p.name for p in folder.glob("*.dlxr")) == sorted(
        identity.receipt_file_name(province.origin, code, 1) for code in ("X000", "X002"))


def test_nothing_to_import_and_a_missing_path_are_said_in_vietnamese(province, tmp_path):
    with pytest.raises(ValidationError, match="Không có gói .dlxh nào"):
        import_batch.import_files(province, [tmp_path])
    with pytest.raises(ValidationError, match="Không tìm thấy tệp hoặc thư mục"):
        import_batch.import_files(province, [tmp_path / "khong-co.dlxh"])


def test_cli_imports_a_folder_and_exits_1_when_a_file_is_refused(tmp_path, cli, passphrase_env):
    from tests.exchange.sync_helpers import new_province

    province = new_province(tmp_path / "province.db")
    senders = _senders(province, 2)
    _months(province, tmp_path / "usb", senders, random.Random(3), items=2)
    province.close()
    done = cli("--db", str(tmp_path / "province.db"), "import", str(tmp_path / "usb"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("Đã nhập 4/4 gói (") and lines[-1].endswith(" dòng dữ liệu).")
    assert sum("Đã nhập gói số" in line for line in lines) == 4
    (tmp_path / "usb" / "hong.dlxh").write_bytes(b"not a package")
    again = cli("--db", str(tmp_path / "province.db"), "import", str(tmp_path / "usb"))
    assert again.returncode == 1
    assert "hong.dlxh: Tệp bị hỏng" in again.stderr
    assert again.stdout.splitlines()[-1] == ("Đã nhập 0/5 gói (0 dòng dữ liệu), 4 gói đã nhập từ trước, 1 gói bị từ "
                                             "chối, bỏ qua 4 mục không phải gói.")  # the 4 receipts written beside
    assert sum(": Là biên nhận (.dlxr)" in line for line in again.stdout.splitlines()) == 4


@pytest.mark.slow
def test_a_batch_killed_at_any_moment_leaves_the_store_as_before(tmp_path, passphrase_env):
    """kill -9 while a folder of packages is imported: the store is as before (nothing of the
    batch, not the first packages of it either), and importing the folder again brings all."""
    import os
    import signal
    import subprocess
    import sys

    from app.office import open_ctx
    from tests.conftest import ROOT
    from tests.exchange.sync_helpers import new_province
    from tests.exchange.test_sync_reliability import _wait_for_wal

    province = new_province(tmp_path / "p.db")
    senders = _senders(province, 24)
    _months(province, tmp_path / "usb", senders, random.Random(5), items=300)
    before = _count(province, "SELECT count(*) FROM opinions")
    province.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "app", "--db", str(tmp_path / "p.db"), "import", str(tmp_path / "usb")]
    wal = tmp_path / "p.db-wal"
    killed_inside = 0
    for _attempt in range(3):
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_wal(proc, wal, 2_000_000)  # uncommitted pages of the batch are being written
        if proc.poll() is None:
            killed_inside += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        ctx = open_ctx(tmp_path / "p.db")
        try:
            assert _count(ctx, "SELECT count(*) FROM inbox") == 0
            assert _count(ctx, "SELECT count(*) FROM opinions") == before
        finally:
            ctx.close()
    assert killed_inside == 3
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ctx = open_ctx(tmp_path / "p.db")
    try:
        assert _count(ctx, "SELECT count(*) FROM inbox") == 48
        assert _count(ctx, "SELECT count(*) FROM opinions") == before + 24 * 2 * 300
    finally:
        ctx.close()
