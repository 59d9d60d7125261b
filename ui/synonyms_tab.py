"""Danh mục → "Từ đồng nghĩa": the office's own synonym groups for the text analytics (a small list
editor over app.analytics.synonyms), with the built-in groups shown read-only below. The list is
read and written on the worker (ui/tasks.py query/op), so building the Danh mục page reads nothing
on the GUI thread; the page reads it when shown and again after a write announced by `changed`."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.analytics import synonyms
from app.context import Ctx
from ui.feedback import notify
from ui.tasks import TaskRunner


class SynonymsTab(QWidget):
    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        box = QVBoxLayout(self)
        box.addWidget(QLabel("Nhóm từ đồng nghĩa của đơn vị (dùng khi gợi ý vấn đề, tìm ý kiến tương tự):"))
        self.mine = QListWidget()
        box.addWidget(self.mine, 1)
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setPlaceholderText("ví dụ: tiền điện = hóa đơn điện = giá điện")
        self.entry.returnPressed.connect(self.add)
        add, remove = QPushButton("Thêm"), QPushButton("Xóa nhóm đã chọn")
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        row.addWidget(self.entry, 1)
        row.addWidget(add)
        row.addWidget(remove)
        box.addLayout(row)
        box.addWidget(QLabel("Nhóm có sẵn:"))
        self.builtin = QListWidget()
        self.builtin.addItems(synonyms.builtin_lines())
        box.addWidget(self.builtin, 1)

    def refresh(self) -> None:
        self.tasks.query(lambda: synonyms.user_lines(self.ctx), self._show, parent=self)

    def _show(self, lines: list[str]) -> None:
        self.mine.clear()
        self.mine.addItems(lines)

    def add(self) -> None:
        line = self.entry.text()
        self.tasks.op(lambda: synonyms.add(self.ctx, line), tables={"settings"}, parent=self,
                      on_done=lambda _: self.entry.clear())

    def remove(self) -> None:
        item = self.mine.currentItem()
        if item is None:
            notify(self, "Hãy chọn một từ đồng nghĩa của đơn vị trong danh sách để bỏ.")
            return
        line = item.text()
        self.tasks.op(lambda: synonyms.remove(self.ctx, line), tables={"settings"}, parent=self)
