"""Say what just happened: a status-bar line after every save, export and send, and one
confirmation question before actions that change things for others (submit, approve, send,
delete). Pages call these instead of building message boxes by hand."""

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


def confirm(parent: QWidget | None, title: str, question: str, yes_text: str) -> bool:
    """Ask before an action others will see; the safe answer (Không) is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton("Không", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
