"""Who is working, changed without quitting: sign out, switch user and change one's own
password from the Tệp menu (issue 25: to approve as the head the clerk had to restart).

Each step is audited by app.users (logout / switch, login, password), on the window's worker
like any other store work (issue 23): the dialogs check there while they wait, and the audit of
a sign-out is waited for (TaskRunner.call) before the window is replaced. A new user gets a new
main window, because pages and menus are built for the signed-in role; the old window's idle
lock stops watching before the new window is constructed (an application-wide filter during
a QMainWindow's construction crashed shiboken, see ui/idle_lock.IdleLock).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from app import users
from app.context import Ctx, User
from app.office import Office
from ui.disposal import dispose
from ui.feedback import notify
from ui.idle_lock import IdleLock
from ui.login import CredentialsForm, LoginDialog
from ui.session_start import start_session
from ui.tasks import TaskRunner

_WINDOW: list[QMainWindow] = []  # the main window of the current session (Qt does not keep it)


class ChangePasswordDialog(CredentialsForm):
    """The signed-in user's own password: the current one, then the new one twice."""

    def __init__(self, ctx: Ctx, parent: QWidget | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__("Đổi mật khẩu", f"Đổi mật khẩu của tài khoản {ctx.user.name}.", "Đổi mật khẩu", "Hủy",
                         parent, tasks)
        self.ctx = ctx
        self.old = self.line("Mật khẩu hiện tại:", secret=True, name="oldPassword")
        self.new = self.line(f"Mật khẩu mới (ít nhất {users.MIN_PASSWORD} ký tự):", secret=True, name="newPassword")
        self.again = self.line("Nhập lại mật khẩu mới:", secret=True, name="newAgain")

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText("Hai lần nhập mật khẩu mới không khớp.")
            self.again.clear()
            self.again.setFocus()
            return
        me, new, old = users.signed_in(self.ctx, self.ctx.user), self.new.text(), self.old.text()
        self.check(lambda: users.change_password(me, me.user.name, new, old_password=old), lambda _: self.accept(),
                   tables={"users", "audit_log"})


def add_menu(window: QMainWindow) -> None:
    """Đổi mật khẩu…, Đổi người dùng…, Đăng xuất: in the Tệp menu, just above Thoát."""
    file_menu = window.menuBar().actions()[0].menu()
    quit_action = file_menu.actions()[-1]
    for text, slot in (("Đổi &mật khẩu…", lambda: change_password(window)),
                       ("Đổi &người dùng…", lambda: switch_user(window)),
                       ("Đăng &xuất", lambda: sign_out(window))):
        action = QAction(text, window)
        action.triggered.connect(lambda _=False, s=slot: s())
        file_menu.insertAction(quit_action, action)
    file_menu.insertSeparator(quit_action)


def open_window(ctx: Ctx, office: Office | None = None) -> QMainWindow:
    """The main window for the signed-in `ctx.user`, with its idle lock and session menu;
    `office`: the office's row read on a worker (else the window reads it itself)."""
    from ui.main_window import MainWindow

    window = MainWindow(ctx, office=office)
    start_session(window, ctx)
    add_menu(window)
    _WINDOW[:] = [window]
    return window


def live_window(first: QMainWindow) -> QMainWindow:
    """The session's main window now. Signing out and switching user replace, and delete, the
    window opened at start: at quit, settling that one's worker raised "Internal C++ object
    already deleted" and the terminal said "Lỗi chương trình"."""
    return _WINDOW[0] if _WINDOW and shiboken6.isValid(_WINDOW[0]) else first


def change_password(window: QMainWindow) -> bool:
    dialog = ChangePasswordDialog(window.ctx, window, tasks=window.tasks)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    notify(window, "Đã đổi mật khẩu. Lần đăng nhập sau hãy dùng mật khẩu mới.")
    return True


def switch_user(window: QMainWindow) -> QMainWindow | None:
    """Someone else signs in over the open window; cancelling keeps the current user."""
    ctx: Ctx = window.ctx
    dialog = LoginDialog(ctx, parent=window, tasks=window.tasks)
    dialog.setWindowTitle("Đổi người dùng")
    dialog.cancel.setText("Hủy")   # it keeps the window and its user; "Thoát" read as quitting
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.user is not None
    finally:
        dispose(dialog)   # one dialog per switch, not one more child of the window each time
    if not accepted:
        return None
    if dialog.user.name == ctx.user.name:
        notify(window, f"Vẫn là {ctx.user.name}.")
        return window
    _audit_end(window, "switch")
    return _replace(window, dialog.user)


def sign_out(window: QMainWindow) -> QMainWindow | None:
    """Close the session; the sign-in dialog opens, and Thoát there ends the program."""
    ctx: Ctx = window.ctx
    _audit_end(window, "logout")
    _stop_lock(window)
    window.hide()
    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # no window is visible while the dialog asks
    dialog = LoginDialog(ctx, tasks=window.tasks)   # the hidden window's worker, still alive
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.user is not None
    finally:
        app.setQuitOnLastWindowClosed(quits)
        dispose(dialog)
    if not accepted:
        window.close()
        app.quit()
        return None
    return _replace(window, dialog.user)


def _audit_end(window: QMainWindow, reason: str) -> None:
    """The end of the signed-in user's session in the audit log, written on the window's worker
    and waited for: the user is the one signed in now, whatever comes next."""
    me = users.signed_in(window.ctx, window.ctx.user)
    window.tasks.call(lambda: users.logout(me, reason))


def _stop_lock(window: QMainWindow) -> None:
    for lock in window.findChildren(IdleLock):
        lock.stop()


def _replace(old: QMainWindow, user: User) -> QMainWindow:
    """The new user's window in place of `old` (same size and place)."""
    ctx: Ctx = old.ctx
    _stop_lock(old)
    old.tasks.wait()
    ctx.user = user
    geometry = old.saveGeometry()
    window = open_window(ctx, old.office)
    window.restoreGeometry(geometry)
    window.show()
    app = QApplication.instance()
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        old.close()
    finally:
        app.setQuitOnLastWindowClosed(quits)
    dispose(old)
    notify(window, f"Đã đăng nhập: {user.full_name or user.name}.")
    return window
