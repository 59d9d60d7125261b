"""The "Phiếu điện tử" page on the real store and real widgets: make forms, drop responses,
review the inbox (text shown as text), and collect at a meeting with a QR code once an
administrator allows it; the server stops when its window closes."""

from __future__ import annotations

import http.client
import re
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app import settings
from app.forms import inbox
from tests.forms.conftest import report_payload, seal, survey_payload


@pytest.fixture
def page(main_window):
    return main_window.show_page("forms")


def test_make_both_kinds_of_form(page, tmp_path) -> None:
    page.make_survey_form(str(tmp_path / "survey"))
    assert "Đã ghi phiếu" in page.make_result.text()
    assert len(list((tmp_path / "survey").glob("*.html"))) == 1
    page.make_report_forms(str(tmp_path / "ctv"))
    assert len(list((tmp_path / "ctv").glob("*.html"))) >= 3


def _drop(widget, mime: QMimeData) -> None:
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def test_drop_files_and_text(page, demo_ctx, survey_id, token, tmp_path) -> None:
    good = tmp_path / "a.age"
    good.write_bytes(seal(demo_ctx, survey_payload(demo_ctx, survey_id)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    _drop(page.drop, mime)
    log = page.import_log.toPlainText()
    assert "đã nhập phiếu điều tra" in log and "Đã nhập 1 phiếu" in log
    _drop(page.drop, mime)
    assert "đã nhập trước đây" in page.import_log.toPlainText()
    text = QMimeData()
    item = {"summary": "<b>Đậm</b><img src=x onerror=alert(1)> =SUM(A1)", "field": "other", "tendency": "concern",
            "area_code": None, "scale": "low", "proposal": None}
    text.setText("tin nhắn Zalo:\n" + seal(demo_ctx, report_payload(demo_ctx, token, [item])).decode())
    _drop(page.drop, text)
    assert "chờ duyệt" in page.import_log.toPlainText()
    assert page.tabs.tabText(2) == "Ý kiến chờ duyệt (1)"
    assert page.inbox_model.data(page.inbox_model.index(0, 4)) == item["summary"]  # shown as the text it is
    received = page.inbox_model.data(page.inbox_model.index(0, 0))
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", received), f"the day as everywhere else in the app, not {received}"


def test_inbox_review_accepts_selected_and_holds_privacy(page, demo_ctx, token) -> None:
    from app.forms import receive

    items = [{"summary": s, "field": "economy", "tendency": "concern", "area_code": None, "scale": "low",
              "proposal": None} for s in ("Bà con lo giá phân bón tăng", "Ông Lê Văn Tư gọi 0912345678 phản ánh")]
    receive.receive_many(demo_ctx, [("r", seal(demo_ctx, report_payload(demo_ctx, token, items)))])
    page.refresh()
    assert page.inbox_model.rowCount() == 2
    page.inbox_view.selectRow(1)
    assert "số điện thoại" in page.hints.text()
    page.accept_all_btn.click()
    assert "giữ lại 1 ý kiến" in page.hints.text()
    assert page.inbox_model.rowCount() == 1
    page.inbox_view.selectRow(0)
    page.reject_btn.click()
    assert inbox.waiting_count(demo_ctx) == 0


def test_meeting_needs_the_admin_setting_and_stops_with_its_window(page, demo_ctx, survey_id, qtbot) -> None:
    assert not page.meeting_btn.isEnabled() and settings.get(demo_ctx, "forms_serve") is False
    page.allow_serve.setChecked(True)
    assert page.meeting_btn.isEnabled() and settings.get(demo_ctx, "forms_serve") is True
    page.start_meeting(survey_id, "Thăm dò", 20, bind="127.0.0.1")
    dialog = page.meeting
    assert not dialog.qr.pixmap().isNull() and dialog.address.text() == dialog.url
    parts = urlsplit(dialog.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("POST", dialog.server.post_path, body=seal(demo_ctx, survey_payload(demo_ctx, survey_id)))
    assert conn.getresponse().status == 200
    conn.close()
    qtbot.waitUntil(lambda: dialog.counter.text().startswith("Đã nhận 1 phiếu (số người dự: 20)"), timeout=5000)
    dialog.reject()
    assert not dialog.running
    # The window closing announced the meeting's writes: the page shows the new count.
    assert page.survey.itemText(page.survey.findData(survey_id)).endswith(", 1 phiếu)")
    with pytest.raises(OSError):
        http.client.HTTPConnection(parts.hostname, parts.port, timeout=2).request("GET", parts.path)


def _post(url: str, path: str, body: bytes) -> int:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("POST", path, body=body)
    status = conn.getresponse().status
    conn.close()
    return status


def _get(url: str) -> tuple[int, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", parts.path)
    response = conn.getresponse()
    result = response.status, response.read()
    conn.close()
    return result


def test_meeting_for_collaborators_shows_one_qr_at_a_time_and_stops_off_the_gui_thread(
        page, demo_ctx, qtbot, store_off_gui_thread) -> None:
    """Each collaborator's own address, chosen by name; the stop (a token revocation in the
    store) runs as a worker job, never as a statement on the GUI thread."""
    from app.collaborators.registry import CollaboratorFilter, list_collaborators

    page.allow_serve.setChecked(True)
    page.start_meeting(None, "Phiếu báo cáo của cộng tác viên", bind="127.0.0.1")
    dialog = page.meeting
    names = sorted(p.full_name for p in list_collaborators(demo_ctx, CollaboratorFilter(status="active")))
    assert sorted(dialog.who.itemText(i) for i in range(dialog.who.count())) == names
    dialog.who.setCurrentIndex(1)
    name, url = dialog.who.currentText(), dialog.who.currentData()
    assert dialog.address.text() == url == dialog.url and not dialog.qr.pixmap().isNull()
    status, body = _get(url)
    assert status == 200 and [n for n in names if n in body.decode()] == [name]
    assert _get(url.rsplit("/c/", 1)[0] + "/")[0] == 404  # no list of collaborators on the network
    valid = "SELECT count(*) FROM form_tokens WHERE revoked_at IS NULL"
    before = demo_ctx.db.execute(valid).fetchone()[0]
    with store_off_gui_thread():
        dialog.reject()
    assert not dialog.running
    assert demo_ctx.db.execute(valid).fetchone()[0] == before - len(names)


def test_idle_lock_hides_the_qr_window_and_collection_goes_on(page, main_window, demo_ctx, survey_id,
                                                               qtbot) -> None:
    """Choice: at a meeting nobody touches the PC, so the idle lock comes while the room is
    filling in the form. The lock hides the window (nothing readable stays on screen) but
    phones keep sending and being counted; after the password the window is back with the
    count, still collecting."""
    from app import users
    from ui.idle_lock import IdleLock

    users.add_user(demo_ctx, "lan", "admin", "mat-khau-dai")
    signed = users.signed_in(demo_ctx, users.login(demo_ctx, "lan", "mat-khau-dai"))
    page.allow_serve.setChecked(True)
    page.start_meeting(survey_id, "Thăm dò", 0, bind="127.0.0.1")
    dialog = page.meeting
    lock = IdleLock(signed, main_window, minutes=0.002)
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert not dialog.isVisible() and not main_window.isVisible() and dialog.running
    assert _post(dialog.url, dialog.server.post_path, seal(demo_ctx, survey_payload(demo_ctx, survey_id))) == 200
    qtbot.waitUntil(lambda: dialog.counter.text().startswith("Đã nhận 1 phiếu"), timeout=5000)
    lock.dialog.password.setText("mat-khau-dai")
    lock.dialog.submit()
    assert not lock.locked and dialog.isVisible() and dialog.running
    assert _post(dialog.url, dialog.server.post_path, seal(demo_ctx, survey_payload(demo_ctx, survey_id))) == 200
    qtbot.waitUntil(lambda: dialog.counter.text().startswith("Đã nhận 2 phiếu"), timeout=5000)
    lock.stop()
    dialog.reject()
    assert not dialog.running


def test_overview_card_leads_to_the_inbox(main_window, demo_ctx, token) -> None:
    from app.forms import receive
    from app.overview_cards import forms as card

    assert card.cards(demo_ctx) == []
    receive.receive_many(demo_ctx, [("r", seal(demo_ctx, report_payload(demo_ctx, token)))])
    [found] = card.cards(demo_ctx)
    [row] = found.rows
    assert row[1] == "1"
    page = main_window.open_link(row.link)
    assert page.tabs.currentIndex() == 2 and page.inbox_model.rowCount() == 1


def test_overview_rows_show_sent_text_as_text(qtbot) -> None:
    """An accepted item's summary reaches the overview's cards (overdue handling, warnings):
    markup a collaborator typed is shown as the characters typed, never drawn."""
    from PySide6.QtCore import Qt

    from ui.pages.overview import LinkRow

    row = LinkRow("Thông tin: <img src=\"x.png\"><b>Đậm</b>", "<i>3</i>", None)
    qtbot.addWidget(row)
    assert row.label.textFormat() == Qt.TextFormat.PlainText == row.value.textFormat()
    assert row.label.text() == "Thông tin: <img src=\"x.png\"><b>Đậm</b>"


def test_revoke_a_collaborators_forms_from_the_page(page, demo_ctx, token) -> None:
    from app.forms import receive
    from tests.forms.conftest import active_collaborator

    page.refresh()
    page.revoke_who.setCurrentIndex(page.revoke_who.findData(active_collaborator(demo_ctx)))
    page.revoke_forms(ask=False)
    assert "Đã thu hồi" in page.make_result.text()
    late = receive.receive_many(demo_ctx, [("r", seal(demo_ctx, report_payload(demo_ctx, token)))])[0]
    assert late.status == "refused" and "thu hồi" in late.message
