"""A dialog whose buttons run one app/ action each and report the outcome in one line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel

from app.errors import DlxhError


class ActionDialog(QDialog):
    """Subclasses set `self.message` (a QLabel) and implement `refresh()`."""

    message: QLabel

    def refresh(self) -> None:
        """Reload what the dialog lists after an action."""

    def run_action(self, fn: Callable[[], str]) -> bool:
        """Run `fn`; its return value or the refusal's Vietnamese message goes to the message line."""
        try:
            self.message.setText(fn())
        except DlxhError as exc:
            self.message.setText(exc.message)
            return False
        self.refresh()
        return True
