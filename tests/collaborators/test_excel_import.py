"""The Excel importer on messy workbooks built here with openpyxl, against a real encrypted store."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from app.collaborators import excel_import
from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.errors import ImportRefused


def _save(tmp_path, name, rows, merges=(), sheet_title="DS CTV", extra_sheets=()):
    book = openpyxl.Workbook()
    first = book.active
    for title in extra_sheets:
        book.create_sheet(title)
    ws = first
    ws.title = sheet_title
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    if extra_sheets:  # the list is on the last sheet, the first ones are empty or a cover page
        book.move_sheet(ws, offset=len(extra_sheets))
    path = tmp_path / name
    book.save(path)
    return path


def _count(ctx):
    return ctx.db.execute("SELECT count(*) FROM collaborators").fetchone()[0]


def messy_list(tmp_path):
    """Title merged over the header, header on row 4, mixed date types, several yes-marks,
    phone numbers typed as numbers, a bad row, an unknown area, a duplicate and a footer."""
    rows = [
        ["DANH SÁCH CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI HUYỆN PHONG ĐIỀN"],
        ["(Kèm theo Quyết định số 12-QĐ/HU ngày 05/3/2024 của Ban Thường vụ Huyện ủy)"],
        [],
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đảng viên", "Chức vụ, đơn vị công tác", "Địa bàn",
         "Giai tầng", "SĐT", "Email", "Zalo", "Số QĐ", "Ngày QĐ", "Ghi chú"],
        [1, "Nguyễn Văn An", datetime(1970, 5, 12), "Nam", "x", "Bí thư chi bộ thôn 1", "Xã Phong An",
         "Nông dân", 912345678, "an.nv@gmail.com", "x", "12-QĐ/HU", datetime(2024, 3, 5), None],
        [2, "TRẦN THỊ BÌNH", "12/05/1980", "Nữ", "✓", "Hội Phụ nữ xã", "phong hien", "Cán bộ, công chức",
         "0912.345.679", None, None, "12-QĐ/HU", "05/03/2024", "tổ trưởng"],
        [3, "Lê Văn Cường", 1965, "nam", "", "Hưu trí", "TT Phong Điền", "Cán bộ hưu trí", "+84 912 345 680",
         None, "0912345680", "12-QĐ/HU ngày 05/3/2024", None, None],
        [4, "Phạm Thị Dung", "1990", "Nữ", "Có", "Giáo viên", "Xã Phong Xuân", "Trí thức", None, None, None,
         None, None, None],
        [5, None, 1977, "Nam", None, None, "Xã Phong Sơn", "Nông dân", None, None, None, None, None, None],
        [6, "Hồ Văn Em", "năm bảy lăm", "Nam", None, None, "Xã Phong Sơn", "Nông dân", "12345", None, None,
         None, "31/02/2024", None],
        [7, "Nguyễn Văn An", 1970, "Nam", "x", None, "xã phong an", "Nông dân", None, None, None, None, None, None],
        [8, "Võ Thị Gấm", 1985, "Nữ", None, None, "Xã Điền Hòa", "Tiểu thương", "0905 111 222", "gam@", None,
         None, None, None],
        [],
        ["", "Tổng cộng: 8 người"],
        [None, None, None, None, None, None, None, "Người lập biểu"],
    ]
    return _save(tmp_path, "danh sach ctv.xlsx", rows, merges=("A1:N1", "A2:N2"))


def test_messy_list_preview_reports_each_row(office, tmp_path):
    pv = excel_import.preview(office, messy_list(tmp_path))
    assert pv.header_row == 4
    by_row = {r.row: r for r in pv.rows}
    assert sorted(by_row) == [5, 6, 7, 8, 9, 10, 11, 12]
    an = by_row[5].collaborator
    assert (an.full_name, an.birth_year, an.gender, an.party_member, an.area_code) == \
        ("Nguyễn Văn An", 1970, "male", True, "H01PA")
    assert (an.phone, an.zalo, an.stratum, an.decision_date) == ("0912345678", "0912345678", "farmer", "2024-03-05")
    assert an.workplace == "Bí thư chi bộ thôn 1"
    binh = by_row[6].collaborator
    assert (binh.full_name, binh.birth_year, binh.area_code, binh.stratum) == ("Trần Thị Bình", 1980, "H01PH", "cadre")
    cuong = by_row[7].collaborator
    assert (cuong.area_code, cuong.phone, cuong.decision_no, cuong.decision_date, cuong.party_member) == \
        ("H01TT", "+84912345680", "12-QĐ/HU", "2024-03-05", False)
    # An area the catalogue lacks never rejects the row: the name waits for a decision.
    assert by_row[8].ok and by_row[8].collaborator.area_code is None and by_row[8].area_key == "Xã Phong Xuân"
    assert [(m.raw, m.how, m.choice, m.rows) for m in pv.pending_areas] == [("Xã Phong Xuân", "unknown", "ask", 1)]
    assert by_row[9].problems == ["Thiếu họ và tên."]
    assert any("Năm sinh" in p for p in by_row[10].problems) and any("Ngày" in p for p in by_row[10].problems)
    assert by_row[11].duplicate and "dòng 5" in by_row[11].duplicate
    gam = by_row[12]
    assert gam.ok and gam.collaborator.email is None and gam.collaborator.stratum == "business"
    assert "Thư điện tử (gốc): gam@" in gam.collaborator.notes and gam.warnings
    assert pv.summary() == ("Sẽ thêm 5 cộng tác viên; 2 dòng có lỗi; 1 dòng trùng (không thêm). "
                            "1 dòng chờ chọn địa bàn cho 1 tên chưa có trong danh mục.")
    assert _count(office) == 0  # a preview writes nothing


def test_apply_writes_good_rows_once_and_reimport_doubles_nothing(office, tmp_path):
    path = messy_list(tmp_path)
    pv = excel_import.preview(office, path)
    with pytest.raises(ImportRefused, match="--add-areas"):
        excel_import.apply(office, pv)
    assert _count(office) == 0
    pv.choose("Xã Phong Xuân", "add")
    result = excel_import.apply(office, pv)
    assert (result.created, result.duplicates, result.rejected, len(result.areas_added)) == (5, 1, 2, 1)
    assert office.db.execute("SELECT name FROM units WHERE code = ?", [result.areas_added[0]]).fetchone()[0] == \
        "Xã Phong Xuân"
    assert _count(office) == 5
    names = [c.full_name for c in list_collaborators(office, CollaboratorFilter(text="phong dien"))]
    assert names == ["Lê Văn Cường"]
    audit = office.db.execute("SELECT count(*) FROM audit_log WHERE action = 'create' AND table_name = 'collaborators'")
    assert audit.fetchone()[0] == 5
    again = excel_import.preview(office, path)
    assert len(again.good) == 0 and len(again.duplicates) == 6 and not again.pending_areas
    assert "Đã có trong danh sách" in again.duplicates[0].duplicate
    assert excel_import.apply(office, again).created == 0
    assert _count(office) == 5


def test_apply_is_all_or_nothing(office, tmp_path):
    pv = excel_import.preview(office, messy_list(tmp_path))
    pv.choose("Xã Phong Xuân", "none")
    pv.good[-1].collaborator.stratum = "martian"  # breaks a rule only when written, after three good rows
    with pytest.raises(ImportRefused) as info:
        excel_import.apply(office, pv)
    assert "Dòng 12" in info.value.message
    assert _count(office) == 0


def test_unaccented_headers_section_rows_and_numbering_row(office, tmp_path):
    rows = [
        ["TT", "Ho ten", "Nam sinh", "Dia ban", "Dien thoai", "Dang vien", "Nganh, doan the"],
        [1, 2, 3, 4, 5, 6, 7],
        ["I. XÃ PHONG SƠN"],
        [1, "Đặng Văn Hùng", 1960, None, "0234 3551 234", "đảng viên", "Hội Cựu chiến binh"],
        [2, "Mai Thị Lan", 1992, None, None, None, "Đoàn TN"],
        ["II. XÃ ĐIỀN HÒA"],
        [1, "Trương Văn Minh", 1971, None, None, "X", "Hội Nông dân"],
        [2, "Lý Thị Nga", 1988, "Phong An", None, None, "Khối chính quyền"],
    ]
    pv = excel_import.preview(office, _save(tmp_path, "khong dau.xlsx", rows))
    got = [(r.collaborator.full_name, r.collaborator.area_code, r.collaborator.party_member, r.collaborator.sector)
           for r in pv.rows]
    assert got == [("Đặng Văn Hùng", "H01PS", True, "veterans_union"), ("Mai Thị Lan", "H01PS", False, "youth_union"),
                   ("Trương Văn Minh", "H01DH", True, "farmers_union"), ("Lý Thị Nga", "H01PA", False, "government")]
    assert pv.rows[0].collaborator.phone == "02343551234"


def test_two_row_header_with_birth_year_split_by_gender(office, tmp_path):
    rows = [
        ["BAN TUYÊN GIÁO HUYỆN ỦY"], [], [],
        ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Tôn giáo", "Địa bàn phụ trách", "Ghi chú"],
        [None, None, "Nam", "Nữ", None, None, None, None],
        [1, "Hoàng Văn Phúc", 1968, None, "Kinh", "Không", "Xã Phong Hiền", None],
        [2, "Nguyễn Thị Quế", None, "03/04/1979", "Tà Ôi", None, "Trường THPT Phong Điền", "giáo viên"],
    ]
    pv = excel_import.preview(office, _save(tmp_path, "hai dong.xlsx", rows, merges=("A1:H1", "C4:D4")))
    assert pv.header_row == 4
    phuc, que = (r.collaborator for r in pv.rows)
    assert (phuc.birth_year, phuc.gender, phuc.ethnicity, phuc.area_code) == (1968, "male", "Kinh", "H01PH")
    assert (que.birth_year, que.gender, que.ethnicity, que.area_code, que.notes) == \
        (1979, "female", "Tà Ôi", "H01THPT", "giáo viên")


def test_missing_columns_are_listed_and_list_on_a_later_sheet_is_found(office, tmp_path):
    rows = [["Họ tên", "Địa bàn"], ["Phan Văn Sáu", "Phong An"], ["Phan Văn Bảy", "Điền Hòa"]]
    pv = excel_import.preview(office, _save(tmp_path, "it cot.xlsx", rows, extra_sheets=("Bìa",)))
    assert pv.sheet == "DS CTV" and len(pv.good) == 2
    assert "Số điện thoại" in pv.missing_columns and "Họ và tên" not in pv.missing_columns


@pytest.mark.parametrize("case, expected", [
    ("text", "không phải tệp Excel"),
    ("xls", ".xls"),
    ("broken_zip", "bị hỏng"),
    ("empty", "Bảng tính trống"),
    ("no_header", "Không tìm thấy dòng tiêu đề"),
    ("junk", "Không tìm thấy dòng tiêu đề"),
    ("junk_under_header", "Không có dòng nào nhập được"),
    ("header_only", "không có dòng dữ liệu"),
])
def test_bad_files_are_refused_with_one_message(office, tmp_path, case, expected):
    import random

    rng = random.Random(7)
    path = tmp_path / f"{case}.xlsx"
    if case == "text":
        path.write_text("Họ và tên,Năm sinh\nNguyễn Văn A,1970\n", encoding="utf-8")
    elif case == "xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    elif case == "broken_zip":
        path.write_bytes(b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000)))
    elif case == "empty":
        path = _save(tmp_path, "empty.xlsx", [])
    elif case == "no_header":
        path = _save(tmp_path, "nh.xlsx", [["Báo cáo tháng 10"], ["Nội dung", "Số lượng"], ["A", 1]])
    elif case == "junk":
        junk = [["".join(rng.choice("abcxyz 0123#") for _ in range(12)) for _ in range(6)] for _ in range(10_000)]
        path = _save(tmp_path, "junk.xlsx", junk)
    elif case == "junk_under_header":
        junk = [[rng.randrange(10**6), f"#{rng.random()}", "abc", "???"] for _ in range(10_000)]
        path = _save(tmp_path, "junk2.xlsx", [["STT", "Họ và tên", "Năm sinh", "Địa bàn"], *junk])
    elif case == "header_only":
        path = _save(tmp_path, "ho.xlsx", [["STT", "Họ và tên", "Năm sinh", "Địa bàn"]])
    with pytest.raises(ImportRefused) as info:
        excel_import.preview(office, path)
    assert expected in info.value.message
    assert "\n" not in info.value.message
    assert _count(office) == 0
