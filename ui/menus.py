"""The menu bar (Tệp, Sửa, Xem, Công cụ, Trợ giúp) with its shortcuts, acting on the page
on screen. Pages opt in by having the method the table below names; an action whose page
lacks it is greyed with a tooltip saying so, never silently dead. The menus see the window
only through `MenuHost`, so this module does not import ui.main_window (which builds them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QStackedWidget, QWidget

from app import auth
from app.context import Ctx
from ui import admin_tools
from ui.feedback import notify
from ui.help import AboutDialog, HelpDialog
from ui.icons import icon

# page key -> method that makes a new record there (Ctrl+N)
NEW: dict[str, str] = {"opinions": "enter", "meetings": "enter_items", "collaborators": "add",
                       "topics": "add_topic", "surveys": "_new_survey"}
# page key -> method that prints what the page shows (Ctrl+P)
PRINT: dict[str, str] = {"reports": "print_document", "meetings": "print_minutes",
                         "collaborators": "print_contacts", "surveys": "print_form"}


def _method(page: object, name: str | None) -> Callable[[], None] | None:
    fn = getattr(page, name, None) if name else None
    return fn if callable(fn) else None


class MenuHost(Protocol):
    """What the menus need of the main window (a QMainWindow, parent of their actions and
    dialogs): its office, its pages, their stack and navigation."""

    ctx: Ctx
    nav_items: list[tuple[str, str]]
    stack: QStackedWidget

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt API

    def close(self) -> bool: ...

    def show_page(self, key: str) -> QWidget: ...

    def current_key(self) -> str: ...


class Menus:
    def __init__(self, window: MenuHost) -> None:
        self.window = window
        bar = window.menuBar()
        ctx = window.ctx

        file_ = bar.addMenu("&Tệp")
        self.print_ = self._action(file_, "&In…", "Ctrl+P", self.print_page, "print")
        file_.addSeparator()
        if auth.can(ctx, "backup"):
            self._action(file_, "&Sao lưu và khôi phục…", None, lambda: admin_tools.open_backups(ctx, window, window.tasks), "save")
            file_.addSeparator()
        self._action(file_, "&Thoát", "Ctrl+Q", window.close, "quit")

        edit = bar.addMenu("&Sửa")
        self.new = self._action(edit, "&Thêm mới", "Ctrl+N", self.new_item, "add")
        self.find = self._action(edit, "&Tìm kiếm", "Ctrl+F", self.focus_search, "search")

        view = bar.addMenu("&Xem")
        for number, (key, label) in enumerate(window.nav_items, start=1):
            shortcut = f"Ctrl+{number}" if number <= 9 else None
            self._action(view, label, shortcut, lambda k=key: window.show_page(k), key)
        view.addSeparator()
        self._action(view, "&Làm mới", "F5", self.refresh, "refresh")

        tools = bar.addMenu("&Công cụ")
        if auth.can(ctx, "users"):
            self._action(tools, "&Người dùng…", None, lambda: admin_tools.open_users(ctx, window, window.tasks))
        self._action(tools, "&Danh mục", None, lambda: window.show_page("catalog"), "catalog")
        self._action(tools, "&Cài đặt", None, lambda: window.show_page("settings"), "settings")
        self._action(tools, "&Nhật ký hoạt động", None, lambda: window.show_page("audit"), "audit")

        help_ = bar.addMenu("T&rợ giúp")
        self._action(help_, "&Hướng dẫn sử dụng", "F1", self.show_help, "help")
        self._action(help_, "&Giới thiệu DLXH", None, lambda: AboutDialog(window).exec())

    def _action(self, menu, text: str, shortcut: str | None, slot: Callable[[], object],
                icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self.window) if icon_name else QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    # -- acting on the current page ---------------------------------------------------------
    def current(self) -> tuple[str, object]:
        return self.window.current_key(), self.window.stack.currentWidget()

    def page_changed(self, key: str) -> None:
        """Grey what this page cannot do, and say why in the tooltip and status tip."""
        page = self.window.stack.currentWidget()
        for action, table, what in ((self.new, NEW, "thêm mới"), (self.print_, PRINT, "in")):
            able = _method(page, table.get(key)) is not None
            action.setEnabled(able)
            tip = "" if able else f"Trang này không có gì để {what}."
            action.setToolTip(tip or action.text().replace("&", ""))
            action.setStatusTip(tip)
        self.find.setEnabled(getattr(page, "search", None) is not None)

    def new_item(self) -> None:
        key, page = self.current()
        fn = _method(page, NEW.get(key))
        if fn:
            fn()

    def print_page(self) -> None:
        key, page = self.current()
        fn = _method(page, PRINT.get(key))
        if fn:
            fn()
        else:
            notify(self.window, "Trang này không có gì để in.")

    def focus_search(self) -> None:
        box = getattr(self.current()[1], "search", None)
        if box is not None:
            box.setFocus()
            box.selectAll()

    def refresh(self) -> None:
        self.current()[1].refresh()
        notify(self.window, "Đã làm mới.")

    def show_help(self) -> None:
        HelpDialog(self.current()[0], self.window).exec()
