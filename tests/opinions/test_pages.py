"""The opinions list (filters, search, paging, handling, overdue, Excel) and the topics page on the demo office."""

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from app.opinions import handling, items, topics
from ui.pages.opinions import PAGE_SIZE
from ui.pages.opinions import Page as OpinionsPage
from ui.pages.topics import Page as TopicsPage
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.refresh()
    return page


def test_list_filters_search_paging_and_export(qtbot, demo_ctx, tmp_path):
    page = show(qtbot, OpinionsPage(demo_ctx, TaskRunner(synchronous=True)))
    total = items.count(demo_ctx)
    assert page.total == total and page.model.rowCount() == PAGE_SIZE and page.more.isVisible()
    page.load_more()
    assert page.model.rowCount() == min(2 * PAGE_SIZE, total)
    assert [r.received_on for r in page.model.rows] == sorted((r.received_on for r in page.model.rows), reverse=True)
    page.tendency.setCurrentIndex(page.tendency.findData("frustration"))
    page.search.setText("lo than")              # no accents: finds "lò than"
    page.search.flush()
    expected = items.count(demo_ctx, items.OpinionFilter(tendency="frustration", text="lò than"))
    assert page.total == expected > 0
    assert all(r.tendency == "frustration" for r in page.model.rows)
    page.date_from.setText("31/13/2026")
    page.refresh_list()
    assert "Từ ngày: ngày 31/13/2026 không có (không có tháng 13)" in page.status.text()
    page.date_from.setText("")
    page.export_to(str(tmp_path / "loc.xlsx"))
    assert len(list(load_workbook(tmp_path / "loc.xlsx").active.iter_rows())) == expected + 1
    page.clear_filters()
    assert page.total == total


def test_overdue_tab_lists_what_is_past_due(qtbot, demo_ctx):
    page = show(qtbot, OpinionsPage(demo_ctx, TaskRunner(synchronous=True)))
    before = page.overdue_model.rowCount()
    assert before == handling.overdue_count(demo_ctx) and f"({before})" in page.tabs.tabText(1)
    limit = (date.today() - timedelta(days=2)).isoformat()
    newest = next(r for r in page.model.rows if r.received_on <= limit and r.handling == "new")
    handling.forward(demo_ctx, "opinion", newest.id, "29266-CQ01", due_on=date.today() - timedelta(days=1),
                     forwarded_on=date.fromisoformat(newest.received_on))
    page.refresh_overdue()
    assert page.overdue_model.rowCount() == before + 1
    assert any(r.id == newest.id and r.days_over == 1 for r in page.overdue_model.rows)


def test_topic_page_warning_chart_status(qtbot, demo_ctx):
    page = show(qtbot, TopicsPage(demo_ctx, TaskRunner(synchronous=True)))
    title = "Ô nhiễm môi trường từ cơ sở chăn nuôi heo và lò than củi"
    page.select_title(title)
    assert page.current.title == title
    assert page.warning.isVisible() and "lan ra" in page.warning.text()
    series = page.chart.view.chart().series()[0]
    assert series.count() == 4                   # one bar set per tendency
    assert sum(sum(b.at(i) for i in range(b.count())) for b in series.barSets()) > 0
    assert page.areas_model.rowCount() >= 3
    page.set_status("closed")
    closed = [t for t in topics.list_topics(demo_ctx) if t.title == title][0]
    assert closed.status == "closed" and closed.closed_on == date.today().isoformat()
    page.grab().save(str(demo_ctx.path.parent / "topics.png"))
