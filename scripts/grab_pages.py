"""Grab every page of the main window on the commune demo (the office `dlxh demo` builds:
Đảng ủy xã Càng Long) at 1366x768 and 1920x1080 into docs/screenshots/pages-<page>-<w>x<h>.png;
with --shots, the first-run wizard and the province pages instead, at 1366x768 only.

How to run (offscreen, no display needed, about 30 s):

    .venv/bin/python scripts/grab_pages.py                 # every page into docs/screenshots
    .venv/bin/python scripts/grab_pages.py /tmp/shots      # elsewhere
    .venv/bin/python scripts/grab_pages.py --only topics,surveys
    .venv/bin/python scripts/grab_pages.py --shots first-run   # wizard-*.png, commune-overview.png
    DLXH_PASSPHRASE=demo-passphrase .venv/bin/python scripts/grab_pages.py --shots province \
        --db ~/.local/share/dlxh-demo-province/dlxh.db          # province-*.png

The province store is the one `dlxh demo --province` built (2–3 min on a busy machine, so it
is opened, not rebuilt); --only names the province shots to take (offices, timeliness, ...).

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

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.context import User  # noqa: E402
from app.demo import build_demo  # noqa: E402
from app.exchange.province import LATE  # noqa: E402
from app.office import open_ctx  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))
SMALL = SIZES[0]
SEED = 2026


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    """The widget at exactly its fixed size: a grab of another size is a failed shot."""
    settle()
    shot = widget.grab()
    if (shot.width(), shot.height()) != (widget.width(), widget.height()):
        raise SystemExit(f"{path}: grabbed {shot.width()}x{shot.height()}, not {widget.width()}x{widget.height()}")
    shot.save(str(path))
    print(path, f"{shot.width()}x{shot.height()}")


def window_at(ctx, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(ctx, TaskRunner(synchronous=True))
    window.setWindowState(Qt.WindowState.WindowNoState)  # a first start maximises on a small screen
    window.setFixedSize(*size)   # a larger minimum size would otherwise win
    window.show()
    return window


def first_run(tmp: Path, out: Path) -> None:
    """The wizard's three pages as a new commune office sees them, then its first overview."""
    from ui.wizard import FirstRunWizard

    wizard = FirstRunWizard(tmp / "new.db")
    wizard.setFixedSize(*SMALL)
    wizard.show()
    save(wizard, out / "wizard-1-kind.png")
    wizard.next()
    page = wizard.office
    page.province.setCurrentIndex(next(i for i in range(page.province.count()) if page.province.itemData(i) == "86"))
    page.search.setText("cang long")   # typed without accents, as the placeholder suggests
    save(wizard, out / "wizard-2-commune.png")
    page.passphrase.setText("grab-pages-123")
    wizard.next()
    save(wizard, out / "wizard-3-recovery.png")
    wizard.close()
    if wizard.ctx is not None:
        wizard.ctx.close()
    ctx, _code, _ = build_demo(tmp / "demo.db", seed=SEED, today=date.today(), passphrase="grab-pages-123")
    ctx.user = User("quantri", "admin", "Quản trị hệ thống")
    try:
        window = window_at(ctx, SMALL)
        window.show_page("overview")
        save(window, out / "commune-overview.png")
        window.close()
    finally:
        ctx.close()


def province_pages(db: Path, out: Path, only: set[str]) -> None:
    """The Các xã, phường tabs on the province demo: offices, timeliness (all, then the late
    ones), items of all offices, the communes not enrolled, the consolidated report."""
    ctx = open_ctx(db, os.environ.get("DLXH_PASSPHRASE"), User("quantri", "admin", "Quản trị hệ thống"))
    try:
        window = window_at(ctx, SMALL)
        page = window.show_page("province")
        timeliness = page.timeliness

        def late() -> None:
            page.tabs.setCurrentWidget(timeliness)
            timeliness.status.setCurrentIndex(timeliness.status.findData(LATE))

        steps = {
            "offices": lambda: page.tabs.setCurrentIndex(0),
            "timeliness": lambda: page.tabs.setCurrentWidget(timeliness),
            "timeliness-late": late,
            "items": lambda: page.tabs.setCurrentWidget(page.items),
            "not-enrolled": lambda: (page.tabs.setCurrentIndex(0), page.which.setCurrentIndex(1)),
            "report": lambda: page.tabs.setCurrentIndex(3),
        }
        for name, step in steps.items():
            if only and name not in only:
                continue
            timeliness.status.setCurrentIndex(0)
            page.which.setCurrentIndex(0)
            step()
            save(window, out / f"province-{name}.png")
        window.close()
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", default="", help="comma-separated page keys (default: every page)")
    parser.add_argument("--shots", choices=("pages", "first-run", "province"), default="pages")
    parser.add_argument("--db", type=Path, help="the province demo store (--shots province)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    only = {k for k in args.only.split(",") if k}
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        make_app()
        if args.shots == "first-run":
            first_run(Path(tmp), out)
            return 0
        if args.shots == "province":
            if args.db is None:
                parser.error("--shots province needs --db (the store 'dlxh demo --province' built)")
            province_pages(args.db.expanduser(), out, only)
            return 0
        ctx, _code, _ = build_demo(Path(tmp) / "demo.db", seed=SEED, today=date.today(), passphrase="grab-pages-123")
        ctx.user = User("quantri", "admin", "Quản trị hệ thống")
        try:
            for width, height in SIZES:
                window = window_at(ctx, (width, height))
                for key, _label in window.nav_items:
                    if only and key not in only:
                        continue
                    window.show_page(key)
                    save(window, out / f"pages-{key}-{width}x{height}.png")
                window.close()
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
