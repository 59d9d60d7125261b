"""Menu bar, shortcuts, the in-app guide and "Giới thiệu" on the demo office's main window."""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.help import HELP_DIR, AboutDialog, HelpDialog
from ui.main_window import NAV


def actions(window) -> dict[str, object]:
    found = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                found[action.text().replace("&", "")] = action
    return found


def test_menu_bar_lists_the_shortcuts(main_window) -> None:
    titles = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert titles == ["Tệp", "Sửa", "Xem", "Công cụ", "Trợ giúp"]
    shortcuts = {name: a.shortcut().toString() for name, a in actions(main_window).items()}
    assert {shortcuts["In…"], shortcuts["Thêm mới"], shortcuts["Tìm kiếm"], shortcuts["Làm mới"],
            shortcuts["Hướng dẫn sử dụng"], shortcuts["Thoát"]} == {"Ctrl+P", "Ctrl+N", "Ctrl+F", "F5", "F1", "Ctrl+Q"}
    assert shortcuts["Tổng quan"] == "Ctrl+1"


def test_actions_follow_the_page(main_window) -> None:
    found = actions(main_window)
    main_window.show_page("overview")
    assert not found["Thêm mới"].isEnabled() and found["Thêm mới"].toolTip() == "Trang này không có gì để thêm mới."
    assert not found["In…"].isEnabled()
    page = main_window.show_page("opinions")
    assert found["Thêm mới"].isEnabled() and found["Tìm kiếm"].isEnabled()
    found["Tìm kiếm"].trigger()
    assert QApplication.focusWidget() is page.search
    assert main_window.show_page("reports") and found["In…"].isEnabled()


def test_status_bar_and_sidebar_read_right(main_window, demo_ctx) -> None:
    texts = [main_window.statusBar().currentMessage(), main_window.user_label.text(), main_window.windowTitle()]
    assert not any(str(demo_ctx.path) in t for t in texts)
    # The title names the office by its kind (a commune: "Đảng ủy xã …"), never with a capital G.
    assert "Tuyên Giáo" not in main_window.windowTitle() and "Đảng ủy xã" in main_window.windowTitle()


def test_f1_opens_the_guide_for_the_current_page(main_window, qtbot) -> None:
    main_window.show_page("opinions")
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, HelpDialog):
            seen.append(dialog.browser.source().fileName())
            seen.append(dialog.browser.toPlainText())
            dialog.reject()
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    actions(main_window)["Hướng dẫn sử dụng"].trigger()
    assert seen[0] == "opinions.html" and "Shift+Enter" in seen[1]


def test_every_screen_has_a_guide_page_and_no_link_is_broken(qtbot) -> None:
    for key, _label in [*NAV, ("province", "Các đơn vị")]:
        assert (HELP_DIR / f"{key}.html").exists(), key
        dialog = HelpDialog(key)
        qtbot.addWidget(dialog)
        assert dialog.browser.documentTitle(), key
    for page in HELP_DIR.glob("*.html"):
        for target in re.findall(r'href="([^"#]+)"', page.read_text(encoding="utf-8")):
            assert (HELP_DIR / target).exists(), (page.name, target)


def test_about_names_version_and_licences(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "DLXH 0." in text and "SIL Open Font License" in text and "LGPL" in text


def test_what_ctrl_p_prints_comes_from_memory(demo_ctx) -> None:
    from app import audit
    from app.collaborators import excel_export
    from app.meetings import core as meetings
    from app.meetings import minutes_export
    from app.surveys import printable
    from app.surveys import questionnaire as qn

    held = next(m for m in meetings.list_meetings(demo_ctx) if m.held_on <= str(__import__("datetime").date.today()))
    assert minutes_export.render_minutes(demo_ctx, held.id, "pdf").startswith(b"%PDF")
    survey = qn.list_surveys(demo_ctx)[0]
    assert printable.form_pdf(demo_ctx, survey.id).startswith(b"%PDF")
    heading, headers, rows = excel_export.contact_sheet(demo_ctx)
    assert heading.startswith("DANH BẠ") and headers[1] == "Họ và tên" and rows and rows[0][0] == "1"
    assert audit.entries(demo_ctx, action="print")[0].table_name == "collaborators"
