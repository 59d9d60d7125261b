"""An OS refusal reaches the user in Vietnamese: an OSError's strerror ("No space left on
device", "Permission denied") is English, so no message may quote it; db.errors.os_reason says
why by the errno, and a code scan keeps `strerror` out of every message in app/, ui/, db/."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from app.collaborators import excel_export
from app.errors import DlxhError, os_reason

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EEXIST, errno.ENAMETOOLONG,
                                  errno.EADDRINUSE, errno.EIO])
def test_common_refusals_are_said_in_vietnamese(code: int) -> None:
    said = os_reason(OSError(code, os.strerror(code)))
    assert said and os.strerror(code).lower() not in said.lower() and not re.search(r"[A-Za-z]{4,} [a-z]{3,}", said)


def test_an_unlisted_errno_is_named_by_its_number() -> None:
    assert os_reason(OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))) == f"lỗi hệ điều hành (mã {errno.ENOLCK})"


def test_no_message_quotes_an_os_error_text() -> None:
    found = [f"{path.relative_to(ROOT)}:{n}" for folder in ("app", "ui", "db") for path in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "strerror" in line and not line.lstrip().startswith("#")]
    assert found == []


def test_an_export_into_a_folder_that_is_a_file_says_why_in_vietnamese(tmp_path: Path, demo_ctx) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DlxhError) as refused:
        excel_export.export(demo_ctx, blocker / "ctv.xlsx")
    assert "Not a directory" not in refused.value.message and "không phải thư mục" in refused.value.message
