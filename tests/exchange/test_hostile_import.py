"""Issue 22, the importer's odd inputs: a package whose file name is not UTF-8 (case 3), a
receipt that cannot be written after the commit (case 7), what a folder import reports for
symlinks, folders, other files and a gap in the sequence (case 9)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from app.demo import places
from app.demo.commune_packages import Sender, build_package, first_tables, month_tables
from app.exchange import identity, import_batch, importer, keys
from app.office import add_unit
from tests.conftest import PASSPHRASE

ENV = {"DLXH_PASSPHRASE": PASSPHRASE}
BAD_NAME = os.fsdecode(b"g\xff\xfei.dlxh")  # a name written by an old Windows tool: not UTF-8


def _sender(province, code: str = "X001") -> Sender:
    s = Sender(code, f"Xã {code}")
    add_unit(province, s.code, s.name, "commune", province.origin)
    keys.enrol(province, s.card())
    return s


def _package(province, s: Sender, rng: random.Random) -> bytes:
    from datetime import date

    tables = first_tables(s, rng) if s.seq == 0 else {}
    tables.update(month_tables(s, rng, date(2026, 9 + min(s.seq, 3), 1), 2))
    return build_package(s, province.origin, keys.ensure_keys(province).age_recipient, tables)


def _count(ctx, sql: str) -> int:
    return ctx.db.execute(sql).fetchone()[0]


def test_a_non_utf8_file_name_in_a_folder_loses_nothing(province, tmp_path: Path) -> None:
    rng = random.Random(2)
    a, b = _sender(province, "X001"), _sender(province, "X002")
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "tot.dlxh").write_bytes(_package(province, a, rng))
    (usb / BAD_NAME).write_bytes(_package(province, b, rng))
    outcomes = import_batch.import_files(province, [usb])
    assert [o.state for o in outcomes] == [import_batch.IMPORTED] * 2
    assert _count(province, "SELECT count(DISTINCT sender) FROM inbox") == 2
    shown = province.db.execute("SELECT detail FROM audit_log WHERE action = 'import' ORDER BY ts").fetchall()
    assert any("\ufffd" in row[0] for row in shown)  # recorded readable, never as a lone surrogate


def test_a_non_utf8_file_name_alone_on_the_command_line(cli, province, tmp_path: Path) -> None:
    rng = random.Random(3)
    s = _sender(province, "X001")
    path = tmp_path / BAD_NAME
    path.write_bytes(_package(province, s, rng))
    province.close()
    done = cli("--db", str(tmp_path / "province.db"), "import", str(path), env=ENV)
    assert done.returncode == 0, done.stderr
    assert "Đã nhập gói số 1" in done.stdout and "Lỗi chương trình" not in done.stderr


def test_a_receipt_folder_under_a_file_is_refused_before_anything_is_written(cli, province, tmp_path: Path) -> None:
    s = _sender(province, "X001")
    path = tmp_path / "goi.dlxh"
    path.write_bytes(_package(province, s, random.Random(4)))
    (tmp_path / "tep").write_text("x")
    province.close()
    done = cli("--db", str(tmp_path / "province.db"), "import", str(path), "--receipt-dir",
               str(tmp_path / "tep" / "bien-nhan"), env=ENV)
    assert done.returncode == 1 and "không phải thư mục" in done.stderr and "chưa nhập gì" in done.stderr


@pytest.mark.parametrize("many", [False, True], ids=["single", "folder"])
def test_a_receipt_that_fails_after_the_commit_is_said_and_written_again(cli, province, tmp_path: Path,
                                                                          many: bool) -> None:
    s = _sender(province, "X001")
    usb = tmp_path / "usb"
    usb.mkdir()
    path = usb / "goi.dlxh"
    path.write_bytes(_package(province, s, random.Random(5)))
    province.close()
    db = str(tmp_path / "province.db")
    target = str(usb) if many else str(path)
    # /proc/self is a folder nothing can be created in, even by root: the write fails after the COMMIT.
    done = cli("--db", db, "import", target, "--receipt-dir", "/proc/self", env=ENV)
    assert done.returncode == 1, (done.stdout, done.stderr)
    line = (done.stderr.strip().splitlines() or [""])[-1]
    assert "Đã nhập gói số 1 của X001" in line and ", nhưng chưa ghi được biên nhận" in line and "--receipt-dir" in line, line
    assert "chưa có gì bị ghi dở" not in done.stderr and "Lỗi chương trình" not in done.stderr
    again = cli("--db", db, "import", target, "--receipt-dir", str(tmp_path / "bien-nhan"), env=ENV)
    assert again.returncode == 0, again.stderr
    assert "đã nhập ngày" in again.stdout
    assert [p.name for p in (tmp_path / "bien-nhan").iterdir()] == [
        identity.receipt_file_name(places.PROVINCE[0], "X001", 1)]


@pytest.mark.parametrize("what", ["sent report", "forwarded item"])
def test_a_tombstone_obeys_the_apps_own_delete_rules(demo_ctx, tmp_path: Path, what: str) -> None:
    from app import deletion, records
    from app.errors import ImportRefused, ValidationError
    from app.exchange import export
    from tests.exchange.sync_helpers import enrol_both, new_province, roundtrip

    province = new_province(tmp_path / "province.db")
    enrol_both(demo_ctx, province)
    roundtrip(demo_ctx, province, tmp_path / "usb")
    table, sql = {"sent report": ("reports", "SELECT id FROM reports WHERE status = 'sent' LIMIT 1"),
                  "forwarded item": ("opinions", "SELECT id FROM opinions WHERE handling = 'forwarded' LIMIT 1")}[what]
    row_id = demo_ctx.db.execute(sql).fetchone()[0]
    refuse = deletion.delete_draft_report if table == "reports" else deletion.delete_opinion
    with pytest.raises(ValidationError):
        refuse(demo_ctx, row_id)  # the commune's own app refuses this delete
    records.delete(demo_ctx, table, row_id)  # a tampered or broken sender does it anyway
    sent = export.export_package(demo_ctx, tmp_path / "usb")
    with pytest.raises(ImportRefused, match="mà chính DLXH không cho xóa"):
        importer.import_package(province, sent.path)
    assert province.db.execute(f"SELECT count(*) FROM {table} WHERE id = ?", [row_id]).fetchone()[0] == 1
    assert province.db.execute("SELECT max(seq) FROM inbox").fetchone()[0] == 1
    province.close()


def test_a_tombstone_the_app_allows_still_deletes(demo_ctx, tmp_path: Path) -> None:
    from datetime import date

    from app import deletion
    from app.opinions import items
    from tests.exchange.sync_helpers import enrol_both, new_province, roundtrip

    province = new_province(tmp_path / "province.db")
    enrol_both(demo_ctx, province)
    item = items.create(demo_ctx, items.Opinion(received_on=date.today().isoformat(), field="economy",
                                                summary="Nhập nhầm một ý kiến", tendency="concern"))
    roundtrip(demo_ctx, province, tmp_path / "usb")
    deletion.delete_opinion(demo_ctx, item.id)
    roundtrip(demo_ctx, province, tmp_path / "usb")
    assert province.db.execute("SELECT count(*) FROM opinions WHERE id = ?", [item.id]).fetchone()[0] == 0
    province.close()


def test_a_folder_reports_links_by_their_name_and_gives_every_entry_a_line(cli, province, tmp_path: Path) -> None:
    rng = random.Random(6)
    s = _sender(province, "X001")
    store = tmp_path / "kho"
    store.mkdir()
    (store / "that.dlxh").write_bytes(_package(province, s, rng))
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "lien-ket.dlxh").symlink_to(store / "that.dlxh")
    (usb / "x.dlxh").mkdir()
    (usb / "ghi-chu.txt").write_text("không phải gói")
    os.mkfifo(usb / "ong.dlxh")
    province.close()
    done = cli("--db", str(tmp_path / "province.db"), "import", str(usb), env=ENV)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("lien-ket.dlxh: Đã nhập gói số 1") for line in lines), lines
    assert any(line.startswith("x.dlxh: Là thư mục") for line in lines), lines
    assert any(line.startswith("ghi-chu.txt: Không phải gói dữ liệu") for line in lines), lines
    assert any(line.startswith("ong.dlxh: Không phải tệp thông thường") for line in lines), lines
    assert "bỏ qua 3 mục không phải gói" in lines[-1]
    receipt = identity.receipt_file_name(places.PROVINCE[0], "X001", 1)
    assert (usb / receipt).exists() and not (store / receipt).exists()


@pytest.mark.parametrize("many", [False, True], ids=["single", "folder"])
def test_a_gap_in_the_sequence_is_a_warning_naming_the_missing_package(province, tmp_path: Path, many: bool) -> None:
    rng = random.Random(7)
    s = _sender(province, "X001")
    first, _lost, third = (_package(province, s, rng) for _ in range(3))
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "1.dlxh").write_bytes(first)
    (usb / "3.dlxh").write_bytes(third)
    if many:
        outcomes = {o.path.name: o for o in import_batch.import_files(province, [usb])}
        plain, warned = outcomes["1.dlxh"].message, outcomes["3.dlxh"].message
        assert outcomes["3.dlxh"].state == import_batch.IMPORTED
    else:
        plain = importer.import_package(province, usb / "1.dlxh").message
        warned = importer.import_package(province, usb / "3.dlxh").message
    assert "Lưu ý" not in plain
    assert "Đã nhập gói số 3 của X001" in warned and "chưa nhận gói số 2 của X001" in warned


def _with_schema(province, s: Sender, tables: dict, schema: int, app_version: str = "9.9.0") -> bytes:
    from app.exchange import package

    s.seq += 1
    out = package.Outgoing("data", s.code, province.origin, s.seq, s.seq - 1, tables=tables, app_version=app_version,
                           schema_version=schema, extra={"sender_name": s.name})
    return package.build(out, s.secret, keys.ensure_keys(province).age_recipient)


def test_a_package_from_a_newer_dlxh_is_refused_with_the_version_to_update_to(province, tmp_path: Path) -> None:
    from app.errors import ImportRefused
    from db import migrate

    s = _sender(province, "X001")
    tables = first_tables(s, random.Random(8))
    for row in tables["collaborators"]:
        row["cot_moi"] = "giá trị phiên bản sau"
    path = tmp_path / "moi.dlxh"
    path.write_bytes(_with_schema(province, s, tables, migrate.current_version(province.db.conn) + 1, "2.0.0"))
    with pytest.raises(ImportRefused, match="cập nhật DLXH lên phiên bản 2.0.0"):
        importer.import_package(province, path)
    assert _count(province, "SELECT count(*) FROM inbox") == 0
    assert _count(province, "SELECT count(*) FROM collaborators WHERE origin = 'X001'") == 0


def test_an_unknown_column_at_a_known_schema_is_refused_not_dropped(province, tmp_path: Path) -> None:
    from app.errors import ImportRefused
    from db import migrate

    s = _sender(province, "X001")
    tables = first_tables(s, random.Random(9))
    tables["collaborators"][0]["cot_la"] = "x"
    path = tmp_path / "la.dlxh"
    path.write_bytes(_with_schema(province, s, tables, migrate.current_version(province.db.conn)))
    with pytest.raises(ImportRefused, match="cột «cot_la» của bảng «collaborators»"):
        importer.import_package(province, path)
    assert _count(province, "SELECT count(*) FROM inbox") == 0


def test_a_package_from_an_older_schema_is_upgraded_and_imported(province, tmp_path: Path) -> None:
    s = _sender(province, "X001")
    path = tmp_path / "cu.dlxh"
    path.write_bytes(_with_schema(province, s, first_tables(s, random.Random(10)), 5, "0.0.5"))
    assert importer.import_package(province, path).status == "imported"
