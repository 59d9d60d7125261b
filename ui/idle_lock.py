"""The idle lock: after `idle_lock_minutes` without input every window hides and the signed-in
user types the password again (app.users records the lock); cancelling quits the program.
Its minutes are read, the lock recorded and the password checked on the window's worker."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app import settings, users
from app.context import Ctx
from ui.disposal import dispose
from ui.login import LoginDialog
from ui.refusal import refusal
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                 QEvent.Type.TouchBegin}


class IdleLock(QObject):
    """Hides every window after `idle_lock_minutes` without keyboard or mouse input and asks
    the signed-in user for the password again; cancelling quits the program.

    It watches input through an application-wide event filter, installed only once `window`
    (the main window) exists and removed when that window closes: a filter in place while a
    QMainWindow is being constructed receives that half-built object's first events, and
    shiboken crashed wrapping it (issue 25: wrong then right password, exit 139). The window is
    its Qt parent, so the filter lives exactly as long as what it protects.

    Without `minutes` they come from the settings, read on the window's worker (or the lock's own
    runner for a window without one): watching starts when they arrive, unless stopped before."""

    def __init__(self, ctx: Ctx, window: QWidget, minutes: float | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.locked = False
        self.watching = False
        self.stopped = False
        self.dialog: LoginDialog | None = None
        self.tasks: TaskRunner = getattr(window, "tasks", None) or TaskRunner(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        closed = getattr(window, "closed", None)
        if closed is not None:
            closed.connect(self.stop)
        if minutes is None:
            self.tasks.query(lambda: float(settings.get(ctx, "idle_lock_minutes") or 0), self._watch)
        else:
            self._watch(minutes)

    def _watch(self, minutes: float) -> None:
        if self.stopped or minutes <= 0 or not shiboken6.isValid(self):   # the window went first
            return
        self.timer.setInterval(int(minutes * 60 * 1000))
        QApplication.instance().installEventFilter(self)
        self.watching = True
        self.timer.start()

    def stop(self) -> None:
        """Stop watching (the window closed, or the user signed out), now and when the minutes come."""
        self.stopped = True
        self.timer.stop()
        if self.watching:
            QApplication.instance().removeEventFilter(self)
            self.watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not self.locked and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        me = users.signed_in(self.ctx, self.ctx.user)
        self.tasks.op(lambda: users.logout(me, "lock"), tables={"audit_log"}, on_failed=self._not_recorded)
        hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.dialog]
        for window in hidden:
            window.hide()
        self.dialog = LoginDialog(self.ctx, locked_user=self.ctx.user, tasks=self.tasks)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(lambda result: self._unlocked(result, hidden))
        self.dialog.open()

    @staticmethod
    def _not_recorded(exc: BaseException) -> None:
        """The screen locks all the same (a bug is raised again, for the global hook)."""
        log.warning("could not record the lock: %s", refusal(exc).message)

    def _unlocked(self, result: int, hidden: list[QWidget]) -> None:
        dispose(self.dialog)   # called from the dialog's own `finished`: never freed here and now
        self.dialog = None
        if result != QDialog.DialogCode.Accepted:
            QApplication.quit()
            return
        self.locked = False
        for window in hidden:
            window.show()
        self.timer.start()
