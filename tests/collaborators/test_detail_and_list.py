"""A collaborator's detail on the demo office, driven like a clerk would: Sửa… edits through
the registry's write path, the items the person reported open by Enter, the list keeps the
person selected after the detail closes, and the list fits 1366 px without sideways scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.collaborators import registry
from app.opinions import items
from app.text import first_words
from tests.ui.helpers import close_next_modal


def _select(page, collaborator_id: str) -> None:
    proxy = page.view.model()
    row = next(r for r in range(proxy.rowCount())
               if page.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).id == collaborator_id)
    page.view.selectRow(row)


def _busiest(ctx) -> str:
    """The collaborator who reported the most items (the detail's list is worth checking)."""
    return ctx.db.execute("SELECT collaborator_id FROM opinions WHERE collaborator_id IS NOT NULL "
                          "GROUP BY collaborator_id ORDER BY count(*) DESC, collaborator_id LIMIT 1").fetchone()[0]


def test_detail_edits_lists_reported_items_and_keeps_the_selection(main_window, demo_ctx, qtbot):
    page = main_window.show_page("collaborators")
    person = registry.get(demo_ctx, _busiest(demo_ctx))
    _select(page, person.id)
    page.open_detail()
    detail = page.dialog
    qtbot.waitExposed(detail)

    # The items this person reported: newest first, date, first words, topic.
    reported = items.list_opinions(demo_ctx, items.OpinionFilter(collaborator_id=person.id))
    assert len(reported) >= 3
    assert detail.tabs.tabText(1) == f"Thông tin đã phản ánh ({len(reported)})"
    view = detail.items_view
    first = [view.model().index(0, c).data() for c in range(3)]
    newest = reported[0]
    d = newest.received_on
    assert first == [f"{d[8:10]}/{d[5:7]}/{d[:4]}", first_words(newest.summary, 90), newest.topic_title or "—"]
    assert len(first[1]) <= 91 and view.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == first[1]

    # Enter on the second row opens that item in the entry form, once.
    detail.tabs.setCurrentIndex(1)
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    opened: list = []
    close_next_modal(opened, "Sửa thông tin dư luận")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert opened[0].form.editing.id == reported[1].id

    # Sửa… opens the list's editor on this person; saving goes through registry.update.
    version = person.version
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    editor = detail.editor
    assert editor.windowTitle() == "Sửa cộng tác viên"
    assert editor.form.full_name.text() == person.full_name
    editor.form.phone.setText("0911 222 333")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = registry.get(demo_ctx, person.id)
    assert (saved.phone, saved.version) == ("0911222333", version + 1)
    assert "0911222333" in detail.info.text()   # reloaded from the runner's changed signal
    detail_json = demo_ctx.db.execute("SELECT detail FROM audit_log WHERE table_name = 'collaborators' AND "
                                      "row_id = ? AND action = 'update' ORDER BY seq DESC LIMIT 1",
                                      [person.id]).fetchone()[0]
    assert detail_json.startswith("{\"phone\"")   # audited like an edit from the list (the value masked)

    # Closing the detail leaves the same person selected in the (reloaded) list.
    detail.reject()
    assert page.selected().id == person.id
    assert page.model.row_at(page.view.model().mapToSource(page.view.currentIndex()).row()).phone == "0911222333"


def test_collaborators_list_fits_at_1366(app_style, main_window):
    main_window.resize(1366, 768)
    page = main_window.show_page("collaborators")
    for _ in range(3):
        QApplication.processEvents()
    view, header = page.view, page.view.horizontalHeader()
    assert not view.horizontalScrollBar().isVisible()
    assert header.length() <= view.viewport().width()
    for col in range(view.model().columnCount()):
        text = view.model().headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(text) + 12, text
    for col in (0, 1, 5, 7):                    # name, year, phone, status: never cut
        assert header.sectionSize(col) >= view.sizeHintForColumn(col), view.model().headerData(col, Qt.Orientation.Horizontal)
    flagged = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id in page.model.attention)
    tip = page.model.data(page.model.index(flagged, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Cần chú ý: ")
