#!/usr/bin/env bash
# Set up DLXH and run the whole test suite (offscreen Qt; no display needed), on every core
# (pytest-xdist), printing the 15 slowest tests. Extra arguments go to pytest, e.g.
# `bash scripts/test.sh -m "not slow"` for the quick run without the kill -9 and fuzz tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Stock tools the tests check our formats against: age, minisign (exchange), softhsm2 (PKCS#11 signing);
# Debian's chromium and chromium-driver: the electronic forms are filled in a real headless browser.
bash scripts/setup.sh --test age minisign softhsm2 chromium chromium-driver
export QT_QPA_PLATFORM=offscreen
# Python's default, which some machines' environments turn off: compiled modules are kept in
# __pycache__ (git ignores it), so each xdist worker's collection (assertion rewriting of the
# test modules) and each `python -m app` a test starts reuse them instead of compiling again.
unset PYTHONDONTWRITEBYTECODE
.venv/bin/ruff check .
# worksteal: an idle worker takes queued tests from the busy one; with the slow (crash, fuzz)
# tests collected first (tests/conftest.py), the long ones start first and the tail is short.
exec .venv/bin/pytest -n auto --dist worksteal --durations=15 "$@"
