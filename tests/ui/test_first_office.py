"""A new office is told to create its areas first (an overview card that opens Danh mục and
goes once an area exists), and a phường's new area defaults to "tổ dân phố", a xã's to
"thôn". Real stores made by init_office, real catalog page."""

from __future__ import annotations

from app import overview
from app.office import init_office, save_unit
from app.office_setup import official_spec
from ui.pages.catalog import Page
from ui.tasks import TaskRunner


def _office(tmp_path, code):
    ctx, _ = init_office(tmp_path / f"{code}.db", **official_spec("commune", code).as_kwargs())
    return ctx


def test_new_office_is_told_to_create_its_areas_first(tmp_path):
    ctx = _office(tmp_path, "29266")
    first = overview.build(ctx)[0]
    assert first.title == "Việc đầu tiên: khai báo địa bàn" and first.rows[0].link.page == "catalog"
    save_unit(ctx, "", "Ấp Một", "hamlet", area_type="ấp")
    assert all(c.title != "Việc đầu tiên: khai báo địa bàn" for c in overview.build(ctx))
    ctx.close()


def test_a_ward_s_area_defaults_to_to_dan_pho_and_a_commune_s_to_thon(tmp_path, qtbot):
    for code, expected in (("28777", "tổ dân phố"), ("29266", "thôn")):
        ctx = _office(tmp_path, code)
        page = Page(ctx, TaskRunner(synchronous=True))
        qtbot.addWidget(page)
        assert page.communes.area_type.currentText() == expected
        page.communes.area_type.setCurrentText("khóm")
        page.communes.clear()
        assert page.communes.area_type.currentText() == expected
        ctx.close()


def test_enter_in_the_area_form_saves_it(tmp_path, qtbot):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.office import units

    ctx = _office(tmp_path, "28777")
    page = Page(ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.show()
    seen: list[str] = []

    def close_saved_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_saved_box)

    QTimer.singleShot(20, close_saved_box)
    qtbot.keyClicks(page.communes.name, "To dan pho 5")
    qtbot.keyClick(page.communes.name, Qt.Key.Key_Return)
    assert [u.name for u in units(ctx, level="hamlet")] == ["To dan pho 5"]
    assert units(ctx, level="hamlet")[0].area_type == "tổ dân phố" and seen == ["Đã lưu: To dan pho 5."]
    ctx.close()
