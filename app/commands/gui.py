"""`dlxh gui`: the one place app/ reaches into ui/ (tests/test_layers.py allows no other).

It checks what the GUI needs before importing Qt (a screen, the Qt libraries), resolves the
database path and the screenshot options here, and hands plain values to ui.app.run: ui/ reads
nothing of the command line.
"""

from __future__ import annotations

import argparse
import os
import sys

from app.cli_support import db_path, err

ORDER = 50   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="mở giao diện (có thể chụp màn hình rồi thoát)")
    p.add_argument("--screenshot", metavar="FILE.png")
    p.add_argument("--page", metavar="NAME", default="overview")
    p.add_argument("--size", metavar="RỘNGxCAO", default="1366x768", type=_size,
                   help="kích thước ảnh chụp, mặc định 1366x768")
    p.set_defaults(func=cmd_gui)


def has_screen() -> bool:
    """Whether Qt can find a display: always on Windows and macOS; on Linux a DISPLAY, a
    WAYLAND_DISPLAY, or a platform chosen explicitly (QT_QPA_PLATFORM=offscreen in tests)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _size(text: str) -> tuple[int, int]:
    """'1366x768' → (1366, 768); the screenshot is exactly that many pixels."""
    try:
        width, height = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"kích thước '{text}' không hợp lệ (ví dụ 1366x768)") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"kích thước '{text}' ngoài khoảng 320x240 đến 7680x4320")
    return width, height


def cmd_gui(args: argparse.Namespace) -> int:
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif not has_screen():
        # Qt would abort (exit 134) with English text; say it in Vietnamese instead.
        err("Không tìm thấy màn hình để mở giao diện: hãy chạy DLXH trên máy có màn hình (desktop), "
            "hoặc chụp ảnh giao diện bằng 'dlxh gui --screenshot ANH.png'.")
        return 1
    path = db_path(args)
    try:
        from ui.app import run
    except ImportError as exc:  # Qt libraries missing on this machine
        err(f"Không khởi động được giao diện (thiếu thư viện Qt: {exc}).")
        return 1
    return run(path, screenshot=screenshot, page=getattr(args, "page", None) or "overview",
               size=getattr(args, "size", None) or (1366, 768))
