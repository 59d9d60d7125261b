"""Status change (active → paused → left, with date and reason) and replacement dialogs.
The people to choose from are a query and the change an op declaring what it writes, so the
list reloads from the runner's `changed` signal; a refusal stays in the open dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.collaborators import status
from app.collaborators.registry import Collaborator, CollaboratorFilter, list_collaborators
from app.errors import DlxhError
from ui.collab.common import error_label, ok_cancel
from ui.errors import refusal_in
from ui.tasks import TaskRunner

# replace() also closes the person's open replacement proposal
WRITES = frozenset({"collaborators", "replacement_proposals"})


class _Base(QDialog):
    def __init__(self, title: str, tasks: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = error_label()
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(ok_cancel(self, self.save, "Ghi nhận"))
        self.on = QLineEdit(date.today().strftime("%d/%m/%Y"))
        self.reason = QLineEdit()

    def save(self) -> None:
        self.tasks.op(self.change(), tables=WRITES, on_done=lambda _: self.accept(),
                      on_failed=refusal_in(self.error), parent=self)

    def change(self):
        """The write to run on the worker, with what was typed already taken from the widgets."""
        raise NotImplementedError


class StatusDialog(_Base):
    def __init__(self, ctx, tasks: TaskRunner, c: Collaborator, parent: QWidget | None = None) -> None:
        super().__init__(f"Đổi trạng thái – {c.full_name}", tasks, parent)
        self.ctx, self.c = ctx, c
        self.status = QComboBox()
        for code in status.ALLOWED[c.status]:
            self.status.addItem(catalog.COLLABORATOR_STATUSES[code], code)
        self.form.addRow("Hiện tại", QLabel(catalog.COLLABORATOR_STATUSES[c.status]))
        self.form.addRow("Chuyển sang", self.status)
        self.form.addRow("Ngày", self.on)
        self.form.addRow("Lý do", self.reason)

    def change(self):
        ctx, cid, to, on, reason = self.ctx, self.c.id, self.status.currentData(), self.on.text(), self.reason.text()
        return lambda: status.set_status(ctx, cid, to, on, reason)


class ReplaceDialog(_Base):
    """The leaving collaborator is replaced by an active one (added first with "Thêm" if new)."""

    def __init__(self, ctx, tasks: TaskRunner, c: Collaborator, parent: QWidget | None = None) -> None:
        super().__init__(f"Thay thế cộng tác viên – {c.full_name}", tasks, parent)
        self.ctx, self.c = ctx, c
        self.newcomer = QComboBox()
        tasks.query(lambda: list_collaborators(ctx, CollaboratorFilter(status="active")), self._fill, parent=self)
        self.form.addRow("Người thôi", QLabel(c.full_name))
        self.form.addRow("Người thay thế", self.newcomer)
        self.form.addRow("Ngày thôi", self.on)
        self.form.addRow("Lý do", self.reason)
        hint = QLabel("Người thay thế chưa có trong danh sách? Hãy thêm người đó trước (nút Thêm), rồi thay thế.")
        hint.setWordWrap(True)
        self.layout_.insertWidget(1, hint)

    def _fill(self, active: list[Collaborator]) -> None:
        """Those of the same area first."""
        people = [p for p in active if p.id != self.c.id]
        for p in sorted(people, key=lambda p: p.area_code != self.c.area_code):
            self.newcomer.addItem(f"{p.full_name} ({p.birth_year or '?'})", p.id)

    def change(self):
        ctx, cid, new, on, reason = self.ctx, self.c.id, self.newcomer.currentData(), self.on.text(), self.reason.text()

        def replace():
            if new is None:
                raise DlxhError("Chưa chọn người thay thế.")
            return status.replace(ctx, cid, new, on, reason)
        return replace
