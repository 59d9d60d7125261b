"""The worker's log tells refusals from bugs: a DlxhError (a refusal, the survey import's
question) is one info line, anything else an error with its traceback. A refusal logged as
"task failed" with a trace sent a reader of the log after a bug that was not there."""

from __future__ import annotations

import logging

from app.errors import ValidationError
from ui.tasks import TaskRunner


def _fail(exc: BaseException):
    def job():
        raise exc
    return job


def test_a_refusal_is_an_info_line_and_a_bug_an_error_with_its_trace(qtbot, caplog) -> None:
    tasks = TaskRunner()
    seen: list[BaseException] = []
    with caplog.at_level(logging.INFO, logger="ui.tasks"):
        tasks.run(_fail(ValidationError("Số phiếu đã có.")), on_failed=seen.append)
        tasks.run(_fail(RuntimeError("hỏng")), on_failed=seen.append)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    refused = [r for r in caplog.records if "Số phiếu đã có." in r.getMessage()]
    failed = [r for r in caplog.records if "RuntimeError: hỏng" in r.getMessage()]
    assert [r.levelno for r in refused] == [logging.INFO] and "Traceback" not in refused[0].getMessage()
    assert [r.levelno for r in failed] == [logging.ERROR] and "Traceback" in failed[0].getMessage()
