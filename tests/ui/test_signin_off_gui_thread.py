"""Signing in, the first administrator, the idle lock, changing one's password, signing out and
switching user check and write on the worker (issue 23 step 1), never on the GUI thread: the
real worker thread runs each check (about 50 ms of scrypt) while the dialog stays open with
what was typed and its OK button disabled, so a second Enter does nothing."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app import audit, users
from tests.trust.test_session_menu import _actions as _window_actions
from tests.trust.test_session_menu import _signed_in_window, windows_closed_at_the_end  # noqa: F401 - and its autouse clean-up
from tests.ui.helpers import when_modal
from ui import login as login_ui
from ui import session
from ui.disposal import dispose
from ui.idle_lock import IdleLock
from ui.login import FirstAdminDialog, LoginDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

PASSWORD = "mat-khau-dai"
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


def _type(qtbot, widget, text: str, enter: bool = True) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def _actions(ctx, name: str) -> list[str]:
    return [e.action for e in audit.entries(ctx, user=name)]


def _shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_login_checks_on_the_worker_and_one_enter_is_one_attempt(office, qtbot, store_off_gui_thread) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    dialog = _shown(qtbot, LoginDialog(office))
    with store_off_gui_thread(office):
        _type(qtbot, dialog.name, "lan")
        _type(qtbot, dialog.password, "sai-mat-khau")
        assert not dialog.ok.isEnabled() and dialog.isVisible() and dialog.name.text() == "lan"
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)     # a second Enter while the check runs
        dialog.ok.click()                                       # and a click: nothing
        qtbot.waitUntil(lambda: dialog.message.text() == WRONG)
    assert dialog.ok.isEnabled() and dialog.password.text() == "" and dialog.user is None
    assert _actions(office, "lan").count("login_failed") == 1
    with store_off_gui_thread(office):
        _type(qtbot, dialog.password, PASSWORD)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.user.name == "lan" and _actions(office, "lan")[:1] == ["login"]


def test_lock_out_after_five_failures_is_said_in_the_dialog(office, qtbot, store_off_gui_thread) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    dialog = _shown(qtbot, LoginDialog(office))
    dialog.name.setText("lan")
    with store_off_gui_thread(office):
        for attempt in range(users.MAX_FAILED_LOGINS):
            _type(qtbot, dialog.password, f"sai-{attempt}")
            qtbot.waitUntil(dialog.ok.isEnabled)
        _type(qtbot, dialog.password, PASSWORD)
        qtbot.waitUntil(dialog.ok.isEnabled)
    assert "tài khoản tạm khóa" in dialog.message.text() and dialog.user is None and dialog.isVisible()


def test_first_run_asks_for_the_administrator_on_the_worker(office, qtbot, store_off_gui_thread) -> None:
    def create(dialog: FirstAdminDialog) -> None:
        _type(qtbot, dialog.name, "quantri")
        dialog.full_name.setText("Nguyễn Văn Quản")     # QTest types ASCII only
        _type(qtbot, dialog.password, "quantri-123")
        _type(qtbot, dialog.again, "quantri-123")
        assert not dialog.ok.isEnabled() and dialog.isVisible()

    when_modal(FirstAdminDialog, create)
    with store_off_gui_thread(office):
        user = login_ui.authenticate(office)        # whether anyone has an account is asked on the worker too
    assert user is not None and (user.name, user.role) == ("quantri", "admin")
    assert _actions(office, "quantri")[:2] == ["login", "create"]


def test_idle_lock_reads_records_and_checks_on_the_worker(office, qtbot, store_off_gui_thread) -> None:
    users.add_user(office, "lan", "head", PASSWORD)
    users.set_idle_lock(office, 5)
    ctx = users.signed_in(office, users.login(office, "lan", PASSWORD))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    with store_off_gui_thread(office):
        lock = IdleLock(ctx, window)                  # its minutes come from the settings, read on the worker
        qtbot.waitUntil(lambda: lock.watching)
        assert lock.timer.interval() == 5 * 60 * 1000
        lock.lock()
        qtbot.waitUntil(lambda: lock.dialog is not None and lock.dialog.isVisible())
        assert not window.isVisible()
        dialog = lock.dialog
        _type(qtbot, dialog.password, "sai-mat-khau")
        qtbot.waitUntil(lambda: dialog.message.text() == WRONG)
        assert lock.locked and not window.isVisible()
        _type(qtbot, dialog.password, PASSWORD)
        qtbot.waitUntil(lambda: not lock.locked)
    assert window.isVisible() and "lock" in _actions(office, "lan")
    lock.stop()


def test_a_lock_stopped_before_its_minutes_arrive_never_watches(office, qtbot) -> None:
    users.set_idle_lock(office, 5)
    window = QWidget()
    qtbot.addWidget(window)
    lock = IdleLock(office, window)
    lock.stop()                                       # the window closed before the settings came back
    lock.tasks.wait()
    qtbot.wait(50)
    assert not lock.watching and not lock.timer.isActive()


def test_change_password_on_the_worker(office, qtbot, store_off_gui_thread) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    window = _signed_in_window(office, qtbot, "lan")
    said: list[str] = []

    def change(dialog) -> None:
        _type(qtbot, dialog.old, "sai-mat-khau")
        _type(qtbot, dialog.new, "mat-khau-moi-1")
        _type(qtbot, dialog.again, "mat-khau-moi-1")
        assert not dialog.ok.isEnabled() and dialog.isVisible()
        qtbot.waitUntil(dialog.ok.isEnabled)
        said.append(dialog.message.text())
        dialog.old.clear()
        _type(qtbot, dialog.old, PASSWORD)

    when_modal(session.ChangePasswordDialog, change)
    with store_off_gui_thread(office):
        assert session.change_password(window)
    assert said == ["Mật khẩu hiện tại không đúng."]
    assert window.tasks.call(lambda: users.login(office, "lan", "mat-khau-moi-1")).name == "lan"


def test_sign_out_and_switch_user_write_on_the_worker(office, qtbot, store_off_gui_thread) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    users.add_user(office, "hung", "head", PASSWORD)
    window = _signed_in_window(office, qtbot, "lan")
    when_modal(LoginDialog, lambda d: (_type(qtbot, d.name, "hung"), _type(qtbot, d.password, PASSWORD)))
    with store_off_gui_thread(office):
        new = session.sign_out(window)
    assert new is not None and new.ctx.user.name == "hung"

    def sign_in(dialog) -> None:
        dialog.name.clear()
        _type(qtbot, dialog.name, "lan")
        _type(qtbot, dialog.password, PASSWORD)

    when_modal(LoginDialog, sign_in)
    with store_off_gui_thread(office):
        newer = session.switch_user(new)
    assert newer is not None and newer.ctx.user.name == "lan"
    assert _window_actions(newer, "lan")[:3] == ["login", "logout", "login"]
    assert _window_actions(newer, "hung")[:2] == ["switch", "login"]


def test_thoat_while_the_check_runs_drops_the_answer(office, qtbot) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    dialog = _shown(qtbot, LoginDialog(office))
    dialog.name.setText("lan")
    _type(qtbot, dialog.password, PASSWORD)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)        # Thoát while the password is checked
    assert dialog.tasks.settle()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.user is None and not dialog.isVisible()


def test_a_dialog_deleted_while_its_check_runs_drops_the_answer(office, qtbot) -> None:
    """Switching user: the dialog is closed and deleted (ui.disposal) while the window's worker,
    which outlives it, still checks; the answer then finds no dialog and is dropped quietly."""
    users.add_user(office, "lan", "staff", PASSWORD)
    tasks = TaskRunner()
    dialog = LoginDialog(office, tasks=tasks)
    dialog.show()
    dialog.name.setText("lan")
    dialog.password.setText(PASSWORD)
    dialog.submit()
    dialog.reject()
    dispose(dialog)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    assert tasks.settle()
    assert _actions(office, "lan")[:1] == ["login"]   # the check itself ran, and is in the audit log
