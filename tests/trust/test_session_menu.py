"""Sign out, switch user and change one's own password from the Tệp menu, on the real main
window with real key events; each step is in the audit log."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app import audit, users
from tests.ui.helpers import when_modal
from ui import session, session_start
from ui.idle_lock import IdleLock
from ui.login import LoginDialog

PASSWORD = "mat-khau-dai"


def _enter(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def _actions(window, name: str) -> list[str]:
    """The user's audit actions, newest first, read as a job of the window's worker like any store
    work in ui/: on the GUI thread the read could run beside the window's own jobs (its page
    loads, the preload 1.5 s after it opens) on the one connection ('no such savepoint')."""
    return window.tasks.call(lambda: [e.action for e in audit.entries(window.ctx, user=name)])


def _menu_action(window, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


@pytest.fixture(autouse=True)
def windows_closed_at_the_end(office):
    """Every session window still alive is closed after the test, its pages' work on the worker
    thread finished and the replaced windows deleted, before the store closes. It takes `office`
    so that it is torn down first: an autouse fixture is set up before the test's own fixtures
    and so torn down after them, and `office` closed the store under a page load still running
    on the worker (a segfault in sqlite3's execute, 1 run in 25)."""
    yield
    for window in list(session._WINDOW):
        if shiboken6.isValid(window):
            window.tasks.wait()
            window.close()
    session._WINDOW.clear()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _signed_in_window(office, qtbot, name: str):
    office.user = users.login(office, name, PASSWORD)
    window = session.open_window(office)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_switch_user_opens_the_heads_window_and_audits_both(office, qtbot) -> None:
    users.add_user(office, "lan", "staff", PASSWORD, "Trần Thị Lan")
    users.add_user(office, "hung", "head", PASSWORD, "Lê Văn Hùng")
    window = _signed_in_window(office, qtbot, "lan")
    old_lock = window.findChild(IdleLock)

    def sign_in(dialog) -> None:
        dialog.name.clear()
        _enter(qtbot, dialog.name, "hung")
        _enter(qtbot, dialog.password, PASSWORD)

    when_modal(LoginDialog, sign_in)
    _menu_action(window, "Đổi người dùng…").trigger()
    new = session._WINDOW[0]
    assert new is not window and new.isVisible() and not window.isVisible()
    assert new.ctx.user.name == "hung" and new.user_label.text() == "Người dùng: Lê Văn Hùng"
    qtbot.waitUntil(lambda: new.findChild(IdleLock).watching)   # its minutes are read on the worker
    assert not old_lock.watching
    assert session_start._SESSION[0].tasks is new.tasks            # the daily backup uses the live window's worker
    assert _actions(new, "lan")[:1] == ["switch"]
    assert _actions(new, "hung")[:1] == ["login"]


def test_switch_user_cancelled_keeps_the_window(office, qtbot) -> None:
    """The dialog's second button says it cancels: it read "Thoát" (quit), as at start-up,
    while it keeps the window and its user."""
    users.add_user(office, "lan", "staff", PASSWORD)
    window = _signed_in_window(office, qtbot, "lan")
    seen: list[str] = []

    def cancel(dialog) -> None:
        seen.append(dialog.cancel.text())
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)

    when_modal(LoginDialog, cancel)
    assert session.switch_user(window) is None
    assert seen == ["Hủy"]
    assert window.isVisible() and office.user.name == "lan"
    assert _actions(window, "lan")[:1] == ["login"]


def test_sign_out_then_sign_in_again(office, qtbot) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    users.add_user(office, "hung", "head", PASSWORD)
    window = _signed_in_window(office, qtbot, "lan")
    when_modal(LoginDialog, lambda d: (_enter(qtbot, d.name, "hung"), _enter(qtbot, d.password, PASSWORD)))
    new = session.sign_out(window)
    assert new is not None and new.ctx.user.name == "hung" and new.isVisible()
    assert _actions(new, "lan")[:1] == ["logout"]


def test_the_window_alive_at_quit_is_the_one_signed_in_last(office, qtbot) -> None:
    """At quit the app settles the live window's worker: after a sign-out the window opened at
    start is deleted, and settling it raised at quit ("Lỗi chương trình" in the terminal)."""
    users.add_user(office, "lan", "staff", PASSWORD)
    users.add_user(office, "hung", "head", PASSWORD)
    window = _signed_in_window(office, qtbot, "lan")
    when_modal(LoginDialog, lambda d: (_enter(qtbot, d.name, "hung"), _enter(qtbot, d.password, PASSWORD)))
    new = session.sign_out(window)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    assert session.live_window(window) is new
    session.live_window(window).tasks.settle()


def test_change_own_password(office, qtbot) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    window = _signed_in_window(office, qtbot, "lan")
    said: list[str] = []

    def change(dialog) -> None:
        _enter(qtbot, dialog.old, "sai-mat-khau")
        _enter(qtbot, dialog.new, "mat-khau-moi-1")
        _enter(qtbot, dialog.again, "mat-khau-moi-1")
        qtbot.waitUntil(dialog.ok.isEnabled)   # checked on the window's worker meanwhile
        said.append(dialog.message.text())
        dialog.old.clear()
        _enter(qtbot, dialog.old, PASSWORD)

    when_modal(session.ChangePasswordDialog, change)
    _menu_action(window, "Đổi mật khẩu…").trigger()
    assert said == ["Mật khẩu hiện tại không đúng."]
    assert window.tasks.call(lambda: users.login(office, "lan", "mat-khau-moi-1")).name == "lan"
    assert "password" in _actions(window, "lan")
    assert "Đã đổi mật khẩu" in window.statusBar().currentMessage()
