"""Reading the cells of a collaborator list: years, dates, yes-marks, genders, phone numbers,
and matching free-text areas, sectors and strata to our codes.

Each parser returns the clean value or raises ValidationError with a short Vietnamese
reason, which the import preview shows against the row.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from app import catalog, validate
from app.errors import ValidationError
from app.office import Unit
from app.text import fold

_EXCEL_EPOCH = date(1899, 12, 30)
# Control characters (Excel stores them as _x0001_ escapes) never belong in a name or a note.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_YES = {"x", "co", "v", "yes", "y", "1", "true", "dv", "d v", "dang vien", "la dang vien", "✓", "✔", "☑", "+", "r"}
_NO = {"", "0", "khong", "k", "no", "n", "false", "-", "–", "chua", "quan chung", "qc"}


def text(value: Any) -> str | None:
    """A cell as trimmed text with inner whitespace collapsed; None when blank."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    out = " ".join(_CONTROL.sub(" ", str(value)).split())
    return out or None


def parse_date(value: Any, label: str) -> str | None:
    """An Excel date, a serial number, or text dd/mm/yyyy (also d/m/yy, dd-mm-yyyy, yyyy-mm-dd)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and 10000 < value < 80000:
        return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
    raw = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 1900 if year > date.today().year % 100 else 2000
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            pass
    return validate.iso_date(raw, label)


def parse_birth_year(value: Any) -> int | None:
    """Birth year from a year, a full birth date (Excel or text) or 'mm/yyyy'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime | date):
        return validate.year(value.year, "Năm sinh")
    if isinstance(value, int | float):
        number = int(value)
        if 10000 < number < 80000:  # a date typed into a General-format cell
            return validate.year((_EXCEL_EPOCH + timedelta(days=number)).year, "Năm sinh")
        return validate.year(number, "Năm sinh")
    raw = str(value).strip()
    if re.fullmatch(r"\d{4}", raw):
        return validate.year(raw, "Năm sinh")
    match = re.fullmatch(r"(?:\d{1,2}[/.\-])?\d{1,2}[/.\-](\d{4})", raw)
    if match:
        return validate.year(match.group(1), "Năm sinh")
    raise ValidationError(f"Năm sinh không hiểu được: {raw}.")


def parse_yes(value: Any, label: str) -> bool:
    """Yes-marks offices use: x, có, ✓, 1, "Đảng viên"; a date or year (of admission) also means yes."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime | date):
        return True
    raw = fold(str(value)).strip().strip(".")
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    if re.fullmatch(r"(\d{1,2}[/.\-]){0,2}\d{4}", raw):
        return True
    raise ValidationError(f"{label}: không hiểu giá trị '{str(value).strip()}' (dùng x / có / để trống).")


def is_yes_mark(value: Any) -> bool:
    """True for a plain tick (x, có, ✓), as opposed to a value such as a phone number."""
    if value is None or isinstance(value, int | float):
        return False
    return fold(str(value)).strip().strip(".") in _YES - {"1"}


def parse_gender(value: Any) -> str | None:
    raw = fold(text(value) or "")
    if not raw:
        return None
    if raw in ("nam", "m", "male", "trai"):
        return "male"
    if raw in ("nu", "f", "female", "gai"):
        return "female"
    raise ValidationError(f"Giới tính không hiểu được: {text(value)} (Nam / Nữ).")


def parse_phone(value: Any, label: str = "Số điện thoại") -> str | None:
    """Numbers typed as numbers lose their leading 0 in Excel (912345678): put it back."""
    if value is None:
        return None
    if isinstance(value, int | float):
        digits = str(int(value))
        value = "0" + digits if len(digits) == 9 else digits
    raw = str(value).strip()
    if re.fullmatch(r"\d{9}", raw):
        raw = "0" + raw
    # Several numbers in one cell ("0912 345 678 / 0234 3812 345"): keep the first.
    first = re.split(r"[,;/]| - |\n", raw)[0]
    try:
        from app.collaborators.registry import phone_number

        return phone_number(first)
    except ValidationError as exc:
        raise ValidationError(f"{label} không hợp lệ: {raw}.") from exc


_AREA_PREFIXES = ("thi tran ", "tt ", "xa ", "phuong ", "p ", "x ", "dac khu ", "ap ", "thon ", "ban ", "khom ",
                  "khu pho ", "kp ", "to dan pho ", "tdp ")


def _bare(name: str) -> str:
    folded = re.sub(r"[^a-z0-9]+", " ", fold(name)).strip()
    for prefix in _AREA_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):].strip()
    return folded


class AreaIndex:
    """Area names as written ("xã Phong An", "Phong An", "PHONG AN", "TT. Phong Điền") → unit code."""

    def __init__(self, units: list[Unit]) -> None:
        self._full: dict[str, str] = {}
        self._bare: dict[str, list[str]] = {}
        self._seen: dict[str, str | ValidationError] = {}
        for unit in units:
            self._full[re.sub(r"[^a-z0-9]+", " ", fold(unit.name)).strip()] = unit.code
            self._bare.setdefault(_bare(unit.name), []).append(unit.code)
            self._full[fold(unit.code)] = unit.code

    def match(self, value: Any) -> str | None:
        raw = text(value)
        if not raw:
            return None
        if raw not in self._seen:
            try:
                self._seen[raw] = self._match(raw)
            except ValidationError as exc:
                self._seen[raw] = exc
        found = self._seen[raw]
        if isinstance(found, ValidationError):
            raise ValidationError(found.message)
        return found

    def lookup(self, value: Any) -> list[str]:
        """Every code the name may denote: one, several (same bare name) or none."""
        raw = text(value)
        if not raw:
            return []
        folded = re.sub(r"[^a-z0-9]+", " ", fold(raw)).strip()
        if folded in self._full:
            return [self._full[folded]]
        # "Bản Lầu" must find "Xã Bản Lầu" although "bản" is also a hamlet word.
        return list(self._bare.get(_bare(raw)) or self._bare.get(folded) or [])

    def _match(self, raw: str) -> str:
        codes = self.lookup(raw)
        if len(codes) == 1:
            return codes[0]
        if len(codes) > 1:
            raise ValidationError(f"Địa bàn '{raw}' trùng tên nhiều đơn vị; hãy ghi rõ xã / phường / thị trấn.")
        raise ValidationError(f"Địa bàn '{raw}' không có trong danh mục xã, phường, thị trấn của đơn vị.")


# Keywords (folded) people write for each code, besides the catalogue label itself.
STRATUM_WORDS: dict[str, tuple[str, ...]] = {
    "cadre": ("can bo", "cong chuc", "vien chuc", "ccvc", "cbcc"),
    "worker": ("cong nhan", "lao dong"),
    "farmer": ("nong dan", "nong nghiep", "ngu dan"),
    "intellectual": ("tri thuc", "giao vien", "bac si", "van nghe si", "nha giao"),
    "business": ("doanh nhan", "tieu thuong", "kinh doanh", "buon ban", "doanh nghiep"),
    "youth": ("thanh nien", "hoc sinh", "sinh vien", "hs sv"),
    "veteran": ("cuu chien binh", "ccb"),
    "retiree": ("huu tri", "nghi huu", "huu"),
    "religious": ("ton giao", "chuc sac", "tin do", "chuc viec"),
    "ethnic": ("dan toc", "dtts"),
    "armed_forces": ("luc luong vu trang", "llvt", "cong an", "quan doi", "quan su", "dan quan"),
    "other": ("khac",),
}
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "party": ("khoi dang", "dang uy", "ban dang", "dang"),
    "government": ("chinh quyen", "ubnd", "uy ban", "hdnd"),
    "front": ("mat tran", "mttq"),
    "women": ("phu nu", "hlhpn", "hpn"),
    "farmers_union": ("hoi nong dan", "hnd"),
    "youth_union": ("doan thanh nien", "doan tn", "tncs", "dtn"),
    "veterans_union": ("hoi cuu chien binh", "cuu chien binh", "ccb"),
    "labour": ("lien doan lao dong", "cong doan", "ldld"),
    "education": ("giao duc", "truong", "gd dt"),
    "health": ("y te", "benh vien", "tram y te"),
    "police": ("cong an",),
    "military": ("quan su", "quan doi", "ban chqs", "chqs"),
    "business": ("doanh nghiep", "cong ty"),
    "other": ("khac",),
}


def match_code(value: Any, labels: dict[str, str], words: dict[str, tuple[str, ...]], label: str) -> str | None:
    """Catalogue code from a label, a code, or a keyword contained in the text (longest keyword wins)."""
    raw = text(value)
    if not raw:
        return None
    code = _lookup(raw, tuple(labels.items()), tuple((k, v) for k, v in words.items()))
    if code is None:
        raise ValidationError(f"{label} không nhận ra được: {raw}.")
    return code


@lru_cache(maxsize=4096)
def _lookup(raw: str, labels: tuple, words: tuple) -> str | None:
    """Cached: a list of thousands of rows repeats a dozen distinct values."""
    folded = re.sub(r"[^a-z0-9]+", " ", fold(raw)).strip()
    for code, name in labels:
        if folded in (code, re.sub(r"[^a-z0-9]+", " ", fold(name)).strip()):
            return code
    hits = [(len(word), code) for code, ws in words for word in ws
            if re.search(rf"(^| ){re.escape(word)}( |$)", folded)]
    return max(hits)[1] if hits else None


STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "active": ("dang hoat dong", "hoat dong", "con hoat dong"),
    "paused": ("tam dung", "tam nghi"),
    "left": ("da thoi", "thoi", "nghi", "da nghi", "chuyen cong tac"),
}


def match_status(value: Any) -> str:
    """Status from the list; a blank cell means active (lists usually hold current members)."""
    return match_code(value, catalog.COLLABORATOR_STATUSES, STATUS_WORDS, "Trạng thái") or "active"


def match_stratum(value: Any) -> str | None:
    return match_code(value, catalog.STRATA, STRATUM_WORDS, "Giai tầng")


def match_sector(value: Any) -> str | None:
    return match_code(value, catalog.SECTORS, SECTOR_WORDS, "Ngành, đoàn thể")
