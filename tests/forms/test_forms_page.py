"""The "Phiếu điện tử" page on the real store and real widgets: make forms, drop responses,
review the inbox (text shown as text), and collect at a meeting with a QR code once an
administrator allows it; the server stops when its window closes."""

from __future__ import annotations

import http.client
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
