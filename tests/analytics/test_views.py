"""The analytics views on the demo: streams card with its one-click button on Tổng quan, the
"Ý kiến tương tự" dialog, topic keywords, and the synonym editor in Danh mục."""

import pytest
from PySide6.QtWidgets import QPushButton

from app.analytics import synonyms

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_streams_card_on_the_demo_overview_makes_a_topic_in_one_click(qtbot, demo_ctx):
    from ui.pages.overview import Page
    from ui.tasks import TaskRunner

    page = Page(demo_ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.refresh()
    titles = [f.findChild(type(page.action_status)).text() for f in page.card_widgets]
    assert "Luồng dư luận mới chưa thuộc vấn đề nào" in titles
    card = page.card_widgets[titles.index("Luồng dư luận mới chưa thuộc vấn đề nào")]
    button = next(b for b in card.findChildren(QPushButton) if "điện" in b.text())
    before = demo_ctx.db.execute("SELECT count(*) FROM topics").fetchone()[0]
    button.click()
    assert demo_ctx.db.execute("SELECT count(*) FROM topics").fetchone()[0] == before + 1
    assert "Đã tạo vấn đề" in page.action_status.text()


def test_similar_dialog_and_synonym_editor(qtbot, demo_ctx, main_window):
    from ui.opinion.similar_dialog import SimilarDialog
    from ui.tasks import TaskRunner

    item = demo_ctx.db.execute("SELECT id FROM opinions WHERE summary LIKE '%tiền điện tăng vọt%'").fetchone()[0]
    dialog = SimilarDialog(demo_ctx, TaskRunner(synchronous=True), item)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 3 and "%" in dialog.model.data(dialog.model.index(0, 0))

    page = main_window.show_page("catalog")     # the tab's list reloads with its page after a write
    page.tabs.setCurrentWidget(page.synonyms)
    tab = page.synonyms
    tab.entry.setText("tiền điện = hóa đơn điện")
    tab.add()
    assert tab.mine.count() == 1 and synonyms.user_lines(demo_ctx) == ["tiền điện = hóa đơn điện"]
    tab.mine.setCurrentRow(0)
    tab.remove()
    assert tab.mine.count() == 0
