"""A long job on the real worker shows the delayed progress dialog; where the work can stop
(a backup's copy) the dialog has a "Dừng" button, and pressing it stops the job at its next
progress report with Cancelled, which the job undoes (issue 23: "a cancel where the work can
stop")."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from app import backup
from app.errors import Cancelled
from ui.backup_dialog import BackupDialog
from ui.tasks import TaskRunner


def _progress_dialog() -> QProgressDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()), None)


def test_the_stop_button_stops_a_job_at_its_next_progress_report(qtbot) -> None:
    tasks = TaskRunner()
    outcome: list[object] = []

    def long_job(progress) -> str:
        for step in range(1000):            # about 20 s unless stopped
            progress(step, 1000)
            time.sleep(0.02)
        return "xong"

    tasks.run(long_job, label="Đang sao lưu…", with_progress=True, cancellable=True,
              on_done=outcome.append, on_failed=outcome.append)
    qtbot.waitUntil(lambda: _progress_dialog() is not None, timeout=5000)   # shown after 600 ms
    dialog = _progress_dialog()
    stop = dialog.findChild(QPushButton)
    assert stop is not None and stop.text() == "Dừng"
    stop.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Cancelled) and "Đã dừng" in outcome[0].message
    assert tasks.wait(5000)


def test_a_job_that_cannot_stop_has_no_stop_button(qtbot) -> None:
    tasks = TaskRunner()
    done: list[object] = []
    tasks.run(lambda: time.sleep(1.2) or "xong", label="Đang kiểm tra…", on_done=done.append)
    qtbot.waitUntil(lambda: _progress_dialog() is not None, timeout=5000)
    assert _progress_dialog().findChild(QPushButton) is None
    qtbot.waitUntil(lambda: done == ["xong"], timeout=5000)


def test_the_backup_dialog_says_a_stopped_backup_wrote_nothing(demo_ctx, qtbot, tmp_path, monkeypatch) -> None:
    """The real dialog and worker: the backup's progress reports reach the dialog, Dừng stops
    the copy, the message line says so and the folder holds no backup."""
    backup.set_folder(demo_ctx, tmp_path / "bk")
    tasks = TaskRunner()
    dialog = BackupDialog(demo_ctx, tasks=tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: tasks.pool.activeThreadCount() == 0)
    original = backup.make_backup

    def slow_backup(ctx, folder=None, *, reason="manual", progress=None):
        def slower(done: int, total: int) -> None:
            time.sleep(0.3)                  # each 1 MiB step made slow enough to press Dừng
            progress(done, total)
        return original(ctx, folder, reason=reason, progress=slower)

    monkeypatch.setattr(backup, "make_backup", slow_backup)   # the real backup, its steps slowed
    dialog.backup_now()
    qtbot.waitUntil(lambda: _progress_dialog() is not None, timeout=10000)
    _progress_dialog().findChild(QPushButton).click()
    qtbot.waitUntil(lambda: "Đã dừng" in dialog.message.text(), timeout=15000)
    assert tasks.wait(15000)
    assert list((tmp_path / "bk").iterdir()) == []
