"""A character the PDF font cannot draw (an emoji) is reported before rendering, naming it and
where it is, instead of vanishing from the printed report; Vietnamese text, in composed or
decomposed form, and the app's own punctuation pass."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from app.errors import ValidationError
from app.reports import draft, glyphs, register
from app.reports.drafts import start_draft
from app.reports.glyphs import missing


def test_vietnamese_and_punctuation_are_drawable():
    text = "Đảng ủy xã Càng Long – “Bà con phấn khởi…” № 5, 30 % ; ệ ỹ ữ ặ"
    assert missing(text) == []
    assert missing(unicodedata.normalize("NFD", text)) == []     # typed with combining marks
    assert missing("Vui quá 😀👍🏻 ❤️") == ["😀", "👍", "🏻", "❤"]


def test_an_emoji_in_a_section_is_refused_before_rendering(demo_ctx):
    report = start_draft(demo_ctx, "monthly", date(2026, 11, 1)).report
    key = report.sections[0]["key"]
    draft.edit_section(demo_ctx, report.id, key, "Nhân dân phấn khởi 😀 trước kết quả xây dựng nông thôn mới.")
    with pytest.raises(ValidationError) as refused:
        register.render_files(demo_ctx, report.id)
    message = refused.value.message
    assert "“😀” (grinning face)" in message and "phấn khởi 😀 trước" in message
    assert "phông chữ in không có" in message


def test_empty_texts_are_checked_without_reading_the_font():
    """The report panel clears its fields while the reports page is built, on the GUI thread,
    before its worker has read the font's character set: an empty text has nothing to check,
    so nothing reads the four font files there (60-90 ms of frozen window at the first opening)."""
    glyphs._covered.cache_clear()
    glyphs.check_document(["", ""])
    assert glyphs._covered.cache_info().currsize == 0
    assert missing("😀") == ["😀"] and glyphs._covered.cache_info().currsize == 1
