"""A small real office (encrypted store, communes, an agency) for the collaborator tests."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app.office import add_unit, init_office  # noqa: E402

COMMUNES = [
    ("H01TT", "Thị trấn Phong Điền"),
    ("H01PA", "Xã Phong An"),
    ("H01PH", "Xã Phong Hiền"),
    ("H01PS", "Xã Phong Sơn"),
    ("H01DH", "Xã Điền Hòa"),
]


@pytest.fixture
def office(tmp_path):
    ctx, _ = init_office(tmp_path / "office.db", unit_code="H01", name="Huyện Phong Điền", role="district",
                         parent_code="T46", parent_name="Tỉnh Thừa Thiên Huế", passphrase="test-passphrase-1")
    for code, name in COMMUNES:
        add_unit(ctx, code, name, "commune", "H01")
    add_unit(ctx, "H01THPT", "Trường THPT Phong Điền", "agency", "H01")
    yield ctx
    ctx.close()
