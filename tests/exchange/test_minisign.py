"""minisign formats: our signatures verify with the stock tool and the stock tool's with us."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.exchange import minisign

needs_tool = pytest.mark.skipif(shutil.which("minisign") is None, reason="minisign binary not installed")


def test_roundtrip_and_trusted_comment():
    sk = minisign.SecretKey.generate()
    sig = sk.sign(b"payload", "dlxh test seq:1")
    assert minisign.verify(sk.public(), b"payload", sig) == "dlxh test seq:1"


def test_public_key_file_roundtrip():
    pk = minisign.SecretKey.generate().public()
    text = pk.to_file()
    assert text.startswith(f"untrusted comment: minisign public key {pk.key_id_hex}\n")
    assert minisign.parse_public_key(text) == pk
    assert minisign.parse_public_key(pk.line) == pk


@pytest.mark.parametrize("mutate", ["message", "trusted", "key"])
def test_tampering_is_refused(mutate):
    sk = minisign.SecretKey.generate()
    sig = sk.sign(b"payload", "trusted text")
    message, public = b"payload", sk.public()
    if mutate == "message":
        message = b"payloaD"
    elif mutate == "trusted":
        sig = sig.replace("trusted comment: trusted text", "trusted comment: trusted texT")
    else:
        public = minisign.SecretKey(sk.key_id, minisign.SecretKey.generate().seed).public()
    with pytest.raises(minisign.MinisignError):
        minisign.verify(public, message, sig)


def test_newline_in_comment_cannot_forge_a_field():
    sk = minisign.SecretKey.generate()
    sig = sk.sign(b"x", "a\ntrusted comment: forged")
    assert minisign.verify(sk.public(), b"x", sig) == "a trusted comment: forged"


@needs_tool
def test_stock_minisign_verifies_our_signature(tmp_path):
    sk = minisign.SecretKey.generate()
    (tmp_path / "k.pub").write_text(sk.public().to_file())
    (tmp_path / "m.json").write_bytes(b'{"seq": 1}\n')
    (tmp_path / "m.json.minisig").write_text(sk.sign(b'{"seq": 1}\n', "dlxh seq:1"))
    done = subprocess.run(
        ["minisign", "-V", "-H", "-p", "k.pub", "-m", "m.json"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Trusted comment: dlxh seq:1" in done.stdout
    (tmp_path / "m.json").write_bytes(b'{"seq": 2}\n')
    bad = subprocess.run(["minisign", "-V", "-p", "k.pub", "-m", "m.json"], cwd=tmp_path, capture_output=True)
    assert bad.returncode != 0


@needs_tool
@pytest.mark.parametrize("legacy", [False, True])
def test_we_verify_stock_minisign_signature(tmp_path, legacy):
    subprocess.run(
        ["minisign", "-G", "-W", "-p", "k.pub", "-s", "k.key"], cwd=tmp_path, check=True, capture_output=True
    )
    (tmp_path / "f").write_bytes(b"report bytes")
    cmd = ["minisign", "-S", "-s", "k.key", "-m", "f", "-t", "from the tool"] + (["-l"] if legacy else [])
    subprocess.run(cmd, cwd=tmp_path, check=True, capture_output=True)
    public = minisign.parse_public_key((tmp_path / "k.pub").read_text())
    sig = (tmp_path / "f.minisig").read_text()
    if legacy:  # the non-prehashed form is refused on purpose (no downgrade)
        with pytest.raises(minisign.MinisignError):
            minisign.verify(public, b"report bytes", sig)
    else:
        assert minisign.verify(public, b"report bytes", sig) == "from the tool"
