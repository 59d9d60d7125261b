"""The report editor warns of a character the PDF font lacks (an emoji) while the clerk types,
with the same sentence the PDF build refuses with, and the warning goes when it is removed;
before, the clerk learned of it only when printing."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.reports.glyphs import check_document


def _refusal(text: str) -> str:
    with pytest.raises(ValidationError) as refused:
        check_document(text)
    return refused.value.message


def test_an_emoji_typed_in_a_section_is_warned_at_once(main_window, qtbot):
    panel = main_window.show_page("reports").panel
    panel.section_list.setCurrentRow(4)
    assert panel.glyph_warning.isHidden()
    panel.section_text.setPlainText("Nhân dân phấn khởi ")
    panel.section_text.setFocus()
    panel.section_text.moveCursor(panel.section_text.textCursor().MoveOperation.End)
    panel.section_text.insertPlainText("😀")     # as the emoji picker or a paste gives it
    assert not panel.glyph_warning.isHidden()
    qtbot.keyClicks(panel.section_text, " truoc ket qua")
    text = panel.section_text.toPlainText()
    assert not panel.glyph_warning.isHidden()
    assert panel.glyph_warning.text() == _refusal(text)
    assert "“😀” (grinning face)" in panel.glyph_warning.text()
    panel.section_text.setPlainText(text.replace("😀 ", ""))
    assert panel.glyph_warning.isHidden()


def test_the_report_details_are_checked_too(main_window):
    panel = main_window.show_page("reports").panel
    panel.title_edit.setText("Báo cáo tháng ✅")
    assert not panel.details_glyph_warning.isHidden()
    assert panel.details_glyph_warning.text() == _refusal("Báo cáo tháng ✅")
    panel.title_edit.setText("Báo cáo tháng")
    assert panel.details_glyph_warning.isHidden()
