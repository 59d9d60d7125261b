"""Fixtures for the trust tests: a real encrypted office DB, built once and copied per test."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from app.context import Ctx, User
from app.office import init_office, open_ctx

PASSPHRASE = "matkhau-kiem-thu-8"


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DLXH_PASSPHRASE", PASSPHRASE)


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "office.db"
    ctx, _code = init_office(path, unit_code="H01", name="Huyện Phong Điền", role="district",
                             parent_code="T01", parent_name="Tỉnh Thừa Thiên Huế", passphrase=PASSPHRASE)
    ctx.close()
    return path


@pytest.fixture
def office(office_template: Path, tmp_path: Path):
    path = tmp_path / "dlxh.db"
    shutil.copyfile(office_template, path)
    ctx = open_ctx(path, PASSPHRASE)
    yield ctx
    try:
        ctx.close()
    except Exception:  # already closed by a restore
        pass


@pytest.fixture(scope="module")
def shared_office(office_template: Path, tmp_path_factory: pytest.TempPathFactory):
    """One copy for a whole module of tests that must not write (refusals, the role matrix):
    opening costs a key derivation, and these tests number in the hundreds."""
    path = tmp_path_factory.mktemp("shared") / "dlxh.db"
    shutil.copyfile(office_template, path)
    ctx = open_ctx(path, PASSPHRASE)
    yield ctx
    ctx.close()


def _as_role(ctx: Ctx, role: str, name: str | None = None) -> Ctx:
    return dataclasses.replace(ctx, user=User(name or f"nv_{role}", role))


@pytest.fixture
def as_role():
    """as_role(ctx, role): the same store acting as a signed-in user with that role."""
    return _as_role


@pytest.fixture(autouse=True)
def _no_session_left():
    """A test that opened a session window leaves no automatic backup timer on a closed store."""
    yield
    from ui import session_start

    session_start.end_session()
