"""The decrypted response, checked for shape before anything in the store is looked at.

A response is UTF-8 JSON the form page builds (resources/forms/form.js):

    survey:  {"v": 1, "kind": "survey", "office": UNIT, "survey": ID, "qhash": HEX, "rid": HEX,
              "profile": {"area_code"|"age_band"|"gender"|"stratum": CODE}, "answers": {"N": VALUE}}
    report:  {"v": 1, "kind": "report", "office": UNIT, "token": HEX, "rid": HEX,
              "items": [{"summary", "field", "tendency", "area_code", "scale", "proposal"}, ...]}

`rid` is drawn at random in the browser for each submission, so two honest responses with the
same answers differ and the same response arriving twice (a file sent again, pasted again)
is recognised. Unknown keys, wrong types and oversized text are refused: a response is data
from outside, read strictly. Free text stays plain text (control characters dropped).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from app.errors import ImportRefused
from app.surveys.model import Answer

VERSION = 1
MAX_ITEMS = 20
MAX_ITEM_TEXT = 2000
ITEM_KEYS = ("summary", "field", "tendency", "area_code", "scale", "proposal")
_HEX = re.compile(r"[0-9a-f]{16,64}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class SurveyPayload:
    office: str
    survey_id: str
    qhash: str
    rid: str
    profile: dict[str, str | None]
    answers: dict[int, Answer]


@dataclass
class ReportPayload:
    office: str
    token: str
    rid: str
    items: list[dict[str, str | None]] = field(default_factory=list)


def _bad(why: str) -> ImportRefused:
    return ImportRefused(f"Phiếu không đúng định dạng phiếu điện tử DLXH ({why}): không nhập.")


def plain(value: Any, what: str, limit: int = MAX_ITEM_TEXT) -> str | None:
    """A text field: str or null, without control characters, at most `limit` characters."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad(f"{what} phải là chữ")
    text = _CONTROL.sub("", value).strip()
    if len(text) > limit:
        raise ImportRefused(f"{what} dài quá {limit} ký tự: không nhập.")
    return text or None


def _keys(obj: Any, allowed: set[str], what: str) -> dict:
    if not isinstance(obj, dict):
        raise _bad(f"{what} không phải một đối tượng")
    extra = set(obj) - allowed
    if extra:
        raise _bad(f"{what} có mục lạ: {', '.join(sorted(extra))[:80]}")
    return obj


def _answer(value: Any, no: str) -> Answer:
    if isinstance(value, bool):
        raise _bad(f"câu {no}")
    if isinstance(value, str):
        return plain(value, f"Câu {no}") or ""
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return tuple(sorted(set(value)))
    raise _bad(f"câu {no}")


def _no_constant(name: str) -> None:
    raise ValueError(name)  # NaN, Infinity: no form writes them


def parse(data: bytes) -> SurveyPayload | ReportPayload:
    try:
        obj = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad("không đọc được nội dung") from None
    common = {"v", "kind", "office", "rid"}
    if not isinstance(obj, dict) or obj.get("v") != VERSION:
        raise _bad("phiên bản lạ")
    rid, office = obj.get("rid"), obj.get("office")
    if not isinstance(rid, str) or not _HEX.fullmatch(rid) or not isinstance(office, str):
        raise _bad("thiếu mã phiếu hoặc đơn vị")
    if obj.get("kind") == "survey":
        _keys(obj, common | {"survey", "qhash", "profile", "answers"}, "phiếu")
        profile = _keys(obj.get("profile", {}), {"area_code", "age_band", "gender", "stratum"}, "thông tin người trả lời")
        answers = _keys(obj.get("answers", {}), {str(n) for n in range(1, 1000)}, "câu trả lời")
        if not isinstance(obj.get("survey"), str) or not isinstance(obj.get("qhash"), str):
            raise _bad("thiếu mã cuộc điều tra")
        return SurveyPayload(office, obj["survey"], obj["qhash"], rid,
                             {k: plain(v, k, 40) for k, v in profile.items()},
                             {int(k): _answer(v, k) for k, v in answers.items() if v not in (None, "", [])})
    if obj.get("kind") == "report":
        _keys(obj, common | {"token", "items"}, "phiếu")
        token, items = obj.get("token"), obj.get("items")
        if not isinstance(token, str) or not _HEX.fullmatch(token):
            raise _bad("thiếu mã cộng tác viên")
        if not isinstance(items, list) or not items:
            raise ImportRefused("Phiếu báo cáo không có ý kiến nào: không nhập.")
        if len(items) > MAX_ITEMS:
            raise ImportRefused(f"Phiếu có {len(items)} ý kiến, tối đa {MAX_ITEMS}: không nhập.")
        cleaned = []
        for n, item in enumerate(items, start=1):
            _keys(item, set(ITEM_KEYS), f"ý kiến {n}")
            cleaned.append({k: plain(item.get(k), f"Ý kiến {n}: {k}") for k in ITEM_KEYS})
        return ReportPayload(office, token, rid, cleaned)
    raise _bad("loại phiếu lạ")
