"""The topic model built off the UI thread, so a clerk never waits for it.

Contract: `warmer(ctx, tasks)` returns the one `ModelWarmer` of a store; `model()` answers at
once with the model the UI may use now (None while there is none yet) and, when that model
is missing or stale, has it (re)built on the task runner's worker thread; `ready` is emitted
when a build ends. The main window warms it soon after opening and the entry form when it
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

    def model(self) -> topic_model.Model | None:
        found, current = topic_model.peek(self.ctx)
        if not current:
            self.build()
            if not self.building:              # a synchronous runner (tests, scripts) built it already
                found = topic_model.peek(self.ctx)[0]
        return found

    def build(self) -> None:
        """Have the worker make the model current unless it is doing so already. Whether the
        cached model is current is itself a read of the store (`get` answers at once when it
        is), so it is asked there too: on the UI thread it waited for whatever statement the
        worker was running, 110 ms of frozen window at 200,000 items."""
        if self.building:
            return
        self.building = True
        ctx = self.ctx
        self.tasks.run(lambda: topic_model.get(ctx), on_done=self._done, on_failed=self._failed)

    def _done(self, _model: topic_model.Model) -> None:
        self.building = False
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
    return found
