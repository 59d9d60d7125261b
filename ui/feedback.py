"""Say what just happened: a status-bar line after every save, export and send, and one
confirmation question before actions that change things for others or cannot be undone
(submit, approve, sign, send, delete, restore). Pages call these instead of building message
boxes by hand: a QMessageBox left to itself makes its accept button the default, so Enter
would sign or delete; `confirm` makes the safe answer the default and the Esc answer."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

SHOW_MS = 10_000


def notify(widget: QWidget | None, text: str) -> None:
    """Show `text` in the main window's status bar (if the widget lives in one)."""
    window = widget.window() if widget is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, SHOW_MS)
    elif widget is not None:
        parent = widget.parentWidget()
        if parent is not None and parent is not widget:
            notify(parent, text)


def confirm(parent: QWidget | None, title: str, question: str, yes_text: str, no_text: str = "Không",
            icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> bool:
    """Ask before an action others will see or that cannot be undone. `yes_text` names the
    action ("Ký số", "Xóa"); the safe answer (`no_text`) is the default for Enter and Esc."""
    box = QMessageBox(icon, title, question, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
