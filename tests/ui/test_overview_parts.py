"""Tổng quan shows its quick cards before the topic model's: on the real worker, while the
new-streams card waits for the model, every other card is already on screen; then it joins
them in its place, and a reload with nothing changed rebuilds no card."""

from __future__ import annotations

import pytest

from app import overview

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
STREAMS = "Luồng dư luận mới chưa thuộc vấn đề nào"


def _titles(page) -> list[str]:
    return [f.findChildren(type(page.action_status))[0].text() for f in page.card_widgets]


def test_the_quick_cards_show_while_the_topic_model_is_built(qtbot, demo_ctx) -> None:
    from ui.pages.overview import Page
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    page = Page(demo_ctx, tasks)
    qtbot.addWidget(page)
    with demo_ctx.lock:       # the streams wait for the store's lock, as for a model build under way
        page.refresh()
        qtbot.waitUntil(lambda: bool(page.card_widgets), timeout=20000)
        assert STREAMS not in _titles(page) and len(page.card_widgets) >= 4
    qtbot.waitUntil(lambda: STREAMS in _titles(page), timeout=20000)
    assert _titles(page) == [c.title for c in overview.build(demo_ctx)]
    shown = list(page.card_widgets)
    page.refresh()
    assert tasks.settle()
    assert page.card_widgets == shown          # nothing changed: the same widgets
