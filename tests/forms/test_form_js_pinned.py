"""The in-page age bundle is pinned: scripts/form-js/package-lock.json fixes every package
scripts/build_form_js.sh bundles (exact versions, registry integrity hashes), VERSIONS.txt
lists that same tree, and the committed bundle is the one whose SHA-256 the rebuild checks
against. (The rebuild itself needs npm and the registry: maintainers run
`scripts/build_form_js.sh`, which says "identical" or fails.)"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "resources" / "forms"
LOCKED = ROOT / "scripts" / "form-js"


def test_committed_bundle_is_the_recorded_one() -> None:
    recorded, name = (FORMS / "age-seal.min.js.sha256").read_text(encoding="ascii").split()
    assert name == "age-seal.min.js"
    assert hashlib.sha256((FORMS / "age-seal.min.js").read_bytes()).hexdigest() == recorded


def test_every_bundled_package_is_pinned_and_listed() -> None:
    wanted = json.loads((LOCKED / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert all(version[0].isdigit() for version in wanted.values()), wanted  # exact, never a range
    packages = json.loads((LOCKED / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert packages[""]["dependencies"] == wanted
    assert packages["node_modules/age-encryption"]["version"] == wanted["age-encryption"]
    bundled = {path: p for path, p in packages.items() if path and "esbuild" not in path}
    assert bundled and all(p["integrity"].startswith("sha512-") for p in bundled.values())
    listed = (FORMS / "VERSIONS.txt").read_text(encoding="utf-8")
    for path, p in bundled.items():
        assert f"{path.rsplit('node_modules/', 1)[1]} {p['version']} (" in listed, path
