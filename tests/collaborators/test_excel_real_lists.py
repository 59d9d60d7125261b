"""Real office lists (sections, totals, signatures, repeated headers) and broken workbooks
(lying dimension tags, bad XML, missing shared strings, control characters, huge cells, zip
bombs): people are imported exactly, everything else is skipped and counted or refused in one line."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from app.collaborators import excel_import
from app.errors import ImportRefused

from .test_excel_import import _count, _save

HEAD = ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ", "Địa bàn", "Số điện thoại", "Ngày tham gia"]


def real_list(tmp_path: Path, extra: list | None = None) -> Path:
    rows = [
        ["BAN TUYÊN GIÁO HUYỆN ỦY PHONG ĐIỀN"],
        ["DANH SÁCH CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI NĂM 2025"],
        [],
        HEAD,
        [None, None, "Nam", "Nữ", None, None, None, None],
        ["I", "XÃ PHONG AN"],
        [1, "Nguyễn Văn An", 1970, None, "Bí thư chi bộ thôn 1", None, "0912345678", None],
        [2, "Trần Thị Bình", None, 1980, "Chi hội trưởng phụ nữ", None, None, None],
        [None, "Cộng: 2 người"],
        ["II", "XÃ PHONG HIỀN"],
        [],
        HEAD,
        [1, "Lê Văn Cường", 1965, None, "Hưu trí", None, None, None],
        *(extra or []),
        ["III. XÃ PHONG SƠN"],
        [1, "Phạm Thị Dung", None, 1990, "Giáo viên", None, None, None],
        [None, "Tổng cộng: 40 người"],
        [None, None, None, None, None, "Phong Điền, ngày 05 tháng 3 năm 2025"],
        [None, "NGƯỜI LẬP BIỂU", None, None, None, "T/M BAN THƯỜNG VỤ"],
        [None, None, None, None, None, "PHÓ BÍ THƯ"],
        [None, "(Ký, ghi rõ họ tên)"],
        [],
        [None, "Hồ Thị Lập", None, None, None, "Nguyễn Văn Ký"],
    ]
    return _save(tmp_path, "ds ctv that.xlsx", rows, merges=("A1:H1", "A2:H2", "C4:D4"))


def test_real_list_imports_exactly_its_people(office, tmp_path):
    pv = excel_import.preview(office, real_list(tmp_path))
    people = [(r.collaborator.full_name, r.collaborator.area_code, r.collaborator.birth_year) for r in pv.rows]
    assert people == [("Nguyễn Văn An", "H01PA", 1970), ("Trần Thị Bình", "H01PA", 1980),
                      ("Lê Văn Cường", "H01PH", 1965), ("Phạm Thị Dung", "H01PS", 1990)]
    assert pv.skipped_counts() == {"section": 3, "total": 2, "header": 1, "blank": 2, "signature": 5}
    assert pv.skipped_text() == ("Bỏ qua 2 dòng trống, 3 dòng tiêu đề mục, 2 dòng tổng cộng, 5 dòng ký tên, "
                                 "1 dòng tiêu đề lặp lại (không phải người).")
    assert pv.titles[0] == "BAN TUYÊN GIÁO HUYỆN ỦY PHONG ĐIỀN"
    result = excel_import.apply(office, pv)
    assert result.created == 4 and _count(office) == 4
    names = {r[0] for r in office.db.execute("SELECT full_name FROM collaborators")}
    assert not names & {"Hồ Thị Lập", "Nguyễn Văn Ký", "Xã Phong An", "Người Lập Biểu"}


def test_dry_run_promises_exactly_what_the_import_does(office, tmp_path):
    """A value only the registry's rules refuse (a joining date in the future, a decision
    number without digits) is a row problem in the preview, not a refusal of the whole import."""
    extra = [[2, "Võ Văn Tương", 1975, None, None, None, None, "01/01/2099"]]
    pv = excel_import.preview(office, real_list(tmp_path, extra))
    bad = [r for r in pv.rows if r.problems]
    assert [r.name for r in bad] == ["Võ Văn Tương"] and "tương lai" in bad[0].problems[0]
    promised = len(pv.good)
    assert excel_import.apply(office, pv).created == promised == _count(office) == 4


def _rewrite(path: Path, member: str, edit) -> Path:
    """Replace one zip member of a saved workbook with edit(old_text)."""
    with zipfile.ZipFile(path) as zf:
        items = {name: zf.read(name) for name in zf.namelist()}
    items[member] = edit(items[member].decode()).encode()
    out = path.with_name("edited-" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in items.items():
            zf.writestr(name, data)
    return out


SHEET = "xl/worksheets/sheet1.xml"


def _plain(tmp_path: Path, n: int = 30) -> Path:
    rows = [["STT", "Họ và tên", "Năm sinh", "Địa bàn", "Ghi chú", "Số điện thoại"]]
    rows += [[i, f"Nguyễn Văn {chr(65 + i % 26)}{'a' * (i // 26)}", 1950 + i, "Xã Phong An", None, "0912345678"]
             for i in range(1, n + 1)]
    return _save(tmp_path, "plain.xlsx", rows)


@pytest.mark.parametrize("ref", ["A1:B2", "A1:XFD1048576", "A1"])
def test_a_lying_dimension_tag_neither_truncates_nor_explodes(office, tmp_path, ref):
    path = _rewrite(_plain(tmp_path), SHEET, lambda x: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', x))
    pv = excel_import.preview(office, path)
    assert len(pv.good) == 30
    assert all(r.collaborator.phone == "0912345678" for r in pv.good)  # column F was read despite "A1:B2"


@pytest.mark.parametrize("case, expected", [
    ("truncated_xml", "bị hỏng"),
    ("bad_tag", "bị hỏng"),
    ("missing_shared_string", "thiếu chuỗi dùng chung"),
    ("raw_control_char", "bị hỏng"),
])
def test_malformed_sheet_xml_is_refused_in_one_line(office, tmp_path, case, expected):
    edits = {
        "truncated_xml": lambda x: x[: len(x) // 2],
        "bad_tag": lambda x: x.replace("<row ", "<row <", 3),
        "missing_shared_string": lambda x: x.replace('<c r="B3" t="inlineStr"><is><t>', '<c r="B3" t="s"><v>7</v>'
                                                     '<is><t>', 1),
        "raw_control_char": lambda x: x.replace("Nguy", "Ng\x01uy", 1),
    }
    path = _rewrite(_plain(tmp_path), SHEET, edits[case])
    with pytest.raises(ImportRefused) as info:
        excel_import.import_file(office, path)
    assert expected in info.value.message and "\n" not in info.value.message
    assert _count(office) == 0


def test_escaped_control_characters_and_a_huge_cell_import_cleanly(office, tmp_path):
    path = _rewrite(_plain(tmp_path, 3), SHEET,
                    lambda x: x.replace("Nguy", "Ng_x0001_uy", 1).replace("<t>Xã Phong An</t>", "<t>X_x001F_ã Phong An</t>", 1))
    rows = [["Họ và tên", "Năm sinh", "Ghi chú"], ["Đỗ Văn Dài", 1960, "ghi chú " * 1250], ["x" * 10_000, 1961, None]]
    long_path = _save(tmp_path, "long.xlsx", rows)
    pv = excel_import.preview(office, path)
    assert [r.collaborator.full_name for r in pv.good][0].startswith("Ng")
    assert all("\x01" not in r.collaborator.full_name for r in pv.good)
    long_pv = excel_import.preview(office, long_path)
    assert len(long_pv.good) == 1 and len(long_pv.good[0].collaborator.notes) > 9_000
    assert long_pv.with_problems[0].problems[0].startswith("Họ và tên không hợp lệ")
    assert excel_import.apply(office, long_pv).created == 1


@pytest.mark.parametrize("member, size_mb", [("xl/sharedStrings.xml", 20), (SHEET, 70)])
def test_zip_bomb_is_refused_before_parsing(office, tmp_path, member, size_mb):
    src = _plain(tmp_path, 3)
    with zipfile.ZipFile(src) as zf:
        items = {name: zf.read(name) for name in zf.namelist()}
    items[member] = b"<a>" + b" " * (size_mb * 1024 * 1024) + b"</a>"
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in items.items():
            zf.writestr(name, data)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(ImportRefused) as info:
        excel_import.preview(office, bomb)
    assert "giải nén quá lớn" in info.value.message
    assert _count(office) == 0
