#!/usr/bin/env bash
# Drive DLXH in a real X server the way a clerk does, at 1366x768 and at 1280x720, and keep a
# screenshot of every step. Needs: xvfb, openbox, xdotool, imagemagick (scripts/setup.sh
# --test xvfb openbox xdotool imagemagick installs them).
#
#   bash scripts/x11_walk.sh [OUT_DIR]        # default /tmp/dlxh-x11
#
# For each screen size it starts Xvfb with that screen and the openbox window manager, then:
#  1. first run on a new database: the wizard by keyboard (Enter, "cang long", Enter, the
#     "kept the key" box with Alt+G, Enter), the first administrator (four fields and Enter),
#     the main window as it first opens;
#  2. the demo office (`dlxh demo`, built once into OUT_DIR): every page in turn (Ctrl+1 ...
#     Ctrl+9, then the navigation list from its end for the last three), a screenshot of each,
#     and the window's width after each page.
# The PNGs go to OUT_DIR/<size>/NN-<step>.png and the widths to OUT_DIR/widths.txt. The run
# fails (exit 1) if the window ever became wider than the screen or wider than it opened.
# Look at every PNG: a clipped label or a button off screen is a bug even when widths pass.
# The database passphrase is DLXH_PASSPHRASE (a throw-away one by default); window settings
# go to OUT_DIR/config, not to your own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${1:-/tmp/dlxh-x11}"
SIZES="${SIZES:-1366x768 1280x720}"
DLXH="${DLXH:-.venv/bin/dlxh}"
export DLXH_PASSPHRASE="${DLXH_PASSPHRASE:-x11-walk-passphrase}"
export XDG_CONFIG_HOME="$OUT/config"
export QT_QPA_PLATFORM=xcb
unset WAYLAND_DISPLAY
mkdir -p "$OUT" "$XDG_CONFIG_HOME"
: > "$OUT/widths.txt"
: > "$OUT/findings.txt"
DEMO="$OUT/demo.db"
[ -f "$DEMO" ] || "$DLXH" --db "$DEMO" demo > "$OUT/demo.txt"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

shot() {   # shot NAME [WINDOW]: the whole screen as the clerk sees it, or that window alone
  sleep "${PAUSE:-1.5}"
  import -display "$DISPLAY" -window "${2:-root}" "$SHOTS/$(printf '%02d' "$STEP")-$1.png"
  STEP=$((STEP + 1))
}

window_of() {   # window_of TITLE-PART: the id of the newest visible window with that title
  local id=""
  for _ in $(seq 60); do   # polled: a window closing while xdotool looks at it is an X error
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -1) || true
    [ -n "$id" ] && xdotool getwindowgeometry "$id" >/dev/null 2>&1 && { echo "$id"; return; }
    sleep 1
  done
  echo "no window '$1' within 60 s (see $SHOTS)" >&2; shot missing; exit 1
}

width() { xdotool getwindowgeometry "$1" | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p'; }

sign_in() {   # sign_in SHOT: the first administrator of a new office, or the login of a known one
  local id
  for _ in $(seq 60); do
    if id=$(xdotool search --onlyvisible --name "Tạo tài khoản quản trị" | tail -1) && [ -n "$id" ]; then
      xdotool windowactivate --sync "$id"
      xdotool type --delay 40 "quantri"; xdotool key Return
      xdotool type --delay 40 "Nguyen Van Quan"; xdotool key Return
      xdotool type --delay 40 "mat-khau-quan-tri"; xdotool key Return
      xdotool type --delay 40 "mat-khau-quan-tri"; shot "$1"
      sleep 0.5; xdotool key Return; return
    fi
    if id=$(xdotool search --onlyvisible --name "Đăng nhập DLXH" | tail -1) && [ -n "$id" ]; then
      xdotool windowactivate --sync "$id"
      xdotool type --delay 40 "quantri"; xdotool key Return
      xdotool type --delay 40 "mat-khau-quan-tri"; shot "$1"
      sleep 0.5; xdotool key Return; return
    fi
    sleep 1
  done
}

failed=0
display=91
for size in $SIZES; do
  screen_w="${size%x*}"
  SHOTS="$OUT/$size"; STEP=1
  rm -rf "$SHOTS"; mkdir -p "$SHOTS"
  export DISPLAY=":$display"
  Xvfb "$DISPLAY" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & PIDS+=($!)
  sleep 1
  openbox >/dev/null 2>&1 & PIDS+=($!)
  sleep 1

  # 1. First run: the wizard, the first administrator, the empty office.
  NEW="$OUT/new-$size.db"
  rm -f "$NEW" "$NEW"-*
  "$DLXH" --db "$NEW" gui >"$OUT/new-$size.log" 2>&1 & app=$!; PIDS+=($app)
  wiz=$(window_of "Khởi tạo lần đầu"); xdotool windowactivate --sync "$wiz"
  shot wizard-kind
  xdotool key Return; shot wizard-office
  xdotool type --delay 60 "cang long"; shot wizard-commune
  xdotool key Return; shot wizard-recovery
  xdotool key alt+g; sleep 1; xdotool key Return; sleep 2
  if xdotool search --onlyvisible --name "Khởi tạo lần đầu" >/dev/null 2>&1; then
    echo "$size: Enter did not finish the wizard; Alt+H (Hoàn tất) pressed" | tee -a "$OUT/findings.txt" >&2
    shot wizard-still-open; xdotool key alt+h
  fi
  sign_in first-admin
  main=$(window_of "DLXH – Đảng ủy"); xdotool windowactivate --sync "$main"
  shot new-office
  xdotool key ctrl+q; wait "$app" || true

  # 2. The demo office: every page.
  "$DLXH" --db "$DEMO" gui >"$OUT/demo-$size.log" 2>&1 & app=$!; PIDS+=($app)
  sign_in sign-in
  main=$(window_of "DLXH – Đảng ủy"); xdotool windowactivate --sync "$main"
  sleep 2
  opened=$(width "$main")
  echo "$size opened $opened" >> "$OUT/widths.txt"
  record() {   # record PAGE: screenshot (the window alone) and width after showing a page
    shot "$1" "$main"
    local w; w=$(width "$main")
    echo "$size $1 $w" >> "$OUT/widths.txt"
    if [ "$w" -gt "$screen_w" ] || [ "$w" -gt "$opened" ]; then
      echo "$size: the window is $w px wide after $1 (screen $screen_w, opened at $opened)" >&2
      failed=1
    fi
  }
  for n in 1 2 3 4 5 6 7 8 9; do   # the first nine pages of the navigation, Ctrl+1 ... Ctrl+9
    xdotool key "ctrl+$n"; record "page-$n"
  done
  # The pages after the ninth have no Ctrl+number: the navigation list, by keyboard, from its end.
  xdotool mousemove --window "$main" 60 200 click 1
  xdotool key End; record page-last
  xdotool key Up; record page-last-1
  xdotool key Up; record page-last-2
  xdotool key ctrl+q; wait "$app" || true

  kill "${PIDS[@]}" 2>/dev/null || true; PIDS=()
  display=$((display + 1))
done
cat "$OUT/widths.txt"
echo "Screenshots: $OUT/<size>/*.png"
exit "$failed"
