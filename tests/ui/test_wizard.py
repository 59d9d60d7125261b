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
    code = wizard.recovery.code.text()
    assert len(code.replace("-", "")) == 52
    assert not wizard.recovery.isComplete()
    wizard.recovery.kept.setChecked(True)
    assert wizard.recovery.isComplete()
    wizard.ctx.close()


def test_first_run_province_office_gets_its_communes(tmp_path, qtbot):
    wizard = FirstRunWizard(tmp_path / "prov.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.kind.group.button(2).setChecked(True)
    wizard.next()
    page = wizard.office
    page.province.setCurrentIndex(_province_index(page, "86"))
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN" in page.preview.text() and "BTGDVTU" in page.preview.text()
    wizard.next()
    me = get_office(wizard.ctx)
    assert (me.kind, me.unit_code, me.superior_name) == ("province", "86", "TỈNH ỦY VĨNH LONG")
    names = [u.name for u in areas(wizard.ctx)]
    assert "Xã Càng Long" in names and len(names) > 100
    wizard.ctx.close()
