"""Login dialog, first-run administrator, idle lock and the audit viewer on real Qt widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from app import audit, users
from tests.ui.helpers import answer
from ui.idle_lock import IdleLock
from ui.login import FirstAdminDialog, LoginDialog
from ui.pages.audit import Page as AuditPage
from ui.tasks import TaskRunner


def test_first_run_creates_the_admin(office, qtbot) -> None:
    dialog = FirstAdminDialog(office)
    qtbot.addWidget(dialog)
    dialog.name.setText("quantri")
    dialog.full_name.setText("Nguyễn Văn Quản")
    dialog.password.setText("quantri-123")
    dialog.again.setText("quantri-124")
    dialog.submit()
    assert dialog.message.text() == "Hai lần nhập mật khẩu không khớp." and not users.has_users(office)
    dialog.again.setText("quantri-123")
    dialog.submit()                                  # checked on the dialog's own worker
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert (dialog.user.name, dialog.user.role) == ("quantri", "admin")
    assert [e.action for e in audit.entries(office, user="quantri")][:2] == ["login", "create"]


def test_login_dialog_refuses_then_accepts(office, qtbot) -> None:
    users.add_user(office, "lan", "staff", "mat-khau-dai")
    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("lan")
    dialog.password.setText("sai-mat-khau")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.ok.isEnabled)
    assert dialog.message.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert dialog.password.text() == "" and dialog.user is None
    dialog.password.setText("mat-khau-dai")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.user is not None)
    assert dialog.user.role == "staff"


def test_idle_lock_hides_windows_until_the_password(office, qtbot) -> None:
    users.add_user(office, "lan", "head", "mat-khau-dai")
    ctx = users.signed_in(office, users.login(office, "lan", "mat-khau-dai"))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(ctx, window, minutes=0.002)  # 120 ms
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert not window.isVisible()
    dialog = lock.dialog
    assert dialog is not None and dialog.name.text() == "lan" and dialog.name.isReadOnly()
    dialog.password.setText("sai-mat-khau")
    dialog.submit()
    qtbot.waitUntil(dialog.ok.isEnabled)
    assert lock.locked and not window.isVisible() and dialog.message.text()
    dialog.password.setText("mat-khau-dai")
    dialog.submit()
    qtbot.waitUntil(lambda: not lock.locked)
    assert window.isVisible()
    assert "lock" in [e.action for e in audit.entries(office, user="lan")]
    lock.stop()


def test_settings_zero_disables_the_lock(office, qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    lock = IdleLock(office, window, minutes=0)
    assert not lock.timer.isActive() and not lock.watching


def test_audit_page_filters_and_is_read_only(office, qtbot, as_role) -> None:
    users.add_user(office, "lan", "staff", "mat-khau-dai")
    users.login(office, "lan", "mat-khau-dai")
    page = AuditPage(as_role(office, "head", "truongban"), TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.refresh()
    everything = page.model.rowCount()
    assert everything >= 3 and page.view.editTriggers() == page.view.EditTrigger.NoEditTriggers
    page.user.setCurrentIndex(page.user.findData("lan"))
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert rows and all(r.entry.user == "lan" for r in rows)
    assert page.model.data(page.model.index(0, 2)) == "Đăng nhập"
    page.user.setCurrentIndex(0)
    page.table.setCurrentIndex(page.table.findData("users"))
    assert 0 < page.model.rowCount() < everything
    assert "mục" in page.count.text()


def test_audit_page_for_staff_says_no(office, qtbot, as_role) -> None:
    page = AuditPage(as_role(office, "staff"), TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.refresh()
    assert "không có quyền xem nhật ký" in page.count.text()
    assert not hasattr(page, "model")


def test_backup_dialog_backs_up_and_restores_in_place(office, qtbot, tmp_path) -> None:
    from app import records
    from ui.backup_dialog import BackupDialog

    dialog = BackupDialog(office, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "bk"))
    dialog.keep.setValue(4)
    assert dialog.save_settings() and "Đã lưu" in dialog.message.text()
    records.insert(office, "collaborators", {"full_name": "Trước sao lưu", "status": "active"})
    assert dialog.backup_now() and dialog.model.rowCount() == 1
    records.insert(office, "collaborators", {"full_name": "Sau sao lưu", "status": "active"})
    asked = []
    dialog.confirm = lambda parent, text: asked.append(text) or False  # the user says no
    assert not dialog.restore_selected()
    assert "Cộng tác viên: 1" in asked[0]
    assert office.db.execute("SELECT count(*) FROM collaborators").fetchone()[0] == 2
    dialog.confirm = lambda parent, text: True
    with qtbot.waitSignal(dialog.restored, timeout=5000):
        assert dialog.restore_selected()
    # the same Ctx the pages hold now reads the restored data
    assert [r[0] for r in office.db.execute("SELECT full_name FROM collaborators")] == ["Trước sao lưu"]


def test_users_dialog_manages_accounts(office, qtbot, as_role) -> None:
    from ui.users_dialog import UsersDialog

    users.create_first_admin(office, "quantri", "quantri-123")
    dialog = UsersDialog(as_role(office, "admin", "quantri"), TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.name.setText("lan")
    dialog.full_name.setText("Trần Thị Lan")
    dialog.password.setText("mat-khau-dai")
    dialog.again.setText("mat-khau-khac")
    assert not dialog.add() and dialog.message.text() == "Hai lần nhập mật khẩu không khớp."
    dialog.again.setText("mat-khau-dai")
    assert dialog.add() and dialog.model.rowCount() == 2
    assert not dialog.change_role() and "Hãy chọn" in dialog.message.text()
    names = [dialog.model.row_at(i).name for i in range(dialog.model.rowCount())]
    dialog.view.selectRow(dialog.view.model().mapFromSource(dialog.model.index(names.index("lan"), 0)).row())
    dialog.role.setCurrentIndex(dialog.role.findData("head"))
    answer("Không")
    assert not dialog.change_role() and users.get(office, "lan").role == "staff"
    answer("Đổi thành Lãnh đạo ban")
    assert dialog.change_role() and users.get(office, "lan").role == "head"
    dialog.reset.setText("dat-lai-123")
    answer("Đặt lại mật khẩu")
    assert dialog.reset_password()
    assert users.login(office, "lan", "dat-lai-123").role == "head"
    answer("Vô hiệu hóa")
    assert dialog.toggle_active() and not users.get(office, "lan").active


def test_backup_and_users_buttons_only_for_the_administrator(office, qtbot, as_role) -> None:
    pages = {role: AuditPage(as_role(office, role), TaskRunner(synchronous=True)) for role in ("head", "admin")}
    for page in pages.values():
        qtbot.addWidget(page)
    assert not hasattr(pages["head"], "backup_btn") and not hasattr(pages["head"], "users_btn")
    assert pages["admin"].backup_btn.text() == "Sao lưu và khôi phục…"
    assert pages["admin"].users_btn.text() == "Người dùng…"
