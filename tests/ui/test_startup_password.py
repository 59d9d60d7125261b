"""The start-up password prompt on a PC without an OS keyring speaks to a clerk: no
environment-variable name, and a typo is called a wrong password (not a damaged file), then
asked for again; the right password opens the office. Real dialog, real keys; the store is
opened (its key derived, its schema and integrity checked) on the worker, never on the GUI thread."""

from __future__ import annotations

import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from app.office import init_office
from db.keys import PASSPHRASE_ENV
from ui.app import open_interactive

RIGHT = "Cang-Long 2026!"


def test_prompt_names_no_variable_and_says_wrong_password(tmp_path, qtbot, monkeypatch, store_file_off_gui_thread):
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    path = tmp_path / "office.db"
    ctx, _ = init_office(path, unit_code="29266", name="Xã Càng Long", kind="commune", passphrase=RIGHT)
    ctx.close()
    keyring.set_keyring(fail.Keyring())
    seen: list[str] = []
    answers = iter(["Cang-Long 2025!", RIGHT])

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.labelText())
        field = dialog.findChild(QLineEdit)
        qtbot.keyClicks(field, next(answers))
        qtbot.keyClick(field, Qt.Key.Key_Return)
        if len(seen) < 2:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    with store_file_off_gui_thread(path):
        opened = open_interactive(path)
    assert opened is not None and opened.origin == "29266"
    opened.close()
    assert len(seen) == 2
    assert all(PASSPHRASE_ENV not in text for text in seen), seen
    assert "không có kho khóa" in seen[0]
    assert "Sai mật khẩu cơ sở dữ liệu" in seen[1] and "hỏng" not in seen[1].split(".")[0]
