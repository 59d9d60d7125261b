"""Minutes (BIÊN BẢN) of a collaborators' briefing meeting, for the meetings page.

`minutes_document(ctx, meeting_id)` builds the document from the meeting, its attendance
and the items raised there; render it with `render_docx(doc)` / `render_pdf(doc)`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from app import catalog
from app.context import Ctx
from app.meetings import core, planning
from app.reports.compose import header_for
from app.reports.document import Document, Heading, Paragraph, Signature, text_blocks
from app.reports.render_docx import render_docx
from app.reports.render_pdf import render_pdf
from app.text import vn_number

__all__ = ["minutes_document", "render_docx", "render_pdf"]

MAX_ITEMS_PER_FIELD = 5


def _clock(value: str | None) -> str:
    if not value:
        return "… giờ …"
    hour, minute = value.split(":")
    return f"{int(hour)} giờ {minute}"


def _or_blank(value: str | None) -> str:
    """The value as a sentence ('… .' never appears), or dots for the clerk to fill in."""
    value = (value or "").strip().rstrip(".")
    return f"{value}." if value else "…"


_TITLE_WORDS = ("đồng chí ", "đ/c ", "ông ", "bà ")


def person_name(text: str | None) -> str:
    """The full name alone for a signature column (FORMAT.md: the person, not the role):
    "Đồng chí Nguyễn Văn An, Phó Bí thư Đảng ủy" → "Nguyễn Văn An"."""
    name = (text or "").split(",")[0].split(" - ")[0].split("(")[0].strip()
    while name.lower().startswith(_TITLE_WORDS):
        name = name.split(" ", 2 if name.lower().startswith("đồng chí ") else 1)[-1].strip()
    return name


def _subject(m: core.Meeting, held: date) -> str:
    if m.kind == "extraordinary":
        return f"Hội nghị giao ban đột xuất cộng tác viên dư luận xã hội ngày {held:%d/%m/%Y}"
    return f"Hội nghị giao ban cộng tác viên dư luận xã hội tháng {held.month} năm {held.year}"


def _attendance(ctx: Ctx, meeting_id: str) -> list:
    lines = planning.roster(ctx, meeting_id)
    recorded = [x for x in lines if x.presence]
    present = [x for x in recorded if x.presence == "present"]
    away = [x for x in recorded if x.presence != "present"]
    excused = sum(1 for x in away if x.presence == "excused")
    blocks: list = [Paragraph(f"Có mặt {vn_number(len(present))}/{vn_number(len(recorded))} cộng tác viên được "
                              f"triệu tập; vắng {vn_number(len(away))} người ({vn_number(excused)} người có lý do).")]
    for x in away:
        where = f" ({x.area_name})" if x.area_name else ""
        reason = (x.reason or ("có lý do" if x.presence == "excused" else "không có lý do")).strip().rstrip(".")
        blocks.append(Paragraph(f"- {x.full_name}{where}: vắng, {reason[:1].lower() + reason[1:]}."))
    return blocks


def _items(ctx: Ctx, meeting_id: str) -> list:
    rows = ctx.db.execute("SELECT field, summary FROM opinions WHERE meeting_id = ? ORDER BY field, received_on",
                          [meeting_id]).fetchall()
    if not rows:
        return [Paragraph("Không có ý kiến phản ánh được ghi nhận tại hội nghị.")]
    by_field: dict[str, list[str]] = defaultdict(list)
    for fld, summary in rows:
        by_field[fld].append(summary.strip().rstrip("."))
    blocks: list = [Paragraph(f"Các cộng tác viên đã phản ánh {vn_number(len(rows))} ý kiến, cụ thể:")]
    for fld in catalog.FIELDS:
        items = by_field.get(fld)
        if not items:
            continue
        label = catalog.label(catalog.FIELDS, fld)
        blocks.append(Paragraph(f"- Về lĩnh vực {label[:1].lower() + label[1:]} ({vn_number(len(items))} ý kiến): "
                                + "; ".join(items[:MAX_ITEMS_PER_FIELD])
                                + ("…" if len(items) > MAX_ITEMS_PER_FIELD else "") + "."))
    return blocks


def minutes_document(ctx: Ctx, meeting_id: str, number: int | None = None) -> Document:
    m = core.get(ctx, meeting_id)
    held = date.fromisoformat(m.held_on)
    blocks: list = [
        Paragraph(f"Thời gian: vào lúc {_clock(m.start_time)}, ngày {held.day:02d} tháng {held.month:02d} "
                  f"năm {held.year}."),
        Paragraph(f"Địa điểm: {_or_blank(m.place)}"),
        Paragraph(f"Chủ trì: {_or_blank(m.chair)} Thư ký: {_or_blank(m.secretary)}"),
        Heading(1, "I. Thành phần tham dự"),
        *_attendance(ctx, meeting_id),
        Heading(1, "II. Nội dung hội nghị"),
    ]
    if m.agenda:
        blocks.append(Heading(2, "1. Chương trình, tài liệu"))
        blocks.extend(text_blocks(m.agenda + (f"\nTài liệu: {m.materials}" if m.materials else "")))
    n = 2 if m.agenda else 1
    blocks.append(Heading(2, f"{n}. Ý kiến phản ánh của cộng tác viên"))
    blocks.extend(_items(ctx, meeting_id))
    blocks.append(Heading(2, f"{n + 1}. Kết luận của đồng chí chủ trì"))
    blocks.extend(text_blocks(m.minutes or "…"))
    blocks.append(Paragraph(f"Hội nghị kết thúc vào lúc {_clock(m.end_time)} cùng ngày. Biên bản đã được thông qua "
                            "trước hội nghị."))
    return Document(
        header=header_for(ctx, number, "BB", held), doc_type="BIÊN BẢN", subject=_subject(m, held), blocks=blocks,
        signatures=[Signature("", "NGƯỜI GHI BIÊN BẢN", person_name(m.secretary)),
                    Signature("", "CHỦ TRÌ HỘI NGHỊ", person_name(m.chair))],
        title_meta=f"Biên bản {_subject(m, held)}",
    )
