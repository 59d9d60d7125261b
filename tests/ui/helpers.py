"""Answer the next modal question the way a user would: click the button with that text."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication


def answer(text: str, tries: int = 200) -> None:
    """Once a modal dialog is open, click its button labelled `text` (poll every 10 ms)."""

    def click(left: int) -> None:
        box = QApplication.activeModalWidget()
        buttons = [b for b in box.findChildren(QAbstractButton) if b.text() == text] if box else []
        if buttons:
            buttons[0].click()
        elif left:
            QTimer.singleShot(10, lambda: click(left - 1))

    QTimer.singleShot(0, lambda: click(tries))


def close_next_modal(seen: list, title_prefix: str, tries: int = 300) -> None:
    """When a modal dialog whose title starts with `title_prefix` opens, note it in `seen`
    and close it as Hủy would (poll every 10 ms)."""

    def poll(left: int) -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box.windowTitle().startswith(title_prefix):
            seen.append(box)
            box.reject()
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))


def when_modal(kind: type, act, tries: int = 3000) -> None:
    """Once a modal dialog of class `kind` is shown, run `act(dialog)` on it (poll every 10 ms,
    up to 30 s: a dialog that loads its choices on the worker shows late on a loaded machine).
    The dialog is looked for among the visible windows, not as the active modal widget, which
    is another dialog whenever an earlier test left one open; a missed dialog waits forever.
    An `act` that raises closes the dialog before the error goes on (pytest-qt fails the test
    with it): left open, its exec() would never return and the whole run would hang."""

    def poll(left: int) -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, kind) and w.isVisible() and w.isModal()), None)
        if box is not None:
            try:
                act(box)
            except BaseException:
                if box.isVisible():
                    box.reject()
                raise
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))
