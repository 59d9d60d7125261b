"""The dialogs the pages open read and write the store only on the worker (issue 23 step 1):
each is opened, filled and saved under the trace-callback guard, a refusal keeps it open with
its Vietnamese text, and the page shows the new data through the runner's one `changed` signal
(no hand-written refresh after the dialog). Dialogs are opened with open() (window-modal, not
exec), so no test waits on an unanswered modal."""

from __future__ import annotations

from app.context import User


def _collaborators_tab(main_window, name: str):
    page = main_window.show_page("collaborators")
    tab = getattr(page, name)
    page.tabs.setCurrentWidget(tab)
    return page, tab


def test_coverage_targets_are_read_and_saved_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    demo_ctx.user = User("quantri", "admin", "Quản trị")
    with store_off_gui_thread():
        _, view = _collaborators_tab(main_window, "coverage")
        view.edit_targets()
        dialog = view.dialog
        assert dialog.isVisible() and dialog.save_button.isEnabled()
        first = next(iter(dialog.spins))
        dialog.spins[first][1].setValue(dialog.spins[first][1].value() + 7)
        wanted = str(dialog.spins[first][1].value())
        dialog.save()
    assert not dialog.isVisible()
    targets_row = view.table.rowCount() - 1                     # "Chỉ tiêu toàn địa bàn"
    assert view.table.item(targets_row, view.matrix.codes.index(first)).text() == wanted


def test_coverage_targets_refused_keep_the_dialog_open(main_window, demo_ctx, store_off_gui_thread) -> None:
    demo_ctx.user = User("canbo", "staff", "Cán bộ")               # may not change settings
    with store_off_gui_thread():
        _, view = _collaborators_tab(main_window, "coverage")
        view.edit_targets()
        dialog = view.dialog
        dialog.per_area.setValue(5)
        dialog.save()
    assert dialog.isVisible() and dialog.per_area.value() == 5 and "cài đặt" in dialog.error.text()
    dialog.reject()


def test_a_training_session_is_recorded_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    with store_off_gui_thread():
        _, view = _collaborators_tab(main_window, "training")
        before = view.list.count()
        view.add()
        dialog = view.dialog
        assert dialog.people.count() > 3
        dialog.save()                                              # no topic yet: refused
        said = dialog.error.text()
        dialog.topic.setText("Kỹ năng nắm bắt dư luận trên mạng xã hội")
        dialog.place.setText("Hội trường Đảng ủy")
        for row in (0, 2):
            dialog.people.item(row).setCheckState(dialog.people.item(row).checkState().Checked)
        dialog.save()
    assert "Nội dung tập huấn" in said
    assert not dialog.isVisible() and view.list.count() == before + 1
    shown = [view.list.item(i).text() for i in range(view.list.count())]
    assert any("Kỹ năng nắm bắt dư luận" in t and "2 người dự" in t for t in shown)
