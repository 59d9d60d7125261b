"""A dialog whose buttons run one app/ action each and report the outcome in one line.

The action is an op on the window's worker (ui/tasks.py) declaring the tables it writes, with
the progress dialog that appears after 600 ms, so a backup or a restore never freezes the
window. Like a page, the open dialog reloads its list from the runner's `changed` signal when
a write touches what it `shows`; nobody calls its refresh by hand after an action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.errors import DlxhError
from ui.errors import show_error
from ui.tasks import TaskRunner, listen_while_open


class ActionDialog(QDialog):
    """Subclasses set `self.message` (a QLabel), `shows` and implement `refresh()`."""

    message: QLabel
    shows: frozenset[str] = frozenset()   # the tables the dialog lists

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        listen_while_open(self, tasks, self._on_changed)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if self.shows & tables:
            self.refresh()

    def refresh(self) -> None:
        """Read what the dialog lists (a query)."""

    def run_action(self, fn: Callable[..., str], *, tables: Iterable[str] | Callable[[Any], Iterable[str]],
                   label: str | None = None, then: Callable[[], None] | None = None,
                   cancellable: bool = False) -> bool:
        """Run `fn` (which takes what it needs as arguments already read from the widgets: it runs
        on the worker) as an op; its return value or the refusal's Vietnamese message goes to the
        message line, then `then` runs. With `cancellable`, `fn` takes a progress callback and the
        progress dialog can stop it (the message line then says it was stopped). Returns whether
        it succeeded (known only when the runner is synchronous; otherwise True: started)."""
        outcome: list[bool] = []

        def done(text: str) -> None:
            self.message.setText(text)
            outcome.append(True)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            outcome.append(False)
            if isinstance(exc, DlxhError):
                self.message.setText(exc.message)
            else:
                show_error(self, exc)

        self.tasks.op(fn, tables=tables, on_done=done, on_failed=failed, label=label, parent=self,
                      with_progress=cancellable, cancellable=cancellable)
        return outcome[0] if outcome else True
