"""Sign-in at start (the first run creates the administrator), the idle lock, and the
automatic backups that run for whoever is signed in.

ui/app.py calls `authenticate(ctx)`; everything here goes through app.users and app.backup.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import backup, settings, users
from app.backup import health
from app.context import Ctx, User
from app.errors import DlxhError, StoreError
from app.office import open_ctx
from ui.enter_keys import on_enter
from ui.feedback import confirm
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                 QEvent.Type.TouchBegin}
DAILY_CHECK_MS = 60 * 60 * 1000  # look once an hour whether today's backup is still missing


class _Form(QDialog):
    """A titled dialog with a form, a red message line and OK/Cancel. Keyboard: focus opens on
    the first empty field, Tab walks the fields then OK then Cancel (never Cancel by surprise),
    Enter moves to the next empty field and submits once all are filled."""

    def __init__(self, title: str, intro: str, ok_text: str, cancel_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b style='font-size:14pt'>DLXH</b><br>{intro}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setText(cancel_text)
        self.edits: list[QLineEdit] = []
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def line(self, label: str, secret: bool = False, name: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        on_enter(edit, self._enter)  # consumed: the OK button does not submit a second time
        self.edits.append(edit)
        chain = [*self.edits, self.ok, self.cancel]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        return edit

    def _first_empty(self) -> QLineEdit | None:
        return next((e for e in self.edits if not e.isReadOnly() and not e.text()), None)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        (self._first_empty() or self.edits[-1]).setFocus()

    def _enter(self) -> None:
        empty = self._first_empty()
        if empty is None:
            self.submit()
        else:
            empty.setFocus()

    def submit(self) -> None:  # overridden
        self.accept()


class LoginDialog(_Form):
    """Name and password; with `locked_user` the name is fixed (unlocking after idle time)."""

    def __init__(self, ctx: Ctx, locked_user: User | None = None, parent: QWidget | None = None) -> None:
        intro = ("Màn hình đã khóa do không thao tác. Nhập lại mật khẩu để tiếp tục." if locked_user
                 else "Đăng nhập để làm việc với dữ liệu dư luận xã hội.")
        super().__init__("Đăng nhập DLXH", intro, "Đăng nhập", "Thoát", parent)
        self.ctx = ctx
        self.user: User | None = None
        self.name = self.line("Tên đăng nhập:", name="loginName")
        self.password = self.line("Mật khẩu:", secret=True, name="loginPassword")
        if locked_user is not None:
            self.name.setText(locked_user.name)
            self.name.setReadOnly(True)
        self.locked_user = locked_user

    def submit(self) -> None:
        try:
            user = users.login(self.ctx, self.name.text(), self.password.text())
        except DlxhError as exc:
            self.message.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        if self.locked_user is not None and user.name != self.locked_user.name:
            self.message.setText("Chỉ người đang làm việc mới mở khóa được màn hình.")
            return
        self.user = user
        self.accept()


class FirstAdminDialog(_Form):
    """First run: the first account is the administrator who then adds colleagues."""

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__("Tạo tài khoản quản trị", "Lần đầu sử dụng: tạo tài khoản quản trị hệ thống. "
                         "Người quản trị sẽ thêm tài khoản cho cán bộ và lãnh đạo ban.",
                         "Tạo tài khoản", "Thoát", parent)
        self.ctx = ctx
        self.user: User | None = None
        self.name = self.line("Tên đăng nhập:", name="adminName")
        self.full_name = self.line("Họ và tên:", name="adminFullName")
        self.password = self.line("Mật khẩu (ít nhất 8 ký tự):", secret=True, name="adminPassword")
        self.again = self.line("Nhập lại mật khẩu:", secret=True, name="adminAgain")

    def submit(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText("Hai lần nhập mật khẩu không khớp.")
            return
        try:
            users.create_first_admin(self.ctx, self.name.text(), self.password.text(), self.full_name.text())
            self.user = users.login(self.ctx, self.name.text(), self.password.text())
        except DlxhError as exc:
            self.message.setText(exc.message)
            return
        self.accept()


class IdleLock(QObject):
    """Hides every window after `idle_lock_minutes` without keyboard or mouse input and asks
    the signed-in user for the password again; cancelling quits the program.

    It watches input through an application-wide event filter, installed only once `window`
    (the main window) exists and removed when that window closes: a filter in place while a
    QMainWindow is being constructed receives that half-built object's first events, and
    shiboken crashed wrapping it (issue 25: wrong then right password, exit 139). The window is
    its Qt parent, so the filter lives exactly as long as what it protects."""

    def __init__(self, ctx: Ctx, window: QWidget, minutes: float | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.locked = False
        self.watching = False
        self.dialog: LoginDialog | None = None
        minutes = float(settings.get(ctx, "idle_lock_minutes") or 0) if minutes is None else minutes
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        closed = getattr(window, "closed", None)
        if closed is not None:
            closed.connect(self.stop)
        if minutes > 0:
            self.timer.setInterval(int(minutes * 60 * 1000))
            QApplication.instance().installEventFilter(self)
            self.watching = True
            self.timer.start()

    def stop(self) -> None:
        """Stop watching (the window closed, or the user signed out)."""
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
        try:
            users.logout(self.ctx, "lock")
        except DlxhError:
            log.exception("could not record the lock")
        hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.dialog]
        for window in hidden:
            window.hide()
        self.dialog = LoginDialog(self.ctx, locked_user=self.ctx.user)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.finished.connect(lambda result: self._unlocked(result, hidden))
        self.dialog.open()

    def _unlocked(self, result: int, hidden: list[QWidget]) -> None:
        self.dialog = None
        if result != QDialog.DialogCode.Accepted:
            QApplication.quit()
            return
        self.locked = False
        for window in hidden:
            window.show()
        self.timer.start()


class AutoBackup(QObject):
    """A backup when the program closes and once a day while it runs (app.backup decides).

    The daily one runs on the window's worker (`tasks`), so the copy and its integrity check
    never freeze the window; the one at exit runs in place, as the program is closing anyway
    and must not quit before the copy is whole."""

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
        failure = self.run("exit")
        if failure:  # the program is closing: say it now, with what to do
            QMessageBox.warning(None, "Chưa sao lưu được", f"Chưa sao lưu được khi thoát: {failure}\n\n"
                                f"{health.WHAT_TO_DO}")

    def run(self, reason: str) -> str | None:
        """Back up now if due: the daily one on the worker, the one at exit in place (returning
        the failure's message, if any)."""
        if self.tasks is not None and reason != "exit":
            self.tasks.run(lambda: self._attempt(reason), on_failed=lambda exc: log.error(
                "automatic backup (%s) failed", reason, exc_info=exc))
            return None
        return self._attempt(reason)

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


def restore_question(path: Path, error: StoreError) -> tuple[str, Path | None]:
    """The message for a database that will not open, and the backup to offer (if it opens
    with this office's key and passes its integrity check)."""
    explained = backup.explain(path, error).message
    newest = backup.latest(path)
    if newest is None:
        return explained, None
    try:
        shown = backup.preview(newest.path, db_path=path)
    except DlxhError as exc:  # wrong key, or the backup is damaged too: restoring would not help
        return f"{explained}\n\n{exc.message}", None
    details = "\n".join(shown.lines()[1:])
    return (f"{explained}\n\nKhôi phục từ bản sao lưu gần nhất?\n{details}\n\n"
            "Tệp hiện tại được giữ lại bên cạnh (đuôi .before-restore-…)."), newest.path


def offer_restore(path: Path, error: StoreError, parent: QWidget | None = None) -> Ctx | None:
    """At start-up, when the database is damaged: name the latest backup and offer to restore it."""
    text, source = restore_question(path, error)
    if source is None:
        QMessageBox.critical(parent, "Không mở được cơ sở dữ liệu", text)
        return None
    if not confirm(parent, "Không mở được cơ sở dữ liệu", text, "Khôi phục từ bản sao lưu", "Không khôi phục"):
        return None
    try:
        backup.restore(source, db_path=path)
        return open_ctx(path)
    except DlxhError as exc:
        QMessageBox.critical(parent, "Không khôi phục được", exc.message)
        return None


def authenticate(ctx: Ctx) -> User | None:
    """Ask who is working; on the first run create the administrator. None: the user quit.
    Nothing is installed here: the session's watchers wait for the main window (start_session)."""
    dialog: LoginDialog | FirstAdminDialog = LoginDialog(ctx) if users.has_users(ctx) else FirstAdminDialog(ctx)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
        return None
    return dialog.user


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
