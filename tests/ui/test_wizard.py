"""First-run wizard creates the encrypted office and shows the recovery code once."""

from ui.wizard import FirstRunWizard


def test_first_run_creates_office_and_shows_recovery_code(tmp_path, qtbot):
    wizard = FirstRunWizard(tmp_path / "new.db")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.office
    assert not page.isComplete()
    qtbot.keyClicks(page.code, "TVH-CL")
    page.name.insert("Huyện Càng Long")  # QTest.keyClicks aborts on non-ASCII text
    assert page.isComplete()
    wizard.next()
    assert wizard.ctx is not None and wizard.ctx.origin == "TVH-CL"
    code = wizard.recovery.code.text()
    assert len(code.replace("-", "")) == 52
    assert not wizard.recovery.isComplete()
    wizard.recovery.kept.setChecked(True)
    assert wizard.recovery.isComplete()
    wizard.ctx.close()
