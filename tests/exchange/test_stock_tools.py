"""The commands docs/EXCHANGE.md gives a province IT officer really work on our files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from app.exchange import identity, package
from tests.exchange.helpers import office, open_as, sample_outgoing

pytestmark = pytest.mark.skipif(
    shutil.which("age") is None or shutil.which("minisign") is None, reason="age/minisign not installed"
)


def run(cmd, cwd):
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{cmd}: {done.stderr}"
    return done.stdout


def test_age_and_minisign_check_a_package(tmp_path):
    district, province = office("PD"), office("TTH")
    data = package.build(sample_outgoing(district, province), district.secret, province.recipient)
    (tmp_path / "PD-TTH-000001.dlxh").write_bytes(data)
    (tmp_path / "tth.key").write_text(province.identity_str + "\n")
    card = identity.make_card("PD", "Phong Điền", "district", district.secret.public(), district.recipient)
    (tmp_path / "PD.pub").write_text(card.minisign_public_key)
    # the commands as documented
    run(["age", "-d", "-i", "tth.key", "-o", "inner.zip", "PD-TTH-000001.dlxh"], tmp_path)
    run([sys.executable, "-m", "zipfile", "-e", "inner.zip", "inner"], tmp_path)
    out = run(["minisign", "-V", "-H", "-p", "../PD.pub", "-m", "manifest.json"], tmp_path / "inner")
    assert "Trusted comment: dlxh data PD->TTH seq:1" in out
    manifest = json.loads((tmp_path / "inner" / "manifest.json").read_text())
    listing = "".join(f"{h}  {name}\n" for name, h in manifest["members"].items())
    done = subprocess.run(
        ["sha256sum", "-c", "-"], cwd=tmp_path / "inner", input=listing, capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.count(": OK") == len(manifest["members"])


def test_we_open_what_stock_age_encrypts(tmp_path):
    """Interop the other way: a package inner zip encrypted by the age binary opens with pyrage."""
    district, province = office("PD"), office("TTH")
    data = package.build(sample_outgoing(district, province), district.secret, province.recipient)
    (tmp_path / "k").write_text(province.identity_str + "\n")
    (tmp_path / "p.dlxh").write_bytes(data)
    run(["age", "-d", "-i", "k", "-o", "inner.zip", "p.dlxh"], tmp_path)
    run(["age", "-r", province.recipient, "-o", "again.dlxh", "inner.zip"], tmp_path)
    opened = open_as(province, (tmp_path / "again.dlxh").read_bytes(), district)
    assert opened.manifest["rows"]["opinions"] == 5


def _age_with_passphrase(args: list[str], cwd, passphrase: str) -> int:
    """age reads passphrases from the terminal only: drive it through a pseudo-terminal."""
    import os
    import pty
    import time

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.chdir(cwd)
        os.execvp("age", ["age", *args])
    buf, deadline = b"", time.time() + 30
    while time.time() < deadline:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        if b"passphrase" in buf.lower():
            os.write(fd, passphrase.encode() + b"\n")
            buf = b""
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status)


def test_documented_it_officer_check_on_real_offices(demo_ctx, tmp_path, passphrase_env):
    """docs/EXCHANGE.md, step by step: passphrase-wrapped age key, age -d, unzip, minisign -P, sha256sum."""
    from app.demo import places
    from app.exchange import export, keys
    from tests.exchange.sync_helpers import enrol_both, new_province

    province = new_province(tmp_path / "p.db")
    try:
        enrol_both(demo_ctx, province)
        res = export.export_package(demo_ctx, tmp_path)
        (tmp_path / "tinh.age-key").write_bytes(keys.export_age_identity(province, "mat-khau-kiem-tra"))
        card = json.loads(identity.card_bytes(keys.my_card(demo_ctx)))
    finally:
        province.close()
    assert b"AGE-SECRET-KEY" not in (tmp_path / "tinh.age-key").read_bytes()
    code = _age_with_passphrase(
        ["-d", "-i", "tinh.age-key", "-o", "inner.zip", res.path.name], tmp_path, "mat-khau-kiem-tra"
    )
    assert code == 0
    run([sys.executable, "-m", "zipfile", "-e", "inner.zip", "inner"], tmp_path)
    out = run(
        ["minisign", "-V", "-H", "-P", card["minisign_public_key_base64"], "-m", "manifest.json"], tmp_path / "inner"
    )
    assert f"dlxh data {demo_ctx.origin}->{places.PROVINCE[0]} seq:1" in out
    manifest = json.loads((tmp_path / "inner" / "manifest.json").read_text())
    listing = "".join(f"{h}  {name}\n" for name, h in manifest["members"].items())
    done = subprocess.run(
        ["sha256sum", "-c", "-"], cwd=tmp_path / "inner", input=listing, capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.count(": OK") == len(manifest["members"])
