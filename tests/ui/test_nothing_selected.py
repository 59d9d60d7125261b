"""A button pressed with nothing selected says what to select (issue 25: "Xuất biên bản DOCX"
did nothing at all with no meeting chosen)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_minutes_buttons_with_no_meeting_say_what_to_select(main_window, qtbot) -> None:
    page = main_window.show_page("meetings")
    main_window.tasks.wait()
    page.show_meeting(None)                                   # as after "Thêm hội nghị" was abandoned
    for button, kind in ((page.docx_button, "DOCX"), (page.pdf_button, "PDF")):
        main_window.statusBar().clearMessage()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert main_window.statusBar().currentMessage() == \
            f"Hãy chọn một hội nghị trong danh sách để xuất biên bản {kind}."
