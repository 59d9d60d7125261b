"""Grab every page of the main window on the commune demo (the office `dlxh demo` builds:
Đảng ủy xã Càng Long) at 1366x768 and 1920x1080 into docs/screenshots/pages-<page>-<w>x<h>.png.

How to run (offscreen, no display needed, about 30 s):

    .venv/bin/python scripts/grab_pages.py                 # every page into docs/screenshots
    .venv/bin/python scripts/grab_pages.py /tmp/shots      # elsewhere
    .venv/bin/python scripts/grab_pages.py --only topics,surveys

The pictures are deterministic for a given day: the demo is built with the fixed seed 2026
and dated today (as `dlxh demo` does), the window settings (size, last folders) go to a
throw-away QSettings folder so nothing of the developer's own use leaks in, fonts and the
style sheet are the app's own, and each page is grabbed as it first opens (first row
current). Look at every PNG after regenerating them; a clipped label is a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.context import User  # noqa: E402
from app.demo import build_demo  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))
SEED = 2026


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", default="", help="comma-separated page keys (default: every page)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    only = {k for k in args.only.split(",") if k}
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        make_app()
        ctx, _code, _ = build_demo(Path(tmp) / "demo.db", seed=SEED, today=date.today(), passphrase="grab-pages-123")
        ctx.user = User("quantri", "admin", "Quản trị hệ thống")
        try:
            for width, height in SIZES:
                window = MainWindow(ctx, TaskRunner(synchronous=True))
                window.resize(width, height)
                window.show()
                for key, _label in window.nav_items:
                    if only and key not in only:
                        continue
                    window.show_page(key)
                    for _ in range(3):
                        QApplication.processEvents()
                    path = out / f"pages-{key}-{width}x{height}.png"
                    window.grab().save(str(path))
                    print(path)
                window.close()
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
