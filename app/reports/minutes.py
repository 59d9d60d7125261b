"""Minutes (BIÊN BẢN) of a collaborators' briefing meeting, for the meetings page.

`minutes_document(ctx, meeting_id)` builds the document from the meeting, its attendance
and the items raised there; render it with `render_docx(doc)` / `render_pdf(doc)`.
"""

from __future__ import annotations

from datetime import date

from app.context import Ctx
from app.meetings import core, planning
from app.reports import minutes_text as mt
from app.reports.compose import header_for
from app.reports.document import Document, Heading, Paragraph, Signature, text_blocks
from app.reports.prose.words import count, n2, place, upper_first
from app.reports.render_docx import render_docx
from app.reports.render_pdf import render_pdf

__all__ = ["minutes_document", "render_docx", "render_pdf"]

MAX_ITEMS_PER_FIELD = 5


def _materials(text: str) -> str:
    """The materials line: 'Tài liệu: …', unless the clerk's text already names itself a tài liệu
    ('Tài liệu thông tin thời sự tháng; …'), which is not labelled twice."""
    text = text.strip()
    return upper_first(text) if text.lower().startswith("tài liệu") else f"Tài liệu: {text}"

def _clock(value: str | None) -> str:
    if not value:
        return "… giờ …"
    hour, minute = value.split(":")
    return f"{int(hour)} giờ {minute}"


def _or_blank(value: str | None) -> str:
    """The value as a sentence ('… .' never appears), or dots for the clerk to fill in."""
    value = (value or "").strip().rstrip(".")
    return f"{value}." if value else "…"


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
    blocks: list = [Paragraph(f"Có mặt {n2(len(present))}/{count(len(recorded), 'cộng tác viên')} được triệu tập; "
                              f"vắng {count(len(away), 'người')} ({count(excused, 'người')} có lý do).")]
    for x in away:
        where = f" ({place(x.area_name)})" if x.area_name else ""
        reason = (x.reason or ("có lý do" if x.presence == "excused" else "không có lý do")).strip().rstrip(".")
        blocks.append(Paragraph(f"- {x.full_name}{where}: vắng, {reason[:1].lower() + reason[1:]}."))
    return blocks


def minutes_document(ctx: Ctx, meeting_id: str, number: int | None = None) -> Document:
    m = core.get(ctx, meeting_id)
    held = date.fromisoformat(m.held_on)
    chair, secretary = mt.person(m.chair), mt.person(m.secretary)
    people = mt.reporters(ctx, meeting_id)
    blocks: list = [
        Paragraph(f"Thời gian: vào lúc {_clock(m.start_time)}, ngày {held.day:02d} tháng {held.month:02d} "
                  f"năm {held.year}."),
        Paragraph(f"Địa điểm: {_or_blank(m.place)}"),
        Paragraph(f"Chủ trì hội nghị: {chair.line()}."),
        Paragraph(f"Thư ký hội nghị: {secretary.line()}."),
        Heading(1, "I. Thành phần tham dự"),
        *_attendance(ctx, meeting_id),
        Heading(1, "II. Nội dung hội nghị"),
    ]
    extraordinary = m.kind == "extraordinary"
    reason = (m.agenda or "").strip() if extraordinary else ""
    if m.agenda:
        blocks.append(Heading(2, "1. Lý do triệu tập, chương trình" if extraordinary else "1. Chương trình, tài liệu"))
        if reason:
            blocks.append(Paragraph(f"Hội nghị được triệu tập đột xuất để {mt.lower_first(reason.rstrip('.'))}."))
        blocks.extend(text_blocks(("" if reason else m.agenda) + (f"\n{_materials(m.materials)}" if m.materials
                                                                    else "")))
    n = 2 if m.agenda else 1
    blocks.append(Heading(2, f"{n}. Ý kiến phản ánh của cộng tác viên"))
    there, sent = [r for r in people if r.present], [r for r in people if not r.present]
    total = sum(len(r.items) for r in there)
    if total:
        blocks.append(Paragraph(f"Các cộng tác viên có mặt đã phản ánh {count(total, 'ý kiến')}, cụ thể:"))
        quoted = frozenset(t for r in mt.on_reason(there, reason) for t, _s in r.items if t) if reason else frozenset()
        blocks.extend(Paragraph(line) for line in mt.report_lines(there, quoted=quoted))
    else:
        blocks.append(Paragraph("Không có ý kiến phản ánh được ghi nhận tại hội nghị."))
    if sent:
        blocks.append(Paragraph("Ý kiến do cộng tác viên vắng mặt gửi đến hội nghị:"))
        blocks.extend(Paragraph(line) for line in mt.report_lines(sent, "gửi"))
    blocks.append(Heading(2, f"{n + 1}. Kết luận của đồng chí chủ trì"))
    if m.minutes:
        blocks.extend(text_blocks(m.minutes))
    on_reason = {t for r in mt.on_reason(people, reason) for t, _s in r.items if t} if reason else set()
    others = {t for r in people for t, _s in r.items if t} - on_reason
    blocks.extend(Paragraph(line) for line in mt.conclusions(
        people, chair, reason, mt.holders(ctx, on_reason), mt.holders(ctx, others), mt.moods(ctx, meeting_id, on_reason)))
    blocks.append(Paragraph(f"Hội nghị kết thúc vào lúc {_clock(m.end_time)} cùng ngày. Biên bản đã được đọc lại "
                            "và thông qua tại hội nghị."))
    return Document(
        header=header_for(ctx, number, "BB", held), doc_type="BIÊN BẢN", subject=_subject(m, held), blocks=blocks,
        signatures=[Signature("", "NGƯỜI GHI BIÊN BẢN", secretary.name),
                    Signature("", "CHỦ TRÌ HỘI NGHỊ", chair.name)],
        title_meta=f"Biên bản {_subject(m, held)}",
    )
