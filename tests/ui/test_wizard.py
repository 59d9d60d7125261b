"""First-run wizard: kind, then province and commune from the official list with accent-free
type-ahead; creates the encrypted office and shows the recovery code once."""

from app.office import areas, get_office
from ui.wizard import FirstRunWizard


def _province_index(page, code):
    return next(i for i in range(page.province.count()) if page.province.itemData(i) == code)


def test_first_run_creates_a_commune_office_from_the_official_list(tmp_path, qtbot):
    wizard = FirstRunWizard(tmp_path / "new.db")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.kind.kind() == "commune"   # the default: a commune Party committee
    wizard.next()
    page = wizard.office
    page.province.setCurrentIndex(_province_index(page, "86"))
    qtbot.keyClicks(page.search, "cang long")   # no accents typed
    assert page.results.currentItem().text().startswith("Xã Càng Long")
    assert "ĐẢNG ỦY XÃ CÀNG LONG" in page.preview.text() and "BC/ĐU" in page.preview.text()
    assert page.isComplete()
    qtbot.keyClicks(page.search, "zzz")
    assert not page.isComplete()               # nothing chosen, nothing created
    page.search.setText("cang long")
    wizard.next()
    assert wizard.ctx is not None and wizard.ctx.origin == "29266"
    me = get_office(wizard.ctx)
    assert (me.kind, me.name, me.province_name, me.body_code) == ("commune", "Xã Càng Long", "Tỉnh Vĩnh Long", "ĐU")
    code = wizard.recovery.recovery_code
    assert len(code.replace("-", "")) == 52
    assert wizard.recovery.code.text().replace("\n", "-") == code     # shown whole, on two lines
    assert not wizard.recovery.isComplete()
    wizard.recovery.kept.setChecked(True)
    assert wizard.recovery.isComplete()
    wizard.ctx.close()


def _province_chosen(path, qtbot) -> FirstRunWizard:
    """The wizard on its office step, a province office of Vĩnh Long (86) chosen."""
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.kind.group.button(2).setChecked(True)
    wizard.next()
    wizard.office.province.setCurrentIndex(_province_index(wizard.office, "86"))
    return wizard


def test_first_run_province_office_gets_its_communes(tmp_path, qtbot, store_file_off_gui_thread):
    wizard = _province_chosen(tmp_path / "prov.db", qtbot)
    page = wizard.office
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN" in page.preview.text() and "BTGDVTU" in page.preview.text()
    with store_file_off_gui_thread(tmp_path):   # made on the worker, the wizard waiting
        wizard.next()
    me = get_office(wizard.ctx)
    assert (me.kind, me.unit_code, me.superior_name) == ("province", "86", "TỈNH ỦY VĨNH LONG")
    names = [u.name for u in areas(wizard.ctx)]
    assert "Xã Càng Long" in names and len(names) > 100
    wizard.ctx.close()


def test_first_run_by_keyboard_only(tmp_path, qtbot):
    """A clerk's keys only: arrows pick the kind, Enter goes on, "vinh long" picks the
    province, "cang long" finds the commune, Tab walks the form without ever landing on Hủy."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWizard

    wizard = FirstRunWizard(tmp_path / "keys.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    pressed: list[str] = []
    cancel.clicked.connect(lambda: pressed.append("Hủy"))

    def key(k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget(), k, modifier)

    # Step 1: the kind with the arrow keys (down to the agency committee, back up to the commune).
    key(Qt.Key.Key_Down)
    assert wizard.kind.kind() == "agency"
    key(Qt.Key.Key_Up)
    assert wizard.kind.kind() == "commune"
    key(Qt.Key.Key_Return)
    page = wizard.office
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)   # the commune is typed first
    assert wizard.currentPage() is page

    # Step 2: the province by typing part of its name, no accents (Shift+Tab goes up to it).
    key(Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.province
    qtbot.keyClicks(page.province, "vinh long")
    assert page.province.currentData() == "86"
    # Tab walks the whole form and back round: never onto Hủy, nothing pressed, still here.
    seen = []
    for _ in range(8):
        key(Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert cancel not in seen and not pressed and wizard.isVisible() and wizard.currentPage() is page
    assert page.search in seen and page.results in seen
    while QApplication.focusWidget() is not page.search:
        key(Qt.Key.Key_Tab)
    qtbot.keyClicks(page.search, "cang long")
    assert page.results.currentItem().text().startswith("Xã Càng Long")
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.results
    key(Qt.Key.Key_Return)                         # Enter goes on: the office is created
    assert wizard.currentPage() is wizard.recovery and not pressed
    assert wizard.ctx is not None and get_office(wizard.ctx).name == "Xã Càng Long"
    # Step 3: tick "kept" with the space bar (Tab to it), Enter finishes.
    while QApplication.focusWidget() is not wizard.recovery.kept:
        key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not cancel
    key(Qt.Key.Key_Space)
    assert wizard.recovery.kept.isChecked()
    key(Qt.Key.Key_Return)
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Accepted and not pressed
    wizard.ctx.close()


def test_esc_and_a_second_next_while_the_office_is_made_do_nothing(tmp_path, qtbot):
    """The office is made on the worker, the wizard waiting: Hủy (Esc) meanwhile would leave an
    office made after the wizard had gone, and a second Tiếp theo would make it twice."""
    from PySide6.QtCore import Qt, QTimer

    wizard = _province_chosen(tmp_path / "prov.db", qtbot)
    meanwhile: list[bool] = []

    def press() -> None:
        meanwhile.append(wizard.creating)
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        wizard.next()

    QTimer.singleShot(0, press)
    wizard.next()
    assert meanwhile == [True]
    assert wizard.isVisible() and wizard.currentPage() is wizard.recovery and wizard.ctx is not None
    assert get_office(wizard.ctx).unit_code == "86"
    wizard.reject()                                   # now Hủy takes the office back
    assert not wizard.isVisible() and not (tmp_path / "prov.db").exists()
