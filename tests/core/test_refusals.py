"""Inputs that used to end in a Python traceback (issue 14 point 6) now get one Vietnamese line
and exit 1 with nothing written. Every test here asserts its output holds no "Traceback"."""

from __future__ import annotations

import os
import subprocess
import sys

from app.demo import places
from app.exchange import keys
from app.office import init_office, open_ctx
from tests.conftest import ROOT
from tests.exchange.sync_helpers import enrol_both, new_province
from tests.fuzz.test_signed_malformed import SENDER, signed_package


def _one_line_refusal(result: subprocess.CompletedProcess) -> str:
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert result.returncode == 1, (result.returncode, out)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Lỗi chương trình" not in lines[0], lines[0]  # a refusal, not a bug caught by the last net
    return lines[0]


def test_db_naming_a_folder(tmp_path, cli, passphrase_env) -> None:
    for command in (["info"], ["opinions", "list"], ["init", "--role", "province", "--unit", "T", "--name", "T"]):
        line = _one_line_refusal(cli("--db", str(tmp_path), *command))
        assert "thư mục" in line


def test_database_with_a_table_missing(demo_path, cli) -> None:
    ctx = open_ctx(demo_path)
    ctx.db.execute("PRAGMA foreign_keys = OFF")
    ctx.db.execute("DROP TABLE meeting_attendance")
    ctx.close()
    for command in (["meetings", "list"],):
        assert "thiếu bảng" in _one_line_refusal(cli("--db", str(demo_path), *command))


def test_no_display_says_so_in_vietnamese(demo_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "app", "--db", str(demo_path)], capture_output=True, text=True,
                            env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=120)
    line = _one_line_refusal(result)
    assert "màn hình" in line and "--screenshot" in line


def test_signed_malformed_packages_and_bad_receipt_folder(tmp_path, cli, passphrase_env) -> None:
    province = new_province(tmp_path / "p.db")
    district, _ = init_office(tmp_path / "d.db", unit_code=SENDER, name="Huyện Càng Long", role="district",
                              parent_code=places.PROVINCE[0], parent_name=places.PROVINCE[1])
    enrol_both(district, province)
    dkeys, age = keys.ensure_keys(district), keys.ensure_keys(province).age_recipient
    district.close()
    province.close()
    row = '{"id": "x1", "origin": "' + SENDER + '", "version": 1, "updated_at": "2026-12-01", "title": "T"}\n'
    shapes = {
        "seq-text": ({"seq": "abc"}, {}),
        "seq-null": ({"seq": None}, {}),
        "seq-2^70": ({"seq": 2**70}, {}),
        "rows-wrong-type": ({"seq": 1, "rows": {"topics": "mot"}}, {"data/topics.jsonl": row.encode()}),
        "missing-required": ({"seq": 1}, {"data/topics.jsonl": row.encode()}),  # no field, no opened_on
        "huge-number": ({"seq": 1}, {"data/topics.jsonl": row.replace('"version": 1', f'"version": {2**70}').encode()}),
        "deep": ({"seq": 1}, {"data/topics.jsonl": b'{"id": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"}),
    }
    for name, (patch, members) in shapes.items():
        pkg = tmp_path / f"{name}.dlxh"
        pkg.write_bytes(signed_package(dkeys, places.PROVINCE[0], age, patch, members))
        line = _one_line_refusal(cli("--db", str(tmp_path / "p.db"), "import", str(pkg)))
        assert line.startswith(("Tệp bị hỏng", "Gói có dữ liệu")), (name, line)
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    good = tmp_path / "good.dlxh"
    good.write_bytes(signed_package(dkeys, places.PROVINCE[0], age, {"seq": 1}, {}))
    assert "không phải thư mục" in _one_line_refusal(
        cli("--db", str(tmp_path / "p.db"), "import", str(good), "--receipt-dir", str(a_file)))
    again = open_ctx(tmp_path / "p.db")
    assert again.db.execute("SELECT count(*) FROM inbox").fetchone()[0] == 0  # nothing written by any refusal
    again.close()


def test_grep_traceback_over_every_refusal_output_is_empty(demo_path, tmp_path) -> None:
    """Issue 14, done means, literally: the output of a refusal of each kind is written to a file
    and `grep -r Traceback` over the folder finds nothing (run_cli also checks every CLI run of
    the suite)."""
    import sqlite3

    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(demo_path.read_bytes())
    with open_ctx(damaged) as ctx:
        ctx.db.execute("DROP TABLE survey_plan_cells")
    db = ("--db", str(demo_path))
    refusals = {
        "no-database": ("--db", str(tmp_path / "none.db"), "info"),
        "folder-as-database": ("--db", str(tmp_path), "info"),
        "plain-sqlite": ("--db", str(plain), "info"),
        "table-missing": ("--db", str(damaged), "info"),
        "not-a-package": (*db, "import", str(junk)),
        "not-a-workbook": (*db, "collaborators", "import", str(junk)),
        "not-a-backup": (*db, "restore", "--yes", str(junk)),
        "unknown-id": (*db, "opinions", "delete", "khong-co", "--yes"),
        "bad-date": (*db, "opinions", "add", "--summary", "x", "--field", "kinh tế", "--tendency", "lo lắng",
                     "--date", "31/02/2026"),
    }
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    codes = {}
    for name, args in refusals.items():
        done = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
        (outputs / f"{name}.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
        codes[name] = done.returncode
    assert codes == dict.fromkeys(refusals, 1)
    assert all((outputs / f"{n}.txt").read_text(encoding="utf-8").strip() for n in refusals)  # each said why
    grep = subprocess.run(["grep", "-r", "Traceback", str(outputs)], capture_output=True, text=True)
    assert grep.returncode == 1 and grep.stdout == "", grep.stdout  # 1: grep found no line
