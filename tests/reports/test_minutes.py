"""Minutes (BIÊN BẢN) of a demo briefing meeting: header, attendance, items, two signatures."""

from __future__ import annotations

import io

from docx import Document as read_docx

from app.reports import minutes
from tests.pdfread import open_pdf


def test_minutes_of_a_demo_meeting(demo_ctx):
    meeting_id, held_on = demo_ctx.db.execute(
        "SELECT m.id, m.held_on FROM meetings m WHERE EXISTS (SELECT 1 FROM opinions o WHERE o.meeting_id = m.id) "
        "AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id) ORDER BY m.held_on DESC").fetchone()
    doc = minutes.minutes_document(demo_ctx, meeting_id, number=4)
    assert doc.doc_type == "BIÊN BẢN" and doc.header.number.startswith("Số 04-BB/")
    assert doc.subject.startswith("Hội nghị giao ban")
    pdf = open_pdf(minutes.render_pdf(doc))
    text = "\n".join(page.text() for page in pdf)
    for needle in ("BIÊN BẢN", "I. THÀNH PHẦN THAM DỰ", "II. NỘI DUNG HỘI NGHỊ", "Có mặt", "Đồng chí",
                   "NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ", "Hội nghị kết thúc"):
        assert needle in text, needle
    n_items = demo_ctx.db.execute("SELECT count(*) FROM opinions WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
    assert f"phản ánh {n_items:02d} ý kiến" in text       # counts in administrative style: 08, 36
    docx = read_docx(io.BytesIO(minutes.render_docx(doc)))
    sign = docx.tables[-1].rows[0].cells
    assert [c.text.split("\n")[0] for c in sign] == ["NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ"]
    # full names (not roles) under the signature space
    assert [c.text.split("\n")[-1] for c in sign] == [d.name for d in doc.signatures]
    assert all(s.name and not s.name.lower().startswith("đồng chí") for s in doc.signatures)
    assert held_on


def test_minutes_name_people_not_roles(demo_ctx):
    from app.meetings import core

    meeting_id = demo_ctx.db.execute(
        "SELECT m.id FROM meetings m WHERE EXISTS (SELECT 1 FROM opinions o WHERE o.meeting_id = m.id) "
        "ORDER BY m.held_on DESC").fetchone()[0]
    from dataclasses import replace

    core.update(demo_ctx, replace(core.get(demo_ctx, meeting_id), chair="Nguyễn Văn An, Phó Trưởng ban",
                                  secretary="Trần Thị Bình – Chuyên viên"))
    doc = minutes.minutes_document(demo_ctx, meeting_id)
    text = "\n".join(getattr(b, "text", "") for b in doc.blocks)
    assert "Chủ trì hội nghị: đồng chí Nguyễn Văn An, Phó Trưởng ban." in text
    assert "Thư ký hội nghị: đồng chí Trần Thị Bình, Chuyên viên." in text
    assert [s.name for s in doc.signatures] == ["Trần Thị Bình", "Nguyễn Văn An"]
    reporters = demo_ctx.db.execute("SELECT DISTINCT c.full_name FROM opinions o JOIN collaborators c ON "
                                    "c.id = o.collaborator_id WHERE o.meeting_id = ?", [meeting_id]).fetchall()
    named = [r[0] for r in reporters if f"Đồng chí {r[0]} " in text]
    assert len(named) >= min(len(reporters), minutes.mt.MAX_REPORTERS)
    assert "kết luận:" in text and "…." not in text


def test_a_role_alone_is_not_a_name():
    assert minutes.mt.person("Đồng chí Phó Trưởng Ban Tuyên giáo Huyện ủy") == minutes.mt.Person(
        "", "Phó Trưởng Ban Tuyên giáo Huyện ủy")
    assert minutes.mt.person("Lê Văn Tám (Trưởng ban)") == minutes.mt.Person("Lê Văn Tám", "Trưởng ban")


def test_materials_that_name_themselves_are_not_labelled_twice(demo_ctx):
    """'Tài liệu: Tài liệu thông tin thời sự tháng; …' — the label is said once."""
    meeting_id = demo_ctx.db.execute("SELECT id FROM meetings WHERE materials LIKE 'Tài liệu%' AND kind = 'regular' "
                                     "ORDER BY held_on DESC").fetchone()[0]
    doc = minutes.minutes_document(demo_ctx, meeting_id)
    text = "\n".join(getattr(b, "text", "") for b in doc.blocks)
    assert "Tài liệu: Tài liệu" not in text and "Tài liệu thông tin thời sự tháng" in text
