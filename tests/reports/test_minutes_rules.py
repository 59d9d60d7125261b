"""Minutes a chair signs: the CLI writes them, nobody is listed both absent and reporting, an
extraordinary meeting's conclusion addresses why it was called, and no signature block stands
alone on a page (in either renderer) wherever the page breaks fall."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from docx import Document as read_docx

from app.meetings import core
from app.reports import minutes
from app.reports.document import Heading, Paragraph
from app.reports.prose.words import place
from app.reports.render_docx import render_docx
from app.reports.render_pdf import render_pdf
from tests.conftest import PASSPHRASE
from tests.pdfread import open_pdf
from tests.reports.sample import sample_document, sample_minutes


def _text(pdf_bytes: bytes) -> str:
    return "\n".join(p.text() for p in open_pdf(pdf_bytes))


def _meeting(ctx, kind: str) -> str:
    return ctx.db.execute("SELECT m.id FROM meetings m WHERE kind = ? AND EXISTS (SELECT 1 FROM opinions o "
                          "WHERE o.meeting_id = m.id) ORDER BY held_on DESC", [kind]).fetchone()[0]


def test_cli_writes_the_minutes(cli, demo_path, demo_ctx, tmp_path):
    env = {"DLXH_PASSPHRASE": PASSPHRASE}
    meeting_id = _meeting(demo_ctx, "regular")
    done = cli("--db", str(demo_path), "meetings", "minutes", meeting_id, "--pdf", "--docx", "--out",
               str(tmp_path / "out"), env=env)
    assert done.returncode == 0, done.stderr
    written = done.stdout.strip().splitlines()
    assert sorted(p.rsplit(".", 1)[1] for p in written) == ["docx", "pdf"]
    pdf = next(p for p in written if p.endswith(".pdf"))
    assert "BIÊN BẢN" in _text(Path(pdf).read_bytes())
    done = cli("--db", str(demo_path), "meetings", "minutes", "khong-co", "--out", str(tmp_path), env=env)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1


def test_nobody_is_both_absent_and_reporting(demo_ctx):
    meeting_id = _meeting(demo_ctx, "regular")
    reporter, name = demo_ctx.db.execute(
        "SELECT c.id, c.full_name FROM opinions o JOIN collaborators c ON c.id = o.collaborator_id "
        "WHERE o.meeting_id = ? LIMIT 1", [meeting_id]).fetchone()
    core.set_attendance(demo_ctx, meeting_id, {reporter: "absent"})      # an item sent in by someone absent
    text = " ".join(_text(minutes.render_pdf(minutes.minutes_document(demo_ctx, meeting_id))).split())
    absent = set(re.findall(r"- ([^-():]+?) \([^)]*\): vắng", text))
    assert name in absent
    reporting, sent = text.split("Ý kiến do cộng tác viên vắng mặt gửi đến hội nghị:")
    reported = set(re.findall(r"Đồng chí ([^()]+?) \([^)]*\) phản ánh", reporting))
    assert reported and not (absent & reported)
    assert f"Đồng chí {name} (" in sent and " gửi " in sent.split("Kết luận")[0]


def test_extraordinary_conclusion_addresses_its_reason(demo_ctx):
    meeting_id = _meeting(demo_ctx, "extraordinary")
    m = core.get(demo_ctx, meeting_id)
    text = " ".join(_text(minutes.render_pdf(minutes.minutes_document(demo_ctx, meeting_id))).split())
    reason = m.agenda.strip().rstrip(".")
    assert f"Hội nghị được triệu tập đột xuất để {reason[0].lower() + reason[1:]}" in text
    conclusion = text.split("Kết luận của đồng chí chủ trì")[1]
    assert f"Về nội dung hội nghị được triệu tập ({reason[0].lower() + reason[1:]})" in conclusion
    # the demo's collaborators reported on the matter; each line says what, not the topic again
    on_reason = re.search(r"cộng tác viên đã phản ánh (\d+) ý kiến ở", conclusion)
    assert on_reason and int(on_reason.group(1)) > 0
    reported = text.split("Ý kiến phản ánh của cộng tác viên")[1].split("Kết luận")[0]
    assert reported.count("về ô nhiễm môi trường") <= 1


def test_signature_block_never_alone_on_a_page():
    """Wherever the page break falls, the last page holds the last paragraphs with the signatures."""
    for doc in (sample_document(pages=1), sample_minutes()):
        last_words = "Câu cuối cùng của văn bản trước phần chữ ký."
        for n in range(0, 40, 3):
            filler = [Paragraph(f"Đoạn thêm {i + 1} để dời chỗ ngắt trang.") for i in range(n)]
            variant = replace(doc, blocks=[*doc.blocks, *filler, Paragraph(last_words)])
            pages = [" ".join(p.text().split()) for p in open_pdf(render_pdf(variant))]
            holder = next(i for i, p in enumerate(pages) if variant.signatures[0].name in p)
            assert last_words in pages[holder], (doc.doc_type, n)
            # the text's last two lines go with it, not one line alone (here one-line paragraphs)
            for before in filler[-1:]:
                assert before.text in pages[holder], (doc.doc_type, n, before.text)
        docx = read_docx(io.BytesIO(render_docx(replace(doc, blocks=[*doc.blocks, Paragraph(last_words)]))))
        last = next(p for p in reversed(docx.paragraphs) if p.text == last_words)
        assert last.paragraph_format.keep_with_next
        gap = last._p.getnext()
        assert gap is not None and gap.tag.endswith("}p")
        assert gap.pPr is not None and gap.pPr.keepNext is not None
        assert gap.getnext().tag.endswith("}tbl")


def _minutes_text(ctx, meeting_id: str) -> str:
    return " ".join(_text(minutes.render_pdf(minutes.minutes_document(ctx, meeting_id))).split())


def test_a_collaborator_is_shown_in_the_area_they_are_registered_in(demo_ctx):
    """Between two meetings nobody moves: the bracket after a name, in the absent list and among
    the reporters alike, is the collaborator's registered area (not where their items came from)."""
    registered = {name: place(area) for name, area in demo_ctx.db.execute(
        "SELECT c.full_name, u.name FROM collaborators c JOIN units u ON u.code = c.area_code").fetchall()}
    seen: dict[str, set[str]] = {}
    for kind in ("regular", "extraordinary"):
        text = _minutes_text(demo_ctx, _meeting(demo_ctx, kind)).split("Kết luận của đồng chí chủ trì")[0]
        pairs = re.findall(r"- (?:Đồng chí )?([^-():]+?) \(([^)]*)\)(?::| phản ánh| gửi)", text)
        assert len(pairs) > 5, kind
        for name, area in pairs:
            seen.setdefault(name, set()).add(area)
    wrong = {n: a for n, a in seen.items() if a != {registered[n]}}
    assert not wrong


def test_minutes_hold_no_template_sentences(demo_ctx):
    """Every sentence of the regular minutes comes from the meeting: no stock sentence saying
    that collaborators reported and the chair concluded, in place of what they said."""
    text = _minutes_text(demo_ctx, _meeting(demo_ctx, "regular"))
    assert "giao nhiệm vụ nắm tình hình tháng tới" not in text
    assert "Các cộng tác viên phản ánh tình hình dư luận tại địa bàn" not in text
    assert "thông qua trước hội nghị" not in text and "đọc lại và thông qua tại hội nghị" in text


def test_extraordinary_conclusion_names_the_agency_that_holds_the_matter(demo_ctx):
    meeting_id = _meeting(demo_ctx, "extraordinary")
    topic = demo_ctx.db.execute(
        "SELECT o.topic_id FROM opinions o WHERE o.meeting_id = ? AND o.topic_id IS NOT NULL "
        "GROUP BY 1 ORDER BY count(*) DESC", [meeting_id]).fetchone()[0]
    agency = demo_ctx.db.execute(
        "SELECT u.name FROM opinions o JOIN units u ON u.code = o.forwarded_to WHERE o.topic_id = ? "
        "GROUP BY 1 ORDER BY count(*) DESC", [topic]).fetchone()[0]
    conclusion = _minutes_text(demo_ctx, meeting_id).split("Kết luận của đồng chí chủ trì")[1]
    assert agency in conclusion
    assert "cơ quan chức năng" not in conclusion
    # what was heard on the matter, by tendency, adds up to the items reported on it
    heard = re.search(r"đã phản ánh (\d+) ý kiến[^;]*, trong đó ([^;]+);", conclusion)
    assert heard, conclusion
    assert sum(int(n) for n in re.findall(r"(\d+) ý kiến", heard.group(2))) == int(heard.group(1))


def test_a_heading_or_a_lead_in_never_ends_a_page_before_the_closing_paragraphs():
    """The conclusion's heading and its lead-in sentence ("… và kết luận:") go with the closing
    paragraphs, wherever the break falls, in the PDF and the DOCX."""
    doc = sample_minutes()
    lead_in = "Đồng chí chủ trì ghi nhận các ý kiến và kết luận:"
    for n in range(0, 40, 2):
        filler = [Paragraph(f"Đoạn thêm {i + 1} để dời chỗ ngắt trang.") for i in range(n)]
        variant = replace(doc, blocks=[*doc.blocks, *filler, Heading(2, "3. Kết luận của đồng chí chủ trì"),
                                       Paragraph(lead_in), Paragraph("Kết luận thứ nhất."),
                                       Paragraph("Kết luận thứ hai."), Paragraph("Kết luận thứ ba.")])
        pages = [" ".join(p.text().split()) for p in open_pdf(render_pdf(variant))]
        holder = next(i for i, p in enumerate(pages) if "Kết luận thứ nhất." in p)
        assert "3. Kết luận của đồng chí chủ trì" in pages[holder] and lead_in in pages[holder], n
    docx = read_docx(io.BytesIO(render_docx(variant)))
    assert next(p for p in docx.paragraphs if p.text == lead_in).paragraph_format.keep_with_next


def test_regular_conclusion_sends_the_items_to_the_agencies_that_hold_them(demo_ctx):
    meeting_id = _meeting(demo_ctx, "regular")
    busiest = demo_ctx.db.execute(
        "SELECT u.name FROM opinions o JOIN units u ON u.code = o.forwarded_to WHERE o.topic_id IN "
        "(SELECT topic_id FROM opinions WHERE meeting_id = ?) GROUP BY 1 ORDER BY count(*) DESC", [meeting_id]
    ).fetchone()[0]
    conclusion = _minutes_text(demo_ctx, meeting_id).split("Kết luận của đồng chí chủ trì")[1]
    assert f"chuyển {busiest}" in conclusion
