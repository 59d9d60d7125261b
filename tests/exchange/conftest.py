"""Fixtures shared by the exchange tests: the province the lower offices report to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.context import Ctx
from tests.exchange.sync_helpers import new_province


@pytest.fixture
def province(tmp_path, passphrase_env) -> Iterator[Ctx]:
    """A new provincial office in tmp_path/province.db (passphrase mode), closed after the test."""
    ctx = new_province(tmp_path / "province.db")
    yield ctx
    ctx.close()
