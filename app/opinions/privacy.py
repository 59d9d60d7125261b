"""A warning when an item's or a report's text looks like it identifies a person; the user
decides before saving or submitting: keep, edit, or remove what was found (`redact`).

Items describe opinion streams ("người dân xã A lo lắng về …"), not citizens. A clerk
typing fast may still write "ông Nguyễn Văn A phản ánh …" or paste a phone number; the
entry form shows these hints inline so the clerk can rephrase. Heuristics only: a place
such as "Bà Rịa" is excluded, and a false alarm costs nothing because saving is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words used before a person's name in Vietnamese (kinship terms used as honorifics).
_HONORIFICS = {"ông", "bà", "anh", "chị", "cháu", "em", "cô", "chú", "bác", "cụ", "thím", "dì", "cậu", "mợ"}
# Common surnames: three capitalised words starting with one of them read as a full name.
_SURNAMES = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ",
             "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "mai", "tô", "hà", "tạ"}
# Place and landmark names that begin with an honorific-looking word.
_PLACES = {"bà rịa", "bà chiểu", "bà đen", "bà điểm", "bà triệu", "bà chúa", "cô tô", "ông đồ", "bà nà",
           "chú ía", "bà hom", "ông lãnh", "cụ hồ", "bác hồ", "ông ích"}
# Words before a capitalised run that make it a place, street or organisation, not a person.
_PLACE_WORDS = {"đường", "phố", "phường", "xã", "thôn", "ấp", "bản", "trường", "cầu", "chợ", "huyện", "tỉnh",
                "quận", "khu", "tổ", "sông", "núi", "công", "ty", "bệnh", "viện", "thị", "trấn"}

_WORD = re.compile(r"[^\W\d_]+")
_PHONE = re.compile(r"(?<![\d.,])(?:\+84|84|0)[\s.\-]?(?:\d[\s.\-]?){8,9}\d(?![\d]|[.,]\d)")
_ID_NUMBER = re.compile(r"(?<![\d.,])(\d{12}|\d{9})(?![\d]|[.,]\d)")


@dataclass(frozen=True)
class PrivacyHint:
    kind: str      # name | phone | id_number
    found: str     # the text that triggered it
    message: str   # Vietnamese, shown inline under the summary


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _names(text: str) -> list[str]:
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[str] = []
    i = 0
    while i < len(words):
        word, start, _ = words[i]
        lower = word.lower()
        run_end = i + 1
        # A run of capitalised words right after position i, separated by spaces only.
        while (run_end < len(words) and _capitalised(words[run_end][0])
               and text[words[run_end - 1][2]:words[run_end][1]].strip() == "" and run_end - i <= 4):
            run_end += 1
        run = words[i + 1:run_end]
        before = words[i - 1][0].lower() if i > 0 else ""
        if lower in _HONORIFICS and run:
            phrase = f"{lower} {run[0][0].lower()}"
            if phrase not in _PLACES and before not in _PLACE_WORDS:
                found.append(text[start:run[-1][2]])
                i = run_end
                continue
        if lower in _SURNAMES and _capitalised(word) and len(run) >= 2 and before not in _PLACE_WORDS:
            found.append(text[start:run[-1][2]])
            i = run_end
            continue
        if lower == "hộ" and run and before not in _PLACE_WORDS:
            found.append(text[start:run[-1][2]])
            i = run_end
            continue
        i += 1
    return found


def check(text: str | None) -> list[PrivacyHint]:
    """Hints for `text` (summary or proposal); empty when nothing looks personal."""
    if not text:
        return []
    hints: list[PrivacyHint] = []
    for name in _names(text):
        hints.append(PrivacyHint("name", name, f"Có thể nêu tên người cụ thể: “{name}”. Thông tin dư luận chỉ "
                                               "mô tả luồng ý kiến, không ghi danh tính người dân."))
    phone_spans = []
    for m in _PHONE.finditer(text):
        phone_spans.append(m.span())
        hints.append(PrivacyHint("phone", m.group(0).strip(), f"Có số điện thoại: {m.group(0).strip()}. "
                                                              "Không ghi số điện thoại của người dân."))
    for m in _ID_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in phone_spans):
            continue
        kind = "CCCD" if len(m.group(1)) == 12 else "CMND"
        hints.append(PrivacyHint("id_number", m.group(1), f"Có dãy số giống số {kind}: {m.group(1)}. "
                                                          "Không ghi số giấy tờ tùy thân."))
    return hints


def warning_text(text: str | None) -> str:
    """All hints in one Vietnamese paragraph (empty string when none)."""
    return " ".join(h.message for h in check(text))


PLACEHOLDERS = {"name": "một người dân", "phone": "[đã bỏ số điện thoại]", "id_number": "[đã bỏ số giấy tờ]"}


def redact(text: str | None) -> str:
    """`text` with every name, phone and ID number `check` finds replaced by a neutral word."""
    out = text or ""
    for hint in sorted(check(out), key=lambda h: -len(h.found)):  # longest first: a name inside a longer one
        out = out.replace(hint.found, PLACEHOLDERS[hint.kind])
    return out


def check_sections(sections: list[dict]) -> list[tuple[str, PrivacyHint]]:
    """A report's sections (app.reports drafts: key, title, text): (section title, hint) for each finding."""
    return [(section.get("title") or section["key"], hint) for section in sections for hint in check(section.get("text"))]
