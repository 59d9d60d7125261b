#!/usr/bin/env bash
# Set up DLXH and run the whole test suite (offscreen Qt; no display needed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
exec .venv/bin/pytest "$@"
