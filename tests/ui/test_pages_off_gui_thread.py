"""Opening a page reads the store only on the worker (issue 23 step 1): the pages converted
to `tasks.query` are opened, filtered and reloaded under the trace-callback guard, and a write
announced with `tasks.op` reloads the visible page through the one `changed` signal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.context import User
from app.opinions import items


def test_the_guard_catches_a_read_on_the_gui_thread(store_off_gui_thread, demo_ctx) -> None:
    with pytest.raises(AssertionError, match="read on the GUI thread"), store_off_gui_thread():
        demo_ctx.db.execute("SELECT count(*) FROM opinions").fetchone()


def test_audit_page_reads_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    demo_ctx.user = User("quantri", "admin", "Quản trị")
    with store_off_gui_thread():
        page = main_window.show_page("audit")
        page.action.setCurrentIndex(page.action.findData("backup") if page.action.findData("backup") > 0 else 1)
        page.action.setCurrentIndex(0)
    assert page.model.rowCount() > 300 and page.table.count() > 3


def test_an_op_reloads_the_visible_page(main_window, demo_ctx) -> None:
    demo_ctx.user = User("quantri", "admin", "Quản trị")
    page = main_window.show_page("audit")
    newest = max(page.model.row_at(r).entry.seq for r in range(page.model.rowCount()))
    first = items.get(demo_ctx, items.list_opinions(demo_ctx, limit=1)[0].id)
    first = replace(first, summary=first.summary + " (bổ sung)")
    main_window.tasks.op(lambda: items.update(demo_ctx, first), tables={"opinions"})
    latest = max((page.model.row_at(r).entry for r in range(page.model.rowCount())), key=lambda e: e.seq)
    assert latest.seq > newest and latest.row_id == first.id   # shown without anyone calling refresh()


def test_overview_reads_on_the_worker(main_window, store_off_gui_thread) -> None:
    with store_off_gui_thread():
        page = main_window.show_page("overview")
    assert len(page.card_widgets) >= 4 and page.link_rows()


def test_topics_page_reads_on_the_worker_and_an_op_keeps_the_topic(main_window, store_off_gui_thread) -> None:
    with store_off_gui_thread():
        page = main_window.show_page("topics")
        second = page.view.model().index(1, 0)
        page.view.setCurrentIndex(second)
        chosen = page.current
        assert chosen is not None and page.keywords.text() and page.items_model.rowCount() > 0
        page.set_status("hot" if chosen.status != "hot" else "watch")   # the write is a job too
    assert page.current.id == chosen.id and page.current.status != chosen.status


def test_collaborators_page_and_its_area_choices_read_on_the_worker(main_window, store_off_gui_thread) -> None:
    with store_off_gui_thread():
        page = main_window.show_page("collaborators")
        page.status.setCurrentIndex(page.status.findData("active"))
        page.area.setCurrentIndex(2)
        chosen = page.area.code()
        page.refresh_list()
    assert page.area.count() > 5 and page.area.code() == chosen   # a reload keeps the chosen area
    assert page.model.rowCount() > 0 and "cộng tác viên" in page.count.text()


def test_backup_and_restore_run_on_the_worker(demo_ctx, qtbot, tmp_path, store_off_gui_thread) -> None:
    """The real worker thread, not the tests' synchronous runner: the backup, the check of the
    chosen backup and the restore leave the GUI thread free (and the guard finds no statement
    on it), the dialog says what was done, and the restored data is what the pages read."""
    from app import backup, records
    from ui.backup_dialog import BackupDialog
    from ui.tasks import TaskRunner

    backup.set_folder(demo_ctx, tmp_path / "bk")
    tasks = TaskRunner()
    dialog = BackupDialog(demo_ctx, tasks=tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: tasks.pool.activeThreadCount() == 0)
    before = demo_ctx.db.execute("SELECT count(*) FROM collaborators").fetchone()[0]
    with store_off_gui_thread():
        dialog.backup_now()
        qtbot.waitUntil(lambda: "Đã sao lưu" in dialog.message.text() and dialog.model.rowCount() == 1,
                        timeout=20000)
    records.insert(demo_ctx, "collaborators", {"full_name": "Sau sao lưu", "status": "active"})
    dialog.confirm = lambda parent, text: True
    with store_off_gui_thread(), qtbot.waitSignal(dialog.restored, timeout=30000):
        dialog.restore_selected()
    tasks.wait()
    assert demo_ctx.db.execute("SELECT count(*) FROM collaborators").fetchone()[0] == before


def _automatic_backup(ctx, folder):
    """An AutoBackup on a real worker, due now, into `folder` (its hourly timer stopped)."""
    from app import backup
    from ui.auto_backup import AutoBackup
    from ui.tasks import TaskRunner

    backup.set_folder(ctx, folder)
    backup.set_auto(ctx, True)
    auto = AutoBackup(ctx, tasks=TaskRunner())
    auto.timer.stop()
    return auto


def test_the_daily_automatic_backup_runs_on_the_worker(demo_ctx, qtbot, tmp_path, store_off_gui_thread) -> None:
    from app import backup

    auto = _automatic_backup(demo_ctx, tmp_path / "auto")
    with store_off_gui_thread():
        auto.run("daily")
        qtbot.waitUntil(lambda: bool(backup.list_backups(tmp_path / "auto")), timeout=20000)
    auto.tasks.wait()


def test_the_backup_at_exit_runs_on_the_worker_and_is_whole_before_quitting(demo_ctx, qtbot, tmp_path,
                                                                            store_off_gui_thread) -> None:
    """It used to run in place on the GUI thread, beside the page loads still on the worker."""
    from app import backup

    auto = _automatic_backup(demo_ctx, tmp_path / "auto")
    with store_off_gui_thread():
        auto.on_quit()
        assert backup.list_backups(tmp_path / "auto")   # no event loop ran: on_quit waited for it



def test_catalog_lists_read_on_the_worker(main_window, store_off_gui_thread) -> None:
    page = main_window.page("catalog")
    with store_off_gui_thread():
        page.refresh()
    assert page.communes.model.rowCount() > 5


def test_opinions_page_reads_on_the_worker(main_window, store_off_gui_thread) -> None:
    with store_off_gui_thread():
        page = main_window.show_page("opinions")
        page.field.setCurrentIndex(1)
        page.tabs.setCurrentIndex(1)
        page.load_more()
    assert page.topic.count() > 2 and page.area.count() > 2 and page.overdue_model.rowCount() > 0
    assert page.model.rowCount() > 0 and page.count.text().endswith("ý kiến") or "đang hiện" in page.count.text()


def test_a_link_before_the_choices_arrive_waits_for_them(demo_ctx, qtbot) -> None:
    """The real worker: the overview's link to one topic's items comes while the topic choices
    are still loading; the filter is set when they arrive (not dropped to 'Mọi vấn đề'), and
    the list shows only that topic."""
    from app.opinions import topics
    from app.overview import Link
    from ui.pages.opinions import Page
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    page = Page(demo_ctx, tasks)
    qtbot.addWidget(page)
    topic = next(t for t in topics.list_topics(demo_ctx) if t.id)
    page.refresh()
    page.open_link(Link("opinions", filters=(("topic_id", topic.id),)))
    assert page.topic.currentIndex() == 0          # nothing has arrived yet
    assert tasks.settle()
    assert page.topic.code() == topic.id
    assert page.model.rowCount() > 0 and {r.topic_title for r in page.model.rows} == {topic.title}


def test_settings_page_reads_and_saves_on_the_worker(main_window, demo_ctx, store_off_gui_thread, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app import settings

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    with store_off_gui_thread():
        page = main_window.show_page("settings")
        page.number_edits["inactive_days"].setText("46")
        page.save()
    assert page.office_edits["body_code"].text() == "ĐU" and settings.get(demo_ctx, "inactive_days") == 46


def test_an_op_reaches_the_surveys_page(main_window, demo_ctx) -> None:
    """The surveys page once kept its results tab in `tables`, the name of what a page shows:
    the first write announced while it was visible raised a TypeError."""
    page = main_window.show_page("surveys")
    main_window.tasks.op(lambda: None, tables={"surveys"})
    main_window.tasks.op(lambda: None, tables={"opinions"})
    assert page.picker.count() >= 1 and page.status.text().endswith("phiếu")


def test_a_meetings_roster_tally_and_items_read_on_the_worker(main_window, store_off_gui_thread) -> None:
    from app.meetings.core import is_planned

    with store_off_gui_thread():
        page = main_window.show_page("meetings")
        proxy = page.view.model()
        held = [r for r in range(proxy.rowCount())
                if not is_planned(page.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()))]
        page.view.setCurrentIndex(proxy.index(held[1], 0))
    assert page.attendance.rowCount() > 0 and page.att_summary.text().startswith("Có mặt")
    assert page.editor.meeting is not None and page.tabs.tabText(2).startswith("Thông tin dư luận (")


def test_every_tab_of_the_surveys_page_reads_on_the_worker(main_window, store_off_gui_thread) -> None:
    with store_off_gui_thread():
        page = main_window.show_page("surveys")
        for view in (page.plan, page.entry, page.tabulate, page.builder):
            page.tabs.setCurrentWidget(view)
        page.plan.dimension.setCurrentIndex((page.plan.dimension.currentIndex() + 1) % page.plan.dimension.count())
    assert page.builder.model.rowCount() > 3 and page.tabulate.question.count() > 0
    assert page.entry.grid.columnCount() > 5 and page.plan.table.rowCount() > 0


@pytest.mark.parametrize("key", ["overview", "opinions", "topics", "collaborators", "meetings", "surveys", "forms",
                                 "audit", "settings", "reports", "exchange", "catalog"])
def test_a_page_is_built_and_opened_without_a_read_on_the_gui_thread(main_window, demo_ctx, store_off_gui_thread,
                                                                      key) -> None:
    """Built inside the guard too (its filter choices are queries; reports, exchange and catalog
    take the office row the window read at start instead of reading it while being built)."""
    demo_ctx.user = User("quantri", "admin", "Quản trị")
    with store_off_gui_thread():
        page = main_window.show_page(key)
    assert main_window.stack.currentWidget() is page


def test_the_overview_rebuilds_its_cards_only_when_they_change(main_window, demo_ctx) -> None:
    from app import records

    page = main_window.show_page("overview")
    first, shown = page.card_widgets[0], page._shown
    page.refresh()
    assert page.card_widgets[0] is first                      # the same figures: the same widgets
    main_window.tasks.op(lambda: records.insert(demo_ctx, "collaborators", {"full_name": "Người mới", "status": "active"}),
                         tables={"collaborators"})
    assert page._shown != shown and first not in page.card_widgets


def test_a_list_reloaded_unchanged_is_neither_reset_nor_refitted(main_window) -> None:
    """Opening the opinions list again reads it again; the same rows are not reset (the
    selection stays) nor refitted (fitting 300 rows froze the window 60-170 ms)."""
    page = main_window.show_page("opinions")
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.view.selectRow(3)
    main_window.show_page("overview")
    main_window.show_page("opinions")
    assert resets == [] and page.view.selectionModel().selectedRows()[0].row() == 3
    page.field.setCurrentIndex(1)                                   # other rows: shown anew
    assert resets == [1]


def test_a_report_chosen_in_the_register_is_shown_without_a_read_on_the_gui_thread(main_window, demo_ctx,
                                                                                 store_off_gui_thread) -> None:
    """Choosing a report fills the panel (its transitions, the figures-changed notice, the preview)
    from what the worker read."""
    demo_ctx.user = User("lanhdao", "head", "Lãnh đạo")
    with store_off_gui_thread():
        page = main_window.show_page("reports")
        page.view.selectRow(1)
        page.panel.tabs.setCurrentIndex(page.panel.preview_tab)
        page.view.selectRow(0)
    assert page.panel.report is not None and page.panel.section_list.count() > 0
    assert page.panel.summary.text().startswith("<b>")


def test_a_reports_edits_and_transitions_are_ops(main_window, demo_ctx, store_off_gui_thread) -> None:
    """Saving a section or the details and moving the report on (submit, approve) write on the
    worker; the panel and the register show the result through the one `changed` signal."""
    from tests.ui.helpers import answer

    demo_ctx.user = User("lanhdao", "head", "Lãnh đạo")
    page = main_window.show_page("reports")
    panel = page.panel
    with store_off_gui_thread():
        panel.section_list.setCurrentRow(4)
        panel.section_text.setPlainText("Phần do cán bộ viết lại.")
        panel.save_section()
        panel.title_edit.setText("Báo cáo tháng (sửa tên)")
        panel.save_details()
        answer("Trình duyệt")
        panel.flow_buttons["submit"].click()
        answer("Phê duyệt")
        panel.flow_buttons["approve"].click()
    assert panel.report.status == "approved" and panel.report.title == "Báo cáo tháng (sửa tên)"
    assert panel.report.sections[4]["edited"] and panel.section_list.item(4).text().endswith("(đã sửa)")
    shown = page.model.row_at(page.view.model().mapToSource(page.view.selectionModel().selectedRows()[0]).row())
    assert shown.id == panel.report.id and shown.status == "approved"


def test_the_collaborators_coverage_activity_and_training_tabs_read_on_the_worker(main_window, demo_ctx,
                                                                                    store_off_gui_thread) -> None:
    """The three tabs besides the registry are queries, and proposing a replacement is an op whose
    `changed` reloads the activity list and the registry's 'Cần chú ý' column."""
    from app.collaborators import activity

    demo_ctx.user = User("quantri", "admin", "Quản trị")
    with store_off_gui_thread():
        page = main_window.show_page("collaborators")
        page.tabs.setCurrentWidget(page.coverage)
        page.coverage.dimension.setCurrentIndex(1)
        page.tabs.setCurrentWidget(page.training)
        page.tabs.setCurrentWidget(page.activity)
        row = next(r for r in range(page.activity.model.rowCount()) if not page.activity.model.row_at(r).open_proposal_id)
        person = page.activity.model.row_at(row)
        page.activity.view.selectRow(page.activity.view.model().mapFromSource(page.activity.model.index(row, 0)).row())
        page.activity.propose_selected()
    assert page.coverage.table.rowCount() > 2 and page.coverage.suggestions.count() > 0
    assert page.training.list.count() > 0 and page.activity.rule.text().startswith("Cần chú ý")
    assert person.collaborator_id in [p.collaborator_id for p in activity.proposals(demo_ctx)]
    shown = {page.activity.model.row_at(r).collaborator_id: page.activity.model.row_at(r).open_proposal_id
             for r in range(page.activity.model.rowCount())}
    assert shown[person.collaborator_id] and "Đã ghi đề xuất" in page.activity.message.text()


def test_the_analytics_warm_up_asks_the_worker_whether_the_model_is_current(main_window, store_off_gui_thread) -> None:
    """The window warms the topic model after start-up; whether the cached model is still
    current is a read of the store, so it too is asked on the worker, built or not."""
    from app.analytics import model as topic_model

    topic_model.invalidate()
    with store_off_gui_thread():
        main_window._warm_up()        # builds it
        main_window._warm_up()        # finds it current
    assert topic_model.peek(main_window.ctx)[1]
