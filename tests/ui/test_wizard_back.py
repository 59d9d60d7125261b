"""The first-run wizard as a real wizard, driven with keys: Back then a different commune
makes the office of the new commune (not the first one); Cancel after the key page leaves no
office behind; a commune typed under the wrong province is found elsewhere and the page says
so; the recovery key fits its field and its printed sheet names the office, the date and a
signature line; without an OS keyring the password is typed twice and its strength shown."""

from __future__ import annotations

from datetime import date

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from app.office import get_office, open_ctx
from ui.wizard import FirstRunWizard, run_first_run
from ui.wizard_recovery import sheet_document


def _province_index(page, code):
    return next(i for i in range(page.province.count()) if page.province.itemData(i) == code)


def _wizard(qtbot, path) -> FirstRunWizard:
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return wizard


def _press(qtbot, wizard, which) -> None:
    """A real key press on one of the wizard's own buttons (Space activates a push button)."""
    button = wizard.button(which)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_back_and_a_different_commune_makes_that_commune_s_office(tmp_path, qtbot, memory_keyring):
    path = tmp_path / "back.db"
    wizard = _wizard(qtbot, path)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page = wizard.office
    qtbot.keyClicks(page.search, "cang long")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.recovery and wizard.ctx.origin == "29266"
    first_code = wizard.recovery.recovery_code
    wizard.recovery.kept.setChecked(True)

    _press(qtbot, wizard, QWizard.WizardButton.BackButton)           # Quay lại
    assert wizard.currentPage() is page
    page.search.selectAll()
    qtbot.keyClicks(page.search, "tan an")
    chosen = page.results.currentItem().data(Qt.ItemDataRole.UserRole)
    assert chosen != "29266"
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.recovery
    assert wizard.ctx.origin == chosen and get_office(wizard.ctx).unit_code == chosen
    assert wizard.recovery.recovery_code != first_code and not wizard.recovery.kept.isChecked()
    # Only the second office exists: one file, one keyring entry, and it opens as that commune.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("back.db")) in (
        ["back.db"], ["back.db", "back.db-shm", "back.db-wal"])
    assert len(memory_keyring.store) == 1

    # Back and on again without a change keeps the same office and key.
    _press(qtbot, wizard, QWizard.WizardButton.BackButton)
    _press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.ctx.origin == chosen and wizard.recovery.recovery_code != first_code
    wizard.recovery.kept.setChecked(True)
    _press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    wizard.ctx.close()
    again = open_ctx(path)
    assert again.origin == chosen
    again.close()


def test_cancel_on_the_key_page_leaves_no_office(tmp_path, qtbot, memory_keyring):
    path = tmp_path / "cancel.db"
    wizard = _wizard(qtbot, path)
    wizard.next()
    qtbot.keyClicks(wizard.office.search, "cang long")
    wizard.next()
    assert path.exists() and wizard.currentPage() is wizard.recovery
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and wizard.ctx is None
    assert not path.exists() and not memory_keyring.store


def test_nothing_is_chosen_for_the_clerk_and_search_leaves_a_wrong_province(tmp_path, qtbot):
    wizard = _wizard(qtbot, tmp_path / "s.db")
    wizard.next()
    page = wizard.office
    assert page.province.currentData() is None and page.results.currentItem() is None
    assert not page.isComplete()
    qtbot.keyClicks(page.search, "cang long")                       # no province: the whole country
    assert page.results.currentItem().text().startswith("Xã Càng Long") and page.hint.text() == ""
    QApplication.processEvents()
    # The three header lines it will print have their own room (they overlapped the list once).
    assert not page.preview.geometry().intersects(page.results.geometry())
    assert page.preview.height() >= 3 * page.preview.fontMetrics().lineSpacing()
    page.province.setCurrentIndex(_province_index(page, "91"))       # An Giang: Càng Long is not there
    assert "Không có “cang long” trong" in page.hint.text() and "tỉnh, thành phố khác" in page.hint.text()
    item = page.results.currentItem()
    assert item.text().startswith("Xã Càng Long") and "Vĩnh Long" in item.text()
    assert page.isComplete()
    page.search.setText("zzzz")
    assert "cũng không có" in page.hint.text() and not page.isComplete()
    wizard.reject()


def test_recovery_key_fits_its_field_and_the_sheet_names_office_date_and_signer(tmp_path, qtbot):
    wizard = _wizard(qtbot, tmp_path / "k.db")
    wizard.resize(640, 480)
    wizard.next()
    qtbot.keyClicks(wizard.office.search, "cang long")
    wizard.next()
    label = wizard.recovery.code
    qtbot.waitUntil(label.isVisible)
    metrics = label.fontMetrics()
    for line in label.text().splitlines():
        assert metrics.horizontalAdvance(line) <= label.contentsRect().width(), line
    wizard.recovery.findChildren(type(wizard.button(QWizard.WizardButton.BackButton)))[0].click()  # Sao chép
    assert QApplication.clipboard().text() == wizard.recovery.recovery_code
    sheet = sheet_document(wizard.recovery.recovery_code, "Đảng ủy xã Càng Long", date(2026, 12, 7)).toPlainText()
    assert "Đảng ủy xã Càng Long" in sheet and "07/12/2026" in sheet
    assert "Người giữ khóa" in sheet and "ký, ghi rõ họ tên" in sheet and "......" in sheet
    assert wizard.recovery.recovery_code.split("-")[-1] in sheet
    wizard.ctx.close()


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_without_a_keyring_the_password_is_typed_twice_with_its_strength(tmp_path, qtbot, no_keyring, monkeypatch):
    monkeypatch.delenv("DLXH_PASSPHRASE", raising=False)
    path = tmp_path / "p.db"
    wizard = _wizard(qtbot, path)
    wizard.next()
    page = wizard.office
    qtbot.keyClicks(page.search, "cang long")
    assert not page.isComplete()
    qtbot.keyClicks(page.passphrase, "1234567")
    assert "Quá ngắn" in page.strength.text()
    qtbot.keyClicks(page.passphrase, "8")
    assert "Yếu" in page.strength.text()
    page.passphrase.setText("")
    qtbot.keyClicks(page.passphrase, "Cang-Long 2026!")
    assert "Mạnh" in page.strength.text() and not page.isComplete()
    qtbot.keyClicks(page.repeat, "Cang-Long 2025!")
    assert "chưa giống nhau" in page.strength.text() and not page.isComplete()
    page.repeat.setText("")
    qtbot.keyClicks(page.repeat, "Cang-Long 2026!")
    assert page.isComplete()
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.recovery
    wizard.ctx.close()
    reopened = open_ctx(path, passphrase="Cang-Long 2026!")
    assert reopened.origin == "29266"
    reopened.close()


def test_run_first_run_returns_nothing_when_cancelled(tmp_path, qtbot):
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert run_first_run(tmp_path / "none.db") is None
    assert not (tmp_path / "none.db").exists()
