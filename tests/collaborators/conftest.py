"""A small real office (encrypted store, communes, an agency) for the collaborator tests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.office import add_unit, init_office  # noqa: E402
from tests.conftest import build_template, opened_copy  # noqa: E402

COMMUNES = [
    ("H01TT", "Thị trấn Phong Điền"),
    ("H01PA", "Xã Phong An"),
    ("H01PH", "Xã Phong Hiền"),
    ("H01PS", "Xã Phong Sơn"),
    ("H01DH", "Xã Điền Hòa"),
]


PASSPHRASE = "test-passphrase-1"


def _make(path):
    ctx, _ = init_office(path, unit_code="H01", name="Huyện Phong Điền", role="district",
                         parent_code="T46", parent_name="Tỉnh Thừa Thiên Huế", passphrase=PASSPHRASE)
    for code, name in COMMUNES:
        add_unit(ctx, code, name, "commune", "H01")
    add_unit(ctx, "H01THPT", "Trường THPT Phong Điền", "agency", "H01")
    return ctx


@pytest.fixture(scope="session")
def collaborators_office_template(tmp_path_factory):
    return build_template(tmp_path_factory, "collaborators-office", _make)


@pytest.fixture
def office(collaborators_office_template, tmp_path):
    """A copy of the office _make builds, made once per test process."""
    with opened_copy(collaborators_office_template, tmp_path / "office.db", PASSPHRASE) as ctx:
        yield ctx
