"""The topic model built off the UI thread, so a clerk never waits for it.

Contract: `warmer(ctx, tasks)` returns the one `ModelWarmer` of a store; `model()` answers at
once, without reading the store, with the model the worker built last (None before the first
build) and has the worker make it current (a few cheap reads when it is, a rebuild when the
items or topics changed); `ready` is emitted when that ends, and the next `model()` has it. The main window warms it soon after opening and the entry form when it
first shows, so by the time a clerk has typed a sentence the suggestion is there.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.analytics import model as topic_model
from app.context import Ctx
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ModelWarmer(QObject):
    ready = Signal()

    def __init__(self, ctx: Ctx, tasks: TaskRunner) -> None:
        super().__init__(QApplication.instance())
        self.ctx, self.tasks = ctx, tasks
        self.building = False
        self.latest: topic_model.Model | None = None   # what the worker built last
        self.stale = True                              # a write was announced since the last check
        self._watched: set[int] = set()
        self.watch(tasks)

    def watch(self, tasks: TaskRunner) -> None:
        """Any write announced on `tasks` (an item saved, a topic closed, a synonym added) may
        change the model: the next `model()` has the worker check it."""
        if id(tasks) not in self._watched:
            self._watched.add(id(tasks))
            tasks.changed.connect(self._store_changed)

    def _store_changed(self, _tables: frozenset[str]) -> None:
        self.stale = True

    def model(self) -> topic_model.Model | None:
        """The model to use now. Whether it is still current is a read of the store, asked on the
        worker after a write: until that answers, the one built last serves (a suggestion is a
        help, shown with its reason, never chosen silently)."""
        if self.stale or self.latest is None:
            self.build()                           # a synchronous runner (tests, scripts) is done here
        return self.latest

    def build(self) -> None:
        """Have the worker make the model current unless it is doing so already. Whether the
        cached model is current is itself a read of the store (`get` answers at once when it
        is), so it is asked there too: on the UI thread it waited for whatever statement the
        worker was running, 110 ms of frozen window at 200,000 items."""
        if self.building:
            return
        self.building, self.stale = True, False
        ctx = self.ctx
        self.tasks.run(lambda: topic_model.get(ctx), on_done=self._done, on_failed=self._failed)

    def _done(self, model: topic_model.Model) -> None:
        self.building = False
        self.latest = model
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        # Suggestions are a help, never a gate: a failed build (the store closed under it) only
        # leaves the bar empty; the next keystroke pause tries again.
        self.building = False
        log.warning("topic model build failed: %s", exc)


_WARMERS: dict[int, ModelWarmer] = {}


def warmer(ctx: Ctx, tasks: TaskRunner | None = None) -> ModelWarmer:
    """One warmer per open store (keyed by its connection), on the given runner or, for a form
    opened without one, on a runner of its own."""
    key = id(ctx.db.conn)
    found = _WARMERS.get(key)
    if found is None or found.ctx is not ctx:
        found = ModelWarmer(ctx, tasks or TaskRunner(QApplication.instance()))
        _WARMERS.clear()
        _WARMERS[key] = found
    elif tasks is not None and not found.building:
        found.tasks = tasks
        found.watch(tasks)
    return found
