#!/usr/bin/env bash
# Set up DLXH and open it on the generated demo commune office (Đảng ủy xã Càng Long).
# Without a display it saves screenshots of the main pages to out/ instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export DLXH_HOME="${DLXH_HOME:-$HOME/.local/share/dlxh-demo}"
# The demo database is protected by this passphrase (demo only; real offices use the OS keyring).
export DLXH_PASSPHRASE="${DLXH_PASSPHRASE:-demo-passphrase}"
if [ ! -f "$DLXH_HOME/dlxh.db" ]; then
  .venv/bin/dlxh demo
fi
.venv/bin/dlxh info
# The electronic form of the demo's survey still collecting: open it in a phone's browser (or
# any browser), answer, and bring the response back with `dlxh forms import FILE`.
survey="$(.venv/bin/dlxh survey list | awk '/Đang thu phiếu/ {print $1; exit}')"
if [ -n "$survey" ]; then
  .venv/bin/dlxh forms make --survey "$survey" --out out/forms
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/dlxh
fi
echo "Không có màn hình: lưu ảnh chụp các trang vào thư mục out/."
for page in overview collaborators opinions; do
  QT_QPA_PLATFORM=offscreen .venv/bin/dlxh gui --screenshot "out/$page.png" --page "$page"
done
