"""The reports page's dialogs and actions read and write the store only on the worker (issue 23
step 1): report settings, drafting, deleting and undoing a draft, the USB-token check before
signing (SoftHSM2 as the token) and checking a signed PDF, each under the trace-callback guard;
the register shows the result through the runner's `changed` signal."""

from __future__ import annotations

from app.context import User


def _report_rows(page) -> dict[str, str]:
    return {page.model.row_at(r).id: page.model.row_at(r).status for r in range(page.model.rowCount())}


def _select_report(page, report_id: str) -> None:
    proxy = page.view.model()
    page.view.selectRow(next(r for r in range(proxy.rowCount())
                             if page.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).id == report_id))


def test_deleting_a_draft_report_and_undoing_it_are_ops(main_window, demo_ctx, store_off_gui_thread,
                                                        monkeypatch) -> None:
    """The register drops the deleted draft and shows it again after Ctrl+Z, through `changed`;
    a report past the draft stage is refused with the reason."""
    from PySide6.QtWidgets import QMessageBox

    demo_ctx.user = User("lanhdao", "head", "Lãnh đạo")
    said: list[str] = []
    with store_off_gui_thread():
        page = main_window.show_page("reports")
        rows = _report_rows(page)
        draft = next(rid for rid, st in rows.items() if st == "draft")
        kept = next(rid for rid, st in rows.items() if st in ("signed", "sent"))
        page.deleting.confirm = lambda label: True
        _select_report(page, draft)
        page.deleting.ask()
        assert draft not in _report_rows(page) and len(_report_rows(page)) == len(rows) - 1
        page.deleting.undo()
        assert _report_rows(page).get(draft) == "draft"
        _select_report(page, kept)
        monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
        page.deleting.ask()
    assert kept in _report_rows(page) and said and "Traceback" not in said[0]


def test_report_settings_are_read_and_saved_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    """Opened from the reports page: a bad term start is refused in the open dialog with what
    was typed kept; the saved values are what the dialog shows when opened again."""
    from app.reports.report_settings import setting

    demo_ctx.user = User("quantri", "admin", "Quản trị")
    with store_off_gui_thread():
        page = main_window.show_page("reports")
        page.edit_settings()
        dialog = page.settings_dialog
        assert dialog.isVisible() and dialog.recipients.toPlainText() and dialog.save_button.isEnabled()
        dialog.spins["monthly_report_due_day"].setValue(15)
        dialog.texts["report_signer_name"].setText("Lê Thị Mai")
        dialog.texts["term_start"].setText("đầu nhiệm kỳ")
        dialog.save()
        assert dialog.isVisible() and "Ngày bắt đầu nhiệm kỳ không đúng định dạng ngày" in dialog.error.text()
        assert dialog.texts["report_signer_name"].text() == "Lê Thị Mai"
        dialog.texts["term_start"].setText("01/10/2025")       # typed as every date: dd/mm/yyyy
        dialog.save()
        assert not dialog.isVisible()
        page.edit_settings()
        again = page.settings_dialog
    assert again.spins["monthly_report_due_day"].value() == 15 and again.texts["report_signer_name"].text() == "Lê Thị Mai"
    assert setting(demo_ctx, "term_start") == "2025-10-01" and again.texts["term_start"].text() == "01/10/2025"
    again.reject()


def _approved_report(ctx):
    """A fresh monthly draft moved to 'approved' (its figures are today's: no changed-figures question)."""
    from datetime import date

    from app.reports import drafts, register

    report = drafts.start_draft(ctx, "monthly", new=True, anchor=date(2026, 11, 1)).report
    register.submit(ctx, report.id)
    return register.approve(ctx, report.id)


def _token(ctx, tmp_path, monkeypatch, label: str | None = None) -> None:
    """SoftHSM2 in a folder of the test's own, with one token holding a key and certificate;
    `label` configures another token's name instead (one not plugged in)."""
    from app import settings
    from tests.reports.test_pkcs11 import MODULE, _soft_token

    made, _ = _soft_token(tmp_path, monkeypatch)
    for key, value in (("pkcs11_module", str(MODULE)), ("pkcs11_token_label", label or made),
                       ("pkcs11_key_label", "signkey"), ("pkcs11_cert_label", "signkey")):
        settings.put(ctx, key, value)


def test_the_usb_token_is_checked_on_the_worker_before_the_pin(main_window, demo_ctx, store_off_gui_thread,
                                                                tmp_path, monkeypatch) -> None:
    """SoftHSM2 as the USB token: the token is looked for on the worker, the PIN asked naming it,
    and the report signed by the token; the register shows it signed through `changed`."""
    from PySide6.QtWidgets import QInputDialog

    from app.reports import store
    from tests.reports.test_pkcs11 import PIN
    from tests.ui.helpers import when_modal

    demo_ctx.user = User("lanhdao", "head", "Lãnh đạo")
    _token(demo_ctx, tmp_path, monkeypatch)
    report = _approved_report(demo_ctx)
    asked: list[str] = []

    def type_pin(box: QInputDialog) -> None:
        asked.append(box.labelText())
        box.setTextValue(PIN)
        box.accept()

    with store_off_gui_thread():
        page = main_window.show_page("reports")
        _select_report(page, report.id)
        assert page.panel.report.id == report.id
        when_modal(QInputDialog, type_pin)
        page.panel.sign()
    assert asked and "dlxh-" in asked[0]
    assert _report_rows(page)[report.id] == "signed" and store.get_file(demo_ctx, report.id, "signed_pdf")


def test_a_usb_token_not_plugged_in_is_said_before_the_pin(main_window, demo_ctx, store_off_gui_thread,
                                                          tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    demo_ctx.user = User("lanhdao", "head", "Lãnh đạo")
    _token(demo_ctx, tmp_path, monkeypatch, label="token-khong-cam")
    report = _approved_report(demo_ctx)
    said: list[str] = []
    pins: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda parent, title, text, *a: pins.append(text) or ("", False))
    with store_off_gui_thread():
        page = main_window.show_page("reports")
        _select_report(page, report.id)
        page.panel.sign()
    assert not pins and said == ["Không thấy USB token «token-khong-cam»: hãy cắm token vào máy rồi ký lại."]
    assert _report_rows(page)[report.id] == "approved"


def test_drafting_a_report_looks_for_the_open_draft_and_drafts_on_the_worker(main_window, demo_ctx,
                                                                             store_off_gui_thread) -> None:
    """A thematic draft is made as an op and shown selected in the register through `changed`;
    asking again offers the open draft instead of a copy (the question comes after a query)."""
    from tests.ui.helpers import answer

    demo_ctx.user = User("canbo", "staff", "Cán bộ")
    with store_off_gui_thread():
        page = main_window.show_page("reports")
        before = len(_report_rows(page))
        page.kind.setCurrentIndex(page.kind.findData("thematic"))
        page.date_from.setText("01/10/2026")
        page.date_to.setText("31/10/2026")
        page.topic.setText("giá phân bón vụ đông")
        page.make_draft()
        made = page.panel.report
        assert made is not None and "giá phân bón vụ đông" in made.title and len(_report_rows(page)) == before + 1
        answer("Mở dự thảo đó")
        page.make_draft()
    assert len(_report_rows(page)) == before + 1 and page.panel.report.id == made.id


def test_checking_a_signed_pdf_runs_on_the_worker(main_window, demo_ctx, store_off_gui_thread, tmp_path,
                                                 monkeypatch) -> None:
    """'Kiểm tra chữ ký tệp PDF…': the file, the trusted certificates and the validation are read
    on the worker; the result is said once it arrives (a tampered copy is refused)."""
    from PySide6.QtWidgets import QMessageBox

    from app.reports import store
    from ui.report import panel

    signed = next(r for r in store.list_reports(demo_ctx) if r.status in ("signed", "sent"))
    good, bad = tmp_path / "da-ky.pdf", tmp_path / "da-sua.pdf"
    good.write_bytes(store.get_file(demo_ctx, signed.id, "signed_pdf"))
    bad.write_bytes(good.read_bytes().replace(b"/Producer", b"/Pr0ducer", 1))
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(("ok", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(("no", text)))
    chosen = iter([str(good), str(bad)])
    monkeypatch.setattr(panel, "open_file", lambda *args: next(chosen))
    with store_off_gui_thread():
        page = main_window.show_page("reports")
        page.panel.verify_file()
        page.panel.verify_file()
    assert [kind for kind, _ in said] == ["ok", "no"] and all(text for _, text in said)
