"""The Reports page on the demo office: register, section editing, flow buttons, preview."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.context import User
from app.reports import store
from tests.ui.helpers import answer


def test_register_and_section_editor(main_window, demo_ctx):
    page = main_window.show_page("reports")
    assert page.model.rowCount() == len(store.list_reports(demo_ctx)) == 3
    panel = page.panel
    assert panel.report is not None and panel.report.status == "draft"  # newest period first
    assert panel.section_list.count() == 6
    panel.section_list.setCurrentRow(4)
    panel.section_text.setPlainText("Dự báo do cán bộ viết.")
    panel.save_section()
    saved = store.get(demo_ctx, panel.report.id)
    assert saved.sections[4]["text"] == "Dự báo do cán bộ viết." and saved.sections[4]["edited"]
    assert panel.section_list.item(4).text().endswith("(đã sửa)")
    panel.regenerate(False)
    assert store.get(demo_ctx, panel.report.id).sections[4]["text"] == "Dự báo do cán bộ viết."
    assert panel.flow_buttons["submit"].isEnabled() and not panel.flow_buttons["sign"].isEnabled()
    assert panel.flow_buttons["sign"].toolTip() == "Chỉ ký số được báo cáo đã phê duyệt."
    answer("Không")                                   # asked first; declining changes nothing
    panel.flow_buttons["submit"].click()
    assert store.get(demo_ctx, panel.report.id).status == "draft"
    answer("Trình duyệt")
    panel.flow_buttons["submit"].click()
    assert store.get(demo_ctx, panel.report.id).status == "submitted"
    assert main_window.statusBar().currentMessage() == "Đã trình duyệt báo cáo."
    assert not panel.save_section_btn.isEnabled() and panel.section_text.isReadOnly()


def test_preview_renders_every_page(main_window):
    page = main_window.show_page("reports")
    page.panel.show_preview()
    labels = [page.panel.pages.itemAt(i).widget() for i in range(page.panel.pages.count())]
    assert len(labels) >= 2 and all(isinstance(w, QLabel) and not w.pixmap().isNull() for w in labels)
    assert page.panel.tabs.currentIndex() == 2


def test_staff_cannot_approve(main_window, demo_ctx):
    page = main_window.show_page("reports")
    page.ctx.user = User("nv", "staff", "Nhân viên")  # the panel shares the page's context
    answer("Trình duyệt")
    page.panel.flow_buttons["submit"].click()
    page.panel.set_report(store.get(demo_ctx, page.panel.report.id))
    assert page.panel.report.status == "submitted"
    assert not page.panel.flow_buttons["approve"].isEnabled()
    assert page.panel.flow_buttons["approve"].toolTip() == "Chỉ lãnh đạo ban mới phê duyệt được."


def test_head_approves_and_signs_from_the_page(main_window, demo_ctx):
    from app.reports import signing

    page = main_window.show_page("reports")
    panel = page.panel
    answer("Trình duyệt")
    panel.flow_buttons["submit"].click()
    page.ctx.user = User("tb", "head", "Trần Văn Hùng")
    panel.set_report(store.get(demo_ctx, panel.report.id))
    answer("Phê duyệt")
    panel.flow_buttons["approve"].click()
    assert panel.flow_buttons["sign"].isEnabled()
    answer("Ký số")
    panel.flow_buttons["sign"].click()
    report = store.get(demo_ctx, panel.report.id)
    assert report.status == "signed" and panel.flow_buttons["version"].isEnabled()
    assert signing.verify_pdf(demo_ctx, store.get_file(demo_ctx, report.id, "signed_pdf")).valid
    assert page.model.row_at(0).status in store.STATUSES


def test_print_preview_paints_every_report_page(main_window, tmp_path):
    import pypdf
    from PySide6.QtPrintSupport import QPrinter

    from app.reports import register
    from ui.printing import paint_pdf

    page = main_window.show_page("reports")
    pdf = register.render_files(page.ctx, page.panel.report.id)[1]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    printer.setResolution(100)
    pages = paint_pdf(printer, pdf)
    import io

    assert pages == len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 2
    assert len(pypdf.PdfReader(str(tmp_path / "printed.pdf")).pages) == pages


def test_second_draft_of_a_period_offers_the_open_one(main_window, demo_ctx):
    from app.months import parse_month
    from app.reports import drafts

    page = main_window.show_page("reports")
    page.kind.setCurrentIndex(page.kind.findData("monthly"))
    p = drafts.draft_period("monthly", parse_month(page.month.currentData()), None, None)
    if drafts.existing_draft(demo_ctx, "monthly", p) is None:
        page.make_draft()  # none open yet: drafted straight away, no question
    found = drafts.existing_draft(demo_ctx, "monthly", p)
    count = len(store.list_reports(demo_ctx))
    asked: list[str] = []

    def grab_text() -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, grab_text)
    answer("Mở dự thảo đó")
    page.make_draft()
    assert asked == [f"Đã có dự thảo tháng {p.start.month}/{p.start.year} — mở dự thảo đó?"]
    assert len(store.list_reports(demo_ctx)) == count and page.panel.report.id == found.id
    answer("Soạn phiên bản khác")
    page.make_draft()
    assert len(store.list_reports(demo_ctx)) == count + 1 and page.panel.report.id != found.id


def test_a_citizen_named_in_a_section_is_asked_about_before_submitting(main_window, demo_ctx, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.helpers import when_modal

    page = main_window.show_page("reports")
    panel = page.panel
    panel.section_list.setCurrentRow(4)
    panel.section_text.setPlainText("Ông Nguyễn Văn Bình, SĐT 0912345678, phản ánh giá phân bón.")
    panel.save_section()
    said: list[str] = []
    when_modal(QMessageBox, lambda box: (said.append(box.text()), qtbot.keyClick(box, Qt.Key.Key_Return)))
    panel.flow_buttons["submit"].click()                      # Enter on the question: "Sửa lại"
    assert "Nguyễn Văn Bình" in said[0] and "0912345678" in said[0]
    assert store.get(demo_ctx, panel.report.id).status == "draft"
    assert panel.section_list.currentRow() == 4 and panel.tabs.currentIndex() == 0   # the section to edit
    answer("Bỏ các thông tin này rồi trình")
    when_modal(QMessageBox, lambda box: answer("Trình duyệt"), tries=300)
    panel.flow_buttons["submit"].click()
    report = store.get(demo_ctx, panel.report.id)
    assert report.status == "submitted"
    assert report.sections[4]["text"] == "một người dân, SĐT [đã bỏ số điện thoại], phản ánh giá phân bón."


def test_the_preview_stays_after_marking_sent(main_window, demo_ctx, qtbot):
    from app.reports import register

    page = main_window.show_page("reports")
    panel = page.panel
    rid = panel.report.id
    for step in (register.submit, register.approve, register.sign):
        step(demo_ctx, rid)
    panel.set_report(store.get(demo_ctx, rid))
    panel.show_preview()
    assert panel.pages.count() >= 2
    answer("Đã gửi")
    panel.flow_buttons["send"].click()
    main_window.tasks.wait()
    qtbot.waitUntil(lambda: panel.pages.count() >= 2 and store.get(demo_ctx, rid).status == "sent", timeout=10000)
    labels = [panel.pages.itemAt(i).widget() for i in range(panel.pages.count())]
    assert all(isinstance(w, QLabel) and not w.pixmap().isNull() for w in labels)


def test_opening_the_preview_tab_shows_the_selected_report(main_window, demo_ctx):
    """The preview tab is never blank with a report selected: opening it renders the pages, and
    choosing another report while it is open shows that report's pages."""
    page = main_window.show_page("reports")
    panel = page.panel
    assert panel.report is not None and panel.pages.count() == 0
    panel.tabs.setCurrentIndex(panel.preview_tab)
    main_window.tasks.wait()
    first = panel.pages.count()
    assert first >= 2
    other = next(r for r in store.list_reports(demo_ctx) if r.id != panel.report.id)
    page.select(other.id)
    main_window.tasks.wait()
    assert panel.report.id == other.id and panel.pages.count() >= 1
    assert panel.tabs.currentIndex() == panel.preview_tab


def test_flow_buttons_follow_the_transition_table(main_window, demo_ctx):
    """For every status, each button is enabled and explained exactly as app/reports/transitions.py
    says, and the section editor is open only when editing is allowed."""
    from app import records
    from app.reports import transitions

    panel = main_window.show_page("reports").panel
    rid = panel.report.id
    for status in store.STATUSES:
        records.update(demo_ctx, "reports", rid, {"status": status})
        panel.set_report(store.get(demo_ctx, rid))
        for key, button in panel.flow_buttons.items():
            why = transitions.refusal(panel.ctx, panel.report, key)
            assert button.isEnabled() == (not why), (status, key)
            if why:
                assert button.toolTip() == why
        assert panel.section_text.isReadOnly() == (status != "draft")
