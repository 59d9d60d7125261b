"""The dialogs the pages open read and write the store only on the worker (issue 23 step 1):
each is opened, filled and saved under the trace-callback guard, a refusal keeps it open with
its Vietnamese text, and the page shows the new data through the runner's one `changed` signal
(no hand-written refresh after the dialog). Dialogs are opened with open() (window-modal, not
exec), or answered by `when_modal`, so no test waits on an unanswered modal. The reports
page's dialogs are in test_report_dialogs_off_gui_thread.py, the exchange and province pages'
in test_exchange_dialogs_off_gui_thread.py."""

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


def _names(page) -> dict[str, object]:
    return {page.model.row_at(r).full_name: page.model.row_at(r) for r in range(page.model.rowCount())}


def _select_person(page, collaborator_id: str) -> None:
    page._reselect(collaborator_id)
    assert page.selected().id == collaborator_id


def test_the_collaborator_editor_reads_and_saves_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    """Add (a refusal marks the field and keeps the dialog), then edit: the list shows both
    without a refresh call."""
    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    with store_off_gui_thread():
        page = main_window.show_page("collaborators")
        page.add()
        dialog = page.dialog
        assert dialog.form.area_code.count() > 3 and dialog.save_button.isEnabled()
        dialog.form.full_name.setText("Quách Thị Hạnh")
        dialog.form.phone.setText("12345")
        dialog.save()
        assert dialog.isVisible() and "Số điện thoại" in dialog.error.text()
        assert dialog.form.phone.property("invalid") is True and dialog.form.full_name.text() == "Quách Thị Hạnh"
        dialog.form.phone.setText("0912 888 777")
        dialog.form.area_code.setCurrentIndex(2)
        dialog.save()
        assert not dialog.isVisible()
        added = _names(page)["Quách Thị Hạnh"]
        assert added.phone == "0912888777"
        _select_person(page, added.id)
        page.edit()
        editor = page.dialog
        assert editor.form.full_name.text() == "Quách Thị Hạnh" and editor.form.area_code.currentIndex() == 2
        editor.form.workplace.setText("Hội Nông dân xã")
        editor.save()
    assert not editor.isVisible() and _names(page)["Quách Thị Hạnh"].workplace == "Hội Nông dân xã"


def test_status_change_and_replacement_are_ops(main_window, demo_ctx, store_off_gui_thread) -> None:
    from app.collaborators.registry import Collaborator, create

    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    people = [create(demo_ctx, Collaborator(full_name=name, status="active")) for name in ("Lò Văn Pả", "Lò Thị Xuân")]
    with store_off_gui_thread():
        page = main_window.show_page("collaborators")
        _select_person(page, people[0].id)
        page.change_status()
        dialog = page.dialog
        dialog.status.setCurrentIndex(dialog.status.findData("paused"))
        dialog.on.setText("30/02/2026")
        dialog.save()
        assert dialog.isVisible() and dialog.error.text()                   # no such day
        dialog.on.setText("01/11/2026")
        dialog.reason.setText("Đi làm ăn xa")
        dialog.save()
        assert not dialog.isVisible() and _names(page)["Lò Văn Pả"].status == "paused"
        page.replace()
        swap = page.dialog
        assert swap.newcomer.count() > 1
        swap.newcomer.setCurrentIndex(swap.newcomer.findData(people[1].id))
        swap.save()
    assert not swap.isVisible()
    gone = _names(page)["Lò Văn Pả"]
    assert gone.status == "left" and gone.replaced_by == people[1].id


def test_a_collaborators_detail_reads_and_writes_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    """The detail is one query; a commendation is an op (refused without a reason) and the
    detail reloads itself from `changed`, as it does after 'Sửa…'."""
    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    with store_off_gui_thread():
        page = main_window.show_page("collaborators")
        page.view.selectRow(0)
        page.open_detail()
        detail = page.dialog
        person = page.selected()
        assert person.full_name in detail.windowTitle() and "<table" in detail.info.text()
        detail.award_button.click()
        assert "Lý do khen thưởng" in detail.award_error.text()
        detail.award_reason.setText("Phản ánh kịp thời dư luận về giá phân bón")
        detail.award_button.click()
        shown = [detail.commendations.item(i).text() for i in range(detail.commendations.count())]
        assert detail.award_error.text() == "" and detail.award_reason.text() == ""
        assert any("giá phân bón" in line for line in shown)
        detail.edit()
        detail.editor.form.notes.setPlainText("Rất nhiệt tình")
        detail.editor.save()
        assert "Rất nhiệt tình" in detail.info.text()
    detail.reject()


def test_the_collaborator_import_writes_on_the_worker(main_window, demo_ctx, store_off_gui_thread, tmp_path) -> None:
    """The preview is read on the worker, the areas' names are a query, the import an op: the
    list shows the new people through `changed`."""
    from tests.collaborators.test_ui import _workbook

    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    with store_off_gui_thread():
        page = main_window.show_page("collaborators")
        page.import_file(_workbook(tmp_path / "bo sung.xlsx"))
        dialog = page.dialog
        assert dialog.table.rowCount() == 3 and not dialog.ok.isEnabled()
        for combo in dialog.combos.values():
            combo.setCurrentIndex(combo.findData("none"))
        assert dialog.ok.isEnabled()
        dialog.confirm()
    assert not dialog.isVisible() and "Đã thêm 3 cộng tác viên" in page.message.text()
    assert {"Tô Văn Mười", "Kha Thị Út", "Sai Địa Bàn"} <= set(_names(page))


def test_the_catalog_saves_an_area_and_a_synonym_group_on_the_worker(main_window, demo_ctx, store_off_gui_thread,
                                                                    monkeypatch) -> None:
    """A new area is an op on 'units' (a name too long is refused with its text), a synonym
    group an op on 'settings'; the page's lists show both through `changed`."""
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    with store_off_gui_thread():
        page = main_window.show_page("catalog")
        areas = page.communes
        before = areas.model.rowCount()
        areas.name.setText("Tổ " * 100)
        areas.save()
        assert areas.model.rowCount() == before and said
        areas.name.setText("Ấp Tân Hưng")
        areas.population.setValue(1200)
        areas.save()
        page.tabs.setCurrentWidget(page.synonyms)
        page.synonyms.entry.setText("giá điện = tiền điện")
        page.synonyms.add()
    assert areas.model.rowCount() == before + 1 and said[-1] == "Đã lưu: Ấp Tân Hưng."
    assert [page.synonyms.mine.item(i).text() for i in range(page.synonyms.mine.count())] == ["giá điện = tiền điện"]


def test_the_users_and_backup_dialogs_read_and_write_on_the_worker(main_window, demo_ctx, store_off_gui_thread,
                                                                   tmp_path) -> None:
    """Opened from the audit page as the administrator does: an account added (a mismatch
    refused first), the backup settings saved and a backup made; each dialog's list and the
    audit log behind it show the result through `changed`."""
    from tests.ui.helpers import when_modal
    from ui.backup_dialog import BackupDialog
    from ui.users_dialog import UsersDialog

    demo_ctx.user = User("quantri", "admin", "Quản trị")
    seen: dict[str, object] = {}

    def add_account(dialog: UsersDialog) -> None:
        before = dialog.model.rowCount()
        dialog.name.setText("thuky")
        dialog.full_name.setText("Đinh Thị Thư")
        dialog.password.setText("mat-khau-dai")
        dialog.again.setText("mat-khau-khac")
        seen["refused"] = (dialog.add(), dialog.message.text())
        dialog.again.setText("mat-khau-dai")
        seen["added"] = (dialog.add(), dialog.model.rowCount() - before, dialog.name.text())
        dialog.reject()

    def back_up(dialog: BackupDialog) -> None:
        seen["folder"] = dialog.folder.text()
        dialog.folder.setText(str(tmp_path / "sao-luu"))
        dialog.save_settings()
        dialog.backup_now()
        seen["backups"] = (dialog.model.rowCount(), dialog.message.text())
        dialog.reject()

    with store_off_gui_thread():
        page = main_window.show_page("audit")
        when_modal(UsersDialog, add_account)
        page.open_users()
        when_modal(BackupDialog, back_up)
        page.open_backups()
    assert seen["refused"] == (False, "Hai lần nhập mật khẩu không khớp.") and seen["added"] == (True, 1, "")
    assert seen["folder"] and seen["backups"][0] == 1 and seen["backups"][1].startswith("Đã sao lưu")
    shown = {(page.model.row_at(r).entry.action, page.model.row_at(r).entry.row_id) for r in range(page.model.rowCount())}
    assert ("create", "thuky") in shown and "backup" in {action for action, _ in shown}   # the log reloaded itself


def test_a_new_topic_is_an_op_and_shown_selected(main_window, demo_ctx, store_off_gui_thread) -> None:
    """A title missing is refused in the open dialog; the saved topic is shown selected in the
    unfiltered list after `changed` reloads it."""
    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    with store_off_gui_thread():
        page = main_window.show_page("topics")
        page.status_filter.setCurrentIndex(page.status_filter.findData("closed"))
        page.add_topic()
        dialog = page.dialog
        dialog.accept()
        assert dialog.isVisible() and dialog.error.text()
        dialog.title_.setText("Sạt lở bờ sông Cổ Chiên")
        dialog.field.set_code("economy")
        dialog.accept()
    assert not dialog.isVisible() and page.status_filter.currentIndex() == 0
    assert page.current is not None and page.current.title == "Sạt lở bờ sông Cổ Chiên"


def test_printing_the_contact_sheet_reads_on_the_worker(main_window, demo_ctx, store_off_gui_thread,
                                                       monkeypatch) -> None:
    """Ctrl+P on the collaborators page: the sheet (audited: it shows phone numbers) is read by an
    op; the print preview gets the filtered people."""
    from ui import printing

    printed: list[str] = []
    monkeypatch.setattr(printing, "preview_html", lambda parent, html, title: printed.append(html) or False)
    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    with store_off_gui_thread():
        page = main_window.show_page("collaborators")
        page.status.setCurrentIndex(page.status.findData("active"))
        main_window.menus.print_page()
    assert len(printed) == 1 and "<table" in printed[0]
    assert page.model.row_at(0).full_name in printed[0]
