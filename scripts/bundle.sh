#!/usr/bin/env bash
# Build the one-folder DLXH bundle with PyInstaller (packaging/dlxh.spec) into dist/dlxh,
# then smoke-test the bundled executable (not the venv): packaging/smoke.sh.
# The build uses its own venv (.venv-bundle: runtime dependencies + PyInstaller), so the
# app's .venv stays free of build tools. On Windows the same spec builds dist\dlxh, which
# packaging/dlxh.iss turns into the installer (see packaging/README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh binutils
if [ ! -x .venv-bundle/bin/python ]; then
  python3 -m venv .venv-bundle
fi
stamp=.venv-bundle/.dlxh-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv-bundle/bin/python -m pip install -q --upgrade pip
  .venv-bundle/bin/python -m pip install -q -e . "pyinstaller>=6.10,<7"
  touch "$stamp"
fi
start=$(date +%s)
.venv-bundle/bin/pyinstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/dlxh.spec
# Strip debug symbols from the shared libraries (~30 MB), except numpy's OpenBLAS, which a
# strip breaks (unusual ELF segments).
find dist/dlxh -name '*.so*' -type f ! -path '*/numpy.libs/*' \
  -exec strip --strip-unneeded {} + 2>/dev/null || true
echo "Bundle built in $(( $(date +%s) - start )) s: dist/dlxh, $(du -sh dist/dlxh | cut -f1)"
bash packaging/smoke.sh dist/dlxh
