"""Status change (active → paused → left, with date and reason) and replacement dialogs."""

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


class _Base(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
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
        try:
            self.apply()
        except DlxhError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def apply(self) -> None:
        raise NotImplementedError


class StatusDialog(_Base):
    def __init__(self, ctx, c: Collaborator, parent: QWidget | None = None) -> None:
        super().__init__(f"Đổi trạng thái – {c.full_name}", parent)
        self.ctx, self.c = ctx, c
        self.status = QComboBox()
        for code in status.ALLOWED[c.status]:
            self.status.addItem(catalog.COLLABORATOR_STATUSES[code], code)
        self.form.addRow("Hiện tại", QLabel(catalog.COLLABORATOR_STATUSES[c.status]))
        self.form.addRow("Chuyển sang", self.status)
        self.form.addRow("Ngày", self.on)
        self.form.addRow("Lý do", self.reason)

    def apply(self) -> None:
        status.set_status(self.ctx, self.c.id, self.status.currentData(), self.on.text(), self.reason.text())


class ReplaceDialog(_Base):
    """The leaving collaborator is replaced by an active one (added first with "Thêm" if new)."""

    def __init__(self, ctx, c: Collaborator, parent: QWidget | None = None) -> None:
        super().__init__(f"Thay thế cộng tác viên – {c.full_name}", parent)
        self.ctx, self.c = ctx, c
        self.newcomer = QComboBox()
        people = [p for p in list_collaborators(ctx, CollaboratorFilter(status="active")) if p.id != c.id]
        same_area = [p for p in people if p.area_code == c.area_code]
        for p in same_area + [p for p in people if p.area_code != c.area_code]:
            self.newcomer.addItem(f"{p.full_name} ({p.birth_year or '?'})", p.id)
        self.form.addRow("Người thôi", QLabel(c.full_name))
        self.form.addRow("Người thay thế", self.newcomer)
        self.form.addRow("Ngày thôi", self.on)
        self.form.addRow("Lý do", self.reason)
        hint = QLabel("Người thay thế chưa có trong danh sách? Hãy thêm người đó trước (nút Thêm), rồi thay thế.")
        hint.setWordWrap(True)
        self.layout_.insertWidget(1, hint)

    def apply(self) -> None:
        if self.newcomer.currentData() is None:
            raise DlxhError("Chưa chọn người thay thế.")
        status.replace(self.ctx, self.c.id, self.newcomer.currentData(), self.on.text(), self.reason.text())
