"""Telling people from the other rows of a real office list.

Lists kept by hand mix collaborators with section rows ("I. XÃ AN TRƯỜNG", "II" | "ẤP AN BÌNH"),
total rows ("Tổng cộng: 40 người"), a signature block ("NGƯỜI LẬP BIỂU", "T/M ĐẢNG ỦY", a
place-date line, then the signers' names), blank rows and the header printed again on each page.
None of those may ever become a collaborator; `classify` names the kind of each row so the
preview can say how many of each it skipped. The rules are deliberately narrow: a row that has
a value in a data column (year, phone, area…) is always data, so no person is dropped silently.
"""

from __future__ import annotations

import re
from typing import Any

from app.collaborators.excel_headers import HeaderMap, match_header, norm

DATA, BLANK, SECTION, TOTAL, SIGNATURE, HEADER = "data", "blank", "section", "total", "signature", "header"
SKIPPED_LABELS = {BLANK: "dòng trống", SECTION: "dòng tiêu đề mục", TOTAL: "dòng tổng cộng",
                  SIGNATURE: "dòng ký tên", HEADER: "dòng tiêu đề lặp lại"}

_ROMAN = re.compile(r"^(?=[ivxlc]+$)m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")
_SECTION_PREFIX = re.compile(r"^\s*([IVXLCivxlc]+|\d{1,2}|[A-Za-z])\s*[.)/:\-]\s+")
_AREA_WORDS = ("xa ", "phuong ", "thi tran ", "dac khu ", "ap ", "thon ", "ban ", "khom ", "khu pho ",
               "to dan pho ", "huyen ", "thi xa ", "thanh pho ", "khoi ", "cum ", "dia ban ", "don vi ")
_TOTAL = re.compile(r"^(tong cong|tong so|tong|cong)( ?(\d|cong tac vien|nguoi|ctv|so)|$)")
# Matched on norm() text (no accents, punctuation as spaces): "T/M ĐẢNG ỦY" -> "t m dang uy".
_SIGN = re.compile(r"^(nguoi lap|lap bieu|xac nhan|t m|k t|tm|kt|truong ban|pho truong ban|bi thu|pho bi thu|"
                   r"chu tich|thu truong|ky ten|ky ghi ro|ky va ghi|thuong truc|ban thuong vu|noi nhan|"
                   r"ban to chuc|van phong|ban xay dung dang)( |$)")
_PLACE_DATE = re.compile(r"ngay( \S+)? thang( \S+)? nam( \d{2,4})?$")


def cells_of(row: tuple) -> list[tuple[int, Any]]:
    return [(i, c) for i, c in enumerate(row) if not _blank(c)]


def is_roman(value: Any) -> bool:
    return isinstance(value, str) and bool(_ROMAN.match(value.strip().strip(".").lower()))


def section_text(row: tuple, header: HeaderMap) -> str | None:
    """The heading of a section row, or None when the row is not one.

    A section row has one text besides an optional marker in the number column, and that text
    is marked as a heading: a Roman-numeral (or "1." / "A.") prefix, a Roman numeral in the
    number column, all capitals, or an area word in front ("Xã …", "Ấp …").
    """
    seq_col = header.columns.get("seq")
    filled = cells_of(row)
    marker = next((c for i, c in filled if i == seq_col), None)
    rest = [c for i, c in filled if i != seq_col]
    if not rest and isinstance(marker, str) and not is_roman(marker):
        rest, marker = [marker], None  # "I. XÃ AN TRƯỜNG" typed into the number column
    if len(rest) != 1 or not isinstance(rest[0], str):
        return None
    value = " ".join(rest[0].split())
    letters = [ch for ch in value if ch.isalpha()]
    if not letters or len(value) > 120:
        return None
    has_prefix = bool(_SECTION_PREFIX.match(value)) and len(value.split()) > 1
    bare = _SECTION_PREFIX.sub("", value).strip() if has_prefix else value
    if (is_roman(marker) or has_prefix or all(ch.isupper() for ch in letters)
            or norm(bare).startswith(_AREA_WORDS)):
        return bare
    return None


def classify(row: tuple, header: HeaderMap, in_signature: bool) -> str:
    """The kind of one row below the header (see the module docstring). `in_signature` is True
    once a signature line was seen, so the signers' names under it are not taken for people."""
    filled = cells_of(row)
    if not filled:
        return BLANK
    if _is_header_again(row, header):
        return HEADER
    texts = [c for _, c in filled if isinstance(c, str)]
    name_cell = row[header.columns["full_name"]] if header.columns.get("full_name", 99) < len(row) else None
    totals = [t for t in texts[:3] if _TOTAL.match(norm(t))]
    if totals and (_blank(name_cell) or name_cell in totals):
        return TOTAL
    data_cols = set(header.columns.values()) - {header.columns.get("seq"), header.columns.get("full_name")}
    has_number = any(i in data_cols and not isinstance(c, str) for i, c in filled)
    if not has_number and len(filled) <= 4 and len(texts) == len(filled):
        if all(_is_sign_text(t) for t in texts):
            return SIGNATURE
        if in_signature and all(_looks_like_name(t) or _is_sign_text(t) for t in texts):
            return SIGNATURE  # the signers' names under "NGƯỜI LẬP BIỂU" / "T/M …"
    if section_text(row, header) is not None:
        return SECTION
    if len(filled) == 1 and is_roman(filled[0][1]):
        return SECTION
    return DATA


def _is_sign_text(value: str) -> bool:
    folded = norm(value)
    return bool(_SIGN.match(folded) or _PLACE_DATE.search(folded) or value.strip().startswith("("))


def _is_header_again(row: tuple, header: HeaderMap) -> bool:
    """The header reprinted at a page break, or the numbering row (1 | 2 | 3 …) under it."""
    named = [match_header(c) for c in row if isinstance(c, str)]
    if "full_name" in named and sum(1 for n in named if n) >= 2:
        return True
    numbers: list[int] = []
    for _, value in cells_of(row):
        if isinstance(value, str) and value.strip().strip("()").isdecimal():  # not "¹": isdigit() but no int
            numbers.append(int(value.strip().strip("()")))
        elif isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
            numbers.append(int(value))
        else:
            return False
    return len(numbers) >= 4 and numbers == list(range(1, len(numbers) + 1))


def _looks_like_name(value: str) -> bool:
    words = value.split()
    return 2 <= len(words) <= 6 and not re.search(r"\d", value)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
