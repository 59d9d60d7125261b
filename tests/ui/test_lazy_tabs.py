"""The survey page builds a tab's view when the tab is first opened (ui/lazy_tabs.py): the
first opening of the page builds the questionnaire only, and a tab opened later, by mouse or
keyboard, is built, shows the chosen survey, takes the page fitting and the keyboard focus
like any other. Real window, real widgets, the demo store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from ui.survey.entry_view import EntryView
from ui.survey.plan_view import PlanView
from ui.survey.tabulate_view import TabulateView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _built(page) -> list[bool]:
    return [page.tabs.is_built(i) for i in range(page.tabs.count())]


def test_only_the_shown_tab_is_built_when_the_page_opens(main_window):
    page = main_window.show_page("surveys")
    assert _built(page) == [True, False, False, False]
    assert not page.findChildren(EntryView) and not page.findChildren(PlanView)
    assert not page.findChildren(TabulateView)
    assert page.tabs.currentWidget() is page.builder and page.builder.model.rowCount() > 3


def test_a_tab_clicked_is_built_and_shows_the_chosen_survey(main_window, qtbot):
    page = main_window.show_page("surveys")
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert _built(page) == [True, False, True, False]
    entry = page.tabs.currentWidget()
    assert isinstance(entry, EntryView) and entry is page.entry and entry.isVisible()
    assert entry.grid.columnCount() > 5 and entry.grid.keys[:2] == ["form_no", "gender"]
    # The page's fitting (ui/fit.py) reached it: no combo sized to its longest entry.
    assert all(c.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
               for c in entry.findChildren(QComboBox))


def test_ctrl_tab_builds_the_next_tab_and_tab_moves_into_it(main_window, qtbot):
    page = main_window.show_page("surveys")
    main_window.activateWindow()
    page.tabs.setCurrentIndex(2)   # Nhập phiếu: built; Ctrl+Tab goes on to the tables
    bar = page.tabs.tabBar()
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 3 and page.tabs.is_built(3)
    tables = page.tabulate
    assert tables.isVisible() and tables.question.count() > 0
    # Tab from the tab bar walks into the tab built last, not past it.
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Tab)
    assert tables.isAncestorOf(QApplication.focusWidget())


def test_code_asking_for_a_tab_builds_it_without_showing_it(main_window):
    page = main_window.show_page("surveys")
    plan = page.plan
    assert page.tabs.is_built(1) and page.tabs.currentIndex() == 0 and not plan.isVisible()
    page.tabs.setCurrentWidget(plan)
    assert page.tabs.currentIndex() == 1 and plan.isVisible() and plan is page.plan
    assert plan.table.rowCount() > 0 and page.tabs.indexOf(plan) == 1


def test_the_overdue_list_is_built_when_opened_and_its_count_shows_before(main_window, qtbot):
    page = main_window.show_page("opinions")
    assert not page.tabs.is_built(1) and page.overdue_model.rowCount() > 0
    assert page.tabs.tabText(1) == f"Quá hạn xử lý ({page.overdue_model.rowCount()})"
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    view = page.overdue_view
    assert page.tabs.is_built(1) and view.isVisible() and view.model().rowCount() == page.overdue_model.rowCount()
    # Sorted most overdue first, the kind column fitted to its text (not Qt's 100 px default).
    days = [page.overdue_model.row_at(view.model().mapToSource(view.model().index(r, 0)).row()).days_over
            for r in range(view.model().rowCount())]
    assert days == sorted(days, reverse=True)
    assert view.horizontalHeader().sectionSize(0) != view.horizontalHeader().defaultSectionSize()


def test_catalog_tabs_are_built_and_read_when_first_opened(main_window, qtbot):
    from app.analytics import synonyms

    synonyms.add(main_window.ctx, "giá điện = tiền điện")
    page = main_window.show_page("catalog")
    assert [page.tabs.is_built(i) for i in range(4)] == [True, False, False, False]
    assert page.communes.model.rowCount() > 5
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    lines = page.synonyms.mine
    assert page.tabs.is_built(3) and [lines.item(i).text() for i in range(lines.count())] == ["giá điện = tiền điện"]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert page.agencies.model.rowCount() > 0 and not page.tabs.is_built(2)
