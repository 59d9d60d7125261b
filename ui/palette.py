"""The app's colours, named by what they say, in one place.

resources/style.qss names them (`@error`, `@muted` …) and `fill` puts the values in when
ui/app.py loads the sheet. A widget takes its look from a property the sheet styles
(`set_tone`, `mark_invalid`) or from its object name, so no widget carries a style sheet of
its own and a colour is changed here once. Rich text, table cell backgrounds and chart series,
which a style sheet cannot reach, read the same names through `span`, `brush` and `qcolor`.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

COLOURS: dict[str, str] = {
    "error": "#b00020",        # a refusal, a field to correct, overdue, a warning card
    "caution": "#9a3d00",      # something to look at before going on (figures changed, a hint)
    "muted": "#555555",        # explanations, legends, notes
    "accent": "#1f5f8b",       # a suggestion from the app (topic suggestion, keywords)
    "quiet": "#333333",        # values beside their labels
    "good": "#1b7a2f",         # all is well (a strong passphrase)
    "watch": "#8d6e00",        # a topic under watch
    "planned": "#777777",      # a meeting not yet held
    "rule": "#b22222",         # the red accent: selected page, headings' rule, focus
    "border": "#d0d0d0",
    "hover": "#f7ecea",
    "good_bg": "#e6f4ea",      # cell backgrounds: saved, present, on time
    "bad_bg": "#fdecea",       # refused, absent, a problem, the warning banner
    "doubt_bg": "#fff3cd",     # late, needs a look
    "pending_bg": "#fff6d6",   # excused
    "below_bg": "#f1a7a7",     # coverage below target
    "total_bg": "#eeeeee",     # a totals row
    "notice_bg": "#fff4e0",    # a card asking for an action
    "notice_border": "#e0a040",
    "page_bg": "#888888",      # behind a document page in the preview
}

# Chart series: one colour per field of opinion and per tendency (data, not state).
FIELD_SERIES = {"politics": "#5c6bc0", "economy": "#26a69a", "culture_society": "#ffa726",
                "defense_security": "#8d6e63", "foreign_affairs": "#42a5f5", "party_building": "#ab47bc",
                "other": "#9e9e9e"}
TENDENCY_SERIES = {"support": "#2e7d32", "concern": "#f9a825", "frustration": "#c62828",
                   "distortion": "#6a1b9a"}
OTHER_SERIES = "#607d8b"

_NAME = re.compile(r"@([a-z_]+)")


def fill(sheet: str) -> str:
    """A style sheet with `@name` replaced by its colour (an unknown name is left as it is,
    so Qt reports it rather than the app failing to start)."""
    return _NAME.sub(lambda m: COLOURS.get(m.group(1), m.group(0)), sheet)


def qcolor(name: str) -> QColor:
    return QColor(COLOURS[name])


def brush(name: str) -> QBrush:
    return QBrush(qcolor(name))


def span(html_text: str, tone: str, bold: bool = False) -> str:
    """Rich text in a tone's colour; `html_text` must already be escaped where it quotes input."""
    tag = "b" if bold else "span"
    return f"<{tag} style='color:{COLOURS[tone]}'>{html_text}</{tag}>"


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Give a label the look resources/style.qss gives `[tone="…"]` (error, caution, muted,
    accent, quiet, banner, note); None: the plain look."""
    widget.setProperty("tone", tone or "")
    _repolish(widget)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline a field the user must correct (style.qss: `[invalid="true"]`)."""
    widget.setProperty("invalid", bool(invalid))
    _repolish(widget)
