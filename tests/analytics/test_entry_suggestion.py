"""The entry form suggests a topic while the clerk types Nội dung; F4 accepts it (keyboard only),
nothing is chosen without the key, and the item saves under the accepted topic."""

import pytest
from PySide6.QtCore import Qt

from app.opinions import items
from tests.analytics.entry_form import open_entry, type_summary
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_suggestion_is_accepted_with_one_key_and_saved(qtbot, demo_ctx, entry_dialog):
    form = entry_dialog.form
    bar = form.suggestion
    # Typed without accents, as many clerks do: the folded synonyms still meet ("den bu").
    type_summary(qtbot, form, "Ba con chua dong y muc den bu dat khi mo rong duong")
    assert bar.isVisible() and "F4" in bar.text() and "Bồi thường" in bar.text()
    assert form.fields_["topic"].code() is None          # never chosen silently
    qtbot.keyClick(form.summary, Qt.Key.Key_F4)
    chosen = form.fields_["topic"].code()
    assert chosen == bar_topic(demo_ctx, "Bồi thường%")
    assert form.fields_["field"].code() == "economy"
    assert not bar.isVisible()                             # a topic chosen: the bar is quiet
    form.fields_["tendency"].set_code("concern")
    saved: list = []
    form.saved.connect(saved.append)
    form.save()
    assert saved and items.get(demo_ctx, saved[0].id).topic_id == chosen


def bar_topic(ctx, like):
    return ctx.db.execute("SELECT id FROM topics WHERE title LIKE ?", [like]).fetchone()[0]


def test_the_form_never_waits_for_the_model_build(qtbot, demo_ctx):
    """The model is built on the worker thread: while it is not ready, keystrokes and the event
    loop go on, the bar says it is preparing, and the suggestion appears once the build ends."""
    import threading

    from PySide6.QtCore import QTimer

    from app.analytics import model as topic_model

    topic_model.invalidate()
    runner = TaskRunner()
    gate = threading.Event()
    runner.run(lambda: gate.wait(30))            # the worker is busy: the build queues behind this
    dialog = open_entry(qtbot, demo_ctx, runner)
    form, bar = dialog.form, dialog.form.suggestion
    assert bar.warmer.building                   # asked for at first show
    type_summary(qtbot, form, "Ba con chua dong y muc den bu dat khi mo rong duong", wait=False)
    qtbot.waitUntil(lambda: bar.waiting)         # the typing pause passed and the bar returned at once
    assert form.summary.text().endswith("mo rong duong")
    assert bar.current is None and "Đang chuẩn bị gợi ý" in bar.text()
    assert topic_model.peek(demo_ctx)[0] is None  # nothing was built on the UI thread
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1])        # the event loop runs while the build waits
    qtbot.keyClicks(form.summary, " thanh")     # and so does typing
    assert form.summary.text().endswith("duong thanh")
    gate.set()
    qtbot.waitUntil(lambda: bar.current is not None, timeout=20000)
    assert "Bồi thường" in bar.text() and "F4" in bar.text() and not bar.warmer.building
    assert form.fields_["topic"].code() is None
    assert runner.wait()
