"""A plain model of one official document, independent of the output format.

Drafting builds a `Document`; render_docx and render_pdf turn the same object into
files, so what the user sees in Word and in the PDF comes from one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
DOC_TYPES = {"BC": "BÁO CÁO", "BB": "BIÊN BẢN", "KH": "KẾ HOẠCH", "TB": "THÔNG BÁO", "HD": "HƯỚNG DẪN",
             "CV": "CÔNG VĂN"}
# Secrecy and urgency marks (FORMAT.md header, left column, item 5). A report carries at most one
# of each, stored as "mat" or "mat,khan"; each prints on its own line under the number.
SECRECY = {"mat": "MẬT", "toi_mat": "TỐI MẬT", "tuyet_mat": "TUYỆT MẬT"}
URGENCY = {"khan": "KHẨN", "thuong_khan": "THƯỢNG KHẨN", "hoa_toc": "HỎA TỐC"}
MARKS = {"": "", **SECRECY, **URGENCY}
MARK_CHOICES = {"": "", **SECRECY, **URGENCY,
                **{f"{s},{u}": f"{SECRECY[s]}, {URGENCY[u]}" for s in SECRECY for u in URGENCY}}


@dataclass
class Header:
    superior: str  # "ĐẢNG BỘ TỈNH VĨNH LONG" (may be empty)
    body: str  # "ĐẢNG ỦY XÃ CÀNG LONG"
    number: str  # "Số 01-BC/ĐU"
    date_line: str  # "Càng Long, ngày 20 tháng 10 năm 2026"
    mark: str = ""  # "MẬT", "KHẨN", "MẬT\nHỎA TỐC" (one line per mark) or empty
    party: str = PARTY


@dataclass
class Heading:
    level: int  # 1: "I. ..." (upper case), 2: "1. ...", 3: "a) ..."
    text: str


@dataclass
class Paragraph:
    text: str
    indent: bool = True  # first-line indent of the body style

    @property
    def leads_in(self) -> bool:
        """Ends on ':' (what follows is its list): never the last line of a page."""
        return self.text.rstrip().endswith(":")


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths_mm: list[float] | None = None
    caption: str = ""
    bold_last_row: bool = False  # a "Tổng cộng" row


@dataclass
class Chart:
    """Counts per category (field) and series (tendency): values[series][category]."""

    title: str
    categories: list[str]
    series: list[str]
    values: list[list[int]]


Block = Heading | Paragraph | Table | Chart


@dataclass
class Signature:
    authority: str  # "T/M ĐẢNG ỦY", "K/T TRƯỞNG BAN" or "" (a head signing directly; minutes)
    title: str  # "BÍ THƯ", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"
    name: str  # sentence case: "Nguyễn Văn An"


@dataclass
class Document:
    header: Header
    doc_type: str  # "BÁO CÁO" | "BIÊN BẢN"
    subject: str
    blocks: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)  # 1 (report) or 2 (minutes)
    title_meta: str = ""  # PDF/DOCX metadata title

    @property
    def is_minutes(self) -> bool:
        return len(self.signatures) == 2


DRAFT_NUMBER_BLANK = " " * 5  # with the space after "Số": room to write the number by hand


def number_text(number: int | None, type_code: str, body_code: str) -> str:
    """`Số 01-BC/ĐU` (at least two digits); a draft leaves the number blank: `Số      -BC/ĐU`."""
    shown = f"{number:02d}" if number else DRAFT_NUMBER_BLANK
    return f"Số {shown}-{type_code}/{body_code}"


def mark_text(code: str) -> str:
    """"mat,khan" → "MẬT\nKHẨN"; an unknown code is printed as typed (upper case)."""
    parts = [p.strip() for p in (code or "").split(",") if p.strip()]
    return "\n".join(MARKS.get(p, p.upper()) for p in parts)


def valid_mark(code: str) -> bool:
    return (code or "") in MARK_CHOICES


def is_collective(body_name: str) -> bool:
    """A Party committee (ĐẢNG ỦY …) signs on behalf of the collective; a BAN is headed by one
    person who signs with the title alone (HD 36 §1.7.1): "T/M" stands only above a committee."""
    return not body_name.strip().upper().startswith("BAN ")


def _collective_authority(body_name: str) -> str:
    """'ĐẢNG ỦY XÃ CÀNG LONG' → 'T/M ĐẢNG ỦY'; 'TỈNH ỦY VĨNH LONG' → 'T/M TỈNH ỦY'."""
    words = body_name.strip().upper().split()
    return f"T/M {' '.join(words[:2])}" if len(words) >= 2 else f"T/M {body_name.strip().upper()}"


def sign_lines(body_name: str, mode: str) -> tuple[str, str]:
    """(authority line, title) for the head ("tm") or a deputy ("kt") of the issuing body:
    T/M ĐẢNG ỦY + BÍ THƯ / PHÓ BÍ THƯ; TRƯỞNG BAN alone, or K/T TRƯỞNG BAN + PHÓ TRƯỞNG BAN."""
    deputy = mode == "kt"
    if is_collective(body_name):
        return _collective_authority(body_name), "PHÓ BÍ THƯ" if deputy else "BÍ THƯ"
    return ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN") if deputy else ("", "TRƯỞNG BAN")


TITLE_CASE = {"BÍ THƯ": "Bí thư", "PHÓ BÍ THƯ": "Phó Bí thư", "TRƯỞNG BAN": "Trưởng ban",
              "PHÓ TRƯỞNG BAN": "Phó Trưởng ban"}


def signer_title(body_name: str, mode: str) -> str:
    """The signer's title in sentence case, for the register and the stamp ("Phó Bí thư")."""
    title = sign_lines(body_name, mode)[1]
    return TITLE_CASE.get(title, title.capitalize())


def sign_mode_labels(body_name: str) -> dict[str, str]:
    """What the two signing modes mean for this body, for the choice in the GUI."""
    labels = {}
    for mode in ("tm", "kt"):
        authority, title = sign_lines(body_name, mode)
        who = TITLE_CASE.get(title, title)
        labels[mode] = f"{authority} – {who} ký" if authority else f"{who} ký"
    return labels


def signature(body_name: str, mode: str, name: str) -> Signature:
    authority, title = sign_lines(body_name, mode)
    return Signature(authority, title, name)


def recipient_lines(recipients: list[str]) -> list[str]:
    """`- X,` for each line, the last one ending with a full stop (FORMAT.md). A bracketed
    purpose ('(để báo cáo)') is held together with no-break spaces, so a narrow column breaks
    before it, never inside it ('(để / báo cáo)')."""
    cleaned = [r.strip().lstrip("-").strip().rstrip(",.;").strip() for r in recipients if r.strip()]
    held = [re.sub(r"\([^()]*\)", lambda m: m.group().replace(" ", "\u00a0"), r) for r in cleaned]
    lines = [f"- {r}," for r in held]
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


_H2 = re.compile(r"^\d+(\.\d+)*\.\s")
_H3 = re.compile(r"^[a-zđ]\)\s")


def text_blocks(text: str) -> list[Block]:
    """Split a section's editable text into blocks: a line "1. ..." is a section heading,
    "a) ..." a point heading, anything else a paragraph (one per non-empty line)."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _H2.match(line) and len(line) < 160:
            blocks.append(Heading(2, line))
        elif _H3.match(line) and len(line) < 160:
            blocks.append(Heading(3, line))
        else:
            blocks.append(Paragraph(line))
    return blocks


_FIGURE_NO = re.compile(r"^(Bảng|Biểu đồ)\s+\d+\s*[.:]?\s*")


def numbered(doc: Document) -> Document:
    """A copy in which every table and chart carries its number in document order ("Bảng 1.",
    "Biểu đồ 1."), whatever numbers the drafts gave (or forgot); both renderers print this."""
    counts = {"Bảng": 0, "Biểu đồ": 0}
    blocks: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, (Table, Chart)):
            label = "Bảng" if isinstance(block, Table) else "Biểu đồ"
            counts[label] += 1
            text = _FIGURE_NO.sub("", block.caption if isinstance(block, Table) else block.title).strip()
            caption = f"{label} {counts[label]}." + (f" {text}" if text else "")
            block = replace(block, caption=caption) if isinstance(block, Table) else replace(block, title=caption)
        blocks.append(block)
    return replace(doc, blocks=blocks)


def plain_text(doc: Document) -> str:
    """All visible text in reading order; used for search and tests."""
    parts = [doc.header.superior, doc.header.body, "*", doc.header.number, doc.header.mark, doc.header.party,
             doc.header.date_line, doc.doc_type, doc.subject]
    for block in doc.blocks:
        if isinstance(block, (Heading, Paragraph)):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.extend(block.columns)
            parts.extend(c for row in block.rows for c in row)
    parts.extend(recipient_lines(doc.recipients))
    for sig in doc.signatures:
        parts.extend([sig.authority, sig.title, sig.name])
    return "\n".join(p for p in parts if p)
