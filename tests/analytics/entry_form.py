"""The opinion entry form as a clerk meets it, for the topic-suggestion tests: the real dialog
shown and exposed, and typing into Nội dung with real key events until the
suggestion bar has its answer."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.opinion.entry import EntryDialog, EntryForm
from ui.tasks import TaskRunner


def open_entry(qtbot, ctx, tasks: TaskRunner) -> EntryDialog:
    """The entry dialog shown, active and exposed (keys reach it)."""
    dialog = EntryDialog(ctx, tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def type_summary(qtbot, form: EntryForm, text: str, wait: bool = True) -> None:
    """Type `text` into Nội dung key by key; with `wait`, until the suggestion bar has an answer (10 s)."""
    form.summary.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.summary)
    qtbot.keyClicks(form.summary, text)
    if wait:
        qtbot.waitUntil(lambda: form.suggestion.current is not None, timeout=10000)
