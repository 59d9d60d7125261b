"""A plain model of one official document, independent of the output format.

Drafting builds a `Document`; render_docx and render_pdf turn the same object into
files, so what the user sees in Word and in the PDF comes from one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
DOC_TYPES = {"BC": "BÁO CÁO", "BB": "BIÊN BẢN", "KH": "KẾ HOẠCH", "TB": "THÔNG BÁO", "HD": "HƯỚNG DẪN",
             "CV": "CÔNG VĂN"}
MARKS = {"": "", "mat": "MẬT", "toi_mat": "TỐI MẬT", "khan": "KHẨN", "hoa_toc": "HỎA TỐC"}


@dataclass
class Header:
    superior: str  # "HUYỆN ỦY PHONG ĐIỀN" (may be empty)
    body: str  # "BAN TUYÊN GIÁO"
    number: str  # "Số 15-BC/BTGHU"
    date_line: str  # "Phong Điền, ngày 20 tháng 10 năm 2024"
    mark: str = ""  # "MẬT", "KHẨN" ... or empty
    party: str = PARTY


@dataclass
class Heading:
    level: int  # 1: "I. ..." (upper case), 2: "1. ...", 3: "a) ..."
    text: str


@dataclass
class Paragraph:
    text: str
    indent: bool = True  # first-line indent of the body style


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
    authority: str  # "T/M BAN TUYÊN GIÁO", "K/T TRƯỞNG BAN" or "" (minutes: none)
    title: str  # "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "THƯ KÝ", "CHỦ TRÌ"
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


def number_text(number: int | None, type_code: str, body_code: str) -> str:
    """`Số 15-BC/BTGHU`; before a number is given, a blank the clerk fills in by hand."""
    shown = str(number) if number else "    "
    return f"Số {shown}-{type_code}/{body_code}"


def signature(body_name: str, mode: str, name: str) -> Signature:
    """T/M the collective with the head's title, or K/T for a deputy signing for the head."""
    if mode == "kt":
        return Signature("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", name)
    return Signature(f"T/M {body_name.upper()}", "TRƯỞNG BAN", name)


def recipient_lines(recipients: list[str]) -> list[str]:
    """`- X,` for each line, the last one ending with a full stop (FORMAT.md)."""
    cleaned = [r.strip().lstrip("-").strip().rstrip(",.;").strip() for r in recipients if r.strip()]
    lines = [f"- {r}," for r in cleaned]
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
