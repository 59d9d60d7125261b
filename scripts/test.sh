#!/usr/bin/env bash
# Set up DLXH and run the whole test suite (offscreen Qt; no display needed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Stock tools the tests check our formats against: age, minisign (exchange), softhsm2 (PKCS#11 signing).
bash scripts/setup.sh age minisign softhsm2
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
exec .venv/bin/pytest "$@"
