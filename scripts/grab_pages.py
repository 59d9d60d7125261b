"""Grab every page of the main window on the demo office at 1366x768 and 1920x1080 into
docs/screenshots/pages-<page>-<w>x<h>.png (offscreen). Run: .venv/bin/python scripts/grab_pages.py [OUT]"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.context import User  # noqa: E402
from app.demo import build_demo  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    make_app()
    with tempfile.TemporaryDirectory() as tmp:
        ctx, _code, _ = build_demo(Path(tmp) / "demo.db", seed=2026, today=date.today(), passphrase="grab-pages-123")
        ctx.user = User("quantri", "admin", "Quản trị hệ thống")
        try:
            for width, height in SIZES:
                window = MainWindow(ctx, TaskRunner(synchronous=True))
                window.resize(width, height)
                window.show()
                for key, _label in window.nav_items:
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
