"""Sign-in at start: the name and password dialog (also the idle lock's), and on the first
run the dialog that creates the administrator. ui/app.py calls `authenticate(ctx, tasks)`; the
check itself is app.users.login, run on the worker (issue 23: only the worker touches the
store) while the dialog stays open with what was typed and its OK button waits."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import users
from app.context import Ctx, User
from ui import palette
from ui.disposal import dispose
from ui.enter_keys import on_enter
from ui.refusal import refusal
from ui.tasks import TaskRunner

CHECKING = "Đang kiểm tra…"


class CredentialsForm(QDialog):
    """A titled dialog with a form, a red message line and OK/Cancel. Keyboard: focus opens on
    the first empty field, Tab walks the fields then OK then Cancel (never Cancel by surprise),
    Enter moves to the next empty field and submits once all are filled.

    `check` runs the store work on `tasks` (the window's worker, or before any window exists the
    dialog's own runner): OK is disabled and says so until the answer comes, so a second Enter
    or click does nothing; a refusal is written in the red line and what was typed stays."""

    def __init__(self, title: str, intro: str, ok_text: str, cancel_text: str, parent: QWidget | None = None,
                 tasks: TaskRunner | None = None):
        super().__init__(parent)
        self.tasks = tasks or TaskRunner(self)
        self.checking = False
        self._given_up = False
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
        palette.set_tone(self.message, "error")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(CHECKING)   # wide enough for both texts: the buttons do not jump while checking
        self.ok.setMinimumWidth(self.ok.sizeHint().width())
        self.ok.setText(ok_text)
        self.ok_text = ok_text
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

    def check(self, fn: Callable[[], Any], on_done: Callable[[Any], None], *,
              on_refused: Callable[[], None] | None = None, tables: Iterable[str] | None = None) -> None:
        """Run `fn` on the worker (an op announcing `tables` when it writes what a page shows);
        `on_done(result)` then, or the refusal in the red line and `on_refused()`. A bug is raised
        again (the global hook shows it). Closed meanwhile (Thoát, Esc): the answer is dropped."""
        if self.checking:
            return
        self.checking, self._given_up = True, False
        self.ok.setEnabled(False)
        self.ok.setText(CHECKING)
        self.message.clear()

        def settled() -> bool:
            if not shiboken6.isValid(self):   # closed meanwhile and deleted (ui.disposal)
                return False
            self.checking = False
            self.ok.setEnabled(True)
            self.ok.setText(self.ok_text)
            return not self._given_up

        def done(result: Any) -> None:
            if settled():
                on_done(result)

        def failed(exc: BaseException) -> None:
            if settled():
                self.message.setText(refusal(exc).message)
                if on_refused is not None:
                    on_refused()

        if tables is None:
            self.tasks.run(fn, on_done=done, on_failed=failed)
        else:
            self.tasks.op(fn, tables=tables, on_done=done, on_failed=failed)

    def reject(self) -> None:
        self._given_up = self.checking
        super().reject()


class LoginDialog(CredentialsForm):
    """Name and password; with `locked_user` the name is fixed (unlocking after idle time)."""

    def __init__(self, ctx: Ctx, locked_user: User | None = None, parent: QWidget | None = None,
                 tasks: TaskRunner | None = None) -> None:
        intro = ("Màn hình đã khóa do không thao tác. Nhập lại mật khẩu để tiếp tục." if locked_user
                 else "Đăng nhập để làm việc với dữ liệu dư luận xã hội.")
        super().__init__("Đăng nhập DLXH", intro, "Đăng nhập", "Thoát", parent, tasks)
        self.ctx = ctx
        self.user: User | None = None
        self.name = self.line("Tên đăng nhập:", name="loginName")
        self.password = self.line("Mật khẩu:", secret=True, name="loginPassword")
        if locked_user is not None:
            self.name.setText(locked_user.name)
            self.name.setReadOnly(True)
        self.locked_user = locked_user

    def submit(self) -> None:
        ctx, name, password = self.ctx, self.name.text(), self.password.text()
        self.check(lambda: users.login(ctx, name, password), self._signed_in, on_refused=self._try_again)

    def _try_again(self) -> None:
        self.password.clear()
        self.password.setFocus()

    def _signed_in(self, user: User) -> None:
        if self.locked_user is not None and user.name != self.locked_user.name:
            self.message.setText("Chỉ người đang làm việc mới mở khóa được màn hình.")
            return
        self.user = user
        self.accept()


class FirstAdminDialog(CredentialsForm):
    """First run: the first account is the administrator who then adds colleagues."""

    def __init__(self, ctx: Ctx, parent: QWidget | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__("Tạo tài khoản quản trị", "Lần đầu sử dụng: tạo tài khoản quản trị hệ thống. "
                         "Người quản trị sẽ thêm tài khoản cho cán bộ và lãnh đạo ban.",
                         "Tạo tài khoản", "Thoát", parent, tasks)
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
        ctx, name, password, full_name = self.ctx, self.name.text(), self.password.text(), self.full_name.text()

        def create() -> User:
            users.create_first_admin(ctx, name, password, full_name)
            return users.login(ctx, name, password)

        self.check(create, self._created)

    def _created(self, user: User) -> None:
        self.user = user
        self.accept()


def authenticate(ctx: Ctx, tasks: TaskRunner | None = None) -> User | None:
    """Ask who is working; on the first run create the administrator. None: the user quit.
    `tasks`: the session's runner at start-up (no window exists yet). Nothing is installed
    here: the session's watchers wait for the main window (ui.session_start.start_session)."""
    tasks = tasks or TaskRunner()
    dialog: LoginDialog | FirstAdminDialog = (LoginDialog(ctx, tasks=tasks) if tasks.call(lambda: users.has_users(ctx))
                                              else FirstAdminDialog(ctx, tasks=tasks))
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dispose(dialog)
    return dialog.user if accepted else None
