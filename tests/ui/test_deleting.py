"""Deleting from the lists (issue 14 point 4) and the global exception hook (point 6), on real
widgets over the demo office: confirm, delete, refuse with a reason, Ctrl+Z puts it back."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from app import records
from ui import deleting, errors


def _select(page, row_id: str) -> None:
    proxy = page.view.model()
    for row in range(proxy.rowCount()):
        if page.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row()).id == row_id:
            page.view.setCurrentIndex(proxy.index(row, 0))
            page.view.selectRow(row)
            return
    raise AssertionError(f"{row_id} not in the list")


def _count(ctx, row_id: str) -> int:
    return ctx.db.execute("SELECT count(*) FROM opinions WHERE id = ?", [row_id]).fetchone()[0]


def test_opinion_delete_confirm_refuse_and_undo(main_window, monkeypatch) -> None:
    ctx = main_window.ctx
    area = ctx.db.execute("SELECT code FROM units WHERE level = 'commune' LIMIT 1").fetchone()[0]
    item = records.insert(ctx, "opinions", {"received_on": "2099-01-01", "field": "economy", "tendency": "worried",
                                            "summary": "Ý kiến gõ nhầm", "area_code": area})
    page = main_window.page("opinions")
    page.refresh_list()
    wiring = page.deleting
    asked = []
    monkeypatch.setattr(deleting.ListDelete, "confirm", lambda self, label: asked.append(label) or False)
    _select(page, item)
    wiring.ask()  # the user says «Không xóa»
    assert asked == ["Ý kiến gõ nhầm"] and _count(ctx, item) == 1
    monkeypatch.setattr(deleting.ListDelete, "confirm", lambda self, label: True)
    wiring.ask()
    assert _count(ctx, item) == 0
    wiring.undo()
    assert _count(ctx, item) == 1
    said = main_window.statusBar().currentMessage()                 # dates read dd/mm/yyyy (issue 25)
    assert "ngày 01/01/2099" in said and "2099-01-01" not in said
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    handled = ctx.db.execute("SELECT id FROM opinions WHERE handling != 'new' ORDER BY received_on DESC").fetchone()[0]
    page.refresh_list()
    _select(page, handled)
    wiring.ask()
    assert _count(ctx, handled) == 1 and "chuyển xử lý" in shown[0]


def test_every_list_page_offers_delete(main_window) -> None:
    for key in ("opinions", "meetings", "reports", "collaborators"):
        assert isinstance(main_window.page(key).deleting, deleting.ListDelete), key


def test_excepthook_logs_and_says_loi_chuong_trinh(qtbot, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors.install_excepthook()
    try:
        raise RuntimeError("bug")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown and shown[0][0] == "Lỗi chương trình" and str(errors.LOG_PATH) in shown[0][1]


def test_store_errors_are_said_in_vietnamese(qtbot, monkeypatch) -> None:
    import sqlcipher3

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    english = ("database or disk is full", "attempt to write a readonly database", "database is locked",
               "disk I/O error")
    for text, code in zip(english, (sqlcipher3.SQLITE_FULL, sqlcipher3.SQLITE_READONLY, sqlcipher3.SQLITE_BUSY,
                                    sqlcipher3.SQLITE_IOERR), strict=True):
        exc = sqlcipher3.OperationalError(text)
        exc.sqlite_errorcode = code  # as the driver sets it; the code, not the text, chooses the message
        errors.show_error(None, exc)
    assert len(shown) == 4 and all("Traceback" not in s and e not in s for s, e in zip(shown, english, strict=True))
    assert "đầy" in shown[0] and "chỉ cho đọc" in shown[1] and "chương trình khác" in shown[2] and "ổ đĩa" in shown[3]
