"""The app's icons: simple line icons drawn for DLXH (resources/icons/*.svg, CC0, see
resources/icons/LICENSE), one stroke colour that sits with the style sheet's muted red.

Rendered with QSvgRenderer into pixmaps rather than loaded as QIcon("x.svg"), so they do
not depend on Qt's SVG icon-engine plugin being present in the bundle. A name without a
file gives an empty icon (a button then simply shows its text), never an error."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 20, 24, 32, 48)


def icon_path(name: str) -> Path:
    return ICON_DIR / f"{name}.svg"


@cache
def icon(name: str) -> QIcon:
    """The icon named like its file (a page key such as "topics", or an action: "add", "print")."""
    result = QIcon()
    path = icon_path(name)
    if not path.is_file():
        return result
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return result
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
