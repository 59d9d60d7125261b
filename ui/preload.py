"""Page modules imported on the worker thread once the window is up, so that a page's first
opening pays neither their imports nor their warm-up.

Contract: `preload(tasks, modules, then)` queues one worker job per module name, in order; each
job imports that module (and what it imports: numpy with the opinion pages, the survey views)
and runs the module's `warm_up()` if it declares one (no Qt object, no store), nothing else;
the exchange's and the forms' crypto load when they are used. `then()` runs on the GUI thread
once every job has ended: the main window builds its pages there, since creating a widget off
the GUI thread is not allowed (importing a module that defines widget classes is: no page
module creates a Qt object at import time). A failed import is only logged — the page imports
it again when it opens and shows the error there. With a synchronous runner (tests, scripts)
nothing is queued, there is no idle worker to use, and `then` is not called.

The main window calls it 1.5 s after it opens, after the topic model's warm-up.

Why: importing a page's modules cost the GUI thread 10-136 ms the first time it opened
(exchange 74, surveys 100, opinions 136 with numpy), a frozen window on the clerk's first
click; one job per module keeps each job short, so a store read queued meanwhile waits for
one module's import at most.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable

from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def preload(tasks: TaskRunner, modules: Iterable[str], then: Callable[[], None] | None = None) -> None:
    """Queue the import of each module on `tasks`' worker, then `then` (see the module's contract)."""
    if tasks.synchronous:
        return
    for name in modules:
        tasks.run(lambda name=name: _import(name),
                  on_failed=lambda exc, name=name: log.warning("preloading %s failed: %s", name, exc))
    if then is not None:   # one worker: a job queued last ends after the imports
        tasks.run(lambda: None, on_done=lambda _: then())


def _import(name: str) -> None:
    """Import the module (it stays in sys.modules), then run its `warm_up()` if it has one:
    work of the page's first opening that needs no widget and no store (a font's character set)."""
    warm = getattr(importlib.import_module(name), "warm_up", None)
    if warm is not None:
        warm()
