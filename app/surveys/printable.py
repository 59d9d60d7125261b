"""The printable questionnaire for paper surveys (DOCX/PDF through the reports renderers).

It says on top that the form is anonymous, asks only the four profile facts, and prints
every skip rule next to its question so the respondent knows what to leave blank.
"""

from __future__ import annotations

from pathlib import Path

from app.catalog import GENDERS, STRATA
from app.context import Ctx
from app.office import get_office
from app.reports.document import Document, Header, Heading, Paragraph
from app.surveys.model import AGE_BANDS, Question, Questionnaire
from app.surveys.questionnaire import get_survey, load
from app.surveys.report import write_document

BOX = "□"
INTRO = ("Để nắm bắt tâm trạng, ý kiến của nhân dân, xin anh/chị vui lòng trả lời các câu hỏi dưới đây bằng "
         f"cách đánh dấu (x) vào ô {BOX} phù hợp hoặc ghi ý kiến vào chỗ trống. Phiếu không ghi họ tên, địa chỉ, "
         "số điện thoại; ý kiến của anh/chị chỉ dùng để tổng hợp chung.")


GAP = "\u00a0" * 4  # renderers collapse plain spaces
SHORT_LINE = 64  # characters that fit on one body line beside the first-line indent


def _boxes(labels: list[str]) -> str:
    """Tick boxes numbered as the clerk keys them: "□ (1) Nam    □ (2) Nữ"."""
    return GAP.join(f"{BOX}\u00a0({i})\u00a0{label}" for i, label in enumerate(labels, start=1))


def _box_rows(labels: list[str], per_row: int) -> list[Paragraph]:
    """Numbered boxes a few per line (one-line paragraphs are not stretched by justification)."""
    numbered = [f"{BOX}\u00a0({i})\u00a0{label}" for i, label in enumerate(labels, start=1)]
    return [Paragraph(GAP.join(numbered[i:i + per_row])) for i in range(0, len(numbered), per_row)]


def _question_blocks(q: Question) -> list:
    notes = []
    if q.kind == "multiple":
        notes.append("có thể chọn nhiều phương án")
    if q.skip:
        notes.append(f"chỉ trả lời nếu câu {q.skip.question_no} chọn phương án {q.skip.option_no}")
    if not q.required:
        notes.append("không bắt buộc")
    note = f" ({'; '.join(notes)})" if notes else ""
    blocks: list = [Heading(3, f"Câu {q.no}. {q.text}{note}")]
    if q.has_choices:
        labels = [f"{BOX}\u00a0{i}.\u00a0{label}" for i, label in enumerate(q.choices, start=1)]
        if sum(len(label) for label in labels) + 4 * len(labels) <= SHORT_LINE:
            blocks.append(Paragraph(GAP.join(labels)))  # short options side by side
        else:
            blocks += [Paragraph(label) for label in labels]
    elif q.kind == "number":
        blocks.append(Paragraph("Ghi số: ……………………"))
    else:
        blocks += [Paragraph("…" * 32, indent=False), Paragraph("…" * 32, indent=False)]
    return blocks


def build_document(ctx: Ctx, questionnaire: Questionnaire, areas_hint: str = "") -> Document:
    office = get_office(ctx)
    header = Header(office.superior_name, office.body_name, "Phiếu số: ………", "")
    blocks: list = [Paragraph(INTRO), Heading(2, "Phần I. Thông tin chung về người trả lời")]
    blocks += [
        Paragraph("1. Giới tính:" + GAP + _boxes(list(GENDERS.values())), indent=False),
        Paragraph("2. Độ tuổi:" + GAP + _boxes(list(AGE_BANDS.values())), indent=False),
        Paragraph("3. Thành phần (giai tầng):", indent=False),
        *_box_rows(list(STRATA.values()), 3),
        Paragraph("4. Nơi ở (địa bàn): " + (areas_hint or "……………………………………………"), indent=False),
        Heading(2, "Phần II. Nội dung thăm dò"),
    ]
    for q in questionnaire.questions:
        blocks += _question_blocks(q)
    blocks.append(Paragraph("Xin trân trọng cảm ơn anh/chị!", indent=False))
    title = questionnaire.title
    return Document(header, "PHIẾU THĂM DÒ Ý KIẾN", title[0].lower() + title[1:] if title else "", blocks, [], [],
                    title_meta=f"Phiếu thăm dò: {title}")


def render(ctx: Ctx, survey_id: str, out_dir: Path, *, pdf: bool = True, docx: bool = True) -> list[Path]:
    """Write the blank questionnaire into out_dir; returns the files written."""
    get_survey(ctx, survey_id)
    doc = build_document(ctx, load(ctx, survey_id))
    return write_document(doc, out_dir, f"phieu-tham-do-{survey_id[-8:]}", pdf=pdf, docx=docx)


def form_pdf(ctx: Ctx, survey_id: str) -> bytes:
    """The blank questionnaire as PDF bytes, for printing without writing a file."""
    from app.reports.render_pdf import render_pdf

    get_survey(ctx, survey_id)
    return render_pdf(build_document(ctx, load(ctx, survey_id)))
