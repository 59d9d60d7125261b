"""The importer on messy real files: encodings, separators, title lines, labels, Excel."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from openpyxl import Workbook

from app.errors import ImportRefused
from app.surveys import csv_import
from app.surveys.table_read import HEAD_BYTES, read_csv_bytes, read_table

TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
AREAS = {"PD01": "Thị trấn Phong Điền", "PD02": "Xã Phong An", "PD03": "Xã Phong Hiền"}


def cp1258_bytes(text: str) -> bytes:
    """Encode the way Windows-1258 files are written: precomposed base letters
    (ư, ơ, â, ê, ô, ă, đ), the tone as a separate combining mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in d[1:] if m in TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in d if m not in TONES))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def test_cp1258_roundtrip_of_test_helper():
    table = read_csv_bytes(cp1258_bytes("Giới tính;Nghề;Xã;Ý kiến\nNữ;Nông dân;Xã Phong Hiền;Đồng ý\n"))
    assert table.encoding == "cp1258"
    assert table.head == [["Nữ", "Nông dân", "Xã Phong Hiền", "Đồng ý"]]
    assert [cells for _, cells in table.data_rows()] == table.head


def test_cp1258_bytes_only_past_the_head_still_read_as_cp1258():
    """The encoding is guessed from a bounded head; a file whose later bytes are not UTF-8 is read
    again as cp1258, not refused half-way and not read with a wrong encoding."""
    plain = b"gioi;xa\n" + b"Nam;Phong Hien\n" * (HEAD_BYTES // 10)
    table = read_csv_bytes(plain + cp1258_bytes("Nữ;Xã Phong Hiền\n"))
    assert table.encoding == "cp1258"
    rows = [cells for _, cells in table.data_rows()]
    assert rows[-1] == ["Nữ", "Xã Phong Hiền"]
    assert len(rows) == HEAD_BYTES // 10 + 1


def test_utf8_bom_semicolons_title_lines(tmp_path, questionnaire):
    csv_text = (
        "KẾT QUẢ THĂM DÒ QUA ĐIỆN THOẠI;;;;;;;;\n"
        "Ngày 12/11/2026;;;;;;;;\n"
        ";;;;;;;;\n"
        "Số phiếu;Giới tính;Tuổi;Giai tầng;Địa bàn;Câu 1;C2;Q3;Câu 6\n"
        "P001;Nữ;34;Nông dân;Xã Phong An;1;1,5;4;1\n"
        "P002;Nam;67;Cán bộ hưu trí;PD01;2;;3;\n"
        "P003;nu;22;youth;phong hien;1;3;5;\n"
    )
    path = tmp_path / "phone.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_text.encode("utf-8"))
    pre = csv_import.preview(path, questionnaire, AREAS)
    assert pre.table.encoding == "utf-8-sig" and pre.table.delimiter == ";"
    assert pre.table.header_line == 4
    targets = [c.target for c in pre.columns]
    assert targets == ["form_no", "gender", "age", "stratum", "area_code", "q1", "q2", "q3", "q6"]
    assert pre.ok, pre.problems
    first, second, third = pre.responses
    assert (first.form_no, first.gender, first.age_band, first.stratum, first.area_code) == \
        ("P001", "female", "30-44", "farmer", "PD02")
    assert first.answers == {1: 1, 2: (1, 5), 3: 4, 6: 1}
    assert second.age_band == "60+" and second.stratum == "retiree" and second.answers == {1: 2, 3: 3}
    assert third.area_code == "PD03" and third.stratum == "youth"


def test_cp1258_tabs(tmp_path, questionnaire):
    rows = ["Giới tính\tĐộ tuổi\tCâu 1\tCâu 2\tCâu 3\tCâu 5",
            "Nữ\t45–59 tuổi\t1\t2 4\t5\tCần tuyên truyền nhiều hơn",
            "Nam\t18-29\t2\t\t1\t"]
    path = tmp_path / "windows.txt"
    path.write_bytes(cp1258_bytes("\r\n".join(rows) + "\r\n"))
    pre = csv_import.preview(path, questionnaire, AREAS)
    assert pre.table.encoding == "cp1258" and pre.table.delimiter == "\t"
    assert pre.ok, pre.problems
    assert pre.responses[0].age_band == "45-59"
    assert pre.responses[0].answers[5] == "Cần tuyên truyền nhiều hơn"
    assert pre.responses[0].answers[2] == (2, 4)


def test_utf16_excel_unicode_text(tmp_path, questionnaire):
    path = tmp_path / "unicode.txt"
    path.write_bytes("Câu 1\tCâu 3\n2\t2\n2\t4\n".encode("utf-16"))
    pre = csv_import.preview(path, questionnaire, AREAS)
    assert pre.table.encoding == "utf-16"
    assert pre.ok, pre.problems
    assert [r.answers for r in pre.responses] == [{1: 2, 3: 2}, {1: 2, 3: 4}]


def test_online_form_xlsx_with_labels(tmp_path, questionnaire):
    wb = Workbook()
    ws = wb.active
    ws.append(["Dấu thời gian", "Giới tính", "Anh/chị có biết chủ trương sắp xếp thôn, tổ dân phố không?",
               "Anh/chị biết qua kênh nào?", "Mức độ đồng tình với chủ trương", "Số người trong hộ",
               "Thông tin trên mạng xã hội có đáng tin không?"])
    ws.append([datetime(2026, 11, 3, 9, 15), "Nam", "Có", "Ti vi, đài, Mạng xã hội", "Đồng ý", 4, "Không rõ"])
    ws.append([datetime(2026, 11, 3, 9, 20), "Nữ", "Không", None, "Hoàn toàn đồng ý", None])
    ws.append([datetime(2026, 11, 3, 9, 31), "Nữ", "Có", "Họp thôn; Báo in", "Phân vân", "3,0"])
    path = tmp_path / "online.xlsx"
    wb.save(path)
    pre = csv_import.preview(path, questionnaire, AREAS)
    assert [c.target for c in pre.columns] == [None, "gender", "q1", "q2", "q3", "q4", "q6"]
    assert pre.ok, pre.problems
    assert pre.responses[0].answers == {1: 1, 2: (1, 5), 3: 4, 4: 4, 6: 3}
    assert pre.responses[1].answers == {1: 2, 3: 5}
    assert pre.responses[2].answers == {1: 1, 2: (2, 4), 3: 3, 4: 3}


def test_one_bad_row_refuses_the_file(tmp_path, questionnaire):
    path = tmp_path / "bad.csv"
    path.write_text("Câu 1,Câu 2,Câu 3,Giới tính\n1,2,4,Nam\n2,1,3,Nữ\n1,,7,X\n", encoding="utf-8")
    pre = csv_import.preview(path, questionnaire, AREAS)
    assert not pre.ok
    assert pre.problems[0].startswith("Dòng 3: Câu 2 phải bỏ trống")
    assert pre.problems[1].startswith("Dòng 4: Giới tính không nhận ra: 'X'")
    assert "Câu 3: phương án '7' không có" in pre.problems[1]
    msg = csv_import.refusal(pre).message
    assert "2 lỗi, chưa ghi phiếu nào" in msg


def test_manual_mapping_and_missing_columns(tmp_path, questionnaire):
    path = tmp_path / "odd.csv"
    path.write_text("Cột A,Cột B\n2,5\n2,4\n", encoding="utf-8")
    pre = csv_import.preview(path, questionnaire, AREAS)
    assert not pre.ok and "Không cột nào khớp" in pre.problems[0]
    pre = csv_import.preview(path, questionnaire, AREAS, mapping={0: "q1"})
    assert "Thiếu cột cho câu bắt buộc: 3" in pre.problems[0]
    pre = csv_import.preview(path, questionnaire, AREAS, mapping={0: "q1", 1: "q3"})
    assert pre.ok and [r.answers for r in pre.responses] == [{1: 2, 3: 5}, {1: 2, 3: 4}]
    with pytest.raises(ImportRefused, match="nhiều cột"):
        csv_import.preview(path, questionnaire, AREAS, mapping={0: "q1", 1: "q1"})


def test_unreadable_files(tmp_path):
    with pytest.raises(ImportRefused, match="không có dữ liệu"):
        (tmp_path / "empty.csv").write_text("\n\n", encoding="utf-8")
        read_table(tmp_path / "empty.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportRefused, match=".xlsx"):
        read_table(tmp_path / "old.xls")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ImportRefused, match="Excel"):
        read_table(tmp_path / "broken.xlsx")
