"""The opinion and meeting dialogs touch the store only on the worker (issue 23 step 1): each is
opened, filled and saved under the trace-callback guard (`store_off_gui_thread`), its loads are
queries, its save an op declaring the tables it writes, and the page shows the new data through
the one `changed` signal, with no hand-made refresh. A refusal keeps the form open with its text.

Modal dialogs are answered by `when_modal` (tests/ui/helpers.py): one left open would hang the run."""

from __future__ import annotations

from datetime import date, timedelta

from app.context import User
from app.meetings import core as meetings
from app.meetings import schedule
from app.text import vn_date
from tests.ui.helpers import when_modal


def _shown_ids(page) -> list[str]:
    return [page.model.row_at(r).id for r in range(page.model.rowCount())]


def _choose_a_held_meeting(page) -> meetings.Meeting:
    proxy = page.view.model()
    row = next(r for r in range(proxy.rowCount())
               if not meetings.is_planned(page.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())))
    page.view.setCurrentIndex(proxy.index(row, 0))
    return page.editor.meeting


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
        meeting = _choose_a_held_meeting(page)
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


def _rows_of(model) -> list:
    return [model.row_at(r) for r in range(model.rowCount())]


def test_the_entry_dialog_reads_and_saves_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    """'Nhập ý kiến': the choices and the draft arrive by a query, a refusal keeps the form open
    with its text and the typing, the item is an op, and the opinions list shows it at once."""
    from app.opinions import items
    from ui.opinion.entry import EntryDialog

    said: list[str] = []
    summary = "Bà con phấn khởi vì đường liên ấp đã được bê tông hóa"

    def refuse_then_save(dialog: EntryDialog) -> None:
        form = dialog.form
        said.append(str(len(form.fields_["area"].options)))
        form.summary.setText(summary)
        form.save()                                          # no field yet: refused
        said.append(form.status.text())
        said.append(str(dialog.isVisible()))
        form.fields_["field"].set_code("culture_society")
        form.fields_["tendency"].set_code("support")
        form.save()
        said.append(form.status.text())
        dialog.reject()

    with store_off_gui_thread():
        page = main_window.show_page("opinions")
        total = page.total
        when_modal(EntryDialog, refuse_then_save)
        page.enter()
    assert int(said[0]) > 3                                     # the areas came from the worker
    assert "Chưa lưu" in said[1] and items.LABELS["field"] in said[1] and said[2] == "True"
    assert said[3].startswith("Đã lưu 1 ý kiến")
    assert page.total == total + 1 and summary in [r.summary for r in _rows_of(page.model)]
    assert items.count(demo_ctx, items.OpinionFilter(text="bê tông hóa")) >= 1


def test_editing_an_item_from_the_list_is_a_query_and_an_op(main_window, demo_ctx, store_off_gui_thread) -> None:
    """Enter on a row opens the item (read on the worker), the change is an op, the dialog closes
    and the row shows the new tendency with no refresh call."""
    from PySide6.QtCore import Qt

    from app import catalog
    from ui.opinion.entry import EntryDialog

    hidden: list[bool] = []

    def change_tendency(dialog: EntryDialog) -> None:
        hidden.append(dialog.form.done_label.isHidden())    # an edit lists no items saved
        dialog.form.fields_["tendency"].set_code(new)
        dialog.form.save()

    with store_off_gui_thread():
        page = main_window.show_page("opinions")
        page.view.selectRow(0)
        chosen = page.model.row_at(page.view.model().mapToSource(page.view.currentIndex()).row())
        new = "frustration" if chosen.tendency != "frustration" else "support"
        when_modal(EntryDialog, change_tendency)
        page.edit()
    shown = next(r for r in _rows_of(page.model) if r.id == chosen.id)
    assert page.model.row_at(page.view.model().mapToSource(page.view.currentIndex()).row()).id == chosen.id
    cell = page.model.index(_rows_of(page.model).index(shown), 3)     # its short label, whole in the tooltip
    assert hidden == [True] and shown.tendency == new and cell.data() == catalog.short(catalog.label(catalog.TENDENCIES, new))
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == catalog.label(catalog.TENDENCIES, new)


def test_items_entered_for_a_meeting_reach_its_tab_without_a_refresh(main_window, demo_ctx,
                                                                      store_off_gui_thread) -> None:
    """'Nhập thông tin dư luận của hội nghị': the meeting's date and row come from the worker, the
    saved item shows in the meeting's items tab and its count in the list through `changed`."""
    from ui.opinion.entry import EntryDialog

    seen: list[str] = []

    def enter_one(dialog: EntryDialog) -> None:
        form = dialog.form
        seen.append(form.received_on.text())
        form.fields_["field"].set_code("economy")
        form.fields_["tendency"].set_code("concern")
        form.summary.setText("Hội viên lo giá phân bón tăng trước vụ đông xuân")
        form.save()
        dialog.reject()

    with store_off_gui_thread():
        page = main_window.show_page("meetings")
        meeting = _choose_a_held_meeting(page)
        before = page.items_model.rowCount()
        when_modal(EntryDialog, enter_one)
        page.enter_items()
    assert seen == [vn_date(date.fromisoformat(meeting.held_on))]
    assert page.items_model.rowCount() == before + 1 and page.tabs.tabText(2) == f"Thông tin dư luận ({before + 1})"
    assert page.counts[meeting.id] == before + 1


def test_the_topic_suggestion_reads_no_store_on_the_gui_thread(main_window, demo_ctx, qtbot,
                                                               store_off_gui_thread) -> None:
    """While the clerk types, the suggestion comes from the model the worker built; whether that
    model is still current is asked on the worker too, after a write announced by `changed`."""
    from ui.opinion.entry import EntryDialog

    with store_off_gui_thread():
        dialog = EntryDialog(demo_ctx, parent=main_window, tasks=main_window.tasks)
        qtbot.addWidget(dialog)
        dialog.show()
        form, bar = dialog.form, dialog.form.suggestion
        form.summary.setText("Ba con chua dong y muc den bu dat khi mo rong duong")
        bar.show_suggestion()
        first = bar.current
        form.fields_["field"].set_code("economy")
        form.fields_["tendency"].set_code("concern")
        form.save()                                  # an op: the model is checked again on the worker
        assert bar.warmer.stale
        form.summary.setText("Ba con chua dong y muc den bu dat khi mo rong duong them")
        bar.show_suggestion()
        dialog.reject()
    assert first is not None and "Bồi thường" in first.title
    assert bar.current is not None and not bar.warmer.stale


def test_similar_items_are_read_on_the_worker(main_window, store_off_gui_thread) -> None:
    """'Ý kiến tương tự…': the item and its neighbours come from a query, shown when they arrive."""
    from ui.opinion.similar_dialog import SimilarDialog

    seen: list = []

    def look(dialog: SimilarDialog) -> None:
        seen.extend([dialog.head.text(), dialog.model.rowCount(), dialog.note.text()])
        dialog.accept()

    with store_off_gui_thread():
        page = main_window.show_page("opinions")
        page.view.selectRow(0)
        when_modal(SimilarDialog, look)
        page.show_similar()
    assert seen[0].startswith("<b>Ý kiến đang xem</b>")
    assert seen[2].startswith(f"{seen[1]} ý kiến tương tự") if seen[1] else seen[2] == "Không có ý kiến nào tương tự."


def test_the_handling_dialog_reads_and_writes_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    """Forwarding a topic: the agencies come from a query, the step is an op declaring the topic's
    table, and the topics page shows the new state through `changed` (no hand-made refresh).
    A refusal keeps the dialog open with its text."""
    from app.opinions import topics
    from ui.opinion.handling_dialog import HandlingDialog

    demo_ctx.user = User("quantri", "admin", "Quản trị")
    said: list[str] = []

    def refuse_then_forward(dialog: HandlingDialog) -> None:
        dialog.due.setText("ngày mai")
        dialog.accept()
        said.append(dialog.error.text())
        said.append(str(dialog.isVisible()))
        dialog.agency.set_code(next(iter(dialog.agency.options)))
        dialog.due.setText("31/12/2026")
        dialog.accept()

    with store_off_gui_thread():
        page = main_window.show_page("topics")
        page.view.setCurrentIndex(page.view.model().index(2, 0))
        chosen = page.current
        when_modal(HandlingDialog, refuse_then_forward)
        page.handle("forward")
    assert said[0] and said[1] == "True"
    assert topics.get(demo_ctx, chosen.id).handling == "forwarded"
    assert page.current.id == chosen.id and page.current.handling == "forwarded"


def test_attendance_refused_for_a_planned_meeting_says_why_and_shows_what_is_stored(main_window, demo_ctx,
                                                                                    store_off_gui_thread) -> None:
    """A mark that reaches the worker for a meeting not yet held is refused there: the message
    says why and the roster shows again what is stored (read on the worker), not the refused mark."""
    from PySide6.QtWidgets import QMessageBox

    from app.meetings import planning

    planned = meetings.create(demo_ctx, meetings.Meeting(held_on=(date.today() + timedelta(days=9)).isoformat()))
    said: list[str] = []
    with store_off_gui_thread():
        page = main_window.show_page("meetings")
        table = page.attendance
        main_window.tasks.query(lambda: planning.roster(demo_ctx, planned.id),
                                lambda lines: table.show_lines(planned.id, lines))
        table.mark(0, "absent")                       # past the lock, as a stale screen could
        when_modal(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
        table.flush()
    assert said and "chỉ điểm danh được từ ngày họp" in said[0]
    assert table.item(0, 2).text() == "—" and not table.pending and not table.sending
    assert meetings.attendance(demo_ctx, planned.id) == {}


def test_the_entry_form_waits_for_a_busy_worker_without_losing_the_typing(demo_ctx, qtbot) -> None:
    """The real worker, busy with earlier work: the form opens at once and says it is loading;
    Enter then saves nothing, and what the clerk typed meanwhile stays when the choices arrive."""
    import threading

    from app.opinions import items
    from ui.opinion.entry import EntryDialog
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    gate = threading.Event()
    tasks.run(lambda: gate.wait(30))
    dialog = EntryDialog(demo_ctx, tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    total = items.count(demo_ctx)
    assert form.status.text() == "Đang tải danh mục…" and not form.fields_["area"].options
    form.summary.setText("Cử tri hỏi tiến độ làm đường liên ấp")
    form.fields_["field"].set_code("economy")
    form.save()                                        # not ready: nothing is sent
    gate.set()
    qtbot.waitUntil(lambda: form.ready, timeout=20000)
    assert form.summary.text() == "Cử tri hỏi tiến độ làm đường liên ấp" and form.fields_["field"].code() == "economy"
    assert len(form.fields_["area"].options) > 3 and form.status.text() == ""
    assert tasks.settle() and items.count(demo_ctx) == total
    dialog.reject()
    assert tasks.settle()
