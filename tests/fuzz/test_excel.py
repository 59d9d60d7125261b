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
from hypothesis import HealthCheck, example, given, settings
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

pytestmark = pytest.mark.slow  # 520 generated workbooks (derandomized) plus the known bad shapes


FUZZ = settings(deadline=None, database=None, derandomize=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])


def _one_case(office, path: Path, data: bytes, seen: dict) -> None:
    """One generated file: a clear refusal with nothing written, or an import of exactly the
    rows the preview promised (the dry run and the import must agree)."""
    seen["cases"] += 1
    path.write_bytes(data)
    before = office.db.execute("SELECT count(*) FROM collaborators").fetchone()[0]
    try:
        preview = excel_import.preview(office, path)
    except DlxhError as exc:
        seen["refused"] += 1
        assert_clear_refusal(exc)
        assert office.db.execute("SELECT count(*) FROM collaborators").fetchone()[0] == before
        return
    except Exception as exc:  # noqa: BLE001 - the point of the test
        assert_clear_refusal(exc)
    preview.add_unknown_areas()  # what --add-areas does: unknown names never reject their rows
    promised = len(preview.good)
    assert excel_import.apply(office, preview).created == promised
    assert office.db.execute("SELECT count(*) FROM collaborators").fetchone()[0] == before + promised
    seen["imported"] += promised > 0


def test_excel_import_never_crashes(office, tmp_path: Path) -> None:
    seen = {"cases": 0, "imported": 0, "refused": 0}

    @settings(FUZZ, max_examples=400)
    @given(files)
    @example(b"")
    @example(b"PK\x03\x04")  # a zip cut after its signature
    @example(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))  # an old .xls (OLE) header
    def case(data: bytes) -> None:
        _one_case(office, tmp_path / "ctv.xlsx", data, seen)

    case()
    assert seen["cases"] >= 400
    assert seen["refused"] and seen["imported"], seen


def _mutate(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    """Damage the sheet XML of a real workbook the ways real files are damaged: a lying
    dimension tag, a cut, a shared-string reference past the table, stray bytes, control characters."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        items = {name: zf.read(name) for name in zf.namelist()}
    sheet = items["xl/worksheets/sheet1.xml"]
    for kind, pos, junk in edits:
        at = pos % (len(sheet) + 1)
        if kind == "dimension":
            sheet = sheet.replace(b'<dimension ref="', b'<dimension ref="A1:' + (junk[:6] or b"B2") + b'" x="', 1)
        elif kind == "cut":
            sheet = sheet[:at]
        elif kind == "shared":
            sheet = sheet.replace(b't="inlineStr"><is><t>', b't="s"><v>' + str(pos % 50).encode() + b"</v><is><t>", 1)
        elif kind == "control":
            sheet = sheet.replace(b"<t>", b"<t>_x00" + b"%02X" % (pos % 32) + b"_", 1)
        else:
            sheet = sheet[:at] + junk + sheet[at:]
    items["xl/worksheets/sheet1.xml"] = sheet
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, member in items.items():
            zf.writestr(name, member)
    return buf.getvalue()


edits = st.lists(st.tuples(st.sampled_from(["dimension", "cut", "shared", "control", "insert"]),
                           st.integers(0, 10**6), st.binary(max_size=12)), min_size=1, max_size=3)
good_rows = st.lists(st.tuples(st.integers(1, 99), st.sampled_from(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]),
                               st.integers(1940, 2005), st.sampled_from(["Xã Phong An", "Phong Hiền", None]),
                               st.sampled_from(["0912345678", None, "abc"])).map(list), min_size=1, max_size=12)
good_sheets = st.tuples(st.just([["DANH SÁCH CỘNG TÁC VIÊN"]]),
                        st.just(["STT", "Họ và tên", "Năm sinh", "Địa bàn", "Số điện thoại"]), good_rows)
malformed = st.builds(_mutate, st.one_of(good_sheets, sheets).map(_workbook), edits)


# Names no generated sheet uses, so these people are new whatever ran before on the module's office.
MALFORMED_BUT_WHOLE = ([["DANH SÁCH CỘNG TÁC VIÊN"]], ["STT", "Họ và tên", "Năm sinh", "Địa bàn", "Số điện thoại"],
                       [[1, "Phan Thị Dừa", 1980, "Xã Phong An", "0912345678"], [2, "Võ Văn Mít", 1985, "Phong Hiền", None]])


def test_malformed_workbooks_refuse_or_import_whole(office, tmp_path: Path) -> None:
    """Every damaged workbook ends in a one-line refusal with nothing written, or an import of
    exactly the rows its preview promised (120 derandomized cases of every edit kind, and three
    explicit damaged-but-importable ones so the import branch is reached whatever ran before)."""
    seen = {"cases": 0, "imported": 0, "refused": 0}

    @settings(FUZZ, max_examples=120)
    @given(malformed)
    @example(_mutate(_workbook(MALFORMED_BUT_WHOLE), [("dimension", 0, b"B2")]))  # the dimension tag lies
    @example(_mutate(_workbook(MALFORMED_BUT_WHOLE), [("control", 7, b"")]))  # an escaped control character
    @example(_mutate(_workbook(MALFORMED_BUT_WHOLE), [("cut", 40, b"")]))  # the sheet XML cut short
    def case(data: bytes) -> None:
        _one_case(office, tmp_path / "hong.xlsx", data, seen)

    case()
    print("malformed workbooks:", seen)
    assert seen["cases"] >= 120 and seen["refused"] and seen["imported"], seen
