"""Fixtures of the analytics tests: the opinion entry dialog on the demo office (its worker
synchronous), as tests/analytics/entry_form.py opens it."""

from __future__ import annotations

import pytest

from tests.analytics.entry_form import open_entry
from ui.opinion.entry import EntryDialog
from ui.tasks import TaskRunner


@pytest.fixture
def entry_dialog(qtbot, demo_ctx) -> EntryDialog:
    return open_entry(qtbot, demo_ctx, TaskRunner(synchronous=True))
