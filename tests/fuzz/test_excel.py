"""Collaborator Excel import: generated workbooks (real .xlsx files) and broken files.

Every outcome is either a preview (and, when some rows are good, an all-or-nothing import)
or an ImportRefused with a Vietnamese message; the store is never left half-written.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.collaborators import excel_import
from app.errors import DlxhError
from app.office import add_unit, init_office

from .strategies import assert_clear_refusal, mostly, text

COMMUNES = [("F01A", "Xã Phong An"), ("F01B", "Xã Phong Hiền"), ("F01C", "Thị trấn Phong Điền")]
HEADERS = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Đảng viên", "Chức vụ", "Đơn vị công tác",
           "Địa bàn", "Ngành, đoàn thể", "Giai tầng", "Số điện thoại", "Email", "Zalo", "Ngày tham gia",
           "Trạng thái", "Ghi chú", "HỌ TÊN", "Ho ten", "SĐT", "Ngày sinh"]
GOOD_VALUES = ["Nguyễn Văn An", "Trần Thị Bình", "Nam", "Nữ", "x", "Kinh", "Xã Phong An", "Thị trấn Phong Điền",
               "0912345678", "+84 912 345 678", "an@example.vn", "15/3/2020", "Đang hoạt động", "Nông dân",
               "Hội Nông dân", 1975, 1990]

cells = st.one_of(
    st.none(), text, st.sampled_from(GOOD_VALUES), st.integers(-10**9, 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)), st.booleans(),
)
header_rows = mostly(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=12, unique=True),
                     st.lists(st.one_of(st.none(), text), max_size=8), odds=4)
sheets = st.tuples(
    st.lists(st.lists(st.one_of(st.none(), text), max_size=3), max_size=3),  # title rows above the header
    header_rows,
    st.lists(st.lists(cells, max_size=14), max_size=25),
)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory):
    ctx, _ = init_office(tmp_path_factory.mktemp("fuzz") / "fuzz.db", unit_code="F01", name="Huyện Phong Điền",
                         role="district", passphrase="fuzz-passphrase-1")
    for code, name in COMMUNES:
        add_unit(ctx, code, name, "commune", "F01")
    yield ctx
    ctx.close()


def _workbook(sheet_rows: tuple) -> bytes:
    titles, header, body = sheet_rows
    book = openpyxl.Workbook()
    ws = book.active
    for row in [*titles, header, *body]:
        ws.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _broken(kind: str, payload: bytes) -> bytes:
    if kind == "bytes":
        return payload
    if kind == "pk":
        return b"PK\x03\x04" + payload
    if kind == "ole":
        return b"\xd0\xcf\x11\xe0" + payload
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", payload)
        zf.writestr("xl/workbook.xml", payload[::-1])
    return buf.getvalue()


files = st.one_of(
    sheets.map(_workbook), sheets.map(_workbook), sheets.map(_workbook),
    st.builds(_broken, st.sampled_from(["bytes", "pk", "ole", "zip"]), st.binary(max_size=2000)),
    st.binary(max_size=3000).map(lambda b: _workbook(([], HEADERS[:4], []))[: max(len(b), 1)]),
)

pytestmark = pytest.mark.slow  # ~10,000 generated cases in all; run by the default command too


def test_excel_import_never_crashes(office, tmp_path: Path) -> None:
    seen = {"cases": 0, "imported": 0, "refused": 0}
    path = tmp_path / "ctv.xlsx"

    @settings(max_examples=1200, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(files)
    def case(data: bytes) -> None:
        seen["cases"] += 1
        path.write_bytes(data)
        before = office.db.execute("SELECT count(*) FROM collaborators").fetchone()[0]
        try:
            preview, result = excel_import.import_file(office, path)
        except DlxhError as exc:
            seen["refused"] += 1
            assert_clear_refusal(exc)
            assert office.db.execute("SELECT count(*) FROM collaborators").fetchone()[0] == before
            return
        except Exception as exc:  # noqa: BLE001 - the point of the test
            assert_clear_refusal(exc)
        after = office.db.execute("SELECT count(*) FROM collaborators").fetchone()[0]
        assert result is not None and after == before + result.created
        seen["imported"] += result.created > 0

    case()
    assert seen["cases"] >= 1200
    assert seen["refused"] and seen["imported"], seen
