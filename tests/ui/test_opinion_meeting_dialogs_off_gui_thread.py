"""The opinion and meeting dialogs touch the store only on the worker (issue 23 step 1): each is
opened, filled and saved under the trace-callback guard (`store_off_gui_thread`), its loads are
queries, its save an op declaring the tables it writes, and the page shows the new data through
the one `changed` signal, with no hand-made refresh. A refusal keeps the form open with its text.

Modal dialogs are answered by `when_modal` (tests/ui/helpers.py): one left open would hang the run."""

from __future__ import annotations

from datetime import date, timedelta

from app.meetings import core as meetings
from app.meetings import schedule
from app.text import vn_date
from tests.ui.helpers import when_modal


def _shown_ids(page) -> list[str]:
    return [page.model.row_at(r).id for r in range(page.model.rowCount())]


def test_the_meeting_editor_saves_on_the_worker_and_the_list_follows(main_window, demo_ctx,
                                                                     store_off_gui_thread) -> None:
    """A new meeting: refused first (the field named, the typing kept), then saved; the list shows
    it chosen without anyone calling refresh. An edit of it is an op too."""
    held = vn_date(date.today() - timedelta(days=2))
    with store_off_gui_thread():
        page = main_window.show_page("meetings")
        before = set(_shown_ids(page))
        page.new_meeting()
        page.editor.held_on.setText("31/02/2026")
        page.editor.place.setText("Nhà văn hóa thôn Đông")
        page.editor.save()
        refused = page.editor.status.text()
        page.editor.held_on.setText(held)
        page.editor.save()
        saved = page.editor.meeting
        page.editor.chair.setText("Đồng chí Bí thư")
        page.editor.save()
    assert "Chưa lưu" in refused and meetings.LABELS["held_on"] in refused
    assert saved is not None and saved.id not in before and saved.place == "Nhà văn hóa thôn Đông"
    assert saved.id in _shown_ids(page) and page.editor.meeting.id == saved.id
    chosen = page.view.model().mapToSource(page.view.currentIndex()).row()
    assert page.model.row_at(chosen).id == saved.id and page.model.row_at(chosen).chair == "Đồng chí Bí thư"
    assert meetings.get(demo_ctx, saved.id).chair == "Đồng chí Bí thư"


def test_the_meeting_rule_and_the_plan_are_a_query_and_ops(main_window, demo_ctx, store_off_gui_thread) -> None:
    """'Đặt lịch định kỳ…' reads the rule on the worker and writes it as an op on 'settings'; the
    schedule line says the new rule through `changed`. 'Lập lịch 12 tháng tới' is an op too."""
    from ui.pages.meetings import RuleDialog

    def every_month_on_the_9th(dialog: RuleDialog) -> None:
        dialog.every.setCurrentIndex(dialog.every.findData(1))
        dialog.day.setValue(9)
        dialog.accept()

    with store_off_gui_thread():
        page = main_window.show_page("meetings")
        when_modal(RuleDialog, every_month_on_the_9th)
        page.edit_rule()
        rows = page.model.rowCount()
        page.plan()
    rule = schedule.get_rule(demo_ctx)
    assert (rule.every_months, rule.day) == (1, 9) and rule.describe() in page.rule_label.text()
    assert page.model.rowCount() > rows
    assert page.model.rowCount() == len(meetings.list_meetings(demo_ctx))


def test_attendance_typed_by_keystrokes_is_stored_on_the_worker(main_window, demo_ctx, qtbot,
                                                                store_off_gui_thread) -> None:
    """C, V, P on a held meeting's roster: the batch is an op; the tally under the roster and the
    list's 'Có mặt' column follow through `changed`, and the reload keeps the cursor where it was."""
    from PySide6.QtCore import Qt

    from app.meetings import planning

    with store_off_gui_thread():
        page = main_window.show_page("meetings")
        proxy = page.view.model()
        row = next(r for r in range(proxy.rowCount())
                   if not meetings.is_planned(page.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())))
        page.view.setCurrentIndex(proxy.index(row, 0))
        meeting = page.editor.meeting
        page.tabs.setCurrentIndex(1)
        table = page.attendance
        table.setFocus()
        table.setCurrentCell(0, 2)
        for key in (Qt.Key.Key_V, Qt.Key.Key_V, Qt.Key.Key_P):
            qtbot.keyClick(table, key)
        table.flush()
    stored = planning.roster(demo_ctx, meeting.id)
    assert [x.presence for x in stored[:3]] == ["absent", "absent", "excused"]
    s = planning.summary(demo_ctx, meeting.id)
    assert f"vắng {s.absent} · vắng có lý do {s.excused}" in page.att_summary.text()
    shown = page.view.model().mapToSource(page.view.currentIndex()).row()
    assert page.model.row_at(shown).id == meeting.id
    assert page.model.index(shown, 3).data() == f"{s.present}/{s.present + s.absent + s.excused}"
    assert table.currentRow() == 3 and table.item(2, 2).text() == meetings.PRESENCE["excused"]
