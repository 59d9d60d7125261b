"""The collaborators page with real widgets over the demo office: import preview, editor,
filters, coverage highlighting, propose replacement, status change, commendations."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt

from app.collaborators import activity, training
from app.collaborators.registry import CollaboratorFilter, list_collaborators


def _count(ctx) -> int:
    return ctx.db.execute("SELECT count(*) FROM collaborators").fetchone()[0]


def _workbook(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH BỔ SUNG"])
    ws.merge_cells("A1:E1")
    ws.append(["STT", "Họ và tên", "Năm sinh", "Địa bàn", "SĐT"])
    ws.append([1, "Tô Văn Mười", 1980, "Xã Tân An", "0912 000 111"])
    ws.append([2, "Kha Thị Út", "1985", "xa dai phuoc", None])
    ws.append([3, "Sai Địa Bàn", 1990, "Xã Không Có", None])
    book.save(path)
    return path


def test_import_preview_writes_nothing_until_confirmed(main_window, demo_ctx, qtbot, tmp_path):
    page = main_window.show_page("collaborators")
    before = _count(demo_ctx)
    page.import_file(_workbook(tmp_path / "bo sung.xlsx"))
    dialog = page.dialog
    assert dialog.table.rowCount() == 3
    # The unknown area is listed once with its choices; the row waits instead of being rejected.
    assert dialog.areas.rowCount() == 3 and dialog.areas.item(2, 0).text() == "Xã Không Có"
    assert dialog.table.item(2, 3).text() == "Xã Không Có (chờ chọn)"
    assert dialog.table.item(2, 1).text() == "Sai Địa Bàn"
    assert dialog.ok.text() == "Nhập 3 cộng tác viên" and not dialog.ok.isEnabled()
    # The commune demo's areas are hamlets, so the workbook's other commune names wait too: leave all empty.
    for combo in dialog.combos.values():
        combo.setCurrentIndex(combo.findData("none"))
    assert dialog.ok.isEnabled() and dialog.table.item(2, 3).text().startswith("(để trống")
    assert _count(demo_ctx) == before
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert _count(demo_ctx) == before + 3
    assert "Đã thêm 3 cộng tác viên" in page.message.text()
    page.search.setText("to van muoi")
    page.search.flush()
    assert [page.model.row_at(i).full_name for i in range(page.model.rowCount())] == ["Tô Văn Mười"]


def test_import_refusal_is_one_message_and_no_dialog(main_window, demo_ctx, tmp_path):
    page = main_window.show_page("collaborators")
    bad = tmp_path / "ghi chu.xlsx"
    bad.write_text("không phải excel", encoding="utf-8")
    page.import_file(bad)
    assert page.dialog is None
    assert "không phải tệp Excel" in page.message.text()


def test_editor_shows_validation_messages_then_saves(main_window, demo_ctx, qtbot):
    page = main_window.show_page("collaborators")
    before = _count(demo_ctx)
    page.add()
    dialog = page.dialog
    save = dialog.save_button
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Họ và tên không được để trống."
    dialog.form.full_name.setText("Lâm Thị Thu")  # QTest.keyClicks handles Latin-1 only
    qtbot.keyClicks(dialog.form.phone, "12345")
    qtbot.keyClicks(dialog.form.birth_year, "1988")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "Số điện thoại không hợp lệ" in dialog.error.text()
    assert dialog.form.phone.property("invalid") is True   # outlined in red by style.qss
    assert _count(demo_ctx) == before
    dialog.form.phone.setText("0912 345 678")
    dialog.form.decision_date.setText("31/02/2026")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "Ngày quyết định" in dialog.error.text()
    dialog.form.decision_date.setText("01/10/2026")
    dialog.form.stratum.setCurrentIndex(dialog.form.stratum.findData("youth"))
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert _count(demo_ctx) == before + 1
    saved = dialog.result_value
    assert (saved.full_name, saved.phone, saved.birth_year, saved.decision_date, saved.stratum) == \
        ("Lâm Thị Thu", "0912345678", 1988, "2026-10-01", "youth")


def test_filters_and_flag_column(main_window, demo_ctx):
    page = main_window.show_page("collaborators")
    total = page.model.rowCount()
    page.party.setCurrentIndex(page.party.findData("yes"))
    party = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert 0 < len(party) < total and all(c.party_member for c in party)
    page.sector.setCurrentIndex(page.sector.findData("farmers_union"))
    assert all(page.model.row_at(i).sector == "farmers_union" for i in range(page.model.rowCount()))
    page.party.setCurrentIndex(0)
    page.sector.setCurrentIndex(0)
    flagged = [c for c in (page.model.row_at(i) for i in range(page.model.rowCount())) if c.id in page.model.attention]
    assert flagged and len(flagged) == len(activity.flagged(demo_ctx))
    assert "người cần chú ý" in page.count.text()


def test_coverage_tab_highlights_gaps(main_window, demo_ctx):
    from app.office import add_unit

    add_unit(demo_ctx, "NEW-X99", "Xã Mới Lập", "hamlet", demo_ctx.origin)  # a new area of the commune office
    page = main_window.show_page("collaborators")
    page.tabs.setCurrentWidget(page.coverage)
    view = page.coverage
    rows = [view.table.verticalHeaderItem(r).text() for r in range(view.table.rowCount())]
    new_row = rows.index("Xã Mới Lập")
    assert (new_row, view.table.columnCount() - 1) in view.below_cells()
    assert view.suggestions.item(0).text().startswith("Xã Mới Lập: có 0/1")
    view.dimension.setCurrentIndex(view.dimension.findData("sector"))
    women = list(view.matrix.codes).index("women")
    assert (len(view.matrix.areas), women) in view.below_cells()


def test_propose_replacement_from_activity_tab(main_window, demo_ctx, qtbot):
    page = main_window.show_page("collaborators")
    page.tabs.setCurrentWidget(page.activity)
    view = page.activity
    target = next(i for i in range(view.model.rowCount()) if not view.model.row_at(i).open_proposal_id)
    view.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    proxy_row = view.view.model().mapFromSource(view.model.index(target, 0)).row()
    view.select_row(proxy_row)
    person = view.selected()
    assert view.propose.isEnabled()
    qtbot.mouseClick(view.propose, Qt.MouseButton.LeftButton)
    assert person.collaborator_id in [p.collaborator_id for p in activity.proposals(demo_ctx)]
    assert "Đã ghi đề xuất thay thế" in view.message.text()


def test_status_change_and_commendation_from_the_list(main_window, demo_ctx, qtbot):
    page = main_window.show_page("collaborators")
    page.status.setCurrentIndex(page.status.findData("active"))
    page.view.selectRow(0)
    person = page.selected()
    page.change_status()
    dialog = page.dialog
    dialog.status.setCurrentIndex(dialog.status.findData("paused"))
    dialog.save()
    assert "lý do" in dialog.error.text()
    dialog.reason.setText("Điều trị bệnh dài ngày")
    dialog.save()
    assert [c.status for c in list_collaborators(demo_ctx, CollaboratorFilter()) if c.id == person.id] == ["paused"]
    page.status.setCurrentIndex(0)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == person.id)
    page.view.selectRow(page.view.model().mapFromSource(page.model.index(row, 0)).row())
    page.open_detail()
    detail = page.dialog
    assert "Tạm dừng" in detail.info.text() and "Điều trị bệnh dài ngày" in detail.info.text()
    before = len(training.list_commendations(demo_ctx, person.id))
    detail.award_reason.setText("Phản ánh kịp thời")
    qtbot.mouseClick(detail.award_button, Qt.MouseButton.LeftButton)
    assert len(training.list_commendations(demo_ctx, person.id)) == before + 1
    assert any("Phản ánh kịp thời" in detail.commendations.item(i).text()
               for i in range(detail.commendations.count()))
    assert any("Tạm dừng" in detail.history.item(i).text() for i in range(detail.history.count()))


def test_import_runs_in_the_worker_thread(demo_ctx, qtbot, tmp_path):
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    window = MainWindow(demo_ctx, TaskRunner())  # the real single worker thread
    qtbot.addWidget(window)
    page = window.show_page("collaborators")
    before = _count(demo_ctx)
    page.import_file(_workbook(tmp_path / "luong.xlsx"))
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=20000)
    qtbot.mouseClick(page.dialog.add_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã thêm 3" in page.message.text(), timeout=20000)
    assert _count(demo_ctx) == before + 3
    window.tasks.wait()


def test_export_of_the_filtered_list(main_window, demo_ctx, tmp_path):
    page = main_window.show_page("collaborators")
    page.stratum.setCurrentIndex(page.stratum.findData("farmer"))
    page.export_file(tmp_path / "nong dan.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "nong dan.xlsx").active
    assert ws.max_row - 5 == page.model.rowCount() > 0
    assert {ws.cell(row=r, column=12).value for r in range(6, ws.max_row + 1)} == {"Nông dân"}
    assert "không được mã hóa" in page.message.text()


def test_replace_dialog_links_leaving_and_new(main_window, demo_ctx):
    from app.collaborators.registry import get

    page = main_window.show_page("collaborators")
    page.status.setCurrentIndex(page.status.findData("active"))
    page.view.selectRow(0)
    leaving = page.selected()
    page.replace()
    dialog = page.dialog
    newcomer = dialog.newcomer.currentData()
    dialog.reason.setText("Chuyển công tác")
    dialog.save()
    old = get(demo_ctx, leaving.id)
    assert (old.status, old.replaced_by, old.left_reason) == ("left", newcomer, "Chuyển công tác")


def test_training_and_targets_dialogs(main_window, demo_ctx):
    from app.collaborators import coverage

    page = main_window.show_page("collaborators")
    page.tabs.setCurrentWidget(page.training)
    before = len(training.list_trainings(demo_ctx))
    page.training.add()
    dialog = page.training.dialog
    dialog.save()
    assert "Nội dung tập huấn" in dialog.error.text()
    dialog.topic.setText("Kỹ năng viết báo cáo dư luận")
    for i in range(3):
        dialog.people.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    sessions = training.list_trainings(demo_ctx)
    assert len(sessions) == before + 1 and len(sessions[0].attendees) == 3
    page.tabs.setCurrentWidget(page.coverage)
    page.coverage.edit_targets()
    targets = page.coverage.dialog
    targets.per_area.setValue(6)
    targets.save()
    assert coverage.targets(demo_ctx).per_area == 6
    assert len(page.coverage.below_cells()) >= 14  # every commune has fewer than six people


def test_the_coverage_header_shows_every_name_whole_at_1366(main_window, qtbot):
    """A fixed three-line header cut "Cán bộ, công chức…" top and bottom: the names are the short
    ones offices write (whole in the tooltips) and the header is as tall as the longest wraps."""
    from PySide6.QtGui import QFont, QFontMetrics

    from app import catalog

    main_window.resize(1366, 768)
    main_window.show()
    page = main_window.show_page("collaborators")
    page.tabs.setCurrentWidget(page.coverage)
    table = page.coverage.table
    header = table.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)

    def fits() -> bool:
        return all(metrics.boundingRect(0, 0, header.sectionSize(c) - 10, 10_000, flags,
                                        table.horizontalHeaderItem(c).text()).height() <= header.height() - 8
                   for c in range(table.columnCount()))

    qtbot.waitUntil(fits, timeout=3000)
    names = {table.horizontalHeaderItem(c).toolTip(): table.horizontalHeaderItem(c).text()
             for c in range(table.columnCount())}
    assert names["Cán bộ, công chức, viên chức"] == catalog.short("Cán bộ, công chức, viên chức") == "CB, CC, VC"
