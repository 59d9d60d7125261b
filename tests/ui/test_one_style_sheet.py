"""One style sheet (issue 23): no widget in ui/ carries a style sheet or a colour of its own.
resources/style.qss holds the looks, ui/palette.py the colours by name; a red typed in seven
places had become four different reds."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ui import palette

ROOT = Path(__file__).resolve().parents[2]
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")
SHEET = (ROOT / "resources" / "style.qss").read_text(encoding="utf-8")


def _ui_sources():
    for path in sorted((ROOT / "ui").rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_widget_sets_its_own_style_sheet() -> None:
    found = [f"{name}:{n}" for name, text in _ui_sources() for n, line in enumerate(text.splitlines(), 1)
             if ".setStyleSheet(" in line and name != "ui/app.py"]
    assert found == []


def test_colours_are_named_in_the_palette_only() -> None:
    # ui/icons.py draws its stroke in one fixed colour inside the SVG it builds
    found = [f"{name}:{n}: {line.strip()}" for name, text in _ui_sources()
             if name not in ("ui/palette.py", "ui/icons.py")
             for n, line in enumerate(text.splitlines(), 1) if HEX.search(line.split("  #")[0])]
    assert found == []


def test_every_colour_the_sheet_names_exists() -> None:
    filled = palette.fill(SHEET)
    assert re.findall(r"@[a-z_]+", filled) == []
    assert palette.COLOURS["error"] in filled


def test_every_tone_set_in_ui_has_a_rule_in_the_sheet() -> None:
    used = {m for _, text in _ui_sources() for m in re.findall(r'set_tone\([^,]+, "([a-z]+)"\)', text)}
    assert used >= {"error", "muted"}
    assert {tone for tone in used if f'[tone="{tone}"]' not in SHEET} == set()


def test_a_tone_and_an_invalid_mark_change_the_look(qtbot) -> None:
    """The sheet is set on a parent widget here, not on the application: re-styling every
    widget earlier tests left behind is what the app does once at start, not per test."""
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.setStyleSheet(palette.fill(SHEET))
    label, edit = QLabel("Chưa lưu", holder), QLineEdit(holder)
    label.ensurePolished()
    plain = label.palette().color(label.foregroundRole()).name()
    palette.set_tone(label, "error")
    assert label.palette().color(label.foregroundRole()).name() == palette.COLOURS["error"] != plain
    palette.mark_invalid(edit, True)
    assert edit.property("invalid") is True
    palette.mark_invalid(edit, False)
    assert edit.property("invalid") is False
