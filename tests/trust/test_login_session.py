"""The whole sign-in as the program runs it (ui/login.authenticate, then the main window),
driven with real key events: a wrong then the right password opens the main window, one
Enter is one attempt, and the idle lock watches input only while the window lives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import audit, backup, users
from tests.ui.helpers import when_modal
from ui import login as login_ui
from ui import session_start
from ui.idle_lock import IdleLock
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

PASSWORD = "mat-khau-dai"


def _type_and_enter(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def failed_logins(ctx, name: str) -> int:
    return sum(1 for e in audit.entries(ctx, user=name) if e.action == "login_failed")


def test_wrong_then_right_password_opens_the_main_window(office, qtbot) -> None:
    users.add_user(office, "lan", "head", PASSWORD)
    seen: list[str] = []

    def sign_in(dialog) -> None:
        _type_and_enter(qtbot, dialog.name, "lan")     # Enter on the name: on to the password
        _type_and_enter(qtbot, dialog.password, "sai-mat-khau")
        qtbot.waitUntil(dialog.ok.isEnabled)           # checked on the worker meanwhile
        seen.append(dialog.message.text())
        _type_and_enter(qtbot, dialog.password, PASSWORD)

    when_modal(login_ui.LoginDialog, sign_in)
    user = login_ui.authenticate(office)
    assert user is not None and user.name == "lan"
    assert seen == ["Tên đăng nhập hoặc mật khẩu không đúng."]
    assert failed_logins(office, "lan") == 1          # one Enter, one attempt in the audit log
    office.user = user
    window = MainWindow(office)
    qtbot.addWidget(window, before_close_func=lambda w: w.tasks.wait())  # its pages' queries end first
    session_start.start_session(window, office)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)      # input reaches the window through the lock's filter
    assert window.current_key() == "collaborators"
    lock = window.findChild(IdleLock)
    qtbot.waitUntil(lambda: lock.watching)            # its minutes were read on the worker
    assert lock.timer.isActive()
    window.close()
    assert not lock.watching and not lock.timer.isActive()


def test_one_enter_is_one_attempt(office, qtbot) -> None:
    users.add_user(office, "lan", "staff", PASSWORD)
    dialog = login_ui.LoginDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _type_and_enter(qtbot, dialog.name, "lan")
    _type_and_enter(qtbot, dialog.password, "sai-1")
    qtbot.waitUntil(dialog.ok.isEnabled)
    assert failed_logins(office, "lan") == 1
    _type_and_enter(qtbot, dialog.password, "sai-2")
    qtbot.waitUntil(dialog.ok.isEnabled)
    assert failed_logins(office, "lan") == 2


def test_enter_in_the_add_form_adds_the_user_and_changes_no_role(office, qtbot, as_role) -> None:
    from ui.users_dialog import UsersDialog

    users.create_first_admin(office, "quantri", "quantri-123")
    users.add_user(office, "truongban", "head", PASSWORD, "Lê Văn Trưởng")
    dialog = UsersDialog(as_role(office, "admin", "quantri"), TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = [dialog.model.row_at(i).name for i in range(dialog.model.rowCount())]
    dialog.view.selectRow(dialog.view.model().mapFromSource(dialog.model.index(names.index("truongban"), 0)).row())
    dialog.role.setCurrentIndex(dialog.role.findData("staff"))   # as left over from an earlier change
    for edit, text in ((dialog.name, "lan"), (dialog.full_name, "Tran Thi Lan"), (dialog.password, PASSWORD),
                       (dialog.again, PASSWORD)):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert users.get(office, "lan").role == "staff"              # added, with the add form's role
    assert users.get(office, "truongban").role == "head"         # the selected head untouched
    assert dialog.message.text() == "Đã thêm người dùng lan (Cán bộ)."
    assert [e.action for e in audit.entries(office, user="quantri") if e.action == "role"] == []
    asked = press_enter_in_next_modal(qtbot)
    qtbot.keyClick(dialog.role, Qt.Key.Key_Return)               # Enter on "Vai trò mới": asks, Enter = Không
    assert "từ Lãnh đạo ban thành Cán bộ" in asked[0]
    assert users.get(office, "truongban").role == "head" and dialog.message.text() == "Chưa thay đổi gì."


def press_enter_in_next_modal(qtbot, tries: int = 300) -> list[str]:
    """When the next modal question opens, note its text and press Enter on it (a real key)."""
    seen: list[str] = []

    def poll(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            qtbot.keyClick(box, Qt.Key.Key_Return)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))
    return seen


def test_enter_in_the_backup_folder_saves_the_settings(office, qtbot, tmp_path) -> None:
    from ui.backup_dialog import BackupDialog

    dialog = BackupDialog(office, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    opened: list[str] = []
    when_modal(QDialog, lambda box: (opened.append(box.windowTitle()), box.reject()), tries=50)
    dialog.folder.setFocus()
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "sao-luu"))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    qtbot.wait(600)                                               # time for a wrongly opened chooser to show
    assert opened == [] and dialog.message.text().startswith("Đã lưu")
    assert str(backup.folder_of(office)) == str(tmp_path / "sao-luu")
