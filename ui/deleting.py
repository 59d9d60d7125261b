"""Removing rows entered by mistake in a list (issue 14 point 4), the same way everywhere:
the row's context menu, the Delete key or a button; a Vietnamese confirmation naming what
goes; a refusal says why (app/deletion.py decides); Ctrl+Z puts the last deleted row back.
The delete and the undo are ops on the page's task runner declaring the list's table, so the
pages showing it reload from the runner's `changed` signal; nobody refreshes by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QMenu, QPushButton, QWidget

from app import deletion
from app.context import Ctx
from ui.feedback import confirm, notify
from ui.tasks import TaskRunner

Selected = Callable[[], tuple[str, str] | None]  # (id, how the row is named) of the selected row


class ListDelete:
    """Wires delete and undo onto one list view of a page."""

    def __init__(self, ctx: Ctx, tasks: TaskRunner, view: QAbstractItemView, selected: Selected,
                 delete: Callable[[Ctx, str], deletion.Deleted], table: str, what: str) -> None:
        self.ctx, self.tasks, self.view, self.selected = ctx, tasks, view, selected
        self.delete, self.table, self.what = delete, table, what
        self.last: deletion.Deleted | None = None
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        for keys, slot in ((QKeySequence.StandardKey.Delete, self.ask), (QKeySequence.StandardKey.Undo, self.undo)):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def button(self, text: str | None = None) -> QPushButton:
        button = QPushButton(text or f"Xóa {self.what}…")
        button.setToolTip(f"Xóa {self.what} nhập nhầm (phím Delete; Ctrl+Z để hoàn tác)")
        button.clicked.connect(self.ask)
        return button

    def _menu(self, pos) -> None:  # noqa: ANN001 - Qt passes a QPoint
        menu = QMenu(self.view)
        menu.addAction(f"Xóa {self.what}…", self.ask)
        undo = menu.addAction("Hoàn tác lần xóa vừa rồi (Ctrl+Z)", self.undo)
        undo.setEnabled(self.last is not None)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def confirm(self, label: str) -> bool:
        """The Vietnamese confirmation (a test replaces it to answer without a person)."""
        return confirm(self.view, "Xác nhận xóa",
                       f"Xóa {self.what} «{label}»?\nChỉ xóa khi nhập nhầm; thao tác được ghi vào nhật ký "
                       "và sẽ xóa cả ở bản đã gửi lên cấp trên.", f"Xóa {self.what}", "Không xóa")

    def ask(self) -> None:
        chosen = self.selected()
        if chosen is None:
            notify(self.view, f"Hãy chọn {self.what} cần xóa trong danh sách.")
            return
        row_id, label = chosen
        if not self.confirm(label):
            return
        ctx, delete = self.ctx, self.delete
        self.tasks.op(lambda: delete(ctx, row_id), tables={self.table},
                      on_done=lambda gone: self._deleted(gone, label), parent=self.view)

    def _deleted(self, gone: deletion.Deleted, label: str) -> None:
        self.last = gone
        notify(self.view, f"Đã xóa {self.what} «{gone.label}». Ctrl+Z để hoàn tác.")

    def undo(self) -> None:
        if self.last is None:
            notify(self.view, "Không có lần xóa nào để hoàn tác.")
            return
        ctx, last = self.ctx, self.last
        self.tasks.op(lambda: deletion.undo(ctx, last), tables={last.table}, on_done=lambda _: self._restored(last),
                      parent=self.view)

    def _restored(self, last: deletion.Deleted) -> None:
        notify(self.view, f"Đã khôi phục {self.what} «{last.label}».")
        if self.last is last:
            self.last = None


def attach(parent: QWidget, **kwargs) -> ListDelete:
    """Keep the wiring alive as long as the page (Qt does not own plain Python objects)."""
    wiring = ListDelete(**kwargs)
    parent._list_delete = wiring  # type: ignore[attr-defined]
    return wiring
