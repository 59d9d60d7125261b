"""The exchange and province pages read and write the store only on the worker (issue 23 step 1):
enrolling cards (one, or a folder at the province), writing a package, saving this office's
card and the province's guidance notes, each under the trace-callback guard on the store it
uses; the lists show the result through the runner's `changed` signal."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


def test_the_exchange_page_enrols_and_exports_on_the_worker(main_window, demo_ctx, store_off_gui_thread, tmp_path,
                                                            monkeypatch, passphrase_env) -> None:
    """Enrolling the province's card, saving this office's card and writing a package are ops or
    queries; the peers and sent lists show the result through `changed`."""
    from tests.exchange.sync_helpers import new_province
    from tests.exchange.test_exchange_ui import _card_file
    from ui.pages import exchange

    province = new_province(tmp_path / "p.db")
    try:
        card = _card_file(province, tmp_path)
        code = province.origin
    finally:
        province.close()
    monkeypatch.setattr(exchange, "save_file", lambda *args: str(tmp_path / "the.dlxid"))
    with store_off_gui_thread():
        page = main_window.show_page("exchange")
        sent = page.sent.rowCount()
        page.enrol_from(card, confirm=False)
        assert code in {page.peers.row_at(r).unit_code for r in range(page.peers.rowCount())}
        assert page.status.text().startswith(f"Đã đăng ký đơn vị {code}")
        page.export_card()
        page.start_export(tmp_path / "usb")
    assert (tmp_path / "the.dlxid").read_bytes() and next((tmp_path / "usb").glob("*.dlxh"))
    assert page.sent.rowCount() == sent + 1 and page.status.text().startswith("Đã ghi gói số")


def test_the_province_page_and_its_enrol_dialog_read_and_write_on_the_worker(demo_ctx, store_off_gui_thread, qtbot,
                                                                            tmp_path, passphrase_env) -> None:
    """A province office: the folder of cards is read on the worker, the enrolment is an op and
    the page (its offices, timeliness and items tabs) reloads from `changed` on the worker."""
    from tests.exchange.sync_helpers import new_province
    from tests.exchange.test_exchange_ui import _card_file
    from ui.pages.province import Page
    from ui.tasks import TaskRunner

    province = new_province(tmp_path / "p.db")
    try:
        folder = tmp_path / "the"
        folder.mkdir()
        _card_file(demo_ctx, folder)
        page = Page(province, TaskRunner(synchronous=True))
        qtbot.addWidget(page)
        page.show()
        with store_off_gui_thread(province):
            page.refresh()
            assert page.offices.rowCount() == 0
            page.open_enrol_dialog(folder)
            dialog = page.enrol_dialog
            assert dialog.isVisible() and dialog.model.rowCount() == 1
            dialog.enrol()
            assert not dialog.isVisible() and page.offices.rowCount() == 1
            page.tabs.setCurrentWidget(page.timeliness)
            page.tabs.setCurrentWidget(page.items)
            page.items.select_office(demo_ctx.origin)
        assert page.note.text() and page.timeliness.model.rowCount() == 1 and page.items.office.currentData() == demo_ctx.origin
    finally:
        province.close()


def test_the_provinces_guidance_note_is_an_op_and_a_refusal_keeps_its_dialog(store_off_gui_thread, qtbot, tmp_path,
                                                                            monkeypatch, passphrase_env) -> None:
    """Trao đổi dữ liệu at a province: a note without a title is refused over its dialog, which
    stays open; the saved note is listed through `changed`."""
    from PySide6.QtWidgets import QMessageBox

    from tests.exchange.sync_helpers import new_province
    from ui.pages.exchange import Page
    from ui.tasks import TaskRunner

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    province = new_province(tmp_path / "p.db")
    try:
        page = Page(province, TaskRunner(synchronous=True))
        qtbot.addWidget(page)
        page.show()
        with store_off_gui_thread(province):
            page.refresh()
            page.tabs.setCurrentWidget(page.guidance)
            page.guidance.add()
            dialog = page.guidance.dialog
            dialog.body.setPlainText("Theo dõi sát dư luận về giá phân bón.")
            dialog.findChild(QDialogButtonBox).accepted.emit()
            assert dialog.isVisible() and said == ["Tiêu đề hướng dẫn không được để trống."] and dialog.body.toPlainText()
            dialog.title_edit.setText("Giá phân bón vụ đông")
            dialog.findChild(QDialogButtonBox).accepted.emit()
        assert not dialog.isVisible() and page.guidance.model.rowCount() == 1
    finally:
        province.close()
