"""Removing rows entered by mistake in a list (issue 14 point 4), the same way everywhere:
the row's context menu, the Delete key or a button; a Vietnamese confirmation naming what
goes; a refusal says why (app/deletion.py decides); Ctrl+Z puts the last deleted row back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QMenu, QPushButton, QWidget

from app import deletion
from app.context import Ctx
from ui.errors import show_error
from ui.feedback import confirm, notify

Selected = Callable[[], tuple[str, str] | None]  # (id, how the row is named) of the selected row


class ListDelete:
    """Wires delete and undo onto one list view of a page."""

    def __init__(self, ctx: Ctx, view: QAbstractItemView, selected: Selected,
                 delete: Callable[[Ctx, str], deletion.Deleted], after: Callable[[], None], what: str) -> None:
        self.ctx, self.view, self.selected, self.delete, self.after, self.what = ctx, view, selected, delete, after, what
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
        try:
            self.last = self.delete(self.ctx, row_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user, DlxhError or not
            show_error(self.view, exc)
            return
        notify(self.view, f"Đã xóa {self.what} «{label}». Ctrl+Z để hoàn tác.")
        self.after()

    def undo(self) -> None:
        if self.last is None:
            notify(self.view, "Không có lần xóa nào để hoàn tác.")
            return
        try:
            deletion.undo(self.ctx, self.last)
        except Exception as exc:  # noqa: BLE001
            show_error(self.view, exc)
            return
        notify(self.view, f"Đã khôi phục {self.what} «{self.last.label}».")
        self.last = None
        self.after()


def attach(parent: QWidget, **kwargs) -> ListDelete:
    """Keep the wiring alive as long as the page (Qt does not own plain Python objects)."""
    wiring = ListDelete(**kwargs)
    parent._list_delete = wiring  # type: ignore[attr-defined]
    return wiring
