"""Long work off the UI thread, with a progress dialog that appears only after 600 ms.

Follows Anki's operations/taskman: a function runs on a worker thread, its result (or
its exception) is posted back to the UI thread. Tests use `synchronous=True` so results
are deterministic (Picard's FakeThreadPool idea).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self.fn, self.signals, self.with_progress = fn, signals, with_progress

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total: self.signals.progress.emit(done, total))
            else:
                result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - posted to the UI thread, shown there
            log.error("task failed: %s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables one at a time on a single worker thread (SQLite work is serialised)."""

    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._alive: set[_Signals] = set()

    def run(self, fn: Callable[..., Any], *, on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[BaseException], None] | None = None, label: str | None = None,
            parent: QWidget | None = None, with_progress: bool = False) -> None:
        """Run `fn` (called with a progress(done, total) callback when with_progress)."""
        if self.synchronous:
            try:
                result = fn(lambda d, t: None) if with_progress else fn()
            except BaseException as exc:  # noqa: BLE001
                if on_failed:
                    on_failed(exc)
                    return
                raise
            if on_done:
                on_done(result)
            return
        signals = _Signals()
        self._alive.add(signals)
        dialog: QProgressDialog | None = None
        if label:
            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setCancelButton(None)
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
        signals.failed.connect(lambda e: (finish(), (on_failed or _raise_later)(e)))
        self.pool.start(_Job(fn, signals, with_progress))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


def _raise_later(exc: BaseException) -> None:
    from ui.errors import show_error

    show_error(None, exc)
