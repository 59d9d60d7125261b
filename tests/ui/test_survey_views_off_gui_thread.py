"""The surveys page writes on the worker (issue 23 step 1): keying, correcting and checking
forms, the questionnaire builder, the sample plan, a new survey and the register copy of its
report run as `tasks.op` (reads as `tasks.query`) under the trace-callback guard; a refusal
keeps what the clerk typed and is shown where it was shown before; the page's counts follow
the runner's one `changed` signal."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

from app.surveys import plan as plan_mod
from app.surveys import questionnaire as qn
from app.surveys import responses as rs
from tests.surveys.test_survey_ui import open_tab, type_keys
from tests.ui.helpers import when_modal
from ui import palette

FORM_9001 = "9001\t2\t2\t3\t2\t1\t14\t4\t4\t2\t1\t\n"   # valid: woman, 30-44, farmer, commune 2 …


def _start_row(grid) -> None:
    grid.setFocus()
    grid.setCurrentCell(grid.rowCount() - 1, 0)


def test_a_keyed_form_is_stored_on_the_worker_and_the_count_follows(main_window, qtbot, demo_ctx,
                                                                      store_off_gui_thread) -> None:
    page, view = open_tab(main_window, "entry")
    sid = page.survey_id()
    before = len(rs.load_responses(demo_ctx, sid))
    seen: list[frozenset] = []
    main_window.tasks.changed.connect(seen.append)
    with store_off_gui_thread():
        _start_row(view.grid)
        type_keys(qtbot, FORM_9001)
    assert len(rs.load_responses(demo_ctx, sid)) == before + 1
    assert seen == [frozenset({"survey_responses", "survey_answers"})]
    assert view.grid.rowCount() == 2 and view.grid.item(1, 0).text() == "9002"
    assert page.status.text() == f"{before + 1} phiếu" and f"{before + 1} phiếu" in page.picker.currentText()


def test_a_form_refused_by_the_store_keeps_its_cells_and_marks_the_number(main_window, qtbot, demo_ctx,
                                                                            store_off_gui_thread) -> None:
    page, view = open_tab(main_window, "entry")
    sid = page.survey_id()
    before = len(rs.load_responses(demo_ctx, sid))
    grid = view.grid
    with store_off_gui_thread():
        _start_row(grid)
        type_keys(qtbot, FORM_9001.replace("9001", "0001", 1))   # number 0001 is stored already
    assert len(rs.load_responses(demo_ctx, sid)) == before
    assert view.message.text() == "Chưa lưu: Phiếu số 0001 đã được nhập."
    assert grid.rowCount() == 1 and grid.currentColumn() == 0
    assert grid.item(0, 0).background().color().name() == palette.COLOURS["bad_bg"]
    assert [grid.item(0, c).text() for c in range(6)] == ["0001", "2", "2", "3", "2", "1"]
    grid.item(0, 0).setText("9001")        # the clerk fixes the number: the same row is stored
    _start_row(grid)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert len(rs.load_responses(demo_ctx, sid)) == before + 1 and grid.rowCount() == 2


def test_correcting_checking_and_picking_forms_run_on_the_worker(main_window, qtbot, demo_ctx, monkeypatch,
                                                                 store_off_gui_thread) -> None:
    page, view = open_tab(main_window, "entry")
    sid = page.survey_id()
    stored = rs.find_by_form(demo_ctx, sid, "0002")
    asked = iter(["0002", "7777"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(asked), True))
    grid = view.grid
    q3 = grid.keys.index("q3")
    new_q3 = 1 if stored.answers[3] != 1 else 2
    with store_off_gui_thread():
        view.fix.click()
        row = grid.rowCount() - 1
        assert grid.item(row, 0).text() == "0002"
        grid.item(row, q3).setText(str(new_q3))
        grid.setCurrentCell(row, q3)
        qtbot.keyClick(grid, Qt.Key.Key_Return)
        assert view.message.text() == "Đã sửa phiếu 0002."
        view.fix.click()                                     # a number never keyed
        assert "7777" in view.message.text() and grid.item(grid.rowCount() - 1, 0).text() == ""
        view.pick.click()
        assert view.mode.currentData() == "check" and view.message.text().startswith("Phiếu cần nhập kiểm tra: ")
    assert rs.find_by_form(demo_ctx, sid, "0002").answers == {**stored.answers, 3: new_q3}


def test_after_a_correction_keying_goes_on_with_the_next_new_number(main_window, qtbot, demo_ctx, monkeypatch,
                                                                    store_off_gui_thread) -> None:
    """Seen keying in a real window: after correcting form 9001 the next row was numbered 9002,
    a number already stored, so the clerk's next form was refused."""
    page, view = open_tab(main_window, "entry")
    grid = view.grid
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("9001", True))
    with store_off_gui_thread():
        _start_row(grid)
        type_keys(qtbot, FORM_9001)
        type_keys(qtbot, FORM_9001[len("9001\t"):])            # 9002
        view.fix.click()                                        # the open row (9003) takes form 9001 back
        row = grid.rowCount() - 1
        grid.item(row, grid.keys.index("gender")).setText("1")
        grid.setCurrentCell(row, 1)
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert view.message.text() == "Đã sửa phiếu 9001." and grid.item(grid.rowCount() - 1, 0).text() == "9003"
    gender = grid.keys.index("gender")
    assert grid.item(0, gender).text() == "1"       # the first keying of 9001 above shows the correction
    assert rs.find_by_form(demo_ctx, page.survey_id(), "9001").gender == "male"


def test_a_tab_after_the_last_cell_stays_in_the_row_being_keyed(main_window, qtbot, demo_ctx) -> None:
    """Seen keying in a real window: one Tab too many after the last question jumped to the
    first, stored row, and the Enter that followed stored nothing, without a word."""
    page, view = open_tab(main_window, "entry")
    before = len(rs.load_responses(demo_ctx, page.survey_id()))
    grid = view.grid
    _start_row(grid)
    type_keys(qtbot, FORM_9001)
    type_keys(qtbot, FORM_9001[len("9001\t"):-1] + "\t\n")        # 9002, with a Tab after the last cell
    assert len(rs.load_responses(demo_ctx, page.survey_id())) == before + 2
    assert view.message.text().startswith("Đã lưu phiếu 9002") and grid.item(2, 0).text() == "9003"
    grid.setCurrentCell(2, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Backtab)                      # Shift+Tab from the first cell: the last one
    assert grid.currentRow() == 2 and grid.currentColumn() == grid.columnCount() - 1


def test_a_double_entry_check_is_stored_on_the_worker(main_window, qtbot, demo_ctx, store_off_gui_thread) -> None:
    page, view = open_tab(main_window, "entry")
    sid = page.survey_id()
    first = rs.find_by_form(demo_ctx, sid, "0001")
    from app.surveys.entry import keyed_cells

    typed = keyed_cells(view.questionnaire, first, view.areas)
    seen: list[frozenset] = []
    main_window.tasks.changed.connect(seen.append)
    with store_off_gui_thread():
        view.mode.setCurrentIndex(1)
        grid = view.grid
        row = grid.rowCount() - 1
        for c, key in enumerate(grid.keys):
            grid.item(row, c).setText(typed[key])
        grid.setFocus()
        grid.setCurrentCell(row, 1)
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert view.message.text() == "Phiếu 0001: khớp hoàn toàn với lần nhập đầu."
    assert seen == [frozenset({"survey_check_entries"})]
    assert demo_ctx.db.execute("SELECT count(*) FROM survey_check_entries WHERE form_no = '0001'").fetchone()[0] >= 1


def _click_then_answer(box) -> None:
    """Confirm the deletion; the refusal that follows is answered by the next when_modal."""
    yes = next(b for b in box.buttons() if b.text() == "Xóa câu hỏi")
    yes.click()


def test_the_builder_writes_on_the_worker_and_a_refusal_keeps_the_question(main_window, qtbot, demo_ctx,
                                                                            store_off_gui_thread) -> None:
    sid = qn.create_survey(demo_ctx, "Thăm dò về giá điện")
    page = main_window.show_page("surveys")
    page.refresh()
    page.picker.setCurrentIndex(page.picker.findData(sid))
    b = page.builder
    seen: list[frozenset] = []
    main_window.tasks.changed.connect(seen.append)
    with store_off_gui_thread():
        page.tabs.setCurrentWidget(b)
        b.q_text.setPlainText("Gia đình anh/chị có dùng điện lưới không?")
        b.q_options.setPlainText("Có\nKhông")
        b.q_save.click()
        for text, skip in (("Tiền điện tháng qua có tăng không?", True), ("Anh/chị có ý kiến gì khác?", False)):
            b._new()
            b.q_text.setPlainText(text)
            b.q_options.setPlainText("Tăng nhiều\nTăng ít\nKhông tăng" if skip else "Có\nKhông")
            b.q_skip.setChecked(skip)
            b.skip_q.setValue(1)
            b.skip_opt.setValue(1)
            b.q_save.click()
        assert b.q_save.text() == "Lưu câu 3" and b.model.rowCount() == 3
        b.edit_buttons[1].click()                     # Lên: question 3 becomes question 2
        assert b.editing.no == 2 and b.editing.text == "Anh/chị có ý kiến gì khác?"
        b.q_text.setPlainText("Anh/chị còn ý kiến gì khác?")
        b.q_save.click()
        b.table.selectRow(0)
        refused: list[str] = []
        when_modal(QMessageBox, lambda box: (when_modal(QMessageBox, lambda r: (refused.append(r.text()), r.accept())),
                                             _click_then_answer(box)))
        b.edit_buttons[3].click()                     # Xóa câu 1: refused, question 3 depends on it
        assert refused == ["Câu 3 đang dùng câu này làm điều kiện; hãy bỏ điều kiện đó trước."]
        assert b.editing.no == 1 and b.q_text.toPlainText() == "Gia đình anh/chị có dùng điện lưới không?"
        b.title.setText("Thăm dò về giá điện năm 2026")
        b.findChild(QPushButton, "save_info").click()
    assert [q.text for q in qn.load(demo_ctx, sid).questions] == [
        "Gia đình anh/chị có dùng điện lưới không?", "Anh/chị còn ý kiến gì khác?", "Tiền điện tháng qua có tăng không?"]
    assert qn.get_survey(demo_ctx, sid).title == "Thăm dò về giá điện năm 2026"
    assert "Thăm dò về giá điện năm 2026" in page.picker.currentText()
    assert seen[0] == frozenset({"survey_questions", "survey_options"}) and seen[-1] == frozenset({"surveys"})
    assert frozenset({"survey_questions"}) in seen                       # the move


def test_the_plan_is_saved_on_the_worker_and_a_bad_figure_keeps_the_table(main_window, qtbot, demo_ctx,
                                                                          store_off_gui_thread) -> None:
    page, view = open_tab(main_window, "plan")
    sid = page.survey_id()
    seen: list[frozenset] = []
    main_window.tasks.changed.connect(seen.append)
    with store_off_gui_thread():
        view.dimension.setCurrentIndex(view.dimension.findData("stratum"))
        view.table.item(2, 1).setText("60.000")
        view.table.item(1, 1).setText("20000")
        view.minimum.setValue(0)
        view.size.setValue(0)
        view.findChild(QPushButton, "save_plan").click()
        assert "Cỡ mẫu kế hoạch 382 phiếu" in view.summary.text()
        view.table.item(2, 1).setText("sáu mươi")
        refused: list[str] = []
        when_modal(QMessageBox, lambda box: (refused.append(box.text()), box.accept()))
        view.findChild(QPushButton, "save_plan").click()
        assert refused and "phải là số nguyên" in refused[0] and view.table.item(2, 1).text() == "sáu mươi"
    assert seen == [frozenset({"survey_plans", "survey_plan_cells"})]
    assert plan_mod.get_plan(demo_ctx, sid).population == 80000


def test_a_new_survey_refused_asks_again_with_what_was_typed(main_window, monkeypatch, demo_ctx,
                                                             store_off_gui_thread) -> None:
    page = main_window.show_page("surveys")
    asked: list[tuple[str, str]] = []
    answers = iter([("   ", True), ("Thăm dò về nước sạch", True)])

    def get_text(parent, title, label, echo=None, text=""):
        asked.append((label, text))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    with store_off_gui_thread():
        page.findChild(QPushButton, "new_survey").click()
    assert len(asked) == 2 and asked[1][1] == "   " and "Tên cuộc điều tra" in asked[1][0].split("\n")[-1]
    assert asked[1][0] != asked[0][0]                 # the second asking says why
    assert page.picker.currentText().startswith("Thăm dò về nước sạch") and page.tabs.currentWidget() is page.builder


def test_saving_the_report_to_the_register_announces_the_reports(main_window, demo_ctx, store_off_gui_thread) -> None:
    page, view = open_tab(main_window, "tables", reopen=False)
    seen: list[frozenset] = []
    main_window.tasks.changed.connect(seen.append)
    when_modal(QMessageBox, lambda box: box.accept())
    with store_off_gui_thread():
        view.findChild(QPushButton, "register").click()
    assert seen == [frozenset({"reports"})]


def test_two_forms_keyed_with_the_real_worker_and_a_second_enter_stores_once(demo_ctx, qtbot,
                                                                            store_off_gui_thread) -> None:
    """The real worker thread: Enter stores the form there and the next row opens when it is
    stored; an Enter pressed again meanwhile (the worker busy) does not store the form twice."""
    from ui.survey.entry_view import EntryView
    from ui.tasks import TaskRunner

    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    qn.update_survey(demo_ctx, survey.id, status="open")
    before = len(rs.load_responses(demo_ctx, survey.id))
    tasks = TaskRunner()
    view = EntryView(demo_ctx, tasks)
    qtbot.addWidget(view)
    view.show()
    busy = threading.Event()
    try:
        _key_two_forms(view, tasks, busy, qtbot, survey.id, store_off_gui_thread)
    finally:
        busy.set()      # never leave the worker waiting
        tasks.wait()
    stored = [r.form_no for r in rs.load_responses(demo_ctx, survey.id)]
    assert len(stored) == before + 2 and stored.count("9001") == 1 and stored.count("9002") == 1
    assert "Đã lưu phiếu 9002 (2 phiếu trong lượt nhập này)" in view.message.text()


def _key_two_forms(view, tasks, busy, qtbot, sid, store_off_gui_thread) -> None:
    with store_off_gui_thread():
        view.show_survey(sid)
        qtbot.waitUntil(lambda: view.grid.rowCount() == 1, timeout=20000)
        tasks.run(lambda: busy.wait(20))            # the worker is busy: the form waits its turn
        grid = view.grid
        _start_row(grid)
        type_keys(qtbot, FORM_9001)
        qtbot.keyClick(grid, Qt.Key.Key_Return)     # impatient: Enter again while it is being stored
        qtbot.keyClick(grid, Qt.Key.Key_Return)
        assert grid.rowCount() == 1 and "Đang lưu phiếu 9001" in view.message.text()
        busy.set()
        qtbot.waitUntil(lambda: grid.rowCount() == 2, timeout=20000)
        assert grid.item(1, 0).text() == "9002" and grid.currentRow() == 1
        type_keys(qtbot, FORM_9001[len("9001\t"):])     # the number is filled in: the rest of the form
        qtbot.waitUntil(lambda: grid.rowCount() == 3, timeout=20000)
        tasks.wait()


def test_a_second_click_while_a_question_or_the_register_copy_is_saved_does_not_save_twice(
        demo_ctx, qtbot, store_off_gui_thread) -> None:
    """The real worker, kept busy so the clicks come while the write waits its turn: adding a
    question and saving the report to the register each store once."""
    from ui.survey.builder import BuilderView
    from ui.survey.tabulate_view import TabulateView
    from ui.tasks import TaskRunner

    sid = qn.create_survey(demo_ctx, "Thăm dò về nước sạch")
    (closed,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    reports = demo_ctx.db.execute("SELECT count(*) FROM reports").fetchone()[0]
    tasks = TaskRunner()
    builder, tables = BuilderView(demo_ctx, tasks), TabulateView(demo_ctx, tasks)
    for view in (builder, tables):
        qtbot.addWidget(view)
        view.show()
    busy = threading.Event()
    try:
        with store_off_gui_thread():
            builder.show_survey(sid)
            tables.show_survey(closed.id)
            qtbot.waitUntil(lambda: builder.q_save.text() == "Thêm câu này vào cuối phiếu"
                            and tables.question.count() > 0, timeout=20000)
            tasks.run(lambda: busy.wait(20))
            builder.q_text.setPlainText("Nhà anh/chị có dùng nước máy không?")
            builder.q_options.setPlainText("Có\nKhông")
            builder.q_save.click()
            builder.q_save.click()
            register = tables.findChild(QPushButton, "register")
            register.click()
            register.click()
            shown: list[str] = []

            def answer(box) -> None:   # every "Đã lưu" box is answered (and counted), then 0.5 s for another
                shown.append(box.text())
                box.accept()
                when_modal(QMessageBox, answer, tries=50)

            when_modal(QMessageBox, answer)
            busy.set()
            qtbot.waitUntil(lambda: builder.model.rowCount() >= 1 and bool(shown), timeout=30000)
            assert tasks.settle()
            qtbot.wait(700)            # the last look for another box ends
    finally:
        busy.set()
        tasks.wait()
    assert [q.text for q in qn.load(demo_ctx, sid).questions] == ["Nhà anh/chị có dùng nước máy không?"]
    assert demo_ctx.db.execute("SELECT count(*) FROM reports").fetchone()[0] == reports + 1 and len(shown) == 1
