"""A module's own copy of the demo office, opened on the real encrypted store (tests only)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def open_demo_copy(demo_template: Path, tmp_path_factory: pytest.TempPathFactory, name: str):
    """The demo template copied into a fresh folder `name` and opened (the caller closes it)."""
    from app.office import open_ctx
    from tests.conftest import PASSPHRASE

    path = tmp_path_factory.mktemp(name) / "demo.db"
    shutil.copy(demo_template, path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLXH_PASSPHRASE", PASSPHRASE)
        return open_ctx(path)
