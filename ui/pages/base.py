"""What every page shares: the app context, the task runner, a title, and refresh().

A page reloads itself when a write it shows is announced: the runner's `changed(tables)`
signal (ui/tasks.py `op`) reaches every page, and a visible page whose `tables` meet the
written ones (or any page with no `tables` declared) calls its own refresh(); a hidden page
is refreshed when it is shown. No page has to know which other pages to refresh."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.context import Ctx
from ui.tasks import TaskRunner


class PageBase(QWidget):
    title = ""
    tables: frozenset[str] = frozenset()   # what the page shows; empty: it reloads after any write
    # True: the page takes the window's already-read office row as `office=` (no read while built)
    needs_office = False

    def __init__(self, ctx: Ctx, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        self.layout_.addWidget(heading)
        tasks.changed.connect(self._on_changed)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if self.isVisible() and (not self.tables or self.tables & tables):
            self.refresh()

    def refresh(self) -> None:
        """Reload what the page shows from app/ (called when the page is shown)."""
