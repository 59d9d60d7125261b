"""The automatic backups of a running program (app.backup decides whether one is due): once a
day, and once when the program closes, both on the window's worker."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import backup
from app.backup import health
from app.context import Ctx
from app.errors import DlxhError
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DAILY_CHECK_MS = 60 * 60 * 1000  # look once an hour whether today's backup is still missing


class AutoBackup(QObject):
    """A backup when the program closes and once a day while it runs (app.backup decides).

    Both run on the window's worker (`tasks`): the daily one so that the copy and its integrity
    check never freeze the window, the one at exit so that it takes its turn after the page loads
    still running there (in place it ran beside them on the one connection). The program waits
    for the exit copy to be whole before it quits."""

    def __init__(self, ctx: Ctx, parent: QObject | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_CHECK_MS)
        self.timer.timeout.connect(lambda: self.run("daily"))
        self.timer.start()
        QTimer.singleShot(5 * 60 * 1000, self, lambda: self.run("daily"))  # cancelled if this object goes
        QApplication.instance().aboutToQuit.connect(self.on_quit)  # a slot: gone with this object

    def on_quit(self) -> None:
        failure = self._at_exit()
        if failure:  # the program is closing: say it now, with what to do
            QMessageBox.warning(None, "Chưa sao lưu được", f"Chưa sao lưu được khi thoát: {failure}\n\n"
                                f"{health.WHAT_TO_DO}")

    def run(self, reason: str) -> str | None:
        """Back up now if due, on the worker when there is one (without, the failure's message)."""
        if self.tasks is not None:
            self.tasks.run(lambda: self._attempt(reason), on_failed=lambda exc: log.error(
                "automatic backup (%s) failed", reason, exc_info=exc))
            return None
        return self._attempt(reason)

    def _at_exit(self) -> str | None:
        """The backup at exit as a job of the worker, waited for: the event loop has ended, so
        the answer is taken from the job itself, not from a signal. Returns the failure's message."""
        if self.tasks is None:
            return self._attempt("exit")
        said: list[str | None] = []
        self.tasks.run(lambda: said.append(self._attempt("exit")))
        self.tasks.wait(-1)   # however long the copy takes: quitting before it is whole loses it
        return said[0] if said else None

    def _attempt(self, reason: str) -> str | None:
        """On whichever thread runs it (no Qt): a failure must not stop work, so it is logged and
        recorded for the overview's card (app.backup.health); returns its message."""
        try:
            made = backup.auto_backup(self.ctx, reason)
        except Exception as exc:  # noqa: BLE001 - never lose the user's session over a backup
            log.warning("automatic backup (%s) failed: %s", reason, getattr(exc, "message", exc), exc_info=True)
            try:
                return health.record_failure(self.ctx, reason, exc)
            except DlxhError:
                return getattr(exc, "message", "lỗi không lường trước (xem tệp nhật ký).")
        if made:
            log.info("automatic backup (%s): %s", reason, made)
        return None
