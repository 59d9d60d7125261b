"""Finding the header row of an office's collaborator list and mapping its columns to fields.

Offices keep these lists by hand, so headers are spelt many ways ("Họ và tên", "HỌ TÊN",
"Ho ten"), sit under merged title rows, and sometimes span two rows ("Năm sinh" over
"Nam" | "Nữ"). Matching is done on folded text (no diacritics, no punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.collaborators.registry import LABELS
from app.text import fold

HEADER_SCAN_ROWS = 10

# field -> folded header variants. Exact matches win; then a header that starts with a variant.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("stt", "tt", "so tt", "so thu tu"),
    "full_name": ("ho va ten", "ho ten", "ho va ten ctv", "ho ten ctv", "ho va ten cong tac vien",
                  "ho ten cong tac vien", "ten ctv", "ten"),
    "birth": ("nam sinh", "ngay sinh", "ngay thang nam sinh", "ngay thang nam sinh nam sinh", "sinh nam"),
    "gender": ("gioi tinh", "gioi", "nam nu", "phai"),
    "ethnicity": ("dan toc",),
    "religion": ("ton giao",),
    "party_member": ("dang vien", "la dang vien", "dv", "dang vien x"),
    "position": ("chuc vu", "chuc danh", "chuc vu chuc danh", "chuc vu hien nay", "nghe nghiep"),
    "workplace": ("don vi cong tac", "noi cong tac", "co quan cong tac", "co quan don vi", "co quan", "don vi",
                  "chuc vu don vi cong tac", "noi lam viec"),
    "area": ("dia ban", "dia ban phu trach", "dia ban theo doi", "xa thi tran", "xa phuong thi tran", "xa phuong",
             "xa", "phuong", "dia ban xa thi tran", "dia ban cu tru", "noi cu tru"),
    "sector": ("nganh doan the", "nganh", "khoi", "doan the", "nganh linh vuc", "co cau nganh"),
    "stratum": ("giai tang", "thanh phan", "doi tuong", "tang lop", "thanh phan giai tang"),
    "phone": ("so dien thoai", "dien thoai", "sdt", "dt", "so dt", "dien thoai lien he", "di dong", "dtdd"),
    "email": ("email", "e mail", "thu dien tu", "dia chi email", "dia chi thu dien tu", "gmail"),
    "zalo": ("zalo", "so zalo", "tai khoan zalo"),
    "decision_no": ("so quyet dinh", "quyet dinh", "so qd", "qd", "quyet dinh so", "so quyet dinh cong nhan"),
    "decision_date": ("ngay quyet dinh", "ngay qd", "ngay ky quyet dinh", "ngay ky qd", "ngay ban hanh"),
    "joined_on": ("ngay tham gia", "thoi gian tham gia", "ngay bat dau", "tham gia tu", "nam tham gia"),
    "status": ("trang thai", "tinh trang", "tinh trang hoat dong"),
    "left_on": ("ngay thoi", "ngay thoi tham gia", "thoi tu ngay"),
    "left_reason": ("ly do thoi", "ly do thoi tham gia", "ly do tam dung thoi"),
    "notes": ("ghi chu", "ghi chu khac"),
}

# An import field's label, as the form and the export say it (registry.LABELS; "birth" and "area"
# are the importer's names for a birth year or date and for the area by name).
_IMPORT_NAMES = {"birth": "birth_year", "area": "area_code"}
FIELD_LABELS: dict[str, str] = {key: LABELS[_IMPORT_NAMES.get(key, key)] for key in SYNONYMS if key != "seq"}

_PUNCT = re.compile(r"[^a-z0-9]+")


def norm(value: Any) -> str:
    """Folded header text: lower case, no diacritics, punctuation and line breaks as single spaces."""
    if value is None:
        return ""
    return _PUNCT.sub(" ", fold(str(value))).strip()


_EXACT = {variant: name for name, variants in SYNONYMS.items() for variant in variants}
_PREFIXES = sorted(((v, n) for n, vs in SYNONYMS.items() for v in vs if len(v) >= 4), key=lambda p: -len(p[0]))


def match_header(value: Any) -> str | None:
    """The field a header cell names, or None. Long texts (titles, notes) never match."""
    text = norm(value)
    if not text or len(text) > 45:
        return None
    if text in _EXACT:
        return _EXACT[text]
    for variant, name in _PREFIXES:
        if text.startswith(variant + " "):
            return name
    return None


@dataclass
class HeaderMap:
    """Where the header is and which column holds which field (0-based column indexes)."""

    row_index: int                       # 0-based index of the header row in the sheet's rows
    columns: dict[str, int]
    headers: dict[str, str]              # field -> header text as written
    ignored: list[str] = field(default_factory=list)
    gender_split: tuple[int, int] | None = None  # (male column, female column) under "Năm sinh"
    data_start: int = 0                  # 0-based index of the first data row


def find_header(rows: list[tuple]) -> HeaderMap | None:
    """Best header among the first rows: the one naming the full-name column plus the most others."""
    best: HeaderMap | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        ignored: list[str] = []
        for col, cell in enumerate(row):
            name = match_header(cell)
            if name and name not in columns:
                columns[name] = col
                headers[name] = " ".join(str(cell).split())
            elif cell not in (None, "") and not name:
                ignored.append(" ".join(str(cell).split()))
        if "full_name" not in columns or len(columns) - ("seq" in columns) < 2:
            continue
        if best is None or len(columns) > len(best.columns):
            best = HeaderMap(index, columns, headers, ignored, data_start=index + 1)
    if best is not None:
        _two_row_header(rows, best)
    return best


def _two_row_header(rows: list[tuple], header: HeaderMap) -> None:
    """Handle a second header row: "Năm sinh" split into "Nam" | "Nữ", or the row of
    column numbers (1, 2, 3 …) many templates print under the header."""
    nxt = header.data_start
    if nxt >= len(rows):
        return
    below = [norm(c) for c in rows[nxt]]
    birth = header.columns.get("birth")
    if birth is not None and birth + 1 < len(below) and below[birth] == "nam" and below[birth + 1] == "nu":
        header.gender_split = (birth, birth + 1)
        header.data_start += 1
        nxt += 1
    elif any(below) and all(c == "" or c.isdigit() or match_header(c) for c in below):
        # A numbering row ("1 2 3 4") or a sub-header ("Điện thoại" | "Email" under "Liên hệ").
        for col, cell in enumerate(rows[nxt]):
            name = match_header(cell)
            if name and name not in header.columns:
                header.columns[name] = col
                header.headers[name] = " ".join(str(cell).split())
        header.data_start += 1
