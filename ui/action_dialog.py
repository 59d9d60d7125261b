"""A dialog whose buttons run one app/ action each and report the outcome in one line.

The action runs on the window's worker (ui/tasks.py) when the dialog is given one, with the
progress dialog that appears after 600 ms, so a backup or a restore never freezes the window;
without one (the tests) it runs in place, synchronously.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.errors import DlxhError
from ui.errors import show_error
from ui.tasks import TaskRunner


class ActionDialog(QDialog):
    """Subclasses set `self.message` (a QLabel) and implement `refresh()`."""

    message: QLabel

    def __init__(self, parent: QWidget | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks or TaskRunner(self, synchronous=True)

    def refresh(self) -> None:
        """Reload what the dialog lists after an action."""

    def run_action(self, fn: Callable[[], str], *, label: str | None = None,
                   then: Callable[[], None] | None = None) -> bool:
        """Run `fn` on the worker; its return value or the refusal's Vietnamese message goes to
        the message line, then the list is reloaded and `then` runs. Returns whether it
        succeeded (known only when the runner is synchronous; otherwise True: started)."""
        outcome: list[bool] = []

        def done(text: str) -> None:
            self.message.setText(text)
            self.refresh()
            outcome.append(True)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            outcome.append(False)
            if isinstance(exc, DlxhError):
                self.message.setText(exc.message)
            else:
                show_error(self, exc)

        self.tasks.run(fn, on_done=done, on_failed=failed, label=label, parent=self)
        return outcome[0] if outcome else True
