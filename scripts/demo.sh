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
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/dlxh
fi
echo "Không có màn hình: lưu ảnh chụp các trang vào thư mục out/."
for page in overview collaborators opinions; do
  QT_QPA_PLATFORM=offscreen .venv/bin/dlxh gui --screenshot "out/$page.png" --page "$page"
done
