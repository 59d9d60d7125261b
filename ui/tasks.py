"""Store work off the UI thread, with a progress dialog that appears only after 600 ms.

Follows Anki's operations/taskman: a function runs on a worker thread, its result (or
its exception) is posted back to the UI thread. Tests use `synchronous=True` so results
are deterministic (Picard's FakeThreadPool idea).

Pages use the two Anki-style operations on top of `run`: `query` (read on the worker, the
result to a callback on the UI thread) and `op` (a write, after which the runner emits one
`changed(tables)` signal that every page subscribes to instead of refreshing its neighbours
by hand). A failure goes to one default handler (show_error next to the `parent` page)
unless the caller gives its own; in the synchronous tests a bug raises where it happened. `call`
waits for one job in a local event loop, for the steps that must finish before the next (opening
the store at start-up). `in_job()` tells the store's trace callback in the tests whether a
statement runs inside a job: anything else on the UI thread is a freeze waiting to happen.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from app.errors import DB_ERRORS, Cancelled, DlxhError
from ui.errors import show_error

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
_job = threading.local()
# One job at a time in the whole program, whichever runner runs it: every window's runner works
# on the one store connection, and while a user is switched the old window's last page loads
# overlapped the new window's, interleaving sqlite-utils' savepoints ("no such savepoint").
_ONE_JOB_AT_A_TIME = threading.RLock()


def in_job() -> bool:
    """Whether this thread is running a TaskRunner job right now (the worker, or the UI thread
    inside a synchronous job in the tests)."""
    return getattr(_job, "depth", 0) > 0


def _call(fn: Callable[..., Any], *args: Any) -> Any:
    _job.depth = getattr(_job, "depth", 0) + 1
    try:
        return fn(*args)
    finally:
        _job.depth -= 1


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool,
                 stop: threading.Event | None = None) -> None:
        super().__init__()
        self.fn, self.signals, self.with_progress, self.stop = fn, signals, with_progress, stop

    def _progress(self, done: int, total: int) -> None:
        """The job's progress callback: reports, and is where a stop asked from the dialog
        takes effect (the job undoes what it began when Cancelled passes through it)."""
        if self.stop is not None and self.stop.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            with _ONE_JOB_AT_A_TIME:
                if self.with_progress:
                    result = _call(self.fn, self._progress)
                else:
                    result = _call(self.fn)
        except BaseException as exc:  # noqa: BLE001 - posted to the UI thread, shown there
            if isinstance(exc, DlxhError):   # a refusal or a question for the user, not a bug: no trace
                log.info("task refused: %s", exc.message)
            else:
                log.error("task failed: %s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables one at a time on a single worker thread; jobs of every runner in the
    program run one at a time too (_ONE_JOB_AT_A_TIME), so the store's work is serialised.

    One runner serves the whole window, so its `changed` signal is the one hub pages listen to."""

    changed = Signal(object)   # frozenset of the table names an op wrote

    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._alive: set[_Signals] = set()

    def run(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[BaseException], None] | None = None, label: str | None = None,
            parent: QWidget | None = None, with_progress: bool = False, cancellable: bool = False) -> None:
        """Run `fn` (called with a progress(done, total) callback when with_progress). With
        `cancellable` (and a label and with_progress) the progress dialog has a "Dừng" button:
        the next progress report raises Cancelled inside `fn`, which goes to `on_failed`."""
        if self.synchronous:
            try:
                result = _call(fn, lambda d, t: None) if with_progress else _call(fn)
            except BaseException as exc:  # noqa: BLE001
                if on_failed:
                    on_failed(exc)
                elif parent is not None and isinstance(exc, (DlxhError, *DB_ERRORS)):
                    show_error(parent, exc)   # the default, as in the app: a refusal in a message
                else:
                    raise  # in the tests: a bug (or a refusal with no page to show it) surfaces here
                return
            if on_done:
                on_done(result)
            return
        signals = _Signals()
        self._alive.add(signals)
        dialog: QProgressDialog | None = None
        stop = threading.Event() if cancellable and with_progress else None
        if label:
            dialog = QProgressDialog(label, "Dừng", 0, 0, parent)
            if stop is None:
                dialog.setCancelButton(None)
            else:
                dialog.canceled.connect(stop.set)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(600)
            dialog.setWindowTitle("Đang xử lý")
            dialog.setValue(0)
            signals.progress.connect(lambda d, t: (dialog.setMaximum(t), dialog.setValue(d)))

        def finish() -> None:
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            QTimer.singleShot(0, lambda: self._alive.discard(signals))

        signals.done.connect(lambda r: (finish(), on_done(r) if on_done else None))
        signals.failed.connect(lambda e: (finish(), (on_failed or (lambda exc: show_error(parent, exc)))(e)))
        self.pool.start(_Job(fn, signals, with_progress, stop))

    def query(self, fn: Callable[[], Any], on_done: Callable[[Any], None], *, parent: QWidget | None = None,
              label: str | None = None, on_failed: Callable[[BaseException], None] | None = None) -> None:
        """Read on the worker; `on_done(result)` fills the widgets on the UI thread."""
        self.run(fn, on_done=on_done, on_failed=on_failed, parent=parent, label=label)

    def op(self, fn: Callable[..., Any], *, tables: Iterable[str] | Callable[[Any], Iterable[str]],
           on_done: Callable[[Any], None] | None = None,
           parent: QWidget | None = None, label: str | None = None, with_progress: bool = False,
           cancellable: bool = False, on_failed: Callable[[BaseException], None] | None = None) -> None:
        """Write on the worker; after `on_done`, emit `changed(tables)` once, so every page
        showing those tables reloads itself. `tables` may be a function of the op's result when
        what was written depends on it (a package import writes the tables the package carried)."""
        declared = None if callable(tables) else frozenset(tables)

        def done(result: Any) -> None:
            if on_done:
                on_done(result)
            self.changed.emit(declared if declared is not None else frozenset(tables(result)))  # type: ignore[operator]

        self.run(fn, on_done=done, on_failed=on_failed, parent=parent, label=label, with_progress=with_progress,
                 cancellable=cancellable)

    def call(self, fn: Callable[[], Any], *, label: str | None = None, parent: QWidget | None = None) -> Any:
        """Run `fn` on the worker and return its result here (or raise its exception here), the
        window painting meanwhile in a local event loop, as a modal dialog's exec() does, with the
        delayed progress dialog when `label` is given. For the few steps the next one waits on
        and that have no page to call back: opening the store at start-up before any window
        exists, the audit of a sign-out before the user's window is replaced."""
        if self.synchronous:
            return _call(fn)
        outcome: dict[str, Any] = {}
        loop = QEventLoop()

        def settled(key: str, value: Any) -> None:
            outcome[key] = value
            loop.quit()

        self.run(fn, on_done=lambda r: settled("result", r), on_failed=lambda e: settled("error", e),
                 label=label, parent=parent)
        if not outcome:   # the result comes through a queued signal, so only once the loop runs
            loop.exec()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def settle(self, msecs: int = 30000) -> bool:
        """Wait until no job runs or is queued and every result has been delivered, including
        jobs those results started (a list whose selection then loads its detail). For
        screenshots and benchmarks; the app itself never waits."""
        deadline = time.monotonic() + msecs / 1000
        while time.monotonic() < deadline:
            self.pool.waitForDone(20)
            QCoreApplication.processEvents()
            if self.pool.activeThreadCount() == 0 and not self._alive:
                return True
        return False


def listen_while_open(dialog: QDialog, tasks: TaskRunner, slot: Callable[[frozenset[str]], None]) -> None:
    """Connect `slot` to the runner's `changed` until the dialog is closed (once, however often
    it closes): a dialog its parent keeps after closing reads nothing more."""
    listening = [True]

    def closed(_result: int) -> None:
        if listening[0]:
            listening[0] = False
            tasks.changed.disconnect(slot)

    tasks.changed.connect(slot)
    dialog.finished.connect(closed)
