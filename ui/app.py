"""GUI entry: open (or create) the office store, then show the main window.

Before the main window exists the session has its own TaskRunner: opening the store (key
derivation, migrations, the schema and integrity checks: seconds on a large office), the
restore offered for a damaged one and the sign-in run on its worker, behind the delayed
progress dialog, never on the GUI thread (issue 23)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from app import private_temp
from app.context import Ctx
from app.errors import NOT_THE_FILE, KeyUnavailableError, NoKeyring, StoreError
from app.office import get_office, open_ctx
from ui import palette
from ui.errors import LOG_PATH, install_excepthook
from ui.main_window import MainWindow
from ui.sort_style import SortArrowStyle
from ui.tasks import TaskRunner

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DLXH")
    app.setOrganizationName("DLXH")
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    install_qt_vietnamese(app)
    if not app.property("dlxh_sort_arrows"):
        app.setStyle(SortArrowStyle(app.style().name()))   # before the style sheet, which wraps it
        app.setProperty("dlxh_sort_arrows", True)
    apply_style(app)
    # The worker's jobs are Python too: while one computes, the GUI thread waits for the
    # interpreter's lock at every call into Python (a cell's text, a slot), 5 ms at a time by
    # default. 1 ms hands it back sooner, so a page drawn beside a long job freezes less.
    sys.setswitchinterval(0.001)
    return app


def apply_style(app: QApplication) -> None:
    """The one style sheet (resources/style.qss, its colours named in ui/palette.py): spacing,
    headings, table density, accent, and the looks widgets take by property or name."""
    path = I18N_DIR.parent / "style.qss"
    if path.exists():
        app.setStyleSheet(palette.fill(path.read_text(encoding="utf-8")))


def install_qt_vietnamese(app: QApplication) -> bool:
    """Qt ships no Vietnamese for its own dialogs (OK/Cancel, file dialog, Copy/Paste menus),
    so DLXH carries resources/i18n/qtbase_vi.qm (built by scripts/build_qt_translations.sh).
    Installed once per application; returns whether it is in place."""
    if app.property("dlxh_qt_vi"):
        return True
    translator = QTranslator(app)
    if not translator.load(str(I18N_DIR / "qtbase_vi.qm")):
        logging.getLogger(__name__).warning("missing %s", I18N_DIR / "qtbase_vi.qm")
        return False
    app.installTranslator(translator)
    app.setProperty("dlxh_qt_vi", True)
    return True


OPENING = "Đang mở và kiểm tra cơ sở dữ liệu…"
NO_KEYRING_PROMPT = ("Máy này không có kho khóa của hệ điều hành: hãy nhập mật khẩu cơ sở dữ liệu "
                     "(mật khẩu đã đặt khi khởi tạo đơn vị).")


def _prompt(exc: StoreError) -> str:
    """The store's message in a window's words: the CLI's hint for a machine without a keyring
    names the environment variable, which means nothing to a clerk at a password prompt."""
    return NO_KEYRING_PROMPT if isinstance(exc, NoKeyring) else exc.message


def open_on_worker(tasks: TaskRunner, path: Path, passphrase: str | None = None) -> Ctx:
    """app.office.open_ctx on the worker, the progress dialog showing if it takes a while; its
    refusals are raised here unchanged."""
    return tasks.call(lambda: open_ctx(path, passphrase=passphrase), label=OPENING)


def open_interactive(path: Path, tasks: TaskRunner | None = None) -> Ctx | None:
    """Open the store, asking for the passphrase when no keyring holds the key; a wrong one
    is said to be wrong (db.store.WRONG_PASSPHRASE) and asked for again."""
    tasks = tasks or TaskRunner()
    try:
        return open_on_worker(tasks, path)
    except KeyUnavailableError as exc:
        message = _prompt(exc)
        while True:
            text, ok = QInputDialog.getText(None, "Mật khẩu cơ sở dữ liệu",
                                            f"{message}\n\nMật khẩu:", QLineEdit.EchoMode.Password)
            if not ok:
                return None
            try:
                return open_on_worker(tasks, path, text)
            except NOT_THE_FILE:
                raise  # the drive, not the password: asking again would not help
            except StoreError as again:
                message = _prompt(again)


def login(ctx: Ctx, tasks: TaskRunner | None = None) -> bool:
    """Ask who is working (ui/login.py)."""
    from ui.login import authenticate

    user = authenticate(ctx, tasks)
    if user is None:
        return False
    ctx.user = user
    return True


def run(path: Path, *, screenshot: str | None = None, page: str = "overview",
        size: tuple[int, int] = (1366, 768)) -> int:
    """Open the store at `path` (or create it with the first-run wizard) and show the window;
    with `screenshot`, save a PNG of `page` at `size` instead (app/commands/gui.py parses the
    command line and hands over these plain values)."""
    logging.basicConfig(filename=str(LOG_PATH), level=logging.INFO, force=True,  # replaces the CLI's
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = make_app()
    install_excepthook()
    private_temp.clean_stale()
    app.aboutToQuit.connect(private_temp.remove)
    if screenshot:
        return _screenshot(path, Path(screenshot), page, size)
    tasks = TaskRunner(app)   # the session's worker until the main window has its own
    try:
        if not path.exists():
            from ui.wizard import run_first_run

            ctx = run_first_run(path, tasks)
        else:
            ctx = open_interactive(path, tasks)
    except StoreError as exc:
        if isinstance(exc, NOT_THE_FILE):  # a read-only or full drive, a lock: a backup would not help
            QMessageBox.critical(None, "Không mở được cơ sở dữ liệu", exc.message)
            return 1
        from ui.restore_offer import offer_restore  # names the latest backup and offers to restore it

        ctx = offer_restore(path, exc, tasks=tasks)
    if ctx is None or not login(ctx, tasks):
        return 1
    from ui.session import open_window  # the idle lock needs the window to exist (issue 25)

    window = open_window(ctx, tasks.call(lambda: get_office(ctx)))
    window.show_at_start()
    code = app.exec()
    from ui.session import live_window  # sign-out or a switch of user replaced the first window

    live_window(window).tasks.settle()   # a load or a write still on the worker finishes before the store closes
    ctx.close()
    return code


def _screenshot(path: Path, target: Path, page: str, size: tuple[int, int] = (1366, 768)) -> int:
    """The window at exactly `size` pixels (the grab is the window's own size, so the window
    is fixed to it: a larger minimum size would otherwise win)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tasks = TaskRunner()
    ctx = open_on_worker(tasks, path)
    window: MainWindow | None = None
    try:
        window = MainWindow(ctx, office=tasks.call(lambda: get_office(ctx)))
        window.setWindowState(Qt.WindowState.WindowNoState)  # a first start maximises on a small screen
        window.setFixedSize(*size)
        try:
            window.show_page(page)
        except KeyError:
            print(f"Không có trang '{page}'. Các trang: {', '.join(k for k, _ in window.nav_items)}.",
                  file=sys.stderr)
            return 2
        window.show()
        QApplication.processEvents()
        window.tasks.settle()
        QApplication.processEvents()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(target)):
            print(f"Không ghi được ảnh {target}.", file=sys.stderr)
            return 1
        print(target, flush=True)
        return 0
    finally:
        if window is not None:  # the pages' first reads run on the worker: let them end before the store closes
            window.tasks.settle()
        ctx.close()
