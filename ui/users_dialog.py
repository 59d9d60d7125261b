"""Người dùng: the administrator adds colleagues, changes roles, disables accounts and resets
passwords. Everything goes through app.users (which checks the 'users' permission and audits),
on the worker: the list is a query, each change an op on 'users' after which the open dialog
reloads its list from `changed`; what an action needs is read from the widgets first.

Two groups share the dialog, so no button is its default: Enter in the "Thêm người dùng"
fields adds that person, Enter in the new-password field resets the selected user's password,
and changing, disabling or resetting someone asks first, naming the person (issue 25: Enter in
the add form once demoted the selected head).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import users
from app.context import Ctx
from app.errors import DlxhError
from ui.action_dialog import ActionDialog
from ui.enter_keys import no_default_button, on_enter
from ui.errors import refusal_in
from ui.feedback import confirm
from ui.models import Column, RowsModel, local_time, sortable
from ui.tasks import TaskRunner
from ui.widgets import setup_table

USERS = frozenset({"users"})


class UsersDialog(ActionDialog):
    shows = USERS

    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.ctx = ctx
        self.setWindowTitle("Người dùng")
        self.resize(680, 520)
        layout = QVBoxLayout(self)
        self.model = RowsModel([
            Column("Tên đăng nhập", lambda a: a.name),
            Column("Họ và tên", lambda a: a.full_name),
            Column("Vai trò", lambda a: a.role_label),
            Column("Trạng thái", lambda a: "Đang dùng" if a.active else "Đã vô hiệu hóa"),
            Column("Đăng nhập gần nhất", lambda a: local_time(a.last_login_at) if a.last_login_at else "",
                   sort_key=lambda a: a.last_login_at or ""),
        ])
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.role = self._roles()
        row.addWidget(QLabel("Vai trò mới:"))
        row.addWidget(self.role)
        for text, fn in (("Đổi vai trò", self.change_role), ("Vô hiệu hóa / kích hoạt", self.toggle_active),
                         ("Đặt lại mật khẩu", self.reset_password)):
            button = QPushButton(text)
            button.clicked.connect(fn)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.reset = QLineEdit()
        self.reset.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset.setPlaceholderText("Mật khẩu mới cho người đã chọn (ít nhất 8 ký tự)")
        layout.addWidget(self.reset)
        box = QGroupBox("Thêm người dùng")
        form = QFormLayout(box)
        self.name, self.full_name = QLineEdit(), QLineEdit()
        self.new_role = self._roles()
        self.password, self.again = QLineEdit(), QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Tên đăng nhập:", self.name)
        form.addRow("Họ và tên:", self.full_name)
        form.addRow("Vai trò:", self.new_role)
        form.addRow("Mật khẩu:", self.password)
        form.addRow("Nhập lại mật khẩu:", self.again)
        add = QPushButton("Thêm người dùng")
        add.clicked.connect(self.add)
        form.addRow("", add)
        layout.addWidget(box)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        no_default_button(self)
        on_enter([self.name, self.full_name, self.new_role, self.password, self.again], self.add)
        on_enter(self.reset, self.reset_password)
        on_enter(self.role, self.change_role)
        self.refresh()

    @staticmethod
    def _roles() -> QComboBox:
        combo = QComboBox()
        for code, label in users.ROLES.items():
            combo.addItem(label, code)
        return combo

    def refresh(self) -> None:
        keep, ctx = self.selected() if self.model.rowCount() else None, self.ctx
        self.tasks.query(lambda: users.list_users(ctx), lambda rows: self._show(rows, keep), parent=self,
                         on_failed=refusal_in(self.message))

    def _show(self, rows: list[users.Account], keep: str | None) -> None:
        self.model.set_rows(rows)
        names = [a.name for a in self.model.rows]
        if keep in names:  # stay on the person just changed
            self.view.selectRow(self.view.model().mapFromSource(self.model.index(names.index(keep), 0)).row())
        self.view.setColumnWidth(0, 130)
        self.view.setColumnWidth(1, 170)

    def selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.view.model().mapToSource(rows[0]).row()).name

    def _run(self, fn: Callable[[], str], needs_selection: bool = True, ask: tuple[str, str] | None = None,
             then: Callable[[], None] | None = None) -> bool:
        """`ask`: (question, action) to confirm first; the safe answer is the default."""
        if needs_selection and self.selected() is None:
            self.message.setText("Hãy chọn một người dùng trong danh sách.")
            return False
        if ask is not None and not confirm(self, "Người dùng", ask[0], ask[1], "Không"):
            self.message.setText("Chưa thay đổi gì.")
            return False
        return self.run_action(fn, tables=USERS, then=then)

    def _who(self) -> users.Account | None:
        name = self.selected()
        return next((a for a in self.model.rows if a.name == name), None)

    def add(self) -> bool:
        ctx, name, role, full_name = self.ctx, self.name.text(), self.new_role.currentData(), self.full_name.text()
        password, again = self.password.text(), self.again.text()

        def add() -> str:
            if password != again:
                raise DlxhError("Hai lần nhập mật khẩu không khớp.")
            account = users.add_user(ctx, name, role, password, full_name)
            return f"Đã thêm người dùng {account.name} ({account.role_label})."

        def cleared() -> None:
            for edit in (self.name, self.full_name, self.password, self.again):
                edit.clear()

        return self._run(add, needs_selection=False, then=cleared)

    def change_role(self) -> bool:
        who, new = self._who(), self.role.currentText()
        if who is not None and who.role == self.role.currentData():
            self.message.setText(f"{who.name} đã là {who.role_label}; chọn vai trò mới trước.")
            return False
        ask = (f"Đổi vai trò của {who.name} ({who.full_name or 'chưa có họ tên'}) từ {who.role_label} thành {new}?",
               f"Đổi thành {new}") if who else None
        ctx, name, role = self.ctx, self.selected(), self.role.currentData()
        return self._run(lambda: "Đã đổi vai trò của {0.name} thành {0.role_label}.".format(
            users.set_role(ctx, name, role)), ask=ask)

    def toggle_active(self) -> bool:
        ctx, name = self.ctx, self.selected()

        def toggle() -> str:
            account = users.set_active(ctx, name, not users.get(ctx, name).active)
            return f"Tài khoản {account.name}: {'đang dùng' if account.active else 'đã vô hiệu hóa'}."

        who = self._who()
        ask = (f"Vô hiệu hóa tài khoản {who.name} ({who.full_name or 'chưa có họ tên'})? Người này sẽ không "
               "đăng nhập được nữa cho đến khi được kích hoạt lại.", "Vô hiệu hóa") if who and who.active else None
        return self._run(toggle, ask=ask)

    def reset_password(self) -> bool:
        ctx, name, password = self.ctx, self.selected(), self.reset.text()

        def reset() -> str:
            users.change_password(ctx, name, password)
            return "Đã đặt lại mật khẩu; hãy báo mật khẩu mới cho người dùng."

        try:
            users.check_password_rules(self.reset.text())
        except DlxhError as exc:  # said before asking, not after
            self.message.setText(exc.message)
            self.reset.setFocus()
            return False
        who = self._who()
        ask = (f"Đặt lại mật khẩu của {who.name} ({who.full_name or 'chưa có họ tên'})? Mật khẩu cũ sẽ không "
               "dùng được nữa.", "Đặt lại mật khẩu") if who else None
        return self._run(reset, ask=ask, then=self.reset.clear)
