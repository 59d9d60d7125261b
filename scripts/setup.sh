#!/usr/bin/env bash
# Set up DLXH on a fresh Debian/Ubuntu machine with Python 3.11: the system libraries the
# Qt wheels need, a virtual environment in .venv, and the app (runtime dependencies only).
# `--test` adds the test tools (the `test` extra); further arguments are extra Debian packages.
# Called by scripts/demo.sh (runtime only) and scripts/test.sh (`--test` plus the tools its
# tests drive: age, minisign, softhsm2); safe to run again (it skips what is done).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target="."
if [ "${1:-}" = "--test" ]; then
  target=".[test]"
  shift
fi

# Qt offscreen/xcb runtime libraries (DESIGN.md §8) and venv support.
SYSTEM_PACKAGES=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
                 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
                 libxcb-render-util0 libxcb-shape0 python3-venv "$@")
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if ! python3 -c "import ensurepip" >/dev/null 2>&1; then
  missing+=("python3-venv")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# One stamp per kind of install: a runtime-only venv gains the test tools when the tests ask.
stamp=".venv/.dlxh-installed-$([ "$target" = "." ] && echo runtime || echo test)"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e "$target"
  touch "$stamp"
fi
