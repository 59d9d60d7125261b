from datetime import date

from app.text import fold, fts_query, vn_date_line, vn_number, vn_percent


def test_fold_strips_all_vietnamese_marks_and_d_stroke():
    assert fold("Đại Phước, Huyền Hội, Nhị Long Phú") == "dai phuoc, huyen hoi, nhi long phu"
    assert fold("ẬỆỘỰ ậệộự đĐ") == "aeou aeou dd"


def test_fts_query_is_safe_and_prefix_based():
    assert fts_query('điện "OR" lưới*') == '"dien"* "or"* "luoi"*'
    assert fts_query("  ,;  ") is None


def test_date_line_follows_the_format_rules():
    assert vn_date_line("Càng Long", date(2025, 2, 5)) == "Càng Long, ngày 05 tháng 02 năm 2025"
    assert vn_date_line("Phong Điền", date(2018, 4, 3)) == "Phong Điền, ngày 03 tháng 4 năm 2018"
    assert vn_date_line("Phong Điền", date(2024, 10, 20)) == "Phong Điền, ngày 20 tháng 10 năm 2024"


def test_numbers_are_written_the_vietnamese_way():
    assert vn_number(1234567) == "1.234.567"
    assert vn_number(12.5, 1) == "12,5"
    assert vn_percent(1, 8) == "12,5%"
    assert vn_percent(1, 4) == "25%"
    assert vn_percent(3, 0) == "0%"
