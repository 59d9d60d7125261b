"""What a signed-in session starts once its main window exists, and stops at the end: the
window's idle lock and, once per program, the automatic backups."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from app.context import Ctx
from ui.auto_backup import AutoBackup
from ui.idle_lock import IdleLock


def end_session() -> None:
    """Stop the automatic backups (the store is about to close; tests end each office this way)."""
    for auto in _SESSION:
        auto.timer.stop()
        QApplication.instance().aboutToQuit.disconnect(auto.on_quit)
        auto.deleteLater()
    _SESSION.clear()


def start_session(window: QWidget, ctx: Ctx) -> IdleLock:
    """Once the main window exists: its idle lock (a child of the window) and, once per program,
    the automatic backups."""
    tasks = getattr(window, "tasks", None)
    if not _SESSION:
        _SESSION.append(AutoBackup(ctx, parent=QApplication.instance(), tasks=tasks))
    else:  # a new window after switching user: the old window and its worker are going away
        _SESSION[0].tasks = tasks
    return IdleLock(ctx, window)


_SESSION: list[AutoBackup] = []  # the automatic backups, alive until the program ends
