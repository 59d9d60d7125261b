"""The main window fits a 1366×768 and a 1280×720 screen: visiting every page, in the demo
office, a new commune office (no survey, no areas) and a province office, never widens the
window, and no page asks for more width than the window has beside the navigation — also
with names as long as the app accepts. Real window, real pages, real stores."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget

from app.collaborators.registry import Collaborator, create
from app.errors import ValidationError
from app.office import init_office, save_unit
from app.office_setup import official_spec
from app.validate import PERSON_NAME_MAX, UNIT_NAME_MAX
from ui.fit import PAGE_MAX_WIDTH
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

# The window's client area on each screen: the screen less a title bar and a taskbar.
SCREENS = {"1366x768": (1366, 768 - 60), "1280x720": (1280, 720 - 60)}


def _walk(qtbot, ctx, size: tuple[int, int]) -> list[str]:
    """Every page in turn; returns what did not fit (empty when all is well)."""
    window = MainWindow(ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    problems = []
    for key, _ in window.nav_items:
        page = window.show_page(key)
        QApplication.processEvents()
        problems += _check(window, page, key, size)
        # Every tab too: a tab's widgets may be built only when it is first opened (ui/lazy_tabs.py).
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                problems += _check(window, page, f"{key}, {tabs.tabText(index)}", size)
    window.close()
    return problems


def _check(window: MainWindow, page, where: str, size: tuple[int, int]) -> list[str]:
    problems = []
    if window.width() != size[0]:
        problems.append(f"{where}: the window widened to {window.width()} px")
    if page.minimumSizeHint().width() > PAGE_MAX_WIDTH:
        problems.append(f"{where}: the page needs {page.minimumSizeHint().width()} px")
    hint = window.minimumSizeHint()
    if hint.width() > size[0] or hint.height() > size[1]:
        problems.append(f"{where}: the window needs {hint.width()}×{hint.height()}")
    return problems


@pytest.mark.parametrize("screen", SCREENS)
def test_demo_office_fits(qtbot, demo_ctx, screen):
    assert _walk(qtbot, demo_ctx, SCREENS[screen]) == []


@pytest.mark.parametrize("kind,code", [("commune", "28777"), ("province", "86")])
def test_new_offices_fit_with_the_longest_names_accepted(qtbot, tmp_path, kind, code):
    ctx, _ = init_office(tmp_path / f"{kind}.db", **official_spec(kind, code).as_kwargs())
    if kind == "commune":
        long_area = save_unit(ctx, "", ("Tổ dân phố " + "Hòa Bình " * 20)[:UNIT_NAME_MAX], "hamlet", area_type="tổ dân phố")
        assert len(long_area.name) > 100
        create(ctx, Collaborator(full_name=("Nguyễn Thị " * 10)[:PERSON_NAME_MAX],
                                            area_code=long_area.code))
    for screen in SCREENS.values():
        assert _walk(qtbot, ctx, screen) == []
    ctx.close()


def test_a_5000_character_area_name_is_refused_saying_the_limit(tmp_path):
    ctx, _ = init_office(tmp_path / "c.db", **official_spec("commune", "29266").as_kwargs())
    with pytest.raises(ValidationError) as refused:
        save_unit(ctx, "", "Ấp " + "x" * 5000, "hamlet", area_type="ấp")
    assert "5003 ký tự" in refused.value.message and f"giới hạn {UNIT_NAME_MAX} ký tự" in refused.value.message
    ctx.close()


def test_the_first_start_fits_the_screen(qtbot, demo_ctx):
    """No saved size: the window opens within the screen (offscreen: 800×600), not at 1280×800."""
    from PySide6.QtCore import QSettings

    from ui.main_window import FRAME_ALLOWANCE, GEOMETRY_KEY

    QSettings().remove(GEOMETRY_KEY)
    window = MainWindow(demo_ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height() - FRAME_ALLOWANCE
    window.show_at_start()
    qtbot.waitUntil(window.isMaximized)                     # 800×600 offscreen: a small screen
