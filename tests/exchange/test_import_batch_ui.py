"""The exchange page imports a folder of packages (province): one outcome per file in a
dialog, refused files first and in red, and a lost receipt can be written again."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import Qt

from app.exchange import identity
from tests.exchange.test_import_batch import _months, _senders
from ui.tasks import TaskRunner

SHOTS = Path("/tmp/dlxh-exchange-shots")


def test_folder_import_lists_every_file_and_a_receipt_can_be_written_again(province, tmp_path, qtbot,
                                                                           monkeypatch):
    from ui.pages import exchange
    from ui.pages.exchange import Page

    senders = _senders(province, 3)
    _months(province, tmp_path / "usb", senders, random.Random(4), items=3)
    (tmp_path / "usb" / "hong.dlxh").write_bytes(b"PK\x03\x04 not a package")
    page = Page(province, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()   # a shown page reloads itself after a write (the runner's changed signal)
    page.refresh()
    assert "Nhập cả thư mục gói…" in page.send_buttons

    page.start_import_many([tmp_path / "usb"])

    assert page.status.text().startswith("Đã nhập 6/7 gói (") and page.status.text().endswith("1 gói bị từ chối.")
    dialog = page.last_outcomes
    qtbot.addWidget(dialog)
    model = dialog.view.model()  # as shown: sorted, refused files first
    assert model.rowCount() == 7
    assert model.data(model.index(0, 0)) == "hong.dlxh" and model.data(model.index(0, 3)) == "Không nhập"
    assert "Tệp bị hỏng" in model.data(model.index(0, 4))
    assert model.data(model.index(0, 0), role=Qt.ItemDataRole.BackgroundRole) is not None  #: the refused row is red
    assert {model.data(model.index(r, 3)) for r in range(1, 7)} == {"Đã nhập"}
    assert model.data(model.index(1, 1)).endswith(" (X000)") and model.data(model.index(1, 1)).startswith("Xã Số 0")
    assert page.received.rowCount() == 6
    SHOTS.mkdir(exist_ok=True)
    dialog.show()
    dialog.grab().save(str(SHOTS / "import-batch.png"))
    page.grab().save(str(SHOTS / "exchange-province-batch.png"))

    # the receipt for X001's first package went missing: write it again from the inbox
    view = page.views[2]
    page.tabs.setCurrentWidget(view)
    row = next(r for r in range(page.received.rowCount())
               if page.received.rows[r].sender == "X001" and page.received.rows[r].seq == 1)
    view.selectRow(view.model().mapFromSource(page.received.index(row, 0)).row())
    target = tmp_path / "lai" / "bien-nhan.dlxr"
    target.parent.mkdir()
    monkeypatch.setattr(exchange, "save_file", lambda *a: str(target))
    page.save_receipt_again()
    assert page.status.text().startswith("Đã ghi lại biên nhận gói số 1 cho X001")
    stored = (tmp_path / "usb" / identity.receipt_file_name(province.origin, "X001", 1)).read_bytes()
    assert target.read_bytes() == stored


def test_receipt_again_without_a_selection_says_what_to_do(province, qtbot):
    from ui.pages.exchange import Page

    page = Page(province, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.refresh()
    page.save_receipt_again()
    assert page.status.text().startswith("Chọn một gói trong thẻ «Gói đã nhận»")
    assert page.tabs.currentWidget() is page.views[2]
