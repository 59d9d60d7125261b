"""What Enter does in a dialog: the main action of the form it is pressed in, exactly once.

Qt gives two paths for one key press: a QLineEdit emits `returnPressed` and then passes the
same event on to its dialog, which clicks its default button; and a QDialog with no explicit
default makes the first auto-default button in the focus chain its default when shown. So a
field connected to `returnPressed` submitted twice (the login audited three failures for one
wrong password), and Enter in one group of a dialog pressed a button of another (Người dùng:
Enter in "Thêm người dùng" changed the selected user's role). `on_enter` runs the field's own
action and consumes the key so no default button also fires; `no_default_button` removes the
implicit default, leaving a focused button to answer Enter itself (its auto-default does that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterFilter(QObject):
    """Enter (without Ctrl/Alt/Shift) in the watched widget runs `action` and goes no further."""

    def __init__(self, widget: QWidget, action: Callable[[], object]) -> None:
        super().__init__(widget)  # lives as long as the widget
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in ENTER_KEYS:
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.NoModifier:
                self.action()
                return True
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in ENTER_KEYS:
            event.accept()  # the key is ours, not a shortcut's
        return False


def on_enter(widgets: QWidget | Iterable[QWidget], action: Callable[[], object]) -> None:
    """Enter in any of `widgets` runs `action` once and nothing else."""
    for widget in [widgets] if isinstance(widgets, QWidget) else widgets:
        widget.installEventFilter(_EnterFilter(widget, action))


def no_default_button(dialog: QDialog) -> None:
    """No button of `dialog` answers Enter pressed elsewhere: each group's fields say what
    Enter does there (`on_enter`). A focused button still presses itself on Enter."""
    for button in dialog.findChildren(QPushButton):
        button.setDefault(False)
        button.setAutoDefault(False)
        on_enter(button, button.click)
