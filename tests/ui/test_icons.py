"""Icons: every page in the sidebar and the main menu actions carry one of the app's own
line icons (resources/icons, licence stated there), rendered from valid SVG."""

from __future__ import annotations

from PySide6.QtSvg import QSvgRenderer

from ui.icons import ICON_DIR, icon


def test_every_shipped_icon_is_valid_svg_and_licensed():
    files = sorted(ICON_DIR.glob("*.svg"))
    assert len(files) >= 15
    for path in files:
        assert QSvgRenderer(str(path)).isValid(), path.name
    assert "CC0" in (ICON_DIR / "LICENSE").read_text(encoding="utf-8")
    assert icon("no-such-icon").isNull()          # a missing name is an empty icon, not an error


def test_sidebar_pages_and_main_actions_have_icons(main_window):
    nav = main_window.nav
    for row in range(nav.count()):
        item = nav.item(row)
        image = item.icon().pixmap(20, 20).toImage()
        assert not item.icon().isNull(), item.text()
        # drawn, not blank: some pixels are opaque
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(20) for y in range(20)), item.text()
    menus = main_window.menus
    for action in (menus.print_, menus.new, menus.find):
        assert not action.icon().isNull(), action.text()
